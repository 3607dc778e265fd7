/**
 * The HTML of one statutory table (表二/表三/表四) in the official layout, as a string (src/components/StatTable.astro
 * puts it on the page). Built here rather than element by element in the template because a
 * report page holds some 250 cells, and at tens of thousands of reports the per-element cost of component
 * rendering was the largest part of the site build. The header rows depend only on template and table, so each
 * table is compiled once into static HTML around its value cells.
 *
 * Every text and attribute is escaped (printed values and correction reasons are untrusted; src/lib/html.ts). The
 * markup is pinned by golden files, each template × plain / corrected / inferred / blank / anomaly
 * (tests/lib/table-golden.test.ts, tests/output/tables/).
 */
import type { ReportRecord, TableId, TemplateId } from '../schema/record.ts';
import { attr, escapeHtml } from './html.ts';
import { lineAnchor } from './paths.ts';
import { cellView, tableModel, type ModelCell, type ValueCell } from './tables.ts';

const span = (n: number): number | undefined => (n > 1 ? n : undefined);

function headerCellHtml(cell: Exclude<ModelCell, ValueCell>, inBody: boolean, short: (id: string) => string): string {
  if (cell.kind === 'th') {
    return `<th${attr('id', short(cell.id))}${attr('scope', cell.scope)}${attr('colspan', span(cell.colspan))}${attr('rowspan', span(cell.rowspan))}${attr('data-row', cell.row)}${attr('data-col', cell.col)}>${escapeHtml(cell.text)}</th>`;
  }
  return inBody
    ? `<td class="corner">${escapeHtml(cell.text)}</td>`
    : `<td class="corner"${attr('colspan', span(cell.colspan))}${attr('rowspan', span(cell.rowspan))}>${escapeHtml(cell.text)}</td>`;
}

interface Compiled {
  /** Static HTML before each value cell, and after the last (one more than `cells`). */
  readonly parts: readonly string[];
  readonly cells: readonly ValueCell[];
}

const compiled = new Map<string, Compiled>();

function compile(template: TemplateId, table: TableId): Compiled {
  const key = `${template}/${table}`;
  const hit = compiled.get(key);
  if (hit) return hit;
  const model = tableModel(template, table);
  const captionId = `${table}-caption`;
  // Header ids on the page are short (t3-h12): a value cell lists every header that describes it (up to five), and
  // the model's descriptive ids (t3-rg-2-0 t3-rg-4-1 t3-r-denied.stateSecret t3-cg-applicant t3-c-naturalPerson)
  // made those lists a fifth of a report page. The row and column ids stay on the header cells (data-row, data-col).
  const prefix = { proactive: 't2', requests: 't3', review: 't4' }[table];
  const ids = new Map<string, string>();
  const short = (id: string): string => {
    let s = ids.get(id);
    if (s === undefined) {
      s = `${prefix}-h${ids.size + 1}`;
      ids.set(id, s);
    }
    return s;
  };
  const parts: string[] = [];
  const cells: ValueCell[] = [];
  let html =
    `<section${attr('id', `table-${table}`)}${attr('aria-labelledby', `${table}-title`)}>` +
    `<h2${attr('id', `${table}-title`)}>${escapeHtml(model.number)} ${escapeHtml(model.title)}</h2>` +
    `<div class="table-scroll" role="region"${attr('aria-labelledby', captionId)} tabindex="0">` +
    `<table${attr('class', `official ${table}`)}><caption${attr('id', captionId)}>${escapeHtml(model.number)} ${escapeHtml(model.title)}</caption>`;
  if (model.head.length > 0) {
    html += '<thead>';
    for (const row of model.head) {
      html += '<tr>';
      for (const cell of row) if (cell.kind !== 'td') html += headerCellHtml(cell, false, short);
      html += '</tr>';
    }
    html += '</thead>';
  }
  for (const body of model.bodies) {
    html += '<tbody>';
    for (const row of body) {
      html += '<tr>';
      for (const cell of row) {
        if (cell.kind === 'td') {
          parts.push(html);
          cells.push({ ...cell, headers: cell.headers.map(short) });
          html = '';
        } else {
          html += headerCellHtml(cell, true, short);
        }
      }
      html += '</tr>';
    }
    html += '</tbody>';
  }
  parts.push(`${html}</table></div></section>`);
  const out = { parts, cells };
  compiled.set(key, out);
  return out;
}

type Correction = NonNullable<ReportRecord['corrections']>[number];

function valueCellHtml(record: Pick<ReportRecord, 'tables' | 'provenance'>, cell: ValueCell, fix: number | undefined, fixed: Correction | undefined): string {
  const v = cellView(record, cell.ref);
  const classes = [v.inferred && 'inferred', v.value === null && 'empty', fix !== undefined && 'corrected'].filter(Boolean).join(' ');
  // The number as printed; in a <data value> only when the printed form is not the plain value (1,234 for 1234):
  // most cells read 0, and 200 <data> wrappers repeating the text were 8% of a report page.
  const shown =
    v.value === null
      ? '<span class="missing" title="未读取到数值">—</span>'
      : v.text === String(v.value)
        ? escapeHtml(v.text)
        : `<data${attr('value', String(v.value))}>${escapeHtml(v.text)}</data>`;
  const mark = v.inferred ? '<span class="mark">推</span>' : '';
  let html = `<td${attr('headers', cell.headers.join(' '))}${attr('colspan', span(cell.colspan))}${classes ? attr('class', classes) : ''}>`;
  html +=
    v.line !== null
      ? // The link names its line (#L28, and the legend above the tables says where numbers lead); a title only when
        // the number was printed otherwise (印作“1,234件”), as 200 titles repeating the line number were 8% of a page.
        `<a${attr('href', `#${lineAnchor(v.line)}`)}${v.raw !== null ? attr('title', `原文第 ${v.line} 行，印作“${v.raw}”`) : ''}>${shown}${mark}</a>`
      : `${shown}${mark}`;
  if (v.value === null && v.raw !== null) html += `<span class="raw">原文：${escapeHtml(v.raw)}</span>`;
  if (fix !== undefined && fixed !== undefined) {
    const printed = String(fixed.printed ?? '空');
    const title = `维护者更正：原文 ${printed}，更正为 ${String(fixed.corrected ?? '空')}。理由：${fixed.reason}`;
    html += `<a class="fix"${attr('href', `#correction-${fix}`)}${attr('title', title)}><span class="mark">改</span><span class="raw">原文 ${escapeHtml(printed)}</span></a>`;
  }
  return `${html}</td>`;
}

/** The table's <section>: heading, scrollable region, <table> with every cell linked to its source line. */
export function statTableHtml(record: Pick<ReportRecord, 'template' | 'tables' | 'provenance' | 'corrections'>, table: TableId): string {
  const { parts, cells } = compile(record.template, table);
  /** Corrected cells → their footnote number on the page's 维护者更正 list (1-based), and the correction. */
  const fixes = new Map<string, [number, Correction]>();
  (record.corrections ?? []).forEach((c, i) => {
    if (c.cell !== undefined) fixes.set(c.cell, [i + 1, c]);
  });
  let html = parts[0] ?? '';
  cells.forEach((cell, i) => {
    const fix = fixes.get(cell.ref.key);
    html += valueCellHtml(record, cell, fix?.[0], fix?.[1]) + (parts[i + 1] ?? '');
  });
  return html;
}
