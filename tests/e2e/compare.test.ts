/**
 * The compare view (issue #15 item 1) in Chromium: a two-agency chart, table and CSV built from the URL alone and
 * again after a reload; the back button restores the previous choice; the filter narrows by name, region or level;
 * an agency page links to it with the agency preselected; without JavaScript the form still makes the URL.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { HAS_CHROMIUM, useDefaultSite, watchErrors } from './setup.ts';
import type { CompareData } from '../../src/lib/compare.ts';

describe.skipIf(!HAS_CHROMIUM)('compare view', () => {
  const ctx = useDefaultSite();

  async function data(): Promise<CompareData> {
    return (await (await fetch(ctx.site.url('/compare/data.json'))).json()) as CompareData;
  }

  /** What the page shows: measure, checked agencies, table header and rows, CSV lines, whether the chart is drawn. */
  async function shown(page: Page): Promise<{ measure: string; checked: string[]; head: string[]; rows: string[][]; csv: string[]; drawn: boolean }> {
    await page.waitForSelector('#compare-result:not([hidden])');
    return page.evaluate(() => {
      const href = document.querySelector<HTMLAnchorElement>('#compare-csv')?.getAttribute('href') ?? '';
      return {
        measure: document.querySelector<HTMLSelectElement>('#compare-measure')?.value ?? '',
        checked: [...document.querySelectorAll<HTMLInputElement>('input[name="a"]:checked')].map((b) => b.value),
        head: [...document.querySelectorAll('#compare-table thead th')].map((th) => th.textContent ?? ''),
        rows: [...document.querySelectorAll('#compare-table tbody tr')].map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())),
        // (not trim(): it would take the BOM too)
        csv: decodeURIComponent(href.replace(/^data:text\/csv;charset=utf-8,/, '')).replace(/\r\n$/, '').split('\r\n'),
        drawn: document.querySelector('#compare-canvas[data-drawn="true"] canvas') !== null,
      };
    });
  }

  test('a two-agency chart, table and CSV come from the URL alone, and again after a reload', async () => {
    const d = await data();
    const two = d.agencies.filter((a) => a.values['newReceived']?.some((c) => c[0] !== null)).slice(0, 2);
    expect(two).toHaveLength(2);
    const [a, b] = two as [CompareData['agencies'][number], CompareData['agencies'][number]];
    const page = await ctx.site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(ctx.site.url(`/compare/?m=newReceived&a=${a.slug}&a=${b.slug}`), { waitUntil: 'networkidle' });
    const first = await shown(page);
    expect(first.measure).toBe('newReceived');
    expect([...first.checked].sort()).toEqual([a.slug, b.slug].sort());
    expect(first.head).toEqual(['年度', a.name, b.name]);
    const years = [...new Set([...a.years, ...b.years])].sort();
    expect(first.rows.map((r) => r[0])).toEqual(years.map(String));
    // Each cell is the agency's number that year, or 无报告.
    for (const [i, year] of years.entries()) {
      for (const [j, ag] of [a, b].entries()) {
        const k = ag.years.indexOf(year);
        const v = k >= 0 ? ag.values['newReceived']?.[k]?.[0] : undefined;
        expect(first.rows[i]?.[j + 1], `${ag.slug} ${year}`).toBe(k < 0 ? '无报告' : v === null || v === undefined ? '—' : v.toLocaleString('en-US'));
      }
    }
    expect(first.drawn).toBe(true);
    expect(first.csv[0]).toBe('\uFEFFyear,agency,agency_name,measure,measure_label,unit,source,value');
    expect(first.csv).toHaveLength(1 + a.years.length + b.years.length);
    expect(first.csv.some((l) => l.includes(`,${a.slug},${a.name},`))).toBe(true);
    expect(first.csv.some((l) => l.includes(`,${b.slug},${b.name},`))).toBe(true);
    await page.reload({ waitUntil: 'networkidle' });
    expect(await shown(page)).toEqual(first);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('each choice is a URL: the back button restores the previous one', async () => {
    const d = await data();
    const [a, b] = d.agencies.filter((x) => x.values['grantedRate']?.some((c) => c[0] !== null));
    if (!a || !b) throw new Error('fewer than two agencies with a 予以公开率');
    const page = await ctx.site.browser.newPage();
    await page.goto(ctx.site.url(`/compare/?m=newReceived&a=${a.slug}`), { waitUntil: 'networkidle' });
    await page.selectOption('#compare-measure', 'grantedRate');
    await page.waitForURL(/m=grantedRate/);
    expect((await shown(page)).head).toEqual(['年度', a.name]);
    expect(await page.locator('#compare-caption').innerText()).toContain('予以公开率');
    await page.check(`input[name="a"][value="${b.slug}"]`);
    await page.waitForURL(new RegExp(`a=${b.slug}`));
    expect((await shown(page)).head).toEqual(['年度', a.name, b.name]);
    // Rates show their numerator and denominator.
    expect((await shown(page)).rows.flat().some((c) => /%（[\d,]+\/[\d,]+）/.test(c))).toBe(true);
    await page.goBack();
    await page.waitForURL((u) => !u.search.includes(`a=${b.slug}`));
    expect((await shown(page)).head).toEqual(['年度', a.name]);
    expect(await page.locator(`input[name="a"][value="${b.slug}"]`).isChecked()).toBe(false);
    await page.goBack();
    await page.waitForURL(/m=newReceived/);
    expect((await shown(page)).measure).toBe('newReceived');
    expect(await page.locator('#compare-caption').innerText()).toContain('新收');
    await page.close();
  });

  test('the filter narrows the list by name, region or level as you type', async () => {
    const d = await data();
    const target = d.agencies.find((a) => a.region);
    if (!target?.region) throw new Error('no agency with a region');
    const page = await ctx.site.browser.newPage();
    await page.goto(ctx.site.url('/compare/'), { waitUntil: 'networkidle' });
    await page.fill('#agency-filter', target.region);
    const visible = await page.$$eval('.agency-options li:not([hidden]) input', (is) => is.map((i) => (i as HTMLInputElement).value));
    expect(visible).toEqual(d.agencies.filter((a) => a.region?.includes(target.region ?? '')).map((a) => a.slug));
    expect(visible.length).toBeLessThan(d.agencies.length);
    await page.fill('#agency-filter', target.name);
    expect(await page.$$eval('.agency-options li:not([hidden]) input', (is) => is.map((i) => (i as HTMLInputElement).value))).toContain(target.slug);
    await page.close();
  });

  test('an agency page links to the view with itself preselected; without JavaScript the form still makes the URL', async () => {
    const d = await data();
    const a = d.agencies[0];
    if (!a) throw new Error('no agency');
    const page = await ctx.site.browser.newPage();
    await page.goto(ctx.site.url(`/agencies/${a.slug}/`));
    await page.click('a.compare-link');
    await page.waitForLoadState('networkidle');
    expect((await shown(page)).checked).toEqual([a.slug]);
    await page.close();

    const context = await ctx.site.browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(ctx.site.url('/compare/'));
    await plain.selectOption('#compare-measure', 'deniedRate');
    await plain.check(`input[name="a"][value="${a.slug}"]`);
    await plain.click('button.compare-submit');
    await plain.waitForLoadState('load');
    const url = new URL(plain.url());
    expect(url.pathname).toBe('/compare/');
    expect(url.searchParams.get('m')).toBe('deniedRate');
    expect(url.searchParams.getAll('a')).toEqual([a.slug]);
    await context.close();
  });
});
