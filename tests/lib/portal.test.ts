import { describe, expect, test } from 'vitest';
import { agenciesWithReports, groupByRegion, latestReports, UNGROUPED, yearRows, yearsCovered, type AgencyInfo } from '../../src/lib/portal.ts';
import { makeRecord } from './helpers.ts';

const rec = (slug: string, year: number | null, name: string | null = null, published: string | null = null) =>
  makeRecord({ id: `${slug}/${year ?? 0}`, agency: { name, slug }, year, published });

const infos: AgencyInfo[] = [
  { slug: 'liaocheng', name: '聊城市卫生健康委员会', region: '山东省聊城市', level: '市级', kind: 'department', unidentified: false },
  { slug: 'dujiaqu', name: '度假区卫计局', region: '山东省聊城市', level: '区县级', kind: 'department', unidentified: false },
  { slug: 'anqing', name: '安庆市卫生健康委员会', region: null, level: null, kind: 'department', unidentified: false },
  { slug: 'unidentified-d7e31f0d', name: null, region: null, level: null, kind: 'department', unidentified: true },
];
const records = [
  rec('liaocheng', 2020, '聊城市卫生健康委员会', '2021-01-28'),
  rec('liaocheng', 2021, '聊城市卫生健康委员会'),
  rec('dujiaqu', 2023, '度假区卫计局'),
  rec('anqing', 2022, '安庆市卫健委'),
  rec('unidentified-d7e31f0d', null),
];

describe('agenciesWithReports', () => {
  const agencies = agenciesWithReports(infos, records);

  test('sorts agencies by name in pinyin order, unidentified last', () => {
    expect(agencies.map((a) => a.slug)).toEqual(['anqing', 'dujiaqu', 'liaocheng', 'unidentified-d7e31f0d']);
  });

  test('lists each agency’s reports newest first', () => {
    expect(agencies.find((a) => a.slug === 'liaocheng')?.reports.map((r) => r.year)).toEqual([2021, 2020]);
  });

  test('names an agency by its canonical name, else as printed, else 机构不详', () => {
    expect(agencies.find((a) => a.slug === 'anqing')?.displayName).toBe('安庆市卫生健康委员会');
    expect(agencies.find((a) => a.unidentified)?.displayName).toBe('机构不详');
    const bare = agenciesWithReports([], [rec('x', 2020, '某局')]);
    expect(bare[0]?.displayName).toBe('某局');
  });

  test('an agency missing from the list gets the kind its printed name suggests', () => {
    const bare = agenciesWithReports([], [rec('pingtan', 2023, '平潭综合实验区'), rec('pingtan-hzs', 2022, '平潭综合实验区行政审批局')]);
    expect(bare.map((a) => [a.slug, a.kind])).toEqual([
      ['pingtan', 'government'],
      ['pingtan-hzs', 'department'],
    ]);
  });
});

describe('groupByRegion', () => {
  test('groups by region then level, ungrouped agencies last, unidentified left out', () => {
    const groups = groupByRegion(agenciesWithReports(infos, records));
    expect(groups.map((g) => g.region)).toEqual(['山东省聊城市', UNGROUPED]);
    expect(groups[0]?.levels.map((l) => [l.level, l.agencies.map((a) => a.slug)])).toEqual([
      ['区县级', ['dujiaqu']],
      ['市级', ['liaocheng']],
    ]);
    expect(groups[1]?.levels).toEqual([{ level: null, agencies: [expect.objectContaining({ slug: 'anqing' })] }]);
  });
});

describe('latest reports and years', () => {
  test('orders by publication date, falling back to the 31 January deadline', () => {
    expect(latestReports(records, 3).map((r) => r.id)).toEqual(['dujiaqu/2023', 'anqing/2022', 'liaocheng/2021']);
  });

  test('lists the years with identified reports, newest first', () => {
    expect(yearsCovered(records)).toEqual([2023, 2022, 2021, 2020]);
  });

  test('gives the year rows in name order with display names', () => {
    const rows = yearRows([rec('b', 2020), rec('a', 2020), rec('c', 2021), rec('unidentified-x', 2020)], 2020, (s) => ({ a: '乙局', b: '甲局' })[s] ?? s);
    expect(rows.map((r) => r.name)).toEqual(['甲局', '乙局']);
  });
});
