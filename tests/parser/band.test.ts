/**
 * A band of 表三 columns printed as several runs, each in one order of its own (uniformReadingsOf): the readings kept
 * are those in which every row adds up to its 总计, told apart by value and by where the placeholders (—) stand.
 */
import { describe, expect, test } from 'vitest';
import { bandReadings, uniformReadingsOf } from '../../src/parser/tables/band.ts';

/** Two rows whose first two cells are known; columns 2–4 and 5–6 come as two runs. */
const fixed = [
  [1, 1, undefined, undefined, undefined, undefined, undefined],
  [3, 0, undefined, undefined, undefined, undefined, undefined],
];
const cols = (from: number, w: number): number[] => Array.from({ length: w }, (_, x) => from + x);

describe('a band printed as several runs', () => {
  test('is read in the one combination of orders in which every row adds up', () => {
    // 其他 | 总计 printed in pairs, row by row: 0 2, 0 3 (column by column it would be 0 0 | 2 3: row sums fail)
    const got = uniformReadingsOf(fixed, [
      { cols: cols(2, 3), stream: [0, 0, 0, 0, 0, 0] },
      { cols: cols(5, 2), stream: [0, 2, 0, 3] },
    ]);
    expect(got.map((r) => r.values)).toEqual([[1, 1, 0, 0, 0, 0, 2, 3, 0, 0, 0, 0, 0, 3]]);
    expect(got[0]!.blocks.map((b) => b.columnMajor)).toEqual([false, false]);
  });

  test('keeps two readings apart that differ only in where the placeholders stand', () => {
    // a run of zeros and dashes, equal by value read either way, but its 0 stands elsewhere by columns
    const got = uniformReadingsOf(fixed, [
      { cols: cols(2, 3), stream: [0, 0, 0, 0, 0, 0], placeholders: [true, false, true, true, true, true] },
      { cols: cols(5, 2), stream: [0, 2, 0, 3] },
    ]);
    expect(got).toHaveLength(2);
    expect(got.map((r) => r.blocks[0]!.columnMajor).sort()).toEqual([false, true]);
  });

  test('has no reading when no combination adds up', () => {
    expect(uniformReadingsOf(fixed, [{ cols: cols(2, 3), stream: [0, 0, 0, 0, 0, 0] }, { cols: cols(5, 2), stream: [0, 9, 0, 9] }])).toEqual([]);
  });
});

describe('a band printed as one stream', () => {
  /** Whether every row of a reading (7 cells a row) adds up to its 总计. */
  const addsUp = (values: readonly number[]): boolean =>
    Array.from({ length: values.length / 7 }, (_, r) => values.slice(r * 7, r * 7 + 7)).every((row) => row.slice(0, 6).reduce((a, v) => a + v, 0) === row[6]);

  test('lists the reading of two blocks of columns side by side, each a line per row', () => {
    // three rows print 自然人 beside their labels; the other six columns come as 商业 科研 社会 of the three rows,
    // a line each, then 法律 其他 总计 of the same rows (pdftotext: two text blocks of one band)
    const got = bandReadings([[137], [8631], [137]], [0, 0, 0, 0, 0, 274, 0, 0, 0, 0, 0, 137, 0, 548, 9453, 0, 0, 137]);
    expect(got?.map((r) => r.values)).toContainEqual([137, 0, 0, 0, 0, 0, 137, 8631, 0, 0, 274, 0, 548, 9453, 137, 0, 0, 0, 0, 0, 137]);
    expect(got?.every((r) => addsUp(r.values))).toBe(true);
  });

  test('lists the reading of three blocks side by side (商业 科研 | 社会 | 法律 其他 总计), each a line per row', () => {
    const got = bandReadings([[1], [147], [4]], [0, 0, 1, 0, 2, 0, 0, 0, 0, 0, 0, 1, 0, 0, 148, 0, 0, 6]);
    expect(got?.map((r) => r.values)).toContainEqual([1, 0, 0, 0, 0, 0, 1, 147, 1, 0, 0, 0, 0, 148, 4, 2, 0, 0, 0, 0, 6]);
    expect(got?.every((r) => addsUp(r.values))).toBe(true);
  });
});
