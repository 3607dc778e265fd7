/**
 * CSV open data: one row per table cell, RFC 4180 quoting, CRLF line ends, a UTF-8 BOM at the start of each file
 * (so spreadsheet programs read the Chinese). Each id stands beside its printed Chinese label: the agency's code and
 * name, the table's id and number (表三), the row's and the column's ids and labels as the statutory template prints
 * them (src/schema/template.ts). The codebook (CODEBOOK_COLUMNS) maps every id of both templates to its label.
 * Built as an array of lines joined once, so a portal of thousands of reports stays linear.
 */
import type { ReportRecord } from '../schema/record.ts';
import { templateCells, type CellRef } from './template.ts';
import { tableIds, type TemplateId } from '../schema/record.ts';
import { columnLabel, rowLabel, TABLE_NUMBER, TEMPLATES } from '../schema/template.ts';
import { plainNumber } from './format.ts';
import { csvLine } from './csv-line.ts';

export const CELL_COLUMNS = ['agency', 'agency_name', 'year', 'template', 'table', 'table_label', 'row', 'row_label', 'column', 'column_label', 'value'] as const;

/** What each CSV column holds, in Chinese (the /data/ page and the codebook). */
export const CELL_COLUMN_LABELS: Readonly<Record<(typeof CELL_COLUMNS)[number], string>> = {
  agency: '机构代码（与网址一致）',
  agency_name: '机构名称',
  year: '报告年度（0 为年份不详）',
  template: '表格模板（2019 或 2021 版）',
  table: '表格代码',
  table_label: '表格（表二、表三、表四）',
  row: '行代码',
  row_label: '行名（按模板印出的文字，含所属分组）',
  column: '列代码',
  column_label: '列名（按模板印出的文字）',
  value: '数值（空白表示未读取到，不是 0）',
};

/** The byte order mark that starts every CSV file. */
export const BOM = '\uFEFF';

/** The header line of a cells CSV, with the BOM (the start of a file). */
export function cellsHeader(): string {
  return `${BOM}${csvLine([...CELL_COLUMNS])}\r\n`;
}

/** The `table,table_label,row,row_label,column,column_label` fields of a cell. */
function cellFields(template: TemplateId, ref: Pick<CellRef, 'table' | 'row' | 'column'>): string {
  return csvLine([
    ref.table,
    TABLE_NUMBER[ref.table],
    ref.row,
    rowLabel(template, ref.table, ref.row, true) ?? '',
    ref.column,
    columnLabel(template, ref.table, ref.row, ref.column) ?? '',
  ]);
}

export const CODEBOOK_COLUMNS = ['template', 'table', 'table_label', 'kind', 'id', 'label', 'row_group'] as const;

/**
 * The codebook: every table, row, column and group id of both templates with its printed label (`kind` is
 * table, group, row or column; `row_group` names a 表二 row's group, whose columns it has). With the BOM and header.
 */
export function codebookCsv(): string {
  const lines: string[] = [csvLine([...CODEBOOK_COLUMNS])];
  for (const template of Object.keys(TEMPLATES) as TemplateId[]) {
    const t = TEMPLATES[template];
    lines.push(csvLine([template, 'proactive', TABLE_NUMBER.proactive, 'table', 'proactive', t.proactive.title, '']));
    for (const g of t.proactive.groups) {
      lines.push(csvLine([template, 'proactive', TABLE_NUMBER.proactive, 'group', g.id, g.label, '']));
      for (const r of g.rows) lines.push(csvLine([template, 'proactive', TABLE_NUMBER.proactive, 'row', r.id, r.label, g.id]));
      for (const c of g.columns) lines.push(csvLine([template, 'proactive', TABLE_NUMBER.proactive, 'column', c.id, c.label, g.id]));
    }
    for (const table of ['requests', 'review'] as const) {
      lines.push(csvLine([template, table, TABLE_NUMBER[table], 'table', table, t[table].title, '']));
      for (const r of t[table].rows) lines.push(csvLine([template, table, TABLE_NUMBER[table], 'row', r.id, r.label.replace(/ \/ /g, ' '), '']));
      for (const c of t[table].columns) lines.push(csvLine([template, table, TABLE_NUMBER[table], 'column', c.id, c.label, '']));
    }
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

export { csvField, csvLine } from './csv-line.ts';

/** Per template: its cells in official order, their keys, and each cell's id and label CSV fields. */
interface TemplateCsv {
  readonly refs: readonly CellRef[];
  readonly keys: ReadonlySet<string>;
  readonly fields: readonly string[];
}
const templateCsv = new Map<string, TemplateCsv>();

function csvOfTemplate(template: ReportRecord['template']): TemplateCsv {
  let t = templateCsv.get(template);
  if (!t) {
    const refs = templateCells(template);
    t = { refs, keys: new Set(refs.map((r) => r.key)), fields: refs.map((r) => cellFields(template, r)) };
    templateCsv.set(template, t);
  }
  return t;
}

/** Cells a record carries outside its template, in table, row, column order of appearance. */
function extraCellRefs(record: Pick<ReportRecord, 'template' | 'tables'>, known: ReadonlySet<string>): CellRef[] {
  const extra: CellRef[] = [];
  const seen = new Set<string>();
  for (const table of tableIds) {
    const rows = record.tables[table];
    for (const row in rows) {
      const cols = rows[row];
      for (const column in cols) {
        const key = `${table}/${row}/${column}`;
        if (!known.has(key) && !seen.has(key)) {
          seen.add(key);
          extra.push({ table, row, column, key });
        }
      }
    }
  }
  return extra;
}

/**
 * Every cell of a record: the template's cells in official order (null when unread), then any extra cells the
 * record carries outside the template.
 */
export function recordCellRefs(record: Pick<ReportRecord, 'template' | 'tables'>): CellRef[] {
  const t = csvOfTemplate(record.template);
  return [...t.refs, ...extraCellRefs(record, t.keys)];
}

/** A cell value as a CSV field (the fast path of csvField for the number-or-null of a table): every digit, no exponent. */
function valueField(value: number | null | undefined): string {
  return typeof value === 'number' ? (Number.isFinite(value) ? plainNumber(value) : '') : '';
}

/** CSV lines (no header) of one record's cells. */
export function recordCellLines(record: Pick<ReportRecord, 'template' | 'tables' | 'agency' | 'year'>): string[] {
  const t = csvOfTemplate(record.template);
  const prefix = `${csvLine([record.agency.slug, record.agency.name ?? '', record.year ?? 0, record.template])},`;
  const lines: string[] = [];
  t.refs.forEach((ref, i) => {
    lines.push(`${prefix}${t.fields[i]},${valueField(record.tables[ref.table][ref.row]?.[ref.column])}`);
  });
  for (const ref of extraCellRefs(record, t.keys)) {
    lines.push(`${prefix}${cellFields(record.template, ref)},${valueField(record.tables[ref.table][ref.row]?.[ref.column])}`);
  }
  return lines;
}
