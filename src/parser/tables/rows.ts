/** From segments to value rows of a fixed width, then to template rows by an order-preserving alignment. */
import { cellsApart, eachOnItsLine, oneLine, type Segment, type Token } from '../tokens.ts';
import { indexKeys, LABEL_MATCH, labelKey, labelScores, lastNamed, prepareLabel, scoreAll, type KeyIndex } from '../labels.ts';
import type { TemplateRow } from '../template.ts';
import { fold } from '../normalize.ts';
import { memoized } from '../memo.ts';
import { WIDTH as TOTALLED_WIDTH } from './band.ts';
import { NAMES } from './header-columns.ts';

export interface ValueRow {
  label: string;
  line: number;
  values: Token[];
  /** Numbers dropped as noise between a label and its row. */
  strays: Token[];
  /** Where in `label` the text printed below the values starts (Segment.below). */
  below?: number;
  /** True when the row was cut by count from a run of more values than one row holds, under one label. */
  cut?: boolean;
  /** The line as printed, when the row was read by dropping a spanned cell's repeats from it (withoutRepeats). */
  repeated?: readonly Token[];
  /**
   * True when the values are in no known order or row: a layout printed them over several lines and the positions
   * do not settle their columns (byColumn), or a block of labels heads a stream that makes no whole rows.
   */
  unsettled?: boolean;
  /** True when the row was cut by count from one label's stream of values one a line of which another row does not add up. */
  unordered?: boolean;
  /** Of a row cut by count from one label's stream, how many values the stream held. */
  streamLength?: number;
  /**
   * True when that stream follows row labels that printed no values (pdfminer prints a page's labels as a block, then
   * its values): its first row is not known to be the label's just before it.
   */
  afterBlock?: boolean;
  /**
   * The row label printed on the row's own value line, from the line's enumerator on (`开  5.属于三类内部事务信息
   * 1  1`: a layout's label column wraps its parents' words around it), when the line has one enumerator.
   */
  own?: string;
  /**
   * The words on the row's own value line before its values when they open with what is left of an enumerator whose
   * numeral was lost (`、结转下年度继续  4 2 0 …`: OCR read 四、 as 、).
   */
  lineWords?: string;
  /** True when the row was read column by column from a block of rows' stream (see valueRows). */
  columnMajor?: boolean;
}

/** Tokens grouped by line, in order. */
export function byLine(values: readonly Token[]): Token[][] {
  const groups: Token[][] = [];
  for (const v of values) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.line === v.line) last.push(v);
    else groups.push([v]);
  }
  return groups;
}

const hasGlue = (values: readonly Token[]): boolean => values.some((v) => v.glued);

/**
 * Blank cells of delimited rows (HTML tables, markdown, text-browser grids) kept where they hold a position: on a
 * line whose printed values are fewer than `width` and that, with its blank cells, has exactly `width` cells — a
 * row whose grid says where each printed value sits. On any other line the blanks are dropped (a label spanning two
 * columns, an OCR export's stray empty columns): the values are read as before, by their order and the identities,
 * never placed by a grid that does not fit. A line of blank cells only is a row left blank: `width` blanks.
 */
export function fitBlanks(values: readonly Token[], width: number): Token[] {
  if (!values.some((v) => v.blank)) return values as Token[];
  const out: Token[] = [];
  for (const printed of byLine(values)) {
    // blank cells past the table's width at the row's end (w3m draws an empty last column, a colspan'd blank cell
    // is two) are no cells of the row, when its first cell holds a value: a row whose cells a converter shifted
    // right (pandoc lays out cells under a rowspan a column off) starts with a blank, and is not cut to fit
    let end = printed.length;
    while (end > width && printed[end - 1]!.blank) end--;
    // blank cells before the row's first value, more than the table's width holds: the label's own columns (a
    // markdown pipe table flattened from merged cells gives every row the label columns of the widest label)
    let start = 0;
    if (end === printed.length) while (printed.length - start > width && printed[start]!.blank) start++;
    if (start > 0 && printed.length - start === width) {
      out.push(...printed.slice(start));
      continue;
    }
    // (a 表三 row so cut that then does not add up, its total printed, may be a number its narrow cell wrapped over
    // two cells, `3117 | 24 | … | 1237 | · | ·` for 311724: the cut is not taken)
    const fits = end === width && !printed[0]!.blank && (end === printed.length || width !== TOTALLED_WIDTH || addsUpWithBlanks(printed.slice(0, end)));
    const group = fits && end < printed.length ? printed.slice(0, end) : printed;
    let solid = 0;
    for (const t of group) if (!t.blank) solid++;
    if (solid === 0) for (let x = 0; x < width; x++) out.push(group[Math.min(x, group.length - 1)]!); // a row left blank
    else if (solid < width && group.length === width) out.push(...group);
    // (a 表三 row of more cells than columns, its blanks among its numbers, whose numbers without them would be seven
    // that do not add up, their total printed: a cell a line whose narrow cells wrap numbers over two, `8292 | 1 |
    // 3535 | · | · | 202 | 101 | 8675 | 9` for 82921 … 86759; kept whole, a row of more cells than the table has)
    else if (width === TOTALLED_WIDTH && solid === width && group.length > width && blanksAmong(group) && !addsUpWithBlanks(group.filter((t) => !t.blank))) out.push(...group);
    else for (const t of group) if (!t.blank) out.push(t);
  }
  return out;
}

