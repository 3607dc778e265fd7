/**
 * Tables printed a cell a line, a blank cell an empty line: a word processor's plain-text export of a Word table
 * (LibreOffice's `--convert-to txt` of a `.docx`, a CMS's text of a table of `<p>` cells). A row is its label's
 * line and then one line per cell, so `1.属于国家秘密` / `0` / `` / `` / `` / `` / `` / `0` is 0|·|·|·|·|·|0; read
 * as values one a line, the empty lines are lost and the two zeros name no column.
 *
 * The empty lines are cells only where the text shows it does not separate its paragraphs with them: by two empty
 * lines running inside a row, or by its prose, whose paragraphs stand on consecutive lines (see proseUnspaced). A
 * closed run of value lines starts right below its label with a value and ends right above the next label with a
 * value; a length that two closed runs have is a row's length. Every run of a proven length with a value in it (its
 * label the line right above) is rewritten as a grid row on its label's line (`1.属于国家秘密 │ 0 │  │  │  │  │  │ 0 │`,
 * the bar of w3m's grids, which the tokenizer reads with its blank cells in place), the run's own lines left empty
 * so that line numbers stay; so is a run one or two empty lines longer (see rowLength), and a run of a proven
 * length with no value in it where its label goes on below it (a PDF's text sorted by position prints a tall label
 * cell around its row's cells). Other runs are left as printed.
 * Pure: lines in, lines out.
 */

import { gridRow, VALUE_SOURCE } from './grid-rows.ts';

/** A line holding one value cell: a number (with a unit), or a placeholder a blank cell may print. */
const VALUE_LINE = new RegExp(`^\\s*${VALUE_SOURCE}\\s*$`);

/** A line opening a row or group label with its enumerator (`二、`, `（五）`, `3.`), spaced or not. */
const OPENS_ROW = /^\s*(?:（\s*[一二三四五六七八九十]+\s*）|[一二三四五六七八九十]+\s*、|\d{1,2}\s*[.．、])/;

/** The fewest cells a row of a proven length has (a one- or two-cell run proves nothing about empty lines). */
const MIN_CELLS = 3;

/** How many label cells of the next row a run may end with (表三's labels are at most three cells deep). */
const MAX_MERGED = 2;

/** How many cells a row may have (表四 has 15 value columns). */
const MAX_CELLS = 16;

interface Run {
  /** the label's line (the last non-empty line above the run) */
  label: number;
  /** the run's first and last line (inclusive) */
  from: number;
  to: number;
  values: number;
}

/** The lines with each table row printed a cell a line joined onto its label's line (see the module comment). */
export function cellLines(lines: readonly string[]): readonly string[] {
  const runs = valueRuns(lines);
  // a length is proven by closed runs of it with blank cells side by side inside (two empty lines running: text
  // that separates paragraphs or blocks with empty lines has one between two of them)
  // (or, in a text whose prose paragraphs stand on consecutive lines, one empty line inside a closed run)
  // (looked at only where a closed run holds a lone empty line)
  let unspaced: boolean | undefined;
  const closed = new Map<number, number>();
  let proofs = 0;
  for (const r of runs) {
    const n = r.to - r.from + 1;
    if (n < MIN_CELLS || !VALUE_LINE.test(lines[r.from]!) || !VALUE_LINE.test(lines[r.to]!)) continue;
    let adjacent = false;
    for (let i = r.from + 1; i < r.to && !adjacent; i++) adjacent = lines[i]!.trim() === '' && (lines[i + 1]!.trim() === '' || (unspaced ??= proseUnspaced(lines)));
    if (!adjacent) continue;
    closed.set(n, (closed.get(n) ?? 0) + 1);
    proofs++;
  }
  if (proofs < 2) return lines;
  const proven = new Set(closed.keys());
  const out = [...lines];
  for (const r of runs) {
    const k = rowLength(lines, r, proven);
    if (k === 0) continue;
    // a run of blank cells alone is its label's row only where the label goes on below it (a label wrapped around
    // its row's cells, as a PDF's text sorted by position prints a tall label cell): before the next row's own
    // label, it may as well be that row's, printed above its label
    if (r.values === 0 && !(k === r.to - r.from + 1 && !OPENS_ROW.test(lines[r.to + 1]!))) continue;
    const cells: string[] = [];
    for (let i = r.from; i < r.from + k; i++) {
      cells.push(lines[i]!.trim());
      out[i] = '';
    }
    out[r.label] = gridRow(lines[r.label]!.trim(), cells);
  }
  return out;
}

/** A line of prose: a sentence's worth of text (not a value, not a short label or heading). */
const PROSE_LINE = /^\s*\S.{23,}$/;

/**
 * Whether the text's paragraphs stand on consecutive lines, no empty line between them: ten prose lines or more
 * followed right by another, and none followed by an empty line and then another (Word's "save as text" and
 * docx2txt print a paragraph a line; a text that spaces its paragraphs shows it between its first two).
 */
function proseUnspaced(lines: readonly string[]): boolean {
  let direct = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!PROSE_LINE.test(lines[i]!) || VALUE_LINE.test(lines[i]!)) continue;
    if (PROSE_LINE.test(lines[i + 1]!)) direct++;
    else if (lines[i + 1]!.trim() === '' && PROSE_LINE.test(lines[i + 2] ?? '')) return false;
  }
  return direct >= 10;
}

/**
 * How many of a run's lines are its row's cells: a proven length, the run's own or one up to MAX_MERGED short of
 * it when the lines past it are empty. Those are the next row's first cells, merged with the rows above (a
 * rowspan's continuation prints as an empty cell: `三、本年度办理结果` spans the rows below it, each of which starts
 * with one). A row's own first cells are its label's, above the run: the run's first line is always a value cell.
 * 0 when no proven length fits.
 */
function rowLength(lines: readonly string[], r: Run, proven: ReadonlySet<number>): number {
  const n = r.to - r.from + 1;
  for (let k = n; k >= n - MAX_MERGED && k >= MIN_CELLS; k--) {
    if (k < n && lines[r.from + k]!.trim() !== '') break;
    if (proven.has(k)) return k;
  }
  return 0;
}

/**
 * Every maximal run of lines each empty or one value, right below a non-empty label line and ending right above a
 * non-empty line that is no value (a run that reaches the text's end is no row: nothing closes it).
 */
function valueRuns(lines: readonly string[]): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '' || VALUE_LINE.test(line) || i + 1 >= lines.length) {
      i++;
      continue;
    }
    // a label line: the run below it
    let j = i + 1;
    let values = 0;
    while (j < lines.length && j - i <= MAX_CELLS && (lines[j]!.trim() === '' || VALUE_LINE.test(lines[j]!))) {
      if (lines[j]!.trim() !== '') values++;
      j++;
    }
    if (j < lines.length && j > i + 1 && j - i - 1 <= MAX_CELLS && !VALUE_LINE.test(lines[j]!)) runs.push({ label: i, from: i + 1, to: j - 1, values });
    i = j;
  }
  return runs;
}
