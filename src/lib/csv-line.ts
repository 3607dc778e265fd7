/** One CSV line: RFC 4180 quoting, spreadsheet formulas defused. No imports beyond format.ts, so the browser can use it. */
import { plainNumber } from './format.ts';

/** One CSV field: quoted when it holds a comma, quote, CR/LF or edge spaces; a leading = + @ is defused. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? plainNumber(value) : '';
  let s = value;
  if (/^[=+@\t]/.test(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(fields: ReadonlyArray<string | number | null>): string {
  return fields.map(csvField).join(',');
}
