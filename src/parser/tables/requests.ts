/** 表三 收到和处理政府信息公开申请情况: 25 (2021) or 23 (2019) rows × 7 applicant columns. */
import type { Finding, TemplateId } from '../../schema/record.ts';
import { forEachSplit, splitsEnumerable, type Piece } from '../glued.ts';
import { inOrder, type Span } from './header-columns.ts';
import { key, partsOverTotal, requestEquations, residual } from '../identities.ts';
import { LABEL_MATCH, labelKey, labelScore } from '../labels.ts';
import { fold, foldBare } from '../normalize.ts';
import { chooseSplits, contradicted, inferCells, type Ambiguous } from '../solve.ts';
import { TEMPLATES } from '../template.ts';
import { statedSum, type ProseCell } from '../prose-cells.ts';
import { cellLabel, labelOf, resultRowIds, rowLabel } from '../../schema/template.ts';
import { addsAs, eachOnItsLine, foldedWords, leadingZero, mayBeGlued, numberOf, oneLine, rejoinSpaced, segment, type Segment, type Token } from '../tokens.ts';
import { columnsHold, readSplitRequests, readTransposedRequests, readUntotalledSplit } from './column-major.ts';
import { readChunkedRequests, type ChunkedRequests } from './chunks.ts';
import { readDisplacedRequests } from './displaced.ts';
import { CellStore, slotOf, type Cell } from './grid.ts';
import { placeShortRows, type Unplaced } from './short-rows.ts';
import { labelsAroundValues } from './wrapped-labels.ts';
import { brokenColumns } from './overdrawn.ts';
import { alignRows, labelsBelowValues, mergeSplitRows, valueRows, type ValueRow } from './rows.ts';
import { untotalled } from './untotalled.ts';
import { valuesAbove } from './values-above.ts';
import { cutLeaf, runsInOrder, valuesFirst, type Group } from './values-first.ts';

/** A 表三 row as printed, for messages: `（七）总计`, `1.属于国家秘密`. */
const rowName = (template: TemplateId, row: string): string => rowLabel(template, 'requests', row) ?? row;

/** A 2021-template report that prints （六）其他处理 as one row: the two sub-rows it did not print, named. */
const SINGLE_OTHER_NOTE = `本报告按 2021 年格式，但（六）其他处理只印了一行：数值记入「3.其他」，另两个子项${['otherHandling.noCorrection', 'otherHandling.feeUnpaid'].map((r) => `「${rowName('2021', r)}」`).join('')}保留为空`;

const WIDTH = 7;

export function cellFromToken(t: Token): Cell {
  const cell: Cell = { value: t.kind === 'num' ? (t.value ?? null) : null, line: t.line };
  if (t.kind !== 'num' || !printsAsValue(t.text, t.value)) cell.raw = t.text;
  if (t.blank) cell.blank = true;
  if (t.problem) {
    cell.value = null;
    cell.raw = t.text;
    cell.problem = t.problem;
  }
  return cell;
}

/**
 * Whether `text` === String(value). A number token's text of up to 15 plain digits, without a leading zero, always
 * is (the value is exact), which settles most cells without formatting the number.
 */
function printsAsValue(text: string, value: number | undefined): boolean {
  if (text.length > 15 || (text.length > 1 && text.charCodeAt(0) === 0x30)) return text === String(value);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return text === String(value);
  }
  return text.length > 0;
}

/** Applicant column names no row label holds (as a text prints them wrapped over lines, folded together). */
const APPLICANT_NAMES = /商业企业|科研机构|公益组织|服务机构/;

/**
 * Whether 表三's text prints applicant column names after its first value: a table printed in bands (each row's first
 * columns beside its label, the rest of the header and the rows' other cells after them, as pdftotext's reading order
 * prints a table too wide for its column), where a row's values beside its label are not all the cells it printed.
 */
function namesAfterValues(tokens: readonly Token[]): boolean {
  const first = tokens.findIndex((t) => t.kind === 'num');
  if (first < 0) return false;
  let text = '';
  for (let i = first + 1; i < tokens.length; i++) if (tokens[i]!.kind === 'text') text += tokens[i]!.text;
  return APPLICANT_NAMES.test(fold(text));
}

/** Runs rejoined from digit groups split by spaces (rejoinRow), with the groups as printed. */
const rejoined = new WeakMap<Token, readonly Token[]>();

/**
 * A row printed as digit groups split by stray spaces (`1 0 0 0 0 0 1 0`, `30 0 0 0 03`) that does not make a row as
 * printed (not 7 groups whose six applicant columns add up to 总计) is read as one glued run instead: the spaces
 * of &nbsp; padding fall anywhere, inside numbers too. The run is then split only where the identities allow.
 */
function rejoinRow(seg: Segment): Segment {
  const joined = rejoinSpaced(seg.values);
  if (!joined || !splitsEnumerable(joined.text.length, WIDTH)) return seg;
  const n = seg.values.length;
  // whole numbers that add up to the last one (`64 2 4 70`, `111 111`): a row printed with blank cells, its
  // numbers kept as printed, never cut into digits to fill the blanks
  if (printedShortRow(seg.values)) return { ...seg, values: seg.values.map((t) => ({ ...t, glued: false, spaced: false })) };
  if (n === WIDTH && rowSumHolds(seg.values.map((t) => t.value ?? null))) return seg;
  // fewer groups than cells, each a number as printed, off a crawl's line: spaces a text tool set between numbers
  // (pdfminer's `186787 3711 0`: a row whose other cells stand elsewhere), none inside one
  if (n < WIDTH && seg.values.every((t) => t.spacesBefore === undefined && !leadingZero(t))) return seg;
  if (n < WIDTH) {
    // fewer groups than cells: the groups as printed first (a crawl that keeps each row's runs apart)
    let fits = 0;
    forEachSplit(piecesOf(seg.values), WIDTH, (cells) => {
      if (rowSumHolds(cells)) fits++;
    });
    if (fits === 1) return seg;
  }
  rejoined.set(joined, seg.values);
  return { ...seg, values: [joined] };
}

/** A number's start, middle and end on its line, in one position model (cells align numbers left, centred or right). */
type Place = [number, number, number];
type Model = (t: Token) => Place | undefined;
const byChars: Model = (t) => (t.at === undefined ? undefined : [t.at, t.at + t.text.length / 2, t.at + t.text.length]);
const byColumns: Model = (t) => (t.col === undefined ? undefined : [t.col, t.col + t.text.length / 2, t.col + t.text.length]);

/** A header name's span on its line, in the position model the rows are placed by. */
const spanIn = (pos: Model, s: Span): [number, number] => (pos === byColumns ? s.columns : s.chars);
/** A header name's middle, in that model. */
const midIn = (pos: Model, s: Span): number => (spanIn(pos, s)[0] + spanIn(pos, s)[1]) / 2;
/** Of the header names numbered `names`, those a number's middle stands under (within 1). */
const namesOver = (p: Place, pos: Model, header: readonly Span[], names: readonly number[]): number[] =>
  names.filter((x) => p[1] >= spanIn(pos, header[x]!)[0] - 1 && p[1] <= spanIn(pos, header[x]!)[1] + 1);

/** Whether a number stands at a column: its start, middle or end within 1 of the column's. */
const near = (p: Place | undefined, q: Place): boolean => p !== undefined && (Math.abs(p[0] - q[0]) <= 1 || Math.abs(p[1] - q[1]) <= 1 || Math.abs(p[2] - q[2]) <= 1);

/** Where the table's rows print their first and last number, in the position model they are placed by. */
type Edges = { first: Place; last: Place; pos: Model };

/** How far apart the edge columns stand (middle to middle). */
const edgeWidth = (e: Edges): number => e.last[1] - e.first[1];

/** Whether a row's first and last numbers stand at the edge columns. */
const atEdges = (vr: ValueRow, e: Edges): boolean => near(e.pos(vr.values[0]!), e.first) && near(e.pos(vr.values[vr.values.length - 1]!), e.last);

/**
 * The start, middle and end most of the rows share for their first and last number (one edge's among the rows at
 * the other's), in the model (characters or display columns) under which most rows share them, with how many rows
 * stand at both.
 */
function bestEdges(lines: readonly ValueRow[], models: readonly Model[] = [byChars, byColumns]): (Edges & { support: number }) | null {
  let best: (Edges & { support: number }) | null = null;
  for (const pos of models) {
    const firstOf = (r: ValueRow): Place => pos(r.values[0]!)!;
    const lastOf = (r: ValueRow): Place => pos(r.values[r.values.length - 1]!)!;
    const column = (of: readonly ValueRow[], pick: (r: ValueRow) => Place): Place => {
      const places = of.map(pick);
      return [mode(places.map((p) => p[0])), mode(places.map((p) => p[1])), mode(places.map((p) => p[2]))];
    };
    for (const lastFirst of [false, true]) {
      let first: Place;
      let last: Place;
      if (lastFirst) {
        last = column(lines, lastOf);
        first = column(lines.filter((r) => near(lastOf(r), last)), firstOf);
      } else {
        first = column(lines, firstOf);
        last = column(lines.filter((r) => near(firstOf(r), first)), lastOf);
      }
      const support = lines.filter((r) => near(firstOf(r), first) && near(lastOf(r), last)).length;
      if (!best || support > best.support) best = { first, last, pos, support };
    }
  }
  return best;
}

/**
 * Where the table's rows print their first (自然人) and last (总计) number (bestEdges); null when fewer than three rows
 * and half the rows printed on one line with positions agree on both (no column grid to place a number by).
 * A table over two pages may print its rows at other columns on each (the second page's label columns narrower): when
 * the rows those edges do not place share edges of their own, three or more and as far apart, both pages' rows
 * count, and the other page's rows are moved onto the columns of the page the header's 自然人 stands over (else of
 * the page with more rows), so that every rule below places them alike (unless `movePages` is false).
 */
function edgeColumns(rows: readonly ValueRow[], header: readonly Span[] | null, movePages = true): Edges | null {
  const lines = rows.filter((r) => r.values.length >= 2 && r.values.every((t) => t.line === r.values[0]!.line && t.at !== undefined) && laidOut(r.values));
  if (lines.length < 3) return null;
  const a = bestEdges(lines)!;
  const rest = lines.filter((r) => !atEdges(r, a));
  const b = rest.length >= 3 ? bestEdges(rest, [a.pos]) : null;
  // (as far apart: both edges move alike, each within 1 once moved; a shift of a column or two is one page's own
  // spread, as pdftotext -layout packs each line apart)
  const paged =
    b && b.support >= 3 && Math.abs(edgeWidth(a) - edgeWidth(b)) <= 1 && Math.abs(a.first[1] - b.first[1]) >= 3 && (a.support + b.support) * 2 >= lines.length;
  const [main, other] = paged && overFirst(b, header) && !overFirst(a, header) ? [b, a] : [a, paged ? b : null];
  if (main.support < 3 || (!other && main.support * 2 < lines.length) || main.last[0] <= main.first[2] + 1) return null;
  if (other && movePages) {
    const shift = Math.round(main.first[1] - other.first[1]);
    for (const r of lines) {
      if (!atEdges(r, other) || atEdges(r, main)) continue;
      for (const t of r.values) {
        if (main.pos === byColumns) t.col = t.col! + shift;
        else t.at = t.at! + shift;
      }
    }
  }
  return main;
}

/**
 * Whether a row's numbers stand apart as a layout sets cells (two spaces or more between two of them): numbers one
 * space apart throughout are text in reading order, whose offsets on the line are no columns (`二、上年结转政府信 0 0 0`
 * and `4.保护第 0 0 0` print a row's first three cells, not its 自然人 … 总计).
 */
const laidOut = (values: readonly Token[]): boolean => values.some((t, i) => i > 0 && t.at! - (values[i - 1]!.at! + values[i - 1]!.text.length) >= 2);

/** Whether the header's 自然人 stands over the edges' first column (centred within 2). */
const overFirst = (e: Edges, header: readonly Span[] | null): boolean => !!header && header.length === WIDTH && Math.abs(midIn(e.pos, header[0]!) - e.first[1]) <= 2;

/**
 * The rows' edge columns, unless the header's names say the rows' last number stands under 其他, not under 总计 (a
 * table that leaves its 总计 column blank: `其 总` over rows ending `0   0` under 其): then no row's last number is
 * its 总计. Without the header's names (or names not placed), the edges as the rows show them.
 */
function lastUnderTotal(ends: Edges | null, header: readonly Span[] | null): Edges | null {
  if (!ends || !header || header.length !== WIDTH) return ends;
  // (the header placed as the rows are: 自然人 centred over their first numbers; the last under 其他, not 总计)
  if (!overFirst(ends, header)) return ends;
  const under = namesOver(ends.last, ends.pos, header, [WIDTH - 2, WIDTH - 1]);
  return under.length === 1 && under[0] === WIDTH - 2 ? null : ends;
}

/**
 * The columns (1–5, the 法人或其他组织 ones) of the numbers printed between a row's 自然人 and 总计, when the header's
 * names stand where the rows print: the 自然人 and 总计 names each centred within 2 of the rows' 自然人 and 总计
 * numbers, and each number's middle under exactly one of the five names (within 1), left to right. Null otherwise:
 * a layout that packs each line apart (pdftotext -layout squeezes runs of spaces line by line) keeps no such grid.
 */
function underHeader(between: readonly Token[], ends: Edges, header: readonly Span[] | null): Map<number, Token> | null {
  if (!header || !between.length) return null;
  if (!overFirst(ends, header) || Math.abs(midIn(ends.pos, header[WIDTH - 1]!) - ends.last[1]) > 2) return null;
  const out = new Map<number, Token>();
  let last = 0;
  for (const t of between) {
    const p = ends.pos(t);
    if (!p) return null;
    const under = namesOver(p, ends.pos, header, [1, 2, 3, 4, 5]);
    if (under.length !== 1 || under[0]! <= last) return null;
    last = under[0]!;
    out.set(last, t);
  }
  return out;
}

/** The most frequent value (the smallest of equals). */
function mode(values: readonly number[]): number {
  const counts = new Map<number, number>();
  let best = values[0]!;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > counts.get(best)! || (n === counts.get(best)! && v < best)) best = v;
  }
  return best;
}

/** Whether values span several lines of which more than one holds two values or more (`0 95` `0 0` `0 50`). */
function interleaved(values: readonly Token[]): boolean {
  let shared = 0;
  for (let i = 1; i < values.length; i++) {
    if (values[i]!.line === values[i - 1]!.line && (i === 1 || values[i - 2]!.line !== values[i]!.line)) shared++;
  }
  return shared > 1;
}

export function piecesOf(values: readonly Token[]): Piece[] {
  return values.map((t) => (t.glued ? { run: t.text } : { value: numberOf(t) }));
}

