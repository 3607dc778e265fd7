import { describe, expect, test } from 'vitest';
import type { Equation } from '../../src/parser/identities.ts';
import { chooseSplits, contradicted, type Ambiguous } from '../../src/parser/solve.ts';
import type { Finding } from '../../src/schema/record.ts';
import { CellStore } from '../../src/parser/tables/grid.ts';

/** 总计 = 甲 + 乙 for the 自然人 column of two result rows (cells as read, null when not read). */
const eq: Equation = {
  plus: ['requests/granted/naturalPerson', 'requests/partiallyGranted/naturalPerson'],
  minus: ['requests/total/naturalPerson'],
  code: 'IDENTITY_RESULTS',
  label: 'test',
};
function store(granted: number | null, partial: number | null, total: number | null): CellStore {
  const cells = new CellStore();
  const put = (k: string, v: number | null): void => void (v !== null && cells.set(k, { value: v, line: 1 }));
  put('requests/granted/naturalPerson', granted);
  put('requests/partiallyGranted/naturalPerson', partial);
  put('requests/total/naturalPerson', total);
  return cells;
}

describe('cells that already break an identity', () => {
  test('are cells whose sums differ when every term is read', () => {
    expect(contradicted(store(1, 0, 0), [eq])).toBe(true);
    expect(contradicted(store(1, 0, 1), [eq])).toBe(false);
  });

  test('are parts read past their total while a part is unread (cells count 0 or more)', () => {
    expect(contradicted(store(1, null, 0), [eq])).toBe(true);
    expect(contradicted(store(1, null, 3), [eq])).toBe(false);
  });
});

describe('glued rows with several splits each', () => {
  // (two readings per row that no equation tells apart: 303 | 0 | 303 and 3 | 300 | 303)
  const rows = (n: number): Ambiguous[] =>
    Array.from({ length: n }, (_, i) => ({
      keys: [`r${i}/a`, `r${i}/b`, `r${i}/total`],
      candidates: [
        [303, 0, 303],
        [3, 300, 303],
      ],
      line: i + 1,
      raw: '3030303',
    }));
  const rowSums = (n: number): Equation[] => Array.from({ length: n }, (_, i) => ({ plus: [`r${i}/a`, `r${i}/b`], minus: [`r${i}/total`], code: 'IDENTITY_ROW', label: 'row' }));
  test('settle no row when every reading keeps the equations', () => {
    const cells = new CellStore();
    const findings: Finding[] = [];
    chooseSplits(cells, rows(3), rowSums(3), findings);
    expect([...cells]).toEqual([]);
    expect(findings.map((f) => f.code)).toEqual(['GLUED_AMBIGUOUS', 'GLUED_AMBIGUOUS', 'GLUED_AMBIGUOUS']);
  });
  test('settle no row when the readings are too many to see them all, though those seen agree on some rows', () => {
    const cells = new CellStore();
    const findings: Finding[] = [];
    // (eight rows, 256 readings: the first 64 found all read the first rows one way)
    chooseSplits(cells, rows(8), rowSums(8), findings);
    expect([...cells]).toEqual([]);
    expect(findings).toHaveLength(8);
    expect(findings[0]!.message).toContain('读法太多');
  });
});
