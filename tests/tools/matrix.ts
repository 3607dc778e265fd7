/**
 * The rendering matrix (issue #13): every labelled seed and corpus report, as a web page and as a blank-cell
 * variant, rendered by real tools (scripts/matrix/render.ts), parsed, and scored against its label. Prints, per
 * renderer, the cells read, the wrong numbers and the files read exactly; `--json` prints one JSON object.
 *
 *   npm run matrix                      # every report (about a minute and a half)
 *   npm run matrix -- --only 000,pingtan-2023-page   # reports whose name contains one of these
 *   npm run matrix -- --out DIR         # keep the renderings in DIR (default: a temp dir)
 *   npm run matrix -- --from DIR        # re-parse the renderings a run kept in DIR (no tools run: seconds)
 *   npm run matrix -- --pages DIR       # real pages without labels (DIR/*.html), each scored against its own reading
 *
 * A renderer whose tool is missing is skipped with a loud line; with CI=true a missing tool fails (exit 1).
 * Exit 1 also when any renderer reads a wrong number.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFixtures } from '../parser/fixtures.ts';
import { availableTools, launch, matrixInputs, pageInputs, renderAll, score, keptRenderings, type Renderer } from './matrix/render.ts';

export interface RendererResult {
  renderer: Renderer;
  files: number;
  exact: number;
  cells: number;
  right: number;
  /** Of `cells` and `right`, those of the blank-cell variants (the rest are the pages as published). */
  blankCells: number;
  blankRight: number;
  wrong: string[];
  /** Files whose agency, year, template or 主动公开 total is not the label's, with what was read. */
  metaWrong: string[];
}

export async function runMatrix(only: string[] | null, out: string, from: string | null = null, pages: string | null = null): Promise<{ results: RendererResult[]; missing: string[] }> {
  const fixtures = [...loadFixtures('seeds'), ...loadFixtures('corpus')].filter((fx) => !only || only.some((o) => fx.name.includes(o)));
  const inputs = (pages ? pageInputs(pages) : matrixInputs(fixtures)).filter((i) => !pages || !only || only.some((o) => i.name.includes(o)));
  const tools = availableTools();
  const missing = tools.filter((t) => !t.available).map((t) => `${t.renderer} (${t.tool})`);
  const renderers = tools.filter((t) => t.available).map((t) => t.renderer);
  const browser = !from && renderers.some((r) => r.startsWith('pdf') || r.startsWith('chromium')) ? await launch() : null;
  const results = new Map<Renderer, RendererResult>(renderers.map((r) => [r, { renderer: r, files: 0, exact: 0, cells: 0, right: 0, blankCells: 0, blankRight: 0, wrong: [], metaWrong: [] }]));
  try {
    for (const input of inputs) {
      const renderings = from ? await keptRenderings(input, from, renderers) : await renderAll(input, out, browser, renderers);
      for (const [renderer, rendering] of renderings) {
        const s = score(rendering, input.expected, input.name, input.meta);
        const r = results.get(renderer)!;
        r.files++;
        r.cells += s.cells;
        r.right += s.right;
        if (/\+(blank|zeros|dashes|nototal)$/.test(input.name)) {
          r.blankCells += s.cells;
          r.blankRight += s.right;
        }
        if (s.right === s.cells) r.exact++;
        r.wrong.push(...s.wrong.map((w) => `${input.name}: ${w}`));
        if (s.metaWrong.length) r.metaWrong.push(`${input.name}: ${s.metaWrong.join(', ')}`);
      }
    }
  } finally {
    await browser?.close();
  }
  return { results: [...results.values()], missing };
}

const pct = (right: number, cells: number): string => (cells ? `${((100 * right) / cells).toFixed(1)}%` : '—');

export function matrixTable(results: readonly RendererResult[]): string {
  const lines = [
    '| renderer | files | cells read | pages | blank-cell variants | wrong numbers | exact files | agency, year, template, 主动公开 total |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    const pages = pct(r.right - r.blankRight, r.cells - r.blankCells);
    const meta = `${r.files - r.metaWrong.length}/${r.files}`;
    lines.push(`| ${r.renderer} | ${r.files} | ${r.right}/${r.cells} (${pct(r.right, r.cells)}) | ${pages} | ${pct(r.blankRight, r.blankCells)} | ${r.wrong.length} | ${r.exact}/${r.files} | ${meta} |`);
  }
  return lines.join('\n');
}

if (import.meta.main) {
  const argv = process.argv.slice(2);
  const onlyArg = argv.indexOf('--only');
  const only = onlyArg >= 0 ? (argv[onlyArg + 1] ?? '').split(',').filter(Boolean) : null;
  const outArg = argv.indexOf('--out');
  const out = outArg >= 0 && argv[outArg + 1] ? argv[outArg + 1]! : mkdtempSync(join(tmpdir(), 'matrix-'));
  const started = performance.now();
  const fromArg = argv.indexOf('--from');
  const from = fromArg >= 0 && argv[fromArg + 1] ? argv[fromArg + 1]! : null;
  const pagesArg = argv.indexOf('--pages');
  const pages = pagesArg >= 0 && argv[pagesArg + 1] ? argv[pagesArg + 1]! : null;
  const { results, missing } = await runMatrix(only, from ?? out, from, pages);
  for (const m of missing) console.error(`matrix: !!! ${m} is not installed: that renderer was SKIPPED (apt-get install -y chromium poppler-utils mupdf-tools lynx w3m links elinks pandoc libreoffice-writer-nogui antiword catdoc docx2txt python3-pdfminer python3-pypdf python3-fitz python3-html2text python3-bs4 python3-docx default-jre-headless libpdfbox2-java)`);
  if (argv.includes('--json')) console.log(JSON.stringify({ results, missing }));
  else {
    console.log(matrixTable(results));
    for (const r of results) for (const w of argv.includes('--all') ? r.wrong : r.wrong.slice(0, 20)) console.log(`wrong: ${r.renderer}: ${w}`);
    for (const r of results) for (const w of r.metaWrong) console.log(`meta: ${r.renderer}: ${w}`);
    console.log(`matrix: renderings in ${from ?? out}; ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const ci = /^(1|true)$/i.test(process.env['CI'] ?? '');
  if (results.some((r) => r.wrong.length > 0) || (ci && missing.length > 0)) process.exit(1);
}