/** Whether a blank cell stands between two of the row's values (not only at its edges, a label's empty columns). */
function blanksAmong(cells: readonly Token[]): boolean {
  const first = cells.findIndex((t) => !t.blank);
  const last = cells.findLastIndex((t) => !t.blank);
  return cells.slice(first, last).some((t) => t.blank);
}

/** Whether a 表三 row's cells add up, its six applicant columns (a blank 0) to its 总计; a blank 总计 holds. */
function addsUpWithBlanks(cells: readonly Token[]): boolean {
  const total = cells[cells.length - 1]!;
  if (total.value === undefined) return true;
  return Math.abs(cells.slice(0, -1).reduce((a, t) => a + (t.value ?? 0), 0) - total.value) < 1e-6;
}

/**
 * Where a numbered row label starts: （六）, 四、, 1. (and （六 ）, 四 、 with the space pdf2json's text sets after a
 * numeral, where the PDF's text run breaks; a bracket spaced on both sides, `（ 三 ）`, is pdfminer's characters
 * spaced one by one in a narrow merged cell, a group's label that stays as it was read)
 */
export const ENUMERATOR = /（[一二三四五六七八九十] ?）|[一二三四五六七八九十] ?、|(?<![\d.])\d{1,2}[.．](?!\d)/g;
/** ENUMERATOR without its global flag, for test(): a global regex's test() leaves a lastIndex that matchAll copies. */
export const HAS_ENUMERATOR = new RegExp(ENUMERATOR.source);
/**
 * ENUMERATOR with a space on either side of a bracket's numeral too (`（ 二 ）部分公开`, pdf2json's text of a word
 * processor's table): where label lines below a row's values are cut, a line opening so starts the next row's label.
 */
const SPACED_ENUMERATOR = new RegExp(ENUMERATOR.source.replace('（[', '（ ?['));
/** A text's opening row enumerator (after spaces). */
const OPENS_WITH_ENUMERATOR = new RegExp(`^\\s*(?:${ENUMERATOR.source})`);

/**
 * A block of row labels printed before their rows' values (pdftotext's reading order: `（六）其他处理 （七）总计
 * 四、结转下年度继续办理` then 21 numbers), cut at each numbered label (what comes before the first is the end of the
 * previous row's label, wrapped), when there are exactly as many as rows cut from the values and each is a label of
 * its own; else null (the whole label stays with the first row, the others are placed by order). `groups` are the
 * template's group labels (folded): a group label's first words cut off by wrapping are never a row's label; with
 * `dropGroups`, whole group labels among more labels than rows are dropped (the rows' parent printed among them).
 */
function labelBlock(label: string, rows: number, groups: readonly string[], dropGroups = false): string[] | null {
  const starts: number[] = [];
  for (const m of label.matchAll(ENUMERATOR)) starts.push(m.index);
  let parts = starts.map((at, i) => label.slice(at, starts[i + 1] ?? label.length));
  // (a merged group cell's label among them, `三、本年度办理结果` or `（三）不予公` cut by the values: the rows' parent,
  // no row of its own)
  if (dropGroups && parts.length > rows) parts = parts.filter((p) => !isGroup(p, groups));
  // (a group label's first words alone, the rest wrapped below its rows' labels, `三、本年` `（一）予以公开` `度办理结`:
  // never a row's label)
  if (parts.some((p) => isGroup(p, groups, true))) return null;
  if (parts.length !== rows) return null;
  // not an enumerator alone: `三、（一）予以公开` is one row under its parent's number
  return parts.every((p) => /\p{Script=Han}{2}/u.test(p.replace(ENUMERATOR, ''))) ? parts : null;
}

/** Two of 表三's applicant columns' names but 其他 (a row's label too; folded, in any order): its header, or part of it. */
const HEADER_NAME = NAMES.filter((n) => n !== '其他').join('|');
const HEADER_WORDS = new RegExp(`(?:${HEADER_NAME}).*(?:${HEADER_NAME})`);

/**
 * Whether segment `index`'s label ends with 表三's column header (after its last numbered row label) and an earlier
 * segment's label holds it too: the header printed again, as a page break repeats it.
 */
function repeatedHeader(segments: readonly Segment[], index: number): boolean {
  const label = segments[index]!.label;
  const last = [...label.matchAll(ENUMERATOR)].at(-1);
  if (!last || !HEADER_WORDS.test(fold(label.slice(last.index)))) return false;
  return segments.slice(0, index).some((s) => HEADER_WORDS.test(fold(s.label)));
}

/** Whether a label piece is a group label, whole or its beginning (three characters or more), of `groups` (folded). */
function isGroup(piece: string, groups: readonly string[], cut = false): boolean {
  const f = fold(piece);
  return f.length >= 3 && groups.some((g) => g.startsWith(f) && (!cut || g !== f));
}

/**
 * A row printed on the line of the last of several numbered labels (`（六）其他处理 1.申请人… 2.申请人… 3.其他  0 0 0
 * 0 0 0 0`: a text browser drops the rows left blank, keeping their labels, and so does a one-line crawl): the row
 * is the last label's.
 */
