/**
 * A one-line crawl's rows with each blank cell kept as a space (src/parser/marked-runs.ts): the readings of a row of
 * a given width that the spaces allow.
 */
import { describe, expect, test } from 'vitest';
import { BLANK, forEachMarkedReading, type MarkedPiece } from '../../src/parser/marked-runs.ts';

const B = { blank: true } as const;
const readings = (m: MarkedPiece[], width: number, collapsed = false): number[][] => {
  const out: number[][] = [];
  forEachMarkedReading(m, width, collapsed, (cells) => out.push([...cells]));
  return out;
};

describe('readings of a row whose blank cells a crawl printed as spaces', () => {
  test('each space is one blank cell where it stands, and a run is cut into the cells left: 5␣␣278␣␣19␣␣␣␣␣ is one reading of 15', () => {
    expect(readings([{ value: 5 }, B, B, { run: '278' }, B, B, { run: '19' }, B, B, B, B, B], 15)).toEqual([[5, BLANK, BLANK, 2, 7, 8, BLANK, BLANK, 1, 9, BLANK, BLANK, BLANK, BLANK, BLANK]]);
  });

  test('a run that may be one cell or several gives a reading for each cut that fills the width: 25812␣␣11␣ in seven', () => {
    const r = readings([{ run: '25812' }, B, B, { run: '11' }, B], 7);
    // 25812 into two cells beside 1|1, or into three beside 11 (no cut starts a cell with 0)
    expect(r).toHaveLength(4 + 6);
    expect(r).toContainEqual([258, 12, BLANK, BLANK, 1, 1, BLANK]);
    expect(r.every((c) => c[2] === BLANK || c[3] === BLANK)).toBe(true);
  });

  test('collapsed white space lets one space stand for several blank cells, and a run of spaces counts once', () => {
    expect(readings([{ run: '18' }, B, { run: '18' }], 7)).toEqual([]);
    const r = readings([{ run: '18' }, B, B, { run: '18' }], 7, true);
    expect(r).toContainEqual([18, BLANK, BLANK, BLANK, BLANK, BLANK, 18]);
    expect(r).toContainEqual([1, 8, BLANK, BLANK, BLANK, 1, 8]);
  });

  test('past its budget the walk says it stopped', () => {
    expect(forEachMarkedReading([{ run: '123456789012' }, B, { run: '123456789012' }], 15, true, () => {}, 10)).toBe(false);
  });
});
