/**
 * Chart specs: what TrendChart (and the compare view) pass to the browser (data-chart JSON), how the browser side
 * validates it, and the Chart.js configuration built from it. Pure, so the same code is unit-tested and shipped.
 *
 * Honest by construction: a year axis is a real one (every year from the first to the last, so 2019, 2021, 2023
 * are two years apart, not one), a year without a report or a value not read is a gap in the line (`spanGaps:
 * false`), never a joined segment or a 0; the tooltip gives the value, its unit and where it comes from.
 */
import type { ChartConfiguration, TooltipItem } from 'chart.js';
import { formatNumber, formatShare } from './format.ts';
import { csvLine } from './csv-line.ts';

/** Where a series' numbers come from, as the tooltip and the note say. */
export const SOURCES = ['表二', '表三', '表四', '正文'] as const;
export type Source = (typeof SOURCES)[number];

export interface SpecSeries {
  readonly key: string;
  readonly label: string;
  /** Where its numbers come from (表二/表三/表四/正文). */
  readonly source: Source;
  /** One per label; null when not read (a gap). */
  readonly values: ReadonlyArray<number | null>;
}

export interface ChartSpec {
  readonly kind: 'line' | 'bar' | 'stacked-bar';
  /** `year`: the labels are years and the axis spans every year between them; `category`: names. */
  readonly axis: 'year' | 'category';
  /** The rows of the table twin: years with a report (year axis), or agency names. */
  readonly labels: readonly string[];
  /** `件`, `条`, or `%` for a share (values are then fractions, 0.5 = 50%). */
  readonly unit: string;
  /** Bars along the vertical axis (many agencies on a phone). */
  readonly horizontal?: boolean;
  readonly series: readonly SpecSeries[];
}

/** Okabe–Ito hues, darkened so every mark has ≥ 4.5:1 contrast on white. */
export const PALETTE = ['#0b56a3', '#a34d00', '#1d6b2f', '#8e3b86', '#6f5a00', '#4a4f55'] as const;

/** Parses and checks a data-chart attribute; null when it is not a well-formed spec. */
export function parseChartSpec(json: string): ChartSpec | null {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const o = raw as Record<string, unknown>;
  if (typeof o['kind'] !== 'string' || !['line', 'bar', 'stacked-bar'].includes(o['kind'])) return null;
  if (o['axis'] !== 'year' && o['axis'] !== 'category') return null;
  if (typeof o['unit'] !== 'string') return null;
  if (!Array.isArray(o['labels']) || !o['labels'].every((l) => typeof l === 'string')) return null;
  if (o['axis'] === 'year' && !o['labels'].every((l) => /^\d{4}$/.test(l as string))) return null;
  if (!Array.isArray(o['series'])) return null;
  const n = o['labels'].length;
  for (const s of o['series'] as unknown[]) {
    if (typeof s !== 'object' || s === null) return null;
    const series = s as Record<string, unknown>;
    if (typeof series['label'] !== 'string' || !Array.isArray(series['values']) || series['values'].length !== n) return null;
    if (!SOURCES.includes(series['source'] as Source)) return null;
    if (!series['values'].every((v) => v === null || (typeof v === 'number' && Number.isFinite(v)))) return null;
  }
  return raw as ChartSpec;
}

/** A value with its unit as the page shows it: `1,234 件`, `85.7%`, `—`. */
export function formatValue(value: number | null | undefined, unit: string): string {
  if (unit === '%') return formatShare(value);
  const text = formatNumber(value);
  return value === null || value === undefined ? text : `${text} ${unit}`;
}

/** One sentence per label listing every series value, for the canvas's accessible name. */
export function chartSummary(spec: Pick<ChartSpec, 'labels' | 'series' | 'unit'>): string {
  return spec.labels
    .map((label, i) => `${label}：${spec.series.map((s) => `${s.label} ${formatValue(s.values[i] ?? null, spec.unit)}`).join('，')}`)
    .join('；');
}

/** Every year from the first label to the last, with each series' values in place and null where no report is. */
export interface YearAxis {
  readonly years: readonly number[];
  /** Years in the range without a report (without a row in the table). */
  readonly missing: readonly number[];
  /** Per series, one value per year of `years`. */
  readonly values: ReadonlyArray<ReadonlyArray<number | null>>;
}

export function yearAxis(spec: Pick<ChartSpec, 'labels' | 'series'>): YearAxis {
  const given = spec.labels.map(Number);
  if (given.length === 0) return { years: [], missing: [], values: spec.series.map(() => []) };
  const first = Math.min(...given);
  const last = Math.max(...given);
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const index = new Map(given.map((y, i) => [y, i]));
  return {
    years,
    missing: years.filter((y) => !index.has(y)),
    values: spec.series.map((s) => years.map((y) => (index.has(y) ? (s.values[index.get(y) ?? -1] ?? null) : null))),
  };
}

/** `2020、2022、2024`: consecutive years are kept apart, each named once. */
export function yearList(years: readonly number[]): string {
  return years.join('、');
}

/** The note under a year chart about the years it leaves blank; null when none is missing. */
export function gapNote(spec: Pick<ChartSpec, 'axis' | 'labels' | 'series'>): string | null {
  if (spec.axis !== 'year') return null;
  const { missing } = yearAxis(spec);
  return missing.length === 0 ? null : `${yearList(missing)} 年没有收录报告，图中该处断开（不是 0）。`;
}

