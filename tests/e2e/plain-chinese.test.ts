/**
 * Plain Chinese (issue #15 item 4): no page shows a visitor an internal id. Every HTML page of the built site is
 * opened in Chromium and its rendered text (what a reader sees, plus the accessible names of aria-label, title and
 * alt) is checked against the id lists of the schema: every finding code (FINDING_CODES, src/schema/record.ts) and
 * every row, column and group id of both statutory templates (src/schema/template.ts). The report's own text (the
 * narrative and the source listing, shown verbatim) is left out: it is the agency's words, not ours. The codes stay
 * in the data: a finding carries its code in data-code.
 */
import { readdirSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FINDING_CODES } from '../../src/schema/record.ts';
import { TEMPLATES } from '../../src/schema/template.ts';
import { DIST, HAS_CHROMIUM, useDefaultSite } from './setup.ts';

/** Every template row, column and group id of both templates. */
function templateIds(): string[] {
  const ids = new Set<string>();
  for (const t of Object.values(TEMPLATES)) {
    for (const g of t.proactive.groups) {
      ids.add(g.id);
      for (const r of g.rows) ids.add(r.id);
      for (const c of g.columns) ids.add(c.id);
    }
    for (const table of [t.requests, t.review]) {
      for (const r of table.rows) ids.add(r.id);
      for (const c of table.columns) ids.add(c.id);
    }
  }
  return [...ids];
}

/** Matches an id as a word of its own (not inside a longer ASCII word, a slug or a file name); cell keys a/b/c too. */
function idPattern(ids: readonly string[]): RegExp {
  const escaped = [...ids].sort((a, b) => b.length - a.length).map((id) => id.replace(/[.]/g, '\\.'));
  return new RegExp(`(?<![A-Za-z0-9_.-])(?:${escaped.join('|')})(?![A-Za-z0-9_])`, 'g');
}

/** Site paths of every built page (dist/**\/index.html). */
function builtPages(): string[] {
  return readdirSync(DIST, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name === 'index.html' && !relative(DIST, e.parentPath).split(sep).includes('pagefind'))
    .map((e) => `/${relative(DIST, e.parentPath).split(sep).filter(Boolean).join('/')}/`.replace(/^\/\/$/, '/'))
    .sort();
}

describe.skipIf(!HAS_CHROMIUM)('plain Chinese: no internal ids on any page', () => {
  const ctx = useDefaultSite();

  test('the id lists are the schema’s and the pattern finds them', () => {
    const ids = templateIds();
    expect(ids).toContain('carriedForward');
    expect(ids).toContain('otherHandling.feeUnpaid');
    expect(FINDING_CODES).toContain('PROSE_MISMATCH');
    const re = idPattern([...ids, ...FINDING_CODES]);
    expect('表三行「carriedForward」'.match(re)).toEqual(['carriedForward']);
    expect('（PROSE_MISMATCH · proactive/normativeDocs/inForce）'.match(re)).toEqual(['PROSE_MISMATCH', 'normativeDocs', 'inForce']);
    expect('otherHandling.feeUnpaid'.match(re)).toEqual(['otherHandling.feeUnpaid']);
    expect('/data/pingtan/2019.csv 原文 2019 年度'.match(re)).toBeNull();
  });

  test('no page’s visible text or accessible names contain a template id or a finding code', async () => {
    const pages = builtPages();
    expect(pages).toContain('/compare/');
    expect(pages.filter((p) => /^\/agencies\/[^/]+\/\d+\/$/.test(p)).length).toBe(ctx.records.filter((r) => r.year !== null).length);
    const re = idPattern([...templateIds(), ...FINDING_CODES]);
    const page = await ctx.site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const found: string[] = [];
    let withCodes = 0;
    const slugs = [...new Set(ctx.records.filter((r) => r.year !== null).map((r) => r.agency.slug))].slice(0, 3);
    for (const m of ['newReceived', 'grantedRate', 'reviewCorrectionRate']) pages.push(`/compare/?m=${m}${slugs.map((s) => `&a=${s}`).join('')}`);
    for (const path of pages) {
      await page.goto(ctx.site.url(path), { waitUntil: path.startsWith('/compare/?') ? 'networkidle' : 'load' });
      const text = await page.evaluate(() => {
        // The agency's own words, shown verbatim, are not ours to translate.
        for (const el of document.querySelectorAll<HTMLElement>('#source, .narrative')) el.style.display = 'none';
        const names = [...document.querySelectorAll('[aria-label], [title], [alt]')].flatMap((el) =>
          ['aria-label', 'title', 'alt'].map((a) => el.getAttribute(a) ?? ''),
        );
        return `${document.title}\n${document.body.innerText}\n${names.join('\n')}`;
      });
      for (const m of text.matchAll(re)) found.push(`${path}: ${m[0]} in “${text.slice(Math.max(0, (m.index ?? 0) - 30), (m.index ?? 0) + 40).replace(/\s+/g, ' ')}”`);
      withCodes += await page.locator('[data-code]').count();
    }
    await page.close();
    expect(found).toEqual([]);
    // The codes are still there for machines: the findings carry them as data attributes.
    expect(withCodes).toBeGreaterThan(0);
  });
});
