/**
 * Trend series of one agency across its years (agency page charts), and the portal's year totals (home page).
 * Every series keeps null for a year whose value was not read, so charts show a gap, not a false 0.
 */
import { OUTCOME_LABELS, OUTCOMES, totalFigures, type KeyFigures } from './rates.ts';
import type { ChartSpec, SpecSeries } from './chart-spec.ts';

/** A series of a chart: its values per label and where they come from (src/lib/chart-spec.ts). */
export interface Series extends SpecSeries {
  /** Per value: true when it is approximate as printed (7700余条), shown as 约 7,700 in the table twin. */
  readonly approximate?: ReadonlyArray<boolean>;
}

/** A chart with its table twin: the spec drawn in the browser plus what the page says around it. */
export interface Chart extends ChartSpec {
  readonly id: string;
  readonly title: string;
  readonly series: readonly Series[];
  /** Where the figure comes from (and what a blank means), shown under the chart. */
  readonly note: string;
}

/** A report as the collections give it (src/schema/summary.ts): its year and its key figures. */
type Reportish = { readonly year: number | null; readonly figures: KeyFigures };

/** The agency's reports with a known year, oldest first, with their key figures. */
export function byYear<T extends Reportish>(records: readonly T[]): Array<{ year: number; record: T; figures: KeyFigures }> {
  return records
    .filter((r): r is T & { year: number } => r.year !== null && r.year > 0)
    .sort((a, b) => a.year - b.year)
    .map((record) => ({ year: record.year, record, figures: record.figures }));
}

/** The four trend charts of an agency page. */
export function agencyCharts(records: readonly Reportish[]): Chart[] {
  const rows = byYear(records);
  const labels = rows.map((r) => String(r.year));
  const pick = (f: (k: KeyFigures) => number | null): Array<number | null> => rows.map((r) => f(r.figures));
  return [
    {
      id: 'proactive',
      title: '主动公开政府信息数量',
      unit: '条',
      kind: 'line',
      axis: 'year',
      labels,
      series: [
        {
          key: 'proactiveCount',
          label: '主动公开（正文所述）',
          source: '正文',
          values: pick((k) => k.proactiveCount),
          approximate: rows.map((r) => r.figures.proactiveApproximate),
        },
      ],
      note: '数字取自报告正文所述的全年主动公开总数（不取分类、单一渠道或历年累计的数字）；正文未写明或前后不一的年份留空。',
    },
    {
      id: 'decisions',
      title: '行政许可与行政处罚决定数量',
      unit: '件',
      kind: 'line',
      axis: 'year',
      labels,
      series: [
        { key: 'licensingDecisions', label: '行政许可', source: '表二', values: pick((k) => k.licensingDecisions) },
        { key: 'penaltyDecisions', label: '行政处罚', source: '表二', values: pick((k) => k.penaltyDecisions) },
      ],
      note: '数字取自各年报告表二（主动公开政府信息情况）第二十条第（五）项、第（六）项的“本年处理决定数量”（2019 版模板为“处理决定数量”）；未读取到的年份留空。',
    },
    {
      id: 'received',
      title: '本年新收政府信息公开申请数量',
      unit: '件',
      kind: 'line',
      axis: 'year',
      labels,
      series: [{ key: 'newReceived', label: '新收申请', source: '表三', values: pick((k) => k.newReceived) }],
      note: '数字取自各年报告表三“一、本年新收政府信息公开申请数量”的总计列；未读取到的年份留空。',
    },
    {
      id: 'outcomes',
      title: '申请办理结果构成',
      unit: '件',
      kind: 'stacked-bar',
      axis: 'year',
      labels,
      series: OUTCOMES.map((o) => ({ key: o, label: OUTCOME_LABELS[o], source: '表三' as const, values: pick((k) => k.outcomes[o]) })),
      note: '数字取自各年报告表三“三、本年度办理结果”（一）至（六）项的总计列，各项的子项相加；未读取到的项不计入。',
    },
  ];
}

export interface YearTotal {
  readonly year: number;
  readonly reports: number;
  readonly figures: KeyFigures;
}

/** Portal totals per year (newest first): number of reports and summed key figures. */
export function yearTotals(records: readonly Reportish[]): YearTotal[] {
  const groups = new Map<number, KeyFigures[]>();
  for (const { year, figures } of byYear(records)) {
    const list = groups.get(year) ?? [];
    list.push(figures);
    groups.set(year, list);
  }
  return [...groups.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([year, list]) => ({ year, reports: list.length, figures: totalFigures(list) }));
}

/** True when a chart has at least one number to draw. */
export function hasData(chart: Chart): boolean {
  return chart.series.some((s) => s.values.some((v) => v !== null));
}

/** The year page chart: each agency's outcome mix that year (agencies in name order — no ranking). */
export function yearOutcomeChart(rows: ReadonlyArray<{ readonly name: string; readonly figures: KeyFigures }>, year: number): Chart {
  return {
    id: `outcomes-${year}`,
    title: `${year} 年度各机构申请办理结果构成`,
    unit: '件',
    kind: 'stacked-bar',
    axis: 'category',
    // Agency names along the vertical axis: readable on a phone however many there are.
    horizontal: true,
    labels: rows.map((r) => r.name),
    series: OUTCOMES.map((o) => ({ key: o, label: OUTCOME_LABELS[o], source: '表三' as const, values: rows.map((r) => r.figures.outcomes[o]) })),
    note: `数字取自各机构 ${year} 年度报告表三“三、本年度办理结果”（一）至（六）项的总计列；机构按名称排列，不作排名。`,
  };
}
