import { describe, expect, test } from 'vitest';
import { compareNames, compareSortValues, nextDirection, numberSortValue, sortRows } from '../../src/lib/sort.ts';

describe('table sorting', () => {
  test('sorts numbers numerically, not as text', () => {
    expect(sortRows(['10', '9', '100'], (x) => x, 'ascending')).toEqual(['9', '10', '100']);
    expect(sortRows(['10', '9', '100'], (x) => x, 'descending')).toEqual(['100', '10', '9']);
  });

  test('puts missing values last in both directions', () => {
    expect(sortRows(['3', '', '1'], (x) => x, 'ascending')).toEqual(['1', '3', '']);
    expect(sortRows(['3', '', '1'], (x) => x, 'descending')).toEqual(['3', '1', '']);
  });

  test('sorts Chinese names in pinyin order', () => {
    expect(sortRows(['杭州市', '安庆市', '聊城市'], (x) => x, 'ascending')).toEqual(['安庆市', '杭州市', '聊城市']);
    expect(compareNames('安庆', '北京')).toBeLessThan(0);
  });

  test('keeps equal rows in their original order', () => {
    const rows = [
      { k: '1', id: 'a' },
      { k: '1', id: 'b' },
      { k: '0', id: 'c' },
    ];
    expect(sortRows(rows, (r) => r.k, 'descending').map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  test('starts a column ascending and then toggles', () => {
    expect(nextDirection(null)).toBe('ascending');
    expect(nextDirection('ascending')).toBe('descending');
    expect(nextDirection('descending')).toBe('ascending');
  });

  test('gives a missing number an empty sort value', () => {
    expect(numberSortValue(null)).toBe('');
    expect(numberSortValue(0)).toBe('0');
    expect(compareSortValues('0', '', 'descending')).toBeLessThan(0);
  });
});
