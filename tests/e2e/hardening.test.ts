/**
 * Hardening: whatever agencies publish, the build never crashes, never drops a report silently, and never lets
 * report text run in a visitor's browser. One site build (build-data + astro) of a scratch content root holding
 * the project's reports plus every bad input (tests/e2e/hardening-inputs.ts) and a corrections.yaml; then
 * build-data-only runs for what stops the build (two reports for one agency and year, strict mode, typos in
 * corrections.yaml) and for the console output of a large build.
 *
 * Each bad-input test asserts the console message naming the file (and line where there is one) and that every
 * other report is still published.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { parseReport } from '../../src/parser/index.ts';
import type { ReportRecord } from '../../src/schema/record.ts';
import type { BuildReport } from '../../src/lib/build-report.ts';
import { cacheFileName } from '../../src/lib/cache.ts';
import { HAS_CHROMIUM, launch, ROOT } from './setup.ts';
import { serveDir, type StaticServer } from '../../scripts/serve.ts';
import { buildData, buildScratchSite, scratch, type Run } from './scratch-site.ts';
import { copyProjectContent, MARKUP_LINES, SEED_FILE, seedAs, writeBadInputs, XSS_LINE, type BadInput } from './hardening-inputs.ts';

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

describe('hardening: every bad input is published, with a message naming the file', () => {
  let root: string;
  let data: Run;
  let inputs: Record<string, BadInput>;
  let projectFiles: string[];
  let records: ReportRecord[];
  let report: BuildReport;
  /** The clean seed 001 record (under its own name), to compare re-encoded copies with. */
  const seedRecord = parseReport(readFileSync(join(ROOT, SEED_FILE), 'utf8'));
  const liaocheng = 'content/reports/002_437bbae1d74230cf.txt';

  const recordOf = (file: string): ReportRecord => {
    const r = records.find((x) => x.source.file === file);
    if (!r) throw new Error(`no record for ${file}`);
    return r;
  };
  const pageOf = (r: ReportRecord): string => join(root, 'dist/agencies', r.agency.slug, String(r.year ?? 0), 'index.html');
  const html = (path: string): string => readFileSync(join(root, 'dist', path, 'index.html'), 'utf8');
  /** Every input file other than `file` has its report page in dist/. */
  const othersPublished = (file: string): void => {
    const others = records.filter((r) => r.source.file !== file);
    expect(others.length).toBe(projectFiles.length + Object.keys(inputs).length - 1);
    for (const r of others) expect(existsSync(pageOf(r)), `${r.source.file} → ${r.id}`).toBe(true);
  };

  beforeAll(() => {
    root = scratch('hardening');
    projectFiles = copyProjectContent(ROOT, root);
    inputs = writeBadInputs(root);
    writeFileSync(
      join(root, 'content/corrections.yaml'),
      [
        'corrections:',
        `  - report: ${inputs['noTitle']?.file}`,
        '    agency: 癸区卫生健康委员会',
        '    reason: 报告缺标题，机构名取自落款印章',
        '  - report: liaocheng-weijian/2020',
        '    cell: requests/newReceived/naturalPerson',
        '    value: 999',
        '    reason: 测试更正：原件为 999 <b>不是标签</b>',
        '',
      ].join('\n'),
    );
    ({ data, records, report } = buildScratchSite(root));
  });
  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  test('the build publishes every input file: one record and one page each', () => {
    expect(records).toHaveLength(projectFiles.length + Object.keys(inputs).length);
    for (const file of [...projectFiles, ...Object.values(inputs).map((i) => i.file)]) {
      expect(existsSync(pageOf(recordOf(file))), file).toBe(true);
    }
  });

  test('empty file: EMPTY_INPUT naming the file; kept under the unidentified list', () => {
    const file = inputs['empty']?.file as string;
    expect(data.stdout).toContain(`${file}: error EMPTY_INPUT 空文件（empty file）：请换成报告正文，或删除该文件`);
    expect(data.stdout).toContain(`# ${file} holds no readable text`);
    expect(recordOf(file).agency.slug).toMatch(/^unidentified-/);
    expect(html('maintenance')).toContain(file);
    othersPublished(file);
  });

  test('binary file: EMPTY_INPUT "binary file (not text)" naming the file; kept under the unidentified list', () => {
    const file = inputs['binary']?.file as string;
    expect(data.stdout).toContain(`${file}: error EMPTY_INPUT 不是文本文件（binary file (not text)）`);
    expect(recordOf(file).agency.slug).toMatch(/^unidentified-/);
    expect(html('maintenance')).toContain(file);
    othersPublished(file);
  });

  test.each(['gb18030', 'gbk', 'utf16le', 'utf16be'])('%s file: decoded, not rejected — the same record as the UTF-8 seed', (key) => {
    const input = inputs[key] as BadInput;
    const r = recordOf(input.file);
    expect(r.source.encoding).toBe(input.encoding);
    expect(data.stdout).toMatch(new RegExp(`${input.file}\\s+\\[${input.encoding}\\]`));
    expect(r.agency.name).toBe(input.agency);
    expect(r.year).toBe(2024);
    expect(r.tables).toEqual(seedRecord.tables);
    expect(r.findings.map((f) => f.code)).toEqual(seedRecord.findings.map((f) => f.code));
    expect(r.sections.map((s) => s.key)).toEqual(seedRecord.sections.map((s) => s.key));
    expect(html(`agencies/${r.agency.slug}/2024`)).toContain(input.agency as string);
    othersPublished(input.file);
  });

  test('10 MB file: parsed and published in reasonable time, with a size warning naming the file; its page stays small', () => {
    const input = inputs['huge'] as BadInput;
    const r = recordOf(input.file);
    expect(statSync(join(root, input.file)).size).toBeGreaterThanOrEqual(10 * 1024 * 1024);
    expect(data.stdout).toContain(`${input.file}: warning 10.0 MB, far larger than a report`);
    expect(r.agency.name).toBe(input.agency);
    expect(r.tables).toEqual(seedRecord.tables);
    expect(data.seconds).toBeLessThan(60);
    const page = statSync(pageOf(r)).size;
    expect(page).toBeLessThan(5 * 1024 * 1024);
    const text = readFileSync(pageOf(r), 'utf8');
    expect(text).toMatch(/文件过大，只列出开头部分和本页链接到的行，省略 \d+ 行/);
    // Every line the page links to is still listed.
    for (const p of Object.values(r.provenance)) expect(text).toContain(`id="L${p.line}"`);
    othersPublished(input.file);
  });

  test('narrative but no tables: TABLE_MISSING errors naming the file; the page shows the text', () => {
    const input = inputs['narrative'] as BadInput;
    for (const t of ['表二', '表三', '表四']) expect(data.stdout).toMatch(new RegExp(`${input.file}: error TABLE_MISSING 未找到${t}`));
    const r = recordOf(input.file);
    expect(r.agency.name).toBe(input.agency);
    expect(readFileSync(pageOf(r), 'utf8')).toContain('主动及时发布各类信息');
    othersPublished(input.file);
  });

  test('truncated table: a warning naming the file and the line the text ends inside 表三', () => {
    const input = inputs['truncated'] as BadInput;
    const lines = readFileSync(join(root, input.file), 'utf8').split('\n').length;
    expect(data.stdout).toContain(`${input.file}:${lines}: warning the text ends inside 表三`);
    expect(data.stdout).toContain(`${input.file}: error TABLE_MISSING 未找到表四`);
    const r = recordOf(input.file);
    expect(r.tables.requests['newReceived']).toEqual(seedRecord.tables.requests['newReceived']);
    expect(r.tables.requests['total']?.['total']).toBeNull();
    expect(existsSync(pageOf(r))).toBe(true);
    othersPublished(input.file);
  });

  test('no agency or year: a page under the maintainers’ unidentified list, and the build says what to add', () => {
    const input = inputs['unidentified'] as BadInput;
    const r = recordOf(input.file);
    expect(r.id).toMatch(/^unidentified-[0-9a-f]{8}\/0$/);
    expect(data.stdout).toContain(`${input.file}: error AGENCY_UNKNOWN`);
    expect(data.stdout).toContain(`${input.file}: error YEAR_UNKNOWN`);
    expect(data.stdout).toContain(`- report: ${input.file}   # now ${r.id}`);
    expect(data.stdout).toContain('agency: <机构名称>');
    expect(data.stdout).toContain('year: <年度>');
    const maintenance = html('maintenance');
    expect(maintenance).toContain(`href="/agencies/${r.agency.slug}/0/"`);
    expect(maintenance).toContain(`- report: ${input.file}`);
    expect(existsSync(pageOf(r))).toBe(true);
    othersPublished(input.file);
  });

  test('a report identified by a correction (agency name) gets its own slug, and the page says so', () => {
    const input = inputs['noTitle'] as BadInput;
    const r = recordOf(input.file);
    expect(r.agency.name).toBe('癸区卫生健康委员会');
    expect(r.id).toBe('gui-qu-wei-sheng-jian-kang-wei-yuan-hui/2024');
    expect(r.findings.map((f) => f.code)).not.toContain('AGENCY_UNKNOWN');
    expect(r.corrections).toEqual([{ field: 'agency', printed: null, corrected: '癸区卫生健康委员会', reason: '报告缺标题，机构名取自落款印章' }]);
    const page = readFileSync(pageOf(r), 'utf8');
    expect(page).toContain('维护者更正');
    expect(page).toContain('报告缺标题，机构名取自落款印章');
  });

  test('a corrected cell: the page shows the printed value, the corrected value and the reason; open data carries both', () => {
    const printed = parseReport(readFileSync(join(ROOT, liaocheng), 'utf8')).tables.requests['newReceived']?.['naturalPerson'];
    const r = recordOf(liaocheng);
    expect(r.tables.requests['newReceived']?.['naturalPerson']).toBe(999);
    expect(r.corrections).toEqual([{ cell: 'requests/newReceived/naturalPerson', printed, corrected: 999, reason: '测试更正：原件为 999 <b>不是标签</b>' }]);
    // The identities are re-checked over the corrected numbers.
    const recheck = r.findings.filter((f) => f.code === 'IDENTITY_ROW' || f.code === 'IDENTITY_COLUMN');
    expect(recheck.length).toBeGreaterThan(0);
    for (const f of recheck) expect(f.message).toContain('按维护者更正后的数字核对');
    const page = readFileSync(pageOf(r), 'utf8');
    expect(page).toMatch(/<td[^>]*class="[^"]*corrected[^"]*"/);
    expect(page).toContain('href="#correction-1"');
    expect(page).toContain('id="correction-1"');
    expect(page).toContain(`原文：<span class="printed">${printed}</span>；更正为：<span class="corrected">999</span>`);
    expect(page).toContain('测试更正：原件为 999 &lt;b&gt;不是标签&lt;/b&gt;');
    const json = JSON.parse(gunzipSync(readFileSync(join(root, 'dist/data', `${r.id}.json.gz`))).toString('utf8')) as ReportRecord;
    expect(json.tables.requests['newReceived']?.['naturalPerson']).toBe(999);
    expect(json.corrections?.[0]?.printed).toBe(printed);
    expect(gunzipSync(readFileSync(join(root, 'dist/data', `${r.id}.csv.gz`))).toString('utf8')).toContain('requests,表三,newReceived,一、本年新收政府信息公开申请数量,naturalPerson,自然人,999');
    expect(html('maintenance')).toContain('测试更正：原件为 999');
  });

  test('text with <script>, {}, ---, markdown and MDX syntax is shown verbatim and inert (static HTML)', () => {
    const r = recordOf(inputs['markup']?.file as string);
    const page = readFileSync(pageOf(r), 'utf8');
    expect(page).not.toContain('<script>window.__xss');
    expect(page).not.toMatch(/<img[^>]*src="?x/);
    expect(page).not.toContain('<Component');
    expect(page).toContain('&lt;script&gt;window.__xss = 1; alert(1)&lt;/script&gt;');
    for (const line of ['---', '{}', "import x from &#39;y&#39;", '{/* MDX 注释 */}', '**粗体**', '{1+1}']) expect(page).toContain(line);
    othersPublished(inputs['markup']?.file as string);
  });

  test('the build report: one line per file and a total on the console, and dist/build-report.json', () => {
    for (const r of records) expect(data.stdout, r.source.file).toMatch(new RegExp(`${r.id.replace('/', '\\/')}\\s+${r.source.file.replace(/\./g, '\\.')}`));
    expect(data.stdout).toMatch(/build-data: 18 reports \(18 parsed, 0 cached\), \d+ agencies, years 2020–2024, cells \d+\/\d+, findings error \d+ · warning \d+ · info \d+, 3 unidentified, 2 corrections/);
    expect(report.total.files).toBe(records.length);
    expect(report.files).toHaveLength(records.length);
    expect(report.ok).toBe(true);
    expect(report.strict).toBe(false);
    for (const f of report.files) {
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['file', 'agency', 'year', 'template', 'cellsRead', 'cellsTotal', 'findings', 'status', 'errors', 'notes']));
      expect(existsSync(join(root, 'dist', f.page, 'index.html')), f.page).toBe(true);
    }
    const empty = report.files.find((f) => f.file === inputs['empty']?.file);
    expect(empty?.status).toBe('error');
    expect(empty?.errors[0]?.code).toBe('EMPTY_INPUT');
    expect(report.files.find((f) => f.file === inputs['gb18030']?.file)?.status).toBe('ok');
    expect(report.total.filesWithErrors).toBe(report.files.filter((f) => f.status === 'error').length);
    // The published report is the one build-data wrote for these records (never a stale copy).
    expect(readFileSync(join(root, 'dist/build-report.json'), 'utf8')).toBe(readFileSync(join(root, '.cache/build-report.json'), 'utf8'));
    expect(html('maintenance')).toContain('build-report.json');
  });

  describe.skipIf(!HAS_CHROMIUM)('in headless Chromium', () => {
    let browser: Browser;
    let server: StaticServer;
    beforeAll(async () => {
      [browser, server] = await Promise.all([launch(), serveDir(join(root, 'dist'))]);
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    /** Opens a report page, failing on any dialog; returns the dialogs seen and the page. */
    async function open(file: string) {
      const r = recordOf(file);
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', async (d) => {
        dialogs.push(d.message());
        await d.dismiss();
      });
      await page.goto(new URL(`agencies/${r.agency.slug}/${r.year ?? 0}/`, server.url).href, { waitUntil: 'load' });
      await page.waitForTimeout(300);
      return { page, dialogs };
    }

    test('a report containing <img src=x onerror=alert(1)> renders it as text: no dialog, no <img src="x">', async () => {
      const { page, dialogs } = await open(inputs['xss']?.file as string);
      expect(dialogs).toEqual([]);
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      expect(await page.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
      await expect.poll(() => page.getByText(XSS_LINE, { exact: false }).first().isVisible()).toBe(true);
      const body = await page.evaluate(() => document.body.innerText);
      expect(body).toContain('<img src=x onerror=alert(1)>');
      await page.close();
    });

    test('corrected cells, the corrections list and the maintenance lists pass axe (WCAG 2 A/AA)', async () => {
      const axe = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
      const found: string[] = [];
      const r = recordOf(liaocheng);
      for (const path of [`agencies/${r.agency.slug}/${r.year}/`, 'maintenance/']) {
        for (const viewport of [{ width: 1280, height: 900 }, { width: 375, height: 800 }]) {
          const page = await browser.newPage({ viewport });
          await page.goto(new URL(path, server.url).href, { waitUntil: 'load' });
          await page.addScriptTag({ content: axe });
          const violations = await page.evaluate(async () => {
            const a = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
            const result = await a.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
            return result.violations.map((v) => `${v.id} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
          });
          found.push(...violations.map((v) => `${path} ${viewport.width}px: ${v}`));
          await page.close();
        }
      }
      expect(found).toEqual([]);
    });

    test('a corrected cell links to its note, which gives the printed value, the corrected value and the reason', async () => {
      const r = recordOf(liaocheng);
      const page = await browser.newPage();
      await page.goto(new URL(`agencies/${r.agency.slug}/${r.year}/`, server.url).href, { waitUntil: 'load' });
      const cell = page.locator('td.corrected');
      await expect.poll(() => cell.count()).toBe(1);
      expect(await cell.locator('a:not(.fix)').innerText()).toBe('999');
      await cell.locator('a.fix').click();
      await expect.poll(() => page.evaluate(() => location.hash)).toBe('#correction-1');
      const note = await page.locator('#correction-1').innerText();
      expect(note).toContain('表三 · 一、本年新收政府信息公开申请数量 · 自然人');
      expect(note).toMatch(/原文：\d+；更正为：999/);
      expect(note).toContain('理由：测试更正：原件为 999 <b>不是标签</b>');
      await page.close();
    });

    test('markup and MDX syntax show verbatim and nothing runs', async () => {
      const { page, dialogs } = await open(inputs['markup']?.file as string);
      expect(dialogs).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expect(await page.locator('img[src="x"], component, a[href^="javascript:"]').count()).toBe(0);
      const listing = await page.locator('#source').innerText();
      for (const line of MARKUP_LINES) expect(listing).toContain(line);
      await page.close();
    });
  });
});

describe('hardening: what stops the build', () => {
  const roots: string[] = [];
  const fresh = (name: string): string => {
    const root = scratch(name);
    roots.push(root);
    copyProjectContent(ROOT, root);
    return root;
  };
  afterAll(() => {
    for (const r of roots) rmSync(r, { recursive: true, force: true });
  });

  test('two files for the same agency and year: the build stops, naming both', () => {
    const root = fresh('duplicate');
    mkdirSync(join(root, 'content/reports/again'), { recursive: true });
    copyFileSync(join(ROOT, 'content/reports/001_32ee79c535f7b1d7.txt'), join(root, 'content/reports/again/yanshi-2024.txt'));
    const out = buildData(root);
    expect(out.status).toBe(1);
    expect(out.stderr).toContain(
      'two reports map to yanshi-weijian/2024: content/reports/001_32ee79c535f7b1d7.txt and content/reports/again/yanshi-2024.txt',
    );
    expect(out.stderr).toContain('content/corrections.yaml');
    expect(existsSync(join(root, '.cache/records.json'))).toBe(false);
  });

  test('strict mode (STRICT=1 or --strict) fails on error findings, naming the files; the default build publishes', () => {
    const root = fresh('strict');
    writeFileSync(join(root, 'content/reports/blank.txt'), '');
    const lenient = buildData(root);
    expect(lenient.status, lenient.stderr).toBe(0);
    expect(readJson<BuildReport>(join(root, '.cache/build-report.json')).ok).toBe(true);
    for (const run of [buildData(root, [], { STRICT: '1' }), buildData(root, ['--strict'])]) {
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('build-data: strict mode: 1 file(s) have errors, failing the build:');
      expect(run.stderr).toContain('content/reports/blank.txt: 1 error(s) (EMPTY_INPUT)');
      const report = readJson<BuildReport>(join(root, '.cache/build-report.json'));
      expect([report.strict, report.ok]).toEqual([true, false]);
    }
    rmSync(join(root, 'content/reports/blank.txt'));
    expect(buildData(root, ['--strict']).status).toBe(0);
  });

  test('typos in corrections.yaml stop the build, naming the line', () => {
    const root = fresh('corrections');
    const yaml = [
      'corrections:', // 1
      '  - report: liaocheng-weijian/2021', // 2  unknown report (did you mean 2020?)
      '    cell: requests/newReceived/total', // 3
      '    value: 3', // 4
      '    reason: x', // 5
      '  - report: liaocheng-weijian/2020', // 6
      '    cell: requests/newRecieved/total', // 7  unknown row
      '    value: 3', // 8
      '    reason: x', // 9
      '  - report: content/reports/002_437bbae1d74230cf.txt', // 10
      '    cell: requests/newReceived/sum', // 11 unknown column
      '    value: 3', // 12
      '    reason: x', // 13
      '  - report: liaocheng-weijian/2020', // 14
      '    cell: tables/newReceived/total', // 15 unknown table
      '    value: 3', // 16
      '    reason: x', // 17
      '  - report: liaocheng-weijian/2020', // 18 missing reason
      '    year: 2020', // 19
      '  - report: liaocheng-weijian/2020', // 20
      '    agnecy: 聊城市卫生健康委员会', // 21 unknown key
      '    reason: x', // 22
      '',
    ].join('\n');
    writeFileSync(join(root, 'content/corrections.yaml'), yaml);
    const first = buildData(root);
    expect(first.status).toBe(1);
    expect(first.stderr).toContain('content/corrections.yaml:18: entry 5: reason: required');
    expect(first.stderr).toContain('content/corrections.yaml:21: entry 6: unknown key "agnecy" (did you mean "agency"?)');
    // Entries that are well-formed YAML are then checked against the reports.
    const valid = yaml.split('\n').slice(0, 17).join('\n');
    writeFileSync(join(root, 'content/corrections.yaml'), `${valid}\n`);
    const second = buildData(root);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('content/corrections.yaml:2: entry 1: unknown report "liaocheng-weijian/2021" (did you mean "liaocheng-weijian/2020"?)');
    expect(second.stderr).toContain('content/corrections.yaml:7: entry 2: unknown row "newRecieved" of requests (表三) in the 2019 template (did you mean "newReceived"?)');
    expect(second.stderr).toContain('content/corrections.yaml:11: entry 3: unknown column "sum" for row newReceived of requests');
    expect(second.stderr).toContain('content/corrections.yaml:15: entry 4: unknown table "tables"');
    expect(existsSync(join(root, '.cache/records.json'))).toBe(false);
  });

  test('a large build prints progress only when asked and never in CI, and lists only the files that need fixing', () => {
    const root = fresh('large');
    for (let i = 0; i < 60; i++) writeFileSync(join(root, `content/reports/n${i}.txt`), seedAs(`测试${i}号卫生健康委员会`));
    writeFileSync(join(root, 'content/reports/blank.txt'), '');
    const ci = buildData(root, [], { CI: 'true', BUILD_PROGRESS: '1' });
    expect(ci.status, ci.stderr).toBe(0);
    expect(ci.stderr).not.toMatch(/parsed \d+\/\d+/);
    expect(ci.stdout).toContain('content/reports/blank.txt: error EMPTY_INPUT');
    expect(ci.stdout).not.toContain('content/reports/n1.txt');
    expect(ci.stdout).toMatch(/build-data: 65 files without errors not listed/);
    expect(ci.stdout).toMatch(/build-data: 66 reports/);
    const local = buildData(root, ['--force'], { BUILD_PROGRESS: '1' });
    expect(local.stderr).toContain('build-data: parsed 66/66');
    const verbose = buildData(root, ['--verbose'], { CI: 'true' });
    expect(verbose.stdout).toContain('content/reports/n1.txt');
    expect(readJson<ReportRecord>(join(root, '.cache/records', cacheFileName('ce-shi-1-hao-wei-sheng-jian-kang-wei-yuan-hui/2024'))).year).toBe(2024);
  });
});
