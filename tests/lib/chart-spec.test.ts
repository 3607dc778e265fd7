import { describe, expect, test } from 'vitest';
import { chartConfig, chartCsv, chartSummary, csvDataUrl, gapNote, parseChartSpec, tooltipLabel, tooltipTitle, yearAxis, type ChartSpec } from '../../src/lib/chart-spec.ts';

const spec: ChartSpec = {
  kind: 'stacked-bar',
  axis: 'year',
  labels: ['2020', '2021'],
  unit: '件',
  series: [
    { key: 'granted', label: '予以公开', source: '表三', values: [3, null] },
    { key: 'denied', label: '不予公开', source: '表三', values: [1, 2] },
  ],
};
/** 平潭's years: a report every other year. */
const gappy: ChartSpec = {
  kind: 'line',
  axis: 'year',
  labels: ['2019', '2021', '2023', '2025'],
  unit: '件',
  series: [{ key: 'newReceived', label: '新收申请', source: '表三', values: [5, 7, null, 9] }],
};

describe('chart specs', () => {
  test('round-trip through the data attribute', () => {
    expect(parseChartSpec(JSON.stringify(spec))).toEqual(spec);
  });

  test('reject malformed or mismatched data', () => {
    expect(parseChartSpec('not json')).toBeNull();
    expect(parseChartSpec(JSON.stringify({ ...spec, kind: 'pie' }))).toBeNull();
    expect(parseChartSpec(JSON.stringify({ ...spec, axis: 'time' }))).toBeNull();
    expect(parseChartSpec(JSON.stringify({ ...spec, labels: ['甲', '乙'] }))).toBeNull();
    expect(parseChartSpec(JSON.stringify({ ...spec, series: [{ label: 'x', source: '表三', values: [1] }] }))).toBeNull();
    expect(parseChartSpec(JSON.stringify({ ...spec, series: [{ label: 'x', source: '表三', values: ['1', 2] }] }))).toBeNull();
    expect(parseChartSpec(JSON.stringify({ ...spec, series: [{ label: 'x', source: 'table', values: [1, 2] }] }))).toBeNull();
  });

  test('summarise every value in words for the canvas label', () => {
    expect(chartSummary(spec)).toBe('2020：予以公开 3 件，不予公开 1 件；2021：予以公开 —，不予公开 2 件');
  });

  test('stack bars for an outcome mix and keep gaps for missing values', () => {
    const config = chartConfig(spec, { animate: false });
    expect(config.type).toBe('bar');
    expect(config.options?.scales?.['x']?.stacked).toBe(true);
    expect(config.data.datasets[0]?.data).toEqual([3, null]);
    expect(config.options?.animation).toBe(false);
  });
});

describe('a real year axis', () => {
  test('spans every year between the first and the last, null where no report is', () => {
    const axis = yearAxis(gappy);
    expect(axis.years).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(axis.missing).toEqual([2020, 2022, 2024]);
    expect(axis.values[0]).toEqual([5, null, 7, null, null, null, 9]);
  });

  test('a line chart is drawn on a linear axis, one point per year, gaps not spanned', () => {
    const config = chartConfig(gappy, { animate: true });
    expect(config.type).toBe('line');
    const x = config.options?.scales?.['x'] as { type: string; min: number; max: number; afterBuildTicks: (s: { ticks: Array<{ value: number }> }) => void };
    expect(x.type).toBe('linear');
    expect([x.min, x.max]).toEqual([2019, 2025]);
    const scale = { ticks: [] as Array<{ value: number }> };
    x.afterBuildTicks(scale);
    expect(scale.ticks.map((t) => t.value)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    const dataset = config.data.datasets[0] as { data: Array<{ x: number; y: number | null }>; spanGaps: boolean };
    expect(dataset.spanGaps).toBe(false);
    expect(dataset.data).toEqual([
      { x: 2019, y: 5 },
      { x: 2020, y: null },
      { x: 2021, y: 7 },
      { x: 2022, y: null },
      { x: 2023, y: null },
      { x: 2024, y: null },
      { x: 2025, y: 9 },
    ]);
  });

  test('bars over years keep an empty slot for each missing year', () => {
    const config = chartConfig({ ...gappy, kind: 'stacked-bar' }, { animate: false });
    expect(config.data.labels).toEqual(['2019', '2020', '2021', '2022', '2023', '2024', '2025']);
    expect(config.data.datasets[0]?.data).toEqual([5, null, 7, null, null, null, 9]);
  });

  test('the note names the missing years; none when every year is there', () => {
    expect(gapNote(gappy)).toBe('2020、2022、2024 年没有收录报告，图中该处断开（不是 0）。');
    expect(gapNote(spec)).toBeNull();
    expect(gapNote({ ...gappy, axis: 'category', labels: ['甲', '乙', '丙', '丁'] })).toBeNull();
  });
});

describe('tooltips, CSV and phones', () => {
  test('the tooltip gives the year, the value with its unit and its source', () => {
    expect(tooltipTitle(gappy, 2021)).toBe('2021 年');
    expect(tooltipLabel(gappy, gappy.series[0]!, 1234)).toBe('新收申请：1,234 件（来源：表三）');
    expect(tooltipLabel({ unit: '%' }, { label: '予以公开率', source: '表三' }, 0.857)).toBe('予以公开率：85.7%（来源：表三）');
    const config = chartConfig(gappy, { animate: false });
    expect(config.options?.plugins?.tooltip?.enabled).toBe(true);
    const external = (): void => undefined;
    const withHtml = chartConfig(gappy, { animate: false, external });
    expect(withHtml.options?.plugins?.tooltip?.enabled).toBe(false);
    expect(withHtml.options?.plugins?.tooltip?.external).toBe(external);
  });

  test('the CSV is the table twin’s rows, with a BOM, the unit and the source in the header', () => {
    const csv = chartCsv(gappy, '年度');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual(['年度,新收申请（件）（来源：表三）', '2019,5', '2021,7', '2023,', '2025,9', '']);
    expect(chartCsv({ ...gappy, unit: '%', series: [{ ...gappy.series[0]!, values: [0.5, 0.12345, null, 1] }] }, '年度')).toContain('2021,12.35');
    expect(decodeURIComponent(csvDataUrl(csv).replace(/^data:text\/csv;charset=utf-8,/, ''))).toBe(csv);
  });

  test('many agencies are drawn as horizontal bars', () => {
    const config = chartConfig({ ...spec, axis: 'category', labels: ['甲', '乙'], horizontal: true }, { animate: false });
    expect(config.options?.indexAxis).toBe('y');
    expect((config.options?.scales?.['y'] as { type: string }).type).toBe('category');
  });
});
