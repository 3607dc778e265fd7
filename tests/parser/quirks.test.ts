/**
 * Golden quirk fixtures: each input quirk is a small report in tests/fixtures/quirks/<case>.txt with the cells,
 * meta and finding codes it must yield in <case>.json. A diff here is a review item.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseReport } from '../../src/parser/index.ts';

interface QuirkExpectation {
  why: string;
  agency?: string;
  year?: number;
  template?: '2019' | '2021';
  cells: Record<string, number | null>;
  raw?: Record<string, string>;
  findings?: string[];
}

const dir = join(import.meta.dirname, '..', 'fixtures', 'quirks');
const cases = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('quirk fixtures', () => {
  for (const name of cases) {
    const expected = JSON.parse(readFileSync(join(dir, name), 'utf8')) as QuirkExpectation;
    const text = readFileSync(join(dir, name.replace(/\.json$/, '.txt')), 'utf8');
    test(`${expected.why} (${name.replace(/\.json$/, '')})`, () => {
      const rec = parseReport(text, { file: name });
      if (expected.agency !== undefined) expect(rec.agency.name).toBe(expected.agency);
      if (expected.year !== undefined) expect(rec.year).toBe(expected.year);
      if (expected.template !== undefined) expect(rec.template).toBe(expected.template);
      for (const [k, v] of Object.entries(expected.cells)) {
        const [t, r, c] = k.split('/') as ['proactive' | 'requests' | 'review', string, string];
        expect(rec.tables[t][r]?.[c], k).toBe(v);
      }
      for (const [k, raw] of Object.entries(expected.raw ?? {})) expect(rec.provenance[k]?.raw, k).toBe(raw);
      for (const code of expected.findings ?? []) expect(rec.findings.map((f) => f.code)).toContain(code);
    });
  }
});
