/**
 * Tables with column spans drawn by a dash line (pandoc's plain and markdown "simple tables": `----- ---- ----`
 * above the rows, and below them; reStructuredText's simple tables draw them with `=====  ====`). A cell's position
 * in its line says its column, and a blank cell is only blank space there: `64      2   4 70` with the spans is
 * 64|·|·|2|·|4|70, without them four numbers for seven columns. Each row line between two dash lines is rewritten
 * as a grid row (`label │ 64 │  │  │ 2 │  │ 4 │ 70 │`, the box-drawing bar of w3m's grids) that the tokenizer reads
 * like any grid row, blank cells kept where they hold a position. Pure: lines in, lines out (one per line, so line
 * numbers stay).
 */

import { isWide } from './normalize.ts';

/** A dash line of two spans or more: `  ------ --- ------`, or `====== === ======` (one mark throughout). */
const DASH_LINE = /^\s*([-=])\1{2,}(?: +\1{3,})+\s*$/;

/** Whether a line may be a dash line (a cheap test before the regex). */
const mayBeDashLine = (line: string): boolean => line.includes('---') || line.includes('===');

/** A cell holding one number (a count or an amount, with its unit): such a span is a value column. */
const NUMBER_CELL = /^[+-]?\d[\d,]*(?:\.\d+)?\s*(?:万元|元|件|条|项|个|次|份)?$/;

/** How many rows a table may have before its closing dash line (a report's table has at most a few dozen). */
const MAX_ROWS = 400;

/** The start column of each dash run. */
function spanStarts(line: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < line.length; i++) if (line[i] !== ' ' && (i === 0 || line[i - 1] === ' ')) starts.push(i);
  return starts;
}

/** The text of each span of a line (a character belongs to the last span starting at or before its column). */
function cellsOf(line: string, starts: readonly number[]): string[] {
  const cells = starts.map(() => '');
  let col = 0;
  let k = 0;
  for (const ch of line) {
    while (k + 1 < starts.length && col >= starts[k + 1]!) k++;
    cells[k] += ch;
    col += isWide(ch.codePointAt(0)!) ? 2 : 1;
  }
  // (reStructuredText's `\` marks a row's empty first cell)
  return cells.map((c) => (c.trim() === '\\' ? '' : c.trim()));
}

/**
 * The lines with every dash-spanned table's rows rewritten as delimited rows, or the lines themselves when there is
 * no such table. Only rows between an opening and a closing dash line of the same spans are touched.
 */
export function spanTables(lines: readonly string[]): readonly string[] {
  let out: string[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const open = lines[i]!;
    if (!mayBeDashLine(open) || !DASH_LINE.test(open)) continue;
    const starts = spanStarts(open);
    let close = -1;
    for (let j = i + 1; j < lines.length && j <= i + MAX_ROWS; j++) {
      const l = lines[j]!;
      if (mayBeDashLine(l) && DASH_LINE.test(l)) {
        if (spanStarts(l).join(',') === starts.join(',')) close = j;
        break;
      }
    }
    if (close < 0) continue;
    const rows: string[][] = [];
    for (let j = i + 1; j < close; j++) rows.push(cellsOf(lines[j]!, starts));
    // the value columns: from the first span that holds numbers more than text on (labels come first; a column
    // left blank on every row, as Word exports leave zeros, is still a column between the others)
    const first = starts.findIndex((_, k) => {
      let numbers = 0;
      let texts = 0;
      for (const r of rows) if (r[k]) NUMBER_CELL.test(r[k]) ? numbers++ : texts++;
      return numbers > 0 && numbers >= texts; // a label column may hold a number a converter shifted into it
    });
    const values = starts.map((_, k) => first > 0 && k >= first);
    if (first <= 0) {
      i = close;
      continue;
    }
    out ??= [...lines];
    const last = starts.length - 1;
    const lastHolds = rows.some((r) => NUMBER_CELL.test(r[last]!));
    rows.forEach((r, n) => {
      if (!r.some((c, k) => values[k] && NUMBER_CELL.test(c))) return; // a header or a label's wrapped line: as printed
      // the last column (总计) blank beside a number, where other rows print it: pandoc lays out the cells of a row
      // under a rowspan a column off, so the spans do not say where its numbers stand; left as printed
      if (lastHolds && r[last] === '') return;
      // a number left of the value columns: a row of another table's shape. A row of values alone (表四's, under a
      // header whose names fill every column) has a value in every column; any other is left as printed
      if (r.some((c, k) => !values[k] && NUMBER_CELL.test(c))) {
        if (r.every((c) => c === '' || NUMBER_CELL.test(c))) out![i + 1 + n] = `│ ${r.join(' │ ')} │`;
        return;
      }
      const label = r.filter((c, k) => !values[k] && c !== '').join(' ');
      out![i + 1 + n] = `${label} │ ${r.filter((_, k) => values[k]).join(' │ ')} │`;
    });
    i = close;
  }
  return out ?? lines;
}
