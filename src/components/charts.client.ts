/**
 * Browser side of TrendChart: draws every [data-chart] element with Chart.js. Only the controllers, elements and
 * scales used here are registered (tree-shaken; never 'chart.js/auto').
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement } from 'chart.js';
import { chartConfig, parseChartSpec } from '../lib/chart-spec.ts';

Chart.register(LineController, LineElement, PointElement, BarController, BarElement, CategoryScale, LinearScale, Legend);

export function renderCharts(): void {
  Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
  Chart.defaults.color = '#4f5862';
  for (const host of document.querySelectorAll<HTMLElement>('[data-chart]')) {
    if (host.querySelector('canvas')) continue;
    const spec = parseChartSpec(host.dataset['chart'] ?? '');
    if (!spec) continue;
    const canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', host.dataset['label'] ?? '');
    host.append(canvas);
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    new Chart(canvas, chartConfig(spec, { animate: !reduced }) as never);
  }
}
