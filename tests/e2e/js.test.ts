/**
 * JavaScript budget: report pages ship none; charts load a tree-shaken Chart.js only on pages with charts and
 * are drawn from the data attributes; pages are complete without JS; page weights stay within budget.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DIST, HAS_CHROMIUM, openSite, publishedRecords, type Site } from './setup.ts';

const gz = (file: string): number => gzipSync(readFileSync(file)).length;

describe.skipIf(!HAS_CHROMIUM)('javascript and weight', () => {
  let site: Site;
  beforeAll(async () => {
    site = await openSite();
  });
  afterAll(async () => site?.close());

  test('report pages have no scripts and request no JavaScript', async () => {
    for (const r of publishedRecords()) {
      const page = await site.browser.newPage();
      const js: string[] = [];
      page.on('request', (req) => {
        if (req.resourceType() === 'script' || req.url().endsWith('.js')) js.push(req.url());
      });
      await page.goto(site.url(`/agencies/${r.agency.slug}/${r.year ?? 0}/`), { waitUntil: 'networkidle' });
      const scripts = await page.$$eval('script', (els) => els.map((s) => s.getAttribute('type') ?? 'classic'));
      expect(scripts.filter((t) => t !== 'application/json'), r.id).toEqual([]);
      expect(js, r.id).toEqual([]);
      await page.close();
    }
  });

  test('agency pages draw their charts with a tree-shaken Chart.js', async () => {
    const agencies = [...new Set(publishedRecords().filter((x) => x.year !== null).map((x) => x.agency.slug))];
    let drawn = 0;
    for (const slug of agencies) {
      const page = await site.browser.newPage();
      const bodies: string[] = [];
      page.on('response', async (res) => {
        if (res.request().resourceType() === 'script') bodies.push(await res.text());
      });
      await page.goto(site.url(`/agencies/${slug}/`), { waitUntil: 'networkidle' });
      const hosts = await page.locator('.chart-canvas').count();
      // Each drawable chart gets exactly one labelled canvas; charts without data say so instead.
      expect(await page.locator('.chart-canvas canvas[role="img"]').count(), slug).toBe(hosts);
      expect(hosts + (await page.locator('figure.chart p.note').count()), slug).toBe(4);
      for (const label of await page.$$eval('.chart-canvas canvas', (cs) => cs.map((c) => c.getAttribute('aria-label') ?? ''))) expect(label).toMatch(/：/);
      drawn += hosts;
      const all = bodies.join('\n');
      expect(bodies.length, slug).toBeGreaterThan(0);
      // Controllers that chart.js/auto would bring in but this site never registers.
      for (const unused of ['polarArea', 'radar', 'bubble', 'scatter']) expect(all.includes(unused), unused).toBe(false);
      expect(gzipSync(Buffer.from(all)).length).toBeLessThan(70_000);
      await page.close();
    }
    // With real data at least one chart is drawn (with an unparsed corpus there may be nothing to draw).
    if (publishedRecords().some((r) => r.year !== null && Object.keys(r.tables.requests).length > 0 && r.tables.requests['newReceived']?.['total'] != null)) {
      expect(drawn).toBeGreaterThan(0);
    }
  });

  test('every chart has a table twin with the same numbers, also without JavaScript', async () => {
    const r = publishedRecords().find((x) => x.year !== null);
    if (!r) return;
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url(`/agencies/${r.agency.slug}/`));
    const figures = await page.$$eval('figure.chart', (fs) =>
      fs.map((f) => ({
        spec: f.querySelector<HTMLElement>('[data-chart]')?.dataset['chart'] ?? null,
        cells: [...f.querySelectorAll('table tbody td')].map((td) => td.textContent?.trim() ?? ''),
      })),
    );
    expect(figures.length).toBe(4);
    for (const f of figures) {
      if (!f.spec) continue;
      const spec = JSON.parse(f.spec) as { series: Array<{ values: Array<number | null> }>; labels: string[] };
      const fromSpec = spec.labels.flatMap((_, i) => spec.series.map((s) => s.values[i] ?? null));
      expect(f.cells.map((c) => (c === '—' ? null : Number(c.replace(/,/g, ''))))).toEqual(fromSpec);
    }
    expect(await page.locator('canvas').count()).toBe(0);
    await context.close();
  });

  test('sort buttons reorder the year table and set aria-sort', async () => {
    const years = publishedRecords().map((r) => r.year).filter((y): y is number => y !== null);
    const counts = new Map<number, number>();
    for (const y of years) counts.set(y, (counts.get(y) ?? 0) + 1);
    const year = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    const page = await site.browser.newPage();
    await page.goto(site.url(`/years/${year}/`), { waitUntil: 'networkidle' });
    const column = page.locator('th button[data-sort-column="1"]');
    const values = () => page.$$eval('table[data-sortable] tbody tr', (rows) => rows.map((r) => (r as HTMLTableRowElement).cells[1]?.dataset['sortValue'] ?? ''));
    await column.click();
    expect(await page.getAttribute('th:has(button[data-sort-column="1"])', 'aria-sort')).toBe('ascending');
    const asc = await values();
    const nums = asc.filter((v) => v !== '').map(Number);
    expect(nums).toEqual([...nums].sort((a, b) => a - b));
    await column.click();
    expect(await page.getAttribute('th:has(button[data-sort-column="1"])', 'aria-sort')).toBe('descending');
    const desc = (await values()).filter((v) => v !== '').map(Number);
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    expect(await page.locator('th[aria-sort]').count()).toBe(1);
    await page.close();
  });

  test('pages stay within their weight budgets (gzip)', () => {
    for (const r of publishedRecords()) {
      expect(gz(join(DIST, 'agencies', r.agency.slug, String(r.year ?? 0), 'index.html')), r.id).toBeLessThan(40_000);
    }
    const r = publishedRecords().find((x) => x.year !== null);
    if (!r) return;
    const html = readFileSync(join(DIST, 'agencies', r.agency.slug, 'index.html'), 'utf8');
    const assets = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1] ?? '');
    const base = new URL(site.url('/')).pathname;
    const total = gz(join(DIST, 'agencies', r.agency.slug, 'index.html')) + assets.reduce((s, a) => s + gz(join(DIST, a.slice(base.length - 1))), 0);
    expect(total).toBeLessThan(100_000);
  });
});