function lastLabel(seg: Segment, values: readonly Token[], next: Segment | undefined): string[] | null {
  if (seg.tailAt === undefined || seg.tailLine === undefined || !values.every((t) => t.line === seg.tailLine)) return null;
  const starts = enumeratorStarts(seg.label);
  const last = starts[starts.length - 1]!;
  if (starts.length < 2) return null;
  // values with no row label of their own right after (`6. 属于四类过程性信息 7. 属于行政执法案卷  0 0 …` over `果  0
  // 0 …`): the block's labels are these rows' together, which is which left to the labels as a whole
  if (next && next.values.length && !HAS_ENUMERATOR.test(next.label)) return last >= seg.tailAt && NUMBERED_START.test(seg.label.slice(seg.tailAt)) ? [seg.label.slice(seg.tailAt)] : null;
  // (from the last label on, wherever it starts: a one-line crawl prints every label on the values' line,
  // `5.属于三类内部事务信息6.属于四类过程性信息7.属于行政执法案卷44`, and a PDF's text stream may wrap the last one
  // over lines before its values, `7.属` `于行` … `卷4 4`)
  return [seg.label.slice(last)];
}
const NUMBERED_START = /^\s*(?:（[一二三四五六七八九十]）|[一二三四五六七八九十]、|\d{1,2}[.．](?!\d))/;

/** Where each row enumerator in a label starts (memoised per label: callers only read the list). */
function enumeratorStarts(label: string): readonly number[] {
  return memoized(startsMemo, label, (l) => [...l.matchAll(ENUMERATOR)].map((m) => m.index));
}
const startsMemo = new Map<string, readonly number[]>();

/**
 * The row of `width` values left when the values beyond `width` are dropped as repeats of the value before them
 * (the same text), when every such choice leaves the same values and they add up (the first width − 1 make the
 * last); else null.
 */
function withoutRepeats(values: readonly Token[], width: number): Token[] | null {
  const extra = values.length - width;
  if (!values.every((t) => t.kind === 'num' && !t.problem && t.value !== undefined)) return null;
  const found = new Map<string, Token[]>();
  const walk = (i: number, dropped: number, kept: Token[]): void => {
    if (found.size > 1) return;
    if (i === values.length) {
      if (dropped === extra) found.set(kept.map((t) => t.text).join(','), [...kept]);
      return;
    }
    const t = values[i]!;
    if (dropped < extra && i > 0 && values[i - 1]!.text === t.text) walk(i + 1, dropped + 1, kept);
    kept.push(t);
    walk(i + 1, dropped, kept);
    kept.pop();
  };
  walk(0, 0, []);
  if (found.size !== 1) return null;
  const row = [...found.values()][0]!;
  let sum = 0;
  for (let x = 0; x < width - 1; x++) sum += row[x]!.value!;
  return sum === row[width - 1]!.value ? row : null;
}

/**
 * Row labels a narrow column wraps around their values (a Word or LibreOffice table): with cells aligned to their
 * top the values stand on the label's first line (`7.属   4  0 …  4`) and the rest of the label (`于行政执法案卷`)
 * on the lines below; centred, the values stand on a middle line (`家秘 0 …`) with label lines above and below.
 * Segmented as printed, a row's label would start with the tail of the row above (`于四类过程性信息7.属`) and read
 * as that row's. In layout text, the label lines between two rows' values are cut where a row label starts: at the
 * first of those lines holding a row enumerator (1. （三） 四、), or, when none does but the text on the values' own
 * line does, after all of them. The lines before the cut end the row above's label; labels of rows that printed
 * nothing, between the cut and the row's own label start, become a segment of their own with no values. Segments
 * printed otherwise are returned as they are.
 */
