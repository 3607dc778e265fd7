import { describe, expect, test } from 'vitest';
import { assignIds, crossYearFindings, idYear } from '../../src/lib/assign.ts';
import { parseAgenciesYaml } from '../../src/lib/agencies.ts';
import { makeRecord, requestRow } from './helpers.ts';

const config = parseAgenciesYaml(`
agencies:
  - name: 聊城市卫生健康委员会
    slug: liaocheng-weijian
    aliases: [聊城市卫生和计划生育委员会]
overrides:
  - file: content/reports/fixed.txt
    agency: 聊城市卫生健康委员会
    year: 2019
`);

function parsed(file: string, name: string | null, year: number | null, sha = file.length.toString(16).padStart(8, '0')) {
  return makeRecord({
    id: '',
    agency: { name, slug: '' },
    year,
    source: { file, sha256: `${sha}${'0'.repeat(56)}`, encoding: 'utf-8', lines: 1 },
  });
}

describe('assignIds', () => {
  test('never files a report under a configured agency whose slug its name merely spells', () => {
    const { assigned } = assignIds([parsed('a.txt', '聊城市卫生健康委员会', 2020), parsed('b.txt', 'liaocheng-weijian', 2021)], config);
    expect(assigned[0]?.record.id).toBe('liaocheng-weijian/2020');
    const impostor = assigned[1]!.record;
    expect(impostor.agency.slug).toMatch(/^liaocheng-weijian-[0-9a-f]{6}$/);
    expect(impostor.findings.find((f) => f.code === 'SLUG_CONFLICT')?.message).toContain('agencies.yaml 中的「聊城市卫生健康委员会」');
  });

  test('keeps two names with the same pinyin apart, each tagged and told so', () => {
    const { assigned, duplicates } = assignIds([parsed('a.txt', '石门区卫生健康局', 2024), parsed('b.txt', '实门区卫生健康局', 2024)], config);
    expect(duplicates).toEqual([]);
    const [a, b] = assigned.map((x) => x.record);
    expect(a!.agency.slug).not.toBe(b!.agency.slug);
    for (const r of [a!, b!]) {
      expect(r.agency.slug).toMatch(/^shi-men-qu-wei-sheng-jian-kang-ju-[0-9a-f]{6}$/);
      expect(r.findings.some((f) => f.code === 'SLUG_CONFLICT')).toBe(true);
    }
  });

  test('gives two empty files (the same bytes) a page each instead of stopping the build', () => {
    const empty = 'e3b0c44298fc1c14';
    const { assigned, duplicates } = assignIds([parsed('bad/one.txt', null, null, empty), parsed('bad/two.txt', null, null, empty)], config);
    expect(duplicates).toEqual([]);
    expect(assigned[0]?.record.id).toBe('unidentified-e3b0c442/0');
    expect(assigned[1]?.record.id).toMatch(/^unidentified-e3b0c442-[0-9a-f]{6}\/0$/);
  });

  test('caps a very long agency name’s slug at 60 characters, unique by a hash of the name', () => {
    const long = `${'双庄窗床撞'.repeat(7)}双庄窗床局`;
    const { assigned } = assignIds([parsed('a.txt', long, 2024), parsed('b.txt', `${long.slice(0, -1)}委`, 2024)], config);
    const [a, b] = assigned.map((x) => x.record.agency.slug);
    expect(a!.length).toBeLessThanOrEqual(60);
    expect(b!.length).toBeLessThanOrEqual(60);
    expect(a).not.toBe(b);
  });

  test('gives each report the id <slug>/<year> using the yaml slug', () => {
    const { assigned, duplicates } = assignIds([parsed('a.txt', '聊城市卫生健康委员会', 2020)], config);
    expect(duplicates).toEqual([]);
    expect(assigned[0]?.record.id).toBe('liaocheng-weijian/2020');
    expect(assigned[0]?.record.agency).toEqual({ name: '聊城市卫生健康委员会', slug: 'liaocheng-weijian' });
  });

  test('merges a renamed agency into the same slug through its alias', () => {
    const { assigned } = assignIds([parsed('a.txt', '聊城市卫生和计划生育委员会', 2018), parsed('b.txt', '聊城市卫生健康委员会', 2020)], config);
    expect(assigned.map((a) => a.record.id)).toEqual(['liaocheng-weijian/2018', 'liaocheng-weijian/2020']);
    expect(assigned[0]?.record.agency.name).toBe('聊城市卫生和计划生育委员会');
  });

  test('reports two files mapping to the same agency and year, naming both', () => {
    const { duplicates } = assignIds([parsed('x/a.txt', '聊城市卫生健康委员会', 2020), parsed('y/b.txt', '聊城市卫生和计划生育委员会', 2020)], config);
    expect(duplicates).toEqual([{ id: 'liaocheng-weijian/2020', files: ['x/a.txt', 'y/b.txt'] }]);
  });

  test('keeps a report without agency under an unidentified slug and year 0', () => {
    const { assigned } = assignIds([parsed('lost.txt', null, null, 'd7e31f0d')], config);
    expect(assigned[0]?.record.id).toBe('unidentified-d7e31f0d/0');
    expect(assigned[0]?.record.year).toBeNull();
    expect(assigned[0]?.unidentified).toBe(true);
  });

  test('keeps a report without year under an unidentified slug even when the agency is known', () => {
    const { assigned } = assignIds([parsed('noyear.txt', '聊城市卫生健康委员会', null, 'aaaaaaaa')], config);
    expect(assigned[0]?.record.id).toBe('unidentified-aaaaaaaa/0');
    expect(assigned[0]?.record.agency.name).toBe('聊城市卫生健康委员会');
  });

  test('applies a maintainer override of agency and year and drops the findings it resolves', () => {
    const input = makeRecord({
      ...parsed('content/reports/fixed.txt', null, null),
      findings: [
        { code: 'AGENCY_UNKNOWN', severity: 'error', message: 'no agency', line: null },
        { code: 'YEAR_UNKNOWN', severity: 'error', message: 'no year', line: null },
        { code: 'CELL_UNREADABLE', severity: 'warning', message: 'x', line: 3 },
      ],
    });
    const { assigned } = assignIds([input], config);
    expect(assigned[0]?.record.id).toBe('liaocheng-weijian/2019');
    expect(assigned[0]?.unidentified).toBe(false);
    expect(assigned[0]?.record.findings.map((f) => f.code)).toEqual(['CELL_UNREADABLE']);
  });
});

