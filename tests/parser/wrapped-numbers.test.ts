/** 表三's numbers a narrow cell wraps over two lines of layout text (wrapped-numbers.ts, on tokenizeRange's tokens). */
import { describe, expect, test } from 'vitest';
import { tokenizeRange } from '../../src/parser/tokens.ts';
import { joinWrappedNumbers } from '../../src/parser/wrapped-numbers.ts';

/** The tokens of a text once wrapped numbers are joined. */
function read(text: string): ReturnType<typeof joinWrappedNumbers> {
  const lines = text.split('\n');
  const starts: number[] = [];
  let at = 0;
  for (const l of lines) {
    starts.push(at);
    at += l.length + 1;
  }
  return joinWrappedNumbers(tokenizeRange(lines, starts, 0, text.length), lines);
}

const numbers = (text: string): string[] => read(text).filter((t) => t.kind === 'num').map((t) => t.text);

/** The numbers left unreadable as maybe wrapped (their rests maybe after the row's label). */
const wrapped = (text: string): string[] => read(text).filter((t) => t.problem === 'wrapped').map((t) => t.text);

describe('a 表三 number a narrow cell wraps', () => {
  test('is joined to the digits the next line prints at its column when the row then adds up', () => {
    const text = ['一、本年新收政府信息     1867   3711   0    0    0    0    1904', '公开申请数量             87                                98'].join('\n');
    expect(numbers(text)).toEqual(['186787', '3711', '0', '0', '0', '0', '190498']);
  });
  test('is not joined to the next row of one-digit cells that stand at the same columns', () => {
    const text = ['三、本年度 （四）无法        1.本机关不掌握相关政府信息  1 0 0    0    0     0 1', '办理结果    提供         2.没有现成信息需要另行制作  0 0 0    0    0     0 0'].join('\n');
    expect(numbers(text)).toEqual(['1', '0', '0', '0', '0', '0', '1', '0', '0', '0', '0', '0', '0', '0']);
  });
  test('is joined to digits starting under one of its characters, a column right of it past a label of wide characters', () => {
    const text = ['一、本年新收政府信 232    0       0     0     0      0     232', '息公开申请数量      3                                      3'].join('\n');
    expect(numbers(text)).toEqual(['2323', '0', '0', '0', '0', '0', '2323']);
  });
  test('is not joined where the row would not add up', () => {
    const text = ['一、本年新收政府信息     1867   3711   0    0    0    0    1904', '公开申请数量             87                                97'].join('\n');
    expect(numbers(text)).toEqual(['1867', '3711', '0', '0', '0', '0', '1904', '87', '97']);
  });
  test('cut short by its thousands comma is joined to exactly the digits it lacks on the next line', () => {
    expect(numbers(['（一）予以公开', '27,21', '4', '0'].join('\n'))).toEqual(['27,214', '0']);
  });
  test('cut short by its thousands comma is joined to the rests a line of their own prints under the cut numbers', () => {
    const text = ['三、   （四   1.本   8,65   0   0   0   0   0   8,65', '本年   ）无   机关    9                          9'].join('\n');
    expect(numbers(text)).toEqual(['8,659', '0', '0', '0', '0', '0', '8,659']);
  });
  test('cut short by its thousands comma takes its rest two lines down only past a line with nothing under it', () => {
    const apart = ['供   掌握     38,34                       38,34', '                   0   0   0   0   0', '    相关       7                           7'];
    expect(numbers(apart.join('\n'))).toEqual(['38,347', '38,347', '0', '0', '0', '0', '0']);
    const under = ['本年   公开   8,65                         8,65', '              0     0   0   0   0', '              9                            9'];
    expect(numbers(under.join('\n'))).toEqual(['0', '0', '0', '0', '0', '9', '9']);
  });
  test('cut short by its thousands comma is not joined to a line whose numbers are not exactly its rests', () => {
    const text = ['三、   （一）予以   8,65   0   0   0   0   0   8,65', '本年   公开         9   0                      9'].join('\n');
    expect(numbers(text)).toEqual(['0', '0', '0', '0', '0', '9', '0', '9']);
  });
  test('cut short by its thousands comma, one a line, takes its rest after the row when the row then adds up', () => {
    const row = ['二、上年结转政府信息', '公开申请数量', '27,21', '0', '0', '0', '0', '0', '27,21', '4', '4', '（一）予以公开'];
    expect(numbers(row.join('\n'))).toEqual(['27,214', '0', '0', '0', '0', '0', '27,214']);
    const short = ['二、上年结转政府信息', '27,21', '0', '0', '0', '0', '0', '27,21', '5', '4', '（一）予以公开'];
    expect(numbers(short.join('\n'))).not.toContain('27,214');
  });
  test('printed one a line, its lines one after the other, is joined only by the one pairing that makes the row add up', () => {
    const row = ['一、本年新收政府信息', '1867', '87', '3711', '0', '0', '0', '0', '1904', '98', '二、上年结转'];
    expect(numbers(row.join('\n'))).toEqual(['186787', '3711', '0', '0', '0', '0', '190498']);
    // (1867 87 | 3711 … 1904 98 adds up; so would no other pairing: left as printed where the sum fails)
    const off = ['一、本年新收政府信息', '1867', '87', '3711', '0', '0', '0', '0', '1904', '97', '二、上年结转'];
    expect(numbers(off.join('\n'))).toEqual(['1867', '87', '3711', '0', '0', '0', '0', '1904', '97']);
    // (two pairings add up, 100 0 11000 1100 0 200 12400 and 100 0 1100 0 11000 200 12400: never a guess)
    const two = ['（一）予以公开', '100', '0', '1100', '0', '1100', '0', '200', '1240', '0', '（二）部分公开'];
    expect(numbers(two.join('\n'))).toEqual(['100', '0', '1100', '0', '1100', '0', '200', '1240', '0']);
  });
  test('printed one a line, takes the digits printed after the rest of its label when the row then adds up', () => {
    const first = ['一、本年新收政府信息', '1867', '3711', '0', '0', '0', '0', '1904', '公开申请数量', '87', '98'];
    expect(numbers(first.join('\n'))).toEqual(['186787', '3711', '0', '0', '0', '0', '190498']);
    // (the next row's numbers after a label that opens a row are no rests)
    const next = ['一、本年新收政府信息', '1867', '3711', '0', '0', '0', '0', '1904', '二、上年结转', '87', '98'];
    expect(numbers(next.join('\n'))).toEqual(['1867', '3711', '0', '0', '0', '0', '1904', '87', '98']);
  });
  test('printed one a line and adding up as printed, takes digits after its label only where another row showed them', () => {
    const second = ['（一）予以公', '4082', '0', '0', '0', '0', '0', '4082', '开', '1', '1'];
    // (alone, it adds up both ways: the numbers the digits would lengthen are kept as printed and unreadable, never 4082)
    expect(numbers(second.join('\n'))).toEqual(['4082', '0', '0', '0', '0', '0', '4082']);
    expect(wrapped(second.join('\n'))).toEqual(['4082', '4082']);
    const first = ['一、本年新收政府信息', '1867', '3711', '0', '0', '0', '0', '1904', '公开申请数量', '87', '98'];
    expect(numbers([...first, ...second].join('\n'))).toEqual(['186787', '3711', '0', '0', '0', '0', '190498', '40821', '0', '0', '0', '0', '0', '40821']);
  });
  test('takes a money unit its narrow cell wrapped onto the line above as its own', () => {
    const text = ['信息内容        采购项目数量     采购总金额', '政府集中采购      166,995              元', '                       75394432.52'].join('\n');
    expect(numbers(text)).toEqual(['166,995', '75394432.52元']);
  });
  test('leaves a money unit alone where two numbers stand under it', () => {
    const text = ['政府集中采购      166,995    元', '                  12.5       75394432.52'].join('\n');
    expect(numbers(text)).toEqual(['166,995', '12.5', '75394432.52']);
  });
});

