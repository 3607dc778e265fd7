/**
 * Browser side of TrendChart and the compare view: draws [data-chart] elements with Chart.js. Only the controllers,
 * elements, scales and plugins used here are registered (tree-shaken; never 'chart.js/auto'). The tooltip is HTML
 * (text only, never markup from the data), placed at the hovered point; each drawn chart offers itself as PNG.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type Plugin,
  type TooltipModel,
} from 'chart.js';
import { chartConfig, parseChartSpec, type ChartSpec } from '../lib/chart-spec.ts';

Chart.register(LineController, LineElement, PointElement, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** Paints the canvas white under the chart, so the PNG download is not transparent. */
const whiteBackground: Plugin = {
  id: 'nianbao-white-background',
  beforeDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

/** Draws the tooltip as an HTML box inside the chart's host (textContent only). */
function htmlTooltip(host: HTMLElement): (context: unknown) => void {
  const box = document.createElement('div');
  box.className = 'chart-tooltip';
  box.hidden = true;
  host.append(box);
  return (context: unknown) => {
    const { tooltip } = context as { tooltip: TooltipModel<'line' | 'bar'> };
    if (tooltip.opacity === 0 || tooltip.dataPoints.length === 0) {
      box.hidden = true;
      return;
    }
    const title = document.createElement('strong');
    title.textContent = tooltip.title.join(' ');
    const lines = tooltip.body.flatMap((b) => b.lines).map((line) => {
      const p = document.createElement('span');
      p.textContent = line;
      return p;
    });
    box.replaceChildren(title, ...lines);
    box.hidden = false;
    box.dataset['caretX'] = String(tooltip.caretX);
    box.dataset['caretY'] = String(tooltip.caretY);
    const left = Math.min(Math.max(tooltip.caretX + 12, 0), Math.max(0, host.clientWidth - box.offsetWidth));
    box.style.left = `${left}px`;
    box.style.top = `${Math.max(0, tooltip.caretY - box.offsetHeight - 8)}px`;
  };
}

/** Adds a 下载本图（PNG） button to the chart's download list. */
function pngButton(host: HTMLElement, chart: Chart): void {
  const list = host.closest('figure, .compare-chart')?.querySelector('.chart-downloads');
  if (!list || list.querySelector('.png-download')) return;
  const item = document.createElement('li');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'png-download link-button';
  button.textContent = '下载本图（PNG 图片）';
  button.addEventListener('click', () => {
    const a = document.createElement('a');
    a.href = chart.toBase64Image('image/png', 1);
    a.download = `${host.dataset['file'] || '图表'}.png`;
    document.body.append(a);
    a.click();
    a.remove();
  });
  item.append(button);
  list.append(item);
}

/** Draws (or redraws) one chart into `host` from a spec. */
export function drawChart(host: HTMLElement, spec: ChartSpec, label: string): Chart {
  Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
  Chart.defaults.color = '#4f5862';
  Chart.getChart(host.querySelector('canvas') ?? '')?.destroy();
  host.replaceChildren();
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', label);
  host.append(canvas);
  const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const config = chartConfig(spec, { animate: !reduced, external: htmlTooltip(host) });
  const chart = new Chart(canvas, { ...config, plugins: [whiteBackground] } as never);
  host.dataset['drawn'] = 'true';
  pngButton(host, chart);
  return chart;
}

export function renderCharts(): void {
  for (const host of document.querySelectorAll<HTMLElement>('[data-chart]')) {
    if (host.querySelector('canvas')) continue;
    const spec = parseChartSpec(host.dataset['chart'] ?? '');
    if (!spec) continue;
    drawChart(host, spec, host.dataset['label'] ?? '');
  }
}
