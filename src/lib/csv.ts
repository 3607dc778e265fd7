/**
 * CSV open data: one row per table cell (agency, year, table, row, column, value), RFC 4180 quoting, CRLF line ends.
 * Built as an array of lines joined once, so a portal of thousands of reports stays linear.
 */
import type { ReportRecord } from '../schema/record.ts';
import { templateCells, type CellRef } from './template.ts';
import { tableIds } from '../schema/record.ts';

export const CELL_COLUMNS = ['agency', 'year', 'table', 'row', 'column', 'value'] as const;

/** One CSV field: quoted when it holds a comma, quote, CR/LF or edge spaces; a leading = + @ is defused. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let s = value;
  if (/^[=+@\t]/.test(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(fields: ReadonlyArray<string | number | null>): string {
  return fields.map(csvField).join(',');
}

/**
 * Every cell of a record: the template's cells in official order (null when unread), then any extra cells the
 * record carries outside the template.
 */
export function recordCellRefs(record: Pick<ReportRecord, 'template' | 'tables'>): CellRef[] {
  const refs = templateCells(record.template);
  const known = new Set(refs.map((r) => r.key));
  for (const table of tableIds) {
    for (const [row, cols] of Object.entries(record.tables[table])) {
      for (const column of Object.keys(cols)) {
        const key = `${table}/${row}/${column}`;
        if (!known.has(key)) {
          known.add(key);
          refs.push({ table, row, column, key });
        }
      }
    }
  }
  return refs;
}

/** CSV lines (no header) of one record's cells. */
export function recordCellLines(record: Pick<ReportRecord, 'template' | 'tables' | 'agency' | 'year'>): string[] {
  return recordCellRefs(record).map((ref) =>
    csvLine([record.agency.slug, record.year ?? 0, ref.table, ref.row, ref.column, record.tables[ref.table][ref.row]?.[ref.column] ?? null]),
  );
}

/** A whole CSV document with header for the given records, in the given order. */
export function cellsCsv(records: Iterable<Pick<ReportRecord, 'template' | 'tables' | 'agency' | 'year'>>): string {
  const lines: string[] = [csvLine([...CELL_COLUMNS])];
  for (const r of records) for (const line of recordCellLines(r)) lines.push(line);
  return `${lines.join('\r\n')}\r\n`;
}
