/**
 * The rendering matrix's inputs and renderers. Every labelled seed and corpus report becomes an HTML page as
 * agencies publish them (a real saved page where the corpus has one; otherwise its title and prose with the three
 * statutory tables laid out as the format prints them, rowspans and colspans included, filled from the report's
 * label), plus four blank-cell variants (the Word-export habit of leaving zeros blank: 表三's zeros in its five
 * 法人或其他组织 columns, every zero of every table, and every zero printed as a dash; and 表三's 总计 column blank on
 * every row; those cells are then expected null). Each page is then rendered by the real tools: Chromium print-to-PDF, read by our PDF decoder, by
 * `pdftotext -layout`, `pdftotext` (reading order) and `pdftotext -raw` (content-stream order) and by MuPDF's
 * `mutool draw -F txt`; printed on A5 read by `pdftotext` and `pdftotext -layout`; printed with a page number in
 * each footer read by `pdftotext -layout` and `pdftotext`; `lynx -dump` (wide, and at its own 80 columns);
 * `w3m -dump`; `links -dump`; `elinks -dump`; the browser's innerText (what copying the page gives) and its
 * textContent (a one-line crawl); pandoc to markdown, GitHub markdown, plain text, reStructuredText, asciidoc and
 * .docx (read by our DOCX decoder), and that .docx printed to PDF by LibreOffice Writer (as agencies print theirs
 * from a word processor), as it is and with every table cell vertically centred, read by our PDF decoder,
 * `pdftotext -layout` and `pdftotext` (the first also by pdfminer), and saved by it as plain text (`--convert-to
 * txt`: a table cell a line, a blank cell an empty line) and as a Word 97 `.doc` read by `antiword` and `catdoc`;
 * the .docx read by `docx2txt`; the Chromium PDF read by pdfminer's `pdf2txt` and by pypdf (and LibreOffice's PDF by
 * pypdf); Python html2text's markdown of the page; poppler's `pdftohtml` of the Chromium PDF; the page opened in LibreOffice Writer and saved as
 * a .docx (merged cells kept), read by our DOCX decoder, and printed by it to PDF, read by our PDF decoder,
 * `pdftotext -layout` and `pdftotext`; PyMuPDF's sorted text of the Chromium print (A4 and A5) and of the word
 * processor's (as it is and centred), and its plain text of the latter; node-html-markdown's markdown of the page;
 * and our own HTML decoder. A renderer whose tool is missing is
 * reported as such by `availableTools`.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { NodeHtmlMarkdown } from 'node-html-markdown';
import { convert as htmlToText } from 'html-to-text';
import TurndownService from 'turndown';
import WordExtractor from 'word-extractor';
import mammoth from 'mammoth';
import { chromium, type Browser } from 'playwright-core';
import { decodeFile, decodeReport } from '../../../src/decode/index.ts';
import { parseReport } from '../../../src/parser/index.ts';
import { TEMPLATES } from '../../../src/parser/template.ts';
import type { Expected, Fixture } from '../../parser/fixtures.ts';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

type Cells = Expected['tables'];

export interface MatrixInput {
  /** fixture name, plus `+blank`, `+zeros`, `+dashes` and `+nototal` for the blank-cell variants */
  name: string;
  html: string;
  /** what each labelled cell must read as (the label; blanked cells null) */
  expected: Cells;
  /** the label's agency (any of its names), year, template and 主动公开 total */
  meta: { agencies: string[]; year: number; template: string; proactiveCount: number | null };
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const td = (v: string | number | null, attrs = ''): string => `<td${attrs}>${v === null ? '' : esc(String(v))}</td>`;

/** The statutory tables of a template filled from `cells` (null → a blank cell), in the format's layout. */
export function tablesHtml(template: '2019' | '2021', cells: Cells): { proactive: string; requests: string; review: string } {
  const spec = TEMPLATES[template];
  const v = (t: keyof Cells, r: string, c: string): number | null => cells[t]?.[r]?.[c] ?? null;
  let p = '<table border="1" cellspacing="0">';
  for (const g of spec.proactive.groups) {
    const span = g.columns.length;
    p += `<tr><td colspan="${Math.max(4, span + 1)}">${esc(g.label)}</td></tr>`;
    p += `<tr><td>信息内容</td>${g.columns.map((c, i) => td(c.label, i === span - 1 && span < 3 ? ` colspan="${4 - span}"` : '')).join('')}</tr>`;
    for (const r of g.rows) {
      p += `<tr><td>${esc(r.label)}</td>${g.columns.map((c, i) => td(v('proactive', r.id, c.id), i === span - 1 && span < 3 ? ` colspan="${4 - span}"` : '')).join('')}</tr>`;
    }
  }
  p += '</table>';
  const cols = spec.requests.columns;
  let q = '<table border="1" cellspacing="0">';
  q += '<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>';
  q += '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>';
  q += '<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>';
  const rows = spec.requests.rows;
  const results = rows.filter((r) => r.label.includes(' / ') || /^（[一二三四五六七]）/.test(r.label));
  rows.forEach((r) => {
    const values = cols.map((c) => td(v('requests', r.id, c.id))).join('');
    const [parent, leaf] = r.label.includes(' / ') ? r.label.split(' / ') : [null, r.label];
    let head: string;
    if (!results.includes(r)) head = `<td colspan="3">${esc(r.label)}</td>`;
    else {
      const first = r === results[0];
      const lead = first ? `<td rowspan="${results.length}">三、本年度办理结果</td>` : '';
      if (parent && parent.startsWith('（')) {
        const group = rows.filter((x) => x.label.startsWith(`${parent} / `));
        const groupHead = group[0] === r ? `<td rowspan="${group.length}">${esc(parent)}</td>` : '';
        head = `${lead}${groupHead}<td>${esc(leaf!)}</td>`;
      } else head = `${lead}<td colspan="2">${esc(leaf!)}</td>`;
    }
    q += `<tr>${head}${values}</tr>`;
  });
  q += '</table>';
  const parts = ['upheld', 'corrected', 'other', 'pending', 'total'];
  const names = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  let w = '<table border="1" cellspacing="0"><tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>';
  w += `<tr>${names.map((n) => `<td rowspan="2">${n}</td>`).join('')}<td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>`;
  w += `<tr>${[...names, ...names].map((n) => td(n)).join('')}</tr>`;
  w += `<tr>${['adminReview', 'litigationDirect', 'litigationAfterReview'].flatMap((r) => parts.map((c) => td(v('review', r, c)))).join('')}</tr></table>`;
  return { proactive: p, requests: q, review: w };
}

