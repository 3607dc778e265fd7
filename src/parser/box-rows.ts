/**
 * Table rows that a box-drawing grid (w3m's `-dump` of an HTML table) prints over several lines: a cell's text
 * wraps within its column (`│2.申请人逾期未按收费 │       │` then `│通知要求缴纳费用、行 │0      │`), so the
 * row's label and its numbers stand on different lines, and the label's first line reads as a row left blank. The
 * lines between two rule lines (`├────┼───┤`) are one row when their bars stand at the same columns: each such
 * block is rewritten as one line holding each column's text joined (`│2.申请人逾期未按收费通知要求… │0      │…`),
 * the block's other lines left empty so that line numbers stay. Pure: lines in, lines out.
 */

import { isWide } from './normalize.ts';

/** Box-drawing verticals that border cells (as the tokenizer's bars). */
const BARS = new Set([0x2502, 0x2503, 0x2551]);

/** A rule line: box-drawing horizontals (─ ━ ═) between rows. */
const isRule = (line: string): boolean => /[─━═]/.test(line);

/** How many lines one row of a grid may take (a long label wraps a few times). */
const MAX_ROW_LINES = 12;

/** The display columns of a line's bars, and the text between them (the text before the first bar first). */
function split(line: string): { bars: number[]; cells: string[] } {
  const bars: number[] = [];
  const cells: string[] = [];
  let col = 0;
  let from = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (BARS.has(c)) {
      bars.push(col);
      cells.push(line.slice(from, i));
      from = i + 1;
    }
    col += isWide(c) ? 2 : 1;
  }
  cells.push(line.slice(from));
  return { bars, cells };
}

/** The lines with each multi-line row of a box-drawing grid joined onto its first line (see the module comment). */
export function boxRows(lines: readonly string[]): readonly string[] {
  let out: string[] | null = null;
  let i = 0;
  while (i < lines.length) {
    if (!isRule(lines[i]!)) {
      i++;
      continue;
    }
    // the lines after a rule up to the next rule: one row when their bars agree
    let j = i + 1;
    while (j < lines.length && j - i <= MAX_ROW_LINES && !isRule(lines[j]!) && lines[j]!.trim() !== '') j++;
    if (j < lines.length && isRule(lines[j]!) && j - i > 2) {
      const parts = lines.slice(i + 1, j).map(split);
      const bars = parts[0]!.bars.join(',');
      if (parts[0]!.bars.length >= 2 && parts.every((p) => p.bars.join(',') === bars)) {
        out ??= [...lines];
        const joined = parts[0]!.cells.map((_, k) => parts.map((p) => p.cells[k]!.trim()).join(''));
        out[i + 1] = `${joined[0]}│${joined.slice(1, -1).map((c) => ` ${c} `).join('│')}│${joined[joined.length - 1]}`;
        for (let k = i + 2; k < j; k++) out[k] = '';
      }
    }
    i = j;
  }
  return out ?? lines;
}