describe('a 表四 number a narrow cell wraps', () => {
  const row = '13   0   26   0   39   15   0   0   0   15   0   0   0   0   0';
  test('is joined to the digits the line below prints under it when the three sums then hold', () => {
    const text = [row, '                       6                6'].join('\n');
    expect(numbers(text)).toEqual(['13', '0', '26', '0', '39', '156', '0', '0', '0', '156', '0', '0', '0', '0', '0']);
  });
  test('is not joined where a group would not add up', () => {
    const text = [row, '                       6                7'].join('\n');
    expect(numbers(text)).toEqual(['13', '0', '26', '0', '39', '15', '0', '0', '0', '15', '0', '0', '0', '0', '0', '6', '7']);
  });
  test('printed above the row with its cell centred is read in its columns order, the rest below joined', () => {
    const text = ['                       15               15', '13   0   26   0   39        0   0   0        0   0   0   0   0', '                       6                6'].join('\n');
    expect(numbers(text)).toEqual(['13', '0', '26', '0', '39', '156', '0', '0', '0', '156', '0', '0', '0', '0', '0']);
  });
  test('one a line, takes the rests after the row only as a term and its 总计 cut alike', () => {
    const values = row.split(/\s+/);
    expect(numbers(['诉讼情况', ...values, '6', '6', '五、存在的主要问题'].join('\n'))).toEqual(['13', '0', '26', '0', '39', '156', '0', '0', '0', '156', '0', '0', '0', '0', '0']);
    // (one rest changes one term of a group, which then no longer adds up: a lone number after the row is no rest)
    expect(numbers(['诉讼情况', ...values, '6', '五、存在的主要问题'].join('\n'))).toContain('15');
    expect(numbers(['诉讼情况', ...values, '6', '5', '五、存在的主要问题'].join('\n'))).not.toContain('156');
  });
});
