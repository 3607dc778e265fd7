import { readFileSync } from 'node:fs';
import { formatProblem } from '../../src/pipeline/problem.ts';
import { describe, expect, test } from 'vitest';
import { parseReport } from '../../src/parser/index.ts';
import { record as recordSchema, type ReportRecord } from '../../src/schema/record.ts';
import {
  applyCorrections,
  cellLabel,
  cellProblem,
  fieldEntries,
  parseCorrections,
  resolveCorrections,
  suggest,
  unknownReportProblem,
  type CorrectionEntry,
  type ReportKey,
} from '../../src/lib/corrections.ts';
import { assignIds } from '../../src/lib/assign.ts';
import { parseAgenciesYaml } from '../../src/lib/agencies.ts';
import { loadFixtures } from '../parser/fixtures.ts';

const seed = (): ReportRecord => ({
  ...parseReport(readFileSync('tests/fixtures/seeds/001_32ee79c535f7b1d7.txt', 'utf8'), { file: 'content/reports/001.txt', sha256: 'ab'.repeat(32) }),
  id: 'yanshi-weijian/2024',
  agency: { name: '偃师区卫生健康委员会', slug: 'yanshi-weijian' },
});

function entry(over: Partial<CorrectionEntry>): CorrectionEntry {
  return { index: 0, line: 2, lines: {}, report: 'yanshi-weijian/2024', reason: '原件为准', ...over };
}

