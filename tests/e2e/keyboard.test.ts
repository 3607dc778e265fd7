/** Keyboard: Tab reaches every visible interactive control of each page type (skip link, search input, sort buttons, links). */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HAS_CHROMIUM, openSite, pageTypes, publishedRecords, type Site } from './setup.ts';

describe.skipIf(!HAS_CHROMIUM)('keyboard', () => {
  let site: Site;
  beforeAll(async () => {
    site = await openSite();
  });
  afterAll(async () => site?.close());

  test('Tab reaches every interactive control on every page type', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    for (const p of pageTypes(publishedRecords())) {
      await page.goto(site.url(p.path), { waitUntil: 'networkidle' });
      if (p.name === 'search') await page.waitForSelector('#search-results a.result-link', { timeout: 15_000 });
      // Tag every control a keyboard user must reach.
      const total = await page.evaluate(() => {
        const selector = 'a[href], button:not([disabled]), input:not([type="hidden"]):not([disabled]), select, textarea, [tabindex="0"]';
        const visible = (el: Element) => {
          const s = getComputedStyle(el);
          const r = el.getBoundingClientRect();
          return s.visibility !== 'hidden' && s.display !== 'none' && (r.width > 0 || r.height > 0 || el.classList.contains('skip-link'));
        };
        const els = [...document.querySelectorAll(selector)].filter((el) => visible(el) && !el.closest('[hidden], [inert], details:not([open]) > :not(summary)'));
        els.forEach((el, i) => el.setAttribute('data-kb', String(i)));
        return els.length;
      });
      const reached = new Set<string>();
      await page.focus('body');
      for (let i = 0; i < total + 20; i++) {
        await page.keyboard.press('Tab');
        const kb = await page.evaluate(() => document.activeElement?.getAttribute('data-kb') ?? null);
        if (kb !== null) reached.add(kb);
        if (reached.size === total) break;
      }
      const missed = await page.evaluate(
        (got) =>
          [...document.querySelectorAll('[data-kb]')]
            .filter((el) => !got.includes(el.getAttribute('data-kb') ?? ''))
            .map((el) => `${el.tagName.toLowerCase()} ${el.textContent?.trim().slice(0, 30) ?? ''}`),
        [...reached],
      );
      expect(missed, p.name).toEqual([]);
      expect(total, p.name).toBeGreaterThan(5);
    }
    await page.close();
  });

  test('the skip link is the first stop and moves focus to the main content', async () => {
    const page = await site.browser.newPage();
    await page.goto(site.url('/'));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement as Element).top)).not.toBe('-48px');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.close();
  });
});