/** The report as a web page: its title and prose (from the parsed fixture) around the tables of its label. */
export function reportHtml(fx: Fixture, cells: Cells): string {
  const rec = parseReport(fx.text, { file: fx.name, format: fx.format });
  const text = (key: string): string => rec.sections.find((s) => s.key === key)?.text ?? '';
  const paras = (s: string): string =>
    s
      .split(/\n+/)
      .map((l) => l.trim())
      .filter(Boolean)
      .slice(0, 60)
      .map((l) => `<p>${esc(l.slice(0, 2000))}</p>`)
      .join('\n');
  const t = tablesHtml(fx.expected.template, cells);
  const title = `${fx.expected.agency}${fx.expected.year}年政府信息公开工作年度报告`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font-family:"Noto Sans CJK SC",sans-serif;font-size:12px} table{border-collapse:collapse} td{border:1px solid #000;padding:2px 4px;text-align:center}</style></head>
<body><h1>${esc(title)}</h1>
${paras(text('preamble').replace(title, ''))}
<h2>一、总体情况</h2>${paras(text('overview'))}
<h2>二、主动公开政府信息情况</h2>${paras(text('proactive').split(/第二十条|信息内容/)[0]!)}${t.proactive}
<h2>三、收到和处理政府信息公开申请情况</h2>${t.requests}
<h2>四、政府信息公开行政复议、行政诉讼情况</h2>${t.review}
<h2>五、存在的主要问题及改进情况</h2>${paras(text('problems'))}
<h2>六、其他需要报告的事项</h2>${paras(text('other'))}
</body></html>`;
}

/** The blank-cell variant's cells: 表三's zeros in the five 法人或其他组织 columns left blank, as Word exports do. */
function blanked(cells: Cells): Cells {
  const out: Cells = JSON.parse(JSON.stringify(cells)) as Cells;
  for (const row of Object.values(out['requests'] ?? {})) {
    for (const c of ['commercial', 'research', 'nonprofit', 'legalService', 'other']) if (row[c] === 0) row[c] = null;
  }
  return out;
}

/** The all-blank variant's cells: every zero of every table left blank (rows of zeros print no number at all). */
function zeroesBlanked(cells: Cells): Cells {
  const out: Cells = JSON.parse(JSON.stringify(cells)) as Cells;
  for (const rows of Object.values(out)) for (const row of Object.values(rows)) for (const c of Object.keys(row)) if (row[c] === 0) row[c] = null;
  return out;
}

/** The no-total variant's cells: 表三's 总计 column blank on every row. */
function withoutTotals(cells: Cells): Cells {
  const out: Cells = JSON.parse(JSON.stringify(cells)) as Cells;
  for (const row of Object.values(out['requests'] ?? {})) row['total'] = null;
  return out;
}

/** The matrix's inputs for some fixtures: each one's page (real where the corpus has it) and its four blank variants. */
export function matrixInputs(fixtures: readonly Fixture[]): MatrixInput[] {
  const out: MatrixInput[] = [];
  for (const fx of fixtures) {
    const cells = fx.expected.tables;
    const html = fx.format === 'html' ? readFileSync(fx.path, 'utf8') : reportHtml(fx, cells);
    const e = fx.expected;
    const meta = { agencies: [e.agency, ...(e.agencyAliases ?? [])], year: e.year, template: e.template, proactiveCount: e.facts?.proactiveCount?.value ?? null };
    out.push({ name: fx.name, html, expected: cells, meta });
    const blank = blanked(cells);
    out.push({ name: `${fx.name}+blank`, html: reportHtml(fx, blank), expected: blank, meta });
    const zeros = zeroesBlanked(cells);
    out.push({ name: `${fx.name}+zeros`, html: reportHtml(fx, zeros), expected: zeros, meta });
    // every zero printed as a dash (a placeholder: no number printed, so those cells too are expected null)
    out.push({ name: `${fx.name}+dashes`, html: reportHtml(fx, cells).replace(/<td([^>]*)>0<\/td>/g, '<td$1>—</td>'), expected: zeros, meta });
    // 表三's 总计 column left blank on every row (a Word table the agency did not total)
    const untotalled = withoutTotals(cells);
    out.push({ name: `${fx.name}+nototal`, html: reportHtml(fx, untotalled), expected: untotalled, meta });
  }
  return out;
}

/**
 * Inputs from real pages without labels (`.html` files in `dir`): each page's own reading, through the HTML grid
 * reader, is what its renderings must read, its blank cells too. A renderer then reads a wrong number where it reads
 * a number the page's table does not hold there (another number, or none: a blank cell).
 */
export function pageInputs(dir: string): MatrixInput[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => {
      const path = join(dir, f);
      const decoded = decodeFile(readFileSync(path), path);
      const rec = parseReport(decoded.text, { file: f, format: decoded.format });
      const expected = rec.tables as Cells;
      const meta = { agencies: rec.agency.name ? [rec.agency.name] : [], year: rec.year ?? 0, template: rec.template, proactiveCount: rec.facts.proactiveCount?.value ?? null };
      return { name: f, html: readFileSync(path, 'utf8'), expected, meta };
    });
}

export const RENDERERS = [
  'html',
  'pdf (unpdf)',
  'pdftotext -layout',
  'pdftotext',
  'pdftotext -raw',
  'pdftotext (A5)',
  'pdftotext -layout (A5)',
  'pdftotext -layout (page numbers)',
  'pdftotext (page numbers)',
  'mutool text',
  'chromium innerText',
  'chromium textContent',
  'lynx -dump',
  'lynx -dump (80 columns)',
  'w3m -dump',
  'links -dump',
  'elinks -dump',
  'pandoc markdown',
  'pandoc gfm',
  'pandoc plain',
  'pandoc rst',
  'pandoc asciidoc',
  'pandoc docx',
  'LibreOffice PDF (unpdf)',
  'LibreOffice PDF: pdftotext -layout',
  'LibreOffice PDF: pdftotext',
  'LibreOffice PDF: pdftotext -raw',
  'LibreOffice PDF: pdftohtml',
  'LibreOffice PDF: pdfminer',
  'LibreOffice PDF, centred cells (unpdf)',
  'LibreOffice PDF, centred cells: pdftotext -layout',
  'LibreOffice PDF, centred cells: pdftotext',
  'LibreOffice PDF, centred cells: pdfminer',
  'LibreOffice text',
  'docx2txt',
  'antiword (.doc)',
  'catdoc (.doc)',
  'pdfminer (pdf2txt)',
  'pypdf',
  'LibreOffice PDF: pypdf',
  'html2text (html2markdown)',
  'pdftohtml',
  'Writer .docx',
  'Writer .docx → PDF (unpdf)',
  'Writer .docx → PDF: pdftotext -layout',
  'Writer .docx → PDF: pdftotext',
  'Writer .docx → PDF: pypdf',
  'Writer .docx → PDF: pdftotext -fixed 3',
  'PyMuPDF sorted',
  'PyMuPDF sorted (A5)',
  'pdfminer (A5)',
  'LibreOffice PDF: PyMuPDF',
  'LibreOffice PDF: PyMuPDF sorted',
  'LibreOffice PDF, centred cells: PyMuPDF sorted',
  'node-html-markdown',
  'BeautifulSoup text',
  'python-docx',
  'PDFBox',
  'pdf2json',
  'pdf-parse',
  'LibreOffice PDF: pdf-parse',
  'html-to-text',
  'turndown',
  'word-extractor (.doc)',
  'mammoth raw text (.docx)',
] as const;
export type Renderer = (typeof RENDERERS)[number];

const TOOL: Record<Renderer, string | null> = {
  html: null,
  'pdf (unpdf)': 'chromium',
  'pdftotext -layout': 'pdftotext',
  pdftotext: 'pdftotext',
  'pdftotext -raw': 'pdftotext',
  'pdftotext (A5)': 'pdftotext',
  'pdftotext -layout (A5)': 'pdftotext',
  'pdftotext -layout (page numbers)': 'pdftotext',
  'pdftotext (page numbers)': 'pdftotext',
  'mutool text': 'mutool',
  'chromium innerText': 'chromium',
  'chromium textContent': 'chromium',
  'lynx -dump': 'lynx',
  'lynx -dump (80 columns)': 'lynx',
  'w3m -dump': 'w3m',
  'links -dump': 'links',
  'elinks -dump': 'elinks',
  'pandoc markdown': 'pandoc',
  'pandoc gfm': 'pandoc',
  'pandoc plain': 'pandoc',
  'pandoc rst': 'pandoc',
  'pandoc asciidoc': 'pandoc',
  'pandoc docx': 'pandoc',
  'LibreOffice PDF (unpdf)': 'soffice',
  'LibreOffice PDF: pdftotext -layout': 'soffice',
  'LibreOffice PDF: pdftotext': 'soffice',
  'LibreOffice PDF: pdftotext -raw': 'soffice',
  'LibreOffice PDF: pdftohtml': 'pdftohtml',
  'LibreOffice PDF: pdfminer': 'pdf2txt',
  'LibreOffice PDF, centred cells (unpdf)': 'soffice',
  'LibreOffice PDF, centred cells: pdftotext -layout': 'soffice',
  'LibreOffice PDF, centred cells: pdftotext': 'soffice',
  'LibreOffice PDF, centred cells: pdfminer': 'pdf2txt',
  'LibreOffice text': 'soffice',
  docx2txt: 'docx2txt',
  'antiword (.doc)': 'antiword',
  'catdoc (.doc)': 'catdoc',
  'pdfminer (pdf2txt)': 'pdf2txt',
  pypdf: 'pypdf',
  'LibreOffice PDF: pypdf': 'pypdf',
  'html2text (html2markdown)': 'html2markdown',
  pdftohtml: 'pdftohtml',
  'Writer .docx': 'soffice',
  'Writer .docx → PDF (unpdf)': 'soffice',
  'Writer .docx → PDF: pdftotext -layout': 'soffice',
  'Writer .docx → PDF: pdftotext': 'soffice',
  'Writer .docx → PDF: pypdf': 'pypdf',
  'Writer .docx → PDF: pdftotext -fixed 3': 'soffice',
  'PyMuPDF sorted': 'pymupdf',
  'PyMuPDF sorted (A5)': 'pymupdf',
  'pdfminer (A5)': 'pdf2txt',
  'LibreOffice PDF: PyMuPDF': 'pymupdf',
  'LibreOffice PDF: PyMuPDF sorted': 'pymupdf',
  'LibreOffice PDF, centred cells: PyMuPDF sorted': 'pymupdf',
  'node-html-markdown': null,
  'BeautifulSoup text': 'bs4',
  'python-docx': 'python-docx',
  PDFBox: 'pdfbox',
  pdf2json: 'chromium',
  'pdf-parse': 'chromium',
  'LibreOffice PDF: pdf-parse': 'soffice',
  'html-to-text': null,
  turndown: null,
  'word-extractor (.doc)': 'soffice',
  'mammoth raw text (.docx)': 'pandoc',
};

/** pdf2json's text of a PDF (getRawTextContent). */
async function pdf2jsonText(path: string): Promise<string> {
  // (its pdf.js logs a line per font it decodes unless told not to, when the module loads)
  process.env['PDF2JSON_DISABLE_LOGS'] ??= '1';
  const { default: PDFParser } = await import('pdf2json');
  return new Promise((resolve, reject) => {
    const parser = new PDFParser(null, true);
    parser.on('pdfParser_dataError', (e) => reject(e instanceof Error ? e : e.parserError));
    parser.on('pdfParser_dataReady', () => resolve(parser.getRawTextContent()));
    void parser.loadPDF(path, 0);
  });
}

/** pdf-parse's text of a PDF (getText), from a process of its own (see pdf-parse-text.mjs). */
const pdfParseText = (path: string): string => run(process.execPath, [PDF_PARSE_TEXT, path]);

/** Debian's Python, which has python3-pypdf (a user's python3 on PATH may not). */
const PYTHON = '/usr/bin/python3';
const PYPDF_TEXT = join(import.meta.dirname, 'pypdf-text.py');
const PDF_PARSE_TEXT = join(import.meta.dirname, 'pdf-parse-text.mjs');
const PYMUPDF_TEXT = join(import.meta.dirname, 'pymupdf-text.py');
const BS4_TEXT = join(import.meta.dirname, 'bs4-text.py');
const DOCX_TEXT = join(import.meta.dirname, 'docx-text.py');
/** Debian's PDFBox 2 (libpdfbox2-java) and what its ExtractText tool loads. */
const PDFBOX = ['pdfbox2-tools', 'pdfbox2', 'fontbox2', 'commons-logging'].map((j) => `/usr/share/java/${j}.jar`);
/** The Python module each Python renderer imports. */
const PY_MODULE: Record<string, string> = { pypdf: 'pypdf', pymupdf: 'fitz', bs4: 'bs4', 'python-docx': 'docx' };

const has = (cmd: string): boolean =>
  cmd === 'chromium'
    ? existsSync(CHROMIUM)
    : PY_MODULE[cmd]
      ? spawnSync(PYTHON, ['-c', `import ${PY_MODULE[cmd]}`]).status === 0
      : cmd === 'pdfbox'
        ? PDFBOX.every((j) => existsSync(j)) && spawnSync('sh', ['-c', 'command -v java']).status === 0
        : spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

/** Whether the tools a renderer's input is made with are here (besides the renderer's own tool). */
function needs(renderer: Renderer, chromiumOk: boolean): boolean {
  if (renderer.endsWith(': pdfminer') || renderer === 'LibreOffice PDF: pypdf' || renderer === 'LibreOffice PDF: pdftohtml' || renderer.endsWith(': PyMuPDF') || renderer.endsWith(': PyMuPDF sorted')) return has('pandoc') && has('soffice');
  if (renderer.startsWith('pdf') || renderer.startsWith('mutool') || renderer === 'pypdf' || renderer.startsWith('PyMuPDF') || renderer === 'PDFBox') return chromiumOk; // Chromium's PDF
  if (renderer.startsWith('LibreOffice') || renderer.endsWith('(.doc)')) return has('pandoc') && has('pdftotext') && has('soffice');
  if (renderer === 'Writer .docx → PDF: pypdf') return has('soffice');
  if (renderer.startsWith('Writer')) return has('pdftotext');
  if (renderer === 'docx2txt' || renderer === 'python-docx') return has('pandoc'); // pandoc's .docx
  return true;
}

/** Each renderer with the tool it needs, and whether that tool is on this machine. */
export function availableTools(): Array<{ renderer: Renderer; tool: string | null; available: boolean }> {
  const chromiumOk = has('chromium');
  return RENDERERS.map((renderer) => {
    const tool = TOOL[renderer];
    const available = tool === null || (has(tool) && needs(renderer, chromiumOk));
    return { renderer, tool, available };
  });
}

function run(cmd: string, args: string[], input?: string): string {
  const r = spawnSync(cmd, args, { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, LANG: 'C.UTF-8' } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr || r.error?.message}`);
  return r.stdout;
}