/**
 * Whether a row's numbers, fewer than its columns, read as printed: two to six whole numbers of one line (none with a
 * leading zero, which only a glued run prints: `03`, `00`) whose first ones add up to the last, as 总计. Such a row
 * has blank cells; cutting its numbers into digits to fill them would invent cells (`64 2 4 70` is no 6|4|2|4|7|0).
 */
function printedShortRow(values: readonly Token[]): boolean {
  const n = values.length;
  if (n < 2 || n >= WIDTH) return false;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const t = values[i]!;
    if (t.kind !== 'num' || t.problem || t.unit || t.value === undefined || t.line !== values[0]!.line) return false;
    if (t.text.length > 1 && t.text[0] === '0') return false;
    if (i < n - 1) sum += t.value;
  }
  return sum === values[n - 1]!.value;
}

/**
 * Whether 表三's tokens show a row with blank cells in a glued rendering: one glued run between two labels that
 * holds five digits or fewer (`00`, `55`), fewer than a row of seven cells prints even with one cell lost. (Separate
 * numbers are not counted: OCR loses cells of a printed row too.)
 */
export function printsBlankCells(tokens: readonly Token[]): boolean {
  let run: Token | null = null;
  let numbers = 0;
  for (const t of tokens) {
    if (t.kind === 'num') {
      numbers++;
      run = t;
      continue;
    }
    if (t.kind === 'text') {
      if (numbers === 1 && run!.glued && run!.text.length <= WIDTH - 2) return true;
      numbers = 0;
    }
  }
  return false;
}

/**
 * Whether a run read with blank cells adds up: cut into fewer than seven numbers, the last of them (总计) is the sum
 * of the others. A row that lost a blank cell to a crawl is then a reading as good as one digit a cell.
 */
function shorterReadingAdds(pieces: readonly Piece[]): boolean {
  let adds = false;
  for (let n = 2; n < WIDTH && !adds; n++) {
    forEachSplit(pieces, n, (cells) => {
      const total = cells[n - 1];
      if (adds || total === null || total === undefined || cells.some((v) => v === null)) return;
      let sum = 0;
      for (let x = 0; x < n - 1; x++) sum += cells[x]!;
      if (sum === total) adds = true;
    });
  }
  return adds;
}

/**
 * Seven values whose applicant cells hold one number other than 0, the 总计's, in a 法人 column (not 自然人's, which
 * most rows fill alone): a row sum that holds in whichever column the number stands.
 */
const loneApplicant = (vals: readonly Token[]): boolean => {
  if (vals.length !== WIDTH) return false;
  const total = numberOf(vals[WIDTH - 1]!);
  const applicants = vals.slice(0, WIDTH - 1).map(numberOf);
  const at = applicants.findIndex((v) => v !== 0);
  return total !== null && total !== 0 && at > 0 && applicants[at] === total && applicants.filter((v) => v !== 0).length === 1;
};

/** The six applicant columns add up to 总计 (or a cell is unknown). */
const rowSumHolds = (cand: ReadonlyArray<number | null>): boolean => {
  const total = cand[WIDTH - 1];
  if (total === null || total === undefined) return true;
  let sum = 0;
  for (let x = 0; x < WIDTH - 1 && x < cand.length; x++) {
    const v = cand[x]!;
    if (v === null) return true;
    sum += v;
  }
  return sum === total;
};

/** What a row's cells add, each blank applicant cell 0 (a blank 总计 null: it checks nothing). */
const blanksAsZero = (vals: readonly Token[]): Array<number | null> => vals.map((t, x) => (t.blank && x < WIDTH - 1 ? 0 : addsAs(t)));

/** A row's printed 总计 is the sum of its six applicant cells, each blank cell adding 0 (a blank 总计 checks nothing). */
const checkedSum = (vals: readonly Token[]): boolean => {
  const cells = blanksAsZero(vals);
  return !cells.includes(null) && rowSumHolds(cells);
};

/**
 * Which cell of a row with blank cells was cut, where the row's sum with blanks adding 0 and its printed 总计 differ
 * and one is the other's first digits (`1818` · · · · · `1`: a narrow cell wrapped or clipped its number): `total`
 * when 总计 is the shorter, `applicant` when the applicants' sum is, else null.
 */
const cutCell = (vals: readonly Token[]): 'total' | 'applicant' | null => {
  if (!vals.some((t) => t.blank)) return null;
  const cells = blanksAsZero(vals);
  const total = cells[WIDTH - 1]!;
  const parts = cells.slice(0, WIDTH - 1);
  if (total === null || parts.includes(null)) return null;
  const sum = String(parts.reduce((a, v) => a! + v!, 0));
  const printed = String(total);
  if (sum === printed) return null;
  return sum.startsWith(printed) ? 'total' : printed.startsWith(sum) && sum !== '0' ? 'applicant' : null;
};

/**
 * Whether numbers no row took, printed just above a row (`before`) or below it, joined as the first or last digits of
 * one of its number cells, make the row add up (`17` over `0 0 0 0 0 0 170`: 170 | 0 … | 170). Only a single number
 * within two lines of the row's; for a row whose cells are all numbers (a blank cell would let any join add up).
 */
const completes = (vals: readonly Token[], piece: readonly Token[], before: boolean): boolean => {
  if (piece.length !== 1 || Math.abs(piece[0]!.line - vals[0]!.line) > 2 || !/^\d+$/.test(piece[0]!.text)) return false;
  const digits = piece[0]!.text;
  const cells = vals.map(addsAs);
  return vals.some((t, x) => {
    if (t.kind !== 'num' || t.value === undefined || !/^\d+$/.test(t.text)) return false;
    const joined = Number(before ? digits + t.text : t.text + digits);
    return rowSumHolds(cells.map((v, y) => (y === x ? joined : v)));
  });
};

/** What reading 表三 established beyond its cells. */
export interface RequestsRead {
  /**
   * Every 表三 identity was evaluated on the cells as left here and holds, none lacking a cell, so validation has
   * nothing to report for them and need not evaluate them again.
   */
  hold: boolean;
  /**
   * The whole table was proven printed column by column (pdfminer's order: each block of rows a column at a time):
   * of the stream's readings, only that one keeps every identity. (A table printed partly by rows, as pdftotext
   * prints a band's last columns, is not.)
   */
  byColumn: boolean;
}

/** Reads 表三 into `cells` (see RequestsRead for what it returns). */
export function readRequests(
  tokens: readonly Token[],
  template: TemplateId,
  cells: CellStore,
  findings: Finding[],
  stated: readonly ProseCell[] = [],
  after: { tokens: readonly Token[]; used: Set<Token> } | null = null,
  header: readonly Span[] | null = null,
  ruled = false,
  /** the table is a document's grid of whole cells (HTML, .docx): no number in it was cut by a narrow cell */
  wholeCells = false,
): RequestsRead {
  const deferred: { chunks: ChunkedRequests | null } = { chunks: null };
  const read = readRequestsOnce(tokens, template, cells, findings, stated, after, header, ruled, wholeCells, deferred);
  return deferred.chunks && fillFromChunks(deferred.chunks, template, cells, findings) ? { hold: false, byColumn: read.byColumn } : read;
}

/**
 * Fills 表三 rows the readings left wholly blank from a chunked reading of the table's first rows (chunks.ts: its
 * last rows' band fit no reading, or more than one): only when every row both read holds the same numbers, and the
 * chunks read take no value after the table. The doubts on the filled rows give way to the chunks' note. Whether
 * any row was filled.
 */
function fillFromChunks(chunked: ChunkedRequests, template: TemplateId, cells: CellStore, findings: Finding[]): boolean {
  if (chunked.chunks.some((c) => c.outside)) return false;
  const blank: Array<{ id: string; values: Token[] }> = [];
  for (const row of chunked.rows) {
    const now = rowKeys(template, row.id).map((k) => cells.get(k));
    // (a row printed blank, its cells read as blank cells, is read: not filled)
    if (now.every((c) => c === undefined || (c.value === null && !c.blank))) blank.push(row);
    else if (now.some((c, x) => c?.value !== cellFromToken(row.values[x]!).value)) return false;
  }
  if (!blank.length) return false;
  const filled = new Set(blank.map((r) => r.id));
  for (const { id, values } of blank) {
    const keys = rowKeys(template, id);
    values.forEach((t, x) => cells.set(keys[x]!, cellFromToken(t)));
  }
  const prefixes = [...filled].map((id) => `requests/${id}/`);
  for (let i = findings.length - 1; i >= 0; i--) {
    const f = findings[i]!;
    if (f.code === 'CELL_UNREADABLE' && f.cell && prefixes.some((p) => f.cell!.startsWith(p))) findings.splice(i, 1);
  }
  const first = blank[0]!.id;
  const last = blank[blank.length - 1]!.id;
  const which = blank.length === chunked.rows.length ? '' : `（其余各行按另一种读法读出）`;
  const where = chunked.chunks.every((c) => c.before) ? '之前' : chunked.chunks.some((c) => c.before) ? '之前或之后' : '之后';
  findings.push({
    code: 'TABLE_REORDERED',
    severity: 'info',
    message: `表三「${rowName(template, first)}」至「${rowName(template, last)}」共 ${blank.length} 行的前几列印在行名旁，其余各列另印在这些行${where}${which}；已还原为行，各行加起来等于总计，各行都在自己的行名下，可核对的勾稽关系全部成立，且只有这一种读法成立（其后各行另印的数字无法这样还原）`,
    line: blank[0]!.values[0]?.line ?? null,
    cell: key('requests', first, 'total'),
  });
  return true;
}

