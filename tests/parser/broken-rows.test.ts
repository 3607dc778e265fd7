/** A table row broken over lines with tabs between its cells (innerText of a Word-exported page): its cells in place. */
import { describe, expect, test } from 'vitest';
import { joinBrokenRows } from '../../src/parser/broken-rows.ts';

/** A row as innerText prints cells of paragraphs: each cell after a tab on a line of its own, empty lines around. */
const row = (label: string, cells: string[]): string[] => [label, ...cells.flatMap((c) => ['', '\t', '', c === '' ? ' ' : c]), '', '', ''];

describe('table rows broken over lines with tabs between cells', () => {
  test('a row a paragraph a cell is read with its blank cells in place once two rows have 表三 length', () => {
    const lines = ['表三', ...row('一、本年新收', ['821', '35', '', '', '2', '1', '859']), ...row('二、上年结转', ['18', '', '', '', '', '', '18']), '完'];
    const out = joinBrokenRows(lines);
    expect(out.length).toBe(lines.length);
    expect(out[1]).toBe('一、本年新收 │ 821 │ 35 │  │  │ 2 │ 1 │ 859 │');
    expect(out[33]).toBe('二、上年结转 │ 18 │  │  │  │  │  │ 18 │');
    expect(out.slice(2, 33).every((l) => l === '')).toBe(true);
  });

  test('cells flowed on the label line with tabs, blank ones on lines of their own, are joined in order', () => {
    const lines = [
      '一、本年新收\t705\t3\t', '', ' ', '', '\t', '', ' ', '', '\t5\t', '', ' ', '', '\t713',
      '三、本年度办理结果\t（一）予以公开\t290\t1\t', '', ' ', '', '\t', '', ' ', '', '\t3\t', '', ' ', '', '\t294',
      '完',
    ];
    const out = joinBrokenRows(lines);
    expect(out[0]).toBe('一、本年新收 │ 705 │ 3 │  │  │ 5 │  │ 713 │');
    expect(out[13]).toBe('三、本年度办理结果 （一）予以公开 │ 290 │ 1 │  │  │ 3 │  │ 294 │');
  });

  test('a value line running straight into another is no row: left as printed (never 2 and 3 glued into 23)', () => {
    const lines = ['甲\t1\t', '2', '', '3\t4', '乙\t1\t', '2', '', '3\t4', '完'];
    expect(joinBrokenRows(lines)).toBe(lines);
  });

  test('a text printing a cell a line after a tab, no paragraph breaks, is left as printed (it is read as it stands)', () => {
    const lines = ['\t（七）总计', '\t8', '\t2', '\t0', '\t0', '\t0', '\t0', '\t10', '', '\t四、结转下年度继续办理', '\t1', '\t0', '\t0', '\t0', '\t0', '\t0', '\t1', '', '完'];
    expect(joinBrokenRows(lines)).toBe(lines);
  });

  test("html2text's bars between cells broken over lines are cut like tabs", () => {
    const bar = (label: string, cells: string[]): string[] => [label, ...cells.flatMap((c) => ['', '| ', '', c === '' ? ' ' : c]), '  '];
    const lines = ['表三', ...bar('一、本年新收', ['821', '35', '', '', '2', '1', '859']), ...bar('二、上年结转', ['18', '', '', '', '', '', '18']), '完'];
    const out = joinBrokenRows(lines);
    expect(out[1]).toBe('一、本年新收 │ 821 │ 35 │  │  │ 2 │ 1 │ 859 │');
    expect(out[31]).toBe('二、上年结转 │ 18 │  │  │  │  │  │ 18 │');
  });
});