export function labelsBelowValues(segments: readonly Segment[], leaves: readonly string[] = []): Segment[] {
  let changed = false;
  const out: Segment[] = [];
  // (layout text only: values placed on their line by spaces, `at` set; a delimited row's cells are cells. A row of
  // placeholders only, `2.没   —    —`, has no number to say so, and is in layout text where the table is)
  const layout = segments.some((s) => s.values.some((t) => t.at !== undefined));
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    const prev = out[out.length - 1];
    if (!prev || !layout || !s.values.length || !prev.values.length || !s.lines?.length || (s.values[0]!.at === undefined && s.values.some((t) => t.kind === 'num'))) {
      out.push(s);
      continue;
    }
    const valuesLine = s.values[0]!.line;
    const above = s.lines.filter((l) => l.line < valuesLine);
    const text = (k: number): string => s.label.slice(s.lines![k]!.at, s.lines![k + 1]?.at ?? s.label.length);
    const own = above.length && above.length < s.lines.length ? enumeratorKind(s.label.slice(s.lines[above.length]!.at)) : null;
    let cut = above.findIndex((_, k) => SPACED_ENUMERATOR.test(text(k)));
    if (cut < 0 && own) cut = above.length;
    // (unless the text above the cut is the start of the row's own label printed above its enumerator, a word
    // processor's enumerator in another font set lower: `保护第三方合法权益` over `4.   1  0 …`, `其他法律行政法规禁` over
    // `2.` over `止公开  0 …`; joined after that enumerator it begins a row label of the table)
    if (cut > 0 && leaves.length) {
      const enumerator = OPENS_WITH_ENUMERATOR.exec(s.label.slice(s.lines[cut]!.at))?.[0].trim();
      const pre = fold(s.label.slice(0, s.lines[cut]!.at)).replace(/\s+/g, '');
      if (enumerator && pre.length >= 2 && leaves.some((l) => l.startsWith(fold(enumerator) + pre))) cut = 0;
    }
    if (cut <= 0) {
      out.push(s);
      continue;
    }
    changed = true;
    const slice = (from: number, to: number): Segment => {
      const at = s.lines![from]?.at ?? s.label.length;
      const upTo = s.lines![to]?.at ?? s.label.length;
      const lines = s.lines!.slice(from, to).map((l) => ({ at: l.at - at, line: l.line }));
      return { ...s, label: s.label.slice(at, upTo), labelLine: lines[0]?.line ?? s.labelLine, tailAt: Math.max(0, (s.tailAt ?? at) - at), lines, values: [] };
    };
    const moved = s.lines.slice(0, cut).map((l) => ({ at: prev.label.length + l.at, line: l.line }));
    out[out.length - 1] = { ...prev, label: prev.label + s.label.slice(0, s.lines[cut]?.at ?? s.label.length), below: prev.below ?? prev.label.length, lines: [...(prev.lines ?? []), ...moved] };
    // The row's label starts at the last label start above its values (`二、上年结转政府信` `息公开申请数量` `三、 （一）予以`
    // over a centred `1  1`), or on the values' own line when that starts a label of the same rank as one above
    // (`8.属于行政查询事项` over `（四 1.本  31  31`): the labels before it are rows left blank, no part of this row's
    let start = cut;
    for (let k = cut + 1; k < above.length; k++) if (HAS_ENUMERATOR.test(text(k))) start = k;
    if (own && cut < above.length && above.slice(cut).some((_, k) => enumeratorKind(text(cut + k)) === own)) start = above.length;
    if (start > cut) out.push(slice(cut, start));
    out.push({ ...slice(start, s.lines.length), values: s.values });
  }
  return changed ? out : (segments as Segment[]);
}

/** The rank of the last row enumerator a text holds: `1.`, `（一）` or `一、`; null when it holds none. */
function enumeratorKind(text: string): 'number' | 'bracket' | 'ordinal' | null {
  const last = [...text.matchAll(ENUMERATOR)].pop()?.[0];
  return last === undefined ? null : last.startsWith('（') ? 'bracket' : /、$/.test(last) ? 'ordinal' : 'number';
}

/** Whether some line of a row sets two of its numbers or more in cells apart (two spaces or more between them). */
function laidOut(row: readonly Token[]): boolean {
  return row.some((t, i) => i > 0 && cellsApart(row[i - 1]!, t));
}

/**
 * A row whose values a layout printed over two lines or more (a cell set a little higher than the others, as a
 * word processor prints a vertically centred cell beside a wrapped label: `一、本年新收政府信   0` over `23  0 … 23`),
 * in the order of the columns they stand in. Positions count in characters (pdftotext's grid) or in display columns
 * (a text browser's, a wide character two): the order is taken when both give every value a column of its own and
 * agree on it, or when one does and the other sets a value inside another's digits (no column model of this text);
 * a row wrapped onto a new line starts again at the left, under the columns of the line above, and
 * keeps its printed order. When only one of them gives an order that is not the printed one, the row is
 * `unsettled` (its values are no row in a known order) unless all its values are equal.
 */
function byColumn(row: Token[]): { values: Token[]; unsettled: boolean } {
  const kept = { values: row, unsettled: false };
  if (row.length < 2 || row.every((t) => t.line === row[0]!.line)) return kept;
  if (row.some((t) => t.col === undefined || t.at === undefined)) {
    // (a laid-out row, a line of it setting numbers in cells apart, whose later line opens with a number of no column:
    // pdf2json's text of a table with centred cells, `一、本年新收政府信   0` over `23   0 … 23`; in no known order
    // unless its numbers are all one)
    const opening = row.some((t, k) => k > 0 && t.at === undefined && t.line !== row[k - 1]!.line);
    return opening && laidOut(row) && row.some((t) => t.value !== row[0]!.value) ? { values: row, unsettled: true } : kept;
  }
  const order = (pos: (t: Token) => number): Token[] | null => {
    const sorted = [...row].sort((a, b) => pos(a) - pos(b));
    for (let i = 1; i < sorted.length; i++) if (pos(sorted[i]!) - pos(sorted[i - 1]!) < 2) return null;
    return sorted;
  };
  const byChars = order((t) => t.at!);
  const byCols = order((t) => t.col!);
  const same = (a: readonly Token[] | null, b: readonly Token[] | null): boolean => !!a && !!b && a.every((t, i) => t === b[i]);
  // (one value on a line of its own beside the row's label and the rest on the next line: the label's wide characters
  // push it right, `一、本年新收…数量   4` over `0 0 0 0 0 4`, where the line of values alone starts at the left, so the
  // two lines' positions do not compare: as printed it is the row's first number, by position its last)
  const lines = new Set(row.map((t) => t.line));
  const lone = lines.size === 2 && [...lines].some((l) => row.filter((t) => t.line === l).length === 1);
  if (lone && [byChars, byCols].some((o) => o && !same(o, row)) && row.some((t) => t.value !== row[0]!.value)) return { values: row, unsettled: true };
  if (same(byChars, byCols)) return { values: byChars!, unsettled: false };
  // (a model that sets two values over each other, one starting inside the other's digits, is not the text's: where
  // the other one gives every value a column of its own, its order is the row's)
  const overlaps = (pos: (t: Token) => number): boolean => row.some((a) => row.some((b) => a !== b && pos(b) >= pos(a) && pos(b) < pos(a) + a.text.length));
  if (byChars && !byCols && overlaps((t) => t.col!)) return { values: byChars, unsettled: false };
  if (byCols && !byChars && overlaps((t) => t.at!)) return { values: byCols, unsettled: false };
  const moved = [byChars, byCols].some((o) => o && !same(o, row));
  return { values: row, unsettled: moved && row.some((t) => t.value !== row[0]!.value) };
}

