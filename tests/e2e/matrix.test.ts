/**
 * The rendering matrix in a bounded form (the whole one is `npm run matrix`): one seed (001, a 2021 report printed
 * as text) as a page and as its four blank-cell variants, through every renderer.
 * Asserted: no renderer reads a wrong number or another agency, year, template or 主动公开 total than the label's,
 * our own HTML and DOCX readers read every cell, and every renderer's tool is installed where CI runs (locally a
 * missing tool skips its renderer with a loud line).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runMatrix, type RendererResult } from '../tools/matrix.ts';
import { pageInputs } from '../tools/matrix/render.ts';
import { FIXTURES, loadFixtures } from '../parser/fixtures.ts';

const CI = /^(1|true)$/i.test(process.env['CI'] ?? '');

describe('the rendering matrix (bounded)', () => {
  const out = mkdtempSync(join(tmpdir(), 'matrix-test-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));
  let results: RendererResult[] = [];
  let missing: string[] = [];

  test('renders the seed and its blank-cell variants with every renderer installed here', async () => {
    ({ results, missing } = await runMatrix(['001_'], out));
    for (const m of missing) console.warn(`[matrix] !!! ${m} is not installed: renderer SKIPPED`);
    if (CI) expect(missing).toEqual([]);
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r) => r.files === 5)).toBe(true);
    // (a safety net, no speed target: the tools render the five inputs in about four minutes on a two-core machine)
  }, 900_000);

  test('reads no wrong number with any renderer', () => {
    expect(results.flatMap((r) => r.wrong.map((w) => `${r.renderer}: ${w}`))).toEqual([]);
  });

  test('reads the agency, year, template and 主动公开 total with every renderer', () => {
    expect(results.flatMap((r) => r.metaWrong.map((w) => `${r.renderer}: ${w}`))).toEqual([]);
  });

  test('reads every cell of the pages and of the .docx pandoc makes of them', () => {
    // (pandoc missing locally is a skip reported above; CI has it)
    const names = missing.some((m) => m.startsWith('pandoc docx')) ? ['html'] : ['html', 'pandoc docx'];
    for (const name of names) {
      const r = results.find((x) => x.renderer === name);
      expect(r, name).toBeDefined();
      expect(r!.right, name).toBe(r!.cells);
    }
  });
});

describe('real pages without labels (npm run matrix -- --pages DIR)', () => {
  test("takes each page's own reading as what its renderings must read", () => {
    // (the corpus's four agency pages: their own reading is their label, cell for cell)
    const inputs = pageInputs(join(FIXTURES, 'corpus'));
    expect(inputs.map((i) => i.name)).toEqual(['pingtan-2019-page.html', 'pingtan-2021-page.html', 'pingtan-2023-page.html', 'pingtan-2025-page.html']);
    const labels = new Map(loadFixtures('corpus').map((fx) => [fx.name, fx.expected]));
    for (const input of inputs) {
      const label = labels.get(input.name)!;
      const own = Object.entries(input.expected).flatMap(([t, rows]) => Object.entries(rows).flatMap(([r, cols]) => Object.entries(cols).map(([c, v]) => [`${t}/${r}/${c}`, v])));
      const printed = Object.entries(label.tables).flatMap(([t, rows]) => Object.entries(rows).flatMap(([r, cols]) => Object.entries(cols).map(([c, v]) => [`${t}/${r}/${c}`, v])));
      expect(own, input.name).toEqual(printed);
      expect(input.meta.agencies, input.name).toEqual([label.agency]);
      expect(input.meta.year, input.name).toBe(label.year);
    }
  });
});
