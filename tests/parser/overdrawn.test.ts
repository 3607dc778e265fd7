/** 表三's 法人或其他组织 columns checked with their blank cells read as 0 (overdrawn.ts). */
import { describe, expect, test } from 'vitest';
import { key } from '../../src/parser/identities.ts';
import { CellStore } from '../../src/parser/tables/grid.ts';
import { brokenColumns } from '../../src/parser/tables/overdrawn.ts';

/** A store with the given cells of 表三's commercial and research columns, the rest unread; `·` a printed blank. */
function store(cells: Record<string, number | '·'>): CellStore {
  const out = new CellStore();
  for (const [k, v] of Object.entries(cells)) out.set(k, v === '·' ? { value: null, line: 1, blank: true } : { value: v, line: 1 });
  return out;
}
const c = (row: string, column: string): string => key('requests', row, column);

describe('a column checked with its blank cells read as 0', () => {
  test('is broken when it hands out a request it never took in (a 1 under 科研机构 whose 新收 and 结转 are blank)', () => {
    const cells = store({ [c('newReceived', 'research')]: '·', [c('carriedOver', 'research')]: '·', [c('granted', 'research')]: 1 });
    expect(brokenColumns(cells, '2021')).toEqual(['research']);
  });
  test('holds when what it took in covers what it handed out, the other cells unread', () => {
    const cells = store({ [c('newReceived', 'commercial')]: 1, [c('carriedOver', 'commercial')]: '·', [c('granted', 'commercial')]: 1 });
    expect(brokenColumns(cells, '2021')).toEqual([]);
  });
  test('is broken when its results pass its printed （七）总计', () => {
    const cells = store({ [c('granted', 'commercial')]: 2, [c('total', 'commercial')]: 1 });
    expect(brokenColumns(cells, '2021')).toEqual(['commercial']);
  });
  test('counts a printed number kept null for a problem as unknown, not 0', () => {
    const cells = store({ [c('newReceived', 'research')]: '·', [c('carriedOver', 'research')]: '·', [c('granted', 'research')]: 1 });
    cells.set(c('newReceived', 'research'), { value: null, line: 1, raw: '27,21', problem: 'grouping' });
    expect(brokenColumns(cells, '2021')).toEqual([]);
  });
  test('says nothing of a column whose 新收 is unread', () => {
    const cells = store({ [c('carriedOver', 'research')]: '·', [c('granted', 'research')]: 5 });
    expect(brokenColumns(cells, '2021')).toEqual([]);
  });
});