/** A rendering as the build would read it: decoded text and the format the parser is told. */
export interface Rendering {
  text: string;
  format: string;
}

/**
 * Renders one input with every available renderer into `dir` (files kept for inspection). Chromium is shared
 * through `browser` (print-to-PDF).
 */
export async function renderAll(input: MatrixInput, dir: string, browser: Browser | null, renderers: readonly Renderer[]): Promise<Map<Renderer, Rendering>> {
  mkdirSync(dir, { recursive: true });
  const base = join(dir, input.name.replace(/[^\w.+-]/g, '_'));
  const htmlPath = `${base}.html`;
  writeFileSync(htmlPath, input.html);
  // the external tools get the page without what a saved page links to and this machine cannot fetch (images,
  // scripts, style sheets, frames): pandoc stops on a missing image, and Chromium would wait for the network
  const offline = `${base}.offline.html`;
  writeFileSync(offline, input.html.replace(/<(script|iframe|noscript)\b[\s\S]*?<\/\1>/gi, '').replace(/<(img|link|iframe|embed|object)\b[^>]*>/gi, ''));
  const out = new Map<Renderer, Rendering>();
  const want = new Set(renderers);
  const htmlBytes = readFileSync(htmlPath);
  if (want.has('html')) out.set('html', decodeFile(htmlBytes, htmlPath));
  const pdfPath = `${base}.pdf`;
  if (browser && [...want].some((r) => r.startsWith('pdf') || r.startsWith('chromium') || r.startsWith('mutool') || r === 'pypdf' || r.startsWith('PyMuPDF'))) {
    const page = await browser.newPage();
    await page.route(/^(?!file:)/, (route) => route.abort());
    await page.goto(pathToFileURL(offline).href);
    // the page's text as a browser copies it (and many crawlers save it): a table row a line, its cells tab-separated
    if (want.has('chromium innerText')) out.set('chromium innerText', { text: await page.evaluate(() => document.body.innerText), format: 'txt' });
    // the page's text with no breaks at all, as a crawler that takes textContent saves it (the corpus's one-line
    // crawls): a table's cells glued into digit runs
    if (want.has('chromium textContent')) out.set('chromium textContent', { text: await page.evaluate(() => (document.body.textContent ?? '').replace(/\s+/g, ' ')), format: 'txt' });
    await page.pdf({ path: pdfPath, format: 'A4', printBackground: false, margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' } });
    // the same page on A5: lines wrap elsewhere (titles, labels, numbers), and reading order cuts the tables otherwise
    const a5Path = `${base}.a5.pdf`;
    if (want.has('pdftotext (A5)') || want.has('pdftotext -layout (A5)') || want.has('PyMuPDF sorted (A5)') || want.has('pdfminer (A5)')) {
      await page.pdf({ path: a5Path, format: 'A5', printBackground: false, margin: { top: '10mm', bottom: '10mm', left: '10mm', right: '10mm' } });
    }
    // as agencies' PDFs print them: a page number in every page's footer, a bare 1, 2, 3 (a table running over a
    // page has one between its rows)
    const numberedPath = `${base}.numbered.pdf`;
    if (want.has('pdftotext -layout (page numbers)') || want.has('pdftotext (page numbers)')) {
      await page.pdf({
        path: numberedPath,
        format: 'A4',
        printBackground: false,
        displayHeaderFooter: true,
        headerTemplate: '<div></div>',
        footerTemplate: '<div style="font-size:10px;width:100%;text-align:center"><span class="pageNumber"></span></div>',
        margin: { top: '15mm', bottom: '20mm', left: '12mm', right: '12mm' },
      });
    }
    await page.close();
    if (want.has('pdftotext -layout (page numbers)')) out.set('pdftotext -layout (page numbers)', { text: run('pdftotext', ['-layout', '-enc', 'UTF-8', numberedPath, '-']), format: 'txt' });
    if (want.has('pdftotext (page numbers)')) out.set('pdftotext (page numbers)', { text: run('pdftotext', ['-enc', 'UTF-8', numberedPath, '-']), format: 'txt' });
    // MuPDF's text (what PyMuPDF's page.get_text() gives a Python crawler)
    if (want.has('mutool text')) out.set('mutool text', { text: run('mutool', ['draw', '-q', '-F', 'txt', '-o', '-', pdfPath]), format: 'txt' });
    if (want.has('pdftotext (A5)')) out.set('pdftotext (A5)', { text: run('pdftotext', ['-enc', 'UTF-8', a5Path, '-']), format: 'txt' });
    if (want.has('pdftotext -layout (A5)')) out.set('pdftotext -layout (A5)', { text: run('pdftotext', ['-layout', '-enc', 'UTF-8', a5Path, '-']), format: 'txt' });
    if (want.has('pdf (unpdf)')) out.set('pdf (unpdf)', await decodeReport(readFileSync(pdfPath), pdfPath));
    if (want.has('pdftotext -layout')) out.set('pdftotext -layout', { text: run('pdftotext', ['-layout', '-enc', 'UTF-8', pdfPath, '-']), format: 'txt' });
    if (want.has('pdftotext')) out.set('pdftotext', { text: run('pdftotext', ['-enc', 'UTF-8', pdfPath, '-']), format: 'txt' });
    // pdfminer's text (Python's pdf2txt, what many crawlers use): each text box a paragraph, a table's cells in the
    // order its layout analysis groups them (often column by column)
    // pypdf's text (Python's most used PDF library): content-stream order, like pdftotext -raw, cells glued where the
    // PDF draws them without spaces
    if (want.has('pypdf')) out.set('pypdf', { text: run(PYTHON, [PYPDF_TEXT, pdfPath]), format: 'txt' });
    // PyMuPDF's text sorted top to bottom (get_text(sort=True)): a cell whose text sits a little higher than its row
    // label's first line comes before the label (its unsorted text is mutool's, above)
    if (want.has('PyMuPDF sorted')) out.set('PyMuPDF sorted', { text: run(PYTHON, [PYMUPDF_TEXT, pdfPath, 'sort']), format: 'txt' });
    if (want.has('PyMuPDF sorted (A5)')) out.set('PyMuPDF sorted (A5)', { text: run(PYTHON, [PYMUPDF_TEXT, a5Path, 'sort']), format: 'txt' });
    // (pdfminer on A5: blocks of labels over values one a line, rows cut from streams under the header's words)
    if (want.has('pdfminer (A5)')) out.set('pdfminer (A5)', { text: run('pdf2txt', [a5Path]), format: 'txt' });
    if (want.has('pdfminer (pdf2txt)')) out.set('pdfminer (pdf2txt)', { text: run('pdf2txt', [pdfPath]), format: 'txt' });
    // content-stream order: each table row on a line, its cells one space apart, a blank cell printing nothing
    if (want.has('pdftotext -raw')) out.set('pdftotext -raw', { text: run('pdftotext', ['-raw', '-enc', 'UTF-8', pdfPath, '-']), format: 'txt' });
    // poppler's pdftohtml (a site's "HTML version" of its PDF): reading order, each text line ending in <br/>, no
    // table markup; read as the build reads an .html file
    if (want.has('pdftohtml')) out.set('pdftohtml', decodeFile(Buffer.from(run('pdftohtml', ['-q', '-i', '-noframes', '-stdout', pdfPath])), `${base}.pdftohtml.html`));
    // Apache PDFBox's ExtractText (what Java pipelines and Apache Tika take from a PDF): content-stream order, a
    // table's row on a line where the PDF draws it so, a wrapped label's lines apart
    // Node's PDF libraries a crawler reads a PDF with: pdf2json's text (each page's lines bottom to top, a page's end
    // a line of its own, `----------------Page (0) Break----------------`, a row's cells glued) and pdf-parse's
    // (pdf.js's text in content order, a page's end `-- 1 of 6 --`)
    if (want.has('pdf2json')) out.set('pdf2json', { text: await pdf2jsonText(pdfPath), format: 'txt' });
    if (want.has('pdf-parse')) out.set('pdf-parse', { text: pdfParseText(pdfPath), format: 'txt' });
    if (want.has('PDFBox')) out.set('PDFBox', { text: run('java', ['-cp', PDFBOX.join(':'), 'org.apache.pdfbox.tools.ExtractText', '-console', '-encoding', 'UTF-8', pdfPath]), format: 'txt' });
  }
  if (want.has('lynx -dump')) out.set('lynx -dump', { text: run('lynx', ['-dump', '-nolist', '-width=200', '-assume_charset=utf-8', '-display_charset=utf-8', offline]), format: 'txt' });
  // lynx's own width: a table too wide for 80 columns loses its layout, each row's cells one space apart
  if (want.has('lynx -dump (80 columns)')) out.set('lynx -dump (80 columns)', { text: run('lynx', ['-dump', '-nolist', '-assume_charset=utf-8', '-display_charset=utf-8', offline]), format: 'txt' });
  if (want.has('w3m -dump')) out.set('w3m -dump', { text: run('w3m', ['-dump', '-cols', '200', '-I', 'UTF-8', '-O', 'UTF-8', '-T', 'text/html', offline]), format: 'txt' });
  if (want.has('links -dump')) out.set('links -dump', { text: run('links', ['-dump', '-width', '250', '-codepage', 'utf-8', offline]), format: 'txt' });
  if (want.has('elinks -dump')) out.set('elinks -dump', { text: run('elinks', ['-dump', '-dump-width', '250', '-dump-charset', 'utf-8', offline]), format: 'txt' });
  // markdown as the build reads a .md file (decodeFile: raw HTML tables pandoc keeps go through the grid reader)
  if (want.has('pandoc markdown')) out.set('pandoc markdown', decodeFile(Buffer.from(run('pandoc', ['-f', 'html', '-t', 'markdown', '--wrap=none', offline])), `${base}.md`));
  // pandoc's plain writer prints a table it cannot fit in --columns (8 per column for a grid table) as the bare
  // word [TABLE], numbers gone: 表三's ten columns need more than the default 72, so give it room.
  // GitHub markdown keeps a Word page's raw inline HTML (<span style=…>); a table with merged cells stays an HTML table
  // Python html2text's markdown (a crawler's favourite): pipe tables without outer bars, blank cells kept
  if (want.has('html2text (html2markdown)')) out.set('html2text (html2markdown)', decodeFile(Buffer.from(run('html2markdown', ['--body-width=0', offline])), `${base}.md`));
  // node-html-markdown (a crawler's HTML-to-markdown library): pipe tables flattened from merged cells, each row
  // padded to the widest, `-1` escaped as `\-1`
  if (want.has('node-html-markdown')) out.set('node-html-markdown', decodeFile(Buffer.from(NodeHtmlMarkdown.translate(readFileSync(offline, 'utf8'))), `${base}.md`));
  // two more Node crawler libraries: html-to-text's text (a table's cells run together on one line, no space between)
  // and turndown's markdown (no table syntax: a table's cells one a paragraph, blank cells nothing)
  if (want.has('html-to-text')) out.set('html-to-text', { text: htmlToText(readFileSync(offline, 'utf8')), format: 'txt' });
  if (want.has('turndown')) out.set('turndown', decodeFile(Buffer.from(new TurndownService().turndown(readFileSync(offline, 'utf8'))), `${base}.md`));
  // BeautifulSoup's text of the page (a Python crawler's): every text node apart, one space between, so a table's
  // cells print one space apart and an empty cell prints nothing
  if (want.has('BeautifulSoup text')) out.set('BeautifulSoup text', { text: run(PYTHON, [BS4_TEXT, offline]), format: 'txt' });
  if (want.has('pandoc gfm')) out.set('pandoc gfm', decodeFile(Buffer.from(run('pandoc', ['-f', 'html', '-t', 'gfm', '--wrap=none', offline])), `${base}.md`));
  // two more text markups a converter may leave: reStructuredText's grid and simple tables (`\` opens a row whose
  // first cell is empty) and asciidoc's (its column widths printed as cols="^16%,^6%,…")
  if (want.has('pandoc rst')) out.set('pandoc rst', { text: run('pandoc', ['-f', 'html', '-t', 'rst', '--wrap=none', '--columns=400', offline]), format: 'txt' });
  if (want.has('pandoc asciidoc')) out.set('pandoc asciidoc', { text: run('pandoc', ['-f', 'html', '-t', 'asciidoc', '--wrap=none', offline]), format: 'txt' });
  if (want.has('pandoc plain')) out.set('pandoc plain', { text: run('pandoc', ['-f', 'html', '-t', 'plain', '--wrap=none', '--columns=400', offline]), format: 'txt' });
  const docx = `${base}.docx`;
  if (want.has('pandoc docx') || want.has('docx2txt') || want.has('mammoth raw text (.docx)') || [...want].some((r) => r.startsWith('LibreOffice') || r.endsWith('(.doc)'))) run('pandoc', ['-f', 'html', '-t', 'docx', '-o', docx, offline]);
  // the .docx's text as docx2txt prints it (a cell a line, a blank cell an empty line)
  if (want.has('docx2txt')) out.set('docx2txt', { text: run('docx2txt', [docx, '-']), format: 'txt' });
  // …and as python-docx reads it (paragraphs, then each table row a line of tab-separated cells)
  if (want.has('python-docx')) out.set('python-docx', { text: run(PYTHON, [DOCX_TEXT, docx]), format: 'txt' });
  // …and as Node's mammoth reads its raw text (extractRawText: every paragraph, a table cell's and an empty cell's
  // too, followed by an empty line)
  if (want.has('mammoth raw text (.docx)')) out.set('mammoth raw text (.docx)', { text: (await mammoth.extractRawText({ buffer: readFileSync(docx) })).value, format: 'txt' });
  if (want.has('pandoc docx')) out.set('pandoc docx', await decodeReport(readFileSync(docx), docx));
  // the .docx laid out and printed by a word processor (LibreOffice Writer), as agencies make their PDFs in Word:
  // narrow label columns wrap their labels below the values, and reading order follows the cells' heights; and the
  // same with every cell vertically centred (a common Word table style: a row's values on a middle line of its label)
  for (const [variant, source] of [['LibreOffice PDF', docx], ['LibreOffice PDF, centred cells', `${base}.centred.docx`]] as const) {
    if (![...want].some((r) => r.startsWith(`${variant}:`) || r === `${variant} (unpdf)`)) continue;
    if (source !== docx) writeFileSync(source, await centredCells(readFileSync(docx)));
    const kept = libreOffice(source, 'pdf', KEPT_FILE[`${variant} (unpdf)`]!, dir, base);
    if (want.has(`${variant} (unpdf)`)) out.set(`${variant} (unpdf)`, await decodeReport(readFileSync(kept), kept));
    if (want.has(`${variant}: pdftotext -layout`)) out.set(`${variant}: pdftotext -layout`, { text: run('pdftotext', ['-layout', '-enc', 'UTF-8', kept, '-']), format: 'txt' });
    if (want.has(`${variant}: pdftotext`)) out.set(`${variant}: pdftotext`, { text: run('pdftotext', ['-enc', 'UTF-8', kept, '-']), format: 'txt' });
    // (raw: the PDF's content order, each cell's text in turn, the labels of rows that printed nothing run together)
    if (variant === 'LibreOffice PDF' && want.has('LibreOffice PDF: pdftotext -raw')) out.set('LibreOffice PDF: pdftotext -raw', { text: run('pdftotext', ['-raw', '-enc', 'UTF-8', kept, '-']), format: 'txt' });
    // (pdftohtml: a site's HTML version of a Word report's PDF, the lines in order: a cell set to the top prints a
    // row's values after the first line of its wrapped label, `7.属` `4` … `4` `于行政执法案卷`)
    if (variant === 'LibreOffice PDF' && want.has('LibreOffice PDF: pdftohtml')) out.set('LibreOffice PDF: pdftohtml', decodeFile(Buffer.from(run('pdftohtml', ['-q', '-i', '-noframes', '-stdout', kept])), `${base}.lo-pdftohtml.html`));
    if (variant === 'LibreOffice PDF' && want.has('LibreOffice PDF: pdf-parse')) out.set('LibreOffice PDF: pdf-parse', { text: pdfParseText(kept), format: 'txt' });
    if (variant === 'LibreOffice PDF' && want.has('LibreOffice PDF: pypdf')) out.set('LibreOffice PDF: pypdf', { text: run(PYTHON, [PYPDF_TEXT, kept]), format: 'txt' });
    if (want.has(`${variant}: pdfminer`)) out.set(`${variant}: pdfminer`, { text: run('pdf2txt', [kept]), format: 'txt' });
    // PyMuPDF's text of the word processor's print, and sorted (each row's values, set higher than or beside the middle
    // of their wrapped label, before it)
    if (variant === 'LibreOffice PDF' && want.has('LibreOffice PDF: PyMuPDF')) out.set('LibreOffice PDF: PyMuPDF', { text: run(PYTHON, [PYMUPDF_TEXT, kept]), format: 'txt' });
    if (want.has(`${variant}: PyMuPDF sorted`)) out.set(`${variant}: PyMuPDF sorted`, { text: run(PYTHON, [PYMUPDF_TEXT, kept, 'sort']), format: 'txt' });
  }
  // the .docx saved as plain text by the word processor (a cell a line, a blank cell an empty line), read as the build
  // reads a .txt file
  if (want.has('LibreOffice text')) {
    const txt = libreOffice(docx, 'txt:Text (encoded):UTF8', 'lo.txt', dir, base);
    out.set('LibreOffice text', decodeFile(readFileSync(txt), txt));
  }
  // the .docx saved as a Word 97 .doc (as many agencies publish theirs) and read by the two .doc readers crawlers use
  if (want.has('antiword (.doc)') || want.has('catdoc (.doc)') || want.has('word-extractor (.doc)')) {
    const doc = libreOffice(docx, 'doc', 'doc', dir, base);
    // (word-extractor: Node's .doc reader, a table's cells tab-separated, a row a line)
    if (want.has('word-extractor (.doc)')) out.set('word-extractor (.doc)', { text: (await new WordExtractor().extract(doc)).getBody(), format: 'txt' });
    if (want.has('antiword (.doc)')) out.set('antiword (.doc)', { text: run('antiword', ['-m', 'UTF-8.txt', doc]), format: 'txt' });
    if (want.has('catdoc (.doc)')) out.set('catdoc (.doc)', { text: run('catdoc', ['-d', 'utf-8', doc]), format: 'txt' });
  }
  // the page opened in the word processor and saved as a .docx (as an agency drafts its report in Word: the tables'
  // merged cells kept as merged cells), read by our DOCX reader, and that .docx printed to PDF by the word processor
  if ([...want].some((r) => r.startsWith('Writer'))) {
    const writer = libreOffice(offline, 'docx:MS Word 2007 XML', KEPT_FILE['Writer .docx']!, dir, base, 'HTML (StarWriter)');
    if (want.has('Writer .docx')) out.set('Writer .docx', await decodeReport(readFileSync(writer), writer));
    const pdf = libreOffice(writer, 'pdf', KEPT_FILE['Writer .docx → PDF (unpdf)']!, dir, base);
    if (want.has('Writer .docx → PDF (unpdf)')) out.set('Writer .docx → PDF (unpdf)', await decodeReport(readFileSync(pdf), pdf));
    if (want.has('Writer .docx → PDF: pdftotext -layout')) out.set('Writer .docx → PDF: pdftotext -layout', { text: run('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-']), format: 'txt' });
    if (want.has('Writer .docx → PDF: pdftotext')) out.set('Writer .docx → PDF: pdftotext', { text: run('pdftotext', ['-enc', 'UTF-8', pdf, '-']), format: 'txt' });
    // (pypdf: content order, a decimal amount printed in two pieces, `101480 .8758`)
    // (fixed character cells: a title's words spread over its line, `某某局          2020        年政府信`)
    if (want.has('Writer .docx → PDF: pdftotext -fixed 3')) out.set('Writer .docx → PDF: pdftotext -fixed 3', { text: run('pdftotext', ['-layout', '-fixed', '3', '-enc', 'UTF-8', pdf, '-']), format: 'txt' });
    if (want.has('Writer .docx → PDF: pypdf')) out.set('Writer .docx → PDF: pypdf', { text: run(PYTHON, [PYPDF_TEXT, pdf]), format: 'txt' });
  }
  for (const [r, rendering] of out) writeFileSync(`${base}.${r.replace(/[^\w]+/g, '-')}.txt`, rendering.text);
  return out;
}

/**
 * `source` (a .docx, or the page with `infilter` HTML (StarWriter): opened as a text document) converted by
 * LibreOffice Writer (`soffice --convert-to format`), kept as `${base}.${kept}`: that path. Each conversion writes into a directory of its own, removed after.
 */
function libreOffice(source: string, format: string, kept: string, dir: string, base: string, infilter?: string): string {
  const lo = `${base}.lo`;
  mkdirSync(lo, { recursive: true });
  // (a profile of the run's own, made once: the user's is not touched, and no other soffice holds it)
  const filter = infilter ? [`--infilter=${infilter}`] : [];
  run('soffice', ['--headless', `-env:UserInstallation=${pathToFileURL(join(dir, '.lo-profile')).href}`, ...filter, '--convert-to', format, '--outdir', lo, source]);
  const path = `${base}.${kept}`;
  copyFileSync(join(lo, `${basename(source, extname(source))}.${format.split(':')[0]}`), path);
  rmSync(lo, { recursive: true, force: true });
  return path;
}

/** The file renderAll keeps for a renderer that our own decoders read (re-decoded by keptRenderings), by suffix. */
const KEPT_FILE: Partial<Record<Renderer, string>> = {
  'pdf (unpdf)': 'pdf',
  'pandoc docx': 'docx',
  'LibreOffice PDF (unpdf)': 'lo.pdf',
  'LibreOffice PDF, centred cells (unpdf)': 'lo-centred.pdf',
  'Writer .docx': 'writer.docx',
  'Writer .docx → PDF (unpdf)': 'writer.pdf',
};

/** A .docx with every table cell vertically centred (`<w:vAlign w:val="center"/>` in each cell's properties). */
async function centredCells(docx: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')!.async('string');
  const centred = xml.replace(/<w:tcPr>/g, '<w:tcPr><w:vAlign w:val="center"/>').replace(/<w:tc>/g, '<w:tc><w:tcPr><w:vAlign w:val="center"/></w:tcPr>');
  zip.file('word/document.xml', centred);
  return zip.generateAsync({ type: 'uint8array' });
}

const FORMAT: Partial<Record<Renderer, string>> = { html: 'html', pdftohtml: 'html', 'LibreOffice PDF: pdftohtml': 'html', 'pdf (unpdf)': 'pdf', 'pandoc markdown': 'md', 'pandoc gfm': 'md', 'html2text (html2markdown)': 'md', 'node-html-markdown': 'md', turndown: 'md', 'pandoc docx': 'docx' };

/**
 * The renderings renderAll kept in `dir` for one input (those present), to re-parse them without the tools: the
 * text each tool printed, and our decoders run again on the kept PDF and .docx (so a decoder change shows).
 */
export async function keptRenderings(input: MatrixInput, dir: string, renderers: readonly Renderer[]): Promise<Map<Renderer, Rendering>> {
  const base = join(dir, input.name.replace(/[^\w.+-]/g, '_'));
  const out = new Map<Renderer, Rendering>();
  for (const r of renderers) {
    const kept = KEPT_FILE[r] ? `${base}.${KEPT_FILE[r]}` : null;
    if (kept && existsSync(kept)) {
      out.set(r, await decodeReport(readFileSync(kept), kept));
      continue;
    }
    const path = `${base}.${r.replace(/[^\w]+/g, '-')}.txt`;
    if (!existsSync(path)) continue;
    out.set(r, FORMAT[r] === 'md' ? decodeFile(readFileSync(path), `${base}.md`) : { text: readFileSync(path, 'utf8'), format: FORMAT[r] ?? 'txt' });
  }
  return out;
}

/** Cells read right, wrong numbers (a number where the label has another number or null) and whether all are right. */
export function score(
  rendering: Rendering,
  expected: Cells,
  name: string,
  meta: MatrixInput['meta'] | null = null,
): { cells: number; right: number; wrong: string[]; missed: string[]; metaWrong: string[] } {
  const rec = parseReport(rendering.text, { file: name, format: rendering.format });
  const metaWrong: string[] = [];
  if (meta) {
    if (!meta.agencies.includes(rec.agency.name ?? '')) metaWrong.push(`agency ${rec.agency.name}`);
    if (rec.year !== meta.year) metaWrong.push(`year ${rec.year}`);
    if (rec.template !== meta.template) metaWrong.push(`template ${rec.template}`);
    if ((rec.facts.proactiveCount?.value ?? null) !== meta.proactiveCount) metaWrong.push(`主动公开 total ${rec.facts.proactiveCount?.value ?? null}≠${meta.proactiveCount}`);
  }
  let cells = 0;
  let right = 0;
  const wrong: string[] = [];
  const missed: string[] = [];
  for (const [t, rows] of Object.entries(expected)) {
    for (const [r, cols] of Object.entries(rows)) {
      for (const [c, want] of Object.entries(cols)) {
        cells++;
        const got = (rec.tables as Cells)[t]?.[r]?.[c] ?? null;
        if (got === want) right++;
        else if (got !== null) wrong.push(`${t}/${r}/${c}=${got}≠${want}`);
        else missed.push(`${t}/${r}/${c}`);
      }
    }
  }
  return { cells, right, wrong, missed, metaWrong };
}

export async function launch(): Promise<Browser | null> {
  if (!existsSync(CHROMIUM)) return null;
  return chromium.launch({ executablePath: CHROMIUM });
}
