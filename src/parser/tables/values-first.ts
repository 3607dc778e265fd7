/**
 * Reading order that prints 表三's values before their row labels. Text that places values by no position (one value
 * a line, as PyMuPDF's sorted text and pdftotext's reading order print a table) gives a run of values to the label
 * before it; a word processor's table whose values sit a little higher than the first line of their wrapped label
 * (or, with vertically centred cells, beside its middle) is sorted the other way, each run before its own label, and
 * then every run from there on would be read one row off. Four signs show it, each impossible when every label
 * comes before its values (the text printed between two runs is read as printed, before the readers join labels):
 * - a run of one row's values or fewer right after the header's last column name, before the first row label (a
 *   longer one is a column's values, printed column by column), one a line, or a whole row of cells whose blank cells
 *   the text marks (PyMuPDF's sorted text joins its one-a-line cells, a blank one a space, into a row);
 * - a run of one row's values or fewer right after a group label (三、本年度办理结果, （三）不予公开 …) and before any
 *   row label of the group, with label text after it before the next run (one a line, or a whole marked row);
 * - two whole rows of cells or more, blank cells marked, after one row's label (PyMuPDF's sorted text: a row with a
 *   wrapped label prints its cells before it, a row with a label of one line after it);
 * - a run of more values than one row holds inside a row label (`一、本年新收政府信` `2` … `息公开申请数量`): a row's
 *   values inside its own wrapped label are the usual order, but the rest belong to a row printed after it;
 * - a whole row's values after label fragments alone (`年度` `办`, a group label's wrapped lines), the row label before
 *   them with a run of its own, and a row label after them before the next run.
 * Pure: no fs, no clock.
 */
import { memoized } from '../memo.ts';
import { fold } from '../normalize.ts';
import { eachOnItsLine, segment, type Token } from '../tokens.ts';
import { ENUMERATOR, HAS_ENUMERATOR } from './rows.ts';

/** Text that opens with a row enumerator (a new row label, not the rest of one). */
const OPENS_ROW = new RegExp(`^\\s*(?:${ENUMERATOR.source})`);
/** The header's last column names, where a run of values after them starts no row label. */
const HEADER_END = /(?:自然人|企业|机构|组织|其他|总计)$/;

export interface Labels {
  /** The table's row labels (each row's own, after its group's), folded, in the template's order. */
  leaves: readonly string[];
  /** The table's group labels. */
  groups: readonly Group[];
  /** Cells in a row. */
  width: number;
}

/** A group label of 表三 (三、本年度办理结果, （三）不予公开 …), folded, with its rows' own labels, folded. */
export interface Group {
  label: string;
  rows: readonly string[];
  /**
   * Whether the label is a row of its own in some template (（六）其他处理 in 2019's): a run after it is then its own
   * unless one of the group's row labels is printed in the table.
   */
  alone: boolean;
}

export interface ValuesFirst {
  /** The run of values that shows the order. */
  values: readonly Token[];
  /** Words for where it stands, for a message: 表头之后、第一个行名之前 … */
  where: string;
}

interface Run {
  /** The text printed since the run before, as printed (joined). */
  before: string;
  values: Token[];
}

