/**
 * CSV open data: one row per table cell (agency, year, table, row, column, value), RFC 4180 quoting, CRLF line ends.
 * Built as an array of lines joined once, so a portal of thousands of reports stays linear.
 */
import type { ReportRecord } from '../schema/record.ts';
import { templateCells, type CellRef } from './template.ts';
import { tableIds } from '../schema/record.ts';
import { plainNumber } from './format.ts';
import { csvLine } from './csv-line.ts';

export const CELL_COLUMNS = ['agency', 'year', 'table', 'row', 'column', 'value'] as const;

export { csvField, csvLine } from './csv-line.ts';

/** Per template: its cells in official order, their keys, and each cell's `table,row,column` CSV fields. */
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
    t = { refs, keys: new Set(refs.map((r) => r.key)), fields: refs.map((r) => csvLine([r.table, r.row, r.column])) };
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
  const prefix = `${csvLine([record.agency.slug, record.year ?? 0])},`;
  const lines: string[] = [];
  t.refs.forEach((ref, i) => {
    lines.push(`${prefix}${t.fields[i]},${valueField(record.tables[ref.table][ref.row]?.[ref.column])}`);
  });
  for (const ref of extraCellRefs(record, t.keys)) {
    lines.push(csvLine([record.agency.slug, record.year ?? 0, ref.table, ref.row, ref.column, record.tables[ref.table][ref.row]?.[ref.column] ?? null]));
  }
  return lines;
}
