/**
 * Row labels printed around their values in text without positions: a word processor's table with cells aligned to
 * their top sets a row's values on the first line of its wrapped label, and a text that prints the lines in order
 * (pdftohtml's, a line a `<br/>`) gives `7.属` `4` … `4` `于行` `政执` `法案` `卷` `8.属` `0` …. Segmented as printed,
 * each label would end with the next row's first line and take the next row's values. Where a segment's label ends
 * with the start of a row label (its last enumerated piece) and the lines the next segment opens with complete
 * exactly that row label, those lines are moved back to the row they belong to. Lines of a group label printed beside
 * them (`）无` `机关` `法提` `不掌` `供` …: （四）无法提供 wrapped beside 1.本机关不掌握相关政府信息) are passed over
 * and stay where they are. Nothing else moves: lines that do not complete the row label, in order, are left as
 * printed. A row label printed line by line among a group label's lines before its values is put together the same
 * way (`三、` `（一）予以` `本年` `公开` `1` `1`). Pure: no fs, no clock.
 */
import { foldBare } from '../normalize.ts';
import { addsAs, type Segment, type Token } from '../tokens.ts';
import { ENUMERATOR } from './rows.ts';
import { labelEnd } from './values-first.ts';

/** A label's last characters, longer than any row label with the spaces a layout puts in it. */
const TAIL = 96;

/** A line that starts with a row enumerator. */
const HAS_ROW_START = new RegExp(`^\\s*(?:${ENUMERATOR.source})`);

/** Where a segment label's lines start (the whole label one line when the segment does not say). */
function lineStarts(s: Segment): number[] {
  return s.lines?.length ? s.lines.map((l) => l.at) : [0];
}

/** The segment's label from `at` on, with its lines. */
function labelFrom(s: Segment, at: number): Segment {
  return { ...s, label: s.label.slice(at), lines: (s.lines ?? []).filter((l) => l.at >= at).map((l) => ({ ...l, at: l.at - at })) };
}

/**
 * The lines `next` opens with that complete the row label `rest` is the remainder of, in order, with group label
 * lines among them passed over: the label text of each kind, and where in `next.label` the lines end. Null when the
 * lines do not complete it.
 */
function completion(next: Segment, rest: string, groups: readonly string[]): { own: string; beside: string; end: number } | null {
  const starts = lineStarts(next);
  let own = '';
  let beside = '';
  let left = rest;
  for (let k = 0; k < starts.length && left; k++) {
    const text = next.label.slice(starts[k], starts[k + 1] ?? next.label.length);
    const line = foldBare(text);
    if (!line) continue;
    // (or a group label's piece and the row label's side by side on one line, their cells' texts run together:
    // `本年公开`, pdf2json's text of a word processor's table)
    const cut = left.startsWith(line) || groups.some((g) => g.includes(line)) ? -1 : besideCut(line, left, groups);
    if (cut > 0) return { own: own + line.slice(cut), beside: beside + line.slice(0, cut), end: starts[k + 1] ?? next.label.length };
    if (left.startsWith(line)) {
      own += text;
      left = left.slice(line.length);
      if (!left) return { own, beside, end: starts[k + 1] ?? next.label.length };
    } else if (groups.some((g) => g.includes(line))) beside += text;
    else return null;
  }
  return null;
}

/** Where a folded line parts into a group label's piece and `left` (the row label's rest), or -1. */
function besideCut(line: string, left: string, groups: readonly string[]): number {
  // (the row label's whole rest, after a group label's piece of two characters or more)
  const j = line.length - left.length;
  return j >= 2 && line.endsWith(left) && groups.some((g) => g.includes(line.slice(0, j))) ? j : -1;
}

/**
 * A label whose last row label is printed line by line among a group label's lines (`三、` `（一）予以` `本年` `公开`:
 * 三、本年度办理结果 wrapped beside （一）予以公开), with the row label's lines put together at its end and the group's
 * before them (`三、本年（一）予以公开`), so that it names its row in full; the label as it is when it does not.
 */
function untangled(s: Segment, leaves: readonly string[], groups: readonly string[]): Segment {
  const starts = lineStarts(s);
  for (let k = starts.length - 1; k >= 0; k--) {
    const text = s.label.slice(starts[k], starts[k + 1] ?? s.label.length);
    const start = labelEnd(text);
    if (start === text && !HAS_ROW_START.test(text)) continue;
    const begun = foldBare(start);
    const leaf = leaves.filter((l) => l.startsWith(begun) && l !== begun);
    if (leaf.length !== 1) return s;
    const rest = labelFrom(s, starts[k + 1] ?? s.label.length);
    const done = completion(rest, leaf[0]!.slice(begun.length), groups);
    if (!done || !done.beside) return s;
    // (after it, a group label's lines only: `度办`, the rest of 三、本年度办理结果 a layout put above the next row)
    const after = lineStarts(rest).filter((at) => at >= done.end);
    const lines = after.map((at, x) => foldBare(rest.label.slice(at, after[x + 1] ?? rest.label.length)));
    if (lines.some((l) => l && !groups.some((g) => g.includes(l)))) return s;
    const tail = rest.label.slice(done.end);
    return { label: s.label.slice(0, starts[k]! + text.length - start.length) + done.beside + tail + start + done.own, labelLine: s.labelLine, values: s.values };
  }
  return s;
}

