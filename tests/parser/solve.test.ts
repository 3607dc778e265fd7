import { describe, expect, test } from 'vitest';
import type { Equation } from '../../src/parser/identities.ts';
import { contradicted } from '../../src/parser/solve.ts';
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
