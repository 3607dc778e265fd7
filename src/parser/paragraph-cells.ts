/**
 * Tables a text browser prints a cell a paragraph: `lynx -dump` of a table it does not lay out as a grid (a
 * Word-exported page, its cells of `<p>`s) prints every cell as a paragraph of its own, one empty line between two
 * paragraphs, and a blank cell as an empty paragraph: one empty line more. So below a row's label
 * `` `821` `` `35` `` `` `` `2` `` `1` `` `859` is 821 | 35 | · | · | 2 | 1 | 859: n empty lines between two values (or
 * between the label and the first value, or the last value and the next label) are n − 1 blank cells. Where a page's
 * cells are inline (`<span>`s, no paragraphs), lynx flows them on after the label and breaks the line only before a
 * blank cell: `一、本年新收… 705 3` `` `` `` `5` `` `` `713` is 705 | 3 | · | · | 5 | · | 713, values side by side on
 * a line being cells side by side. Read as values one a line, the blank cells are lost and 2 and 1 name no column.
 *
 * The empty lines are cells only where the text proves this layout: two runs or more below labels decode so to one
 * row length of 表三 (7) or 表二 (3), each with a blank cell between two of its values (an empty line doubled inside
 * a row), and no two lines of values consecutive. Every run of a proven length is then rewritten as a grid row on its
 * label's line (`一、本年新收… │ 821 │ 35 │  │  │ 2 │ 1 │ 859 │`, the bar of w3m's grids, which the tokenizer reads
 * with its blank cells in place), the run's own lines left empty so that line numbers stay. Other runs, and lines
 * with a tab (catdoc's rows, whose empty lines are blank cells without the paragraphs' own), are left as printed.
 * Pure: lines in, lines out.
 */

import { blank as empty, provenLengths, wordy, writeRows, type DecodedRow } from './grid-rows.ts';

/** One value on a line of values (a unit right after its number, as lynx prints it). */
const VALUE = String.raw`(?:[+-]?\d[\d,]*(?:\.\d+)?(?:万元|元|件|条|项|个|次|份)?|[-—–/／]+)`;
/** A line of values only, one or more side by side. */
const VALUES_LINE = new RegExp(`^\\s*${VALUE}(?:\\s+${VALUE})*\\s*$`);
/** A line whose last character may end a value. */
const ENDS_LIKE_VALUE = /[\d—–\-/／万元件条项个次份]\s*$/;
/** A label line ending with values printed on it (lynx flows a row's first cells after its label). */
const INLINE_VALUES = new RegExp(`^(.*?[^\\s\\d.,+-])\\s+(${VALUE}(?:\\s+${VALUE})*)\\s*$`);

/**
 * The row lengths a proof may show: 表三's seven cells and 表二's three, the rows that leave cells blank. (A text of
 * another layout decodes to lengths of its own: catdoc's, a blank cell an empty line without the paragraphs' one,
 * decodes 0 | · · · · · | 0 to eight.)
 */
const ROWS = new Set([3, 7]);

/** A run below a label, decoded; `inside`: a blank cell stands between two of its values. */
interface Run extends DecodedRow {
  inside: boolean;
}

const valuesLine = (line: string): boolean => !wordy(line) && VALUES_LINE.test(line);
const valuesOf = (text: string): string[] => text.trim().split(/\s+/);

/**
 * The lines with each table row printed a cell a paragraph joined onto its label's line (see the module comment).
 * `text`: the lines as one string (the parser passes the text it split), for a first look.
 */
export function paragraphCells(lines: readonly string[], text = lines.join('\n')): readonly string[] {
  // (a proof needs a blank cell between two values: two empty lines and then a value)
  if (!/\n[ \u3000]*\n[ \u3000]*\n[ \u3000]*[\d—–\-/／]/.test(text)) return lines;
  for (const step of STEPS) {
    const runs = paragraphRuns(lines, step);
    const proven = provenLengths(runs, ROWS, (r) => r.inside);
    if (proven.size) return writeRows(lines, runs, proven);
  }
  return lines;
}

/**
 * Empty lines a blank cell adds: lynx prints an empty paragraph as one empty line more; mammoth's raw text of a
 * .docx ends every paragraph with an empty line, an empty cell's paragraph too, so a blank cell adds two
 * (`6` `` `` `` `` `` `` `` `` `` `` `` `6` is 6 | · · · · · | 6, eleven empty lines for five blank cells).
 */
const STEPS = [1, 2] as const;

/**
 * Every run below a label line of empty lines and lines of values, with a value in it or on the label's line, no two
 * lines of values consecutive, ended by a non-empty line that is no values; decoded as in the module comment. None at
 * all when some run prints two lines of values on consecutive lines (not a paragraph a cell).
 */
function paragraphRuns(lines: readonly string[], step: number): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    // (a line with a tab is another layout's row: catdoc prints a row's first cells after its label so)
    if (empty(line) || line.includes('\t') || !empty(lines[i + 1]) || valuesLine(line)) {
      i++;
      continue;
    }
    // (values on the label's line: only a line ending with a value's last character can hold them)
    const inline = ENDS_LIKE_VALUE.test(line) ? INLINE_VALUES.exec(line.trim()) : null;
    const cells = inline ? valuesOf(inline[2]!) : [];
    let values = cells.length;
    let inside = false;
    let gap = 0;
    let j = i + 1;
    const at: number[] = [];
    while (j < lines.length && (empty(lines[j]) || valuesLine(lines[j]!))) {
      if (empty(lines[j])) gap++;
      else {
        if (!empty(lines[j - 1]) || (gap - 1) % step !== 0) return [];
        // the empty lines before a line of values: one is the paragraphs' own, each `step` more a blank cell
        for (let b = 0; b < (gap - 1) / step; b++) cells.push('');
        if (values && gap > 1) inside = true;
        const own = valuesOf(lines[j]!);
        cells.push(...own);
        values += own.length;
        at.push(j);
        gap = 0;
      }
      j++;
    }
    // (the last value's line may be right above the next label: lynx breaks the line only before a blank cell)
    if (j < lines.length && values) {
      if ((gap - 1) % step !== 0) return [];
      for (let b = 0; b < (gap - 1) / step; b++) cells.push('');
      runs.push({ label: i, text: (inline ? inline[1]! : line).trim(), lines: at, cells, inside });
    }
    i = j;
  }
  return runs;
}