/** A segment's label without the group label lines it ends with (`处理`, of （六）其他处理), and those lines. */
function withoutGroupLines(s: Segment, groups: readonly string[]): { text: string; beside: string } {
  const starts = lineStarts(s);
  let end = s.label.length;
  for (let k = starts.length - 1; k > 0; k--) {
    const line = s.label.slice(starts[k], end);
    const folded = foldBare(line);
    if (!folded || HAS_ROW_START.test(line) || !groups.some((g) => g.includes(folded))) break;
    end = starts[k]!;
  }
  return { text: s.label.slice(0, end), beside: s.label.slice(end) };
}

/** Whether a row's cells, every one a number or a placeholder, add up: the others to the last (总计). */
function addsUp(cells: readonly Token[]): boolean {
  const values = cells.map(addsAs);
  if (values.some((v) => v === null)) return false;
  return (values as number[]).slice(0, -1).reduce((a, v) => a + v, 0) === values[values.length - 1];
}

/**
 * `segments` with each row label's lines printed below its values moved back to it, and a row label's lines printed
 * among a group label's put together (`leaves`: the row labels, `groups`: the group labels, both foldBare'd; `width`:
 * a row's cells, for the values printed beside a label's last line, see `rest` below).
 */
export function labelsAroundValues(segments: readonly Segment[], leaves: readonly string[], groups: readonly string[], width = Infinity): Segment[] {
  let out: Segment[] | null = null;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    // (a segment without values names no row read; one ending with a whole row label needs nothing put together)
    if (!s.values.length) continue;
    const folded = foldBare(s.label.slice(-TAIL));
    if (leaves.some((l) => folded.endsWith(l))) continue;
    const own = untangled(s, leaves, groups);
    if (own !== s) (out ??= [...segments])[i] = own;
  }
  for (let i = 0; i + 1 < segments.length; i++) {
    const s = (out ?? segments)[i]!;
    const next = (out ?? segments)[i + 1]!;
    if (!s.values.length) continue;
    // (a group label's lines printed after the row label's first ones, `2.申请人逾期…、行` `处理`, are passed over)
    const { text, beside } = withoutGroupLines(s, groups);
    const start = labelEnd(text);
    const begun = foldBare(start);
    if ((start === text && !HAS_ROW_START.test(start)) || leaves.includes(begun)) continue;
    const leaf = leaves.filter((l) => l.startsWith(begun));
    if (leaf.length !== 1) continue;
    const done = completion(next, leaf[0]!.slice(begun.length), groups);
    if (!done) continue;
    out ??= [...segments];
    const label = text.slice(0, text.length - start.length) + beside + start;
    // (the completion the whole of the next label, its values on a later line of a layout and too few, with the
    // row's own, for more than one row: the rest of the row, a cell set lower beside the label's last line,
    // `1. 本机关不掌握相 22` over `关政府信息   3   25`; by their columns they are the row's cells)
    // (or, in text without positions, `四、结转下年度继续 0` / `办理` / six values one a line: the row's first cell beside
    // its label's first line and the others after its last, a whole row that adds up)
    const joined = [...s.values, ...next.values];
    const rest =
      done.end === next.label.length &&
      !done.beside &&
      next.values.length > 0 &&
      joined.length <= width &&
      (joined.every((t) => t.at !== undefined) || (joined.length === width && addsUp(joined))) &&
      next.values[0]!.line > s.values[s.values.length - 1]!.line;
    if (rest) {
      out[i] = { ...s, label: label + done.own, below: s.below ?? label.length, values: [...s.values, ...next.values] };
      out[i + 1] = { label: '', labelLine: next.labelLine, lines: [], values: [] };
      continue;
    }
    out[i] = { ...s, label: label + done.own, below: s.below ?? label.length };
    // (the next label's lines from the first left on; its last line's start no longer holds a layout's meaning)
    const shift = done.beside.length - done.end;
    const lines = [
      ...(done.beside ? [{ at: 0, line: next.labelLine }] : []),
      ...(next.lines ?? []).filter((l) => l.at >= done.end).map((l) => ({ at: l.at + shift, line: l.line })),
    ];
    out[i + 1] = { label: done.beside + next.label.slice(done.end), labelLine: next.labelLine, lines, values: next.values };
  }
  return out ?? (segments as Segment[]);
}
