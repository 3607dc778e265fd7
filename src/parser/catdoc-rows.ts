/**
 * Table rows as catdoc prints a Word 97 `.doc`'s: a row's cells on its label's line, a tab between two of them, but
 * the separator next to an empty cell a line break instead. So `（三）不予公开\t1.属于国家秘密\t0` and five empty lines
 * and `0` is 0 | · | · | · | · | · | 0, and `一、本年新收…\t1\t1` `` `` `` `\t2` is 1 | 1 | · | · | · | · | 2: every tab or
 * line break between the label and the row's last value is one separator, n separators between two values are n − 1
 * blank cells. The line breaks after the last value end the row (catdoc ends rows with some, so they do not say how
 * many blank cells stand last: such rows are left as printed). Read as values on their own lines, the blank cells are
 * lost and the lone `0` names no column.
 *
 * This layout is taken only where the text proves it: two rows or more below a label line with a tab decode so to
 * exactly seven cells, a value the last, with a blank cell between two values. Every row that decodes to seven is
 * then rewritten as a grid row on its label's line
 * (`1.属于国家秘密 │ 0 │  │  │  │  │  │ 0 │`, the bar of w3m's grids, which the tokenizer reads with its blank cells in
 * place), its other lines left empty so that line numbers stay. Pure: lines in, lines out.
 */

import { blank, isPiece, labelRuns, wordsAndCells, writeRows, type DecodedRow } from './grid-rows.ts';

/** 表三's cells a row. */
const WIDTH = 7;

/** A row, and whether it proves the layout: seven cells, a value the last, a blank between two values. */
interface Row extends DecodedRow {
  proof: boolean;
}

const piece = (line: string): boolean => isPiece(line, '\t');

/** The lines with each row printed as catdoc prints it joined onto its label's line (see the module comment). */
export function catdocRows(lines: readonly string[]): readonly string[] {
  // (a proof needs a line with a tab and an empty line right below it)
  if (!lines.some((l, i) => l.includes('\t') && blank(lines[i + 1]))) return lines;
  const rows = tabRows(lines);
  return rows.filter((r) => r.proof).length < 2 ? lines : writeRows(lines, rows, new Set([WIDTH]));
}

/** The rows below label lines with a tab whose values run on over lines (see the module comment). */
function tabRows(lines: readonly string[]): Row[] {
  const rows: Row[] = [];
  for (const { label, below, last } of labelRuns(lines, piece, (line) => line.includes('\t'))) {
    const line = lines[label]!;
    // (cells that all stand on lines of their own, one after another, below a label without a value are no catdoc row)
    if (last < 0 || !(/\t\s*\d/.test(line) || below.slice(0, last).some(blank))) continue;
    // every tab and line break up to the last value separates two cells
    const { words, cells } = wordsAndCells([line, ...below.slice(0, last + 1)].join('\n').split(/[\t\n]/).map((f) => f.trim()));
    if (!words.length || !cells.length) continue;
    const values = cells.map((c, x) => (c ? x : -1)).filter((x) => x >= 0);
    const inside = values.length >= 2 && values[values.length - 1]! - values[0]! + 1 > values.length;
    rows.push({ label, lines: below.map((_, k) => label + 1 + k), text: words.join(' '), cells, proof: cells.length === WIDTH && inside && cells[WIDTH - 1] !== '' });
  }
  return rows;
}
