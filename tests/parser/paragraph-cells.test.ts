/** A table printed a cell a paragraph (lynx -dump of a Word-exported page): when an empty line is a blank cell. */
import { describe, expect, test } from 'vitest';
import { paragraphCells } from '../../src/parser/paragraph-cells.ts';

/** A row as lynx prints it: the label, then each cell a paragraph ('' a blank cell), an empty line after each. */
const row = (label: string, cells: string[]): string[] => [label, '', ...cells.flatMap((c) => (c === '' ? [''] : [c, '']))];

describe('tables printed a cell a paragraph', () => {
  test('rows whose doubled empty lines decode to one length become grid rows with their blank cells in place', () => {
    const lines = [
      '表三',
      ...row('一、本年新收', ['821', '35', '', '', '2', '1', '859']),
      ...row('二、上年结转', ['18', '', '', '', '', '', '18']),
      ...row('（一）予以公开', ['258', '12', '', '', '1', '1', '']),
      '四、政府信息公开行政复议、行政诉讼情况',
    ];
    const out = paragraphCells(lines);
    expect(out.length).toBe(lines.length);
    expect(out[1]).toBe('一、本年新收 │ 821 │ 35 │  │  │ 2 │ 1 │ 859 │');
    expect(out[15]).toBe('二、上年结转 │ 18 │  │  │  │  │  │ 18 │');
    // (a blank 总计: the last value's empty line and one more before the next label)
    expect(out[26]).toBe('（一）予以公开 │ 258 │ 12 │  │  │ 1 │ 1 │  │');
    expect(out.slice(2, 15).every((l) => l === '')).toBe(true);
  });

  test('one row of a length proves nothing: the text is left as printed', () => {
    const lines = ['表三', ...row('一、本年新收', ['821', '35', '', '', '2', '1', '859']), ...row('二、上年结转', ['18', '18']), '完'];
    expect(paragraphCells(lines)).toBe(lines);
  });

  test('a text with two values on consecutive lines is no paragraph a cell: left as printed', () => {
    // (the rows below would prove a length of four by themselves)
    const lines = ['表三', '一、本年新收', '', '821', '35', '', '859', '', ...row('二、上年结转', ['18', '', '', '18']), ...row('三', ['1', '', '', '1']), '完'];
    expect(paragraphCells(lines)).toBe(lines);
  });

  test("cells flowed on after the label, the line broken only before a blank cell, are read in place (lynx's inline cells)", () => {
    const lines = [
      '表三',
      '一、本年新收政府信息公开申请数量 705 3', '', '', '', '5', '', '', '713',
      '二、上年结转政府信息公开申请数量 36', '', '', '', '', '', '', '36',
      '3.其他 142 1', '', '', '', '', '', '143',
      '四、结转下年度继续办理',
    ];
    const out = paragraphCells(lines);
    expect(out[1]).toBe('一、本年新收政府信息公开申请数量 │ 705 │ 3 │  │  │ 5 │  │ 713 │');
    expect(out[9]).toBe('二、上年结转政府信息公开申请数量 │ 36 │  │  │  │  │  │ 36 │');
    expect(out[17]).toBe('3.其他 │ 142 │ 1 │  │  │  │  │ 143 │');
    expect(out[8]).toBe('');
  });

  test('rows whose label line has a tab are catdoc\'s, whose empty lines count otherwise: left as printed', () => {
    // (read as lynx's paragraphs, each row would decode to seven cells, 0 | · · · | 0 | · ·)
    const lines = ['表三', '甲\t0', '', '', '', '', '0', '', '', '', '乙\t0', '', '', '', '', '0', '', '', '', '完'];
    expect(paragraphCells(lines)).toBe(lines);
  });
});
