/** Blank cells of a delimited 表三 row kept or dropped (rows.ts fitBlanks), on tokenize's tokens of one grid line. */
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/parser/tokens.ts';
import { fitBlanks } from '../../src/parser/tables/rows.ts';

const cells = (line: string): string[] => fitBlanks(tokenize([line], 0, 1, 0, Infinity, true).filter((t) => t.kind !== 'text'), 7).map((t) => (t.blank ? '·' : t.text));

describe('a 表三 grid row of more cells than the table has columns', () => {
  it('drops blank cells among seven numbers that then add up', () => {
    expect(cells('（一）予以公开\t10\t1\t2\t\t\t3\t4\t5\t25')).toEqual(['10', '1', '2', '3', '4', '5', '25']);
  });
  it('keeps blank cells among seven numbers that would not add up: narrow cells wrapped their numbers over two', () => {
    expect(cells('一、本年新收\t8292\t1\t3535\t\t\t202\t101\t8675\t9')).toEqual(['8292', '1', '3535', '·', '·', '202', '101', '8675', '9']);
  });
  it('drops blank cells at its edges, a label column and a closing bar, around a row whose total disagrees with its parts', () => {
    expect(cells('一、本年新收\t\t6\t0\t0\t0\t0\t0\t7\t')).toEqual(['6', '0', '0', '0', '0', '0', '7']);
  });
});
