/**
 * The report page as a visitor's toolkit (issue #15 items 3, 5 and 6), in Chromium: previous/next year of the same
 * agency, the original publication's link (原文) where the source names one, "引用本页" in GB/T 7714 and BibTeX,
 * downloads above the tables; on a phone the row labels of a statutory table stay in view when it is scrolled to
 * its last column, and the page says the table scrolls. Open data for people: cells.csv read by Python's csv module
 * has a Chinese label beside every id, with a BOM; /data/ names a licence; per-year and per-agency CSVs exist.
 */
import { gunzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DIST, HAS_CHROMIUM, useDefaultSite } from './setup.ts';
import { TEMPLATES } from '../../src/schema/template.ts';

describe.skipIf(!HAS_CHROMIUM)('report page toolkit', () => {
  const ctx = useDefaultSite();

  test('previous and next year of the same agency, and 原文 where the source names it', async () => {
    const page = await ctx.site.browser.newPage();
    let withBoth = 0;
    let withOriginal = 0;
    for (const r of ctx.records.filter((x) => x.year !== null)) {
      await page.goto(ctx.site.url(`/agencies/${r.agency.slug}/${r.year}/`), { waitUntil: 'load' });
      const years = ctx.records.filter((x) => x.agency.slug === r.agency.slug && x.year !== null).map((x) => x.year as number);
      const earlier = years.filter((y) => y < (r.year as number));
      const later = years.filter((y) => y > (r.year as number));
      const prev = page.locator('.report-actions a[rel="prev"]');
      const next = page.locator('.report-actions a[rel="next"]');
      expect(await prev.count(), r.id).toBe(earlier.length > 0 ? 1 : 0);
      expect(await next.count(), r.id).toBe(later.length > 0 ? 1 : 0);
      if (earlier.length > 0) expect(await prev.getAttribute('href'), r.id).toBe(`/agencies/${r.agency.slug}/${Math.max(...earlier)}/`);
      if (later.length > 0) expect(await next.getAttribute('href'), r.id).toBe(`/agencies/${r.agency.slug}/${Math.min(...later)}/`);
      if (earlier.length > 0 && later.length > 0) withBoth++;
      const original = page.locator('.report-actions a.original-link');
      expect(await original.count(), r.id).toBe(r.source.url ? 1 : 0);
      if (r.source.url) {
        expect(await original.getAttribute('href')).toBe(r.source.url);
        expect(await original.innerText()).toContain('原文');
        withOriginal++;
      }
    }
    // The default site has an agency with four years (so a middle report) and crawled texts with 原文链接.
    expect(withBoth).toBeGreaterThan(0);
    expect(withOriginal).toBeGreaterThanOrEqual(4);
    await page.close();
  });

  test('引用本页 gives GB/T 7714 and BibTeX with the page’s URL and the original; downloads come before the tables', async () => {
    const r = ctx.records.find((x) => x.source.url && x.year !== null);
    if (!r) throw new Error('no report with an original URL');
    const page = await ctx.site.browser.newPage();
    const path = `/agencies/${r.agency.slug}/${r.year}/`;
    await page.goto(ctx.site.url(path));
    const [gbt, bib] = await page.locator('#cite pre.cite').allInnerTexts();
    expect(gbt).toMatch(new RegExp(`^.+\\. .*${r.year} 年度政府信息公开工作年度报告\\[EB/OL\\]\\. 公开年报, \\d{4}-\\d{2}-\\d{2}\\[\\d{4}-\\d{2}-\\d{2}\\]\\. \\S*${path}\\. 原文：`));
    expect(gbt).toContain(r.source.url);
    expect(bib).toMatch(/^@misc\{nianbao-[a-z0-9-]+,\n/);
    expect(bib).toContain(`url = {`);
    expect(bib).toContain(path);
    expect(bib).toContain(`\\url{${r.source.url}}`);
    const order = await page.evaluate(() => {
      const at = (sel: string): number => document.querySelector(sel)?.getBoundingClientRect().top ?? -1;
      return { downloads: at('#downloads'), table: at('#table-proactive') };
    });
    expect(order.downloads).toBeGreaterThan(0);
    expect(order.downloads).toBeLessThan(order.table);
    await page.close();
  });

  test('at 390 px the row labels of 表三 stay visible after scrolling right, and the page says the table scrolls', async () => {
    const r = ctx.records.find((x) => x.year !== null && x.tables.requests['newReceived']?.['total'] != null);
    if (!r) throw new Error('no report with 表三');
    const page = await ctx.site.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(ctx.site.url(`/agencies/${r.agency.slug}/${r.year}/`));
    const region = page.locator('#table-requests .table-scroll');
    expect(await page.locator('#table-requests .scroll-hint').isVisible()).toBe(true);
    expect(await page.locator('#table-requests .scroll-hint').innerText()).toContain('左右滑动');
    const { scrollWidth, clientWidth } = await region.evaluate((e) => ({ scrollWidth: e.scrollWidth, clientWidth: e.clientWidth }));
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    await region.evaluate((e) => e.scrollTo({ left: e.scrollWidth }));
    await region.scrollIntoViewIfNeeded();
    const visible = await page.evaluate(() => {
      const region = document.querySelector('#table-requests .table-scroll');
      const rows = ['newReceived', 'granted', 'total', 'carriedForward'].map((id) => document.querySelector<HTMLElement>(`table.requests th[data-row="${id}"]`));
      const total = document.querySelector<HTMLElement>('table.requests th[data-col="total"]')?.getBoundingClientRect();
      return {
        scrolled: document.querySelector('#table-requests .table-scroll')?.scrollLeft ?? 0,
        labels: rows.map((th) => {
          // Bring the row into the viewport by scrolling the page only (the table stays scrolled to the right).
          window.scrollTo(0, (th?.getBoundingClientRect().top ?? 0) + window.scrollY - 300);
          const b = th?.getBoundingClientRect();
          const box = region?.getBoundingClientRect();
          if (!b || !box) return false;
          // Its left edge is inside the region, and it is what is drawn there (not covered by the numbers).
          const x = Math.max(b.left, box.left) + 4;
          const y = b.top + b.height / 2;
          const hit = document.elementFromPoint(x, y);
          return b.left >= box.left - 1 && b.left < box.right && (hit === th || (th?.contains(hit) ?? false));
        }),
        totalInView: ((box) => total !== undefined && box !== undefined && total.right <= box.right + 1 && total.left >= box.left)(region?.getBoundingClientRect()),
      };
    });
    expect(visible.scrolled).toBeGreaterThan(0);
    expect(visible.labels).toEqual([true, true, true, true]);
    expect(visible.totalInView).toBe(true);
    await page.close();
  });
});

describe('open data for people', () => {
  const ctx = useDefaultSite();

  test('cells.csv.gz read with Python’s gzip and csv modules: a BOM, and a Chinese label beside every table, row and column id', () => {
    const script = [
      'import csv, gzip, json, sys',
      "raw = gzip.open(sys.argv[1], 'rb').read()",
      "bom = raw.startswith(b'\\xef\\xbb\\xbf')",
      "rows = list(csv.DictReader(gzip.open(sys.argv[1], 'rt', encoding='utf-8-sig', newline='')))",
      'print(json.dumps({"bom": bom, "header": list(rows[0].keys()) if rows else [], "rows": rows}, ensure_ascii=False))',
    ].join('\n');
    const run = spawnSync('python3', ['-c', script, join(DIST, 'data', 'cells.csv.gz')], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as { bom: boolean; header: string[]; rows: Array<Record<string, string>> };
    expect(out.bom).toBe(true);
    for (const c of ['agency', 'agency_name', 'table', 'table_label', 'row', 'row_label', 'column', 'column_label', 'value']) expect(out.header).toContain(c);
    expect(out.rows.length).toBeGreaterThan(ctx.records.length * 100);
    const cjk = /[\u4e00-\u9fff]/;
    const missing = out.rows.filter((r) => !cjk.test(r['row_label'] ?? '') || !cjk.test(r['column_label'] ?? '') || !cjk.test(r['table_label'] ?? '') || !cjk.test(r['agency_name'] ?? ''));
    expect(missing.slice(0, 3)).toEqual([]);
    // Every row id of both templates that appears has one label, the template's.
    const labels = new Map<string, Set<string>>();
    for (const r of out.rows) labels.set(`${r['template']}/${r['table']}/${r['row']}`, (labels.get(`${r['template']}/${r['table']}/${r['row']}`) ?? new Set()).add(r['row_label'] ?? ''));
    for (const [key, set] of labels) expect(set.size, key).toBe(1);
    const newReceived = out.rows.find((r) => r['row'] === 'newReceived');
    expect(newReceived?.['row_label']).toBe(TEMPLATES['2021'].requests.rows.find((x) => x.id === 'newReceived')?.label);
  });

  test('/data/ names a licence and how to cite; the codebook, per-year and per-agency CSVs are linked and served', async () => {
    const page = await ctx.site.browser.newPage();
    await page.goto(ctx.site.url('/data/'));
    const text = await page.locator('main').innerText();
    expect(text).toContain('CC BY 4.0');
    expect(text).toContain('引用方式');
    expect(await page.locator('a[rel="license"]').getAttribute('href')).toMatch(/creativecommons\.org\/licenses\/by\/4\.0/);
    const links = await page.$$eval('a[href$=".csv"], a[href$=".csv.gz"]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    const years = [...new Set(ctx.records.map((r) => r.year).filter((y): y is number => y !== null))];
    const slugs = [...new Set(ctx.records.map((r) => r.agency.slug))];
    for (const y of years) expect(links.some((l) => l.endsWith(`/data/by-year/${y}.csv.gz`)), String(y)).toBe(true);
    for (const s of slugs) expect(links.some((l) => l.endsWith(`/data/by-agency/${s}.csv.gz`)), s).toBe(true);
    expect(links.some((l) => l.endsWith('/data/codebook.csv'))).toBe(true);
    for (const l of [links.find((x) => x.includes('/by-year/')), links.find((x) => x.includes('/by-agency/')), links.find((x) => x.endsWith('codebook.csv'))]) {
      const res = await fetch(l ?? '');
      expect(res.status, l).toBe(200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      const text = l?.endsWith('.gz') ? new Uint8Array(gunzipSync(bytes)) : bytes;
      expect(text.subarray(0, 3), l).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    }
    const book = readFileSync(join(DIST, 'data', 'codebook.csv'), 'utf8');
    expect(book).toContain('otherHandling.feeUnpaid');
    await page.close();
  });
});
