import { describe, expect, test } from 'vitest';
import { chartConfig, chartSummary, parseChartSpec, type ChartSpec } from '../../src/lib/chart-spec.ts';

const spec: ChartSpec = {
  kind: 'stacked-bar',
  labels: ['2020', '2021'],
  unit: '件',
  series: [
    { key: 'granted', label: '予以公开', values: [3, null] },
    { key: 'denied', label: '不予公开', values: [1, 2] },
  ],
};

describe('chart specs', () => {
  test('round-trip through the data attribute', () => {
    expect(parseChartSpec(JSON.stringify(spec))).toEqual(spec);
  });

  test('reject malformed or mismatched data', () => {
    expect(parseChartSpec('not json')).toBeNull();
    expect(parseChartSpec(JSON.stringify({ ...spec, kind: 'pie' }))).toBeNull();
    expect(parseChartSpec(JSON.stringify({ ...spec, series: [{ label: 'x', values: [1] }] }))).toBeNull();
    expect(parseChartSpec(JSON.stringify({ ...spec, series: [{ label: 'x', values: ['1', 2] }] }))).toBeNull();
  });

  test('summarise every value in words for the canvas label', () => {
    expect(chartSummary(spec)).toBe('2020：予以公开 3，不予公开 1；2021：予以公开 —，不予公开 2');
  });

  test('stack bars for an outcome mix and keep gaps for missing values', () => {
    const config = chartConfig(spec, { animate: false });
    expect(config.type).toBe('bar');
    expect(config.options?.scales?.['x']?.stacked).toBe(true);
    expect(config.data.datasets[0]?.data).toEqual([3, null]);
    expect(config.options?.animation).toBe(false);
    expect(config.options?.scales?.['x']?.offset).toBe(true);
  });

  test('draw a line chart for a trend', () => {
    expect(chartConfig({ ...spec, kind: 'line' }, { animate: true }).type).toBe('line');
  });
});
