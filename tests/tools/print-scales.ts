/**
 * Print-scale probe: every labelled seed and corpus report as the rendering matrix builds its page, printed by
 * Chromium to A4 at several type sizes (larger type wraps labels over more lines and moves pdftotext's reading
 * order), with 表三's header rows once or repeated on every page (`<thead>`, as Word's 重复标题行 prints them), then
 * read by `pdftotext` in its three modes and scored against the report's label. Prints, per size and mode, the
 * cells read and the wrong numbers. Not part of `npm test` (about a minute a size); asserts nothing.
 *
 *   node --experimental-strip-types --no-warnings tests/tools/print-scales.ts [--sizes 13,14,15,16,18] [--thead] [--out DIR]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { loadFixtures } from '../parser/fixtures.ts';
import { CHROMIUM, reportHtml, score } from './matrix/render.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const sizes = (arg('--sizes') ?? '13,14,15,16,18').split(',').map(Number);
const thead = process.argv.includes('--thead');
const out = arg('--out') ?? mkdtempSync(join(tmpdir(), 'print-scales-'));
mkdirSync(out, { recursive: true });
const modes = [
  ['pdftotext -layout', ['-layout']],
  ['pdftotext -raw', ['-raw']],
  ['pdftotext', []],
] as const;

/** The report's page at `size` px type, rows kept whole across pages, 表三's three header rows in a <thead> or not. */
function page(html: string, size: number): string {
  let h = html.replace('font-size:12px', `font-size:${size}px`).replace('td{border', 'tr{break-inside:avoid} td{border');
  if (thead) {
    h = h.replace(/(<h2>三、收到和处理[^<]*<\/h2><table border="1" cellspacing="0">)((?:<tr>.*?<\/tr>){3})/, '$1<thead>$2</thead><tbody>');
    h = h.replace(/(<thead>[\s\S]*?<\/thead><tbody>[\s\S]*?)<\/table>/, '$1</tbody></table>');
  }
  return h;
}

const fixtures = [...loadFixtures('seeds'), ...loadFixtures('corpus')];
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--headless', '--disable-gpu'] });
const tab = await browser.newPage();
console.log(`${fixtures.length} reports, 表三's header ${thead ? 'repeated on every page' : 'printed once'}; renderings in ${out}`);
for (const size of sizes) {
  const totals = new Map<string, { cells: number; right: number; wrong: string[] }>();
  for (const fx of fixtures) {
    const base = join(out, `${fx.name}.${size}px${thead ? '.thead' : ''}`);
    const html = page(reportHtml(fx, fx.expected.tables), size);
    writeFileSync(`${base}.html`, html);
    await tab.setContent(html);
    await tab.pdf({ path: `${base}.pdf`, format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' } });
    for (const [mode, flags] of modes) {
      const txt = `${base}.${mode.replace(/\W+/g, '-')}.txt`;
      execFileSync('pdftotext', [...flags, '-enc', 'UTF-8', `${base}.pdf`, txt]);
      const s = score({ text: readFileSync(txt, 'utf8'), format: 'txt' }, fx.expected.tables, fx.name);
      const t = totals.get(mode) ?? { cells: 0, right: 0, wrong: [] };
      t.cells += s.cells;
      t.right += s.right;
      t.wrong.push(...s.wrong.map((w) => `${fx.name} ${w}`));
      totals.set(mode, t);
    }
  }
  for (const [mode, t] of totals) {
    console.log(`${size} px  ${mode.padEnd(18)} ${t.right}/${t.cells} (${((100 * t.right) / t.cells).toFixed(1)}%)  wrong numbers ${t.wrong.length}`);
    for (const w of t.wrong) console.log(`  WRONG ${w}`);
  }
}
await browser.close();
