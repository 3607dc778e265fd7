/**
 * Golden quirk fixtures: each input quirk is a small report in tests/fixtures/quirks/<case>.{txt,md,html} with the
 * cells, meta and finding codes it must yield in <case>.json. The input is decoded as the build decodes it (an
 * HTML fixture goes through the HTML grid reader). A diff here is a review item: the test writes what the parser
 * now gives for the same keys to <case>-changed.json (git-ignored) for the reviewer to compare; the goldens
 * themselves are only ever edited by hand, never regenerated.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { decodeFile } from '../../src/decode/index.ts';
import { parseReport } from '../../src/parser/index.ts';
import type { ReportRecord } from '../../src/schema/record.ts';

interface QuirkExpectation {
  why: string;
  agency?: string;
  year?: number;
  template?: '2019' | '2021';
  cells: Record<string, number | null>;
  raw?: Record<string, string>;
  findings?: string[];
  /** Finding codes the report must not carry. */
  noFindings?: string[];
  /** A phrase each listed finding's message must contain, by code. */
  messages?: Record<string, string>;
  /** Cells filled from the identities, not printed: their provenance must say so (and the other listed cells' not). */
  inferred?: string[];
}

const dir = join(import.meta.dirname, '..', 'fixtures', 'quirks');
const inputs = readdirSync(dir).filter((f) => /\.(txt|md|html)$/.test(f));
const cases = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('-changed.json'));

/** What the parser gives for the keys a golden lists (the shape of the golden, for a reviewer to diff). */
function actual(rec: ReportRecord, expected: QuirkExpectation): Record<string, unknown> {
  const cells: Record<string, number | null> = {};
  for (const k of Object.keys(expected.cells)) {
    const [t, r, c] = k.split('/') as ['proactive' | 'requests' | 'review', string, string];
    cells[k] = rec.tables[t][r]?.[c] ?? null;
  }
  const raw: Record<string, string> = {};
  for (const k of Object.keys(expected.raw ?? {})) raw[k] = rec.provenance[k]?.raw ?? '';
  return {
    why: expected.why,
    agency: rec.agency.name ?? undefined,
    year: rec.year ?? undefined,
    template: rec.template,
    cells,
    raw,
    findings: [...new Set(rec.findings.map((f) => f.code))],
    messages: Object.fromEntries(rec.findings.map((f) => [f.code, f.message])),
  };
}

describe('quirk fixtures', () => {
  for (const name of cases) {
    const base = name.replace(/\.json$/, '');
    const expected = JSON.parse(readFileSync(join(dir, name), 'utf8')) as QuirkExpectation;
    const input = inputs.find((f) => f.replace(/\.(txt|md|html)$/, '') === base);
    test(`${expected.why} (${base})`, () => {
      expect(input, `${base} has an input file`).toBeDefined();
      const path = join(dir, input!);
      const decoded = decodeFile(readFileSync(path), path);
      const rec = parseReport(decoded.text, { file: input!, format: decoded.format });
      const changed = join(dir, `${base}-changed.json`);
      try {
        if (expected.agency !== undefined) expect(rec.agency.name).toBe(expected.agency);
        if (expected.year !== undefined) expect(rec.year).toBe(expected.year);
        if (expected.template !== undefined) expect(rec.template).toBe(expected.template);
        for (const [k, v] of Object.entries(expected.cells)) {
          const [t, r, c] = k.split('/') as ['proactive' | 'requests' | 'review', string, string];
          expect(rec.tables[t][r]?.[c], k).toBe(v);
        }
        for (const [k, raw] of Object.entries(expected.raw ?? {})) expect(rec.provenance[k]?.raw, k).toBe(raw);
        if (expected.inferred) {
          for (const k of Object.keys(expected.cells)) expect(rec.provenance[k]?.inferred === true, `${k} inferred`).toBe(expected.inferred.includes(k));
        }
        for (const code of expected.findings ?? []) expect(rec.findings.map((f) => f.code)).toContain(code);
        for (const code of expected.noFindings ?? []) expect(rec.findings.map((f) => f.code)).not.toContain(code);
        for (const [code, phrase] of Object.entries(expected.messages ?? {})) {
          expect(rec.findings.filter((f) => f.code === code).map((f) => f.message).join('\n'), code).toContain(phrase);
        }
        rmSync(changed, { force: true });
      } catch (e) {
        writeFileSync(changed, `${JSON.stringify(actual(rec, expected), null, 2)}\n`);
        throw e;
      }
    });
  }
});
