import { describe, expect, test } from 'vitest';
import { cellText, filterAgencies, MAX_AGENCIES, parseQuery, selectionCsv, selectionSpec, selectionTable, toQuery, type CompareData } from '../../src/lib/compare.ts';
import { compareData, MEASURES, measureById, rate, smallDenominator, SMALL_DENOMINATOR } from '../../src/lib/measures.ts';
import { summarize } from '../../src/lib/summary.ts';
import { makeRecord, requestRow } from './helpers.ts';

const figures = (granted: number, total: number, newReceived: number) =>
  summarize(makeRecord({ tables: { proactive: {}, requests: { newReceived: requestRow(0, newReceived), granted: requestRow(0, granted), total: requestRow(0, total) }, review: {} } })).figures;

const agency = (slug: string, name: string, region: string, reports: Array<[number, ReturnType<typeof figures>]>) => ({
  slug,
  displayName: name,
  region,
  level: '市级',
  unidentified: false,
  reports: reports.map(([year, f]) => ({ year, figures: f })),
});

const data: CompareData = compareData([
  agency('pingtan', '平潭综合实验区', '福建省', [
    [2019, figures(6, 7, 23)],
    [2021, figures(30, 40, 70)],
  ]),
  agency('hongze', '淮安市洪泽区人民政府', '江苏省', [[2020, figures(50, 60, 95)]]),
  { ...agency('unknown', '机构不详', '', [[2020, figures(1, 1, 1)]]), unidentified: true },
]);

describe('measures', () => {
  test('each is defined with a formula, a source table and a unique URL key', () => {
    expect(new Set(MEASURES.map((m) => m.id)).size).toBe(MEASURES.length);
    for (const m of MEASURES) {
      expect(m.formula.length, m.id).toBeGreaterThan(5);
      expect(m.table, m.id).toMatch(/表二|表三|表四|正文/);
    }
    for (const label of ['主动公开', '新收', '予以公开率', '不予公开率', '行政许可', '行政处罚', '复议纠错率']) expect(MEASURES.some((m) => m.label.includes(label)), label).toBe(true);
  });

  test('a rate keeps its numerator and denominator; none when the denominator is 0 or missing', () => {
    expect(rate(6, 7)).toEqual({ value: 6 / 7, numerator: 6, denominator: 7 });
    expect(rate(0, 0).value).toBeNull();
    expect(rate(3, null).value).toBeNull();
    expect(smallDenominator(rate(6, 7))).toBe(true);
    expect(smallDenominator(rate(6, SMALL_DENOMINATOR))).toBe(false);
    expect(measureById('grantedRate')?.of(figures(30, 40, 70))).toEqual({ value: 0.75, numerator: 30, denominator: 40 });
  });

  test('the data file leaves unidentified agencies out and keeps each agency’s years', () => {
    expect(data.agencies.map((a) => a.slug)).toEqual(['pingtan', 'hongze']);
    expect(data.agencies[0]?.years).toEqual([2019, 2021]);
    expect(data.agencies[0]?.values['newReceived']).toEqual([
      [23, null, null],
      [70, null, null],
    ]);
    expect(data.measures.map((m) => m.id)).toEqual(MEASURES.map((m) => m.id));
  });
});

describe('the compare view’s state', () => {
  test('parses the URL: known measure and agencies, each once, at most the maximum', () => {
    expect(parseQuery('?m=grantedRate&a=hongze&a=pingtan&a=nope&a=hongze', data)).toEqual({ measure: 'grantedRate', agencies: ['hongze', 'pingtan'] });
    expect(parseQuery('?m=bogus', data)).toEqual({ measure: MEASURES[0]?.id, agencies: [] });
    expect(parseQuery('?a=pingtan,hongze', data).agencies).toEqual(['pingtan', 'hongze']);
    const many = { ...data, agencies: Array.from({ length: 12 }, (_, i) => ({ ...data.agencies[0]!, slug: `a${i}` })) };
    expect(parseQuery(many.agencies.map((a) => `a=${a.slug}`).join('&'), many).agencies).toHaveLength(MAX_AGENCIES);
  });

  test('round-trips through the query string', () => {
    const state = { measure: 'deniedRate', agencies: ['pingtan', 'hongze'] };
    expect(toQuery(state)).toBe('?m=deniedRate&a=pingtan&a=hongze');
    expect(parseQuery(toQuery(state), data)).toEqual(state);
  });

  test('filters agencies by name, region or level, every word', () => {
    expect(filterAgencies(data.agencies, '平潭').map((a) => a.slug)).toEqual(['pingtan']);
    expect(filterAgencies(data.agencies, '江苏').map((a) => a.slug)).toEqual(['hongze']);
    expect(filterAgencies(data.agencies, '市级 福建').map((a) => a.slug)).toEqual(['pingtan']);
    expect(filterAgencies(data.agencies, '  ').map((a) => a.slug)).toEqual(['pingtan', 'hongze']);
  });
});

describe('what the compare view shows', () => {
  test('a table over every year either agency reported, 无报告 where one did not', () => {
    const t = selectionTable(data, { measure: 'newReceived', agencies: ['pingtan', 'hongze'] });
    expect(t?.years).toEqual([2019, 2020, 2021]);
    expect(t?.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['23', '无报告'],
      ['无报告', '95'],
      ['70', '无报告'],
    ]);
  });

  test('rates show their numerator and denominator and mark a small one', () => {
    const t = selectionTable(data, { measure: 'grantedRate', agencies: ['pingtan'] });
    expect(t?.rows.map((r) => r[0]?.text)).toEqual(['85.7%（6/7）', '75.0%（30/40）']);
    expect(t?.rows.map((r) => r[0]?.small)).toEqual([true, false]);
    expect(t?.anySmall).toBe(true);
    expect(cellText({ kind: 'rate' }, [null, 0, 0], true)).toBe('—（分母为 0）');
  });

  test('the chart is a line per agency on a year axis; the CSV is exactly the selection, with a BOM', () => {
    const t = selectionTable(data, { measure: 'grantedRate', agencies: ['hongze', 'pingtan'] });
    if (!t) throw new Error('no table');
    const spec = selectionSpec(t);
    expect(spec).toMatchObject({ kind: 'line', axis: 'year', labels: ['2019', '2020', '2021'], unit: '%' });
    expect(spec.series.map((s) => [s.label, s.values])).toEqual([
      ['淮安市洪泽区人民政府', [null, 50 / 60, null]],
      ['平潭综合实验区', [6 / 7, null, 0.75]],
    ]);
    const csv = selectionCsv(t);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).trim().split('\r\n')).toEqual([
      'year,agency,agency_name,measure,measure_label,unit,source,value,numerator,denominator,small_denominator',
      '2019,pingtan,平潭综合实验区,grantedRate,予以公开率,%,表三,85.7143,6,7,是',
      '2020,hongze,淮安市洪泽区人民政府,grantedRate,予以公开率,%,表三,83.3333,50,60,否',
      '2021,pingtan,平潭综合实验区,grantedRate,予以公开率,%,表三,75,30,40,否',
    ]);
  });
});
