/**
 * Figures a visitor can trust, on the default site (the seeds plus one rendering of every corpus report):
 * 平潭综合实验区 has four years, no agency is left ungrouped, the 主动公开 trend is the stated totals, a saved web
 * page's menus and footer are not narrative (nor search excerpts) while its source listing keeps every line, and
 * the 发布时间 of every source that prints one is the date shown.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HAS_CHROMIUM, ROOT, useDefaultSite } from './setup.ts';
import { formatDate } from '../../src/lib/format.ts';

/** Website chrome of the Pingtan pages. 全真版 also occurs in the 2023 report's own words (“全真版上传”). */
const CHROME = ['登录注册', '长者模式', 'QQ空间', '全真版', '文字版', '当前位置'];
const chromeIn = (text: string): string[] => CHROME.filter((w) => text.replaceAll('全真版上传', '').includes(w));

describe.skipIf(!HAS_CHROMIUM)('figures a visitor can trust', () => {
  const ctx = useDefaultSite();

  test('the default site publishes the seeds and every corpus report, none unidentified', () => {
    expect(ctx.records.length).toBe(15);
    expect(ctx.records.filter((r) => r.id.startsWith('unidentified'))).toEqual([]);
    expect(ctx.records.filter((r) => r.agency.slug === 'pingtan').map((r) => r.year).sort()).toEqual([2019, 2021, 2023, 2025]);
  });

  test('平潭综合实验区’s page shows four years and its stated 主动公开 totals, the approximate one as 约', async () => {
    const page = await ctx.site.browser.newPage();
    await page.goto(ctx.site.url('/agencies/pingtan/'));
    const twin = await page.$$eval('figure.chart', (figs) => {
      const fig = figs.find((f) => f.querySelector('h3')?.textContent?.startsWith('主动公开政府信息数量'));
      return [...(fig?.querySelectorAll('tbody tr') ?? [])].map((tr) => [tr.querySelector('th')?.textContent?.trim(), tr.querySelector('td')?.textContent?.trim()]);
    });
    expect(twin).toEqual([
      ['2019', '2,599'],
      ['2021', '2,645'],
      ['2023', '13,561'],
      ['2025', '约 7,700'],
    ]);
    await page.close();
  });

  test('no agency is listed under 未分组', async () => {
    const page = await ctx.site.browser.newPage();
    await page.goto(ctx.site.url('/agencies/'));
    expect(await page.textContent('main')).not.toContain('未分组');
    await page.close();
  });

  test('Pingtan report pages keep the website’s chrome out of the narrative and in the source listing', async () => {
    const page = await ctx.site.browser.newPage();
    const pingtan = ctx.records.filter((r) => r.agency.slug.startsWith('pingtan'));
    expect(pingtan.length).toBe(7);
    for (const r of pingtan) {
      await page.goto(ctx.site.url(`/agencies/${r.agency.slug}/${r.year}/`));
      const narrative = (await page.textContent('.narrative')) ?? '';
      expect(narrative.length, r.id).toBeGreaterThan(1000);
      expect(chromeIn(narrative), r.id).toEqual([]);
      const source = (await page.textContent('#source')) ?? '';
      const printed = readFileSync(join(ROOT, r.source.file), 'utf8');
      for (const w of CHROME.filter((x) => printed.includes(x))) expect(source, `${r.id} source listing keeps ${w}`).toContain(w);
    }
    await page.close();
  });

  test('search excerpts never show the website’s chrome', async () => {
    const page = await ctx.site.browser.newPage();
    for (const q of ['平潭', '政府信息', '微信']) {
      await page.goto(`${ctx.site.url('/search/')}?q=${encodeURIComponent(q)}`);
      await page.waitForFunction(() => /找到|未找到/.test(document.querySelector('#search-summary')?.textContent ?? '') && document.querySelector('#search-results')?.getAttribute('aria-busy') !== 'true', undefined, { timeout: 15_000 });
      for (let i = 0; i < 20 && (await page.isVisible('#search-more')); i++) {
        await page.click('#search-more');
        await page.waitForFunction(() => document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false', undefined, { timeout: 15_000 });
      }
      const excerpts = await page.$$eval('#search-results .search-result p:last-child', (ps) => ps.map((p) => p.textContent ?? ''));
      if (q !== '微信') expect(excerpts.length, q).toBeGreaterThan(0);
      for (const e of excerpts) expect(chromeIn(e), `${q}: ${e}`).toEqual([]);
    }
    await page.close();
  });

  test('every report whose source prints a 发布时间 shows that date', async () => {
    const page = await ctx.site.browser.newPage();
    const dated = ctx.records
      .map((r) => ({ r, m: /(?:发布时间|时间)\s*[:：]\s*(\d{4}-\d{2}-\d{2})/.exec(readFileSync(join(ROOT, r.source.file), 'utf8')) }))
      .filter((x) => x.m !== null);
    expect(dated.length).toBe(7);
    for (const { r, m } of dated) {
      expect(r.published, r.id).toBe(m![1]);
      await page.goto(ctx.site.url(`/agencies/${r.agency.slug}/${r.year}/`));
      const shown = await page.$eval('dt:text-is("发布日期") + dd', (dd) => dd.textContent ?? '');
      expect(shown, r.id).toContain(formatDate(m![1]!));
    }
    await page.close();
  });
});