/** Cuts each segment's values into rows of `width` cells, keeping line structure where the source has it. */
export function valueRows(segments: readonly Segment[], width: number, groupNames: readonly string[] = []): ValueRow[] {
  const out: ValueRow[] = [];
  for (const [index, printed] of segments.entries()) {
    const seg = { ...printed, values: fitBlanks(printed.values, width) };
    if (!seg.values.length) continue;
    // (a stream right after row labels that printed no values: pdfminer's block of labels, then the block's values)
    const before = segments[index - 1];
    const afterBlock = !!before && !before.values.length && HAS_ENUMERATOR.test(before.label);
    const groups = byLine(seg.values);
    const rows: Token[][] = [];
    /** Rows read by dropping a spanned cell's repeats, with the line as printed; rows whose columns are unsettled. */
    const repeated = new Map<Token[], Token[]>();
    const unsettled = new Set<Token[]>();
    if (groups.every((g) => g.length === 1)) {
      const stream = seg.values; // one value per line: the groups in order are the values themselves
      for (let i = 0; i < stream.length; i += width) rows.push(stream.slice(i, i + width));
    } else {
      let acc: Token[] = [];
      for (const g of groups) {
        if (acc.length && acc.length + g.length > width) {
          rows.push(acc);
          acc = [];
        }
        if (!acc.length && g.length > width && g.length < 2 * width) {
          // one line with more values than a row and fewer than two: no rows to cut by count. A cell spanning two
          // columns printed once per column (a PDF converter's markdown repeats a spanned cell's text) is read
          // when dropping repeats leaves exactly one row (by values) that adds up; else the line stays whole
          // (too many values: unreadable, never cut into a row and a stray)
          const once = withoutRepeats(g, width);
          if (once) repeated.set(once, g);
          rows.push(once ?? g);
          continue;
        }
        if (!acc.length && g.length >= width) {
          for (let i = 0; i < g.length; i += width) rows.push(g.slice(i, i + width));
          continue;
        }
        acc = acc.concat(g);
        if (acc.length === width) {
          const ordered = byColumn(acc);
          if (ordered.unsettled) unsettled.add(ordered.values);
          rows.push(ordered.values);
          acc = [];
        }
      }
      // (a row short of cells over several lines too: in the columns it stands in, or unsettled, as a whole one)
      if (acc.length) {
        const ordered = byColumn(acc);
        if (ordered.unsettled) unsettled.add(ordered.values);
        rows.push(ordered.values);
      }
    }
    // A line of blank cells only beside a label whose values a later line of the same segment prints is no row left
    // blank: a text browser draws a tall label cell's first line with the row's empty cells, its values on the middle
    // line (`| 1.申请人无正当理由逾期不补正、行政机关 |     |    |` over `|  | 8 | 0 | … | 8 |`)
    if (rows.length > 1 && rows.some((r) => !r.every((t) => t.blank))) {
      for (let i = rows.length - 1; i >= 0; i--) if (rows[i]!.every((t) => t.blank)) rows.splice(i, 1);
    }
    // A short row followed by a whole row inside one segment is noise printed between a label and its values.
    const strays: Token[] = [];
    const kept: Token[][] = [];
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      const next = rows[i + 1];
      if (r.length < width && !hasGlue(r) && next && next.length === width && kept.length === 0) strays.push(...r);
      else kept.push(r);
    }
    let labels = kept.length > 1 ? labelBlock(seg.label, kept.length, groupNames) : kept.length === 1 ? lastLabel(seg, kept[0]!, segments[index + 1]) : null;
    // (the table's column header printed after the labels, `…1.属于国家秘密 申请人情况 … 自然人 商业企业 … 总计`, as it
    // was before the table's first values: a page's repeated header, so the values after it are the next page's rows,
    // whose labels come after them, not these)
    if (labels && kept.length > 1 && repeatedHeader(segments, index)) labels = null;
    // a block of labels over a stream of one value a line that does not make as many whole rows (`3.要求提供公开出版物
    // 4.无正当理由大量反复申请` over eight zeros: four rows of two beside blank cells, no row of seven and a stray)
    // Nor do whole rows read row by row when one of them does not add up, or when reading the stream column by
    // column (as a PDF extractor prints a table's cells: each column's cells of these rows in turn) makes other rows
    // that all add up: the order is not known (a row of its column's zeros would pass where the row printed 23)
    const oneALine = eachOnItsLine(seg.values);
    // …and where read row by row a row does not add up, while read column by column every row does, the stream is
    // the columns' (pdfminer prints a page's block of rows a column at a time: `80 0 22 19 0` the 自然人 cells of five
    // rows, then each 法人 column's, then `81 0 22 20 0` their 总计): the one order of the two the rows hold in
    // (the block's labels may hold their groups' too: `三、本年度办理结果` `（三）不予公` over the rows they span)
    const block = kept.length > 1 && oneALine && kept.every((r) => r.length === width) ? (labels ?? labelBlock(seg.label, kept.length, groupNames, true)) : null;
    const columns = block ? byColumnOnly(kept, width) : null;
    if (columns) {
      kept.splice(0, kept.length, ...columns);
      labels = block;
    }
    const short = !!labels && kept.length > 1 && oneALine && !columns && (kept.some((r) => r.length !== width) || !oneOrder(kept, width));
    // One label's stream of values one a line, cut by count into rows, of which one does not add up, or which does
    // not divide into whole rows: the stream is in no row order (a PDF extractor's columns), or holds rows of another
    // length (twelve values, two untotalled rows of six), and a row of it that adds up may do so by chance
    // (`2 0 0 0 0 0 2` cut from a column of zeros, `3 0 0 0 0 0 3` from `3 0 0 0 0 0` `3 0 0 0 0 0`)
    const unordered = !labels && kept.length > 1 && oneALine && kept.some((r) => (r.length === width && !sumHolds(r)) || (r.length < width && !hasGlue(r)));
    kept.forEach((values, i) => {
      const row: ValueRow = { label: labels ? labels[i]! : i === 0 ? seg.label : '', line: values[0]!.line, values, strays: i === 0 ? strays : [] };
      if (i === 0 && !labels && seg.tailAt !== undefined && seg.tailLine === values[0]!.line) {
        // (one enumerator only: `6. 属于四类过程性信息 7. 属于行政执法案卷  0 0 …` names two rows, and the values are
        // either's; `（三）不予公开 1.属于国家秘密` is left to the label as a whole)
        const tail = seg.label.slice(seg.tailAt);
        const found = enumeratorStarts(tail);
        if (found.length === 1) row.own = tail.slice(found[0]);
        else if (!found.length && LOST_ENUMERATOR.test(tail)) row.lineWords = tail;
      }
      if (i === 0 && !labels && seg.below !== undefined) row.below = seg.below;
      if (kept.length > 1 && !labels) {
        row.cut = true;
        row.streamLength = kept.reduce((n, r) => n + r.length, 0);
        if (afterBlock) row.afterBlock = true;
      }
      const printed = repeated.get(values);
      if (printed) row.repeated = printed;
      if (short || unsettled.has(values)) row.unsettled = true;
      if (unordered) row.unordered = true;
      if (columns) row.columnMajor = true;
      out.push(row);
    });
  }
  return out;
}