/** readRequests without the rows a chunked reading of the first rows fills at the end (`deferred` takes that reading). */
function readRequestsOnce(
  tokens: readonly Token[],
  template: TemplateId,
  cells: CellStore,
  findings: Finding[],
  stated: readonly ProseCell[],
  after: { tokens: readonly Token[]; used: Set<Token> } | null,
  header: readonly Span[] | null,
  ruled: boolean,
  wholeCells: boolean,
  deferred: { chunks: ChunkedRequests | null },
): RequestsRead {
  // The row-major reading writes its cells straight into `cells` (only 表三 keys, which nothing else writes); a
  // transposed reading, when one is kept, replaces them.
  const notes: Finding[] = [];
  const streamed = new Set<string>();
  const unverified: Array<{ row: string; doubt: Finding }> = [];
  let grid = readRowMajor(tokens, template, cells, notes, streamed, header, unverified, ruled, wholeCells);
  // Lines of values between two rows' labels, read as the row above's (values-above.ts): where that reading breaks an
  // identity and the one with those lines below the next label keeps every one (see compare), the values stood above
  // their labels
  const above = valuesAbove(tokens, groupLabels(template).map((g) => g.label));
  const asChecked = above ? checkedValue(template, cells, notes) : null;
  if (above && asChecked && (above.nearerBelow.length || requestEquations(template).some((eq) => (residual(eq, asChecked) ?? 0) !== 0))) {
    const other = new CellStore();
    const otherNotes: Finding[] = [];
    const otherStreamed = new Set<string>();
    const otherUnverified: Array<{ row: string; doubt: Finding }> = [];
    const otherGrid = readRowMajor(above.tokens, template, other, otherNotes, otherStreamed, header, otherUnverified, ruled, wholeCells);
    const compared = compare(template, cells, asChecked, other, otherNotes);
    if (!compared.settles && (compared.alike || compared.bothBroken) && above.nearerBelow.length) {
      // both readings keep every identity (or both break one: the table prints an anomaly of its own), and a line of
      // values stands nearer the next row's label than its own row label above: whose values these are, nothing says
      // (a blank is no wrong number)
      // (the rows either reading gave those lines' values, where the two read them otherwise)
      const lines = new Set(above.nearerBelow);
      const rows = TEMPLATES[template].requests.rows.filter((r) => {
        const keys = rowKeys(template, r.id);
        return keys.some((k) => cells.get(k)?.value !== other.get(k)?.value) && keys.some((k) => lines.has(cells.get(k)?.line ?? -1) || lines.has(other.get(k)?.line ?? -1));
      });
      for (const r of rows) for (const k of rowKeys(template, r.id)) cells.delete(k);
      if (rows.length) {
        notes.push({
          code: 'CELL_UNREADABLE',
          severity: 'warning',
          message: `表三第 ${above.nearerBelow.join('、')} 行的数字单独印在两行行名之间，离下一行的行名比离上一行的更近：属于哪一行，两种读法勾稽关系都${compared.alike ? '' : '不'}成立，${rows.map((r) => `「${rowName(template, r.id)}」`).join('')}保留为空`,
          line: above.nearerBelow[0]!,
          cell: key('requests', rows[0]!.id, 'total'),
        });
      }
    }
    if (compared.settles) {
      for (const r of TEMPLATES[template].requests.rows) {
        for (const k of rowKeys(template, r.id)) {
          const c = other.get(k);
          if (c) cells.set(k, c);
          else cells.delete(k);
        }
      }
      grid = otherGrid;
      notes.splice(0, notes.length, ...otherNotes);
      streamed.clear();
      for (const k of otherStreamed) streamed.add(k);
      unverified.splice(0, unverified.length, ...otherUnverified);
      notes.push({
        code: 'TABLE_REORDERED',
        severity: 'info',
        message: `表三有 ${above.moved.length} 处数字单独印在两行行名之间（自第 ${above.moved.join('、')} 行起）：算作上一行的，勾稽关系不成立；算作下一行的（数字印在行名上方），各项勾稽关系都成立，按后者读出`,
        line: above.moved[0]!,
      });
    }
  }
  if (streamed.size && dropContradictedStreams(template, cells, notes, stated, streamed)) grid = null;
  if (streamed.size && dropStreamsBreakingColumns(template, cells, notes, streamed)) grid = null;
  // Rows lost or identities broken: the stream may hold blocks printed column by column.
  const equations = requestEquations(template);
  const get = (k: string): number | null | undefined => cells.get(k)?.value;
  const broken =
    notes.some((f) => f.severity !== 'info') ||
    (grid ? gridBroken(grid, template) : equations.some((eq) => (residual(eq, get) ?? 0) !== 0));
  const transposed = broken ? readTransposedRequests(tokens, template) : null;
  const split = broken && !transposed && after ? readSplitRequests(tokens, after.tokens, template) : null;
  const chunks = broken && !transposed && !split ? readChunkedRequests(tokens, after?.tokens ?? [], template) : null;
  // (one whose last rows' band was there but fit no reading, or more than one, is not read in place of the
  // row-by-row reading: its rows fill what the other readings leave blank, at the end)
  const partial = chunks !== null && chunks.unread.length > 0 && chunks.unreadWhy !== 'band';
  if (partial) deferred.chunks = chunks;
  const chunked = partial ? null : chunks;
  if (chunked) {
    takeChunked(chunked, template, cells, findings);
    for (const t of chunked.used) after!.used.add(t);
    return { hold: false, byColumn: false };
  }
  const untotalledSplit = broken && !transposed && !split && after ? readUntotalledSplit(tokens, after.tokens, template) : null;
  const untotalledChunked = broken && !transposed && !split && !untotalledSplit ? readChunkedRequests(tokens, after?.tokens ?? [], template, true) : null;
  if (untotalledChunked) {
    takeChunked(untotalledChunked, template, cells, findings);
    for (const t of untotalledChunked.used) after!.used.add(t);
    return { hold: false, byColumn: false };
  }
  if (untotalledSplit) {
    takeRows(untotalledSplit.rows, template, cells);
    for (const t of untotalledSplit.used) after!.used.add(t);
    const first = untotalledSplit.rows[0]!;
    findings.push(
      untotalledSplit.sixthUnsure
        ? {
            code: 'CELL_UNREADABLE',
            severity: 'warning',
            message: `表三分两段印出：各行前 ${WIDTH - 2} 列印在行名旁，表后另印一列（每行一个，表头为「其他」「总计」）；${untotalledSplit.rows.some((r) => r.values.some((t) => t.value !== 0)) ? '有的行这一数正等于前五个之和' : '各行都是 0'}，无从确定它是「其他」（总计未填）还是「总计」（其他未填），这两格保留为空；前五列按行读出，各列勾稽关系成立`,
            line: first.values[0]!.line,
            cell: key('requests', first.id, 'other'),
          }
        : {
            code: 'TABLE_REORDERED',
            severity: 'info',
            message: `表三分两段印出：各行前 ${WIDTH - 2} 列印在行名旁，「其他」一列另印在表后（每行一个）；各行第六个数都不等于前五个之和，本表「总计」一列未填，按六个申请人列读出，总计保留为空；各列勾稽关系成立`,
            line: first.values[0]!.line,
            cell: key('requests', first.id, 'total'),
          },
    );
    return { hold: false, byColumn: false };
  }
  const displaced = broken && !transposed && !split && !chunked ? readDisplacedRequests(tokens, template) : null;
  // the prose is one more check on a reading rebuilt from the stream: a stated cell or sum it misses rejects it
  const disputed = displaced && stated.find((s) => contradicts(s, displaced.rows, template));
  if (disputed) {
    notes.push({
      code: 'CELL_UNREADABLE',
      severity: 'info',
      message: `表三的数字流可还原为自然人一格单独印在别处的逐行读法，但与正文第 ${disputed.line} 行「${disputed.evidence}」不符，未采用`,
      line: disputed.line,
      cell: disputed.keys[0]!,
    });
  }
  if (displaced && !disputed) {
    takeRows(displaced.rows, template, cells);
    const first = displaced.displaced[0]!;
    findings.push({
      code: 'TABLE_REORDERED',
      severity: 'info',
      message: `表三逐行印出，但有 ${displaced.displaced.length} 行的自然人一格单独印在别处（阅读顺序，如「${rowName(template, first)}」）：这些行的其余 6 格连续印出，自然人一格等于该行总计减其余各列，且正好是单独印出的那些数字；已还原为行，还原后各行、各列勾稽关系全部成立，且只有这一种读法（按数值）成立`,
      line: displaced.rows.find((r) => r.id === first)?.values[1]?.line ?? null,
      cell: key('requests', first, 'naturalPerson'),
    });
    return { hold: false, byColumn: false };
  }
  if (split) {
    takeRows(split.rows, template, cells);
    for (const t of split.used) after!.used.add(t);
    const columns = TEMPLATES[template].requests.columns;
    const rest = columns.slice(split.width).map((c) => c.label).join('、');
    const first = split.rows[0]!;
    findings.push({
      code: 'TABLE_REORDERED',
      severity: 'info',
      message: `表三分两段印出：各行前 ${split.width} 列印在行名旁，后 ${columns.length - split.width} 列（${rest}）另印在表后（${split.blocks.filter((b) => b.columnMajor).length} 段按列）；已还原为行，还原后各行、各列勾稽关系全部成立，且只有这一种读法成立`,
      line: first.values[0]!.line,
      cell: key('requests', first.id, 'total'),
    });
    return { hold: false, byColumn: false };
  }
  if (!transposed) {
    // the rows the stream alone placed (readRowMajor): blank, once the prose has had its say on the stream
    for (const { row, doubt } of unverified) {
      for (const k of rowKeys(template, row)) cells.delete(k);
      notes.push(doubt);
    }
    // (where cells are still blank: the last readings of the whole table, wholeTable)
    const whole = TEMPLATES[template].requests.rows.some((r) => rowKeys(template, r.id).some((k) => !cells.has(k))) ? wholeTable(tokens, template) : null;
    if (whole) {
      takeRows(whole.rows, template, cells);
      findings.push({ code: 'TABLE_REORDERED', severity: 'info', message: whole.message, line: whole.rows[0]!.values[0]!.line });
      return { hold: true, byColumn: false };
    }
    findings.push(...notes);
    // (an identity lacking a cell is left to validation, which still finds the parts read over their total)
    return { hold: !broken && !unverified.length && equations.every((eq) => residual(eq, get) === 0), byColumn: false };
  }
  takeRows(transposed.rows, template, cells);
  for (const b of transposed.blocks) {
    if (!b.columnMajor) continue;
    const first = transposed.rows[b.first]!;
    const last = transposed.rows[b.first + b.rows - 1]!;
    const name = (id: string): string =>
      transposed.singleOther && id === 'otherHandling.other' ? '（六）其他处理' : (TEMPLATES[template].requests.rows.find((r) => r.id === id)?.label.split(' / ').pop() ?? id);
    findings.push({
      code: 'TABLE_REORDERED',
      severity: 'info',
      message: `表三「${name(first.id)}」至「${name(last.id)}」共 ${b.rows} 行按列印出（每列 ${b.rows} 个数字，共 ${WIDTH} 列），已还原为行；还原后各行、各列勾稽关系全部成立，且只有这一种读法成立`,
      line: first.values[0]!.line,
      cell: key('requests', first.id, 'total'),
    });
  }
  if (transposed.singleOther) {
    findings.push({
      code: 'OTHER_HANDLING_SINGLE_ROW',
      severity: 'info',
      message: SINGLE_OTHER_NOTE,
      line: transposed.rows.find((r) => r.id === 'otherHandling.other')?.values[0]?.line ?? null,
    });
  }
  return { hold: false, byColumn: transposed.blocks.every((b) => b.columnMajor) };
}

/**
 * The last readings of a 表三 the row readers left cells of: its runs of whole rows, each beside its own rows' labels,
 * in printed order with every identity holding; else a table of nothing but zeros, one a cell, which reads the same
 * in any order. The rows and the note that says why, or null.
 */
function wholeTable(tokens: readonly Token[], template: TemplateId): { rows: Array<{ id: string; values: Token[] }>; message: string } | null {
  const ordered = orderedRows(tokens, template);
  if (ordered) {
    return {
      rows: ordered,
      message: `表三有的行按行读不出（阅读顺序已乱），但全表的数字正好是 ${ordered.length} 行、每行 ${WIDTH} 个，印成一串串整行，各串都紧挨着自己那几行的行名：按印出的次序逐行读出，各行、各列勾稽关系全部成立`,
    };
  }
  const zeros = zeroTable(tokens, template);
  if (zeros) {
    return {
      rows: zeros,
      message: `表三有的行按行读不出（阅读顺序已乱，哪些数字属于哪一行无从确定），但全表共印出 ${zeros.length * WIDTH} 个数字，正好是全表的格数，且全是 0：无论原来怎样排列，每一格都是 0，按此读出`,
    };
  }
  return null;
}

/**
 * 表三's runs of whole rows in printed order (runsInOrder), as the template's rows, when every row adds up and every
 * column identity holds; else null.
 */
function orderedRows(tokens: readonly Token[], template: TemplateId): Array<{ id: string; values: Token[] }> | null {
  const spec = TEMPLATES[template].requests;
  const rows = runsInOrder(tokens, { leaves: leafLabels(template).map((l) => l.folded), groups: groupLabels(template), width: WIDTH });
  if (!rows || !rows.every((r) => rowSumHolds(r.map(addsAs))) || !columnsHold(rows.flatMap((r) => r.map((t) => t.value!)), spec.rows.map((r) => r.id))) return null;
  return rows.map((values, i) => ({ id: spec.rows[i]!.id, values }));
}

/**
 * 表三 printed as nothing but zeros, exactly as many as the table has cells (each of them a plain 0: no placeholder,
 * no blank cell, no glued run): every cell is 0 whichever row and column each was printed for. The rows in template
 * order, each citing the lines its zeros came from in printed order; null for any other table.
 */
function zeroTable(tokens: readonly Token[], template: TemplateId): Array<{ id: string; values: Token[] }> | null {
  const values: Token[] = [];
  for (const t of tokens) {
    if (t.kind === 'text') continue;
    if (t.kind !== 'num' || t.value !== 0 || t.text !== '0' || t.problem || t.glued || t.blank) return null;
    values.push(t);
  }
  const rows = TEMPLATES[template].requests.rows;
  if (values.length !== rows.length * WIDTH) return null;
  return rows.map((r, i) => ({ id: r.id, values: values.slice(i * WIDTH, (i + 1) * WIDTH) }));
}

/**
 * Writes 表三 rebuilt from its stream into `cells`, in place of the row-by-row reading: each row's tokens in column
 * order; a row of six (an untotalled table's) leaves its 总计 blank.
 */
function takeRows(rows: ReadonlyArray<{ id: string; values: readonly Token[] }>, template: TemplateId, cells: CellStore): void {
  for (const r of TEMPLATES[template].requests.rows) for (const k of rowKeys(template, r.id)) cells.delete(k);
  for (const { id, values } of rows) {
    const keys = rowKeys(template, id);
    values.forEach((t, x) => cells.set(keys[x]!, cellFromToken(t)));
    if (values.length === WIDTH - 1) cells.set(keys[WIDTH - 1]!, { value: null, line: values[0]!.line, blank: true });
  }
}

/** Writes a chunked reading of 表三 (chunks.ts) into `cells`, in place of the row-by-row reading, with its findings. */
function takeChunked(chunked: ChunkedRequests, template: TemplateId, cells: CellStore, findings: Finding[]): void {
  const spec = TEMPLATES[template].requests;
  takeRows(chunked.rows, template, cells);
  const rowOf = (id: string): { id: string; values: Token[] } | undefined => chunked.rows.find((r) => r.id === id);
  if (chunked.blank.length) {
    // (rows the report leaves wholly blank: every cell a blank cell, on the line their label starts on)
    for (const { id, line } of chunked.blank) for (const k of rowKeys(template, id)) cells.set(k, { value: null, line, blank: true });
    findings.push({
      code: 'TABLE_REORDERED',
      severity: 'info',
      message: `表三${chunked.blank.map(({ id }) => `「${rowName(template, id)}」`).join('')}${chunked.blank.length > 1 ? '各行' : '一行'}没有印出任何数字（行名之后紧接着下一行的行名，表后各列也没有这些行的数字），按整行空白处理；其余各行按下文读出，空白按 0 计时各行、各列勾稽关系全部成立`,
      line: chunked.blank[0]!.line,
      cell: key('requests', chunked.blank[0]!.id, 'total'),
    });
  }
  for (const c of chunked.chunks) {
    if (c.width === WIDTH) continue;
    const first = c.ids[0]!;
    const last = c.ids[c.ids.length - 1]!;
    const width = chunked.untotalled ? WIDTH - 1 : WIDTH;
    const rest = spec.columns.slice(c.width, width).map((col) => col.label).join('、');
    // (rows whose cells beside the label were printed before it, after the row before's: said by name)
    const early = chunked.early.filter((id) => c.ids.includes(id));
    const before = early.length ? `，其中${early.map((id) => `「${rowName(template, id)}」`).join('')}行名旁的数字印在了行名之前（上一行的数字之后）` : '';
    const beside = c.width
      ? `各行前 ${c.width} 列印在行名旁${before}，后 ${width - c.width} 列（${rest}）另印在${c.outside ? '表后' : c.before ? '这些行之前' : '这些行之后'}`
      : c.outside
        ? '各格都不在行名旁，另印在表后'
        : '各格都不在行名旁，按列组（以表头词隔开）另印在这些行名之后';
    findings.push({
      code: 'TABLE_REORDERED',
      severity: 'info',
      message: `表三「${rowName(template, first)}」至「${rowName(template, last)}」共 ${c.rows} 行${beside}（${c.byColumn ? '每列一段' : c.columnMajor ? `${c.columnMajor} 段按列` : '逐行'}印出）；已还原为行，还原后${chunked.unread.length ? '可核对的' : ''}各行、各列勾稽关系全部成立，且只有这一种读法成立${chunked.untotalled ? '。本表「总计」一列未填（有的行第六个数不等于前五个之和），总计保留为空' : ''}`,
      line: rowOf(first)?.values[0]?.line ?? null,
      cell: key('requests', first, 'total'),
    });
  }
  if (chunked.unread.length) {
    const first = chunked.unread[0]!;
    const last = chunked.unread[chunked.unread.length - 1]!;
    findings.push({
      code: 'CELL_UNREADABLE',
      severity: 'warning',
      message: `表三「${rowName(template, first)}」至「${rowName(template, last)}」共 ${chunked.unread.length} 行的数字不在行名旁，表后也没有个数相符的一段数字，无法还原，保留为空`,
      line: null,
      cell: key('requests', first, 'total'),
    });
  }
}

/** Whether a stated 表三 cell or sum differs from what rebuilt rows give for it (every cell it names known). */
function contradicts(s: ProseCell, rows: ReadonlyArray<{ id: string; values: readonly Token[] }>, template: TemplateId): boolean {
  if (!s.keys.every((k) => k.startsWith('requests/'))) return false;
  const columns = TEMPLATES[template].requests.columns.map((c) => c.id);
  const sum = statedSum(s, (k) => {
    const [, row, column] = k.split('/');
    return rows.find((r) => r.id === row)?.values[columns.indexOf(column!)]?.value;
  });
  return sum !== null && sum !== s.value;
}

/**
 * Rows read from a stream of one value per line (pdftotext's reading order, rows cut from it by count) that the
 * prose contradicts: a stated cell or sum (不予处理 1 件) that those rows' cells miss. A stream cut one value off
 * its rows still adds up where it is all zeros, so the prose is the only check left: the rows the statement is
 * about are left blank, with the sentence cited. Returns whether any row was dropped.
 */
