/** Texts that split numbers into digit groups: 表三 shows it, 表二's groups are then no cells. */
import { describe, expect, test } from 'vitest';
import { joinable, splitNumbersLine } from '../../src/parser/tables/split-numbers.ts';
import { tokenize } from '../../src/parser/tokens.ts';

const tokens = (lines: string[]) => tokenize(lines, 0, lines.length);

describe('a text that splits numbers', () => {
  test('is shown by a 表三 row of more groups than cells that adds up only with neighbours joined', () => {
    expect(splitNumbersLine(tokens(['（一）予以公开 959 0 0 0 0 0 959', '（二）部分公开 13 7 0 0 0 0 0 13 7']))).toBe(2);
    expect(splitNumbersLine(tokens(['一、本年新收政府信息公开申请数量 1233 274 0 0 0 0 1 5 07']))).toBe(1);
  });
  test('is not shown by rows of seven, nor by a row a serial number opens, nor by groups that join two ways', () => {
    expect(splitNumbersLine(tokens(['（一）予以公开 959 0 0 0 0 0 959']))).toBeNull();
    expect(splitNumbersLine(tokens(['（一）予以公开 1 5 0 0 0 0 0 5']))).toBeNull();
    // 11 | 0 … | 11 and 1 | 10 | 0 … | 11 both add up: which groups are one number, nothing says
    expect(splitNumbersLine(tokens(['（一）予以公开 1 1 0 0 0 0 0 1 1']))).toBeNull();
  });
  test('is not shown by groups set apart as layout columns', () => {
    expect(splitNumbersLine(tokens(['（二）部分公开    13    7    0    0    0    0    0    13    7']))).toBeNull();
  });
  test('leaves 表二 groups that could be one number in doubt, and zeros or a column layout not', () => {
    const nums = (line: string) => tokens([line]).filter((t) => t.kind === 'num');
    expect(joinable(nums('其他对外管理服务事项 13 7 0'))).toBe(true);
    expect(joinable(nums('规章 0 0 0'))).toBe(false);
    expect(joinable(nums('规章 0 07 0'))).toBe(false);
    expect(joinable(nums('行政处罚    362    77    6'))).toBe(false);
  });
});
