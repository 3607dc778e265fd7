/**
 * 表三 printed as nothing but zeros in a reading order that hides which run is whose row: read as all zeros only when
 * it prints exactly as many plain zeros as the table has cells.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseReport } from '../../src/parser/index.ts';

const text = readFileSync(join(import.meta.dirname, '../fixtures/quirks/pymupdf-sorted-centred-cells-all-zero-table.txt'), 'utf8');
/** How many notes say the table was read as all zeros. */
const zeroNotes = (t: string): number => parseReport(t).findings.filter((f) => f.code === 'TABLE_REORDERED' && f.message.includes('全是 0')).length;
const cellsOf = (t: string): Array<number | null> => Object.values(parseReport(t).tables.requests).flatMap((row) => Object.values(row as Record<string, number | null>));

describe('a 表三 of zeros printed out of order', () => {
  test('is read as 0 in every cell when it prints as many zeros as the table has cells', () => {
    const cells = cellsOf(text);
    expect(zeroNotes(text)).toBe(1);
    expect(cells).toHaveLength(175);
    expect(cells.filter((v) => v === 0)).toHaveLength(175);
  });

  test('is not read so when one zero is missing (a blank cell somewhere: its place is not known)', () => {
    // the zeros of 四、结转下年度继续办理, one a line: drop one of them
    const at = text.indexOf('四、结转下年度继续');
    const cut = text.slice(0, at) + text.slice(at).replace('\n0\n', '\n');
    expect(zeroNotes(cut)).toBe(0);
    expect(cellsOf(cut).filter((v) => v === null).length).toBeGreaterThan(0);
  });

  test('is not read so when one of the numbers is not 0', () => {
    const at = text.indexOf('四、结转下年度继续');
    const one = text.slice(0, at) + text.slice(at).replace('\n0\n', '\n1\n');
    expect(zeroNotes(one)).toBe(0);
    expect(cellsOf(one).filter((v) => v === null).length).toBeGreaterThan(0);
  });
});
