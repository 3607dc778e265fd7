/**
 * Hardening, round two (issue 11): one careless or hostile file can neither stop the build, nor be dropped or
 * misread without a word, nor act on the maintainer's terminal. One scratch site (build-data + astro + search
 * index) holds the five seeds and every round-two input (tests/e2e/hardening2-inputs.ts); each test asserts the
 * message and that every other report is still published. Then Chromium checks that search works for every year.
 */
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { ReportRecord } from '../../src/schema/record.ts';
import type { BuildReport } from '../../src/lib/build-report.ts';
import { copyProjectContent } from './hardening-inputs.ts';
import { LONG_NAME, writeRound2, type Round2 } from './hardening2-inputs.ts';
import { buildData, buildScratchSite, buildSearchIndex, scratch, type Run } from './scratch-site.ts';
import { HAS_CHROMIUM, launch, ROOT } from './setup.ts';
import { serveDir } from '../../scripts/serve.ts';

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

describe('hardening, round two: no single file can stop the build, lose data or mislead the console', () => {
  let root: string;
  let data: Run;
  let inputs: Round2;
  let seeds: string[];
  let records: ReportRecord[];
  let report: BuildReport;

  const recordOf = (file: string): ReportRecord => {
    const r = records.find((x) => x.source.file === file);
    if (!r) throw new Error(`no record for ${JSON.stringify(file)}`);
    return r;
  };
  const pageOf = (r: ReportRecord): string => join(root, 'dist/agencies', r.agency.slug, String(r.year ?? 0), 'index.html');
  /** Every read file other than `file` has its report page. */
  const othersPublished = (file: string): void => {
    const others = records.filter((r) => r.source.file !== file);
    expect(others.length).toBe(seeds.length + Object.keys(inputs.files).length - 1);
    for (const r of others) expect(existsSync(pageOf(r)), `${r.source.file} → ${r.id}`).toBe(true);
  };

  beforeAll(() => {
    root = scratch('hardening2');
    seeds = copyProjectContent(ROOT, root);
    inputs = writeRound2(root);
    ({ data, records, report } = buildScratchSite(root));
  });
  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  test('every readable file is published, one record and one page each', () => {
    expect(records).toHaveLength(seeds.length + Object.keys(inputs.files).length);
    for (const file of [...seeds, ...Object.values(inputs.files)]) expect(existsSync(pageOf(recordOf(file))), file).toBe(true);
  });

  test('1. HTML nested 5,000 elements deep is read and published, not a stack overflow', () => {
    const r = recordOf(inputs.files['deep']!);
    expect(r.agency.name).toBe('深一区卫生健康委员会');
    expect(r.year).toBe(2024);
    expect(data.stdout + data.stderr).not.toContain('Maximum call stack');
    othersPublished(r.source.file);
  });

  test('10. a number a double cannot hold or in exponent notation is kept null with its digits, a negative count is flagged', () => {
    const r = recordOf(inputs.files['numbers']!);
    expect(r.tables.proactive['licensing']?.['decisions']).toBeNull();
    expect(r.provenance['proactive/licensing/decisions']?.raw).toBe('99999999999999999999');
    expect(r.tables.proactive['penalty']?.['decisions']).toBeNull();
    const codes = r.findings.map((f) => `${f.code} ${f.cell ?? ''}`);
    expect(codes).toContain('NUMBER_INEXACT proactive/licensing/decisions');
    expect(codes).toContain('NUMBER_INEXACT proactive/penalty/decisions');
    expect(codes).toContain('NEGATIVE_COUNT proactive/enforcement/decisions');
    expect(readFileSync(pageOf(r), 'utf8')).not.toMatch(/100,000,000,000,000,000,000|1e\+?20/);
    othersPublished(r.source.file);
  });

  test("11. a title without a year takes the year the text names, not a law's revision year, and says it guessed", () => {
    const r = recordOf(inputs.files['yearless']!);
    expect(r.year).toBe(2024);
    expect(r.template).toBe('2021');
    expect(r.findings.find((f) => f.code === 'YEAR_GUESSED')?.message).toContain('2024');
    othersPublished(r.source.file);
  });

  test('2. a 40-character agency name gets a slug of at most 60 characters and a page', () => {
    const r = recordOf(inputs.files['long']!);
    expect(r.agency.name).toBe(LONG_NAME);
    expect(r.agency.slug.length).toBeLessThanOrEqual(60);
    expect(r.agency.slug).toMatch(/^shuang-zhuang-.*-[0-9a-f]{6}$/);
    expect(data.stdout).toContain(`${r.id}`);
    othersPublished(r.source.file);
  });

  test('5. a name that spells a configured slug is not filed under that agency, and the build says so', () => {
    const r = recordOf(inputs.files['impostor']!);
    expect(r.agency.slug).toMatch(/^yanshi-weijian-[0-9a-f]{6}$/);
    expect(recordOf('content/reports/001_32ee79c535f7b1d7.txt').id).toBe('yanshi-weijian/2024');
    expect(r.findings.find((f) => f.code === 'SLUG_CONFLICT')?.message).toContain('agencies.yaml 中的「偃师区卫生健康委员会」');
    othersPublished(r.source.file);
  });

  test('5. two names with the same pinyin keep two agency pages, each told to set a slug', () => {
    const a = recordOf(inputs.files['shimen']!);
    const b = recordOf(inputs.files['shimen2']!);
    expect(a.agency.slug).not.toBe(b.agency.slug);
    for (const r of [a, b]) {
      expect(r.findings.some((f) => f.code === 'SLUG_CONFLICT')).toBe(true);
      expect(existsSync(join(root, 'dist/agencies', r.agency.slug, 'index.html'))).toBe(true);
    }
    othersPublished(a.source.file);
  });

  test('6. an ESC sequence, a bidi override and a newline in a file name reach the console escaped', () => {
    const out = data.stdout + data.stderr;
    expect(out).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(out).toContain('\\x1b]0;pwned\\x07\\x1b[31m红区卫生健康委员会');
    expect(out).toContain('content/reports/r2/evil\\nbuild-data: 0 reports.txt');
    expect(out.split('\n').some((l) => l.startsWith('build-data: 0 reports'))).toBe(false);
    expect(recordOf(inputs.files['esc']!).agency.name).toContain('红区卫生健康委员会');
    // The page shows the name as text (escaped by the template), never as markup or control codes.
    expect(readFileSync(pageOf(recordOf(inputs.files['newline']!)), 'utf8')).toContain('换行区卫生健康委员会');
    othersPublished(inputs.files['esc']!);
  });

  test.each([
    ['date9999', '9999-99-99', '不是有效的日期'],
    ['date1345', '2024-13-45', '不是有效的日期'],
    ['date0230', '2025-02-30', '不是有效的日期'],
    ['dateFuture', '2099-01-20', '晚于构建日期'],
  ])('7. an impossible publication date (%s) is dropped with a finding naming it', (key, date, why) => {
    const r = recordOf(inputs.files[key]!);
    expect(r.published).toBeNull();
    const f = r.findings.find((x) => x.code === 'DATE_INVALID');
    expect(f?.message).toContain(date);
    expect(f?.message).toContain(why);
    const feed = readFileSync(join(root, 'dist/feed.xml'), 'utf8');
    expect(feed).not.toContain(date);
    expect(feed).not.toMatch(/<updated>(?!\d{4}-\d{2}-\d{2})/);
    othersPublished(r.source.file);
  });

  test('8. two empty files do not stop the build: each has its own page and message', () => {
    const a = recordOf(inputs.files['emptyA']!);
    const b = recordOf(inputs.files['emptyB']!);
    expect(a.id).not.toBe(b.id);
    for (const r of [a, b]) {
      expect(r.id).toMatch(/^unidentified-e3b0c442/);
      expect(data.stdout).toContain(`${r.source.file}: error EMPTY_INPUT 空文件`);
      expect(existsSync(pageOf(r))).toBe(true);
    }
    othersPublished(a.source.file);
  });

  test('14. a text whose characters a tool decoded wrong is published unidentified with nothing read from it, and the build says why', () => {
    const r = recordOf(inputs.files['garbled']!);
    expect(r.id).toMatch(/^unidentified-/);
    expect([r.agency.name, r.year]).toEqual([null, null]);
    expect(Object.values(r.tables).flatMap((t) => Object.values(t).flatMap((row) => Object.values(row))).filter((v) => v !== null)).toEqual([]);
    expect(r.findings.map((f) => f.code)).toEqual(['TEXT_GARBLED']);
    expect(data.stdout).toContain(`${r.source.file}:2: error TEXT_GARBLED 文字提取成乱码`);
    expect(existsSync(pageOf(r))).toBe(true);
    othersPublished(r.source.file);
  });

  test('9. .TXT, .markdown and a name with trailing spaces are read; a symlink, no extension and .rtf are listed with the reason', () => {
    for (const key of ['upper', 'markdown', 'trailing']) expect(recordOf(inputs.files[key]!).year).toBe(2024);
    for (const [file, reason] of Object.entries(inputs.skipped)) {
      expect(data.stdout).toContain(`${file}: not read: ${reason}`);
      expect(report.skipped.find((s) => s.file === file)?.reason).toContain(reason);
    }
    expect(data.stdout).toMatch(/, 3 file\(s\) not read \(listed above\)/);
    const maintenance = readFileSync(join(root, 'dist/maintenance/index.html'), 'utf8');
    for (const file of Object.keys(inputs.skipped)) expect(maintenance).toContain(file);
    othersPublished(inputs.files['upper']!);
  });

  test('12. the printed hint for an unidentified file with YAML-special characters in its name is valid YAML', () => {
    const file = inputs.files['yamlName']!;
    const r = recordOf(file);
    const at = data.stdout.search(new RegExp(`- report: ["']${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']`));
    expect(at).toBeGreaterThan(0);
    const start = data.stdout.lastIndexOf('\n', at) + 1;
    const hint = data.stdout.slice(start).split('\n').slice(0, 4).map((l) => l.replace(/^ {2}/, '')).join('\n').replace(/<[^>]+>/g, 'x');
    const parsed = parseYaml(hint) as Array<{ report: string }>;
    expect(parsed[0]?.report).toBe(file);
    expect(existsSync(pageOf(r))).toBe(true);
    othersPublished(file);
  });

  test('13. a one-line 10 MB file makes a page of well under 1 MB that says the line was cut', () => {
    const r = recordOf(inputs.files['oneLine']!);
    expect(statSync(join(root, r.source.file)).size).toBeGreaterThan(10 * 1024 * 1024);
    const page = readFileSync(pageOf(r), 'utf8');
    expect(Buffer.byteLength(page)).toBeLessThan(1024 * 1024);
    expect(page).toMatch(/此行过长，其余 \d+ 字未列出/);
    othersPublished(r.source.file);
  });

  test.skipIf(!HAS_CHROMIUM)('3. with empty and binary files in the site, the search index is built and every year is searchable (Chromium)', async () => {
    const index = buildSearchIndex(root);
    expect(index.status, index.stderr).toBe(0);
    const [browser, server] = await Promise.all([launch(), serveDir(join(root, 'dist'))]);
    try {
      const years = [...new Set(records.filter((r) => r.year !== null).map((r) => r.year as number))].sort();
      expect(years.length).toBeGreaterThanOrEqual(3);
      for (const year of years) {
        const page = await browser.newPage();
        await page.goto(new URL(`search/?q=${encodeURIComponent('公开')}&year=${year}`, server.url).href);
        await page.waitForFunction(
          () => /找到/.test(document.querySelector('#search-summary')?.textContent ?? '') && document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false',
          undefined,
          { timeout: 15_000 },
        );
        for (let i = 0; i < 100 && (await page.isVisible('#search-more')); i++) {
          await page.click('#search-more');
          await page.waitForFunction(() => document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false', undefined, { timeout: 15_000 });
        }
        const found = await page.$$eval('#search-results a.result-link', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
        const withText = records.filter((r) => r.year === year && r.sections.some((x) => x.text.includes('公开')));
        expect(withText.length, String(year)).toBeGreaterThan(0);
        for (const r of withText) expect(found, `${year}: ${r.id}`).toContain(`/agencies/${r.agency.slug}/${year}/`);
        await page.close();
      }
    } finally {
      await browser.close();
      await server.close();
    }
  });

  test('4. the parse cache follows the decoder: an HTML page saved as .txt and renamed .html is parsed again', () => {
    const dir = scratch('cache-key');
    try {
      copyProjectContent(ROOT, dir);
      // (健 written as an HTML entity: only the HTML decoder turns it into the character; the text opens with no
      // element, so as .txt it is not sniffed as HTML)
      const fragment = '缓存区卫生&#20581;康委员会2024年政府信息公开工作年度报告<br>\n<p>一、总体情况</p><p>本年主动公开政府信息12条。</p>\n';
      writeFileSync(join(dir, 'content/reports/page.txt'), fragment);
      const first = buildData(dir);
      expect(first.status).toBe(0);
      const asText = readJson<ReportRecord[]>(join(dir, '.cache/records.json')).find((r) => r.source.file === 'content/reports/page.txt');
      // read as plain text, the entity stays as printed and the agency is not the page's
      expect(asText).toBeDefined();
      expect(asText?.agency.name).not.toBe('缓存区卫生健康委员会');
      renameSync(join(dir, 'content/reports/page.txt'), join(dir, 'content/reports/page.html'));
      const second = buildData(dir);
      expect(second.stdout).toContain('6 reports (1 parsed, 5 cached)');
      const asHtml = readJson<ReportRecord[]>(join(dir, '.cache/records.json')).find((r) => r.source.file === 'content/reports/page.html');
      expect(asHtml?.agency.name).toBe('缓存区卫生健康委员会');
      expect(asHtml?.year).toBe(2024);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
