/** Loads golden fixtures: each report file with its expected JSON (hand-checked labels). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeFile } from '../../src/decode/index.ts';

export interface Expected {
  file: string;
  agency: string;
  agencyAliases: string[];
  year: number;
  template: '2019' | '2021';
  tables: Record<string, Record<string, Record<string, number | null>>>;
  facts?: { proactiveCount?: { value: number | null; evidence?: string; approximate?: boolean } };
  sourceAnomalies?: string[];
  notes?: string[];
}

export interface Fixture {
  name: string;
  path: string;
  text: string;
  encoding: string;
  /** What the file was decoded from (src/decode's format): pass it to parseReport as `format`. */
  format: string;
  expected: Expected;
}

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** The decoded text of a quirk fixture's input file (`tests/fixtures/quirks/NAME`), as parseReport reads it. */
export function quirkText(name: string): string {
  const path = join(FIXTURES, 'quirks', name);
  return decodeFile(readFileSync(path), path).text;
}

export function loadFixtures(folder: 'seeds' | 'corpus'): Fixture[] {
  const dir = join(FIXTURES, folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((jsonName) => {
      const expected = JSON.parse(readFileSync(join(dir, jsonName), 'utf8')) as Expected;
      const path = join(dir, expected.file);
      const decoded = decodeFile(readFileSync(path), path);
      return { name: expected.file, path, text: decoded.text, encoding: decoded.encoding, format: decoded.format, expected };
    });
}

/** Every labelled cell: [table, row, column, expected value]. */
export function labelledCells(e: Expected): Array<[string, string, string, number | null]> {
  return Object.entries(e.tables).flatMap(([t, rows]) =>
    Object.entries(rows).flatMap(([r, cols]) => Object.entries(cols).map(([c, v]) => [t, r, c, v] as [string, string, string, number | null])),
  );
}
