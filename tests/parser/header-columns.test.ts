import { describe, expect, test } from 'vitest';
import { headerColumns, inOrder } from '../../src/parser/tables/header-columns.ts';

const WRAPPED = [
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之 自然      法人或其他组织',
  '                  和）               人 商业 科研 社会公 法律服   其 总',
  '                                     企业 机构 益组织 务机构   他 计',
  '        一、本年新收政府信息公开申请数量           0 0 0    0    0   0',
];

describe('header columns', () => {
  test('a name printed after wide text stands in order by characters, not by display columns', () => {
    const spans = headerColumns(WRAPPED, 0, WRAPPED.length)!;
    expect(spans.map((s) => s.chars)).toEqual([[33, 35], [37, 39], [40, 42], [43, 46], [47, 50], [53, 54], [55, 56]]);
    expect(inOrder(spans, 'chars')).toBe(true);
    expect(inOrder(spans, 'columns')).toBe(false);
  });

  test('names in order by display columns alone are kept too', () => {
    const lines = ['          自然人', '一二三四五六七八 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计', '1 2 3 4 5 6 21'];
    const spans = headerColumns(lines, 0, lines.length)!;
    expect(spans.slice(0, 2).map((s) => s.columns)).toEqual([[10, 16], [17, 25]]);
    expect(inOrder(spans, 'chars')).toBe(false);
    expect(inOrder(spans, 'columns')).toBe(true);
  });

  test('a header missing a name, or with names out of order in both measures, gives none', () => {
    expect(headerColumns(['自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他'], 0, 1)).toBeNull();
    expect(headerColumns(['商业企业 自然人 科研机构 社会公益组织 法律服务机构 其他 总计'], 0, 1)).toBeNull();
  });

  test('the header ends at the first line with a number', () => {
    expect(headerColumns(['自然人 商业企业 科研机构', '1 2 3', '社会公益组织 法律服务机构 其他 总计'], 0, 3)).toBeNull();
  });
});
