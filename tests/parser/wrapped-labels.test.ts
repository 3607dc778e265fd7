import { describe, expect, it } from 'vitest';
import { foldBare } from '../../src/parser/normalize.ts';
import type { Segment, Token } from '../../src/parser/tokens.ts';
import { labelsAroundValues } from '../../src/parser/tables/wrapped-labels.ts';

const leaves = ['6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项', '1.本机关不掌握相关政府信息'].map(foldBare);
const groups = ['（四）无法提供', '三、本年度办理结果'].map(foldBare);
const num = (v: number, line: number): Token => ({ kind: 'num', text: String(v), value: v, line });

/** A segment whose label is printed as these lines, then the values. */
function seg(lines: string[], values: Token[]): Segment {
  let at = 0;
  const starts = lines.map((l, i) => {
    const s = { at, line: i + 1 };
    at += l.length;
    return s;
  });
  return { label: lines.join(''), labelLine: 1, lines: starts, values };
}

describe('row labels printed around their values', () => {
  it('moves the lines after the values that complete the row label they cut back to that row', () => {
    const out = labelsAroundValues([seg(['6.属于四类过程性信息', '7.属'], [num(4, 3)]), seg(['于行', '政执', '法案', '卷', '8.属'], [num(0, 9)])], leaves, groups);
    expect(out.map((s) => s.label)).toEqual(['6.属于四类过程性信息7.属于行政执法案卷', '8.属']);
  });

  it("passes over a group label's lines printed among the row label's, leaving them with the next row", () => {
    const out = labelsAroundValues([seg(['8.属于行政查询事项', '（四', '1.本'], [num(1, 4)]), seg(['）无', '机关', '法提', '不掌', '供', '握相', '关政', '府信', '息', '2.没'], [num(0, 9)])], leaves, groups);
    expect(out.map((s) => s.label)).toEqual(['8.属于行政查询事项（四1.本机关不掌握相关政府信息', '）无法提供2.没']);
  });

  it('leaves the labels as printed when the lines after the values do not complete the row label', () => {
    const segments = [seg(['7.属'], [num(4, 2)]), seg(['于行', '政查', '8.属'], [num(0, 6)])];
    expect(labelsAroundValues(segments, leaves, groups)).toBe(segments);
  });
});
