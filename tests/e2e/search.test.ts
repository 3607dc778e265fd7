/**
 * Search (src/components/search.client.ts on Pagefind's API, one index per year): ?q= runs the query, results are
 * the report pages that contain the words, newest year first, several words narrow the results, a year or agency
 * filter narrows them further, the no-JS form on every page lands here.
 * Expected pages are read from the built pages themselves (title + indexed narrative), so the test holds for
 * whatever the parser extracts.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { HAS_CHROMIUM, openSite, publishedRecords, type Site } from './setup.ts';

async function resultPaths(page: Page): Promise<string[]> {
  await page.waitForFunction(
    () => {
      const summary = document.querySelector('#search-summary')?.textContent ?? '';
      return /找到|未找到/.test(summary) && document.querySelector('#search-results')?.getAttribute('aria-busy') !== 'true';
    },
    undefined,
    { timeout: 15_000 },
  );
  // Ten results at a time, newest year first: show more (which goes on to older years) until the button is gone.
  for (let i = 0; i < 1000 && (await page.isVisible('#search-more')); i++) {
    await page.click('#search-more');
    await page.waitForFunction(() => document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false', undefined, { timeout: 15_000 });
  }
  const hrefs = await page.$$eval('#search-results a.result-link', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return [...new Set(hrefs)].sort();
}

describe.skipIf(!HAS_CHROMIUM)('search', () => {
  let site: Site;
  /** Report path → searchable text (title + narrative). */
  const texts = new Map<string, string>();
  const basePath = () => new URL(site.url('/')).pathname;
  const expectedFor = (...words: string[]): string[] =>
    [...texts.entries()].filter(([, t]) => words.every((w) => t.includes(w))).map(([p]) => p).sort();

  beforeAll(async () => {
    site = await openSite();
    const page = await site.browser.newPage();
    for (const r of publishedRecords()) {
      const path = `${basePath()}agencies/${r.agency.slug}/${r.year ?? 0}/`;
      await page.goto(site.url(path.slice(basePath().length - 1)));
      texts.set(path, await page.evaluate(() => `${document.querySelector('h1')?.textContent ?? ''}\n${document.querySelector('[data-pagefind-body]')?.textContent ?? ''}`));
    }
    await page.close();
  });
  afterAll(async () => site?.close());

  async function search(q: string): Promise<{ page: Page; paths: string[] }> {
    const page = await site.browser.newPage();
    await page.goto(`${site.url('/search/')}?q=${encodeURIComponent(q)}`);
    return { page, paths: await resultPaths(page) };
  }

  test('行政许可 finds every report whose narrative mentions it, and only report pages', async () => {
    const expected = expectedFor('行政许可');
    expect(expected.length).toBeGreaterThan(0);
    const { page, paths } = await search('行政许可');
    expect(paths).toEqual(expect.arrayContaining(expected));
    for (const p of paths) expect(p).toMatch(/\/agencies\/[a-z0-9-]+\/\d+\/$/);
    expect(await page.inputValue('#search-q')).toBe('行政许可');
    await page.close();
  });

  test('聊城 finds the reports of agencies named after 聊城 and those mentioning it', async () => {
    const expected = expectedFor('聊城');
    expect(expected.length).toBeGreaterThanOrEqual(2);
    const { page, paths } = await search('聊城');
    expect(paths).toEqual(expected);
    await page.close();
  });

  test('several words return only the reports containing all of them', async () => {
    const expected = expectedFor('疫情', '新媒体');
    const wider = expectedFor('疫情');
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(wider.length);
    const { page, paths } = await search('疫情 新媒体');
    expect(paths).toEqual(expected);
    await page.close();
  });

  test('a year filter narrows the results to that year', async () => {
    const { page, paths } = await search('政府信息公开');
    expect(paths.length).toBe(texts.size);
    const years = publishedRecords().map((r) => r.year).filter((y): y is number => y !== null);
    const year = String(Math.min(...years));
    await page.selectOption('#search-year', year);
    await page.waitForFunction((n) => document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false' && document.querySelectorAll('#search-results a.result-link').length < n, paths.length, { timeout: 10_000 });
    const narrowed = await resultPaths(page);
    const expected = publishedRecords()
      .filter((r) => String(r.year) === year)
      .map((r) => `${basePath()}agencies/${r.agency.slug}/${r.year}/`)
      .sort();
    expect(narrowed).toEqual(expected);
    expect(new URL(page.url()).searchParams.get('year')).toBe(year);
    await page.close();
  });

  test('an agency filter narrows the results to that agency, its list loaded only when used', async () => {
    const { page, paths } = await search('政府信息公开');
    expect(paths.length).toBe(texts.size);
    await page.focus('#search-agency');
    await page.waitForFunction(() => (document.querySelector('#search-agency') as HTMLSelectElement).options.length > 1, undefined, { timeout: 10_000 });
    const names = await page.$$eval('#search-agency option', (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    // The filter values are the agencies' display names, as on their report pages.
    const bySlug = new Map<string, string>();
    for (const path of paths) {
      const p2 = await site.browser.newPage();
      await p2.goto(site.url(path.slice(basePath().length - 1)));
      bySlug.set(path, (await p2.textContent('dd a[data-pagefind-filter="机构"]')) ?? '');
      await p2.close();
    }
    const agency = names[0] ?? '';
    expect([...bySlug.values()]).toContain(agency);
    await page.selectOption('#search-agency', agency);
    await page.waitForFunction(() => document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false', undefined, { timeout: 10_000 });
    await page.waitForTimeout(300);
    const narrowed = await resultPaths(page);
    const expected = [...bySlug.entries()].filter(([, a]) => a === agency).map(([p]) => p).sort();
    expect(narrowed).toEqual(expected);
    await page.close();
  });

  test('a search downloads the newest year\'s index first, and older years\' only when asked for more', async () => {
    const years = [...new Set(publishedRecords().map((r) => r.year).filter((y): y is number => y !== null))].sort((a, b) => b - a);
    expect(years.length).toBeGreaterThan(1);
    const page = await site.browser.newPage();
    const bundlesFetched = new Set<string>();
    page.on('request', (req) => {
      const m = /\/pagefind\/(\d+)\/.*\.pf_(meta|index|fragment)$/.exec(new URL(req.url()).pathname);
      if (m) bundlesFetched.add(m[1] as string);
    });
    // The first search goes down the years, newest first, until one has results; each 显示更多 then shows the rest
    // of that year's results or goes one year further.
    await page.goto(`${site.url('/search/')}?q=${encodeURIComponent('聊城')}`);
    await page.waitForFunction(() => document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false', undefined, { timeout: 15_000 });
    const first = [...bundlesFetched].map(Number);
    const newest = years[0] as number;
    const liaocheng = publishedRecords().filter((r) => r.year !== null && expectedFor('聊城').includes(`${basePath()}agencies/${r.agency.slug}/${r.year}/`)).map((r) => r.year as number);
    // Only the years down to the newest one with a 聊城 report were needed, and at most two years per page.
    const deepest = Math.max(...liaocheng);
    expect(first.sort((a, b) => b - a)).toEqual(years.filter((y) => y >= deepest).slice(0, 2));
    expect(first).toContain(newest);
    // Results are listed newest year first.
    const all = await resultPaths(page);
    const shown = await page.$$eval('#search-results a.result-link', (as) => as.map((a) => Number(/\/(\d+)\/$/.exec(new URL((a as HTMLAnchorElement).href).pathname)?.[1] ?? 0)));
    expect(shown).toEqual([...shown].sort((a, b) => b - a));
    expect(all).toEqual(expectedFor('聊城'));
    await page.close();
  });

  test('the plain search form on every page lands on the results', async () => {
    const page = await site.browser.newPage();
    await page.goto(site.url('/about/'));
    await page.fill('#site-q', '聊城');
    await page.press('#site-q', 'Enter');
    await page.waitForURL(/\/search\/\?q=/);
    expect(await resultPaths(page)).toEqual(expectedFor('聊城'));
    await page.close();
  });

  test('the search UI speaks Chinese', async () => {
    const { page } = await search('行政许可');
    const summary = (await page.textContent('#search-summary')) ?? '';
    expect(summary).toMatch(/找到 \d+ 份包含“行政许可”的报告/);
    expect(await page.getAttribute('#search-q', 'placeholder')).toMatch(/关键词/);
    await page.close();
  });

  test('a word found nowhere says so, after offering to search the older years', async () => {
    const years = new Set(publishedRecords().map((r) => r.year ?? 0));
    expect(years.size).toBeGreaterThan(2);
    const page0 = await site.browser.newPage();
    await page0.goto(`${site.url('/search/')}?q=zzqxvj`);
    await page0.waitForFunction(() => document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false', undefined, { timeout: 15_000 });
    // The first search looks in two years, then stops and offers the rest.
    expect((await page0.textContent('#search-summary')) ?? '').toMatch(/^已查找的\d{4} 年度、\d{4} 年度未找到包含“zzqxvj”的报告；点“显示更多”继续查找$/);
    expect(await page0.isVisible('#search-more')).toBe(true);
    await page0.close();
    const { page, paths } = await search('zzqxvj');
    expect(paths).toEqual([]);
    expect((await page.textContent('#search-summary')) ?? '').toMatch(/未找到包含“zzqxvj”的报告/);
    await page.close();
  });
});
