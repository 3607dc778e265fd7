import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseReport } from '../../src/parser/index.ts';
import type { ReportRecord } from '../../src/schema/record.ts';
import { buildTotal, fileLine, fileNotes, fileReport, LARGE_FILE_BYTES, problemItems, problemLines, recordHintSubject, totalLine, unidentifiedHint } from '../../src/lib/build-report.ts';

const text = readFileSync('tests/fixtures/seeds/001_32ee79c535f7b1d7.txt', 'utf8');
const record = (t: string, file = 'content/reports/x.txt'): ReportRecord => ({
  ...parseReport(t, { file, sha256: 'cd'.repeat(32) }),
  id: 'yanshi-weijian/2024',
  agency: { name: '偃师区卫生健康委员会', slug: 'yanshi-weijian' },
});

describe('fileNotes', () => {
  test('a clean report has none', () => {
    expect(fileNotes(record(text), { bytes: 6000 })).toEqual([]);
  });

  test('a file far larger than a report gets a warning with its size', () => {
    expect(fileNotes(record(text), { bytes: 10 * 1024 * 1024 })).toEqual([
      { severity: 'warning', line: null, message: '10.0 MB, far larger than a report (usually under 200 KB): parsed and published; check that it holds one report' },
    ]);
    expect(fileNotes(record(text), { bytes: LARGE_FILE_BYTES })).toEqual([]);
  });

  test('a text that ends inside 表三 is flagged as possibly truncated, at its last line', () => {
    const cut = text.slice(0, text.indexOf('属于国家秘密') + 10);
    const r = record(cut);
    const notes = fileNotes(r, { bytes: cut.length });
    expect(notes).toHaveLength(1);
    expect(notes[0]?.line).toBe(r.source.lines);
    expect(notes[0]?.message).toMatch(/^the text ends inside 表三 with \d+ of its cells unread: is the file truncated\?$/);
  });
});

describe('fileReport, lines and totals', () => {
  test('status follows the worst severity; errors are listed with file:line', () => {
    const clean = fileReport(record(text), { encoding: 'gb18030', bytes: 6000, cached: false, notes: [] });
    expect(clean).toMatchObject({ status: 'ok', cellsRead: 200, cellsTotal: 200, page: '/agencies/yanshi-weijian/2024/', unidentified: false, corrections: 0, errors: [] });
    expect(fileLine(clean)).toMatch(/^偃师区卫生健康委员会\s+2024\s+2021版\s+cells 200\/200\s+findings e0 w0 i0\s+yanshi-weijian\/2024\s+content\/reports\/x\.txt\s+\[gb18030\]$/);
    expect(problemLines(clean)).toEqual([]);

    const bare = record('没有标题，也没有年份。');
    const bad = fileReport({ ...bare, agency: { name: null, slug: 'unidentified-cdcdcdcd' }, id: 'unidentified-cdcdcdcd/0' }, {
      encoding: 'utf-8',
      bytes: 30,
      cached: true,
      notes: [{ severity: 'warning', line: 3, message: 'note' }],
    });
    expect(bad.status).toBe('error');
    expect(bad.unidentified).toBe(true);
    expect(bad.errors.map((e) => e.code)).toEqual(expect.arrayContaining(['TABLE_MISSING', 'AGENCY_UNKNOWN', 'YEAR_UNKNOWN']));
    expect(problemLines(bad)[0]).toBe('content/reports/x.txt:3: warning note');
    expect(problemLines(bad)).toContain('content/reports/x.txt: error TABLE_MISSING 未找到表二（主动公开政府信息情况）的数据');
    expect(fileLine(bad)).toMatch(/\(cached\)$/);

    const total = buildTotal([clean, bad], { agencies: 1, seconds: 1.234 });
    expect(total).toMatchObject({ files: 2, parsed: 1, cached: 1, agencies: 1, unidentified: 1, filesWithErrors: 1, filesWithWarnings: 0, seconds: 1.23 });
    expect(totalLine(total, [2024])).toMatch(/^build-data: 2 reports \(1 parsed, 1 cached\), 1 agencies, years 2024–2024, cells 200\/400, findings error \d+ · warning 0 · info \d+, 1 unidentified, 0 corrections, 1\.23 s$/);
  });

  test('unidentifiedHint says exactly what to add to corrections.yaml', () => {
    const bare = record('没有标题，也没有年份。', 'content/reports/scrap.txt');
    expect(unidentifiedHint(recordHintSubject({ ...bare, id: 'unidentified-cdcdcdcd/0', agency: { name: null, slug: 'unidentified-cdcdcdcd' }, year: null }))).toEqual([
      '- report: content/reports/scrap.txt   # now unidentified-cdcdcdcd/0',
      '  agency: <机构名称>   # not found in the title, a 部门： line or the signature',
      '  year: <年度>        # not found in the title or the text',
      '  reason: <依据，例如：落款印章、原件标题>',
    ]);
    const empty = { ...record(''), id: 'unidentified-cdcdcdcd/0' };
    expect(unidentifiedHint(recordHintSubject(empty))[0]).toMatch(/holds no readable text .*replace it with the report text or delete it$/);
  });
});

describe('problemItems (the maintenance page)', () => {
  test('names the severity and the finding in Chinese, the cell by its labels; the code only as data', () => {
    const r = record(text);
    const items = problemItems(
      fileReport(
        { ...r, findings: [{ code: 'CELL_UNREADABLE', severity: 'error', message: '读不到', line: 4, cell: 'requests/carriedForward/total' }] },
        { encoding: 'utf-8', bytes: 6000, cached: false, notes: [] },
      ),
    );
    const item = items.find((i) => i.code === 'CELL_UNREADABLE');
    expect(item?.what).toBe('错误：单元格无法识读');
    expect(item?.where).toBe('content/reports/x.txt:4');
    expect(item?.cellLabel).toBe('表三 · 四、结转下年度继续办理 · 总计');
    expect(`${item?.what}${item?.message}${item?.cellLabel}`).not.toMatch(/[A-Za-z]/);
  });
});