const keyLists = new WeakMap<readonly TemplateRow[], string[]>();

/** The label keys of a template's rows (one list per template, so scores memoised per list are shared). */
function keysOf(template: readonly TemplateRow[]): string[] {
  let keys = keyLists.get(template);
  if (!keys) keyLists.set(template, (keys = template.map((r) => labelKey(r.label))));
  return keys;
}

/** A sub-row's number (`3.` of 3.危及“三安全一稳定”), as a printed label sets it before its words. */
const SUB_ROW_NUMBER = /(?<![\d.])(\d{1,2})[.．](?!\d)/g;

/** The sub-row numbers a printed label holds (memoised per label: callers only read the set). */
function subRowNumbers(label: string): ReadonlySet<number> {
  return memoized(subRowMemo, label, (l) => new Set([...l.matchAll(SUB_ROW_NUMBER)].map((m) => Number(m[1]))));
}
const subRowMemo = new Map<string, ReadonlySet<number>>();

const templateNumbers = new WeakMap<readonly TemplateRow[], Array<number | null>>();
/** Each template row's sub-row number (null for the rows with none: 一、 （一） …). */
function numbered(template: readonly TemplateRow[]): Array<number | null> {
  let out = templateNumbers.get(template);
  if (!out) {
    out = template.map((r) => {
      const m = /^(\d{1,2})[.．]/.exec(r.label.split(' / ').pop() ?? '');
      return m ? Number(m[1]) : null;
    });
    templateNumbers.set(template, out);
  }
  return out;
}

/** The template row a label matches best (-1 for none), and how well. */
function bestRow(label: string, keys: readonly string[]): { row: number; score: number } {
  let row = -1;
  let score = 0;
  labelScores(label, keys).forEach((s, j) => {
    if (s > score) {
      score = s;
      row = j;
    }
  });
  return { row, score };
}

/**
 * The rows of a stream of values one a line read column by column (the first value of each row, then the second, …)
 * when every one adds up, not all of them 0, and read row by row one does not; else null.
 */
function byColumnOnly(rows: readonly Token[][], width: number): Token[][] | null {
  if (rows.every(sumHolds)) return null;
  const stream = rows.flat();
  const byColumn = rows.map((_, r) => Array.from({ length: width }, (_, c) => stream[c * rows.length + r]!));
  return byColumn.every(sumHolds) && stream.some((t) => t.value !== 0) ? byColumn : null;
}

/**
 * Whether whole rows cut from a stream of values one a line can only be read row by row: each adds up, and the same
 * stream read column by column (the first value of each row, then the second, …) is the same rows or has a row that
 * does not add up.
 */
