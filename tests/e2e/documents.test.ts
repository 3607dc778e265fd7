/**
 * Inputs as agencies publish them (issue #13): a PDF printed by Chromium and a .docx made by pandoc from a corpus
 * report's saved page, each dropped into content/reports/ of a scratch project, publish the same numbers as the
 * page itself (scripts/build-data.ts end to end: the records it writes); a scanned PDF (no text layer) is
 * published as unidentified with the error "no text layer (scan); add OCR text as .txt". Chromium and pandoc
 * are Debian packages: missing locally, the tests that need them are skipped with a loud line; under CI=true a
 * missing tool is a failure.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from './setup.ts';
import { availableTools, launch } from '../tools/matrix/render.ts';
import type { ReportRecord } from '../../src/schema/record.ts';
import { pdfFile } from '../pdf-file.ts';

const CI = /^(1|true)$/i.test(process.env['CI'] ?? '');
const tools = availableTools();
const hasPdf = tools.find((t) => t.renderer === 'pdf (unpdf)')!.available;
const hasDocx = tools.find((t) => t.renderer === 'pandoc docx')!.available;
if (!hasPdf) console.warn('[documents] !!! chromium missing: the PDF test is SKIPPED (apt-get install -y chromium)');
if (!hasDocx) console.warn('[documents] !!! pandoc missing: the DOCX test is SKIPPED (apt-get install -y pandoc)');

const PAGE = join(ROOT, 'tests/fixtures/corpus/pingtan-2023-page.html');

/** A one-page PDF that draws a filled rectangle and holds no text at all: what a scanner's image-only PDF reads as. */
function scannedPdf(): Buffer {
  return pdfFile('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>', '0.5 g 72 600 300 150 re f');
}

function buildData(root: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--experimental-strip-types', '--no-warnings', join(ROOT, 'scripts/build-data.ts'), '--root', root], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A scratch project with the given report files; returns its records after build-data. */
function project(files: Record<string, Buffer | string>): { records: ReportRecord[]; stdout: string; root: string } {
  const root = mkdtempSync(join(tmpdir(), 'nianbao-documents-'));
  mkdirSync(join(root, 'content/reports'), { recursive: true });
  writeFileSync(join(root, 'content/agencies.yaml'), 'agencies: []\n');
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(root, 'content/reports', name), bytes);
  const out = buildData(root);
  expect(out.status, out.stderr).toBe(0);
  const dir = join(root, '.cache/records');
  const records = readdirSync(dir).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as ReportRecord);
  return { records, stdout: out.stdout, root };
}

describe('PDF and Word files dropped into content/reports/', () => {
  const roots: string[] = [];
  let work: string;
  let fromHtml: ReportRecord;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'nianbao-docs-src-'));
    copyFileSync(PAGE, join(work, 'report.html'));
    const p = project({ 'pingtan-2023.html': readFileSync(PAGE) });
    roots.push(p.root);
    fromHtml = p.records[0]!;
  });
  afterAll(() => {
    for (const r of [...roots, work]) rmSync(r, { recursive: true, force: true });
  });

  test('the tools are installed where CI runs (a missing one is a failure there, never a skip)', () => {
    if (CI) expect({ hasPdf, hasDocx }).toEqual({ hasPdf: true, hasDocx: true });
  });

  test.skipIf(!hasPdf)('a PDF printed from the page publishes the same agency, year and numbers as the page', async () => {
    const browser = (await launch())!;
    try {
      const page = await browser.newPage();
      await page.route(/^(?!file:)/, (route) => route.abort());
      await page.goto(`file://${join(work, 'report.html')}`);
      await page.pdf({ path: join(work, 'report.pdf'), format: 'A4' });
    } finally {
      await browser.close();
    }
    const p = project({ 'pingtan-2023.pdf': readFileSync(join(work, 'report.pdf')) });
    roots.push(p.root);
    const rec = p.records[0]!;
    expect(rec.source.encoding).toBe('pdf');
    expect([rec.agency.name, rec.year, rec.template]).toEqual([fromHtml.agency.name, fromHtml.year, fromHtml.template]);
    expect(rec.tables.requests).toEqual(fromHtml.tables.requests);
    expect(rec.tables.review).toEqual(fromHtml.tables.review);
    expect(rec.tables.proactive).toEqual(fromHtml.tables.proactive);
  });

  test.skipIf(!hasDocx)('a .docx made from the page publishes the same agency, year and numbers as the page', () => {
    const offline = join(work, 'offline.html');
    writeFileSync(offline, readFileSync(PAGE, 'utf8').replace(/<(script|iframe|noscript)\b[\s\S]*?<\/\1>/gi, '').replace(/<(img|link|iframe|embed|object)\b[^>]*>/gi, ''));
    const r = spawnSync('pandoc', ['-f', 'html', '-t', 'docx', '-o', join(work, 'report.docx'), offline], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const p = project({ 'pingtan-2023.docx': readFileSync(join(work, 'report.docx')) });
    roots.push(p.root);
    const rec = p.records[0]!;
    expect(rec.source.encoding).toBe('docx');
    expect([rec.agency.name, rec.year, rec.template]).toEqual([fromHtml.agency.name, fromHtml.year, fromHtml.template]);
    expect(rec.tables).toEqual(fromHtml.tables);
  });

  test('a scanned PDF without a text layer is published unidentified with the no-text-layer error, the other report still read', () => {
    const p = project({ 'scan.pdf': scannedPdf(), 'pingtan-2023.html': readFileSync(PAGE) });
    roots.push(p.root);
    const scan = p.records.find((r) => r.source.file.endsWith('scan.pdf'))!;
    expect(scan.id).toMatch(/^unidentified-/);
    expect(scan.findings.some((f) => f.code === 'EMPTY_INPUT' && f.message.includes('no text layer (scan); add OCR text as .txt'))).toBe(true);
    expect(p.stdout).toContain('no text layer (scan); add OCR text as .txt');
    const other = p.records.find((r) => r.source.file.endsWith('pingtan-2023.html'))!;
    expect(other.tables).toEqual(fromHtml.tables);
    expect(existsSync(join(p.root, '.cache/build-report.json'))).toBe(true);
  });
});
