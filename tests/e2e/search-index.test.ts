/**
 * The search index step (scripts/search-index.ts) over a scratch site: the project's seed reports, an empty file, a
 * binary file and 30 synthetic reports of 2019–2025, indexed in several parts (a small --max-words), then searched
 * in Chromium: every year is searchable, the parts rank as one list, and the index comes from the data alone. The
 * index holds one document per identified agency (its page and its reports) and one per report of no identified
 * agency; each report's card is its own file, listed by its agency's card.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { generateCorpus } from '../../src/synth/corpus.ts';
import type { ReportRecord } from '../../src/schema/record.ts';
import { HAS_CHROMIUM, launch, ROOT } from './setup.ts';
import { serveDir, type StaticServer } from '../../scripts/serve.ts';
import { buildData, buildSearchIndex, buildSite, scratch } from './scratch-site.ts';
import { copyProjectContent } from './hardening-inputs.ts';

const MAX_WORDS = '4000';

describe.skipIf(!HAS_CHROMIUM)('search index: every page of every year, in parts, from the data', () => {
  let root: string;
  let browser: Browser;
  let server: StaticServer;
  let records: ReportRecord[];
  let bundles: { parts: string[]; pages: number; reports: number; words: number };
  /** Page URL → the part holding it (read from each part's fragments). */
  const partOf = new Map<string, string>();
  /** Page URL → its card (from the fragments). */
  const cardOf = new Map<string, { kind: string; reports?: Array<{ url: string; year: number | null; card: string }> }>();

  beforeAll(() => {
    root = scratch('search-index');
    copyProjectContent(ROOT, root);
    writeFileSync(join(root, 'content/reports/blank.txt'), '');
    writeFileSync(join(root, 'content/reports/scan.txt'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 97 + 13) % 256)));
    for (const e of generateCorpus(30, 11)) writeFileSync(join(root, 'content/reports', e.path.split('/').pop() as string), e.text);
    for (const [what, run] of [
      ['build-data', () => buildData(root)],
      ['astro build', () => buildSite(root, { SITE_BASE: '/' })],
      ['search-index', () => buildSearchIndex(root, ['--max-words', MAX_WORDS])],
    ] as const) {
      const r = run();
      if (r.status !== 0) throw new Error(`${what} failed:\n${r.stderr}\n${r.stdout.slice(-4000)}`);
    }
    records = JSON.parse(readFileSync(join(root, '.cache/records.json'), 'utf8')) as ReportRecord[];
    bundles = JSON.parse(readFileSync(join(root, 'dist/pagefind/bundles.json'), 'utf8')) as typeof bundles;
    for (const part of bundles.parts) {
      const dir = join(root, 'dist/pagefind', part, 'fragment');
      for (const f of readdirSync(dir)) {
        const text = gunzipSync(readFileSync(join(dir, f))).toString('utf8');
        const fragment = JSON.parse(text.slice('pagefind_dcd'.length)) as { url: string; card: { kind: string } };
        partOf.set(fragment.url, part);
        cardOf.set(fragment.url, fragment.card);
      }
    }
  }, 240_000);
  beforeAll(async () => {
    [browser, server] = await Promise.all([launch(), serveDir(join(root, 'dist'))]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  async function search(query: string, params = ''): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(new URL(`search/?q=${encodeURIComponent(query)}${params}`, server.url).href);
    await page.waitForFunction(
      () => /找到/.test(document.querySelector('#search-summary')?.textContent ?? '') && document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false',
      undefined,
      { timeout: 15_000 },
    );
    return page;
  }
  const paths = (page: Page): Promise<string[]> => page.$$eval('#search-results a.result-link', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  async function all(page: Page): Promise<string[]> {
    for (let i = 0; i < 100 && (await page.isVisible('#search-more')); i++) {
      await page.click('#search-more');
      await page.waitForFunction(() => document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false', undefined, { timeout: 15_000 });
    }
    return paths(page);
  }

  const unidentified = (): ReportRecord[] => records.filter((r) => r.agency.slug.startsWith('unidentified-'));

  test('several parts; every agency with its reports, and every report of no identified agency, in exactly one', () => {
    const agencies = new Set(records.filter((r) => !r.agency.slug.startsWith('unidentified-')).map((r) => r.agency.slug));
    expect(agencies.size).toBeGreaterThan(5);
    expect(bundles.parts.length).toBeGreaterThan(1);
    expect(bundles.pages).toBe(agencies.size + unidentified().length);
    expect(bundles.reports).toBe(records.length);
    expect(partOf.size).toBe(bundles.pages);
    for (const slug of agencies) expect(cardOf.get(`/agencies/${slug}/`)?.kind, slug).toBe('agency');
    for (const r of unidentified()) expect(cardOf.get(`/agencies/${r.agency.slug}/${r.year ?? 0}/`)?.kind, r.id).toBe('report');
    // Each identified report is listed by its agency's card, once, and its card file says which page it is.
    for (const r of records.filter((x) => agencies.has(x.agency.slug))) {
      const url = `/agencies/${r.agency.slug}/${r.year ?? 0}/`;
      const refs = (cardOf.get(`/agencies/${r.agency.slug}/`)?.reports ?? []).filter((x) => x.url === url);
      expect(refs, url).toHaveLength(1);
      const card = JSON.parse(gunzipSync(readFileSync(join(root, 'dist/pagefind', refs[0]?.card as string))).toString('utf8')) as { url: string; card: { kind: string; year: string | null } };
      expect(card.url).toBe(url);
      expect(card.card.kind).toBe('report');
    }
    // The empty and the binary file are among them.
    expect(records.filter((r) => /blank|scan/.test(r.source.file))).toHaveLength(2);
  });

  test('built from the data, not the pages: an empty site directory gets the same index', () => {
    const elsewhere = join(root, 'no-pages');
    mkdirSync(elsewhere);
    const r = buildSearchIndex(root, ['--max-words', MAX_WORDS, '--site', elsewhere]);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(elsewhere, 'pagefind/bundles.json'), 'utf8')).toBe(readFileSync(join(root, 'dist/pagefind/bundles.json'), 'utf8'));
    for (const part of bundles.parts) {
      const metas = (dir: string): string[] => readdirSync(join(dir, 'pagefind', part)).filter((f) => f.endsWith('.pf_meta'));
      // Pagefind names its metadata by its content's hash: the same name is the same index.
      expect(metas(elsewhere)).toEqual(metas(join(root, 'dist')));
    }
    expect(existsSync(join(elsewhere, 'agencies'))).toBe(false);
  });

  test('with an empty and a binary file in the site, every year is searchable', async () => {
    const years = [...new Set(records.map((r) => r.year))];
    expect(years.length).toBeGreaterThanOrEqual(7);
    for (const year of years) {
      const value = year === null ? '年份不详' : String(year);
      const page = await search('公开', `&year=${encodeURIComponent(value)}`);
      const found = await all(page);
      const expected = records.filter((r) => r.year === year).map((r) => `/agencies/${r.agency.slug}/${year ?? 0}/`);
      expect(found.sort(), value).toEqual(expected.sort());
      await page.close();
    }
  });

  test('one ranked list over the parts: an agency’s name finds its page and reports first', async () => {
    const bySlug = Map.groupBy(records, (r) => r.agency.slug);
    const [slug, mine] = [...bySlug].filter(([s]) => !s.startsWith('unidentified-')).sort((a, b) => b[1].length - a[1].length)[0] as [string, ReportRecord[]];
    const own = [`/agencies/${slug}/`, ...mine.map((r) => `/agencies/${slug}/${r.year}/`)];
    expect(own.length).toBeGreaterThan(2);
    const name = mine[0]?.agency.name as string;
    const page = await search(name);
    const first = await paths(page);
    expect(first.length).toBe(Math.min(5, own.length));
    expect(first[0]).toBe(`/agencies/${slug}/`);
    for (const p of first) expect(own).toContain(p);
    await page.close();
  });

  test('公开 counts every agency and every report of no identified agency (each title says 政府信息公开), over all parts, and lists every report', async () => {
    const agencies = new Set(records.filter((r) => !r.agency.slug.startsWith('unidentified-')).map((r) => r.agency.slug));
    const page = await search('公开');
    expect(await page.getAttribute('#search-summary', 'data-found')).toBe(String(agencies.size + unidentified().length));
    const found = await all(page);
    const reports = records.map((r) => `/agencies/${r.agency.slug}/${r.year ?? 0}/`);
    expect(found.filter((p) => reports.includes(p)).sort()).toEqual([...reports].sort());
    expect(new Set(found).size).toBe(found.length);
    await page.close();
  });

  test('a report card the host lost leaves that report out, not the search', async () => {
    const bySlug = Map.groupBy(records, (r) => r.agency.slug);
    const [slug, mine] = [...bySlug].filter(([s]) => !s.startsWith('unidentified-')).sort((a, b) => b[1].length - a[1].length)[0] as [string, ReportRecord[]];
    const refs = cardOf.get(`/agencies/${slug}/`)?.reports ?? [];
    expect(refs.length).toBe(mine.length);
    const lost = refs[0] as { url: string; card: string };
    const file = join(root, 'dist/pagefind', lost.card);
    const bytes = readFileSync(file);
    rmSync(file);
    try {
      const page = await search(mine[0]?.agency.name as string);
      const shown = await all(page);
      expect(await page.textContent('#search-summary')).not.toMatch(/失败/);
      expect(shown).toContain(`/agencies/${slug}/`);
      expect(shown).not.toContain(lost.url);
      for (const r of refs.slice(1)) expect(shown).toContain(r.url);
      await page.close();
    } finally {
      writeFileSync(file, bytes);
    }
  });
});
