/**
 * Table rows broken over lines by the paragraphs of their cells, a separator between two cells: a cell of `<p>`s is
 * a paragraph, so where a browser's `innerText` of plain cells prints a row on one line
 * (`一、本年新收…\t821\t35\t\t\t2\t1\t859`), a Word-exported page's row comes out over many lines, the tabs between
 * its cells on lines of their own or at the ends of the values' lines, empty lines around the paragraphs, a blank
 * cell its `&nbsp;` (a space once normalized) or nothing: `一、本年新收…` `` `\t` `` `821` `` `\t` `` `35` `` `\t` `` ` ` …,
 * or `一、本年新收…\t705\t3\t` `` ` ` `` `\t` `` ` ` `` `\t5\t` `` ` ` `` `\t713`. Python's html2text prints the same
 * rows with `| ` for the tab (`一、本年新收…` `` `| ` `` `821` `` `| ` `` `35` …). Read as values one a line, the blank
 * cells are lost and 5 names no column.
 *
 * A row is a label's line and the lines below it that hold only separators (a tab, a bar), white space and values, up
 * to the next line with words, an empty line among them (a paragraph's break; a text printing a cell a line,
 * `\t8` `\t2` …, is read as it stands); its lines joined (no value's line running straight into another's) and cut
 * at the separators are its label's cells and then its own, each a value or blank. Where two rows or more so broken
 * over lines have 表三's length (7) or 表二's (3), every row of such a length so broken is rewritten as a grid row on
 * its label's line (`一、本年新收… │ 821 │ 35 │  │  │ 2 │ 1 │ 859 │`, the bar of w3m's grids, which the tokenizer reads
 * with its blank cells in place), its other lines left empty so that line numbers stay. Other rows are left as
 * printed. Pure: lines in, lines out.
 */

import { blank, isPiece, labelRuns, provenLengths, wordsAndCells, writeRows, type DecodedRow } from './grid-rows.ts';

/** What separates two cells of a broken row: innerText's tab, html2text's bar. */
const SEP = /[\t|]/;

/** The row lengths a proof may show: 表三's seven cells and 表二's three. */
const ROWS = new Set([3, 7]);

/** Whether a line holds nothing but separators, white space and values (a piece of a row broken over lines). */
const piece = (line: string): boolean => isPiece(line, SEP);

/**
 * The lines with each table row broken over lines, separators between its cells, joined onto its label's line.
 * `text`: the lines as one string (the parser passes the text it split), for a first look.
 */
export function joinBrokenRows(lines: readonly string[], text = lines.join('\n')): readonly string[] {
  // (a row broken over lines has a line of a separator and values only: `\t`, `| `, `\t5\t`)
  if (!/\n[ \t]*[\t|][\t| \d.,]*\n/.test(text)) return lines;
  const rows = brokenRows(lines);
  return writeRows(lines, rows, provenLengths(rows, ROWS));
}

/** Every row broken over lines with a separator among them (see the module comment), its cells after its label's words. */
function brokenRows(lines: readonly string[]): DecodedRow[] {
  const rows: DecodedRow[] = [];
  for (const { label, below, last } of labelRuns(lines, piece, (_, i, pieceAt) => i + 1 < lines.length && pieceAt(i + 1))) {
    // (broken by paragraphs: an empty line among its pieces; a text a cell a line, `\t8` `\t2` …, is no such row)
    const line = lines[label]!;
    const row = last >= 0 && below.slice(0, last).some(blank) ? joined(line, below) : null;
    if (row && (SEP.test(line) || below.some((l) => SEP.test(l)))) rows.push({ label, lines: below.map((_, k) => label + 1 + k), ...row });
  }
  return rows;
}

/**
 * A label's line and the pieces below it joined and cut at the separators: the label's words, then cells that are each one
 * value or blank. Null when a value's line would run straight into another's, or a cell holds words after a value.
 */
function joined(label: string, below: readonly string[]): { text: string; cells: string[] } | null {
  let text = label;
  for (const l of below) {
    if (l === '') continue;
    const end = text[text.length - 1];
    const start = l[0];
    const open = (ch: string | undefined): boolean => ch !== undefined && !/\s/.test(ch) && !SEP.test(ch);
    if (open(end) && open(start)) return null;
    text += l;
  }
  const { words, cells } = wordsAndCells(text.split(SEP).map((f) => f.trim()));
  if (!words.length || !cells.some(Boolean)) return null;
  return { text: words.join(' '), cells };
}
