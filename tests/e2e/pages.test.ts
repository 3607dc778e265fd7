/**
 * Every page type loads without console errors or failed requests, and no internal link is broken: the crawl
 * starts at the home page and follows every internal <a href> (pages in the browser, data files over HTTP,
 * #fragments checked against the ids of the target page).
 */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CELL_COLUMNS, csvLine } from '../../src/lib/csv.ts';
import { TEMPLATES } from '../../src/schema/template.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FEED_MAX_ENTRIES } from '../../src/lib/feed.ts';
import { withBase } from '../../src/lib/paths.ts';
import { SITEMAP_MAX_URLS } from '../../src/lib/xml.ts';
import { parseSitemap, SITEMAP_NS } from '../lib/xml-parse.ts';
import { BASE, DIST, HAS_CHROMIUM, openSite, pageTypes, publishedRecords, watchErrors, type Site } from './setup.ts';

describe.skipIf(!HAS_CHROMIUM)('pages and links', () => {
  let site: Site;
  beforeAll(async () => {
    site = await openSite();
  });
  afterAll(async () => site?.close());

  test('every page type loads with no console errors', async () => {
    for (const p of pageTypes(publishedRecords())) {
      const page = await site.browser.newPage();
      const errors = watchErrors(page);
      const response = await page.goto(site.url(p.path), { waitUntil: 'networkidle' });
      if (p.name === 'search') await page.waitForSelector('#search-results a.result-link', { timeout: 15_000 });
      expect(response?.status(), p.name).toBe(p.name === '404' ? 404 : 200);
      // The 404 page itself answers 404 by design (Chrome logs that once); nothing else may fail.
      const expectedForNotFound = [`HTTP 404: ${site.url(p.path)}`, 'console: Failed to load resource: the server responded with a status of 404 (Not Found)'];
      expect(errors.filter((e) => !(p.name === '404' && expectedForNotFound.includes(e))), p.name).toEqual([]);
      expect(await page.getAttribute('html', 'lang'), p.name).toBe('zh-CN');
      expect(await page.locator('h1').count(), p.name).toBe(1);
      await page.close();
    }
  });

  test('no internal link is broken', async () => {
    const origin = site.server.origin;
    const start = site.url('/');
    const queue: string[] = [start];
    const seen = new Set<string>([start]);
    const ids = new Map<string, Set<string>>();
    const fragments: Array<{ from: string; target: string; id: string }> = [];
    const broken: string[] = [];
    const page = await site.browser.newPage();
    const errors = watchErrors(page);
    while (queue.length > 0) {
      const url = queue.shift() as string;
      const isPage = url.endsWith('/');
      if (!isPage) {
        const res = await fetch(url);
        if (res.status !== 200) broken.push(`${res.status} ${url}`);
        continue;
      }
      const res = await page.goto(url, { waitUntil: 'load' });
      if (res?.status() !== 200) {
        broken.push(`${res?.status()} ${url}`);
        continue;
      }
      ids.set(url, new Set(await page.$$eval('[id]', (els) => els.map((e) => e.id))));
      const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
      for (const href of hrefs) {
        const u = new URL(href);
        if (u.origin !== origin) continue;
        const target = `${u.origin}${u.pathname}`;
        if (u.hash) fragments.push({ from: url, target, id: decodeURIComponent(u.hash.slice(1)) });
        if (!seen.has(target)) {
          seen.add(target);
          queue.push(target);
        }
      }
    }
    await page.close();
    for (const f of fragments) {
      if (!ids.get(f.target)?.has(f.id)) broken.push(`#${f.id} missing on ${f.target} (linked from ${f.from})`);
    }
    expect(broken).toEqual([]);
    expect(errors).toEqual([]);
    // The crawl reached every report page and every data file of the records.
    for (const r of publishedRecords()) {
      expect(seen.has(site.url(`/agencies/${r.agency.slug}/${r.year ?? 0}/`))).toBe(true);
      expect(seen.has(site.url(`/data/${r.agency.slug}/${r.year ?? 0}.json.gz`))).toBe(true);
      expect(seen.has(site.url(`/data/${r.agency.slug}/${r.year ?? 0}.csv.gz`))).toBe(true);
    }
  });

  test('the about page renders its GFM tables as tables', async () => {
    const page = await site.browser.newPage();
    await page.goto(site.url('/about/'));
    expect(await page.locator('article table').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('article table th', { hasText: '模板' }).count()).toBe(1);
    await page.close();
  });

  test('pages carry OpenGraph tags, a canonical URL and the feed link', async () => {
    const r = publishedRecords()[0];
    if (!r) return;
    const page = await site.browser.newPage();
    await page.goto(site.url(`/agencies/${r.agency.slug}/${r.year ?? 0}/`));
    expect(await page.getAttribute('meta[property="og:type"]', 'content')).toBe('article');
    expect(await page.getAttribute('meta[property="og:title"]', 'content')).toMatch(/政府信息公开工作年度报告/);
    if (process.env['SITE_URL']) {
      expect(await page.getAttribute('meta[property="og:url"]', 'content')).toMatch(new RegExp(`^https?://.*/agencies/${r.agency.slug}/${r.year ?? 0}/$`));
      expect(await page.getAttribute('link[rel="canonical"]', 'href')).toMatch(/^https?:\/\//);
    } else {
      // Built without SITE_URL: no true address to state (tests/e2e/site-url.test.ts builds with one).
      expect(await page.locator('meta[property="og:url"], link[rel="canonical"]').count()).toBe(0);
    }
    expect(await page.getAttribute('link[type="application/atom+xml"]', 'href')).toMatch(/feed\.xml$/);
    await page.close();
  });

  test('the open data files, sitemap and feed are well formed', async () => {
    const records = publishedRecords();
    const gunzipped = async (path: string): Promise<string> => {
      const res = await fetch(site.url(path));
      expect(res.status, path).toBe(200);
      return gunzipSync(new Uint8Array(await res.arrayBuffer())).toString('utf8');
    };
    const cells = await gunzipped('/data/cells.csv.gz');
    expect(cells.startsWith('\uFEFF')).toBe(true);
    const lines = cells.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(CELL_COLUMNS.join(','));
    const first = records[0];
    if (first) {
      const one = JSON.parse(await gunzipped(`/data/${first.agency.slug}/${first.year ?? 0}.json.gz`));
      expect(one).toEqual(first);
      const value = first.tables.requests['newReceived']?.['total'];
      const label = TEMPLATES[first.template].requests.rows.find((x) => x.id === 'newReceived')?.label ?? '';
      expect(lines).toContain(csvLine([first.agency.slug, first.agency.name ?? '', first.year ?? 0, first.template, 'requests', '表三', 'newReceived', label, 'total', '总计', value ?? null]));
    }
    const schema = (await (await fetch(site.url('/data/record.schema.json'))).json()) as { type: string; properties: Record<string, unknown> };
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['id', 'tables', 'provenance', 'findings']));
    const feed = await (await fetch(site.url('/feed.xml'))).text();
    expect(feed.match(/<entry>/g)?.length).toBe(Math.min(records.length, FEED_MAX_ENTRIES));
  });

  test('the sitemap index names sitemaps of at most 50,000 URLs that list every indexable built page exactly once', async () => {
    const records = publishedRecords();
    const text = async (path: string): Promise<string> => {
      const res = await fetch(site.url(path));
      expect(res.status, path).toBe(200);
      return res.text();
    };
    // A loc is absolute when the build had SITE_URL, else a path; with the base either way. Here: the site path.
    const pathOf = (loc: string): string => {
      const path = new URL(loc, 'http://no-site-url.invalid').pathname;
      const base = withBase(BASE, '/');
      return path.startsWith(base) ? `/${path.slice(base.length)}` : path;
    };
    const index = parseSitemap(await text('/sitemap-index.xml'));
    expect(index.root).toBe(`${SITEMAP_NS}sitemapindex`);
    expect(index.entries.length).toBeGreaterThan(0);
    const listed: string[] = [];
    for (const e of index.entries) {
      expect(e.tag).toBe(`${SITEMAP_NS}sitemap`);
      const part = parseSitemap(await text(pathOf(e.loc ?? '')));
      expect(part.root).toBe(`${SITEMAP_NS}urlset`);
      expect(part.entries.length).toBeLessThanOrEqual(SITEMAP_MAX_URLS);
      for (const u of part.entries) {
        expect(u.tag).toBe(`${SITEMAP_NS}url`);
        listed.push(pathOf(u.loc ?? ''));
      }
    }
    expect(new Set(listed).size).toBe(listed.length);
    // Every built HTML page but the noindex ones (404, /maintenance/) and Pagefind's files.
    const built = readdirSync(DIST, { recursive: true, withFileTypes: true })
      .filter((f) => f.isFile() && f.name === 'index.html' && !join(f.parentPath, f.name).includes(`${DIST}/pagefind/`))
      .filter((f) => !readFileSync(join(f.parentPath, f.name), 'utf8').includes('<meta name="robots" content="noindex">'))
      .map((f) => `${f.parentPath.slice(DIST.length)}/`.replace(/\/+/g, '/'));
    expect(built.length).toBeGreaterThan(records.length);
    expect([...listed].sort()).toEqual([...built].sort());
    // The former single sitemap's address serves the index; robots.txt names it.
    expect(await text('/sitemap.xml')).toBe(await text('/sitemap-index.xml'));
    expect(await text('/robots.txt')).toMatch(/^Sitemap: \S*\/sitemap-index\.xml$/m);
  });
});
