/**
 * 表三 rows printed short (a Word export's blank zeros, in a text without positions): the readings of one row, and
 * what the identities settle across the table (src/parser/tables/short-rows.ts).
 */
import { describe, expect, test } from 'vitest';
import type { Piece } from '../../src/parser/glued.ts';
import { markedPieces, type MarkedPiece } from '../../src/parser/marked-runs.ts';
import { markedReadings, rowReadings, settleShortRows, type ShortRow } from '../../src/parser/tables/short-rows.ts';
import { tokenize } from '../../src/parser/tokens.ts';

const row = (id: string, ...values: number[]): ShortRow => ({ row: id, pieces: values.map((value) => ({ value })) });

/** A table whose other rows print zeros in every cell: their cells are known 0. */
const zeros = (): number => 0;

describe('readings of one short row', () => {
  test('9 2 11: 总计 is 11 and 9, 2 two of the six applicant columns (C(6,2) readings)', () => {
    const r = rowReadings([{ value: 9 }, { value: 2 }, { value: 11 }])!;
    expect(r).toHaveLength(15);
    expect(r.every((c) => c.cells[6] === 11)).toBe(true);
  });

  test('a row of zeros fits every placement, 总计 blank included', () => {
    expect(rowReadings([{ value: 0 }, { value: 0 }])).toHaveLength(21);
  });

  test('one nonzero value alone fits no placement (a blank 总计 is 0)', () => {
    expect(rowReadings([{ value: 5 }])).toHaveLength(0);
  });

  test('a glued run is also read split: 1 12 is no row as printed (1 ≠ 12), but 1 | 1 | 2 is', () => {
    const r = rowReadings([{ value: 1 }, { run: '12' }])!;
    expect(r).toHaveLength(15);
    expect(r.every((c) => c.cells[6] === 2 && c.from === null)).toBe(true);
  });
});

describe('settling short rows across the table', () => {
  test('two-value rows settle only 总计: every column the rows use may move together', () => {
    const res = settleShortRows('2021', [row('newReceived', 3, 3), row('granted', 3, 3), row('total', 3, 3)], zeros);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    for (const r of res.rows) {
      expect(r.cells[6]).toEqual({ value: 3, piece: 1 });
      expect(r.cells.slice(0, 6).every((c) => c === undefined)).toBe(true);
      expect(r.readings).toBe(6);
    }
  });

  test('a full row pins the columns: 3 3 under 新收 0 3 0 0 0 0 3 is 商业企业, not 自然人', () => {
    const full = [0, 3, 0, 0, 0, 0, 3];
    const known = (r: string, x: number): number => (r === 'newReceived' || r === 'total' ? full[x]! : 0);
    const res = settleShortRows('2021', [row('granted', 3, 3)], known);
    expect(res.ok && res.rows[0]!.cells).toEqual(['blank', { value: 3, piece: 0 }, 'blank', 'blank', 'blank', 'blank', { value: 3, piece: 1 }]);
  });

  test('rows of zeros settle nothing and constrain nothing', () => {
    const res = settleShortRows('2021', [row('carriedOver', 0, 0)], zeros);
    expect(res.ok && res.rows[0]!.cells.every((c) => c === undefined)).toBe(true);
  });

  test('counts the column identities that check a row: none when every one runs through a cell unread', () => {
    const unread = (): null => null;
    const alone = settleShortRows('2021', [row('total', 137, 137)], unread);
    expect(alone.ok && alone.rows[0]!.cells[6]).toEqual({ value: 137, piece: 1 });
    expect(alone.ok && alone.rows[0]!.checked).toBe(0);
    // every other row known: 总计's seven column identities through the result rows, and its seven through 新收 + 结转
    const checked = settleShortRows('2021', [row('newReceived', 3, 3), row('granted', 3, 3), row('total', 3, 3)], zeros);
    expect(checked.ok && checked.rows.map((r) => r.checked)).toEqual([7, 7, 14]);
  });

  test('a table no placement makes add up is left alone', () => {
    const res = settleShortRows('2021', [row('newReceived', 4, 4), row('total', 3, 3)], zeros);
    expect(res).toEqual({ ok: false, reason: 'inconsistent' });
  });

  test('an identity through an unknown cell constrains nothing', () => {
    // 新收 4 4 and 总计 3 3 break 新收 + 结转 = 总计 + 结转下年度 only if 结转 is known; unknown, both rows read
    const known = (r: string): number | null => (r === 'carriedOver' ? null : 0);
    const res = settleShortRows('2021', [row('newReceived', 4, 4), row('total', 3, 3)], known);
    expect(res.ok).toBe(false); // the results identity still ties 总计 to the result rows (all 0)
    const loose = settleShortRows('2021', [row('newReceived', 4, 4)], known);
    expect(loose.ok && loose.rows[0]!.cells[6]).toEqual({ value: 4, piece: 1 });
  });

  test('past the search budget nothing is settled', () => {
    const rows = [row('newReceived', 9, 2, 11), row('granted', 4, 2, 6), row('partiallyGranted', 5, 5), row('total', 9, 2, 11)];
    expect(settleShortRows('2021', rows, zeros).ok).toBe(true);
    expect(settleShortRows('2021', rows, zeros, { states: 1000, steps: 20 })).toEqual({ ok: false, reason: 'budget' });
  });
});