describe('parseCorrections', () => {
  test('reads entries with the line of the entry and of each key', () => {
    const { entries, problems } = parseCorrections(
      [
        '# comment',
        'corrections:',
        '  - report: a/2020',
        '    cell: requests/newReceived/total',
        '    value: 12',
        '    reason: 原件为 12',
        '  - report: content/reports/x.txt',
        '    agency: 某局',
        '    year: 2021',
        '    slug: mou-ju',
        '    reason: 落款',
        '  - report: b/2020',
        '    cell: review/adminReview/total',
        '    value: null',
        '    reason: 原文空白',
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(entries).toHaveLength(3);
    expect(entries[0]).toMatchObject({ index: 0, line: 3, report: 'a/2020', cell: 'requests/newReceived/total', value: 12, reason: '原件为 12' });
    expect(entries[0]?.lines).toEqual({ report: 3, cell: 4, value: 5, reason: 6 });
    expect(entries[1]).toMatchObject({ line: 7, agency: '某局', year: 2021, slug: 'mou-ju' });
    expect(entries[2]?.value).toBeNull();
  });

  test('an empty file, a comment-only file and an empty list have no entries and no problems', () => {
    for (const text of ['', '# nothing yet\n', 'corrections: []\n', 'corrections:\n']) expect(parseCorrections(text)).toEqual({ entries: [], problems: [] });
  });

  test('every typo is a problem naming the file and the line', () => {
    const text = [
      'corrections:', // 1
      '  - report: a/2020', // 2
      '    cell: requests/newReceived/total', // 3
      '    value: 1', // 4  (no reason)
      '  - report: a/2020', // 5
      '    cell: requests/newReceived/total', // 6  (no value)
      '    reason: x', // 7
      '  - report: a/2020', // 8
      '    value: 3', // 9  (no cell)
      '    reason: x', // 10
      '  - report: a/2020', // 11 (nothing to correct)
      '    reason: x', // 12
      '  - report: a/2020', // 13
      '    yaer: 2020', // 14 (unknown key)
      '    reason: x', // 15
      '  - report: a/2020', // 16
      '    year: 2020.5', // 17
      '    reason: x', // 18
      '  - report: a/2020', // 19
      '    slug: Not A Slug', // 20
      '    reason: x', // 21
      '  - report: a/2020', // 22
      '    cell: newReceived', // 23
      '    value: 1', // 24
      '    reason: x', // 25
      '  - just a string', // 26
      'extra: 1', // 27
    ].join('\n');
    const { entries, problems } = parseCorrections(text, 'c.yaml');
    expect(entries).toEqual([]);
    expect(problems.map(formatProblem)).toEqual([
      'c.yaml:27: unknown key "extra" (expected corrections:)',
      'c.yaml:2: entry 1: reason: required: say why the value is corrected (it is shown on the page)',
      'c.yaml:6: entry 2: a cell correction needs value: (a number, or null)',
      'c.yaml:9: entry 3: value: given without cell: (which table/row/column?)',
      'c.yaml:11: entry 4: nothing to correct: give cell + value, agency, slug or year',
      'c.yaml:14: entry 5: unknown key "yaer" (did you mean "year"?) (expected report, cell, value, agency, slug, year, reason)',
      'c.yaml:17: entry 6: year: must be a whole number',
      'c.yaml:20: entry 7: slug must be lowercase ASCII letters/digits in hyphen-separated runs',
      'c.yaml:23: entry 8: cell: cell must be table/row/column, e.g. requests/newReceived/total',
      'c.yaml:26: entry 9: expected a mapping (report:, reason: and what to correct)',
    ]);
  });

  test('invalid YAML is a problem with its line', () => {
    const { problems } = parseCorrections('corrections:\n  - report: a\n    reason: [unclosed\n');
    expect(problems).toHaveLength(1);
    expect(formatProblem(problems[0]!)).toMatch(/^content\/corrections\.yaml:\d+: invalid YAML: /);
  });
});

describe('cellProblem and cellLabel', () => {
  test('accepts every cell of the template and names the unknown part of any other', () => {
    expect(cellProblem('requests/newReceived/total', '2021')).toBeNull();
    expect(cellProblem('proactive/fees/amount', '2021')).toBeNull();
    expect(cellProblem('requests/otherHandling/total', '2019')).toBeNull();
    expect(cellProblem('requests/otherHandling/total', '2021')).toBe(
      'unknown row "otherHandling" of requests (表三) in the 2021 template (did you mean "otherHandling.noCorrection", "otherHandling.feeUnpaid" or "otherHandling.other"?)',
    );
    expect(cellProblem('review/adminReview/sum', '2021')).toBe(
      'unknown column "sum" for row adminReview of review (表四, 2021 template): expected upheld, corrected, other, pending, total',
    );
    expect(cellProblem('request/newReceived/total', '2021')).toBe('unknown table "request" in cell request/newReceived/total: expected proactive, requests, review (did you mean "requests"?)');
    expect(cellProblem('proactive/rules/made', '2021')).toMatch(/^unknown column "made"/);
    expect(cellProblem('proactive/rules/made', '2019')).toBeNull();
  });

  test('labels a cell with the official table, row and column names', () => {
    expect(cellLabel('2021', 'requests/newReceived/naturalPerson')).toBe('表三 · 一、本年新收政府信息公开申请数量 · 自然人');
    expect(cellLabel('2021', 'proactive/fees/amount')).toBe('表二 · 第二十条第（八）项 行政事业性收费 · 本年收费金额（单位：万元）');
    expect(cellLabel('2021', 'nope/x/y')).toBe('nope/x/y');
  });

  test('suggests only close candidates', () => {
    expect(suggest('newRecieved', ['newReceived', 'carriedOver'])).toBe(' (did you mean "newReceived"?)');
    expect(suggest('zzzzzz', ['newReceived'])).toBe('');
  });
});

describe('resolveCorrections', () => {
  const reports: ReportKey[] = [
    { file: 'content/reports/a.txt', ids: ['a/2020', 'a-renamed/2020'], template: '2019', agency: '甲局' },
    { file: 'content/reports/b.txt', ids: ['unidentified-12345678/0'], template: '2021', agency: null },
  ];

  test('matches by file (./ and backslashes tolerated) or by any of the ids', () => {
    const entries = [
      entry({ index: 0, report: './content/reports/a.txt', cell: 'requests/granted/total', value: 1 }),
      entry({ index: 1, report: 'a-renamed/2020', cell: 'requests/denied.stateSecret/total', value: 0 }),
      entry({ index: 2, report: 'unidentified-12345678/0', agency: '乙局', slug: 'yi-ju' }),
    ];
    const { byFile, problems, unmatched } = resolveCorrections(entries, reports);
    expect(problems).toEqual([]);
    expect(unmatched).toEqual([]);
    expect(byFile.get('content/reports/a.txt')?.map((e) => e.index)).toEqual([0, 1]);
    expect(byFile.get('content/reports/b.txt')?.map((e) => e.index)).toEqual([2]);
  });

  test('reports unknown reports, cells outside the template, a slug without a name and a cell corrected twice', () => {
    const entries = [
      entry({ index: 0, line: 2, lines: { report: 2 }, report: 'a/2021', cell: 'requests/granted/total', value: 1 }),
      entry({ index: 1, line: 6, lines: { cell: 7 }, report: 'a/2020', cell: 'requests/otherHandling.other/total', value: 1 }),
      entry({ index: 2, line: 10, lines: { slug: 12 }, report: 'unidentified-12345678/0', slug: 'b' }),
      entry({ index: 3, line: 14, lines: { cell: 15 }, report: 'a/2020', cell: 'requests/granted/total', value: 1 }),
      entry({ index: 4, line: 18, lines: { cell: 19 }, report: 'content/reports/a.txt', cell: 'requests/granted/total', value: 2 }),
    ];
    const { problems, unmatched } = resolveCorrections(entries, reports, 'c.yaml');
    expect(unmatched.map((e) => e.index)).toEqual([0]);
    expect(formatProblem(unknownReportProblem(unmatched[0] as CorrectionEntry, reports, 'c.yaml'))).toMatch(/^c\.yaml:2: entry 1: unknown report "a\/2021" \(did you mean "a\/2020"\?\)/);
    expect(problems.map(formatProblem)).toEqual([
      'c.yaml:7: entry 2: unknown row "otherHandling.other" of requests (表三) in the 2019 template (did you mean "otherHandling"?) (report a/2020)',
      'c.yaml:12: entry 3: unidentified-12345678/0 has no agency name; a slug needs one: add agency: <机构名称>',
      'c.yaml:19: entry 5: cell requests/granted/total of content/reports/a.txt is already corrected by the entry on line 14',
    ]);
  });
});

describe('applyCorrections', () => {
  test('corrects a cell, keeps the printed value, re-checks the identities and leaves the input untouched', () => {
    const before = seed();
    const snapshot = structuredClone(before);
    expect(before.findings.filter((f) => f.code.startsWith('IDENTITY'))).toEqual([]);
    const printed = before.tables.requests['newReceived']?.['naturalPerson'];
    const after = applyCorrections(before, [entry({ cell: 'requests/newReceived/naturalPerson', value: (printed ?? 0) + 1, reason: '原件为准' })]);
    expect(before).toEqual(snapshot);
    expect(after.tables.requests['newReceived']?.['naturalPerson']).toBe((printed ?? 0) + 1);
    expect(after.corrections).toEqual([{ cell: 'requests/newReceived/naturalPerson', printed, corrected: (printed ?? 0) + 1, reason: '原件为准' }]);
    const identities = after.findings.filter((f) => f.code.startsWith('IDENTITY'));
    expect(identities.map((f) => f.code).sort()).toEqual(['IDENTITY_COLUMN', 'IDENTITY_ROW']);
    for (const f of identities) expect(f.message).toContain('（按维护者更正后的数字核对）');
    expect(recordSchema.safeParse(after).success).toBe(true);
  });

  test('a correction that makes the identities hold removes their findings', () => {
    const base = seed();
    const printed = base.tables.requests['newReceived']?.['naturalPerson'] ?? 0;
    const broken = applyCorrections(base, [entry({ cell: 'requests/newReceived/naturalPerson', value: printed + 5 })]);
    expect(broken.findings.some((f) => f.code === 'IDENTITY_ROW')).toBe(true);
    // Fix the sum so the row holds again: total follows naturalPerson.
    const total = base.tables.requests['newReceived']?.['total'] ?? 0;
    const fixed = applyCorrections(broken, [entry({ cell: 'requests/newReceived/total', value: total + 5 })]);
    expect(fixed.findings.some((f) => f.code === 'IDENTITY_ROW' && f.cell === 'requests/newReceived/total')).toBe(false);
    expect(fixed.corrections).toHaveLength(2);
  });

  test('re-checking an uncorrected record reproduces the parser’s identity findings (every seed and corpus report)', () => {
    for (const f of [...loadFixtures('seeds'), ...loadFixtures('corpus')]) {
      const r = parseReport(f.text);
      const cell = 'review/adminReview/total';
      const value = r.tables.review['adminReview']?.['total'] ?? null;
      const same = applyCorrections(r, [entry({ cell, value })]);
      const ids = (x: ReportRecord) => x.findings.filter((g) => g.code.startsWith('IDENTITY')).map((g) => `${g.code} ${g.cell} ${g.message}`).sort();
      expect(ids(same), f.name).toEqual(ids(r));
    }
  });

  test('a doubt about a corrected cell becomes info with a note; the inferred mark goes', () => {
    const base = seed();
    const cell = 'requests/carriedOver/other';
    const r: ReportRecord = {
      ...base,
      provenance: { ...base.provenance, [cell]: { line: 50, inferred: true } },
      findings: [...base.findings, { code: 'CELL_INFERRED', severity: 'warning', message: '推算', line: 50, cell }],
    };
    const after = applyCorrections(r, [entry({ cell, value: base.tables.requests['carriedOver']?.['other'] ?? 0, reason: '核对原件' })]);
    expect(after.provenance[cell]).toEqual({ line: 50 });
    const f = after.findings.find((x) => x.code === 'CELL_INFERRED');
    expect(f?.severity).toBe('info');
    expect(f?.message).toMatch(/推算（维护者已将此单元格由 \d+ 更正为 \d+：核对原件）/);
  });

  test('agency, year and slug corrections: record fields change, *_UNKNOWN findings go, ids follow', () => {
    const base = seed();
    const unknown: ReportRecord = {
      ...base,
      id: '',
      agency: { name: null, slug: '' },
      year: null,
      findings: [
        ...base.findings,
        { code: 'AGENCY_UNKNOWN', severity: 'error', message: 'x', line: 1 },
        { code: 'YEAR_UNKNOWN', severity: 'error', message: 'y', line: 1 },
      ],
    };
    const entries = [entry({ agency: '偃师区卫生健康委员会', year: 2024, reason: '落款' }), entry({ index: 1, slug: 'yanshi-wjw', reason: '短代码' })];
    const after = applyCorrections(unknown, entries, 'unidentified-abababab');
    expect(after.agency).toEqual({ name: '偃师区卫生健康委员会', slug: 'yanshi-wjw' });
    expect(after.year).toBe(2024);
    expect(after.findings.map((f) => f.code)).not.toContain('AGENCY_UNKNOWN');
    expect(after.findings.map((f) => f.code)).not.toContain('YEAR_UNKNOWN');
    expect(after.corrections).toEqual([
      { field: 'agency', printed: null, corrected: '偃师区卫生健康委员会', reason: '落款' },
      { field: 'year', printed: null, corrected: 2024, reason: '落款' },
      { field: 'slug', printed: 'unidentified-abababab', corrected: 'yanshi-wjw', reason: '短代码' },
    ]);
    const config = parseAgenciesYaml('agencies:\n  - name: 偃师区卫生健康委员会\n    slug: yanshi-weijian\n    region: 河南省洛阳市\n');
    const { assigned } = assignIds([after], config);
    expect(assigned[0]?.record.id).toBe('yanshi-wjw/2024');
    expect(assigned[0]?.agency.region).toBe('河南省洛阳市');
    expect(assigned[0]?.unidentified).toBe(false);
  });

  test('fieldEntries keeps only agency, slug and year', () => {
    const es = fieldEntries([entry({ cell: 'a/b/c', value: 1 }), entry({ cell: 'a/b/c', value: 1, year: 2020 })]);
    expect(es).toHaveLength(1);
    expect(es[0]).not.toHaveProperty('cell');
    expect(es[0]?.year).toBe(2020);
  });

  test('no entries: the record comes back unchanged', () => {
    const r = seed();
    expect(applyCorrections(r, [])).toBe(r);
  });
});
