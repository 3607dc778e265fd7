/**
 * Chart specs: what TrendChart passes to the browser (data-chart JSON), how the browser side validates it, and
 * the Chart.js configuration built from it. Pure, so the same code is unit-tested and shipped.
 */
import type { ChartConfiguration } from 'chart.js';
import { formatNumber } from './format.ts';

export interface ChartSpec {
  readonly kind: 'line' | 'bar' | 'stacked-bar';
  readonly labels: readonly string[];
  readonly unit: string;
  readonly series: ReadonlyArray<{ readonly key: string; readonly label: string; readonly values: ReadonlyArray<number | null> }>;
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
  const kinds = ['line', 'bar', 'stacked-bar'];
  if (typeof o['kind'] !== 'string' || !kinds.includes(o['kind'])) return null;
  if (!Array.isArray(o['labels']) || !o['labels'].every((l) => typeof l === 'string')) return null;
  if (!Array.isArray(o['series'])) return null;
  const n = o['labels'].length;
  for (const s of o['series'] as unknown[]) {
    if (typeof s !== 'object' || s === null) return null;
    const series = s as Record<string, unknown>;
    if (typeof series['label'] !== 'string' || !Array.isArray(series['values']) || series['values'].length !== n) return null;
    if (!series['values'].every((v) => v === null || (typeof v === 'number' && Number.isFinite(v)))) return null;
  }
  return raw as ChartSpec;
}

/** One sentence per label listing every series value, for the canvas's accessible name. */
export function chartSummary(spec: Pick<ChartSpec, 'labels' | 'series' | 'unit'>): string {
  return spec.labels
    .map((label, i) => `${label}：${spec.series.map((s) => `${s.label} ${formatNumber(s.values[i] ?? null)}`).join('，')}`)
    .join('；');
}

/** The Chart.js configuration of a spec: gaps for missing values, no animation when motion is reduced. */
export function chartConfig(spec: ChartSpec, options: { animate: boolean }): ChartConfiguration<'line' | 'bar', Array<number | null>, string> {
  const stacked = spec.kind === 'stacked-bar';
  const type = spec.kind === 'line' ? 'line' : 'bar';
  return {
    type,
    data: {
      labels: [...spec.labels],
      datasets: spec.series.map((s, i) => {
        const color = PALETTE[i % PALETTE.length] ?? '#0b56a3';
        return {
          label: s.label,
          data: [...s.values],
          borderColor: color,
          backgroundColor: color,
          borderWidth: 2,
          pointRadius: 4,
          spanGaps: false,
        };
      }),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: options.animate ? {} : false,
      plugins: { legend: { display: spec.series.length > 1, position: 'bottom' } },
      // The unit is in the chart's heading (a rotated CJK axis title reads badly); categories are centred.
      scales: {
        x: { stacked, offset: true },
        y: { stacked, beginAtZero: true, ticks: { precision: 0 } },
      },
    },
  };
}
