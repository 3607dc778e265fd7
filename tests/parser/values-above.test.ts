/** Lines of values between two rows' labels, and the reading with them below the next label (src/parser/tables/values-above.ts). */
import { describe, expect, test } from 'vitest';
import { valuesAbove } from '../../src/parser/tables/values-above.ts';
import type { Token } from '../../src/parser/tokens.ts';
import { fold } from '../../src/parser/normalize.ts';

const word = (text: string, line: number): Token => ({ kind: 'text', text, line });
const num = (text: string, line: number, at: number): Token => ({ kind: 'num', text, value: Number(text), line, at });
/** 表三's group labels, folded (as readRequests passes them). */
const GROUPS = ['三、本年度办理结果', '（五）不予处理'].map(fold);
const order = (tokens: readonly Token[]): string => tokens.map((t) => t.text).join(' ');

describe('values printed above their labels', () => {
  test('a line of values alone between a label and the next row label is moved below that label', () => {
    const tokens = [word('二、上年结转政府信息公开申请', 1), word('数量', 2), num('27', 3, 40), num('30', 3, 80), word('（一）予以公开', 4)];
    const r = valuesAbove(tokens, GROUPS)!;
    expect(r.moved).toEqual([3]);
    expect(order(r.tokens)).toBe('二、上年结转政府信息公开申请 数量 （一）予以公开 27 30');
  });
  test("a line nearer the next row's label than its own row label above, past a group cell's characters, is said so", () => {
    const nearer = [word('1.信访举报投诉类申请', 1), word('不予处', 2), word('理', 3), num('1', 3, 30), num('1', 3, 80), word('2.重复申请', 4)];
    expect(valuesAbove(nearer, GROUPS)!.nearerBelow).toEqual([3]);
    const between = [word('7.属于行政执法案卷', 1), num('6', 2, 30), num('6', 2, 80), word('8.属于行政查询事项', 3)];
    expect(valuesAbove(between, GROUPS)!.nearerBelow).toEqual([]);
  });
  test("a merged group cell's characters before the values stay in place", () => {
    const tokens = [word('诉类申请', 1), word('予处', 2), num('3', 2, 30), num('3', 2, 80), word('2.重复申请', 3)];
    expect(order(valuesAbove(tokens, GROUPS)!.tokens)).toBe('诉类申请 予处 2.重复申请 3 3');
  });
  test("a whole group label before the values is a row of its own (2019's （六）其他处理), not a merged cell's words", () => {
    const tokens = [word('5.要求行政机关确认', 1), word('（五）不予处理', 2), num('8', 2, 30), num('8', 2, 80), word('（七）总计', 3)];
    expect(valuesAbove(tokens, GROUPS)).toBeNull();
    const part = [word('数量', 1), word('三、本年度', 2), num('290', 2, 30), num('294', 2, 80), word('（一）予以公开', 3)];
    expect(order(valuesAbove(part, GROUPS)!.tokens)).toBe('数量 三、本年度 （一）予以公开 290 294');
  });
  test("the end of a row's own label before the values keeps them that row's", () => {
    const tokens = [word('7.属于行政执法案', 1), word('卷', 2), num('6', 2, 30), num('6', 2, 80), word('8.属于行政查询事', 3)];
    expect(valuesAbove(tokens, GROUPS)).toBeNull();
  });
  test("values followed by the rest of a label (no row starts there) are that label's, centred in it", () => {
    const tokens = [word('1.本机关不掌握', 1), num('22', 2, 30), num('25', 2, 80), word('相关政府信息', 3)];
    expect(valuesAbove(tokens, GROUPS)).toBeNull();
  });
  test("a reading order's stream of values one a line between a label and the next row label moves whole", () => {
    const tokens = [word('（一）予以公开', 1), word('商业企业', 2), num('9', 3, 0), num('0', 4, 0), num('9', 5, 0), word('1.属于国家秘密', 6)];
    for (const t of tokens) if (t.kind === 'num') delete t.at;
    const r = valuesAbove(tokens, GROUPS)!;
    expect(r.moved).toEqual([3]);
    expect(order(r.tokens)).toBe('（一）予以公开 商业企业 1.属于国家秘密 9 0 9');
  });
  test('one value alone on its line is no run of values', () => {
    const tokens = [word('（一）予以公开', 1), { kind: 'num', text: '9', value: 9, line: 2 } as Token, word('1.属于国家秘密', 3)];
    expect(valuesAbove(tokens, GROUPS)).toBeNull();
  });
  test('values of a delimited row (no positions) are no layout line', () => {
    const cell = (text: string): Token => ({ kind: 'num', text, value: Number(text), line: 2 });
    const tokens = [word('二、上年结转', 1), cell('27'), cell('30'), word('（一）予以公开', 3)];
    expect(valuesAbove(tokens, GROUPS)).toBeNull();
  });
});
