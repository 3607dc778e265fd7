/**
 * Golden HTML of the statutory tables (src/lib/table-html.ts), in the manner of observablehq/framework's
 * test/output: each template × plain / corrected / inferred / blank / a source anomaly, rendered from the seed
 * reports, compared byte for byte with tests/output/tables/<name>.html. A mismatch (or a missing golden) writes
 * <name>-changed.html beside it and fails: review the difference, then replace the golden by hand. Nothing here
 * rewrites a golden except UPDATE_GOLDENS=1 outside CI.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseReport } from '../../src/parser/index.ts';
import { statTableHtml } from '../../src/lib/table-html.ts';
import { tableIds, type ReportRecord } from '../../src/schema/record.ts';

const OUTPUT = join(import.meta.dirname, '..', 'output', 'tables');
const SEEDS = join(import.meta.dirname, '..', 'fixtures', 'seeds');
const UPDATE = process.env['UPDATE_GOLDENS'] === '1' && !process.env['CI'];

const seed = (file: string): string => readFileSync(join(SEEDS, file), 'utf8');
/** 2021 template: 偃师区 2024; 2019 template: 聊城市 2020. */
const SEED_OF = { '2021': '001_32ee79c535f7b1d7.txt', '2019': '002_437bbae1d74230cf.txt' } as const;

/** The five variants of one template's seed, each a record as the site would hold it. */
function variants(template: keyof typeof SEED_OF): Record<string, ReportRecord> {
  const text = seed(SEED_OF[template]);
  const plain = parseReport(text);
  const cell = 'requests/newReceived/naturalPerson';
  const printed = plain.tables.requests['newReceived']?.['naturalPerson'] ?? null;
  const corrected: ReportRecord = {
    ...plain,
    tables: { ...plain.tables, requests: { ...plain.tables.requests, newReceived: { ...plain.tables.requests['newReceived'], naturalPerson: 999 } } },
    corrections: [{ cell, printed, corrected: 999, reason: '原件 PDF 为 999 <b>测试</b>' }],
  };
  const inferredKey = 'requests/total/total';
  const inferred: ReportRecord = { ...plain, provenance: { ...plain.provenance, [inferredKey]: { line: plain.provenance[inferredKey]?.line ?? 1, inferred: true } } };
  // 表二 行政许可 printed as “/” (not read); and 一、本年新收's 自然人 and 总计 each printed one higher, so the row
  // still adds up but 本年新收 + 上年结转 ≠ 总计 + 结转 (a column anomaly). Each edit is made on the source line the
  // parser read the cell from (the seeds lay their tables out differently: one row per line, or one value per line).
  const lines = text.split('\n');
  const lineOf = (key: string): number => (plain.provenance[key]?.line ?? 0) - 1;
  const edit = (source: string[], at: number, which: 'first' | 'last', change: (n: string) => string): string[] =>
    source.map((l, i) => (i !== at ? l : which === 'first' ? l.replace(/\d+/, change) : l.replace(/(\d+)(\D*)$/, (_, n: string, end: string) => `${change(n)}${end}`)));
  const plusOne = (n: string): string => String(Number(n) + 1);
  const blankText = edit(lines, lineOf('proactive/licensing/decisions'), 'last', () => '/').join('\n');
  const anomalyText = edit(edit(lines, lineOf('requests/newReceived/naturalPerson'), 'first', plusOne), lineOf('requests/newReceived/total'), 'last', plusOne).join('\n');
  return { plain, corrected, inferred, blank: parseReport(blankText), anomaly: parseReport(anomalyText) };
}

const html = (record: ReportRecord): string => `${tableIds.map((t) => statTableHtml(record, t)).join('\n')}\n`;

describe('statutory table HTML against its goldens', () => {
  for (const template of ['2021', '2019'] as const) {
    const all = variants(template);
    test(`the ${template} variants differ where they should (so each golden pins something)`, () => {
      expect(all['blank']!.tables.proactive['licensing']?.['decisions']).toBeNull();
      expect(all['anomaly']!.findings.some((f) => f.code === 'IDENTITY_COLUMN')).toBe(true);
      expect(all['anomaly']!.tables.requests['newReceived']?.['total']).toBe((all['plain']!.tables.requests['newReceived']?.['total'] ?? 0) + 1);
      expect(new Set(Object.values(all).map(html)).size).toBe(5);
    });
    for (const [name, record] of Object.entries(all)) {
      test(`${template} ${name}: the tables' markup equals tests/output/tables/${template}-${name}.html`, () => {
        const golden = join(OUTPUT, `${template}-${name}.html`);
        const changed = join(OUTPUT, `${template}-${name}-changed.html`);
        const actual = html(record);
        if (UPDATE) writeFileSync(golden, actual);
        const expected = existsSync(golden) ? readFileSync(golden, 'utf8') : null;
        if (expected === actual) {
          rmSync(changed, { force: true });
          return;
        }
        writeFileSync(changed, actual);
        expect.fail(`${golden} ${expected === null ? 'is missing' : 'differs'}: see ${changed}`);
      });
    }
  }
});