describe('crossYearFindings', () => {
  test('flags a carried-over count that differs from last year’s carried-forward count', () => {
    const y2020 = makeRecord({ id: 'a/2020', agency: { name: 'A', slug: 'a' }, year: 2020, tables: { proactive: {}, requests: { carriedForward: requestRow(1) }, review: {} } });
    const y2021 = makeRecord({
      id: 'a/2021',
      agency: { name: 'A', slug: 'a' },
      year: 2021,
      tables: { proactive: {}, requests: { carriedOver: requestRow(1, 7) }, review: {} },
      provenance: { 'requests/carriedOver/total': { line: 42 } },
    });
    const found = crossYearFindings([y2020, y2021]);
    expect(found.get('a/2020')).toBeUndefined();
    expect(found.get('a/2021')).toEqual([
      expect.objectContaining({ code: 'CROSS_YEAR_CARRY', severity: 'warning', line: 42, cell: 'requests/carriedOver/total' }),
    ]);
  });

  test('says nothing when the years are not consecutive or a value was not read', () => {
    const a = makeRecord({ id: 'a/2019', agency: { name: 'A', slug: 'a' }, year: 2019, tables: { proactive: {}, requests: { carriedForward: requestRow(1) }, review: {} } });
    const b = makeRecord({ id: 'a/2021', agency: { name: 'A', slug: 'a' }, year: 2021, tables: { proactive: {}, requests: { carriedOver: requestRow(2) }, review: {} } });
    const c = makeRecord({ id: 'a/2020', agency: { name: 'A', slug: 'a' }, year: 2020, tables: { proactive: {}, requests: { carriedOver: requestRow(null) }, review: {} } });
    expect(crossYearFindings([a, b]).size).toBe(0);
    expect(crossYearFindings([a, c]).size).toBe(0);
  });
});

describe('idYear', () => {
  test('reads the year from an id, 0 when unknown', () => {
    expect(idYear('liaocheng-weijian/2020')).toBe(2020);
    expect(idYear('unidentified-d7e31f0d/0')).toBe(0);
  });
});
