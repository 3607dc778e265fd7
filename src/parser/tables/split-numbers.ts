/**
 * Texts that split numbers into digit groups. officeparser's text of Writer's PDF (pdf.js's glyph runs, set apart by
 * a space where the PDF moves the pen) prints 表三's `部分公开 137 … 137` as `13 7 0 0 0 0 0 13 7` and 表二's
 * `其他对外管理服务事项 1370` as `13 7 0`: three groups for three cells, read as 13 | 7 | 0. 表三 shows what such a text
 * does (a row of more groups than cells, adding up one way only with neighbouring groups joined); 表二's rows, which
 * no identity checks, are then not read as grouped where neighbouring groups could be one number. Pure: no fs, no clock.
 */
import type { Token } from '../tokens.ts';
import { cellsApart, segment } from '../tokens.ts';
import { WIDTH } from './band.ts';

/** The most groups over a row's cells looked at (each such group a number split once more). */
const MAX_EXTRA = 4;

/** A digit group a number may start with, or go on from (no sign, point, unit or separator). */
const DIGITS = /^\d+$/;

/**
 * The 表三 row (its line) printed on one line as more digit groups than cells, one space apart, whose groups make a
 * row adding up (six applicant cells to 总计) in exactly one way, and only by joining neighbouring groups into
 * numbers (a joined number never starts with 0); null when no row does.
 */
export function splitNumbersLine(tokens: readonly Token[]): number | null {
  for (const seg of segment(tokens)) {
    const vals = seg.values;
    const n = vals.length;
    if (n <= WIDTH || n > WIDTH + MAX_EXTRA) continue;
    const line = vals[0]!.line;
    if (!vals.every((t, i) => t.kind === 'num' && t.unit === undefined && DIGITS.test(t.text) && t.line === line && (i === 0 || !cellsApart(vals[i - 1]!, t)))) continue;
    if (joinedRows(vals.map((t) => t.text)) === 1) return line;
  }
  return null;
}

/** How many ways the groups, joined in runs of neighbours into WIDTH numbers, make a row that adds up. */
function joinedRows(groups: readonly string[]): number {
  let found = 0;
  const cells: number[] = [];
  const walk = (from: number): void => {
    if (found > 1) return;
    if (cells.length === WIDTH) {
      if (from === groups.length && cells.slice(0, WIDTH - 1).reduce((a, b) => a + b, 0) === cells[WIDTH - 1]) found++;
      return;
    }
    // (the groups left must fill the cells left, one group a cell at least)
    const last = groups.length - (WIDTH - cells.length - 1);
    let text = '';
    for (let to = from; to < last; to++) {
      text += groups[to]!;
      if (to > from && groups[from]![0] === '0') break;
      cells.push(Number(text));
      walk(to + 1);
      cells.pop();
    }
  };
  walk(0);
  return found;
}

/** Whether two neighbouring groups of a row could be one number split (the first a whole number not starting with 0). */
export function joinable(vals: readonly Token[]): boolean {
  for (let i = 1; i < vals.length; i++) {
    const a = vals[i - 1]!;
    const b = vals[i]!;
    if (a.kind !== 'num' || b.kind !== 'num' || a.line !== b.line || a.unit !== undefined || cellsApart(a, b)) continue;
    if (/^[1-9]\d*$/.test(a.text) && /^\d/.test(b.text)) return true;
  }
  return false;
}
