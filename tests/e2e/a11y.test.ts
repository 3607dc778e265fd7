/** axe-core (WCAG 2 A and AA rules) reports no violations on any page type, on a desktop and a phone viewport. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HAS_CHROMIUM, openSite, pageTypes, publishedRecords, ROOT, type Site } from './setup.ts';

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  help: string;
  nodes: Array<{ target: string[] }>;
}

describe.skipIf(!HAS_CHROMIUM)('accessibility', () => {
  let site: Site;
  beforeAll(async () => {
    site = await openSite();
  });
  afterAll(async () => site?.close());

  for (const viewport of [
    { name: 'desktop', width: 1280, height: 900 },
    { name: 'phone', width: 375, height: 800 },
  ]) {
    test(`axe finds no WCAG 2 A/AA violations on any page type (${viewport.name})`, async () => {
      const page = await site.browser.newPage({ viewport });
      const found: string[] = [];
      for (const p of pageTypes(publishedRecords())) {
        await page.goto(site.url(p.path), { waitUntil: 'networkidle' });
        if (p.name === 'search') await page.waitForSelector('#search-results a.result-link', { timeout: 15_000 });
        await page.addScriptTag({ content: AXE });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
          const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
          return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
        });
        for (const v of violations) found.push(`${p.name}: ${v.id} (${v.help}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      }
      await page.close();
      expect(found).toEqual([]);
    });
  }
});
