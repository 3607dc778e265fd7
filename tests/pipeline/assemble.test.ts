import { describe, expect, test } from 'vitest';
import { parseAgenciesYaml } from '../../src/lib/agencies.ts';
import { parseCorrections } from '../../src/lib/corrections.ts';
import { assemble } from '../../src/pipeline/assemble.ts';
import { formatProblem } from '../../src/pipeline/problem.ts';
import { makeRecord } from '../lib/helpers.ts';

const config = parseAgenciesYaml('agencies: []\n');
const report = (file: string, name: string, year: number, published: string | null = null) =>
  makeRecord({ id: '', agency: { name, slug: '' }, year, published, source: { file, sha256: `${file.length}`.padEnd(64, '0'), encoding: 'utf-8', lines: 1 } });

describe('assemble: parsed records to site records, problems as data', () => {
  test('two reports for one agency and year are a problem naming both files; nothing is built', () => {
    const out = assemble([report('content/reports/a.txt', '某某局', 2024), report('content/reports/b.txt', '某某局', 2024)], config, [], '2026-12-04');
    expect(out.records).toEqual([]);
    expect(out.problems).toEqual([expect.objectContaining({ code: 'DUPLICATE_REPORT', file: 'content/reports/b.txt', line: null })]);
    expect(formatProblem(out.problems[0]!)).toContain('two reports map to mou-mou-ju/2024: content/reports/a.txt and content/reports/b.txt');
  });

  test('a correction naming an unknown report is a problem with its corrections.yaml line', () => {
    const { entries } = parseCorrections('corrections:\n  - report: nobody/2020\n    year: 2021\n    reason: 测试\n');
    const out = assemble([report('content/reports/a.txt', '某某局', 2024)], config, entries, '2026-12-04');
    expect(out.problems).toEqual([expect.objectContaining({ code: 'CORRECTIONS', file: 'content/corrections.yaml', line: 2 })]);
    expect(out.problems[0]!.message).toContain('unknown report "nobody/2020"');
  });

  test('assigns ids and drops a publication date after today with a finding', () => {
    const out = assemble([report('content/reports/a.txt', '某某局', 2024, '2031-01-05')], config, [], '2026-12-04');
    expect(out.problems).toEqual([]);
    expect(out.records[0]).toMatchObject({ id: 'mou-mou-ju/2024', published: null });
    expect(out.records[0]!.findings.find((f) => f.code === 'DATE_INVALID')?.message).toContain('晚于构建日期 2026-12-04');
  });
});
