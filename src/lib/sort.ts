/**
 * Sorting of the year table (server-rendered order and the progressive-enhancement sort buttons share it).
 * Cells carry a sort value: a number, text, or empty for a missing number — which always sorts last, whatever
 * the direction, so missing data is never presented as the "lowest".
 */

export type SortDirection = 'ascending' | 'descending';

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** Compares two sort values; numbers numerically, text in Chinese (pinyin) collation, empty values last. */
export function compareSortValues(a: string, b: string, direction: SortDirection): number {
  const ea = a.trim() === '';
  const eb = b.trim() === '';
  if (ea || eb) return ea === eb ? 0 : ea ? 1 : -1;
  const na = Number(a);
  const nb = Number(b);
  const sign = direction === 'ascending' ? 1 : -1;
  if (Number.isFinite(na) && Number.isFinite(nb)) return sign * (na - nb);
  return sign * collator.compare(a, b);
}

/** Next direction when a sort button is pressed: a fresh column starts ascending, then toggles. */
export function nextDirection(current: string | null | undefined): SortDirection {
  return current === 'ascending' ? 'descending' : 'ascending';
}

/** Stable sort of rows by one column's sort value. */
export function sortRows<T>(rows: readonly T[], value: (row: T) => string, direction: SortDirection): T[] {
  return rows
    .map((row, index) => ({ row, index, key: value(row) }))
    .sort((x, y) => compareSortValues(x.key, y.key, direction) || x.index - y.index)
    .map((x) => x.row);
}

/** Sort value of a possibly missing number: '' for null. */
export function numberSortValue(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '' : String(value);
}

/** Chinese-aware name comparison (pinyin order), for stable listings. */
export function compareNames(a: string, b: string): number {
  return collator.compare(a, b);
}
