/**
 * What the line-layout readers (cell-lines.ts, paragraph-cells.ts, broken-rows.ts, catdoc-rows.ts) share: what a value cell looks
 * like, and how a row they have decoded is written back. A row goes onto its label's line as a grid row
 * (`一、本年新收… │ 821 │ 35 │  │  │ 2 │ 1 │ 859 │`, the bar of w3m's grids, which the tokenizer reads with its blank
 * cells in place), the lines it was printed over left empty so that line numbers stay. Pure.
 */

import { isSpace } from './normalize.ts';

/** One value, as a pattern's source: a number (with a unit), or a placeholder a blank cell may print. */
export const VALUE_SOURCE = String.raw`(?:[+-]?\d[\d,]*(?:\.\d+)?\s*(?:万元|元|件|条|项|个|次|份)?|[-—–/／]+)`;

/** One value, the whole of a (trimmed) field. */
export const VALUE = new RegExp(`^${VALUE_SOURCE}$`);

/** Whether a char code may stand in a value, a separator or white space (`VALUE`'s and `|`): else it is a word's. */
function valueChar(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2c || c === 0x2b || c === 0x2d || c === 0x2f || c === 0x7c || isSpace(c);
  // — – ／, and the units 万元件条项个次份
  return c === 0x2014 || c === 0x2013 || c === 0xff0f || c === 0x4e07 || c === 0x5143 || c === 0x4ef6 || c === 0x6761 || c === 0x9879 || c === 0x4e2a || c === 0x6b21 || c === 0x4efd || isSpace(c);
}

/**
 * Whether a line has a character no value, separator or white space is (a word's): `/[^\s\d.,+\-—–/／|万元件条项个次份]/`
 * scanned by hand, as most lines are told by their first character (this runs on every line of several passes).
 */
export function wordy(line: string): boolean {
  for (let i = 0; i < line.length; i++) if (!valueChar(line.charCodeAt(i))) return true;
  return false;
}

/** Whether a line is empty or white space only (no copy, unlike trim(); `!/\S/.test(line)` scanned by hand). */
export const blank = (line: string | undefined): boolean => {
  if (line === undefined) return false;
  for (let i = 0; i < line.length; i++) if (!isSpace(line.charCodeAt(i))) return false;
  return true;
};

/** Whether a line holds nothing but `sep`s, white space and values (a piece of a row printed over lines). */
export const isPiece = (line: string, sep: RegExp | string): boolean =>
  !wordy(line) && line.split(sep).every((f) => blank(f) || VALUE.test(f.trim()));

/** A row as a grid row on one line: its label's words, then each cell between bars ('' a blank cell). */
export const gridRow = (text: string, cells: readonly string[]): string => `${text} │ ${cells.join(' │ ')} │`;

/** A row decoded from the lines it was printed over. */
export interface DecodedRow {
  /** the label's line, where the row is written */
  label: number;
  /** the other lines the row was printed over, left empty */
  lines: readonly number[];
  /** the label's words */
  text: string;
  /** the row's cells, '' a blank cell */
  cells: readonly string[];
}

/** The lengths that two rows or more of `rows` share among `lengths` (`counted`: the rows that count as proofs). */
export function provenLengths<R extends DecodedRow>(rows: readonly R[], lengths: ReadonlySet<number>, counted: (r: R) => boolean = () => true): Set<number> {
  const counts = new Map<number, number>();
  for (const r of rows) if (counted(r)) counts.set(r.cells.length, (counts.get(r.cells.length) ?? 0) + 1);
  return new Set([...counts].filter(([n, count]) => count >= 2 && lengths.has(n)).map(([n]) => n));
}

/** The lines with each row whose length is in `lengths` written as a grid row on its label's line. */
export function writeRows(lines: readonly string[], rows: readonly DecodedRow[], lengths: ReadonlySet<number>): readonly string[] {
  if (!lengths.size) return lines;
  const out = [...lines];
  for (const r of rows) {
    if (!lengths.has(r.cells.length)) continue;
    for (const i of r.lines) out[i] = '';
    out[r.label] = gridRow(r.text, r.cells);
  }
  return out;
}

/**
 * Each label line (`isLabel`, and not itself a piece) with the lines of pieces right below it (`piece`: a line a row
 * may run on over), ended by a line that is no piece: `last` is the index in `below` of the last non-blank piece (−1
 * when there is none). `isLabel` may ask `pieceAt` whether another line is a piece.
 */
export function* labelRuns(
  lines: readonly string[],
  piece: (line: string) => boolean,
  isLabel: (line: string, i: number, pieceAt: (i: number) => boolean) => boolean,
): Generator<{ label: number; below: readonly string[]; last: number }> {
  // (each line is asked about up to three times, as a label's next line, as a label and as a piece below one: it is
  // split once; 0 not yet asked, 1 no piece, 2 a piece)
  const known = new Uint8Array(lines.length);
  const pieceAt = (k: number): boolean => (known[k] ||= piece(lines[k]!) ? 2 : 1) === 2;
  let i = 0;
  while (i < lines.length) {
    if (!isLabel(lines[i]!, i, pieceAt) || pieceAt(i)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < lines.length && pieceAt(j)) j++;
    const below = lines.slice(i + 1, j);
    if (j < lines.length) yield { label: i, below, last: below.findLastIndex((l) => !blank(l)) };
    i = j;
  }
}

/** A row's fields cut apart: the label's words (the fields up to the last that is no value nor blank), then the cells. */
export function wordsAndCells(fields: readonly string[]): { words: string[]; cells: string[] } {
  let first = fields.length;
  while (first > 0 && (fields[first - 1] === '' || VALUE.test(fields[first - 1]!))) first--;
  return { words: fields.slice(0, first).filter(Boolean), cells: fields.slice(first) };
}