describe('rows a one-line crawl printed with each blank cell as a space', () => {
  const B = { blank: true } as const;
  const marked = (id: string, ...m: Array<MarkedPiece>): ShortRow => ({ row: id, pieces: m.filter((p): p is Piece => !('blank' in p)), marked: m });

  test('the spaces a crawl kept around and between digit runs become blank cells where they stand', () => {
    const line = `${'说明'.repeat(210)}（一）予以公开25812  11 （二）部分公开3      （三）`;
    const tokens = tokenize([line], 0, 1).filter((t) => t.kind === 'num');
    expect(markedPieces(tokens.slice(0, 2), () => undefined)).toEqual([{ run: '25812' }, B, B, { run: '11' }, B]);
    expect(markedPieces(tokens.slice(2), () => undefined)).toEqual([{ value: 3 }, B, B, B, B, B, B]);
  });

  test('a run is cut the one way the table identities allow, and a row whose 总计 is a space needs no row sum', () => {
    // 新收 and 总计 82135␣␣21859 (821|35|·|·|2|1|859), 予以公开 25812␣␣11␣ (untotalled), 部分公开 56323␣␣1␣␣:
    // the 自然人 column is 821 = 258 + 563, 商业企业 35 = 12 + 23, 法律服务机构 2 = 1 + 1, 其他 1
    const res = settleShortRows(
      '2019',
      [
        marked('newReceived', { run: '82135' }, B, B, { run: '21859' }),
        marked('granted', { run: '25812' }, B, B, { run: '11' }, B),
        marked('partiallyGranted', { run: '56323' }, B, B, { value: 1 }, B, B),
        marked('total', { run: '82135' }, B, B, { run: '21859' }),
      ],
      () => 0,
    );
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const cellsOf = (id: string): Array<number | null | undefined> => res.rows.find((r) => r.row === id)!.cells.map((c) => (c === 'blank' ? null : c?.value));
    expect(cellsOf('granted')).toEqual([258, 12, null, null, 1, 1, null]);
    expect(cellsOf('partiallyGranted')).toEqual([563, 23, null, null, 1, null, null]);
    expect(cellsOf('newReceived')).toEqual([821, 35, null, null, 2, 1, 859]);
  });

  test('from a crawl that collapsed its white space, one space stands for one blank cell or more: 18 18 is 18|·|·|·|·|·|18', () => {
    const m: MarkedPiece[] = [{ run: '18' }, B, { run: '18' }];
    expect(markedReadings(m)).toEqual([]); // (as printed, one blank: three cells at most, no row of seven)
    expect(markedReadings(m, true)!.map((c) => c.cells)).toEqual([[18, -1, -1, -1, -1, -1, 18]]);
  });

  test('where two cuts keep every identity, the cells they disagree on stay unsettled', () => {
    // 予以公开 and 部分公开 111␣␣␣␣␣ each, 总计 1212␣␣␣␣24: 1|11 beside 11|1 and 11|1 beside 1|11 both add up
    const res = settleShortRows(
      '2019',
      [
        marked('newReceived', { run: '1212' }, B, B, B, B, { run: '24' }),
        marked('granted', { run: '111' }, B, B, B, B, B),
        marked('partiallyGranted', { run: '111' }, B, B, B, B, B),
        marked('total', { run: '1212' }, B, B, B, B, { run: '24' }),
      ],
      () => 0,
    );
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const granted = res.rows.find((r) => r.row === 'granted')!;
    expect(granted.readings).toBe(2);
    expect(granted.cells.slice(0, 2)).toEqual([undefined, undefined]);
    expect(granted.cells.slice(2)).toEqual(['blank', 'blank', 'blank', 'blank', 'blank']);
    expect(res.rows.find((r) => r.row === 'total')!.cells.map((c) => (c === 'blank' ? null : c?.value))).toEqual([12, 12, null, null, null, null, 24]);
  });
});
