/** Page numbers in footers are no table cells: which lines are page furniture, and which stay text. */
import { describe, expect, test } from 'vitest';
import { dropPageNumbers, pageNumberLines, pageNumberOf } from '../../src/parser/page-numbers.ts';

describe('page numbers', () => {
  test('a page number says so by its form (第 3 页 共 5 页, 3/5, - 3 -) or is a bare number', () => {
    expect(pageNumberOf('          第 3 页 共 5 页')).toEqual({ n: 3, marked: true });
    expect(pageNumberOf('共5页 第2页')).toEqual({ n: 2, marked: true });
    expect(pageNumberOf('3/5')).toEqual({ n: 3, marked: true });
    expect(pageNumberOf('— 4 —')).toEqual({ n: 4, marked: true });
    expect(pageNumberOf('   7  ')).toEqual({ n: 7, marked: false });
    expect(pageNumberOf('6/5')).toBeNull();
    expect(pageNumberOf('行政许可 3')).toBeNull();
  });
  test("an English footer (Page 3, Page 3 of 5) says so by its form, and is dropped wherever reading order put it", () => {
    expect(pageNumberOf('Page 3 of 5')).toEqual({ n: 3, marked: true });
    expect(pageNumberOf('  page 6')).toEqual({ n: 6, marked: true });
    expect(pageNumberOf('Page 6 of 5')).toBeNull();
    expect(dropPageNumbers('行政复议\n0\nPage 6\n0')).toBe('行政复议\n0\n\n0');
  });
  test('bare numbers are page numbers only when two pages or more end with them counting up with the pages', () => {
    expect(pageNumberLines([['甲', '1'], ['乙', '2'], ['丙', '3']]).map((s) => [...s])).toEqual([[1], [1], [1]]);
    // a cover page shifts them alike
    expect(pageNumberLines([['封面'], ['甲', '1'], ['乙', '2']]).map((s) => [...s])).toEqual([[], [1], [1]]);
    // one page ending with a number is a table's last cell as likely
    expect(pageNumberLines([['甲', '12'], ['乙']]).map((s) => [...s])).toEqual([[], []]);
    // numbers that do not count with the pages are cells
    expect(pageNumberLines([['甲', '5'], ['乙', '0'], ['丙', '7']]).map((s) => [...s])).toEqual([[], [], []]);
  });
  test("another page's own number moved off its end by reading order is dropped when it is the only line saying it", () => {
    const pages = [['甲', '1'], ['0', '3', '', '其 总', '0 34'], ['丙', '3']];
    expect(pageNumberLines(pages).map((s) => [...s])).toEqual([[1], [], [1]]);
    const moved = [['甲', '1'], ['33 2 0', '2', '其 总', '0 34'], ['丙', '3']];
    expect(pageNumberLines(moved).map((s) => [...s])).toEqual([[1], [1], [1]]);
    const twice = [['甲', '1'], ['2', '2', '0 34'], ['丙', '3']];
    expect(pageNumberLines(twice).map((s) => [...s])).toEqual([[1], [], [1]]);
  });
  test('the offset most pages agree on decides: a page ending with a cell of another number hides no footer', () => {
    expect(pageNumberLines([['甲', '1'], ['乙', '1'], ['丙', '3']]).map((s) => [...s])).toEqual([[1], [], [1]]);
    // no page is numbered 0: pages ending 0, 1, 0 end with cells, though two of them would agree
    expect(pageNumberLines([['封面'], ['乙', '0'], ['丙', '1'], ['丁', '0']]).map((s) => [...s])).toEqual([[], [], [], []]);
  });
  test("of several lines with a page's own number, the footer is the one with no value beside it", () => {
    const pages = [['甲', '1'], ['0', '2', '0', '行政诉讼', '2', '', '其他', '0'], ['丙', '3']];
    expect(pageNumberLines(pages).map((s) => [...s])).toEqual([[1], [4], [1]]);
  });
  test("one page ending with its number and another showing its own moved off its end, each apart from values, agree", () => {
    // (two pages: page 1's footer moved between its header words by reading order, page 2's at its end)
    expect(pageNumberLines([['自然', '人', '1', '', '申请人情况'], ['151', '六、其他需要报告的事项', '2']]).map((s) => [...s])).toEqual([[2], [2]]);
    // a 1 among values (past an empty line) is a cell, and a page ending with a value after values is no footer
    expect(pageNumberLines([['0', '', '1', '人'], ['151', '六、其他需要报告的事项', '2']]).map((s) => [...s])).toEqual([[], []]);
    expect(pageNumberLines([['自然', '1', '人'], ['0', '', '2']]).map((s) => [...s])).toEqual([[], []]);
    // on that evidence only the pages that show their number apart: a 3 among page 3's values stays a cell
    expect(pageNumberLines([['自然', '人', '1', '', '申请人情况'], ['151', '六、其他需要报告的事项', '2'], ['0', '3', '0']]).map((s) => [...s])).toEqual([[2], [2], []]);
  });
  test("a dash form in a page's body is a footer only when it is that page's number; any other is cells", () => {
    expect(pageNumberLines([['甲'], ['乙', '— 2 —', '丙']]).map((s) => [...s])).toEqual([[], [1]]);
    expect(pageNumberLines([['甲'], ['乙', '— 1 —', '丙']]).map((s) => [...s])).toEqual([[], []]);
  });
  test('dropping empties the lines and keeps every other line where it was', () => {
    const text = '表三\n0\n1\n\f0\n0\n2\n\f';
    const out = dropPageNumbers(text);
    expect(out.split('\n')).toEqual(['表三', '0', '', '\f0', '0', '', '\f']);
    expect(dropPageNumbers('第 3 页 共 5 页\n一、总体情况')).toBe('\n一、总体情况');
    expect(dropPageNumbers('一、总体情况\n全年公开 3 件')).toBe('一、总体情况\n全年公开 3 件');
  });
});

describe('bare page numbers in a text without page breaks', () => {
  test('empties lines that are exactly 1, 2, 3 in order, the last ending the text (officeparser joins pages with a line break)', () => {
    const text = '其他对外管理服务事项 19 883\n1\n第二十条第（六）项\n行政处罚 101 2 103\n2\n五、存在的主要问题\n3\n';
    expect(dropPageNumbers(text)).toBe('其他对外管理服务事项 19 883\n\n第二十条第（六）项\n行政处罚 101 2 103\n\n五、存在的主要问题\n\n');
  });
  test('leaves lone numbers that count otherwise, stop before the end, or are cells a line', () => {
    expect(dropPageNumbers('甲\n1\n乙\n3\n丙\n2')).toBe('甲\n1\n乙\n3\n丙\n2');
    expect(dropPageNumbers('甲\n1\n乙\n2\n丙')).toBe('甲\n1\n乙\n2\n丙');
    // (a table printed a cell a line: its zeros are no run counting up)
    expect(dropPageNumbers('自然人\n0\n0\n1\n2\n3')).toBe('自然人\n0\n0\n1\n2\n3');
  });
});
