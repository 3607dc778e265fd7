/**
 * Honest charts (issue #15 item 2), in Chromium: an agency with reports for 2019, 2021, 2023 and 2025 (平潭综合实验区
 * in the default site) is drawn on a real year axis — the line breaks where a year has no report — and hovering a
 * point shows its year, value and source; each chart has a note, a CSV of its numbers and a PNG of itself.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { HAS_CHROMIUM, useDefaultSite } from './setup.ts';

/** An agency whose years have a hole (a year between two reported ones without a report). */
function gappyAgency(records: ReadonlyArray<{ agency: { slug: string }; year: number | null }>): { slug: string; years: number[] } {
  const years = new Map<string, number[]>();
  for (const r of records) if (r.year !== null) years.set(r.agency.slug, [...(years.get(r.agency.slug) ?? []), r.year].sort());
  const found = [...years.entries()].find(([, ys]) => ys.some((y, i) => i > 0 && y - (ys[i - 1] ?? y) > 1));
  if (!found) throw new Error('the default site has no agency with a missing year');
  return { slug: found[0], years: found[1] };
}

/** RGBA of the canvas pixel at CSS coordinates (x, y) inside the chart host. */
async function pixel(page: Page, selector: string, x: number, y: number): Promise<number[]> {
  return page.$eval(
    `${selector} canvas`,
    (canvas, at) => {
      const c = canvas as HTMLCanvasElement;
      const ratio = c.width / c.clientWidth;
      return [...(c.getContext('2d')?.getImageData(Math.round(at.x * ratio), Math.round(at.y * ratio), 1, 1).data ?? [])];
    },
    { x, y },
  );
}

/** Hovers the canvas at (x, y) and returns the tooltip's text and caret, or null when none shows. */
async function hover(page: Page, selector: string, x: number, y: number): Promise<{ text: string; x: number; y: number } | null> {
  await page.locator(`${selector} canvas`).hover({ position: { x, y } });
  await page.waitForTimeout(150);
  const tip = page.locator(`${selector} .chart-tooltip`);
  if (!(await tip.isVisible())) return null;
  return { text: (await tip.innerText()).replace(/\s+/g, ' '), x: Number(await tip.getAttribute('data-caret-x')), y: Number(await tip.getAttribute('data-caret-y')) };
}

const close = (a: number[], b: number[]): boolean => a.slice(0, 3).every((v, i) => Math.abs(v - (b[i] ?? 0)) < 40);
const BLUE = [0x0b, 0x56, 0xa3];

describe.skipIf(!HAS_CHROMIUM)('honest charts', () => {
  const ctx = useDefaultSite();

  test('a year without a report is a gap on a real year axis, and hovering shows the value and its source', async () => {
    const { slug, years } = gappyAgency(ctx.records);
    const page = await ctx.site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(ctx.site.url(`/agencies/${slug}/`), { waitUntil: 'networkidle' });
    const sel = 'figure[data-chart-id="received"] .chart-canvas';
    await page.waitForSelector(`${sel}[data-drawn="true"] canvas`);
    const box = await page.locator(`${sel} canvas`).boundingBox();
    expect(box).not.toBeNull();
    // Sweep the plot from left to right: the tooltip names each reported year once, in order, with value and source.
    const seen: Array<{ year: number; text: string; x: number; y: number }> = [];
    for (let x = 4; x < (box?.width ?? 0) - 4; x += 10) {
      const tip = await hover(page, sel, x, (box?.height ?? 0) / 2);
      const year = Number(/(\d{4}) 年/.exec(tip?.text ?? '')?.[1]);
      if (tip && year && !seen.some((s) => s.year === year)) seen.push({ year, ...tip });
    }
    expect(seen.map((s) => s.year)).toEqual(years);
    for (const s of seen) expect(s.text).toMatch(/新收申请：[\d,]+ 件（来源：表三）/);
    // Real axis: the distance between two reports is proportional to the years between them.
    const [a, b, c] = seen;
    if (!a || !b || !c) throw new Error('fewer than three reported years');
    const perYear = (b.x - a.x) / (b.year - a.year);
    expect(Math.abs((c.x - b.x) - perYear * (c.year - b.year))).toBeLessThan(2);
    // The points are drawn; halfway between two reports two years apart there is no line.
    expect(close(await pixel(page, sel, a.x, a.y), BLUE)).toBe(true);
    const gapPair = seen.findIndex((s, i) => i > 0 && s.year - (seen[i - 1]?.year ?? s.year) > 1);
    const left = seen[gapPair - 1];
    const right = seen[gapPair];
    if (!left || !right) throw new Error('no gap found');
    for (const t of [0.3, 0.5, 0.7]) {
      const x = left.x + (right.x - left.x) * t;
      const y = left.y + (right.y - left.y) * t;
      for (const dy of [-1, 0, 1]) expect(close(await pixel(page, sel, x, y + dy), BLUE), `${t} ${dy}`).toBe(false);
    }
    await page.close();
  });

  test('every chart says where its figure comes from and offers its data as CSV and itself as PNG', async () => {
    const { slug } = gappyAgency(ctx.records);
    const page = await ctx.site.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(ctx.site.url(`/agencies/${slug}/`), { waitUntil: 'networkidle' });
    const figures = page.locator('figure.chart');
    expect(await figures.count()).toBe(4);
    for (let i = 0; i < 4; i++) {
      const f = figures.nth(i);
      expect(await f.locator('figcaption').innerText()).toMatch(/数字取自.*(表二|表三|正文)/);
      expect(await f.locator('figcaption').innerText()).toContain('没有收录报告');
      const csvLink = f.locator('a[download$=".csv"]');
      const href = (await csvLink.getAttribute('href')) ?? '';
      const csv = decodeURIComponent(href.replace(/^data:text\/csv;charset=utf-8,/, ''));
      expect(csv.startsWith('\uFEFF')).toBe(true);
      // The CSV has the table twin's rows.
      const rows = await f.locator('table tbody tr').count();
      expect(csv.trim().split('\r\n')).toHaveLength(rows + 1);
      if (await f.locator('[data-drawn="true"]').count()) {
        const [download] = await Promise.all([page.waitForEvent('download'), f.locator('button.png-download').click()]);
        expect(download.suggestedFilename()).toMatch(/\.png$/);
        const path = await download.path();
        const { readFileSync } = await import('node:fs');
        expect([...readFileSync(path).subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
      }
    }
    // Phone: the chart fits the screen (no sideways scrolling of the page).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.close();
  });

  test('the year page draws many agencies as horizontal bars, readable at phone width', async () => {
    const years = new Map<number, number>();
    for (const r of ctx.records) if (r.year !== null) years.set(r.year, (years.get(r.year) ?? 0) + 1);
    const year = [...years.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    const page = await ctx.site.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(ctx.site.url(`/years/${year}/`), { waitUntil: 'networkidle' });
    const spec = JSON.parse((await page.getAttribute('figure.chart .chart-canvas', 'data-chart')) ?? '{}') as { horizontal?: boolean; labels: string[] };
    expect(spec.horizontal).toBe(true);
    const box = await page.locator('figure.chart canvas').boundingBox();
    expect(box?.width ?? 0).toBeLessThanOrEqual(390);
    // At least two rows of height per agency name.
    expect((box?.height ?? 0) / spec.labels.length).toBeGreaterThan(30);
    await page.close();
  });
});
