/** A .doc's table as catdoc prints it: a line break for the separator next to an empty cell. */
import { describe, expect, test } from 'vitest';
import { catdocRows } from '../../src/parser/catdoc-rows.ts';

describe("catdoc's rows with blank cells", () => {
  test('separators up to the last value, tabs and line breaks alike, place each value in its column', () => {
    const lines = [
      '\t一、本年新收政府信息公开申请数量\t1\t1', '', '', '', '\t2', '',
      '\t三、本年度办理结果\t（一）予以公开', '', '1', '', '', '', '\t1', '',
      '7.属于行政执法案卷\t4', '', '', '', '', '', '4', '', '', '',
      '完',
    ];
    const out = catdocRows(lines);
    expect(out[0]).toBe('一、本年新收政府信息公开申请数量 │ 1 │ 1 │  │  │  │  │ 2 │');
    expect(out[6]).toBe('三、本年度办理结果 （一）予以公开 │  │ 1 │  │  │  │  │ 1 │');
    expect(out[14]).toBe('7.属于行政执法案卷 │ 4 │  │  │  │  │  │ 4 │');
    expect(out[20]).toBe('');
  });

  test('one row of seven proves nothing, and a row whose last cells are blank is left as printed', () => {
    const lines = ['7.属于行政执法案卷\t4', '', '', '', '', '', '4', '', '8.属于行政查询事项\t2', '', '', '', '', '完'];
    expect(catdocRows(lines)).toBe(lines);
    const withTail = [...lines.slice(0, 8), '1.信访\t3', '', '', '', '', '', '3', '', '2.重复\t5', '', '5', '', '', '', '', '完'];
    const out = catdocRows(withTail);
    expect(out[0]).toBe('7.属于行政执法案卷 │ 4 │  │  │  │  │  │ 4 │');
    expect(out[16]).toBe('2.重复\t5');
  });
});
