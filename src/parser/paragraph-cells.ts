/**
 * Tables a text browser prints a cell a paragraph: `lynx -dump` of a table it does not lay out as a grid (a
 * Word-exported page, its cells of `<p>`s) prints every cell as a paragraph of its own, one empty line between two
 * paragraphs, and a blank cell as an empty paragraph: one empty line more. So below a row's label
 * `` `821` `` `35` `` `` `` `2` `` `1` `` `859` `` is 821 | 35 | · | · | 2 | 1 | 859: n empty lines between two values (or
 * between the label and the first value, or the last value and the next label) are n − 1 blank cells. Read as values
 * one a line, the blank cells are lost and 2 and 1 name no column.
 *
 * The empty lines are cells only where the text proves this layout: two runs or more below labels decode so to one
 * length, each with a blank cell between two of its values (an empty line doubled inside a row), and no two values
 * on consecutive lines (a paragraph a cell always has its empty line). Every run of a proven length with a value in
 * it is then rewritten as a grid row on its label's line (`一、本年新收… │ 821 │ 35 │  │  │ 2 │ 1 │ 859 │`, the bar of
 * w3m's grids, which the tokenizer reads with its blank cells in place), the run's own lines left empty so that line
 * numbers stay. Other runs are left as printed. Pure: lines in, lines out.
 */

/** A line holding one value cell: a number (with a unit), or a placeholder a blank cell may print. */
const VALUE_LINE = /^\s*(?:[+-]?\d[\d,]*(?:\.\d+)?\s*(?:万元|元|件|条|项|个|次|份)?|[-—–/／]+)\s*$/;

/** The fewest and the most cells a proven row has (表四 has 15 value columns). */
const MIN_CELLS = 3;
const MAX_CELLS = 16;

interface Run {
  /** the label's line (the non-empty line right above the run) */
  label: number;
  /** the run's value lines, in order */
  values: number[];
  /** the cells the run decodes to: a value line's index, or -1 for a blank cell */
  cells: number[];
  /** whether a blank cell stands between two of its values */
  inside: boolean;
}

const empty = (line: string | undefined): boolean => line !== undefined && line.trim() === '';

/** The lines with each table row printed a cell a paragraph joined onto its label's line (see the module comment). */
export function paragraphCells(lines: readonly string[]): readonly string[] {
  const runs = paragraphRuns(lines);
  if (!runs.length) return lines;
  const proofs = new Map<number, number>();
  for (const r of runs) if (r.inside) proofs.set(r.cells.length, (proofs.get(r.cells.length) ?? 0) + 1);
  const proven = new Set([...proofs].filter(([n, count]) => count >= 2 && n >= MIN_CELLS && n <= MAX_CELLS).map(([n]) => n));
  if (!proven.size) return lines;
  const out = [...lines];
  for (const r of runs) {
    if (!proven.has(r.cells.length)) continue;
    const cells = r.cells.map((i) => (i < 0 ? '' : lines[i]!.trim()));
    for (const i of r.values) out[i] = '';
    out[r.label] = `${lines[r.label]!.trim()} │ ${cells.join(' │ ')} │`;
  }
  return out;
}

/**
 * Every run below a label line of empty lines and value lines, opening and closing with an empty line, a value in it
 * and no two values on consecutive lines, ended by a non-empty line that is no value; decoded as in the module
 * comment. None at all when some run prints two values on consecutive lines (not a paragraph a cell).
 */
function paragraphRuns(lines: readonly string[]): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (empty(line) || VALUE_LINE.test(line) || !empty(lines[i + 1])) {
      i++;
      continue;
    }
    let j = i + 1;
    const values: number[] = [];
    while (j < lines.length && (empty(lines[j]) || VALUE_LINE.test(lines[j]!))) {
      if (!empty(lines[j])) {
        if (!empty(lines[j - 1])) return [];
        values.push(j);
      }
      j++;
    }
    if (j < lines.length && values.length && empty(lines[j - 1])) {
      // the empty lines before each value and after the last: one is the paragraphs' own, each one more a blank cell
      const cells: number[] = [];
      let inside = false;
      let from = i;
      values.forEach((v, x) => {
        const blanks = v - from - 2;
        if (x > 0 && blanks > 0) inside = true;
        for (let b = 0; b < blanks; b++) cells.push(-1);
        cells.push(v);
        from = v;
      });
      for (let b = 0; b < j - from - 2; b++) cells.push(-1);
      runs.push({ label: i, values, cells, inside });
    }
    i = j;
  }
  return runs;
}
