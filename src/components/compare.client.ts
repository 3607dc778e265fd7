/**
 * Browser side of /compare/: reads /compare/data.json, keeps the form and the URL in step (pushState on every
 * choice, popstate restores one, so links and the back button reproduce a view) and draws the selection: chart
 * (charts.client.ts), table and CSV, all computed by src/lib/compare.ts. Text goes in as textContent only.
 */
import { drawChart } from './charts.client.ts';
import { chartSummary, csvDataUrl, gapNote } from '../lib/chart-spec.ts';
import { filterAgencies, MAX_AGENCIES, parseQuery, selectionCsv, selectionSpec, selectionTable, SMALL, toQuery, type CompareData, type CompareState } from '../lib/compare.ts';

const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing`);
  return el as T;
};

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

export async function enhanceCompare(): Promise<void> {
  const form = $<HTMLFormElement>('compare-form');
  const message = $('compare-message');
  let data: CompareData;
  try {
    const res = await fetch(form.dataset['data'] ?? '');
    data = (await res.json()) as CompareData;
  } catch {
    message.textContent = '比较数据未能加载，请刷新页面重试。';
    return;
  }
  const select = $<HTMLSelectElement>('compare-measure');
  const boxes = [...form.querySelectorAll<HTMLInputElement>('input[name="a"]')];
  const items = boxes.map((box) => ({ box, li: box.closest('li') as HTMLLIElement }));
  const filter = $<HTMLInputElement>('agency-filter');
  const status = $('agency-filter-status');
  const result = $('compare-result');
  let state: CompareState = parseQuery(location.search, data);

  const apply = (s: CompareState): void => {
    select.value = s.measure;
    for (const b of boxes) b.checked = s.agencies.includes(b.value);
  };

  /** The form's choice; agencies keep the order they were picked in. */
  const read = (): CompareState => {
    const checked = boxes.filter((b) => b.checked).map((b) => b.value);
    const kept = state.agencies.filter((a) => checked.includes(a));
    return { measure: select.value, agencies: [...kept, ...checked.filter((a) => !kept.includes(a))] };
  };

  const render = (s: CompareState): void => {
    const t = selectionTable(data, s);
    if (!t || t.agencies.length === 0) {
      result.hidden = true;
      message.textContent = '请在上面选择至少一个机构。';
      return;
    }
    message.textContent = '';
    result.hidden = false;
    const unit = t.measure.unit === '%' ? '占比' : `单位：${t.measure.unit}`;
    $('compare-title').textContent = `${t.measure.label}（${unit}）：${t.agencies.map((a) => a.name).join('、')}`;
    const spec = selectionSpec(t);
    const canvasHost = $('compare-canvas');
    const drawable = spec.series.some((x) => x.values.some((v) => v !== null));
    if (drawable) drawChart(canvasHost, spec, `${t.measure.label}（${unit}）。${chartSummary(spec)}`);
    else {
      canvasHost.replaceChildren();
      delete canvasHost.dataset['drawn'];
    }
    const notes = [
      `数字取自各年报告的${t.measure.source}（算法见“关于”页的指标说明）。`,
      drawable ? '' : '所选机构的报告中都没有读取到这一指标，无图可画。',
      gapNote(spec) ?? '',
      t.measure.kind === 'rate' ? `占比后括号内为分子/分母；分母小于 ${SMALL} 的标为“分母较小”，波动大，不宜比较。` : '',
    ];
    $('compare-note').textContent = notes.filter(Boolean).join(' ');
    const csv = $<HTMLAnchorElement>('compare-csv');
    csv.href = csvDataUrl(selectionCsv(t));
    csv.download = `比较-${t.measure.label}.csv`;
    const table = $<HTMLTableElement>('compare-table');
    $('compare-caption').textContent = `${t.measure.label}（${unit}）数据表`;
    const head = el('tr');
    head.append(el('th', '年度', { scope: 'col' }), ...t.agencies.map((a) => el('th', a.name, { scope: 'col' })));
    table.tHead?.replaceChildren(head);
    const body = t.years.map((year, i) => {
      const tr = el('tr');
      tr.append(el('th', String(year), { scope: 'row' }));
      for (const c of t.rows[i] ?? []) {
        const td = el('td', c.text);
        if (!c.reported) td.className = 'missing';
        if (c.small) {
          td.className = 'small-denominator';
          td.append(' ', el('span', '分母较小', { class: 'mark' }));
        }
        tr.append(td);
      }
      return tr;
    });
    table.tBodies[0]?.replaceChildren(...body);
  };

  const choose = (): void => {
    let next = read();
    if (next.agencies.length > MAX_AGENCIES) {
      next = { ...next, agencies: next.agencies.slice(0, MAX_AGENCIES) };
      apply(next);
      message.textContent = `最多同时比较 ${MAX_AGENCIES} 个机构。`;
    }
    state = next;
    const query = toQuery(state);
    if (query !== location.search) history.pushState(null, '', query);
    render(state);
  };

  const narrow = (): void => {
    const candidates = items.map((x) => ({ name: x.li.dataset['name'] ?? '', region: x.li.dataset['region'] ?? '', level: x.li.dataset['level'] ?? '', x }));
    const shown = new Set(filterAgencies(candidates, filter.value).map((a) => a.x));
    for (const x of items) x.li.hidden = !shown.has(x) && !x.box.checked;
    status.textContent = filter.value.trim() ? `符合条件的机构 ${shown.size} 个（已选的始终显示）` : '';
  };

  form.addEventListener('change', (e) => {
    if (e.target !== filter) choose();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    choose();
  });
  filter.addEventListener('input', narrow);
  window.addEventListener('popstate', () => {
    state = parseQuery(location.search, data);
    apply(state);
    render(state);
  });
  apply(state);
  render(state);
}