/** The chart's numbers as CSV text (the table twin's rows), with a UTF-8 BOM so spreadsheet programs read it. */
export function chartCsv(spec: Pick<ChartSpec, 'labels' | 'series' | 'unit'>, axisLabel: string): string {
  const unit = spec.unit === '%' ? '（%）' : `（${spec.unit}）`;
  const header = csvLine([axisLabel, ...spec.series.map((s) => `${s.label}${unit}（来源：${s.source}）`)]);
  const value = (v: number | null | undefined): number | null => (v === null || v === undefined ? null : spec.unit === '%' ? Math.round(v * 10000) / 100 : v);
  const rows = spec.labels.map((label, i) => csvLine([label, ...spec.series.map((s) => value(s.values[i]))]));
  return `\uFEFF${[header, ...rows].join('\r\n')}\r\n`;
}

/** `data:` URL of a chart's CSV, for a download link that works without JavaScript. */
export function csvDataUrl(csv: string): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`;
}

/** The tooltip's lines for one point: `2021 年` / `新收申请：12 件（表三）`. */
export function tooltipTitle(spec: Pick<ChartSpec, 'axis'>, x: string | number): string {
  return spec.axis === 'year' ? `${x} 年` : String(x);
}
export function tooltipLabel(spec: Pick<ChartSpec, 'unit'>, series: Pick<SpecSeries, 'label' | 'source'>, value: number | null): string {
  return `${series.label}：${formatValue(value, spec.unit)}（来源：${series.source}）`;
}

export interface ConfigOptions {
  readonly animate: boolean;
  /** Chart.js's external tooltip handler (the browser side draws the tooltip as HTML); none in tests. */
  readonly external?: (context: unknown) => void;
}

type Config = ChartConfiguration<'line' | 'bar', Array<number | null | { x: number; y: number | null }>, string>;

/**
 * The Chart.js configuration of a spec. A year line chart is drawn on a linear axis with one tick per year; every
 * year in the range has a point (null where there is no report or no value), and `spanGaps: false` leaves the gap.
 */
export function chartConfig(spec: ChartSpec, options: ConfigOptions): Config {
  const stacked = spec.kind === 'stacked-bar';
  const type = spec.kind === 'line' ? 'line' : 'bar';
  const axis = spec.axis === 'year' ? yearAxis(spec) : null;
  const linear = axis !== null && type === 'line';
  const labels = axis ? axis.years.map(String) : [...spec.labels];
  const share = spec.unit === '%';
  const valueTick = (v: number | string): string => (share ? `${Math.round(Number(v) * 100)}%` : formatNumber(Number(v)));
  const horizontal = spec.horizontal === true;
  const valueAxis = horizontal ? 'x' : 'y';
  const indexAxis = horizontal ? 'y' : 'x';
  const tooltipSeries = (item: TooltipItem<'line' | 'bar'>): SpecSeries | undefined => spec.series[item.datasetIndex];
  const first = axis?.years[0] ?? 0;
  const last = axis?.years[axis.years.length - 1] ?? 0;
  return {
    type,
    data: {
      labels,
      datasets: spec.series.map((s, i) => {
        const color = PALETTE[i % PALETTE.length] ?? '#0b56a3';
        const values = axis ? (axis.values[i] ?? []) : s.values;
        return {
          label: s.label,
          data: linear && axis ? axis.years.map((year, j) => ({ x: year, y: values[j] ?? null })) : [...values],
          borderColor: color,
          backgroundColor: color,
          borderWidth: 2,
          pointRadius: 4,
          pointHoverRadius: 6,
          // Points on the first and last year sit on the plot's edge: draw them whole.
          clip: 8,
          spanGaps: false,
        };
      }),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: options.animate ? {} : false,
      indexAxis,
      layout: { padding: { left: 8, right: 16 } },
      interaction: { mode: 'nearest', intersect: false, axis: indexAxis },
      plugins: {
        legend: { display: spec.series.length > 1, position: 'bottom' },
        tooltip: {
          enabled: options.external === undefined,
          ...(options.external ? { external: options.external as never } : {}),
          callbacks: {
            title: (items) => tooltipTitle(spec, linear ? Number(items[0]?.parsed.x) : (items[0]?.label ?? '')),
            label: (item) => {
              const s = tooltipSeries(item);
              const v = horizontal ? item.parsed.x : item.parsed.y;
              return s ? tooltipLabel(spec, s, v ?? null) : '';
            },
          },
        },
      },
      // The unit is in the chart's heading (a rotated CJK axis title reads badly).
      scales: {
        [indexAxis]: linear
          ? {
              type: 'linear',
              min: first === last ? first - 1 : first,
              max: first === last ? last + 1 : last,
              offset: false,
              afterBuildTicks: (scale: { ticks: Array<{ value: number }> }) => {
                scale.ticks = (axis?.years ?? []).map((value) => ({ value }));
              },
              ticks: { autoSkip: false, maxRotation: 0, callback: (v: number | string) => String(v) },
            }
          : { type: 'category', stacked, offset: true, ticks: { autoSkip: !horizontal, maxRotation: 0 } },
        [valueAxis]: {
          type: 'linear',
          stacked,
          beginAtZero: true,
          ...(share ? { max: 1 } : {}),
          ticks: { precision: share ? 2 : 0, callback: valueTick },
        },
      },
    },
  } as Config;
}
