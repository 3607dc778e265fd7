/** A table printed a cell a line (a Word table saved as plain text): when an empty line is a blank cell. */
import { describe, expect, test } from 'vitest';
import { cellLines } from '../../src/parser/cell-lines.ts';

const row = (label: string, cells: string[]): string[] => [label, ...cells];

describe('tables printed a cell a line', () => {
  test('rows of one length with blank cells side by side make each such row a grid row on its label line', () => {
    const lines = [
      '表三',
      ...row('一、本年新收', ['3', '1', '', '', '', '', '4']),
      ...row('（一）予以公开', ['3', '', '', '', '', '', '3']),
      ...row('（二）部分公开', ['', '1', '', '', '', '', '1']),
      '四、政府信息公开行政复议、行政诉讼情况',
    ];
    const out = cellLines(lines);
    expect(out.length).toBe(lines.length);
    expect(out[1]).toBe('一、本年新收 │ 3 │ 1 │  │  │  │  │ 4 │');
    expect(out[9]).toBe('（一）予以公开 │ 3 │  │  │  │  │  │ 3 │');
    // a row opening with a blank cell: its label is right above, so the empty line is its first cell
    expect(out[17]).toBe('（二）部分公开 │  │ 1 │  │  │  │  │ 1 │');
    expect(out.slice(2, 9).every((l) => l === '')).toBe(true);
  });

  test("an empty line past a row's length is the next row's merged label cell, not a cell", () => {
    const lines = [
      ...row('甲', ['0', '', '', '', '', '', '0']),
      ...row('乙', ['0', '', '', '', '', '', '0']),
      ...row('丙', ['5', '', '', '', '', '', '5', '']),
      '丁',
    ];
    const out = cellLines(lines);
    expect(out[16]).toBe('丙 │ 5 │  │  │  │  │  │ 5 │');
    expect(out[24]).toBe('');
    expect(out[25]).toBe('丁');
  });

  test('text that separates its blocks with single empty lines is left as printed', () => {
    const lines = ['本年制发件数', '0', '', '0', '', '0', '行政许可', '2293', '', '42', '', '7', '行政处罚', '0'];
    expect(cellLines(lines)).toBe(lines);
  });

  test('one row with blank cells side by side proves nothing: it is left as printed', () => {
    const lines = [...row('甲', ['2', '', '', '', '', '', '2']), '乙', '3', '3'];
    expect(cellLines(lines)).toBe(lines);
  });
  test('prose whose paragraphs stand on consecutive lines makes one empty line inside a row a blank cell', () => {
    const prose = Array.from({ length: 11 }, (_, k) => `第${k + 1}段：本机关按照条例要求认真做好政府信息公开工作，不断提高公开质量和水平。`);
    const table = [...row('行政许可', ['396', '', '181']), ...row('其他对外管理服务事项', ['10', '', '153']), '第二十条第（六）项'];
    const out = cellLines([...prose, ...table]);
    expect(out[11]).toBe('行政许可 │ 396 │  │ 181 │');
    expect(out[15]).toBe('其他对外管理服务事项 │ 10 │  │ 153 │');
  });

  test('prose spaced by empty lines leaves a row with one empty line inside as printed', () => {
    const prose = Array.from({ length: 11 }, (_, k) => `第${k + 1}段：本机关按照条例要求认真做好政府信息公开工作，不断提高公开质量和水平。`);
    const spaced = prose.flatMap((p) => [p, '']);
    const table = [...row('行政许可', ['396', '', '181']), ...row('其他对外管理服务事项', ['10', '', '153']), '第二十条第（六）项'];
    const lines = [...spaced, ...table];
    expect(cellLines(lines)).toBe(lines);
  });
});
