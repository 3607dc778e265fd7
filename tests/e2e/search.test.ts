/**
 * Search (Pagefind Component UI): ?q= runs the query, results are the report pages that contain the words,
 * several words narrow the results, a year filter narrows them further, the no-JS form on every page lands here.
 * Expected pages are read from the built pages themselves (title + indexed narrative), so the test holds for
 * whatever the parser extracts.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { HAS_CHROMIUM, openSite, publishedRecords, type Site } from './setup.ts';

async function resultPaths(page: Page): Promise<string[]> {
  await page.waitForFunction(
    () => {
      const summary = document.querySelector('pagefind-summary')?.textContent ?? '';
      const links = document.querySelectorAll('pagefind-results a.pf-result-link').length;
      return links > 0 || /未找到|无结果|No results/.test(summary);
    },
    undefined,
    { timeout: 15_000 },
  );
  // Results load lazily as they scroll into view; wait until the list is stable.
  let last = -1;
  for (let i = 0; i < 20; i++) {
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(150);
    const n = await page.locator('pagefind-results a.pf-result-link').count();
    const placeholders = await page.locator('pagefind-results [aria-hidden="true"].pf-result').count();
    if (n === last && placeholders === 0) break;
    last = n;
  }
  const hrefs = await page.$$eval('pagefind-results a.pf-result-link', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
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
    expect(await page.inputValue('pagefind-input input')).toBe('行政许可');
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
    const checkbox = page.locator(`pagefind-filter-pane input[type="checkbox"][name="年份"][value="${year}"]`);
    await checkbox.check();
    await page.waitForFunction((n) => document.querySelectorAll('pagefind-results a.pf-result-link').length < n, paths.length, { timeout: 10_000 });
    const narrowed = await resultPaths(page);
    const expected = publishedRecords()
      .filter((r) => String(r.year) === year)
      .map((r) => `${basePath()}agencies/${r.agency.slug}/${r.year}/`)
      .sort();
    expect(narrowed).toEqual(expected);
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
    const summary = (await page.textContent('pagefind-summary')) ?? '';
    expect(summary).toMatch(/找到 \d+ 份包含“行政许可”的报告/);
    expect(await page.getAttribute('pagefind-input input', 'placeholder')).toMatch(/关键词/);
    await page.close();
  });
});