function oneOrder(rows: readonly Token[][], width: number): boolean {
  if (!rows.every(sumHolds)) return false;
  const stream = rows.flat();
  const byColumn = rows.map((_, r) => Array.from({ length: width }, (_, c) => stream[c * rows.length + r]!));
  const same = byColumn.every((row, r) => row.every((t, c) => t.value === rows[r]![c]!.value));
  return same || !byColumn.every(sumHolds);
}

/** Whether the parts of a row (all but its last cell) add up to its last (a 表三 row's 总计). */
export function sumHolds(values: readonly Token[]): boolean {
  let sum = 0;
  for (let x = 0; x < values.length - 1; x++) {
    const v = values[x]!;
    if (v.kind !== 'num' || v.value === undefined || v.problem) return false;
    sum += v.value;
  }
  const last = values[values.length - 1]!;
  return last.kind === 'num' && !last.problem && last.value === sum;
}

/**
 * Joins two consecutive short rows that together make one row, when the second's label is only a continuation:
 * no row's label, or the rest of the first's (`（二）部分公开（区分处理的，只计这 38` / `一情形，不计其他情形） 0 0 0 0
 * 0 38`: a layout wraps a long label and its numbers with it). A 表三 row joins only when it then adds up (its parts
 * to its 总计): two short rows of blank cells (`142 1 143` and `710 3 5 718`) are no row; elsewhere a number that
 * could be several glued cells does not join.
 */
export function mergeSplitRows(rows: readonly ValueRow[], width: number, template: readonly TemplateRow[]): ValueRow[] {
  const keys = keysOf(template);
  const out: ValueRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    const a = rows[i]!;
    const b = rows[i + 1];
    const continued = (): boolean => {
      const second = bestRow(b!.label, keys);
      const firstRow = bestRow(a.label, keys).row;
      // (nor the opening words of another row's label, its enumerator on the next line: `要求行政机关确认或重新 0` over
      // `5.`, after a row of six zeros of a table without totals)
      const text = prepareLabel(b!.label).text;
      const opens = text.length >= 4 ? keys.findIndex((k) => k.startsWith(text)) : -1;
      if (opens >= 0 && opens !== firstRow) return false;
      return second.score < LABEL_MATCH || (a.label !== '' && firstRow === second.row);
    };
    if (
      b &&
      a.values.length < width &&
      b.values.length < width &&
      a.values.length + b.values.length === width &&
      (width === TOTALLED_WIDTH ? sumHolds([...a.values, ...b.values]) : !hasGlue(a.values) && !hasGlue(b.values)) &&
      continued()
    ) {
      out.push({ label: a.label + b.label, line: a.line, values: [...a.values, ...b.values], strays: [...a.strays, ...b.strays], ...(a.below !== undefined ? { below: a.below } : {}) });
      i++;
    } else out.push(a);
  }
  return out;
}

/**
 * Order-preserving alignment of value rows to template rows (dynamic programming): every assignment earns a base
 * reward (more for a whole row) plus twice its label score, so unlabeled rows are placed by order and labels decide
 * where rows were lost or added.
 */
const indexes = new WeakMap<readonly TemplateRow[], KeyIndex>();

/**
 * Two reusable work arrays for alignRows (a typed array of this size lives outside the JS heap, and allocating
 * two per table cost more than the alignment itself). Every call writes what it reads (matrix in full, best zeroed
 * first), so no result depends on an earlier call. Sizes past SCRATCH_MAX (a table far larger than any report's)
 * get a one-off array, so the kept ones stay small.
 */
const SCRATCH_MAX = 1 << 14;
const buffers: Float64Array[] = [new Float64Array(1024), new Float64Array(1024)];
function scratch(which: 0 | 1, size: number): Float64Array {
  if (size > SCRATCH_MAX) return new Float64Array(size);
  if (buffers[which]!.length < size) buffers[which] = new Float64Array(SCRATCH_MAX);
  return buffers[which]!;
}

/** How well the label on a row's own value line must match a template row to name it alone (all of its pairs). */
const OWN_MATCH = 1;

/**
 * Words that open with what is left of a row enumerator whose numeral was lost (`、结转下年度继续`: OCR read 四、 as 、),
 * four characters or more.
 */
const LOST_ENUMERATOR = /^\s*[、．.]\s*\p{Script=Han}{4}/u;

/** How well the words on a row's value line, no enumerator among them, must match a row label to name it. */
const LINE_WORDS_MATCH = 0.6;

/** The index of the highest score (the first of equals). */
function topRow(scores: ArrayLike<number>): number {
  let k = 0;
  for (let x = 1; x < scores.length; x++) if (scores[x]! > scores[k]!) k = x;
  return k;
}

/** The one row that scores highest, at least `least`, no other as high; -1 when none does. */
function namedAlone(scores: ArrayLike<number>, least: number): number {
  const k = topRow(scores);
  let ties = 0;
  for (let x = 0; x < scores.length; x++) if (scores[x] === scores[k]) ties++;
  return scores[k]! >= least && ties === 1 ? k : -1;
}

/** Scores that name one row of `m` and no other (one shared array per row and size: callers only read it). */
function onlyRow(k: number, m: number): ArrayLike<number> {
  const bySize = (onlyRows[m] ??= []);
  let named = bySize[k];
  if (!named) {
    named = new Array<number>(m).fill(0);
    named[k] = 1;
    bySize[k] = named;
  }
  return named;
}
const onlyRows: number[][][] = [];

