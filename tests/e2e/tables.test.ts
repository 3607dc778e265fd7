/**
 * Every report has a page whose 表二–表四 cells equal the record's values, read through the table's own
 * header association (td[headers] → th[id] carrying data-row / data-col), and every number links to its source line.
 */
import { describe, expect, test } from 'vitest';
import { HAS_CHROMIUM, useDefaultSite } from './setup.ts';
import { templateCells } from '../../src/lib/template.ts';
import { officialCells } from './official-cells.ts';

describe.skipIf(!HAS_CHROMIUM)('report tables', () => {
  const ctx = useDefaultSite();

  test('the seed reports are all published', () => {
    expect(ctx.records.length).toBeGreaterThanOrEqual(5);
  });

  test('every report page shows each cell of its record at the place its headers name', async () => {
    const page = await ctx.site.browser.newPage();
    for (const record of ctx.records) {
      await page.goto(ctx.site.url(`/agencies/${record.agency.slug}/${record.year ?? 0}/`));
      const cells = await officialCells(page);
      const expected = templateCells(record.template);
      expect(cells.map((c) => c.key).sort(), record.id).toEqual(expected.map((c) => c.key).sort());
      for (const ref of expected) {
        const shown = cells.find((c) => c.key === ref.key);
        const value = record.tables[ref.table][ref.row]?.[ref.column] ?? null;
        expect(shown?.value, `${record.id} ${ref.key}`).toBe(value);
        const line = record.provenance[ref.key]?.line;
        expect(shown?.href ?? null, `${record.id} ${ref.key} link`).toBe(line === undefined ? null : `#L${line}`);
      }
      // Every linked line exists on the page.
      const missing = await page.$$eval('table.official a[href^="#L"]', (links) =>
        links.map((a) => a.getAttribute('href')?.slice(1) ?? '').filter((id) => !document.getElementById(id)),
      );
      expect(missing, record.id).toEqual([]);
    }
    await page.close();
  });

  test('null cells show a dash, never a zero', async () => {
    const page = await ctx.site.browser.newPage();
    const record = ctx.records[0];
    if (!record) return;
    await page.goto(ctx.site.url(`/agencies/${record.agency.slug}/${record.year ?? 0}/`));
    const texts = await page.$$eval('table.official td.empty', (tds) => tds.map((td) => td.querySelector('.missing')?.textContent ?? ''));
    expect(texts.every((t) => t === '—')).toBe(true);
    await page.close();
  });

  test('the tables scroll inside a focusable, labelled region', async () => {
    const page = await ctx.site.browser.newPage({ viewport: { width: 375, height: 800 } });
    const record = ctx.records[0];
    if (!record) return;
    await page.goto(ctx.site.url(`/agencies/${record.agency.slug}/${record.year ?? 0}/`));
    const regions = await page.$$eval('.table-scroll', (els) =>
      els.map((el) => ({
        tabindex: el.getAttribute('tabindex'),
        label: el.getAttribute('aria-labelledby') ? document.getElementById(el.getAttribute('aria-labelledby') ?? '')?.textContent : el.getAttribute('aria-label'),
        scrolls: el.scrollWidth > el.clientWidth,
      })),
    );
    expect(regions).toHaveLength(3);
    for (const r of regions) {
      expect(r.tabindex).toBe('0');
      expect(r.label).toBeTruthy();
    }
    expect(regions.some((r) => r.scrolls)).toBe(true);
    const docWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(docWidth).toBeLessThanOrEqual(375);
    await page.close();
  });
});