function dropContradictedStreams(template: TemplateId, cells: CellStore, findings: Finding[], stated: readonly ProseCell[], streamed: ReadonlySet<string>): boolean {
  let dropped = false;
  for (const s of stated) {
    if (!s.keys.every((k) => k.startsWith('requests/'))) continue;
    const rows = [...new Set(s.keys.map((k) => k.split('/')[1]!))];
    if (!rows.some((r) => streamed.has(r))) continue;
    let sum = 0;
    let known = true;
    for (const k of s.keys) {
      const v = cells.get(k)?.value;
      if (v === null || v === undefined) known = false;
      else sum += v;
    }
    if (!known || sum === s.value) continue;
    for (const r of rows) if (streamed.has(r)) for (const k of rowKeys(template, r)) cells.delete(k);
    dropped = true;
    findings.push({
      code: 'CELL_UNREADABLE',
      severity: 'warning',
      message: `表三${rows.map((r) => `「${rowName(template, r)}」`).join('')}各格每行一个印出（阅读顺序），按个数切成的行与正文第 ${s.line} 行「${s.evidence}」不符（表中为 ${sum}），行界可能错位，保留为空`,
      line: s.line,
      cell: s.keys[0]!,
    });
  }
  return dropped;
}

/**
 * Rows read from a stream of one value per line whose applicant columns the identities refute. Reading order can
 * print a row's cells out of column order (`27 0 2 0 1 0 30` for 27 0 0 2 0 1 30): the row still adds up, and so
 * does the 总计 column, but an applicant column (新收 + 结转 = 总计 + 结转下年度, or the results' sum = （七）总计) no
 * longer does, wholly or by parts already over its total. The streamed rows that put a number other than 0 in such a
 * column are left blank: the stream's order is not the columns' there, and a wrong number is worse than a gap. Where
 * the 总计 column breaks too, the counts themselves disagree (an agency's error, which a reordering cannot make):
 * those are reported as printed, never repaired. Returns whether any row was dropped.
 */
function dropStreamsBreakingColumns(template: TemplateId, cells: CellStore, findings: Finding[], streamed: ReadonlySet<string>): boolean {
  const get = (k: string): number | null | undefined => cells.get(k)?.value;
  const broken = requestEquations(template).filter((eq) => {
    if (eq.code === 'IDENTITY_ROW') return false;
    const r = residual(eq, get);
    return r !== 0 && (r !== null || partsOverTotal(eq, get) !== null);
  });
  if (broken.some((eq) => eq.minus[0]!.endsWith('/total'))) return false;
  const rows = new Map<string, string>(); // streamed row → the first identity it breaks
  for (const eq of broken) {
    for (const k of [...eq.plus, ...eq.minus]) {
      const row = k.split('/')[1]!;
      if (streamed.has(row) && (get(k) ?? 0) !== 0 && !rows.has(row)) rows.set(row, eq.label);
    }
  }
  for (const [row, label] of rows) {
    const line = rowKeys(template, row).map((k) => cells.get(k)?.line).find((l) => l !== undefined) ?? null;
    for (const k of rowKeys(template, row)) cells.delete(k);
    findings.push({
      code: 'CELL_UNREADABLE',
      severity: 'warning',
      message: `表三「${rowName(template, row)}」行各格每行一个印出（阅读顺序），${label} 不成立，而本行在该列有非 0 的数：按次序排入各列未必是原表的列，保留为空`,
      line,
      cell: key('requests', row, 'total'),
    });
  }
  return rows.size > 0;
}

/**
 * 表三 of a template as a value grid: each row id's position in the template, and each identity's terms as grid
 * positions (row position × WIDTH + column), in the equation's order.
 */
interface Grid {
  rowAt: Map<string, number>;
  /** CellStore slots of each row's cells, by row position */
  slots: number[][];
  terms: Array<{ plus: number[]; minus: number[] }>;
}
const leafLists = new Map<TemplateId, Array<{ id: string; text: string; folded: string; bare: string }>>();

const groupLists = new Map<TemplateId, Group[]>();

/** 表三's group labels (三、本年度办理结果, （三）不予公开 …), folded, with their rows' own labels (values-first.ts). */
function groupLabels(template: TemplateId): Group[] {
  let list = groupLists.get(template);
  if (!list) {
    const alone = new Set(Object.values(TEMPLATES).flatMap((t) => t.requests.rows.filter((r) => !r.label.includes(' / ')).map((r) => fold(r.label))));
    const groups = new Map<string, string[]>();
    for (const r of TEMPLATES[template].requests.rows) {
      const [group, leaf] = r.label.split(' / ');
      if (leaf !== undefined) groups.set(fold(group!), [...(groups.get(fold(group!)) ?? []), fold(leaf)]);
    }
    list = [...groups].map(([label, rows]) => ({ label, rows, alone: alone.has(label) }));
    groupLists.set(template, list);
  }
  return list;
}

/** Each 表三 row's own label (after its group's: `1.属于国家秘密`), as printed and folded. */
function leafLabels(template: TemplateId): Array<{ id: string; text: string; folded: string; bare: string }> {
  let list = leafLists.get(template);
  if (!list) {
    list = TEMPLATES[template].requests.rows.map((r) => {
      const text = r.label.split(' / ').pop()!;
      return { id: r.id, text, folded: fold(text), bare: foldBare(text) };
    });
    leafLists.set(template, list);
  }
  return list;
}

const grids = new Map<TemplateId, Grid>();

function gridOf(template: TemplateId): Grid {
  let grid = grids.get(template);
  if (!grid) {
    const rows = TEMPLATES[template].requests.rows;
    const at = new Map<string, number>();
    rows.forEach((r, i) => rowKeys(template, r.id).forEach((k, x) => at.set(k, i * WIDTH + x)));
    const position = (k: string): number => {
      const p = at.get(k);
      if (p === undefined) throw new Error(`表三 identity term ${k} is not a cell of the ${template} template`);
      return p;
    };
    const terms = requestEquations(template).map((eq) => ({ plus: eq.plus.map(position), minus: eq.minus.map(position) }));
    const slots = rows.map((r) => rowKeys(template, r.id).map(slotOf));
    grids.set(template, (grid = { rowAt: new Map(rows.map((r, i) => [r.id, i])), slots, terms }));
  }
  return grid;
}

/** Whether some identity fails on a complete grid: residual() of each equation, same sums in the same order. */
function gridBroken(values: readonly number[], template: TemplateId): boolean {
  for (const { plus, minus } of gridOf(template).terms) {
    let sum = 0;
    for (const p of plus) sum += values[p]!;
    for (const p of minus) sum -= values[p]!;
    if (Math.round(sum * 1e6) / 1e6 !== 0) return true;
  }
  return false;
}

/** The row of a `table/row/column` key, as k.split('/')[1]! ('' for none), without the array (called for every term checked). */
function rowOfKey(k: string): string {
  const a = k.indexOf('/');
  if (a < 0) return '';
  const b = k.indexOf('/', a + 1);
  return k.slice(a + 1, b < 0 ? k.length : b);
}

/**
 * A cell's value as the identities check it (see settles): a blank cell, or a cell of a row that printed nothing (no
 * cell read, and no doubt raised of it), counts as 0; a cell not read of a row otherwise read is unknown (null).
 */
function checkedValue(template: TemplateId, store: CellStore, doubts: readonly Finding[]): (k: string) => number | null {
  const doubted = new Set(doubts.filter((f) => f.severity !== 'info' && f.line !== null && f.cell?.startsWith('requests/')).map((f) => f.cell!.split('/')[1]!));
  const unread = new Set(TEMPLATES[template].requests.rows.filter((r) => !doubted.has(r.id) && rowKeys(template, r.id).every((k) => !store.has(k))).map((r) => r.id));
  return (k) => {
    const c = store.get(k);
    if (!c) return unread.has(rowOfKey(k)) ? 0 : null;
    return c.blank ? 0 : c.value;
  };
}

/**
 * How a second reading of 表三 (`other`) fares against the first (`cells`, as `first` checks it: checkedValue), over
 * the identities whose terms the two readings give different values (those they give alike say nothing of which is
 * right). The second `settles` what the first leaves broken when the first breaks one at least and the second breaks
 * none; the second reads no fewer cells as numbers, and keeps as many of those identities (values moved take their
 * row's unknown cells along, so either may check some the other cannot) or reads more (numbers the first left
 * unread: a row it did not read counts as blank and keeps identities it would not). The two are `alike` when neither
 * breaks one. A term is checked when it is a number, or a blank cell or a row that printed nothing, counted as 0 (a
 * table that leaves its zeros blank still adds up; a row its reading doubted is unknown).
 */
function compare(
  template: TemplateId,
  cells: CellStore,
  first: (k: string) => number | null,
  other: CellStore,
  otherNotes: readonly Finding[],
): { settles: boolean; alike: boolean; bothBroken: boolean } {
  const second = checkedValue(template, other, otherNotes);
  let [firstBroken, secondBroken] = [0, 0];
  let [firstHeld, secondHeld] = [0, 0];
  for (const eq of requestEquations(template)) {
    const terms = [...eq.plus, ...eq.minus];
    if (terms.every((k) => first(k) === second(k))) continue;
    const [a, b] = [residual(eq, first), residual(eq, second)];
    if (a === 0) firstHeld++;
    if (b === 0) secondHeld++;
    if (a !== null && a !== 0) firstBroken++;
    if (b !== null && b !== 0) secondBroken++;
  }
  const numbers = (store: CellStore): number => {
    let n = 0;
    for (const r of TEMPLATES[template].requests.rows) for (const k of rowKeys(template, r.id)) if (typeof store.get(k)?.value === 'number') n++;
    return n;
  };
  const [read, readOther] = [numbers(cells), numbers(other)];
  return {
    settles: firstBroken > 0 && secondBroken === 0 && readOther >= read && (secondHeld >= firstHeld || readOther > read),
    alike: firstBroken === 0 && secondBroken === 0,
    bothBroken: firstBroken > 0 && secondBroken > 0,
  };
}

const rowKeyLists = new Map<TemplateId, Map<string, string[]>>();

/** The cell keys of a 表三 row in column order (one shared list per template and row: read it, never write it). */
function rowKeys(template: TemplateId, row: string): readonly string[] {
  let byRow = rowKeyLists.get(template);
  if (!byRow) rowKeyLists.set(template, (byRow = new Map()));
  let keys = byRow.get(row);
  if (!keys) byRow.set(row, (keys = TEMPLATES[template].requests.columns.map((c) => key('requests', row, c.id))));
  return keys;
}

/**
 * Reads 表三 row by row into `cells`. Returns the table as a value grid (see Grid) when every cell was printed
 * with a value, so nothing was left to infer or settle; else null.
 */