/** Template rows each given its value row, and the value rows placed by an order that settles no one of them. */
export interface Alignment {
  assigned: Map<string, ValueRow>;
  /**
   * Rows no label names placed among more such rows than template rows between their named neighbours (`8` rows cut
   * from a stream for one template row): the first is taken, as good a guess as any other.
   */
  loose: Set<ValueRow>;
}

export function alignRows(rows: readonly ValueRow[], template: readonly TemplateRow[], width: number): Alignment {
  let index = indexes.get(template);
  if (!index) {
    index = indexKeys(keysOf(template));
    indexes.set(template, index);
  }
  const n = rows.length;
  const m = template.length;
  const w = m + 1;
  const matrix = scratch(0, n * m);
  const best = scratch(1, (n + 1) * w);
  best.fill(0, 0, (n + 1) * w);
  const labelled: Array<ArrayLike<number> | null> = [];
  rows.forEach((r, i) => {
    const base = r.values.length === width || hasGlue(r.values) ? 1 : 0.4;
    let scores: ArrayLike<number> | null = r.label ? scoreAll(r.label, index) : null;
    // values on one line after several rows' whole labels are the last one's (those before printed nothing); values
    // one a line after them may be any one's (a stream, read or left in doubt by the table's reader)
    if (scores && oneLine(r.values)) scores = lastNamed(r.label, index.keys, scores);
    // words on the values' own line that name most of one row label and nothing of the row the label above names
    // (`（七）总计` / `、结转下年度继续  4 2 0 0 0 0 6` / `办理`: OCR dropped 四's numeral): that row's, not the label's
    if (scores && r.lineWords) {
      const words = scoreAll(r.lineWords, index);
      const k = namedAlone(words, LINE_WORDS_MATCH);
      const above = topRow(scores);
      if (k >= 0 && k !== above && words[above] === 0) scores = onlyRow(k, m);
    }
    // a whole row label on the values' own line names the row, whatever other rows' labels stand above it
    if (r.own) {
      const j = namedAlone(scoreAll(r.own, index), OWN_MATCH);
      if (j >= 0) scores = onlyRow(j, m);
    }
    // a row printed on one line whose label prints one sub-row number (`3.`) weighs half toward a numbered row of
    // another number: a layout that sets a row's number a line below its first words (`危及 三安全一` / `3. “` /
    // values / `稳定`, pdfplumber's) leaves each label with the next row's first words, which would name that row
    const printed = scores && r.label && oneLine(r.values) ? subRowNumbers(r.label) : null;
    if (scores && printed?.size === 1) {
      const own = numbered(template);
      const halved = new Array<number>(m);
      for (let j = 0; j < m; j++) halved[j] = own[j] !== null && !printed.has(own[j]!) ? scores[j]! / 2 : scores[j]!;
      scores = halved;
    }
    labelled.push(scores);
    for (let j = 0; j < m; j++) matrix[i * m + j] = base + 2 * (scores ? scores[j]! : 0);
  });
  const score = (i: number, j: number): number => matrix[i * m + j]!;
  // best[i * w + j]: best total using rows[i..] and template[j..] (one flat array; row n and column m stay 0)
  for (let i = n - 1; i >= 0; i--) {
    const here = i * w;
    const below = here + w;
    const scores = i * m;
    for (let j = m - 1; j >= 0; j--) {
      // max(skip the row, skip the template row, assign): Math.max of three, written out (all ≥ 0, never NaN)
      const skipRow = best[below + j]!;
      const skipTemplate = best[here + j + 1]!;
      const assign = matrix[scores + j]! + best[below + j + 1]!;
      const most = skipRow > skipTemplate ? skipRow : skipTemplate;
      best[here + j] = most > assign ? most : assign;
    }
  }
  const pairs: Array<[row: number, slot: number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const here = best[i * w + j]!;
    if (Math.abs(here - (score(i, j) + best[(i + 1) * w + j + 1]!)) < 1e-9) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (Math.abs(here - best[(i + 1) * w + j]!) < 1e-9) i++;
    else j++;
  }
  // A row no label names is placed by order only where the order settles it: between the rows its nearest named
  // neighbours were placed on, as many rows as template rows (fewer, and any of those rows could be it: the first is
  // no better a guess than the others)
  const named = ([r, slot]: [number, number]): boolean => (labelled[r]?.[slot] ?? 0) >= LABEL_MATCH;
  const out = new Map<string, ValueRow>();
  const loose = new Set<ValueRow>();
  pairs.forEach((p, k) => {
    if (!named(p)) {
      let a = k - 1;
      while (a >= 0 && !named(pairs[a]!)) a--;
      let b = k + 1;
      while (b < pairs.length && !named(pairs[b]!)) b++;
      const rowsFrom = a >= 0 ? pairs[a]![0] + 1 : 0;
      const rowsTo = b < pairs.length ? pairs[b]![0] : n;
      const slotsFrom = a >= 0 ? pairs[a]![1] + 1 : 0;
      const slotsTo = b < pairs.length ? pairs[b]![1] : m;
      if (rowsTo - rowsFrom < slotsTo - slotsFrom) return;
      if (rowsTo - rowsFrom > slotsTo - slotsFrom) loose.add(rows[p[0]]!);
    }
    out.set(template[p[1]]!.id, rows[p[0]]!);
  });
  return { assigned: out, loose };
}
