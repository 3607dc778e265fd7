/**
 * Search over a year split into several shards (src/lib/search.ts planShards; scripts/search-index.ts). One build of
 * 40 synthetic reports (src/synth) with SEARCH_SHARD_PAGES=3, so most years are split, then the search page in
 * Chromium: what a first search downloads, how 显示更多 goes through the rest of a year and on to older years
 * without showing a report twice, a year filter, and an agency filter that reads only the agency's shards.
 * 公开 is in every generated report, so its expected results are every report page.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { generateCorpus } from '../../src/synth/corpus.ts';
import { decodeShards, type SearchShard } from '../../src/lib/search.ts';
import type { ReportRecord } from '../../src/schema/record.ts';
import { HAS_CHROMIUM, launch } from './setup.ts';
import { serveDir, type StaticServer } from '../../scripts/serve.ts';
import { buildData, buildSearchIndex, buildSite, scratch } from './scratch-site.ts';

const SHARD_PAGES = 3;

describe.skipIf(!HAS_CHROMIUM)('search over shards of a split year', () => {
  let root: string;
  let browser: Browser;
  let server: StaticServer;
  let shards: SearchShard[];
  let records: ReportRecord[];
  /** Report page path of every record, by year as in URLs. */
  const pathsOfYear = (year: string): string[] =>
    records.filter((r) => String(r.year ?? 0) === year).map((r) => `/agencies/${r.agency.slug}/${year}/`).sort();

  beforeAll(() => {
    root = scratch('shards');
    mkdirSync(join(root, 'content/reports'), { recursive: true });
    writeFileSync(join(root, 'content/agencies.yaml'), 'agencies: []\n');
    for (const e of generateCorpus(40, 7)) writeFileSync(join(root, 'content/reports', e.path.split('/').pop() as string), e.text);
    for (const [what, run] of [
      ['build-data', () => buildData(root)],
      ['astro build', () => buildSite(root, { SEARCH_SHARD_PAGES: String(SHARD_PAGES), SITE_BASE: '/' })],
      ['search-index', () => buildSearchIndex(root)],
    ] as const) {
      const r = run();
      if (r.status !== 0) throw new Error(`${what} failed:\n${r.stderr}\n${r.stdout.slice(-4000)}`);
    }
    records = JSON.parse(readFileSync(join(root, '.cache/records.json'), 'utf8')) as ReportRecord[];
    const m = /data-shards="([^"]*)"/.exec(readFileSync(join(root, 'dist/search/index.html'), 'utf8'));
    shards = decodeShards(m?.[1] ?? '');
  }, 180_000);
  beforeAll(async () => {
    [browser, server] = await Promise.all([launch(), serveDir(join(root, 'dist'))]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  /** A search page that records which shards it reads (index, page list or fragments). */
  async function open(query: string): Promise<{ page: Page; read: Set<string> }> {
    const page = await browser.newPage();
    const read = new Set<string>();
    page.on('request', (req) => {
      const m = /\/pagefind\/([\d-]+)\/.*\.pf_(meta|index|fragment|filter)$/.exec(new URL(req.url()).pathname);
      if (m) read.add(m[1] as string);
    });
    await page.goto(new URL(`search/?${query}`, server.url).href);
    await idle(page);
    return { page, read };
  }
  const idle = (page: Page) =>
    page.waitForFunction(
      () => /找到|未找到/.test(document.querySelector('#search-summary')?.textContent ?? '') && document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false',
      undefined,
      { timeout: 15_000 },
    );
  const shown = (page: Page) => page.$$eval('#search-results a.result-link', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  async function more(page: Page): Promise<void> {
    await page.click('#search-more');
    await page.waitForFunction(() => document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false', undefined, { timeout: 15_000 });
  }

  test('the plan splits a year of more than SEARCH_SHARD_PAGES reports, and every shard is indexed', () => {
    const years = [...new Set(records.map((r) => String(r.year ?? 0)))];
    for (const year of years) {
      const own = shards.filter((s) => s.year === year);
      expect(own.reduce((n, s) => n + s.pages, 0), year).toBe(pathsOfYear(year).length);
      expect(own.length, year).toBe(Math.ceil(pathsOfYear(year).length / SHARD_PAGES));
      for (const s of own) expect(s.pages).toBeLessThanOrEqual(SHARD_PAGES);
    }
    expect(shards.some((s) => s.id.includes('-'))).toBe(true);
    for (const s of shards) expect(existsSync(join(root, 'dist/pagefind', s.id, 'pagefind-entry.json')), s.id).toBe(true);
    const listed = JSON.parse(readFileSync(join(root, 'dist/pagefind/bundles.json'), 'utf8')) as { shards: SearchShard[] };
    expect(listed.shards).toEqual(shards);
  });

  test('a first search reads only the newest year\'s first shard and says how much of the year it covers', async () => {
    const first = shards[0] as SearchShard;
    const newestSplit = shards.find((s) => s.id.endsWith('-1')) as SearchShard;
    const { page, read } = await open(`q=${encodeURIComponent('公开')}`);
    expect([...read]).toEqual([first.id]);
    expect(await page.getAttribute('#search-summary', 'data-found')).toBe(String(first.pages));
    await page.close();
    // A year that is split: searched on its own, the first shard, with the part of the year it covers.
    const y = await open(`q=${encodeURIComponent('公开')}&year=${newestSplit.year}`);
    expect([...y.read]).toEqual([newestSplit.id]);
    const total = pathsOfYear(newestSplit.year).length;
    expect(await y.page.textContent('#search-summary')).toBe(
      `找到 ${newestSplit.pages} 份包含“公开”的报告（已查找 ${newestSplit.year} 年度（${total} 份中的 ${newestSplit.pages} 份）；点“显示更多”继续查找其余报告）`,
    );
    expect(await y.page.textContent('#search-more')).toBe(newestSplit.pages > 5 ? '显示更多结果' : `显示更多（查找 ${newestSplit.year} 年度其余报告）`);
    await y.page.close();
  });

  test('显示更多 goes through every shard, newest year first, and shows each report once', async () => {
    const { page, read } = await open(`q=${encodeURIComponent('公开')}`);
    for (let i = 0; i < 100 && (await page.isVisible('#search-more')); i++) await more(page);
    const paths = await shown(page);
    expect(new Set(paths).size).toBe(paths.length);
    expect([...paths].sort()).toEqual(records.map((r) => `/agencies/${r.agency.slug}/${r.year ?? 0}/`).sort());
    const years = paths.map((p) => Number(/\/(\d+)\/$/.exec(p)?.[1]));
    expect(years).toEqual([...years].sort((a, b) => b - a));
    expect([...read]).toEqual(shards.map((s) => s.id));
    expect(await page.getAttribute('#search-summary', 'data-found')).toBe(String(records.length));
    expect(await page.textContent('#search-summary')).toBe(`找到 ${records.length} 份包含“公开”的报告`);
    await page.close();
  });

  test('a year filter reads that year\'s shards only, one after another', async () => {
    const year = (shards.find((s) => s.id.endsWith('-2')) as SearchShard).year;
    const { page, read } = await open(`q=${encodeURIComponent('公开')}&year=${year}`);
    for (let i = 0; i < 100 && (await page.isVisible('#search-more')); i++) await more(page);
    expect([...(await shown(page))].sort()).toEqual(pathsOfYear(year));
    expect([...read]).toEqual(shards.filter((s) => s.year === year).map((s) => s.id));
    await page.close();
  });

  test('an agency filter reads only the shards holding its reports, and lists them newest year first', async () => {
    // The agency with the most reports, by the name its report pages give the 机构 filter.
    const bySlug = Map.groupBy(records, (r) => r.agency.slug);
    const [slug, mine] = [...bySlug].sort((a, b) => b[1].length - a[1].length)[0] as [string, ReportRecord[]];
    const pageHtml = readFileSync(join(root, 'dist/agencies', slug, String(mine[0]?.year ?? 0), 'index.html'), 'utf8');
    const name = /data-pagefind-filter="机构"[^>]*>([^<]+)</.exec(pageHtml)?.[1] as string;
    const agencies = new Map(JSON.parse(readFileSync(join(root, 'dist/search-agencies.json'), 'utf8')) as Array<[string, string[]]>);
    const own = agencies.get(name) as string[];
    // One shard per year it reported, of all the shards.
    expect(own.length).toBe(mine.length);
    expect(own.length).toBeLessThan(shards.length);
    const { page, read } = await open(`q=${encodeURIComponent('公开')}&agency=${encodeURIComponent(name)}`);
    for (let i = 0; i < 100 && (await page.isVisible('#search-more')); i++) await more(page);
    // All of them, newest year first.
    expect(await shown(page)).toEqual(mine.map((r) => r.year ?? 0).sort((a, b) => b - a).map((y) => `/agencies/${slug}/${y}/`));
    expect([...read].sort()).toEqual([...own].sort());
    await page.close();
  });

  test('search-index stops when the search page plans other pages than the site has', () => {
    const page = join(root, 'dist/search/index.html');
    const html = readFileSync(page, 'utf8');
    const first = shards[0] as SearchShard;
    writeFileSync(page, html.replace(`data-shards="${first.id}:${first.pages}`, `data-shards="${first.id}:${first.pages + 1}`));
    try {
      const r = buildSearchIndex(root);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`year ${first.year}: the search page plans ${pathsOfYear(first.year).length + 1} report pages, the site has ${pathsOfYear(first.year).length}`);
    } finally {
      writeFileSync(page, html);
    }
  });
});
