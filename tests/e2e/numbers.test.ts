/**
 * Numbers as printed: in headless Chromium, every number in every statutory table of every report page is the
 * number its source printed, every digit and decimal kept (thousands separators aside). The printed text is the
 * record's provenance for the cell — its source line (.cache/sources/, what the page's source listing shows) and
 * its `raw` text when it has one. A display that rounds 5949.088667 to 5,949.0887 fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { HAS_CHROMIUM, ROOT, useDefaultSite } from './setup.ts';
import { officialCells } from './official-cells.ts';
import { printedMismatch } from './printed.ts';
import { cacheFileName, SOURCES_DIR, type SourceDoc } from '../../src/lib/cache.ts';
import { templateCells } from '../../src/lib/template.ts';
import type { ReportRecord } from '../../src/schema/record.ts';

function sourceLines(record: ReportRecord): string[] {
  const root = process.env['CONTENT_ROOT'] || ROOT;
  return (JSON.parse(readFileSync(join(root, SOURCES_DIR, cacheFileName(record.id)), 'utf8')) as SourceDoc).lines;
}

describe.skipIf(!HAS_CHROMIUM)('numbers as printed', () => {
  const ctx = useDefaultSite();

  test('every number shown in a statutory table is printed, digit for digit, on its source line', async () => {
    const page = await ctx.site.browser.newPage();
    let checked = 0;
    const decimalsShown: string[] = [];
    const problems: string[] = [];
    for (const record of ctx.records) {
      await page.goto(ctx.site.url(`/agencies/${record.agency.slug}/${record.year ?? 0}/`));
      const lines = sourceLines(record);
      const corrected = new Set((record.corrections ?? []).flatMap((c) => (c.cell === undefined ? [] : [c.cell])));
      for (const cell of await officialCells(page)) {
        if (cell.text === null || cell.value === null) continue;
        const shown = cell.text.replace(/,/g, '');
        const at = `${record.id} ${cell.key}`;
        if (!/^-?\d{1,3}(,\d{3})*(\.\d+)?$/.test(cell.text)) problems.push(`${at}: “${cell.text}” is not digits with thousands separators`);
        if (Number(shown) !== cell.value) problems.push(`${at}: shows ${cell.text}, the record says ${cell.value}`);
        const source = record.provenance[cell.key];
        // A corrected or inferred number was not printed: it must equal the record's value (checked above).
        if (corrected.has(cell.key) || source === undefined || source.inferred === true) continue;
        const why = printedMismatch({ shown, line: lines[source.line - 1] ?? '', raw: source.raw });
        if (why !== null) problems.push(`${at} (line ${source.line}): ${why}`);
        checked++;
        if (shown.includes('.')) decimalsShown.push(at);
      }
    }
    await page.close();
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(ctx.records.length * 100);
    // Every printed decimal of the ctx.records was shown and checked (none skipped, none turned into an integer).
    const decimals = ctx.records.flatMap((r) => {
      const corrected = new Set((r.corrections ?? []).map((c) => c.cell));
      return templateCells(r.template)
        .filter((c) => {
          const v = r.tables[c.table][c.row]?.[c.column];
          const p = r.provenance[c.key];
          return typeof v === 'number' && !Number.isInteger(v) && p !== undefined && p.inferred !== true && !corrected.has(c.key);
        })
        .map((c) => `${r.id} ${c.key}`);
    });
    expect(decimals.length).toBeGreaterThan(0);
    expect(decimalsShown.sort()).toEqual(decimals.sort());
  });
});
