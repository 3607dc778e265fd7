/**
 * Property-based fuzzing of what surrounds the parser in a build (the parser itself: tests/parser/fuzz.test.ts):
 * arbitrary bytes through decode → parse → build-report never throw anything but a DecodeError; any text given as
 * corrections.yaml yields entries or problems, never an exception; any valid correction keeps the record
 * schema-valid. Bounded (a few seconds) so it runs in every `npm test` and in CI.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { formatProblem } from '../../src/pipeline/problem.ts';
import { describe, expect, test } from 'vitest';
import { DecodeError, decodeFile } from '../../src/decode/index.ts';
import { parseReport } from '../../src/parser/index.ts';
import { record as recordSchema } from '../../src/schema/record.ts';
import { fileNotes, fileReport, problemLines } from '../../src/lib/build-report.ts';
import { applyCorrections, parseCorrections, type CorrectionEntry } from '../../src/lib/corrections.ts';
import { templateCells } from '../../src/lib/template.ts';

const seed = readFileSync('tests/fixtures/seeds/002_437bbae1d74230cf.txt', 'utf8');
const ENCODINGS = ['utf8', 'gb18030', 'gbk', 'utf16le', 'utf-16be'] as const;

/** Bytes of a seed in some encoding, maybe with a BOM, with a few bytes overwritten and maybe truncated. */
const damagedSeed = fc
  .record({
    encoding: fc.constantFrom(...ENCODINGS),
    bom: fc.boolean(),
    flips: fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { maxLength: 8 }),
    cut: fc.option(fc.nat(), { nil: undefined }),
  })
  .map(({ encoding, bom, flips, cut }) => {
    let bytes = Buffer.from(iconv.encode(seed, encoding, { addBOM: bom }));
    for (const f of flips) bytes[f.at % bytes.length] = f.byte;
    if (cut !== undefined) bytes = bytes.subarray(0, cut % bytes.length);
    return new Uint8Array(bytes);
  });

describe('fuzzing the build pipeline around the parser', () => {
  test('any bytes: decode either reads them or says why (DecodeError); parse and the build report never throw', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 4096 }), damagedSeed), fc.constantFrom('r.txt', 'r.md', 'r.html'), (bytes, name) => {
        let text = '';
        let encoding = 'unknown';
        try {
          const decoded = decodeFile(bytes, name);
          text = decoded.text;
          encoding = decoded.encoding;
        } catch (e) {
          expect(e).toBeInstanceOf(DecodeError);
          expect((e as DecodeError).message.startsWith(`${name}: `)).toBe(true);
        }
        const rec = parseReport(text, { file: name, encoding });
        expect(recordSchema.safeParse(rec).success).toBe(true);
        const entry = fileReport(rec, { encoding, bytes: bytes.length, cached: false, notes: fileNotes(rec, { bytes: bytes.length }) });
        expect(problemLines(entry).every((l) => l.startsWith(name))).toBe(true);
      }),
      { numRuns: 400, seed: 20261123 },
    );
  });

  test('any text as corrections.yaml gives entries or problems, never an exception', { timeout: 30_000 }, () => {
    const yamlish = fc
      .array(
        fc.oneof(
          fc.constantFrom('corrections:', '  - report: a/2020', '    cell: requests/newReceived/total', '    value: 3', '    value: null', '    reason: x', '    year: 2020', '    slug: a-b', '    agency: 甲局', '  -', '- x', '{', ']', ': :', '\t', '---', '...'),
          fc.string({ maxLength: 40 }),
        ),
        { maxLength: 20 },
      )
      .map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(yamlish, (text) => {
        const { entries, problems } = parseCorrections(text);
        expect(Array.isArray(entries) && Array.isArray(problems)).toBe(true);
        for (const p of problems) expect(formatProblem(p)).toMatch(/^content\/corrections\.yaml:\d+: /);
      }),
      { numRuns: 500, seed: 20261124 },
    );
  });

  test('any valid cell corrections keep the record schema-valid and carry the corrected values', { timeout: 30_000 }, () => {
    const base = parseReport(seed, { file: 'content/reports/002.txt' });
    const cells = templateCells(base.template).map((c) => c.key);
    const entries = fc.uniqueArray(
      fc.record({ cell: fc.constantFrom(...cells), value: fc.oneof(fc.constant(null), fc.integer({ min: -5, max: 100_000 }), fc.double({ min: 0, max: 1e6, noNaN: true })) }),
      { selector: (e) => e.cell, maxLength: 12 },
    );
    fc.assert(
      fc.property(entries, (list) => {
        const es: CorrectionEntry[] = list.map((e, i) => ({ index: i, line: i + 2, lines: {}, report: 'x', reason: 'r', cell: e.cell, value: e.value }));
        const out = applyCorrections(base, es);
        expect(recordSchema.safeParse(out).success).toBe(true);
        for (const e of list) {
          const [t, r, c] = e.cell.split('/') as ['requests', string, string];
          expect(out.tables[t][r]?.[c]).toBe(e.value);
        }
        expect(out.corrections ?? []).toHaveLength(list.length);
      }),
      { numRuns: 300, seed: 20261125 },
    );
  });
});