/** The first sign (see the module comment) in 表三's tokens, or null. */
export function valuesFirst(tokens: readonly Token[], labels: Labels): ValuesFirst | null {
  const runs = runsOf(tokens);
  // (values each on a line of its own, no blank cell of a grid: a layout's rows stand on their lines in the page's order)
  const oneALine = runs.map((r) => r.values.length >= 2 && !r.values.some((t) => t.blank) && eachOnItsLine(r.values));
  // (or a whole row's cells, its blank ones marked: PyMuPDF's sorted text of a table whose values sit a little higher
  // than their label, the cells it printed one a line, a blank one as a space, joined into a row)
  const marked = runs.map((r) => r.values.length === labels.width && r.values.some((t) => t.blank));
  // (two whole marked rows or more after one row's label: the second is a row printed before its own label)
  const markedRows = runs.map((r) => r.values.length >= 2 * labels.width && r.values.length % labels.width === 0 && r.values.some((t) => t.blank));
  if (!oneALine.includes(true) && !marked.includes(true) && !markedRows.includes(true)) return null; // (most text: rows on their lines, or a grid)
  const { leaves, width } = labels;
  const folded = runs.map((r) => fold(r.before));
  const named = folded.map((f) => leaves.filter((l) => f.includes(l)).length);
  const first = named.findIndex((n) => n > 0);
  if (first > 0 && folded[first]!.includes(leaves[0]!) && (oneALine[first - 1] || marked[first - 1])) {
    const header = runs[first - 1]!;
    const numbers = header.values.filter((t) => t.kind === 'num').length;
    const afterNames = !HAS_ENUMERATOR.test(header.before) && HEADER_END.test(folded[first - 1]!);
    if (header.values.length <= width && numbers >= 2 && afterNames) return { values: header.values, where: '表头之后、第一个行名之前' };
  }
  const printed = folded.join('');
  const groups = labels.groups.filter((g) => !g.alone || g.rows.some((l) => printed.includes(l))).map((g) => g.label);
  for (let i = 0; i < runs.length; i++) {
    const r = runs[i]!;
    if (markedRows[i] && named[i] === 1) return { values: r.values.slice(width, 2 * width), where: `行名「${labelEnd(r.before).trim()}」之后、它自己的一行数字之后` };
    if (!oneALine[i] && !marked[i]) continue;
    const next = runs[i + 1];
    if (r.values.length <= width && next?.before && groups.some((g) => folded[i]!.endsWith(g))) return { values: r.values, where: `分组行名「${labelEnd(r.before)}」之后、其下第一个行名之前` };
    // a whole row's values after label fragments alone, the row label before them holding a run of its own and one
    // after them before the next run: the row after them is theirs. The fragments: a group label's wrapped lines
    // (`年度` `办`), the row label printed whole before them, its values one a line; or the rest of a row label
    // wrapped around its own row (`一、本年新收政府信` `2` ␣ … `2` `息公开申请数量` `0` ␣ … `0`), the two runs each a row
    // (seven, one a line or blank cells marked, or six of a table whose 总计 is blank), the one row label after them
    // followed by a run of its own: the order runs on down the table. (A label that prints no run before the next
    // label's is one row sorted above its label, the rest in order: PyMuPDF's sorted text of a narrow page,
    // `4.保护第三方` `0…` `合法权益` `0…` `5.属于三类内` `部事务信息` `6.属于四类过` `0…`.)
    const before = runs[i - 1];
    const rows = !!before && (oneALine[i] || marked[i]) && (oneALine[i - 1] || marked[i - 1]) && before.values.length === r.values.length;
    const wrapped = rows && r.values.length >= width - 1 && wrappedAround(before.before, folded[i]!, leaves) && [...(next?.before ?? '').matchAll(ENUMERATOR)].length === 1;
    const named1 = oneALine[i] && r.values.length === width && named[i - 1] === 1;
    if ((named1 || wrapped) && !named[i] && !HAS_ENUMERATOR.test(r.before) && HAS_ENUMERATOR.test(next?.before ?? '')) {
      return { values: r.values, where: `行名的折行文字「${r.before.trim()}」之后、下一个行名之前` };
    }
    if (!oneALine[i]) continue;
    if (r.values.length > width && !named[i] && next && !OPENS_ROW.test(next.before)) {
      const cut = cutLabel(r.before, leaves);
      const rest = next.before.search(HAS_ENUMERATOR);
      if (cut) return { values: r.values, where: `行名「${cut}${next.before.slice(0, rest < 0 ? 8 : rest).trim()}」中间（多于一行的数字）` };
    }
  }
  return null;
}

/**
 * The table's runs of values taken in printed order, each one whole row or more: as many rows in all as the table
 * has, each run of plain numbers (no blank cell, placeholder or glued run), and each printed next to its own rows'
 * labels (each in the text between the run before it and the run after it: before the run, after it, or wrapped
 * around it). A reading order that sorts each row's values a little above or below its label, or prints a few rows'
 * labels together before or after their values, keeps the rows in their order; a table whose rows are not all
 * printed has another count, and runs printed apart from the labels stand next to none. The rows in the template's
 * order, or null. (The caller still checks every identity.)
 */
export function runsInOrder(tokens: readonly Token[], labels: Labels): Token[][] | null {
  const segments = segment(tokens);
  const runs = segments.filter((s) => s.values.length);
  const { leaves, width } = labels;
  let count = 0;
  for (const r of runs) {
    if (r.values.length % width !== 0 || r.values.some((t) => t.kind !== 'num' || t.value === undefined || t.problem || t.glued || t.blank)) return null;
    count += r.values.length / width;
  }
  if (count !== leaves.length) return null;
  // (the text after the last run: what segment() left as a label with no values)
  const tail = segments.at(-1)!;
  const after = tail.values.length ? '' : tail.label;
  // (a group label's words may be printed inside a row label: as many characters as the longest group label)
  const inside = Math.max(0, ...labels.groups.map((g) => g.label.length));
  const rows: Token[][] = [];
  for (let i = 0; i < runs.length; i++) {
    const { label, values } = runs[i]!;
    const around = fold(label + (i + 1 < runs.length ? runs[i + 1]!.label : after));
    for (let at = 0; at < values.length; at += width) {
      if (!holdsLabel(around, leaves[rows.length]!, inside)) return null;
      rows.push(values.slice(at, at + width));
    }
  }
  return rows;
}

