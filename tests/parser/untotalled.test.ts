/** Whether 表三's rows say its 总计 column is blank on every row (src/parser/tables/untotalled.ts). */
import { describe, expect, test } from 'vitest';
import { untotalled } from '../../src/parser/tables/untotalled.ts';
import type { ValueRow } from '../../src/parser/tables/rows.ts';
import type { Token } from '../../src/parser/tokens.ts';

const num = (text: string, line: number): Token => ({ kind: 'num', text, value: Number(text), line });
const row = (line: number, ...values: string[]): ValueRow => ({ label: `row ${line}`, line, values: values.map((v) => num(v, line)), strays: [] });
const none = (): undefined => undefined;

describe('a table without totals', () => {
  test('rows of six numbers whose nonzero ones never end with their sum print no 总计', () => {
    const rows = [row(1, '9', '2', '0', '0', '0', '0'), row(2, '0', '0', '0', '0', '0', '0'), row(3, '4', '2', '0', '0', '0', '0'), row(4, '1', '0', '0', '0', '0', '0'), row(5, '0', '0', '0', '0', '0', '0')];
    const u = untotalled(rows, none);
    expect(u.throughout).toBe(true);
    expect(u.proven).toBe(true);
    expect([...u.sixes.get(rows[0]!)!].map((c) => c.value)).toEqual([9, 2, 0, 0, 0, 0]);
  });
  test('a row of six that ends with the sum of the five before it is a row with a blank applicant cell', () => {
    const rows = [row(1, '9', '2', '0', '0', '0', '11'), row(2, '0', '0', '0', '0', '0', '0'), row(3, '4', '2', '0', '0', '0', '0'), row(4, '1', '0', '0', '0', '0', '0'), row(5, '0', '0', '0', '0', '0', '0')];
    expect(untotalled(rows, none).proven).toBe(false);
  });
  test('rows of six zeros alone fit a blank 总计 and a blank applicant cell alike', () => {
    const rows = [1, 2, 3, 4, 5].map((l) => row(l, '0', '0', '0', '0', '0', '0'));
    const u = untotalled(rows, none);
    expect(u.throughout).toBe(true);
    expect(u.proven).toBe(false);
  });
  test('a row printing seven numbers says the table prints its totals', () => {
    const rows = [row(1, '9', '2', '0', '0', '0', '0', '11'), ...[2, 3, 4, 5, 6].map((l) => row(l, '1', '0', '0', '0', '0', '0'))];
    expect(untotalled(rows, none).throughout).toBe(false);
  });
  test('one row of seven beside many more of six is the one row the agency totalled', () => {
    const sixes = [row(1, '64', '0', '0', '2', '0', '4'), row(2, '0', '0', '0', '0', '0', '0'), row(3, '27', '0', '0', '2', '0', '1'), row(4, '1', '0', '0', '0', '0', '0'), row(5, '0', '0', '0', '0', '0', '0')];
    const u = untotalled([...sixes, row(6, '5', '0', '0', '0', '0', '0', '5')], none);
    expect(u.throughout).toBe(false);
    expect(u.proven).toBe(true);
    expect([...u.sixes.get(sixes[0]!)!].map((c) => c.value)).toEqual([64, 0, 0, 2, 0, 4]);
  });
  test('rows of six no more than twice as many as rows of seven are rows that each lost a cell', () => {
    const sixes = [row(1, '64', '0', '0', '2', '0', '4'), row(2, '0', '0', '0', '0', '0', '0'), row(3, '27', '0', '0', '2', '0', '1'), row(4, '1', '0', '0', '0', '0', '0'), row(5, '0', '0', '0', '0', '0', '0')];
    const sevens = [6, 7, 8].map((l) => row(l, '5', '0', '0', '0', '0', '0', '5'));
    expect(untotalled([...sixes, ...sevens], none).proven).toBe(false);
  });
  test("a crawl's glued run of six digits is six one-digit cells, and one of seven a row only where it adds up", () => {
    const glued = (line: number, text: string): ValueRow => ({ label: `row ${line}`, line, values: [{ ...num(text, line), glued: true }], strays: [] });
    const rows = [glued(1, '900000'), glued(2, '9500000'), glued(3, '100000'), glued(4, '000000'), glued(5, '300000'), glued(6, '000000')];
    const u = untotalled(rows, none);
    expect(u.proven).toBe(true);
    expect(untotalled([...rows, glued(7, '2000002')], none).throughout).toBe(false);
  });
});
