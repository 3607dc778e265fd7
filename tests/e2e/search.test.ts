/**
 * The search page on the default site (seeds + corpus), as a reader uses it: one ranked list over every year,
 * names finding their agency, excerpts that show the query, the no-results state, filters, and the keyboard.
 * Expected results are read from the built report pages themselves (title + narrative), so the tests hold for
 * whatever the parser extracts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { HAS_CHROMIUM, openSite, publishedRecords, ROOT, type Site } from './setup.ts';

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** Waits until the query is answered: a count (or none) in the status line, the list not busy. */
async function answered(page: Page): Promise<void> {
  await page.waitForFunction(
    () => /找到/.test(document.querySelector('#search-summary')?.textContent ?? '') && document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false',
    undefined,
    { timeout: 15_000 },
  );
}

/** The shown results: link (path + hash), title, excerpt text and its marked parts. */
async function shown(page: Page): Promise<Array<{ path: string; hash: string; excerpt: string; marks: string[] }>> {
  return page.$$eval('#search-results li.search-result', (items) =>
    items.map((li) => {
      const a = li.querySelector('a.result-link') as HTMLAnchorElement;
      const url = new URL(a.href);
      const ex = li.querySelector('.search-excerpt');
      return { path: url.pathname, hash: url.hash, excerpt: ex?.textContent ?? '', marks: [...(ex?.querySelectorAll('mark') ?? [])].map((m) => m.textContent ?? '') };
    }),
  );
}

/** Clicks 显示更多 until it is gone; returns every result shown. */
async function showAll(page: Page): Promise<Awaited<ReturnType<typeof shown>>> {
  for (let i = 0; i < 100 && (await page.isVisible('#search-more')); i++) {
    await page.click('#search-more');
    await answered(page);
  }
  return shown(page);
}

