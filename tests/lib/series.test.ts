import { describe, expect, test } from 'vitest';
import { summarize } from '../../src/lib/summary.ts';
import { agencyCharts, byYear, hasData, yearOutcomeChart, yearTotals } from '../../src/lib/series.ts';
import { makeRecord, requestRow } from './helpers.ts';

const report = (year: number | null, newReceived: number | null, proactive: number | null = null) =>
  summarize(makeRecord({
    id: `a/${year ?? 0}`,
    year,
    tables: { proactive: { licensing: { decisions: year } }, requests: { newReceived: requestRow(0, newReceived), granted: requestRow(0, 1) }, review: {} },
    facts: { proactiveCount: proactive === null ? null : { value: proactive, unit: '条', evidence: `${proactive}条`, line: 1 } },
  }));

describe('agency trends', () => {
  test('orders an agency’s reports by year and skips a report without year', () => {
    expect(byYear([report(2022, 1), report(null, 5), report(2020, 2)]).map((r) => r.year)).toEqual([2020, 2022]);
  });

  test('builds the four charts with one value per year', () => {
    const charts = agencyCharts([report(2021, 7, 100), report(2020, 3, 90)]);
    expect(charts.map((c) => c.id)).toEqual(['proactive', 'decisions', 'received', 'outcomes']);
    expect(charts[0]?.labels).toEqual(['2020', '2021']);
    expect(charts[0]?.series[0]?.values).toEqual([90, 100]);
    expect(charts[1]?.series.map((s) => s.values)).toEqual([
      [2020, 2021],
      [null, null],
    ]);
    expect(charts[2]?.series[0]?.values).toEqual([3, 7]);
    expect(charts[3]?.series.map((s) => s.key)).toEqual(['granted', 'partiallyGranted', 'denied', 'unavailable', 'notProcessed', 'otherHandling']);
    expect(charts[3]?.series[0]?.values).toEqual([1, 1]);
  });

  test('marks an approximate 主动公开 total and keeps a gap for a year that states none', () => {
    const approx = summarize(makeRecord({ id: 'a/2025', year: 2025, facts: { proactiveCount: { value: 7700, unit: '条', evidence: '7700余条', line: 3, approximate: true } } }));
    const chart = agencyCharts([report(2023, 1, 13561), report(2024, 1, null), approx])[0]!;
    expect(chart.series[0]?.values).toEqual([13561, null, 7700]);
    expect(chart.series[0]?.approximate).toEqual([false, false, true]);
    expect(chart.note).toContain('留空');
  });

  test('keeps a gap (null) for a year whose value was not read', () => {
    const charts = agencyCharts([report(2020, null), report(2021, 4)]);
    expect(charts[2]?.series[0]?.values).toEqual([null, 4]);
    expect(hasData(charts[0]!)).toBe(false);
    expect(hasData(charts[2]!)).toBe(true);
  });
});

describe('portal totals', () => {
  test('sums each year over its reports, newest year first', () => {
    const totals = yearTotals([report(2020, 3), report(2020, 4), report(2021, null)]);
    expect(totals.map((t) => [t.year, t.reports, t.figures.newReceived])).toEqual([
      [2021, 1, null],
      [2020, 2, 7],
    ]);
  });
});

describe('year chart', () => {
  test('keeps the agencies in the order given (by name), one bar stack each', () => {
    const chart = yearOutcomeChart(
      [
        { name: '甲', figures: report(2020, 1).figures },
        { name: '乙', figures: report(2020, 2).figures },
      ],
      2020,
    );
    expect(chart.labels).toEqual(['甲', '乙']);
    expect(chart.kind).toBe('stacked-bar');
    expect(chart.series[0]?.values).toEqual([1, 1]);
  });
});

describe('every chart says where its numbers come from', () => {
  test('a note naming the table or the prose, a source per series, a year axis on agency charts', () => {
    const charts = [...agencyCharts([report(2021, 7, 100), report(2019, 3, 90)]), yearOutcomeChart([{ name: '甲', figures: report(2020, 1).figures }], 2020)];
    expect(charts).toHaveLength(5);
    for (const c of charts) {
      expect(c.note, c.id).toMatch(/取自.*(表二|表三|正文)/);
      expect(c.series.length, c.id).toBeGreaterThan(0);
      for (const s of c.series) expect(['表二', '表三', '表四', '正文'], `${c.id} ${s.key}`).toContain(s.source);
    }
    expect(charts.slice(0, 4).map((c) => c.axis)).toEqual(['year', 'year', 'year', 'year']);
    expect(charts[4]?.horizontal).toBe(true);
  });
});