function readRowMajor(
  tokens: readonly Token[],
  template: TemplateId,
  cells: CellStore,
  findings: Finding[],
  streamed: Set<string>,
  header: readonly Span[] | null,
  unverified: Array<{ row: string; doubt: Finding }>,
  ruled = false,
  wholeCells = false,
): number[] | null {
  const spec = TEMPLATES[template].requests;
  const columns = spec.columns.map((c) => c.id);
  const leaves = leafLabels(template);
  const leafTexts = leaves.map((l) => l.folded);
  const labels = { leaves: leafTexts, groups: groupLabels(template), width: WIDTH };
  const early = valuesFirst(tokens, labels);
  if (early) {
    // (unless the runs, each beside its own rows' labels, read in printed order with every identity holding)
    const ordered = orderedRows(tokens, template);
    if (ordered) {
      takeRows(ordered, template, cells);
      findings.push({
        code: 'TABLE_REORDERED',
        severity: 'info',
        message: `表三有些行的数字印在行名之前或行名中间（阅读顺序，如${early.where}）：全表的数字正好是 ${ordered.length} 行、每行 ${WIDTH} 个，各行的数字都紧挨着自己的行名，按印出的次序逐行读出，各行、各列勾稽关系全部成立`,
        line: early.values[0]!.line,
      });
      return null;
    }
    findings.push({
      code: 'CELL_UNREADABLE',
      severity: 'warning',
      message: `表三在${early.where}印出了一串数字（${early.values.map((t) => (t.blank ? '空' : t.text)).join(' ')}）：阅读顺序把各行的数字排在了行名前面，哪串数字属于哪一行无从确定，保留为空`,
      line: early.values[0]!.line,
    });
    return null;
  }
  // (the labels of the merged cells over the rows, 三、本年度办理结果 …, whose words a PDF's text prints among the rows')
  const groupNames = groupLabels(template).map((g) => g.label);
  const rows = mergeSplitRows(valueRows(labelsAroundValues(labelsBelowValues(segment(tokens).map(rejoinRow), leafTexts), leaves.map((l) => l.bare), groupNames, WIDTH), WIDTH, groupNames), WIDTH, spec.rows);
  const { assigned, loose } = alignRows(rows, spec.rows, WIDTH);
  if (!assigned.size) {
    findings.push({ code: 'TABLE_MISSING', severity: 'error', message: '未找到表三（收到和处理政府信息公开申请情况）的数据', line: tokens[0]?.line ?? null });
    return null;
  }
  // (lines of numbers alone that no row took: a wrapped cell's piece, see `completes`)
  const taken = new Set(assigned.values());
  const untaken = rows.filter((vr) => !taken.has(vr) && vr.values.length > 0 && vr.values.every((t) => t.kind === 'num' && t.value !== undefined));
  /** The one number no row took, printed just before a row's (the value row before it). */
  const pieceBefore = (vr: ValueRow): ValueRow | undefined => {
    const before = rows[rows.indexOf(vr) - 1];
    return before && untaken.includes(before) && before.values.length === 1 ? before : undefined;
  };
  const columnRows = [...assigned].filter(([, vr]) => vr.columnMajor);
  if (columnRows.length) {
    findings.push({
      code: 'TABLE_REORDERED',
      severity: 'info',
      message: `表三${columnRows.map(([r]) => `「${rowName(template, r)}」`).join('')}的行名连在一起印出，其后的数字每行一个、按列印出（先是各行的自然人，再是各列）：逐行读有一行相加不等于总计，按列读每一行都相等，按列读出`,
      line: columnRows[0]![1].line,
      cell: key('requests', columnRows[0]![0], 'total'),
    });
  }
  const equations = requestEquations(template);
  const ambiguous: Ambiguous[] = [];
  const partial: Array<{ row: string; vr: ValueRow }> = [];
  /** Rows left blank for the columns or the row of their numbers: the numbers printed on the row's own line. */
  const leftBlank = new Map<string, number[]>();
  /**
   * Rows left blank whose numbers were cut from a stream in no order, or that do not add up in a text drawing its
   * rules as characters: their numbers other than 0, which a row the identities make must hold.
   */
  const doubtedRows = new Map<string, number[]>();
  const doubt = (row: string, vals: readonly Token[]): void => {
    doubtedRows.set(row, vals.map(numberOf).filter((v): v is number => v !== null && v !== 0));
  };
  const onOwnLine = (vr: ValueRow): number[] => {
    // (two numbers or more on the line: a row printed there, not a stream's first value)
    const own = vr.values.filter((t) => t.line === vr.line).map(numberOf).filter((v): v is number => v !== null);
    return own.length >= 2 ? own : [];
  };
  /** Rows read by dropping a spanned cell's repeats (ValueRow.repeated). */
  const repeated: Array<{ row: string; vr: ValueRow }> = [];
  const keysOf = (row: string): readonly string[] => rowKeys(template, row);
  const { rowAt, slots } = gridOf(template);
  const grid = new Array<number>(spec.rows.length * WIDTH).fill(0);
  let known = 0; // grid cells written with a value (each template row is assigned at most once)
  const write = (at: number, rowSlots: readonly number[], x: number, cell: Cell): void => {
    cells.setAt(rowSlots[x]!, cell);
    if (cell.value === null) return;
    grid[at + x] = cell.value;
    known++;
  };

  // Rows printed as one run that splits one way only (seven digits for seven cells) whose row sum breaks: `2000000`,
  // an agency that left its 总计 column 0. Such a row is the row as printed only when, with every such row so, each
  // column's identities hold throughout the table (the row-sum anomaly is then the agency's, and reported); a crawl
  // that lost a blank cell (`258|12|·|·|1|1|·` printed as 2581211) breaks them, and its rows stay blank.
  // It is the row as printed too when the table has no blank cell to lose: every other row printed its seven cells
  // and adds up, the row is one run of seven digits, and no reading of it with blank cells adds up either
  // (`（七）总计1000000` below rows of `0000000`: a 1 the agency put in the total row alone; the broken identities are
  // reported as its anomalies).
  const printedOnly: Array<{ row: string; vr: ValueRow; split: ReadonlyArray<number | null> }> = [];
  const fullTableBut = (rows: typeof printedOnly): boolean => {
    const others = spec.rows.filter((r) => !rows.some((p) => p.row === r.id));
    const full = others.length > 0 && others.every((r) => {
      const vs = keysOf(r.id).map((k) => cells.get(k)?.value ?? null);
      return vs.every((v) => v !== null) && rowSumHolds(vs);
    });
    // (the row one run of seven digits and nothing else: groups a stray space set apart, `6  9000006  9`, cut one
    // way only too, but into numbers no digit-a-cell reading vouches for)
    const digitACell = (vr: ValueRow): boolean => vr.values.length === 1 && vr.values[0]!.glued === true && /^\d{7}$/.test(vr.values[0]!.text);
    return full && rows.every((p) => digitACell(p.vr) && !shorterReadingAdds(piecesOf(p.vr.values)));
  };
  const keepAsPrinted = (rows: typeof printedOnly): void => {
    if (!rows.length) return;
    const over = new Map<string, number | null>();
    for (const p of rows) keysOf(p.row).forEach((k, x) => over.set(k, p.split[x]!));
    const valueOf = (k: string): number | null => (over.has(k) ? over.get(k)! : (cells.get(k)?.value ?? null));
    const columns = equations.filter((eq) => eq.code !== 'IDENTITY_ROW' && [...eq.plus, ...eq.minus].some((k) => over.has(k)));
    const hold = (columns.length > 0 && columns.every((eq) => residual(eq, valueOf) === 0)) || fullTableBut(rows);
    for (const p of rows) {
      if (!hold) {
        partial.push({ row: p.row, vr: p.vr });
        continue;
      }
      const raw = p.vr.values.map((t) => t.text).join(' ');
      const position = rowAt.get(p.row)!;
      p.split.forEach((v, x) => write(position * WIDTH, slots[position]!, x, { value: v, line: p.vr.values[0]!.line, raw }));
    }
  };

  // (in a table whose rules print as characters: the numbers each column shows in rows of seven that do not add up,
  // of the shape a rule read as 1 gives, a 1 before the cell's digits)
  const misreadInColumn = new Map<number, Set<string>>();
  // (and how many rows of seven with a number other than 0 add up, and how many do not: a table read right has three
  // such rows at least, 新收, a result and 总计; fewer, and no more than the rows not adding up, and one that adds up
  // does so by chance, two zeros read as 9 in `0 0 0 0 0 |9|9`)
  let vouching = 0;
  let failing = 0;
  if (ruled) {
    for (const vr of assigned.values()) {
      const vals = vr.values;
      if (vals.length !== WIDTH) continue;
      if (rowSumHolds(vals.map(addsAs))) {
        if (vals.some((t) => addsAs(t) !== 0)) vouching++;
        continue;
      }
      failing++;
      vals.forEach((t, x) => {
        if (/^1\d/.test(t.text)) misreadInColumn.set(x, (misreadInColumn.get(x) ?? new Set()).add(t.text));
      });
    }
  }
  // values printed one a line after a block of several rows' labels, as many as one row holds (`5.要求行政机关确认…
  // （六）其他处理 （七）总计` then `0` `0` `0` `0` `8` `2` `10`: pdftotext's reading order put three rows of blank
  // cells under their three labels): whose row they are, or whether they are one row at all, nothing says
  // (unless every other row the block names has values of its own elsewhere: then these are the last label's).
  // Values on one line are the last whole label's (alignRows), or the label's they cut (wrapped around them, as a
  // layout prints a centred cell) when it reads whole; a cut label that reads no whole row (`3.补正后申请内容仍不明确`
  // `（五）不予处` `1.信访举报投` `1 1` `理 诉类申请`: the group's 理 inside it) leaves them in doubt between the two
  const blocks = new Map<ValueRow, { named: Array<{ id: string; text: string }>; stream: boolean }>();
  /** Rows whose values stand over several lines (a stream, not a row printed on its line). */
  const streams = new Set<ValueRow>();
  for (const [row, vr] of assigned) {
    const stream = !oneLine(vr.values);
    if (stream) streams.add(vr);
    // (the label as printed up to the values: a layout's label wrapped below them ends the row's label)
    const cut = cutLeaf(vr.below === undefined ? vr.label : vr.label.slice(0, vr.below), leafTexts, groupNames);
    if (!stream && (cut < 0 || leaves[cut]!.id === row)) continue;
    // (quotes aside: a PDF's text may print them apart from their words)
    const label = foldBare(vr.label);
    const named = leaves.filter((l, i) => label.includes(l.bare) || i === cut);
    // (values of their own: read in a row order, not cut from a stream in none, which leaves those rows blank, nor
    // placed by an order that settles no one row: the first of eight rows cut from a stream for one template row)
    const own = (id: string): boolean => {
      const other = assigned.get(id);
      return !!other && other !== vr && !other.unordered && !other.unsettled && !loose.has(other);
    };
    if (named.length >= 2 && !named.every((l) => l.id === row || own(l.id))) blocks.set(vr, { named, stream });
  }
  // …nor, then, whether those values are the next label's, as in a text that sorts a row's values above its wrapped
  // label (`6.属于四类…` `7.属于行政执法案卷` `8.属于行政查询事项` `4` `4` `1.本机关不掌握…` `6` `6`: the 4 is 不掌握's,
  // the 6 the next row's), so the results' rows printed one value a line after such a block are no surer, where they
  // print fewer values than a row has cells (blank cells, placed by the identities alone; seven that add up are a row)
  // (a table printed without its 总计 column prints six values to a row)
  const untotal = untotalled(assigned.values(), (t) => rejoined.get(t));
  const rowCells = untotal.throughout ? WIDTH - 1 : WIDTH;
  // A row printing more numbers than the table has columns, one a line (`1015` `577` `4329` `5` … eight for 新收), or
  // seven numbers and blank cells besides that do not add up (`8292` `1` `3535` · · `202` `101` `8675` `9`): the
  // table's narrow cells wrap their numbers over lines, and a text without positions prints the pieces as numbers of
  // their own (`3191` `46` is one cell, 319146, or two). Its rows of seven with blank cells among them are then rows
  // only where their printed 总计 checks them (blanks adding 0): seven lines may hold a wrapped cell's two pieces and
  // miss a cell whose number stands by the next label.
  const wrapsCells = [...assigned.values()].some((vr) => !vr.repeated && vr.values.length > WIDTH && vr.values.filter((t) => t.kind === 'num').length >= WIDTH);
  const blockLine = Math.min(...[...blocks].filter(([, b]) => b.stream).map(([vr]) => vr.line));
  const results = new Set(resultRowIds(template));
  // …nor are the rows printed one value a line after a label whose stream holds more than one row's values, cut by
  // count into rows of seven, in a table without its 总计 column whose rows of six the stream makes two of, every row
  // before it printed six one a line: a text that sorts a row's values above its wrapped label prints them so (twelve
  // values after `5.要求行政机关确认…`: its own six and the next row's), and each later label's values may then be the
  // next row's; with no 总计 no row's own sum says otherwise. (A reading order that also cuts rows short before it,
  // pdftotext's of a table's column blocks, is no such row-by-row text.)
  // (under a label that names one row, one enumerator: `（一）予以公开 （二）部分公开…` over twelve are those two rows')
  const namesOne = (vr: ValueRow): boolean => (fold(vr.label).match(/[（(][一二三四五六七][）)]|\d+[.．、]/g) ?? []).length <= 1;
  const twoRows = untotal.throughout ? [...assigned.values()].filter((vr) => vr.unordered && streams.has(vr) && vr.streamLength === 2 * (WIDTH - 1) && namesOne(vr)) : [];
  const overfull = Math.min(...twoRows.map((vr) => vr.line));
  // (until a later label names two rows over one row's values: the text is back in step after it)
  const inStep = Math.min(...[...assigned.values()].filter((vr) => vr.line > overfull && !namesOne(vr)).map((vr) => vr.line));
  const rowByRow = [...assigned.values()].every((vr) => vr.line >= overfull || (streams.has(vr) && vr.values.length === WIDTH - 1));
  // (a row whose values are the same as the row's worth printed just before its label reads alike either way)
  const numbers = overfull < Infinity ? tokens.filter((t) => t.kind === 'num') : [];
  const sameBefore = (values: readonly Token[]): boolean => {
    const at = numbers.indexOf(values[0]!);
    const before = at >= values.length ? numbers.slice(at - values.length, at) : null;
    return !!before && before.every((t, x) => t.value !== undefined && t.value === values[x]!.value);
  };
  for (const [row, vr] of assigned) {
    const block = blocks.get(vr);
    if (block) {
      findings.push({
        code: 'CELL_UNREADABLE',
        severity: 'warning',
        message: `表三「${block.named.map((l) => l.text).join('」「')}」的行名连在一起印出，其后${block.stream ? '每行一个' : ''}印出的 ${vr.values.length} 个数字（${vr.values.map((t) => t.text).join(' ')}）属于哪一行、是否同属一行，无从确定，保留为空`,
        line: vr.line,
        cell: key('requests', row, 'total'),
      });
      continue;
    }
    if (vr.line > blockLine && results.has(row) && vr.values.length < rowCells && streams.has(vr)) {
      findings.push({
        code: 'CELL_UNREADABLE',
        severity: 'warning',
        message: `表三「${rowName(template, row)}」行每行一个印出的数字（${vr.values.map((t) => t.text).join(' ')}）排在几行连在一起的行名之后：前面那串数字若属于本行，这串就属于下一行，无从确定，保留为空`,
        line: vr.line,
        cell: key('requests', row, 'total'),
      });
      continue;
    }
    if (rowByRow && vr.line > overfull && vr.line < inStep && streams.has(vr) && !vr.unordered && vr.values.length === rowCells && !sameBefore(vr.values)) {
      findings.push({
        code: 'CELL_UNREADABLE',
        severity: 'warning',
        message: `表三「${rowName(template, row)}」行每行一个印出的数字（${vr.values.map((t) => t.text).join(' ')}）排在一个印出两行数字的行名之后：本表无总计一列，数字若排在各自行名之前，本行是行名前的一串（与这串不同），这串属于下一行，无从确定，保留为空`,
        line: vr.line,
        cell: key('requests', row, 'total'),
      });
      continue;
    }
    for (const s of vr.strays) {
      findings.push({ code: 'CELL_UNREADABLE', severity: 'info', message: `表三「${rowName(template, row)}」行前的孤立数字「${s.text}」不属于任何单元格，已忽略`, line: s.line });
    }
    const vals = vr.values;
    const position = rowAt.get(row)!;
    const at = position * WIDTH; // the row's first cell in the grid
    if (vr.repeated) repeated.push({ row, vr });
    if (vr.unordered) {
      // (its numbers other than 0 were printed, if not in this order: the identities filling the row without them
      // would print a row the report did not, see below)
      doubt(row, vals);
      findings.push({
        code: 'CELL_UNREADABLE',
        severity: 'warning',
        message: `表三「${rowName(template, row)}」行的数字（${vals.map((t) => t.text).join(' ')}）是按个数从一串每行一个印出的数字中切出的，同一串切出的另一行相加不等于总计，或剩下的数字不够一整行：这串数字不是逐行印出的，这一行相加成立也可能是巧合，保留为空`,
        line: vr.line,
        cell: key('requests', row, 'total'),
      });
      continue;
    }
    if (vr.unsettled) {
      leftBlank.set(row, onOwnLine(vr));
      findings.push({
        code: 'CELL_UNREADABLE',
        severity: 'warning',
        message: `表三「${rowName(template, row)}」行的数字分在几行印出（${vals.map((t) => t.text).join(' ')}），各数字属于哪几列（或哪一行）无从确定，保留为空`,
        line: vr.line,
        cell: key('requests', row, 'total'),
      });
      continue;
    }
    if (vals.length === WIDTH && vals.some(leadingZero)) {
      // seven numbers, one of them printed with a leading zero, which no cell's number has (`0 01 0 0 9%19` over `1 2`:
      // OCR's reading of a rule beside a 0, and a row label's enumerator read as numbers): no row as printed
      findings.push({
        code: 'CELL_UNREADABLE',
        severity: 'warning',
        message: `表三「${rowName(template, row)}」行读到的七个数字（${vals.map((t) => t.text).join(' ')}）中「${vals.find(leadingZero)!.text}」以 0 开头，不是一格的数字（几格连印，或竖线、符号被读成了数字），这一行保留为空`,
        line: vr.line,
        cell: key('requests', row, 'total'),
      });
      continue;
    }
    if (vals.length === WIDTH) {
      // seven values over several lines (one per line, or `1 0 0` `0 0` `0 0`: a stream, not a printed row) are a
      // row only when they add up: pdftotext's reading order can interleave two rows' cells or slip a row boundary
      // by a value, and a row so cut is no row the agency printed. A row printed on one line is kept as printed.
      const stream = vals[0]!.line !== vals[WIDTH - 1]!.line && eachOnItsLine(vals);
      const spread = vals[0]!.line !== vals[WIDTH - 1]!.line;
      // (a placeholder printed an empty cell: it adds 0, where a cell the text lost is unknown)
      const adds = rowSumHolds(vals.map(addsAs));
      if (ruled && !adds) {
        // a text that draws the table's rules as characters (OCR) reads a rule as a digit: a row not adding up there
        // is a misreading as likely as the agency's own error, and a wrong number is worse than a gap (nor do the
        // identities fill it leaving out a number it printed: that may be the agency's own, see below)
        doubt(row, vals);
        findings.push({
          code: 'CELL_UNREADABLE',
          severity: 'warning',
          message: `表三「${rowName(template, row)}」行读到的数字（${vals.map((t) => t.text).join(' ')}）相加不等于总计；本表的竖线印成了字符（如 OCR 文字），竖线可能被读成了数字 1，这一行保留为空`,
          line: vr.line,
          cell: key('requests', row, 'total'),
        });
        continue;
      }
      // …nor one that adds up through a number that rows not adding up print in the same column (`0 0 |0 10 0 0 10`
      // beside `|3 0 |0 10 0 0 |3`: the 10 is a rule and a 0, twice, and the row adds up by chance)
      const misread = ruled ? vals.findIndex((t, x) => misreadInColumn.get(x)?.has(t.text)) : -1;
      if (ruled && misread < 0 && vouching < 3 && vouching <= failing && vals.some((t) => addsAs(t) !== 0)) {
        findings.push({
          code: 'CELL_UNREADABLE',
          severity: 'warning',
          message: `表三「${rowName(template, row)}」行读到的数字（${vals.map((t) => t.text).join(' ')}）虽然相加等于总计，但本表的竖线印成了字符（如 OCR 文字），而有非 0 数字且相加成立的行不足三行（一张读对的表至少有新收、一项办理结果和总计三行），也不多于相加不成立的行：这一行相加成立可能是巧合，保留为空`,
          line: vr.line,
          cell: key('requests', row, 'total'),
        });
        continue;
      }
      if (misread >= 0) {
        findings.push({
          code: 'CELL_UNREADABLE',
          severity: 'warning',
          message: `表三「${rowName(template, row)}」行读到的数字（${vals.map((t) => t.text).join(' ')}）虽然相加等于总计，但其中的「${vals[misread]!.text}」在同一列里也出现在相加不等于总计的行中；本表的竖线印成了字符（如 OCR 文字），这个数可能是竖线与数字连读，这一行保留为空`,
          line: vr.line,
          cell: key('requests', row, 'total'),
        });
        continue;
      }
      // (in a table whose rows print six, its 总计 blank, seven over several lines are a row and the next one's first)
      if (spread && untotal.throughout) {
        findings.push({
          code: 'CELL_UNREADABLE',
          severity: 'warning',
          message: `表三各行都只印出 ${WIDTH - 1} 个数字（总计一列未填），「${rowName(template, row)}」行却按个数从分在几行印出的数字中切出了 ${WIDTH} 个（${vals.map((t) => t.text).join(' ')}）：最后一个可能属于下一行，这一行保留为空`,
          line: vr.line,
          cell: key('requests', row, 'total'),
        });
        continue;
      }
      if (wrapsCells && vals.some((t) => t.blank) && !checkedSum(vals)) {
        findings.push({
          code: 'CELL_UNREADABLE',
          severity: 'warning',
          message: `表三有的行读到的数字（或数字连空格）多于 ${WIDTH} 格（窄格里的数字折成了几行），「${rowName(template, row)}」行分在几行印出的数字（${vals.map((t) => (t.blank ? '空' : t.text)).join(' ')}）连空格在内虽有 ${WIDTH} 格，印出的总计却不能核对各格（总计空着或与各格之和不等）：其中可能有一格折成了两个数，这一行保留为空`,
          line: vr.line,
          cell: key('requests', row, 'total'),
        });
        continue;
      }
      // (a row of a text's table, blank cells among its seven, adding up only through the blanks, the sum with blanks
      // 0 and the printed 总计 one the other's first digits: `1818` · · · · · `1` from a PDF is a narrow 总计 cell that
      // wrapped or clipped its 1818, not a printed 1 (a document's table, HTML or .docx, holds whole cells))
      const cut = !wholeCells && adds ? cutCell(vals) : null;
      if (cut) {
        findings.push({
          code: 'CELL_UNREADABLE',
          severity: 'warning',
          message: `表三「${rowName(template, row)}」行读到的各格（${vals.map((t) => (t.blank ? '空' : t.text)).join(' ')}）之和（空格按 0 计）与总计一个是另一个的开头几位：${cut === 'total' ? '总计' : '有一格'}可能是窄格里折行或被截断的数字，${cut === 'total' ? '总计保留为空' : '这一行保留为空'}`,
          line: vr.line,
          cell: key('requests', row, 'total'),
        });
        if (cut === 'applicant') continue;
      }
      // (a row of a text's table printed on its line and not adding up, beside a line of numbers no row took that,
      // prefixed or appended to one of its cells, makes it add up: `17` over `0 0 0 0 0 0 170`, a narrow cell's 170
      // wrapped where the layout set its rest under another column; the row as printed would print a cut number)
      const completing = !wholeCells && !adds && !spread ? untaken.find((u) => completes(vals, u.values, u.line < vr.line)) : undefined;
      if (completing) {
        findings.push({
          code: 'CELL_UNREADABLE',
          severity: 'warning',
          message: `表三「${rowName(template, row)}」行读到的数字（${vals.map((t) => (t.blank ? '空' : t.text)).join(' ')}）相加不等于总计，而${completing.line < vr.line ? '上' : '下'}方不属于任何一行的数字「${completing.values.map((t) => t.text).join(' ')}」接在其中一格${completing.line < vr.line ? '前' : '后'}就能相加相等：可能是窄格里的数字折成了两行，这一行保留为空`,
          line: vr.line,
          cell: key('requests', row, 'total'),
        });
        continue;
      }
      if (!spread || adds) {
        if (stream) streamed.add(row);
        for (let x = 0; x < (cut ? WIDTH - 1 : WIDTH); x++) write(at, slots[position]!, x, cellFromToken(vals[x]!));
        continue;
      }
    }
    if (mayBeGlued(vals) && !printedShortRow(vals)) {
      // the splits whose row sum holds. A split that breaks it is never taken, even when it is the only one (one
      // digit per cell): a crawl that lost a blank cell prints `258|12|·|·|1|1|·` as 2581211, seven digits.
      const fit: Array<Array<number | null>> = [];
      // (a split whose 总计 is a placeholder is checked by nothing: `27 2 1 30 \` is no 2|7|2|1|3|0|\)
      forEachSplit(piecesOf(vals), WIDTH, (cells) => {
        if (cells[WIDTH - 1] !== null && rowSumHolds(cells)) fit.push([...cells]);
      });
      const raw = vals.map((t) => t.text).join(' ');
      const line = vals[0]!.line;
      const only = fit.length === 1 ? fit[0] : undefined;
      if (only) {
        only.forEach((v, x) => write(at, slots[position]!, x, { value: v, line, raw }));
        continue;
      }
      if (fit.length > 1) {
        ambiguous.push({ keys: keysOf(row), candidates: fit, line, raw });
        continue;
      }
      const splits: Array<Array<number | null>> = [];
      forEachSplit(piecesOf(vals), WIDTH, (cells) => {
        if (splits.length < 2) splits.push([...cells]);
      });
      if (splits.length === 1 && splits[0]![WIDTH - 1] !== null) {
        printedOnly.push({ row, vr, split: splits[0]! });
        continue;
      }
    }
    partial.push({ row, vr });
  }
  keepAsPrinted(printedOnly);

  if (repeated.length) {
    const { row, vr } = repeated[0]!;
    const printed = vr.repeated!;
    findings.push({
      code: 'TABLE_REORDERED',
      severity: 'info',
      message: `表三有 ${repeated.length} 行印出的数字多于 ${WIDTH} 格（如「${rowName(template, row)}」行印出 ${printed.map((t) => t.text).join(' ')}）：有格跨两列、数字重复印出；去掉与前一格相同的重复数字后，每行都只有一种读法，且本行之和等于总计`,
      line: vr.line,
      cell: key('requests', row, 'total'),
    });
  }
  chooseSplits(cells, ambiguous, equations, findings);

  // Rows printed with two numbers, at the columns where the table's rows print 自然人 and 总计: the five columns
  // between them are blank (a Word export leaves zeros blank), so the row is v | · | · | · | · | · | v.
  const edges = partial.length ? edgeColumns([...assigned.values()], header) : null;
  const named = edges && header && inOrder(header, edges.pos === byColumns ? 'columns' : 'chars') ? header : null;
  const ends = lastUnderTotal(edges, named);
  let zeroEdges = false; // a row read so with zeros: the table prints 自然人's zeros beside blank 法人 columns
  // (rows the edges do not place that share edges of their own, three or more, about as far apart: a layout that
  // packs each line apart spreads a table's rows by a column or two; two equal numbers there are 自然人 and 总计 too)
  const apartFrom = ends ? partial.map((p) => p.vr).filter((vr) => vr.values.length >= 2 && !atEdges(vr, ends)) : [];
  const spread = ends && apartFrom.length >= 3 ? edgeColumns(apartFrom, null, false) : null;
  const nearby = ends && spread && spread.pos === ends.pos && Math.abs(edgeWidth(spread) - edgeWidth(ends)) <= 2 ? spread : null;
  for (let i = partial.length - 1; ends && i >= 0; i--) {
    const { row, vr } = partial[i]!;
    const [a, b] = vr.values;
    if (vr.values.length !== 2 || a!.line !== b!.line || a!.kind !== 'num' || b!.kind !== 'num' || a!.problem || b!.problem || a!.value !== b!.value) continue;
    if (leadingZero(a!) || leadingZero(b!)) continue;
    if (!atEdges(vr, ends) && !(nearby && atEdges(vr, nearby))) continue;
    const position = rowAt.get(row)!;
    const raw = `${a!.text} ${b!.text}`;
    if (a!.value === 0) zeroEdges = true;
    for (let x = 0; x < WIDTH; x++) {
      const cell: Cell = x === 0 ? cellFromToken(a!) : x === WIDTH - 1 ? cellFromToken(b!) : { value: null, line: vr.line, blank: true };
      write(position * WIDTH, slots[position]!, x, cell);
    }
    findings.push({
      code: 'CELL_INFERRED',
      severity: 'info',
      message: `表三「${rowName(template, row)}」行只印出两个数字（${raw}），分别在本表各行印自然人和总计的位置，中间五列为空格`,
      line: vr.line,
      cell: keysOf(row)[1]!,
    });
    partial.splice(i, 1);
  }

  // A table that prints no 总计 (a column left blank on every row, as some Word tables are): its rows print six numbers,
  // none seven, and no row with a number other than 0 ends with the sum of the five before it, as it would if one
  // applicant column were the blank one (see untotalled.ts). Then the six are the applicant columns and every 总计 is
  // blank: none is made up from them. So too where a few rows print seven beside many more of six: the agency totalled
  // those few only. Rows of six zeros alone fit both (a blank 总计 and a blank applicant cell add alike): only their
  // positions under the header's names, below, place them.
  const sixesThroughout = untotal.throughout;
  if (untotal.proven) {
    let first: ValueRow | null = null;
    for (let i = partial.length - 1; i >= 0; i--) {
      const { row, vr } = partial[i]!;
      const six = untotal.sixes.get(vr);
      if (!six) continue;
      const keys = keysOf(row);
      const raw = vr.values.map((t) => t.text).join(' ');
      six.forEach((c, x) => cells.set(keys[x]!, c.token ? cellFromToken(c.token) : { value: c.value, line: vr.line, raw }));
      cells.set(keys[WIDTH - 1]!, { value: null, line: vr.line, blank: true });
      if (!first || vr.line < first.line) first = vr;
      partial.splice(i, 1);
    }
    // (the other rows' 总计 too: the column is blank, so no identity makes one up)
    for (const r of spec.rows) if (!cells.has(key('requests', r.id, 'total'))) cells.set(key('requests', r.id, 'total'), { value: null, line: first?.line ?? tokens[0]?.line ?? 1, blank: true });
    if (first) {
      findings.push({
        code: 'TABLE_REORDERED',
        severity: 'info',
        message: untotal.sevens
          ? `表三有 ${untotal.sixes.size} 行只印出 ${WIDTH - 1} 个数字，只有少数几行印出 ${WIDTH} 个，且六个数字的行没有一行末一个数等于前五个之和：这些行的「总计」未填，按六个申请人列读出，总计保留为空`
          : `表三各行都只印出 ${WIDTH - 1} 个数字，且没有一行末一个数等于前五个之和：本表「总计」一列未填，按六个申请人列读出，总计保留为空`,
        line: first.line,
        cell: key('requests', [...assigned.entries()].find(([, v]) => v === first)![0], 'total'),
      });
    }
  }
  // Layout text whose rows end under the header's 其他 (ends null above): a row of six numbers each under one of the
  // six applicant names, left to right, is those six cells as placed, its 总计 blank (the zeros of an untotalled
  // table of zeros, which no sum places, are placed by where they stand)
  if (edges && !ends && named && named.length === WIDTH) {
    // (the first under 自然人 alone and the last under 其他 alone: six numbers in order between them can only be the
    // six columns in order, so each needs only to stand under its own name, also where it touches a neighbour's too,
    // as pdftotext -layout packs narrow columns: `0 0 0` under `人 商业 科研`)
    const placed = (vals: readonly Token[]): boolean =>
      vals.every((t, x) => {
        const p = edges.pos(t);
        const under = p ? namesOver(p, edges.pos, named, [0, 1, 2, 3, 4, 5, 6]) : [];
        return x === 0 || x === WIDTH - 2 ? under.length === 1 && under[0] === x : under.includes(x);
      });
    for (let i = partial.length - 1; i >= 0; i--) {
      const { row, vr } = partial[i]!;
      const vals = vr.values;
      if (vals.length !== WIDTH - 1 || vals.some((t) => t.line !== vals[0]!.line || numberOf(t) === null)) continue;
      if (!placed(vals)) continue;
      const keys = keysOf(row);
      vals.forEach((t, x) => cells.set(keys[x]!, cellFromToken(t)));
      cells.set(keys[WIDTH - 1]!, { value: null, line: vr.line, blank: true });
      findings.push({
        code: 'TABLE_REORDERED',
        severity: 'info',
        message: `表三「${rowName(template, row)}」行的 ${WIDTH - 1} 个数字（${vals.map((t) => t.text).join(' ')}）各在表头一个申请人栏下，总计栏下没有数字：按栏读出，总计保留为空`,
        line: vr.line,
        cell: keys[WIDTH - 1]!,
      });
      partial.splice(i, 1);
    }
  }
  // A row printed with one cell lost: if every placement of the gap gives the same row (e.g. all zeros), it is known.
  // Not where other rows show blank cells (a glued row of five digits or fewer, or a row of two to four whole
  // numbers, `0 0`): a row short of one digit may then be fewer numbers beside blanks (`64 · · 2 · 4 70` glued is 642470,
  // no 6|4|2|4|7|0 with a 总计 made up to fit), and six numbers may be three rows of two (`0 0` `0 0` `0 0` under a
  // block of three labels)
  const blanks =
    printsBlankCells(tokens) ||
    [...assigned.values()].some((vr) => vr.values.length >= 2 && vr.values.length <= WIDTH - 3 && vr.values.every((t) => t.kind === 'num' && !t.glued));
  // (and only where a row prints all seven: a table none of whose rows does may print no 总计 at all; seven cut by
  // count from a stream prove nothing)
  for (let i = partial.length - 1; !blanks && !sixesThroughout && untotal.sevens && i >= 0; i--) {
    const { row, vr } = partial[i]!;
    // a glued run of six digits: a crawl that lost one blank cell of a row of one-digit cells
    // (rejoined from digit groups, only groups of one digit each: a group of several digits is no one-digit cell)
    const groups = vr.values.length === 1 ? rejoined.get(vr.values[0]!) : undefined;
    const oneDigitCells = !groups || groups.every((t) => t.text.length === 1);
    const digits = vr.values.length === 1 && vr.values[0]!.glued && vr.values[0]!.text.length === WIDTH - 1 && oneDigitCells ? vr.values[0]!.text : null;
    const printed = digits ? [...digits].map(Number) : vr.values.map(numberOf);
    if (printed.length !== WIDTH - 1 || printed.some((v) => v === null)) continue;
    // six numbers with two a line or more on several lines are columns interleaved, not a row in order: pdftotext's
    // reading order can hand a row another block's cells (`0 95` `0 0` `0 50`: the 其他 and 总计 columns of earlier
    // rows). Then only six equal numbers (all zeros), whose order does not matter, are read
    if (interleaved(vr.values) && printed.some((v) => v !== printed[0])) continue;
    /** Each row the gap can make, with the columns it can be in for that row. */
    const options = new Map<string, number[]>();
    for (let gap = 0; gap < WIDTH; gap++) {
      const full = [...printed.slice(0, gap), 0, ...printed.slice(gap)] as number[];
      const partsSum = full.slice(0, WIDTH - 1).reduce((a, b) => a + b, 0);
      if (gap === WIDTH - 1) full[gap] = partsSum;
      else full[gap] = full[WIDTH - 1]! - partsSum;
      const made = full.join(',');
      if (full[gap]! >= 0) options.set(made, [...(options.get(made) ?? []), gap]);
    }
    if (options.size !== 1) continue;
    const [made, gaps] = [...options][0]!;
    const full = made.split(',').map(Number);
    const raw = vr.values.map((t) => t.text).join(' ');
    // (a number alone that no row took, printed right before the row (on its label's first line, where pdftotext's
    // reading order sets a row's first cell), is the cell the six lack where it differs from the one made up: the row
    // as printed does not add up, `1` then 0 0 0 0 0 0, no row of seven zeros)
    const piece = pieceBefore(vr);
    if (piece && !gaps.some((x) => full[x] === numberOf(piece.values[0]!))) {
      findings.push({
        code: 'CELL_UNREADABLE',
        severity: 'warning',
        message: `表三「${rowName(template, row)}」行只印出 ${WIDTH - 1} 个数字（${raw}），行前还印有不属于任何一行的数字「${piece.values[0]!.text}」：缺的一格若是它，本行相加不等于总计，不能按勾稽关系补出，保留为空`,
        line: vr.line,
        cell: key('requests', row, 'total'),
      });
      partial.splice(i, 1);
      continue;
    }
    // (the cell not printed is inferred; where it may be any of several columns, all of one value, which one is not
    // known and none is marked: each of them holds that value)
    full.forEach((v, x) => cells.set(key('requests', row, columns[x]!), { value: v, line: vr.line, raw, ...(gaps.length === 1 && gaps[0] === x ? { inferred: true } : {}) }));
    // (a row so made up that leaves an identity broken is no row of the table: the six may be what OCR or a crawl
    // left of seven, `6 0 2 0 4 2` for `64 0 0 2 0 4 70`, and the cell put in would carry the loss on)
    if (contradicted(cells, equations)) {
      for (const c of columns) cells.delete(key('requests', row, c));
      findings.push({
        code: 'CELL_UNREADABLE',
        severity: 'warning',
        message: `表三「${rowName(template, row)}」行只印出 ${WIDTH - 1} 个数字（${raw}），补出缺的一格后本表的勾稽关系不成立：这六个数字未必是本行印出的全部，保留为空`,
        line: vr.line,
        cell: key('requests', row, 'total'),
      });
      leftBlank.set(row, digits ? (printed as number[]) : onOwnLine(vr));
      partial.splice(i, 1);
      continue;
    }
    findings.push({
      code: 'CELL_INFERRED',
      severity: 'info',
      message: `表三「${rowName(template, row)}」行只印出 ${WIDTH - 1} 个数字（${raw}），缺的一格无论在哪一列都只能是同一个值，整行由此确定`,
      line: vr.line,
      cell: key('requests', row, 'total'),
    });
    partial.splice(i, 1);
  }

  // Rows whose first number stands at the 自然人 column and last at the 总计 column, with numbers between them that
  // add up (9 · 2 · · · 11 as `9 2    11`): 自然人 and 总计 are certain, and the numbers between them are 法人或其他组织
  // cells whose columns the line does not show, so those five cells stay unknown (never guessed). A long label can
  // squeeze the first number off the 自然人 column: it still counts as there when it stands at or left of it (the five
  // 法人 columns are all to its right) and the 自然人 and 总计 columns' identities through the row then hold exactly;
  // for a zero (it cannot tip a sum) only when other rows print zeros at 自然人 beside blank 法人 columns.
  // two passes: rows at both columns first, then squeezed rows (their check reads the other rows' cells)
  // (a table whose rows all print six zeros says nothing of which column is blank: its last is 总计 or 其他 alike)
  const zeroSixes = sixesThroughout && [...untotal.sixes.values()].every((six) => six.every((c) => c.value === 0));
  /** The rows whose middle numbers were placed under the header's names, checked once all such rows are read. */
  const underNames: Array<{ row: string; keys: readonly string[]; line: number; raw: string; between: string }> = [];
  for (const pass of [0, 1]) for (let i = partial.length - 1; ends && !zeroSixes && i >= 0; i--) {
    const { row, vr } = partial[i]!;
    const vals = vr.values;
    if (vals.length < 2 || vals.length >= WIDTH || vals.some((t) => t.line !== vals[0]!.line || t.kind !== 'num' || t.problem || t.value === undefined || leadingZero(t))) continue;
    const a = vals[0]!;
    const b = vals[vals.length - 1]!;
    const between = vals.slice(1, -1);
    if (a.value! + between.reduce((sum, t) => sum + t.value!, 0) !== b.value) continue;
    const pa = ends.pos(a);
    if (!pa || !near(ends.pos(b), ends.last)) continue;
    const squeezed = !near(pa, ends.first);
    if (squeezed !== (pass === 1)) continue;
    if (squeezed && (pa[0] > ends.first[0] || between.length || (a.value === 0 && !zeroEdges))) continue;
    if (!squeezed && !between.length) continue; // the two-number rows at both columns were read above
    const keys = keysOf(row);
    const before = keys.map((k) => cells.get(k));
    const position = rowAt.get(row)!;
    // the numbers between, each under one of the five 法人或其他组织 names of the header (when it aligns with the rows)
    const placed = squeezed ? null : underHeader(between, ends, named);
    for (let x = 0; x < WIDTH; x++) {
      const middle = placed ? placed.get(x) : undefined;
      const cell: Cell | null =
        x === 0 ? cellFromToken(a) : x === WIDTH - 1 ? cellFromToken(b) : middle ? cellFromToken(middle) : between.length && !placed ? null : { value: null, line: vr.line, blank: true };
      if (cell) cells.setAt(slots[position]![x]!, cell);
      else cells.delete(keys[x]!);
    }
    if (squeezed) {
      const middle = new Set(keys.slice(1, WIDTH - 1));
      const through = (k: string): Array<number | null> =>
        equations.filter((eq) => [...eq.plus, ...eq.minus].includes(k) && ![...eq.plus, ...eq.minus].some((t) => middle.has(t))).map((eq) => residual(eq, (t) => cells.get(t)?.value));
      const np = through(keys[0]!);
      const tot = through(keys[WIDTH - 1]!);
      if (!np.length || !tot.length || ![...np, ...tot].every((r) => r === 0)) {
        keys.forEach((k, x) => (before[x] ? cells.set(k, before[x]!) : cells.delete(k)));
        continue;
      }
    }
    grid[position * WIDTH] = a.value!;
    grid[position * WIDTH + WIDTH - 1] = b.value!;
    known += 2;
    const raw = vals.map((t) => t.text).join(' ');
    if (placed) underNames.push({ row, keys, line: vr.line, raw, between: between.map((t) => t.text).join('、') });
    else findings.push(
      squeezed
        ? {
            code: 'CELL_INFERRED',
            severity: 'info',
            message: `表三「${rowName(template, row)}」行只印出两个数字（${raw}），行名过长把前一个挤离自然人一列，但它在自然人一列或其左（法人或其他组织五列都在其右），后一个在总计一列；按自然人、总计读，两列的勾稽关系因此成立，中间五列为空格`,
            line: vr.line,
            cell: keys[1]!,
          }
        : {
              code: 'CELL_UNREADABLE',
              severity: 'info',
              message: `表三「${rowName(template, row)}」行（${raw}）首尾两个数字在自然人、总计两列；中间的 ${between.map((t) => t.text).join('、')} 属于法人或其他组织五列中的哪一列，版面看不出，这五格保留为空`,
              line: vr.line,
              cell: keys[1]!,
            },
    );
    partial.splice(i, 1);
  }
  // A line's offsets drift (a long row label pushes its numbers right), so a number under one name may be the next
  // column's: when a column, its blank cells read as 0, then hands out more than it took in (or its sides are apart),
  // no middle number placed by the names is kept (which of them stands off its column the columns do not say).
  const drifted = underNames.length ? brokenColumns(cells, template) : [];
  for (const u of underNames) {
    const message = drifted.length
      ? `表三「${rowName(template, u.row)}」行（${u.raw}）首尾两个数字在自然人、总计两列；中间的 ${u.between} 虽在表头法人或其他组织列名的下方，但按列名定列后，把空格读作 0，${drifted.map((c) => `「${labelOf(template, 'requests', 'columns', c)}」`).join('')}一列的勾稽关系不成立（办理的多于收到的，或两边不等）：文本的列位有偏移，这五格保留为空`
      : `表三「${rowName(template, u.row)}」行（${u.raw}）印有空格：首尾两个数字在自然人、总计两列，中间的 ${u.between} 各在表头一个法人或其他组织列名的正下方，按列名定列，其余为空格`;
    if (drifted.length) for (const k of u.keys.slice(1, WIDTH - 1)) cells.delete(k);
    findings.push({ code: drifted.length ? 'CELL_UNREADABLE' : 'CELL_INFERRED', severity: drifted.length ? 'warning' : 'info', message, line: u.line, cell: u.keys[1]! });
  }

  // （六）其他处理 printed as one row in a 2021-template report.
  let singleOther = false;
  if (template === '2021') {
    const other = assigned.get('otherHandling.other');
    if (other && !assigned.has('otherHandling.noCorrection') && !assigned.has('otherHandling.feeUnpaid') && /其他处理/.test(fold(other.label))) {
      singleOther = true;
      findings.push({
        code: 'OTHER_HANDLING_SINGLE_ROW',
        severity: 'info',
        message: SINGLE_OTHER_NOTE,
        line: other.line,
      });
    }
  }

  const rowLine = (row: string): number => assigned.get(row)?.line ?? tokens[0]?.line ?? 1;
  const allZero = tokens.every((t) => t.kind !== 'num' || t.value === 0);
  // a table some of whose rows printed one value a line are in no order (unsettled, or not adding up): a row of seven
  // zeros one a line under its own label is then checked too (zeros add up wherever they were cut from)
  const disordered = [...assigned.values()].some(
    (vr) => vr.unordered || (vr.values.length === WIDTH && eachOnItsLine(vr.values) && !rowSumHolds(vr.values.map(numberOf))),
  );
  const lineOf = (k: string): number => rowLine(k.split('/')[1]!);
  // (a cell that printed a placeholder, `—` or `/`, printed no number: it is not filled with one)
  const placeholder = (k: string): boolean => cells.get(k)?.value === null && !!cells.get(k)?.raw;
  const fillable = (k: string): boolean => !(sixesThroughout && k.endsWith('/total')) && !cells.get(k)?.blank && !cells.get(k)?.problem && !placeholder(k) && !(singleOther && /otherHandling\.(noCorrection|feeUnpaid)/.test(k));
  // Every cell printed with a value: no equation has an unknown, and inferring would only look.
  const complete = known === grid.length && !ambiguous.length && !partial.length;
  // (nor from cells that already break an identity: one of them is no printed number, or the print disagrees with
  // itself, and a cell inferred from them would carry that on)
  // Rows read from numbers printed over several lines are the reader's assembly, not rows as printed. Where the
  // printed cells keep every identity and the cells inferred from them break one, a value came from the wrong line:
  // the assembled row that alone mends the break, if only one does, is left blank and the cells inferred again
  // without it (a table that breaks an identity as printed is the report's: kept as printed, and reported).
  const blankAssembled = (): string[] => {
    const assembled = [...assigned]
      .filter(([r, vr]) => !oneLine(vr.values) && !partial.some((p) => p.row === r) && keysOf(r).some((k) => typeof cells.get(k)?.value === 'number' && !cells.get(k)!.inferred))
      .map(([r]) => r);
    if (!assembled.length || !contradicted(cells, equations)) return [];
    const without = (rows: readonly string[]): boolean => {
      const kept = rows.flatMap((r) => keysOf(r).map((k) => [k, cells.get(k)] as const));
      for (const [k] of kept) cells.delete(k);
      const holds = !contradicted(cells, equations);
      for (const [k, c] of kept) if (c) cells.set(k, c);
      return holds;
    };
    const alone = assembled.filter((r) => without([r]));
    const blanked = alone.length === 1 ? alone : [];
    for (const r of blanked) {
      for (const k of keysOf(r)) cells.delete(k);
      findings.push({
        code: 'CELL_UNREADABLE',
        severity: 'warning',
        message: `表三「${rowName(template, r)}」行的数字分在几行印出（${assigned.get(r)!.values.map((t) => t.text).join(' ')}），按列读出后本表的勾稽关系不成立，只有这一行空着才成立：数字可能读错了行，保留为空`,
        line: rowLine(r),
        cell: key('requests', r, 'total'),
      });
    }
    return blanked;
  };
  let filled = new Set(complete || contradicted(cells, equations) ? [] : inferCells(cells, equations, lineOf, fillable));
  if (filled.size) {
    // (inferred again without the row blanked, none of whose cells is inferred: its numbers were read, just not kept)
    const blanked = new Set(blankAssembled().flatMap((r) => keysOf(r)));
    if (blanked.size) {
      for (const k of filled) cells.delete(k);
      filled = new Set(contradicted(cells, equations) ? [] : inferCells(cells, equations, lineOf, (k) => !blanked.has(k) && fillable(k)));
    }
  }
  // A row left blank (its numbers over several lines, or six that a seventh did not complete) that the identities
  // now fill without the numbers printed on its own line among its cells: the numbers the identities worked from are
  // not all where they were read (a value read into the row above or below), and every cell inferred from them would
  // carry that on. None is kept.
  const refuted = [...leftBlank].find(([row, printed]) => {
    if (!printed.length) return false;
    const values = keysOf(row).map((k) => cells.get(k)?.value);
    if (!keysOf(row).some((k) => filled.has(k)) || values.some((v) => typeof v !== 'number')) return false;
    const left = [...(values as number[])];
    return printed.some((v) => {
      const at = left.indexOf(v);
      if (at < 0) return true;
      left.splice(at, 1);
      return false;
    });
  });
  if (refuted) {
    const [row, printed] = refuted;
    const made = keysOf(row).map((k) => cells.get(k)!.value).join(' ');
    for (const k of filled) cells.delete(k);
    filled.clear();
    // (the rows read from numbers over several lines are where a value can have come from the wrong line)
    const spread = [...assigned].filter(([r, vr]) => r !== row && !oneLine(vr.values) && keysOf(r).some((k) => typeof cells.get(k)?.value === 'number'));
    for (const [r] of spread) for (const k of keysOf(r)) cells.delete(k);
    findings.push({
      code: 'CELL_UNREADABLE',
      severity: 'warning',
      message: `表三「${rowName(template, row)}」行印出的数字（${printed.join(' ')}）不在勾稽关系为它推出的一行（${made}）之中：别的行有数字读错了行，或本表印出的数字本身不合勾稽关系，由勾稽关系推出的各格都不可靠，一格也不推出${spread.length ? `；数字分在几行印出的${spread.map(([r]) => `「${rowName(template, r)}」`).join('')}也保留为空` : ''}`,
      line: lineOf(keysOf(row)[0]!),
      cell: key('requests', row, 'total'),
    });
  }

  // A row left blank for its stream's order (or as a row of a ruled text not adding up) that the identities fill
  // without a number other than 0 it printed: the identities do not hold as the table printed it (an anomaly of the
  // report's, or a value read into another row), and the row they make is no row the report printed. Its inferred
  // cells are dropped.
  for (const [row, printed] of doubtedRows) {
    const keys = keysOf(row);
    const values = keys.map((k) => (filled.has(k) ? cells.get(k)?.value : undefined));
    if (!printed.length || values.some((v) => typeof v !== 'number')) continue;
    const left = [...(values as number[])];
    // (a number printed as a wrapped cell's first or last digits, `303` of 3030, is in the row as that cell)
    const missing = printed.find((v) => {
      const at = left.findIndex((w) => String(w).startsWith(String(v)) || String(w).endsWith(String(v)));
      if (at >= 0) left.splice(at, 1);
      return at < 0;
    });
    if (missing === undefined) continue;
    const made = values.join(' ');
    for (const k of keys) {
      cells.delete(k);
      filled.delete(k);
    }
    findings.push({
      code: 'CELL_UNREADABLE',
      severity: 'warning',
      message: `表三「${rowName(template, row)}」行印出的数字 ${missing} 不在勾稽关系为它推出的一行（${made}）之中：本表印出的数字本身不合勾稽关系，或别的行有数字读错了行，这一行不由勾稽关系推出，保留为空`,
      line: rowLine(row),
      cell: key('requests', row, 'total'),
    });
  }

  const unplaced: Unplaced[] = [];
  for (const { row, vr } of partial) {
    const keys = keysOf(row);
    const values = keys.map((k) => cells.get(k)?.value ?? null);
    const printed = vr.values.map(numberOf);
    // printed must be a subsequence of the inferred row
    let p = 0;
    const matched = new Set<number>();
    values.forEach((v, x) => {
      if (p < printed.length && v !== null && v === printed[p]) {
        matched.add(x);
        p++;
      }
    });
    const raw = vr.values.map((t) => t.text).join(' ');
    if (values.every((v) => v !== null) && p === printed.length) {
      keys.forEach((k, x) => {
        const c = cells.get(k)!;
        if (matched.has(x)) cells.set(k, { value: c.value, line: vr.line, raw });
      });
      const missing = keys.filter((_, x) => !matched.has(x));
      findings.push({
        code: 'CELL_INFERRED',
        severity: 'info',
        message: `表三「${rowName(template, row)}」行只印出 ${printed.length} 个数字（${raw}），其余 ${missing.length} 格由勾稽关系唯一推出`,
        line: vr.line,
        cell: missing[0] ?? keys[0]!,
      });
    } else {
      for (const k of keys) if (filled.has(k)) cells.delete(k);
      unplaced.push({
        row,
        values: vr.values,
        line: vr.line,
        doubt: {
          code: 'CELL_UNREADABLE',
          severity: 'warning',
          message:
            printed.length > WIDTH
              ? `表三「${rowName(template, row)}」行读到 ${printed.length} ${vr.values.some((t) => t.blank) ? `格（${vr.values.map((t) => (t.blank ? '空' : t.text)).join(' ')}）` : `个数字（${raw}）`}，多于 ${WIDTH} 格，无法确定各列，保留为空`
              : `表三「${rowName(template, row)}」行只读到 ${printed.length} 个数字（${raw}），无法确定各列，保留为空`,
          line: vr.line,
          cell: keys[0]!,
        },
      });
    }
  }
  // (not in a table printed in bands: column names after the first values, the rest of each row's cells elsewhere)
  const bands = unplaced.length > 0 && namesAfterValues(tokens);
  // (a row printed with no number at all: its label is in the table's words, no values beside it)
  // (the table's words are folded only when a crawl's short rows ask)
  let words: string | undefined;
  const printedBlank = (row: string): boolean => !assigned.has(row) && (words ??= foldedWords(tokens)).includes(leaves.find((l) => l.id === row)?.folded ?? '\u0000');
  for (const r of placeShortRows(template, cells, bands ? [] : unplaced, findings, cellFromToken, (r) => rowName(template, r), (t) => rejoined.get(t), printedBlank, disordered)) streamed.add(r);
  // (in bands, no short row is placed, and each keeps its doubt: a row left blank is never left unexplained)
  if (bands) for (const u of unplaced) findings.push(u.doubt);
  // A row that printed no number at all, whose cells the identities make 0 (those they settle): a row left blank and
  // a row of zeros add alike, and the identities cannot tell them apart. The row stays blank (a blank is no wrong number;
  // a 0 where the report left the row blank would be), with a note.
  for (const r of spec.rows) {
    if (assigned.has(r.id)) continue;
    const keys = keysOf(r.id);
    const inferred = keys.filter((k) => filled.has(k));
    if (!inferred.length || !inferred.every((k) => cells.get(k)?.value === 0)) continue;
    for (const k of inferred) {
      cells.delete(k);
      filled.delete(k);
    }
    findings.push({
      code: 'CELL_UNREADABLE',
      severity: 'info',
      message: `表三「${rowName(template, r.id)}」一行没有印出数字；勾稽关系推出其${inferred.length === keys.length ? '各格' : `中 ${inferred.length} 格`}为 0，但空白与 0 在勾稽关系里无从区分，保留为空`,
      line: lineOf(keys[0]!),
      cell: key('requests', r.id, 'total'),
    });
  }
  // A row none of whose numbers was found, every cell inferred (its label read, its values hidden by the reading
  // order, or the row not found at all): the identities hold there only if the agency's own sums do, and a report
  // whose total disagrees with its parts (`（七）总计` printed 0 beside 3 requests received) would show numbers it
  // never printed. The inferred values still serve to choose between readings of the table; the row is listed in
  // `unverified`, which readRequests blanks in the reading it keeps, with the numbers in the note. (A row that printed
  // some of its numbers, all among the inferred ones, is checked above and kept.)
  const hidden = new Set<string>();
  for (const r of spec.rows) {
    const keys = keysOf(r.id);
    if (assigned.has(r.id) || partial.some((p) => p.row === r.id) || (leftBlank.get(r.id)?.length ?? 0) > 0) continue;
    if (!keys.every((k) => filled.has(k) && typeof cells.get(k)?.value === 'number')) continue;
    hidden.add(r.id);
    unverified.push({
      row: r.id,
      doubt: {
        code: 'CELL_UNREADABLE',
        severity: 'info',
        message: `表三「${rowName(template, r.id)}」一行的数字没有读到；勾稽关系推出其各格为 ${keys.map((k) => cells.get(k)!.value).join(' ')}，但只在报告的合计与各项一致时才对（不一致的报告并不少见），保留为空`,
        line: lineOf(keys[0]!),
        cell: key('requests', r.id, 'total'),
      },
    });
  }
  for (const k of filled) {
    const row = k.split('/')[1]!;
    if (partial.some((p) => p.row === row) || hidden.has(row)) continue;
    if (cells.has(k)) {
      findings.push({ code: 'CELL_INFERRED', severity: 'info', message: `单元格「${cellLabel(template, k)}」未印出，由勾稽关系唯一推出为 ${cells.get(k)!.value}`, line: lineOf(k), cell: k });
    }
  }
  // A row cut by count from a stream of values over several lines and placed by order alone (no label of its own
  // names it) is kept only when an identity through it and other rows, every other term known, holds, not all of
  // its terms 0: a stream one value off its rows, or missing a row printed elsewhere, puts a row of zeros on a row
  // that printed 22 | · · · · · | 22, and nothing else would say so. (Listed in `unverified`; readRequests blanks them when it
  // keeps this reading.)
  for (const [row, vr] of assigned) {
    const lines = oneLine(vr.values) ? 1 : new Set(vr.values.map((t) => t.line)).size;
    // (a row its own label names is checked too when its seven values, cut from a longer run under the label or in a
    // disordered table, stand one a line and are all zeros, which add up wherever a cut falls: a column's band of
    // zeros cut by count is no row that printed 0 | · · · · · | 0), or whose one number other than 0 among the
    // applicant columns is its 总计's (`0 0 0 0 0 8,659 8,659`, the last seven of a run of 49 pdfminer printed in blocks:
    // that row adds up in whichever applicant column the cut puts the number)
    // (a stream after a block of labels that printed nothing names none of its rows: `5.属于三类… … 3.补正后申请内容仍
    // 不明确` then values one a line, pdfminer's, the first seven no more the last label's than any other's)
    // (a row on one line is kept whatever its label: the label is scored only for the rows over several)
    if (lines < 2) continue;
    const named = !vr.afterBlock && labelScore(vr.label, labelKey(spec.rows[rowAt.get(row)!]!.label)) >= LABEL_MATCH;
    const weighed = vr.values.some((t) => t.value !== 0) && !((vr.cut || disordered) && loneApplicant(vr.values));
    // (nor is a row cut from a stream that makes no whole rows, `四、结转下年度继续办理` over 31 values, the rest of the
    // table's columns pdftotext printed after its last label, kept for standing over fewer lines than values)
    const wholeRows = !vr.cut || (vr.streamLength ?? 0) % WIDTH === 0;
    if (named && ((!vr.cut && !disordered) || (lines < WIDTH && wholeRows) || weighed)) continue;
    const keys = keysOf(row);
    if (!keys.some((k) => typeof cells.get(k)?.value === 'number')) continue;
    // (the row's own sum says nothing of where the row stands: only identities through other rows do)
    const through = equations.filter((eq) => {
      const terms = [...eq.plus, ...eq.minus];
      return terms.some((k) => keys.includes(k)) && terms.some((k) => !keys.includes(k));
    });
    const checks = through.map((eq) => residual(eq, (k) => cells.get(k)?.value));
    // (an identity of zeros holds wherever the cuts fall, this row's and the other rows' alike: it vouches for none,
    // unless every number of the table is 0, when every cut gives each cell its 0)
    const vouching = through.filter((eq, x) => checks[x] === 0 && (allZero || [...eq.plus, ...eq.minus].some((k) => cells.get(k)?.value !== 0)));
    if (vouching.length && checks.every((r) => r === null || r === 0)) continue;
    unverified.push({
      row,
      doubt: {
        code: 'CELL_UNREADABLE',
        severity: 'warning',
        message: `表三「${rowName(template, row)}」${named ? (vr.values.every((t) => t.value === 0) ? '一行的七个数字每行一个印出、全是 0，可能是某一列的一串 0 按个数切出' : '一行的七个数字每行一个印出，是从一串数字中按个数切出的，各申请人列只有一格不是 0、与总计相同，这个数排在哪一列本行之和都成立') : '一行的数字不在行名旁，是按个数从一串数字中切出、按次序排到这一行的'}（${vr.values.map((t) => t.text).join(' ')}），${checks.some((r) => r !== null && r !== 0) ? '且使勾稽关系不成立' : '没有一个勾稽关系能核对'}，行界可能错位，保留为空`,
        line: vr.line,
        cell: key('requests', row, 'total'),
      },
    });
  }
  for (const r of spec.rows) {
    if (assigned.has(r.id) || keysOf(r.id).some((k) => cells.has(k))) continue;
    if (singleOther && /otherHandling\.(noCorrection|feeUnpaid)/.test(r.id)) continue;
    findings.push({ code: 'CELL_UNREADABLE', severity: 'warning', message: `表三未读到「${r.label}」一行`, line: null, cell: key('requests', r.id, 'total') });
  }
  return complete ? grid : null;
}