describe.skipIf(!HAS_CHROMIUM)('search', () => {
  let site: Site;
  /** Report path (without base) → searchable text (title + narrative). */
  const texts = new Map<string, string>();
  const expectedFor = (...words: string[]): string[] =>
    [...texts.entries()].filter(([, t]) => words.every((w) => t.replace(/\s+/g, '').includes(w))).map(([p]) => p).sort();
  const base = (): string => new URL(site.url('/')).pathname;
  /** A path as the tests compare it: without the base path. */
  const bare = (path: string): string => `/${path.slice(base().length)}`;

  beforeAll(async () => {
    site = await openSite();
    const page = await site.browser.newPage();
    for (const r of publishedRecords()) {
      const path = `/agencies/${r.agency.slug}/${r.year ?? 0}/`;
      await page.goto(site.url(path));
      texts.set(path, await page.evaluate(() => `${document.querySelector('h1')?.textContent ?? ''}\n${document.querySelector('.narrative')?.textContent ?? ''}`));
    }
    await page.close();
  });
  afterAll(async () => site?.close());

  async function open(query: string, params = ''): Promise<Page> {
    const page = await site.browser.newPage();
    await page.goto(`${site.url('/search/')}?q=${encodeURIComponent(query)}${params}`);
    await answered(page);
    return page;
  }

  test('平潭: the first page holds the Pingtan agency and its four reports, of four years', async () => {
    const page = await open('平潭');
    const first = (await shown(page)).map((r) => bare(r.path));
    const pingtan = publishedRecords().filter((r) => r.agency.slug === 'pingtan').map((r) => `/agencies/pingtan/${r.year}/`);
    expect(pingtan).toHaveLength(4);
    expect(first).toHaveLength(5);
    expect([...first].sort()).toEqual(['/agencies/pingtan/', ...pingtan].sort());
    expect(first[0]).toBe('/agencies/pingtan/');
    // Its departments come after, in the same list.
    const all = (await showAll(page)).map((r) => bare(r.path));
    expect(all).toEqual(expect.arrayContaining(['/agencies/pingtan-hzs/', '/agencies/pingtan-hzs/2022/']));
    expect(new Set(all).size).toBe(all.length);
    await page.close();
  });

  test('聊城 finds both Liaocheng agencies (one by its region) and their reports first', async () => {
    const page = await open('聊城');
    const first = (await shown(page)).map((r) => bare(r.path));
    expect(first.slice(0, 4).sort()).toEqual(['/agencies/liaocheng-dujiaqu-weiji/', '/agencies/liaocheng-dujiaqu-weiji/2023/', '/agencies/liaocheng-weijian/', '/agencies/liaocheng-weijian/2020/']);
    const all = (await showAll(page)).map((r) => bare(r.path));
    expect(all).toEqual(expect.arrayContaining(['/agencies/liaocheng-weijian/', '/agencies/liaocheng-dujiaqu-weiji/']));
    expect(all).toEqual(expect.arrayContaining(expectedFor('聊城')));
    await page.close();
  });

  test('an agency’s full name finds its page and report first, then 显示更多 goes on to the reports that mention it', async () => {
    const page = await open('上海市科学技术委员会');
    expect(await page.textContent('#search-summary')).toBe('找到 1 个名称含“上海市科学技术委员会”的机构，列出机构及其年报，已显示 2 条。');
    expect((await shown(page)).map((r) => bare(r.path)).sort()).toEqual(['/agencies/shanghai-kewei/', '/agencies/shanghai-kewei/2024/']);
    expect(await page.textContent('#search-more')).toBe('显示更多：正文提到“上海市科学技术委员会”的年报');
    await page.close();
  });

  test('行政许可: every report that has it, from every year, and every excerpt shows 行政许可 marked whole', async () => {
    const expected = expectedFor('行政许可');
    expect(expected.length).toBeGreaterThan(3);
    const page = await open('行政许可');
    const summary = (await page.textContent('#search-summary')) ?? '';
    expect(summary).toMatch(/^在 \d+ 个机构的年报中找到“行政许可”，已显示 5 条。$/);
    const all = await showAll(page);
    expect(all.map((r) => bare(r.path))).toEqual(expect.arrayContaining(expected));
    const years = new Set(all.map((r) => /\/(\d{4})\/$/.exec(r.path)?.[1]).filter(Boolean));
    expect(years.size).toBeGreaterThan(3);
    for (const r of all) {
      expect(r.excerpt.replace(/\s+/g, ''), r.path).toContain('行政许可');
      expect(r.marks.length, r.path).toBeGreaterThan(0);
      for (const m of r.marks) expect(m.replace(/\s+/g, '')).toBe('行政许可');
    }
    await page.close();
  });

  test('a result links to the passage holding the query: a section id that exists on its page', async () => {
    const page = await open('行政许可');
    const results = await shown(page);
    expect(results.length).toBeGreaterThan(0);
    const target = await site.browser.newPage();
    for (const r of results) {
      expect(r.hash, r.path).toMatch(/^#(part-\d+|table-\w+)$/);
      await target.goto(site.url(`${bare(r.path)}${r.hash}`));
      const section = await target.textContent(r.hash);
      expect(section?.replace(/\s+/g, ''), `${r.path}${r.hash}`).toContain(r.hash.startsWith('#table') ? '行政许可' : r.excerpt.replace(/[…\s]/g, '').slice(0, 12));
    }
    await target.close();
    await page.close();
  });

  test('the tables’ row labels are searchable: 处理决定 finds reports by the labels of their 表二', async () => {
    const page = await open('处理决定数量');
    const all = await showAll(page);
    expect(all.length).toBeGreaterThan(0);
    expect(all.some((r) => r.hash === '#table-proactive')).toBe(true);
    await page.close();
  });

  test('several words: only reports holding all of them', async () => {
    const expected = expectedFor('疫情', '新媒体');
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(expectedFor('疫情').length);
    const page = await open('疫情 新媒体');
    expect((await showAll(page)).map((r) => bare(r.path)).sort()).toEqual(expected);
    await page.close();
  });

  test('a word in no report: the no-results state, with suggestions', async () => {
    const page = await open('zzqxvj');
    expect(await page.textContent('#search-summary')).toBe('未找到包含“zzqxvj”的结果。');
    expect(await page.isVisible('#search-hints')).toBe(true);
    expect(((await page.textContent('#search-hints')) ?? '').length).toBeGreaterThan(10);
    expect(await page.isVisible('#search-more')).toBe(false);
    expect(await page.$$('#search-results li')).toHaveLength(0);
    await page.close();
  });

  test('a filter with no results offers to clear it; clearing searches again', async () => {
    const year = String(Math.min(...publishedRecords().flatMap((r) => (r.year === null ? [] : [r.year]))));
    const page = await open('上海市科学技术委员会', `&year=${year}`);
    expect(await page.textContent('#search-summary')).toMatch(new RegExp(`^未找到.*（筛选：${year} 年度）。$`));
    expect(await page.isVisible('#search-clear')).toBe(true);
    await page.click('#search-clear');
    await answered(page);
    expect(await page.inputValue('#search-year')).toBe('');
    expect((await shown(page)).length).toBeGreaterThan(0);
    await page.close();
  });

  test('a year filter narrows the results to that year; counts appear by each option', async () => {
    const page = await open('公开');
    await page.focus('#search-year');
    await page.waitForFunction(() => /（\d+）/.test(document.querySelector('#search-year option:nth-child(2)')?.textContent ?? ''), undefined, { timeout: 10_000 });
    const year = String(publishedRecords().find((r) => r.agency.slug === 'pingtan')?.year);
    const label = await page.$eval(`#search-year option[value="${year}"]`, (o) => o.textContent ?? '');
    const count = Number(/（(\d+)）/.exec(label)?.[1]);
    expect(count).toBe(publishedRecords().filter((r) => String(r.year) === year).length);
    await page.selectOption('#search-year', year);
    await page.waitForFunction((y) => new URL(location.href).searchParams.get('year') === y, year, { timeout: 10_000 });
    await answered(page);
    const all = await showAll(page);
    expect(all.map((r) => bare(r.path)).sort()).toEqual(publishedRecords().filter((r) => String(r.year) === year).map((r) => `/agencies/${r.agency.slug}/${year}/`).sort());
    await page.close();
  });

  test('the agency filter lists the agencies with results, and narrows to one; the year filter keeps its counts', async () => {
    const page = await open('平潭');
    await page.focus('#search-agency');
    await page.waitForFunction(() => document.querySelectorAll('#search-agency option').length > 2, undefined, { timeout: 10_000 });
    const options = await page.$$eval('#search-agency option', (os) => os.map((o) => (o as HTMLOptionElement).textContent ?? ''));
    expect(options).toContain('平潭综合实验区');
    expect(options).toContain('平潭综合实验区行政审批局');
    expect(options).not.toContain('沭阳县人民政府');
    // With a year chosen, the other years keep their counts, and the agency counts are within the year.
    const year = String(publishedRecords().find((r) => r.agency.slug === 'pingtan')?.year);
    await page.selectOption('#search-year', year);
    await page.waitForFunction((y) => new URL(location.href).searchParams.get('year') === y, year, { timeout: 10_000 });
    await answered(page);
    await page.waitForFunction(() => /（\d+）$/.test(document.querySelector('#search-year option:nth-child(2)')?.textContent ?? ''), undefined, { timeout: 10_000 });
    const otherYears = await page.$$eval('#search-year option', (os, y) => os.filter((o) => (o as HTMLOptionElement).value && (o as HTMLOptionElement).value !== y).map((o) => o.textContent ?? ''), year);
    expect(otherYears.some((label) => /（[1-9]\d*）$/.test(label))).toBe(true);
    await page.selectOption('#search-year', '');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('year'), undefined, { timeout: 10_000 });
    await answered(page);
    await page.selectOption('#search-agency', '平潭综合实验区');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('agency') === '平潭综合实验区', undefined, { timeout: 10_000 });
    await answered(page);
    const all = await showAll(page);
    expect(all).toHaveLength(5);
    for (const r of all) expect(bare(r.path)).toMatch(/^\/agencies\/pingtan\//);
    await page.close();
  });

  test('moving through a filter with the arrow keys searches once, when the reader stops', async () => {
    const page = await open('公开');
    await page.evaluate(() => {
      const w = window as unknown as { searches: number };
      w.searches = 0;
      const replace = history.replaceState.bind(history);
      history.replaceState = (...args: Parameters<History['replaceState']>) => {
        w.searches++;
        replace(...args);
      };
    });
    await page.focus('#search-year');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { searches: number }).searches)).toBe(0);
    await page.waitForFunction(() => (window as unknown as { searches: number }).searches === 1, undefined, { timeout: 5_000 });
    await answered(page);
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => (window as unknown as { searches: number }).searches)).toBe(1);
    expect(new URL(page.url()).searchParams.get('year')).toMatch(/^\d{4}$/);
    await page.close();
  });

  test('显示更多 by keyboard moves focus to the first new result, and the count is read out', async () => {
    const page = await open('公开');
    expect(await shown(page)).toHaveLength(5);
    await page.focus('#search-more');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('#search-results li').length > 5, undefined, { timeout: 10_000 });
    await answered(page);
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLAnchorElement | null;
      const items = [...document.querySelectorAll('#search-results li')];
      return { tag: el?.tagName, index: items.findIndex((li) => li.contains(el)) };
    });
    expect(focused).toEqual({ tag: 'A', index: 5 });
    expect(await page.getAttribute('#search-summary', 'role')).toBe('status');
    expect(await page.getAttribute('#search-summary', 'aria-live')).toBe('polite');
    await page.close();
  });

  test('axe finds no violations on the search page with results and with the no-results state', async () => {
    for (const query of ['行政许可', 'zzqxvj']) {
      const page = await open(query);
      await page.addScriptTag({ content: AXE });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: Array<{ id: string }> }> } }).axe;
        return (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } })).violations.map((v) => v.id);
      });
      expect(violations, query).toEqual([]);
      await page.close();
    }
  });

  test('the plain search form on every page lands on the results; the UI speaks Chinese', async () => {
    const page = await site.browser.newPage();
    await page.goto(site.url('/about/'));
    await page.fill('#site-q', '聊城');
    await page.press('#site-q', 'Enter');
    await page.waitForURL(/\/search\/\?q=/);
    await answered(page);
    expect((await shown(page)).length).toBeGreaterThan(0);
    expect(await page.getAttribute('#search-q', 'placeholder')).toMatch(/关键词/);
    // The page's own words (not the reports' text in the excerpts) are Chinese.
    const ui = [await page.textContent('form.search-page-form'), await page.textContent('#search-summary'), await page.textContent('#search-more')].join(' ');
    expect(ui).not.toMatch(/[A-Za-z]{3,}/);
    await page.close();
  });
});