/**
 * Whether `text` holds the row label `leaf` (both folded), whole or with at most `inside` characters of other words
 * printed inside it (a group label's lines among a wrapped row label's: `只计这` `三、本年度办理结果` `一情形`).
 */
function holdsLabel(text: string, leaf: string, inside: number): boolean {
  if (text.includes(leaf)) return true;
  for (let start = text.indexOf(leaf[0]!); start >= 0; start = text.indexOf(leaf[0]!, start + 1)) {
    let k = 1;
    let skipped = 0;
    for (let i = start + 1; i < text.length && k < leaf.length && skipped <= inside; i++) {
      if (text[i] === leaf[k]) k++;
      else skipped++;
    }
    if (k === leaf.length && skipped <= inside) return true;
  }
  return false;
}

/** Whether a row label stops inside `before` (its beginning) and `rest` (folded) completes it: a label wrapped around a run. */
function wrappedAround(before: string, rest: string, leaves: readonly string[]): boolean {
  const leaf = cutLeaf(before, leaves);
  return leaf >= 0 && (fold(labelEnd(before)) + rest).endsWith(leaves[leaf]!);
}

/** The runs of values in the tokens, each with the text printed before it (segment()'s, those with values). */
function runsOf(tokens: readonly Token[]): Run[] {
  return segment(tokens).flatMap((s) => (s.values.length ? [{ before: s.label, values: s.values }] : []));
}

/** How far back from a label's end its last row enumerator is looked for: longer than any row label. */
const LABEL_END = 64;

/**
 * The text from its last row enumerator on (the text itself when it holds none within LABEL_END characters of its
 * end: a longer piece begins no row label, and every caller reads it as none).
 */
export function labelEnd(label: string): string {
  return memoized(endMemo, label, computeLabelEnd);
}
const endMemo = new Map<string, string>();
function computeLabelEnd(label: string): string {
  const from = Math.max(0, label.length - LABEL_END);
  let last = -1;
  for (const m of label.slice(from).matchAll(ENUMERATOR)) last = m.index;
  return last >= 0 ? label.slice(from + last) : label;
}

/** The text's last row label when it stops inside it (a row label's beginning, not the whole), else null. */
function cutLabel(text: string, leaves: readonly string[]): string | null {
  return cutLeaf(text, leaves) >= 0 ? labelEnd(text) : null;
}

/**
 * Which row label (its index in `leaves`) the text stops inside: its last enumerated piece (`1.信访举报投`) begins that
 * label and no other, and is not the whole of one; -1 when none. A bare enumerator (`2.`, any group's second row)
 * begins none. With `groups` (the group labels, folded), words of a merged group cell printed inside the piece are
 * passed over (`1.本机关不掌` `度办理结` `握相关政府信`: 三、本年度办理结果 spans the rows, and a PDF's text prints its
 * lines among the row label's).
 */
export function cutLeaf(text: string, leaves: readonly string[], groups: readonly string[] = []): number {
  const piece = fold(labelEnd(text));
  if (piece.replace(ENUMERATOR, '').length < 2 || leaves.some((l) => piece.endsWith(l))) return -1;
  const begun = leaves.flatMap((l, i) => (l.startsWith(piece) ? [i] : []));
  if (begun.length || !groups.length) return begun.length === 1 ? begun[0]! : -1;
  const around = leaves.flatMap((l, i) => (beginsAround(piece, l, groups) ? [i] : []));
  return around.length === 1 ? around[0]! : -1;
}

/**
 * Whether `piece` is the beginning of `leaf` (not the whole of it) with one or more runs of a group label's words
 * inside it, each run standing between two of the leaf's characters: the piece starts and ends in the leaf.
 */
function beginsAround(piece: string, leaf: string, groups: readonly string[]): boolean {
  let j = 0;
  let runs = 0;
  for (let i = 0; i < piece.length; ) {
    if (j < leaf.length && piece[i] === leaf[j]) {
      i++;
      j++;
      continue;
    }
    if (j === 0 || j >= leaf.length) return false;
    let end = i + 1;
    while (end < piece.length && piece[end] !== leaf[j]) end++;
    if (end >= piece.length || !groups.some((g) => g.includes(piece.slice(i, end)))) return false;
    runs++;
    i = end;
  }
  return runs > 0 && j < leaf.length;
}
