/**
 * 表三 printed in chunks of rows, each chunk in two bands of columns (pdftotext's reading order of a table that runs
 * over pages or text columns): every row of a chunk prints its first `m` cells beside its label, and the chunk's
 * other 7 − m cells follow as one stream after the chunk's last row (behind a few header words such as 「其他」「总计」),
 * or, for the table's last chunk, as the first values after the table (themselves perhaps in chunks of rows, a page
 * break inside them: pieces parted by header words or blank lines, whole columns of the same rows). A chunk of full
 * rows (m = 7) is a chunk without a band. A placeholder (—) is an empty cell, 0 to the identities. Each band is read
 * as in band.ts; the chunks' readings are kept only when exactly one combination
 * of them makes every identity hold. When the table's last rows cannot be read so (their band is not where it should
 * be, or does not have their number of cells; or, after rows printed as a block of labels and column blocks,
 * pdfminer's order over a page break, the next rows' block holds no whole columns and no later row prints cells
 * beside its label), the chunks before them are kept only when each has exactly one reading, every identity that
 * can be evaluated on them holds, and every row's printed label is the row's (a block of labels names the chunk's
 * rows and not the next): the remaining rows stay blank. Pure: no fs, no clock.
 */
import type { TemplateId } from '../../schema/record.ts';
import { key, requestEquations, residual } from '../identities.ts';
import { LABEL_MATCH, labelKey, labelScore, lastNamed } from '../labels.ts';
import { fold } from '../normalize.ts';
import { TEMPLATES, type TemplateRow } from '../template.ts';
import { addsAs, isPlaceholder, segment, valueRuns, type Segment, type Token } from '../tokens.ts';
import { bandIndex, bandReadingsAt, uniformReadingsOf, WIDTH, type BandReading } from './band.ts';
import { columnsHold, plain } from './column-major.ts';
import { NAMES } from './header-columns.ts';

/** Combinations of chunk readings tried at most; more means the streams are too uniform to tell. */
const MAX_COMBINATIONS = 4096;

/**
 * Runs more than one column wide a band may print (each in one order, its own): pdftotext prints a band of five
 * columns as three behind 科研机构 … 法律服务机构 and two behind 其他 总计.
 */
const MAX_WIDE_RUNS = 3;

/** Cuts of a band into chunks of rows tried at most (blocks of 25 zeros cut as well into 5 × 5 as into 1 × 25). */
const MAX_CUTS = 8;

/** A cell as a band prints it: a count, or a placeholder (—) for an empty cell, counted as 0 by the identities. */
const placeholder = (t: Token): boolean => isPlaceholder(t) && !t.problem;
const cellish = (t: Token): boolean => plain(t) || placeholder(t);
/** What a cell adds to the identities (addsAs: a placeholder 0); a band's cells are all cellish, so never null. */
const valueOf = (t: Token): number => addsAs(t)!;

export interface Chunk {
  /** Index of the chunk's first row among the rows read (0-based). */
  first: number;
  rows: number;
  /** The chunk's rows' template ids, in order. */
  ids: string[];
  /** Cells printed beside each row's label. */
  width: number;
  /** Blocks of the band read column by column. */
  columnMajor: number;
  /** Whether the band printed each of its columns as a block of its own (behind its header word). */
  byColumn: boolean;
  /** Whether the band was printed after the table. */
  outside: boolean;
  /** Whether the band was printed before the chunk's rows (the table's first values, ahead of every row label). */
  before: boolean;
}

export interface ChunkedRequests {
  /** The rows read, each with its 7 value tokens in column order. */
  rows: Array<{ id: string; values: Token[] }>;
  /** The chunks read, in order; at least one has a band. */
  chunks: Chunk[];
  /** Template rows left unread (the table's last rows, when their band could not be read). */
  unread: string[];
  /**
   * Why they were: `band` no run of their number of cells after the table, where their band should be; `count` the
   * run after a chunk's rows inside the table is not its band's number of cells; `order` no reading of their band
   * makes every row add up; `unsure` more than one does, or their labels are not the rows the cut gave them.
   */
  unreadWhy: 'band' | 'count' | 'order' | 'unsure';
  /** Tokens after the table that a band took (they are not 表四's). */
  used: ReadonlySet<Token>;
  /** The table's 总计 is blank on every row: six cells a row were read, 总计 left blank. */
  untotalled: boolean;
  /** Rows whose cells beside their label were printed before it, after the row before's (valuesBeforeLabels). */
  early: string[];
  /**
   * Rows the report leaves wholly blank (blankRows), with the line their label starts on: no cell printed, the other
   * rows read as the table without them.
   */
  blank: Array<{ id: string; line: number }>;
}

interface Pending {
  first: number;
  rows: number;
  width: number;
  /** The cells beside the labels, one list per row. */
  beside: Token[][];
  /** The labels printed before each row's cells ('' when the chunk prints no cells beside its labels). */
  labels: string[];
  /** The words before a chunk that prints no cells beside its labels: its rows' labels, in a block. */
  block?: string;
  /**
   * The band, as printed: one run, or several runs split by header words (「其他」「总计」), each holding whole
   * columns of the chunk's rows, in column order.
   */
  bands: Token[][];
  /** Whether the band was printed after the table (its tokens are then not 表四's). */
  outside: boolean;
  /** Whether the band was printed before the chunk's rows (leadingBand). */
  before?: boolean;
  /** Where the band's tokens stand, when not all in the table or all after it: the table's tokens, then those after. */
  source?: readonly Token[];
  /**
   * A later chunk of rows of a band printed after the table in chunks (bandAfterByRows): its pieces need not stand
   * in column order (pdftotext prints a page's blocks in its own order), so every order the header words allow is
   * tried, the first chunk's columns and the identities placing them.
   */
  unordered?: boolean;
}

/**
 * The first values after the table, when only header words come before them: the last chunk's band of `count` cells
 * of `k` rows. Its columns may be printed one block each behind their header words (「其他」「总计」), so the band is
 * the first runs that hold whole columns (at most one run wider than a column, as in bandRuns); the last may run on
 * into 表四's own values, with nothing printed between them.
 */
function bandAfter(after: readonly Token[], count: number, k: number): Token[][] | null {
  const runs = valueRuns(after);
  if (!runs.length || after.indexOf(runs[0]![0]!) !== after.findIndex((t) => t.kind !== 'text')) return null;
  const out: Token[][] = [];
  let total = 0;
  let wide = 0;
  for (const run of runs) {
    const take = run.slice(0, count - total);
    if (take.length % k !== 0 || !take.every(cellish)) return null;
    if (take.length > k) wide++;
    out.push(take);
    total += take.length;
    if (total === count) return wide <= (out.length > 1 ? MAX_WIDE_RUNS : 1) ? out : null;
  }
  return null;
}

/**
 * The first values after the table (only header words before them) as the last chunk's band of `k` rows and `w`
 * columns printed in chunks of rows of its own (a page break inside the band: pdftotext prints the first rows'
 * columns, then the last rows' columns, a blank line or header words between the blocks). The values are cut into
 * pieces at header words and blank lines; consecutive pieces make a chunk of rows when each holds whole columns of
 * those rows and together they hold all w columns. Returns every such cut of all k rows that makes `least` chunks or
 * more (the identities choose among them), or null when there is none or more than MAX_CUTS.
 */
function bandAfterByRows(after: readonly Token[], k: number, w: number, least: number): Array<Array<{ rows: number; bands: Token[][] }>> | null {
  const pieces = bandPieces(after, k * w, []);
  return pieces && rowCuts(pieces, k, w, least);
}

/** 表四's cells (review.ts's REVIEW_CELLS, not imported: review.ts reads requests.ts, which reads this file). */
const REVIEW_VALUES = 15;

/**
 * Whether a band whose last pieces were taken from the text after the table leaves 表四 its fifteen values after
 * them: a band that would take 表四's own values is none.
 */
function leavesReview(after: readonly Token[], pieces: readonly Token[][]): boolean {
  const last = pieces[pieces.length - 1]!;
  let values = 0;
  for (let i = after.indexOf(last[last.length - 1]!) + 1; i < after.length; i++) if (after[i]!.kind !== 'text') values++;
  return values >= REVIEW_VALUES;
}

/**
 * The cuts into chunks of rows (rowCuts) of the band of the table's last `k` rows and `w` columns that begins with
 * `inside`, values in the table after the rows' labels, and runs on into the first values after the table; null where
 * there is none, or where the band would leave 表四 fewer than its fifteen values (leavesReview).
 */
function spilledBand(inside: readonly Token[], after: readonly Token[], k: number, w: number): Array<Array<{ rows: number; bands: Token[][] }>> | null {
  const first = gapPieces(inside);
  const pieces = first && bandPieces(after, k * w, first);
  return pieces && leavesReview(after, pieces) ? rowCuts(pieces, k, w, 1) : null;
}

/** Values cut into pieces at blank lines (two lines apart or more); null unless every one is a cell. */
function gapPieces(values: readonly Token[]): Token[][] | null {
  if (!values.every(cellish)) return null;
  const out: Token[][] = [];
  for (const t of values) {
    const cur = out[out.length - 1];
    if (cur && t.line - cur[cur.length - 1]!.line <= 1) cur.push(t);
    else out.push([t]);
  }
  return out;
}

/**
 * The first `count` values of `tokens` from its first value on, after the `pieces` given (their values count
 * too), cut into pieces at words and blank lines; null when they are not that many cells.
 */
function bandPieces(tokens: readonly Token[], count: number, pieces: Token[][]): Token[][] | null {
  const start = tokens.findIndex((t) => t.kind !== 'text');
  let total = pieces.reduce((sum, p) => sum + p.length, 0);
  if (start < 0 || total >= count) return null;
  const out = [...pieces];
  let cur: Token[] = [];
  for (let i = start; i < tokens.length && total < count; i++) {
    const t = tokens[i]!;
    const prev = cur[cur.length - 1];
    if (t.kind === 'text' || (prev && t.line - prev.line > 1)) {
      if (cur.length) out.push(cur);
      cur = [];
      if (t.kind === 'text') continue;
    }
    if (!cellish(t)) return null;
    cur.push(t);
    total++;
  }
  if (cur.length) out.push(cur);
  return total === count ? out : null;
}

/**
 * The cuts of a band's pieces (in printed order) into chunks of rows: consecutive pieces make a chunk of rows when
 * each holds whole columns of those rows and together they hold all w columns. The first chunk's last columns may
 * also stand after the other chunks' pieces (pdftotext's order of a page whose right-hand block of the first rows it
 * meets after the last rows' pieces and 表四's first words): the first pieces and the last ones make the first chunk,
 * the pieces between them the other chunks (those cuts are added when there are at most MAX_CUTS of them). Every cut
 * of all k rows into `least` chunks or more (the identities choose among them), or null when there is none or more
 * than MAX_CUTS in printed order.
 */
function rowCuts(pieces: readonly Token[][], k: number, w: number, least: number): Array<Array<{ rows: number; bands: Token[][] }>> | null {
  type RowCut = Array<{ rows: number; bands: Token[][] }>;
  let cuts: RowCut[] = [];
  // (a state that led to no cut leads to none by another way either; states by where the pieces end)
  const dead = new Set<number>();
  const walk = (at: number, left: number, acc: RowCut, end: number): void => {
    const state = (end * (pieces.length + 1) + at) * (k + 1) + left;
    if (cuts.length > MAX_CUTS || dead.has(state)) return;
    if (at === end) {
      if (left === 0) cuts.push(acc);
      return;
    }
    const before = cuts.length;
    for (let rows = 1; rows <= left; rows++) {
      let sum = 0;
      let wide = 0;
      for (let j = at; j < end && sum < rows * w; j++) {
        const len = pieces[j]!.length;
        if (len % rows !== 0) break;
        if (len > rows) wide++;
        sum += len;
        if (sum === rows * w && wide <= MAX_WIDE_RUNS) walk(j + 1, left - rows, [...acc, { rows, bands: pieces.slice(at, j + 1) }], end);
      }
    }
    if (cuts.length === before) dead.add(state);
  };
  walk(0, k, [], pieces.length);
  if (cuts.length > MAX_CUTS) return null;
  const inOrder = cuts;
  // the first chunk's pieces around the others': its first pieces, then the others' chunks, then its last pieces
  // (cuts of their own: too many of them leaves the cuts in printed order alone)
  cuts = [];
  for (let t = pieces.length - 1; t >= 2 && cuts.length <= MAX_CUTS; t--) {
    const tail = pieces.slice(t);
    for (let rows = k - 1; rows >= 1; rows--) {
      if (tail.some((p) => p.length % rows !== 0)) continue;
      let sum = tail.reduce((n, p) => n + p.length, 0);
      let wide = tail.filter((p) => p.length > rows).length;
      for (let a = 0; a + 1 < t && sum < rows * w; a++) {
        const len = pieces[a]!.length;
        if (len % rows !== 0) break;
        if (len > rows) wide++;
        sum += len;
        if (sum === rows * w && wide <= MAX_WIDE_RUNS) walk(a + 1, k - rows, [{ rows, bands: [...pieces.slice(0, a + 1), ...tail] }], t);
      }
    }
  }
  const all = cuts.length <= MAX_CUTS ? [...inOrder, ...cuts] : inOrder;
  const kept = all.filter((c) => c.length >= least);
  return kept.length >= 1 ? kept : null;
}

/**
 * The runs from `from` on that hold `count` cells of `k` rows, as whole columns: every run a multiple of k cells, at
 * most one of them more than one column wide (a single column reads the same by rows or by columns). Null if none.
 */
function bandRuns(runs: readonly Token[][], from: number, k: number, count: number): Token[][] | null {
  let total = 0;
  let wide = 0;
  for (let j = from; j < runs.length && total < count; j++) {
    const len = runs[j]!.length;
    if (len % k !== 0) return null;
    if (len > k) wide++;
    total += len;
    if (total === count) return wide <= (j > from ? MAX_WIDE_RUNS : 1) ? runs.slice(from, j + 1) : null;
  }
  return null;
}

/**
 * The band of the table's last `k` rows, `w` columns, printed as the first values after the table: as bandAfter
 * finds it (one chunk of rows), else in chunks of rows (bandAfterByRows). An untotalled table's (`W` = 6) is only
 * read in pieces parted by header words or blank lines, each in one order of its own (no row sum checks a mixed one).
 */
function outsideBand(after: readonly Token[], k: number, w: number, W: number): Array<Array<{ rows: number; bands: Token[][] }>> | null {
  if (W < WIDTH) return bandAfterByRows(after, k, w, 1);
  const bands = bandAfter(after, k * w, k);
  // (a band with placeholders as one run is not read (chunkReadings): its pieces, where blank lines part them, may be)
  const byRows = !bands || bands.some((run) => run.some(placeholder)) ? bandAfterByRows(after, k, w, bands ? 1 : 2) : null;
  return bands ? [[{ rows: k, bands }], ...(byRows ?? [])] : byRows;
}

/** A cut of the table into chunks: the rows read (`read`: the chunks' rows, from the first), and why no more. */
interface Cut {
  chunks: Pending[];
  read: number;
  /** Cuts of the last band into chunks of rows (outsideBand): each is read. */
  cuts: number;
  /** Why rows after `read` are not in the chunks (ChunkedRequests.unreadWhy), where not `band`. */
  why?: ChunkedRequests['unreadWhy'];
  /** The first cell of each row whose cells beside its label were printed before the label (valuesBeforeLabels). */
  early: ReadonlySet<Token>;
  /** Whether the last rows' band was taken running on from the table into the text after it (see readOver). */
  spilled: boolean;
}

/**
 * Cuts the table's value runs into chunks of rows `W` cells wide (7, or 6 where 总计 is blank on every row); null when
 * the runs fit no chunked layout of the template's rows.
 */
function cutChunks(tokens: readonly Token[], after: readonly Token[], n: number, W: number, firstRow: string, leaves: readonly string[], pick = 0, spill = true): Cut | null {
  let cuts = 1;
  let spilled = false;
  const early = new Set<Token>();
  const segs = valuesBeforeLabels(segment(tokens).filter((s) => s.values.length), leaves, W, early);
  if (!segs.every((s) => s.values.every(cellish))) return null;
  const runs = segs.map((s) => s.values);
  const chunks: Pending[] = [];
  let row = 0;
  let i = 0;
  const none = (k: number): string[] => Array.from({ length: k }, () => '');
  const lead = leadingBand(segs, W, n, firstRow);
  if (lead) {
    chunks.push(lead);
    row = lead.rows;
    i = 1 + lead.rows;
  }
  while (i < segs.length) {
    const m = segs[i]!.values.length;
    if (m > W) {
      // rows printed with no cells beside their labels, their columns in runs split by header words: the first
      // runs that make whole rows of whole columns
      let total = 0;
      let bands: Token[][] | null = null;
      for (let j = i; j < runs.length && !bands; j++) {
        total += runs[j]!.length;
        const k = total / W;
        if (Number.isInteger(k) && k >= 2 && row + k <= n) bands = bandRuns(runs, i, k, total);
      }
      // the table's last rows, their labels in a block: their cells after it, running on after the table (behind 表四's
      // first words), in chunks of rows, the first chunk's pieces perhaps around the others' (rowCuts)
      if (!bands && spill && i === segs.length - 1 && W === WIDTH) {
        const all = spilledBand(runs[i]!, after, n - row, W);
        const parts = all?.[pick];
        if (all && parts) {
          cuts = all.length;
          spilled = true;
          const source = [...tokens, ...after];
          for (const [p, part] of parts.entries()) {
            chunks.push({ first: row, rows: part.rows, width: 0, beside: Array.from({ length: part.rows }, () => []), labels: none(part.rows), block: segs[i]!.label, bands: part.bands, outside: true, source, unordered: p > 0 });
            row += part.rows;
          }
          break;
        }
      }
      // (rows whose cells are not printed so, nor beside their labels further on: the rows before them may still be
      // read, these stay blank)
      if (!bands) return chunks.length && segs.slice(i).every((s) => s.values.length > W) ? { chunks, read: row, cuts, early, spilled } : null;
      const k = total / W;
      chunks.push({ first: row, rows: k, width: 0, beside: Array.from({ length: k }, () => []), labels: none(k), block: segs[i]!.label, bands, outside: false });
      row += k;
      i += bands.length;
      continue;
    }
    let j = i;
    if (m === W) j = i + 1;
    else while (j < segs.length && segs[j]!.values.length === m) j++;
    const k = j - i;
    if (row + k > n) return null;
    const beside = segs.slice(i, j).map((s) => s.values);
    const labels = segs.slice(i, j).map((s) => s.label);
    if (m === W) {
      chunks.push({ first: row, rows: 1, width: m, beside, labels, bands: [], outside: false });
    } else if (j < segs.length) {
      let bands = bandRuns(runs, j, k, k * (W - m));
      let rowsIn = k;
      const next = segs[j]!.values;
      // the chunk's last row's cells beside its label run on into the band (nothing printed between them)
      if (!bands && next.length === m + (k + 1) * (W - m) && row + k + 1 <= n) {
        beside.push(next.slice(0, m));
        labels.push(segs[j]!.label);
        bands = [next.slice(m)];
        rowsIn = k + 1;
      }
      // the table's last rows: their band begins after the last row's cells and runs on after the table, behind 表四's
      // first words (pdftotext's order of a page that ends the table: the first rows' left columns, the last rows'
      // pieces, then the first rows' right columns)
      if (!bands && spill && j === segs.length - 1 && row + k + 1 === n && W === WIDTH && next.length > m) {
        const all = spilledBand(next.slice(m), after, k + 1, W - m);
        const parts = all?.[pick];
        if (all && parts) {
          cuts = all.length;
          spilled = true;
          beside.push(next.slice(0, m));
          labels.push(segs[j]!.label);
          const source = [...tokens, ...after];
          let at = 0;
          for (const part of parts) {
            chunks.push({ first: row + at, rows: part.rows, width: m, beside: beside.slice(at, at + part.rows), labels: labels.slice(at, at + part.rows), bands: part.bands, outside: true, source, unordered: at > 0 });
            at += part.rows;
          }
          row += k + 1;
          i = segs.length;
          continue;
        }
      }
      // (a band inside the table of another number of cells: a page break inside it; the rows before may be read)
      if (!bands) return chunks.length && W === WIDTH ? { chunks, read: row, cuts, why: 'count', early, spilled } : null;
      chunks.push({ first: row, rows: rowsIn, width: m, beside, labels, bands, outside: false });
      row += rowsIn - k;
      j += bands.length;
    } else {
      // the last chunk: its band is the first values after the table (as one chunk of rows, or several over a page
      // break), or it is not printed where we can read it
      const all = outsideBand(after, k, W - m, W);
      const parts = all?.[pick];
      if (!all || !parts) return { chunks, read: row, cuts, early, spilled };
      cuts = all.length;
      let at = 0;
      for (const part of parts) {
        chunks.push({ first: row + at, rows: part.rows, width: m, beside: beside.slice(at, at + part.rows), labels: labels.slice(at, at + part.rows), bands: part.bands, outside: true, unordered: at > 0 });
        at += part.rows;
      }
    }
    row += k;
    i = j;
  }
  if (row < n) {
    // rows printed with no cells beside their labels: the whole of their cells after the table
    const k = n - row;
    // (a totalled table's rows there as one chunk only: the chunks before them are kept alone when they cannot be read)
    const whole = W === WIDTH ? bandAfter(after, k * W, k) : null;
    const all = W === WIDTH ? whole && [[{ rows: k, bands: whole }]] : outsideBand(after, k, W, W);
    const parts = all?.[pick];
    if (!all || !parts) return { chunks, read: row, cuts, early, spilled };
    cuts = all.length;
    parts.forEach((part, p) => {
      chunks.push({ first: row, rows: part.rows, width: 0, beside: Array.from({ length: part.rows }, () => []), labels: none(part.rows), bands: part.bands, outside: true, unordered: p > 0 });
      row += part.rows;
    });
  }
  return { chunks, read: row, cuts, early, spilled };
}

/**
 * Rows whose cells beside their labels pdftotext printed before the label (the first row of a group whose label
 * cell spans rows, `8.属于行政查询事项` `3` `49` `（四）无 1.本机关不掌握相关政府信息` `三、本年 法提供 2.没有现成信息需要另行制作` `3`):
 * a row's label followed by twice the m cells the rows around it print beside theirs, and then one label naming the
 * next two rows with m cells. The second m cells are the first of those two rows', the label after them the second's.
 * The segments with such a row's cells parted from the row before (its label the two rows' words), each such row's
 * first cell added to `early`; the chunks' readings still must make every identity hold. `leaves`: the template
 * rows' last label parts, folded, in order.
 */
function valuesBeforeLabels(segs: readonly Segment[], leaves: readonly string[], W: number, early: Set<Token>): Segment[] {
  let out: Segment[] | null = null;
  for (let i = 1; i + 1 < segs.length; i++) {
    const m = segs[i - 1]!.values.length;
    if (2 * m >= W || segs[i]!.values.length !== 2 * m || segs[i + 1]!.values.length !== m) continue;
    const own = fold(segs[i]!.label);
    const next = fold(segs[i + 1]!.label);
    // (the row before names row x − 1 and nothing after it; the label after the cells names rows x and x + 1, in order)
    const x = leaves.findIndex((l, k) => k >= 1 && k + 1 < leaves.length && own.includes(leaves[k - 1]!) && next.indexOf(l) >= 0 && next.indexOf(l) < next.indexOf(leaves[k + 1]!));
    if (x < 0 || own.includes(leaves[x]!) || own.includes(leaves[x + 1]!)) continue;
    out ??= [...segs];
    const at = out.indexOf(segs[i]!);
    const values = segs[i]!.values;
    out.splice(at, 1, { ...segs[i]!, values: values.slice(0, m) }, { ...segs[i + 1]!, values: values.slice(m) });
    early.add(values[m]!);
  }
  return out ?? (segs as Segment[]);
}

/**
 * A band printed before the rows it belongs to (pdftotext's reading order of a page whose right-hand block of columns
 * it meets first): the table's first values come before the first row's label, behind header words only, and are
 * exactly the other 7 − m cells of the first rows that each print m cells beside their labels. That chunk, or null.
 */
function leadingBand(segs: readonly Segment[], W: number, n: number, firstRow: string): Pending | null {
  const band = segs[0]?.values;
  const m = segs[1]?.values.length ?? 0;
  if (!band || band.length <= W || m < 1 || m >= W) return null;
  const k = band.length / (W - m);
  if (!Number.isInteger(k) || k < 2 || k > n || segs.length < 1 + k) return null;
  const rows = segs.slice(1, 1 + k);
  if (rows.some((s) => s.values.length !== m)) return null;
  // (the values before the first row's label are no row's own: the first row's label is the next segment's)
  if (labelScore(segs[0]!.label, firstRow) >= LABEL_MATCH || labelScore(rows[0]!.label, firstRow) < LABEL_MATCH) return null;
  return { first: 0, rows: k, width: m, beside: rows.map((s) => s.values), labels: rows.map((s) => s.label), bands: [band], outside: false, before: true };
}

/** The longest header word (法人或其他组织); a row's label is longer. */
const HEADER_WORD = 7;

/** The columns the header words of a text name, in column order (row labels and 法人或其他组织 are none). */
function namedColumns(words: string): number[] {
  const text = fold(words).replace(/法人或其他组织|\([一二三四五六七八九十]+\)总计|\d+\.其他/g, '');
  return NAMES.flatMap((name, col) => (text.includes(name) ? [col] : []));
}

/**
 * A band's runs in column order, by the header words printed before each (since the value before it). A PDF
 * extractor prints each block of columns behind its own header words, in the order it meets them (商业企业 … 其他
 * and their 125 cells, then 自然人 and its 25, then 总计 and its 25): when every run is named so, by as many
 * columns as it holds, side by side, and together they make the band's columns, the runs are put in that order.
 * Otherwise the runs stand in printed order, and the columns a run's words name must be among those it then
 * stands in: read in printed order, 自然人's cells would stand under 其他, and every identity would still hold.
 * Null when the names contradict the order.
 */
function bandsByName(source: readonly Token[], bands: readonly Token[][], firstCol: number, k: number, W: number): Token[][] | null {
  const named = bands.map((run, j) => {
    const to = source.indexOf(run[0]!);
    let from = j ? source.indexOf(bands[j - 1]![bands[j - 1]!.length - 1]!) + 1 : to;
    // (before the first run, only the short words right above it: header words, not the rows' labels before them)
    if (!j) while (from > 0 && source[from - 1]!.kind === 'text' && fold(source[from - 1]!.text).length <= HEADER_WORD) from--;
    return namedColumns(source.slice(from, Math.max(from, to)).map((t) => t.text).join(''));
  });
  const widths = bands.map((run) => run.length / k);
  if (bands.length > 1 && named.every((ns, j) => ns.length === widths[j] && ns.every((c, x) => c === ns[0]! + x))) {
    const order = bands.map((_, j) => j).sort((a, b) => named[a]![0]! - named[b]![0]!);
    let col = firstCol;
    for (const j of order) col = named[j]![0] === col ? col + widths[j]! : -1;
    if (col === W) return order.map((j) => bands[j]!);
  }
  let col = firstCol;
  for (let j = 0; j < bands.length; j++) {
    if (named[j]!.some((c) => c < col || c >= col + widths[j]!)) return null;
    col += widths[j]!;
  }
  return [...bands];
}

/** A wide run of a band (more than one column), with the columns it holds. */
interface WideRun {
  run: Token[];
  cols: number[];
}

/**
 * A chunk's cells: each row's known cells (beside the label, single columns), and the runs more than one column wide
 * with their columns; `several` when the band is printed as several runs (each then read in one order of its own).
 */
function chunkCells(c: Pending): { fixed: Array<Array<number | undefined>>; tokens: Array<Array<Token | undefined>>; wides: WideRun[]; several: boolean } {
  // (seven cells a row: an untotalled table's band ends before 总计, which stays undefined)
  const fixed = c.beside.map((r) => [...r.map(valueOf), ...Array.from({ length: WIDTH - c.width }, () => undefined)]);
  const tokens: Array<Array<Token | undefined>> = c.beside.map((r) => [...r, ...Array.from({ length: WIDTH - c.width }, () => undefined)]);
  let col = c.width;
  const wides: WideRun[] = [];
  for (const run of c.bands) {
    const w = run.length / c.rows;
    if (w === 1) {
      run.forEach((t, r) => {
        fixed[r]![col] = valueOf(t);
        tokens[r]![col] = t;
      });
    } else wides.push({ run, cols: Array.from({ length: w }, (_, x) => col + x) });
    col += w;
  }
  return { fixed, tokens, wides, several: c.bands.length > 1 };
}

/** Pieces of a later chunk of rows permuted at most (5! orders). */
const MAX_UNORDERED = 5;

/** One reading of a chunk: the chunk (its pieces in the order read), the reading's values, its cells' tokens. */
interface Option {
  chunk: Pending;
  reading: BandReading;
  grid: Array<Array<Token | undefined>>;
}

/** Every order of a list (distinct by position). */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]));
}

/** The readings of one chunk with its pieces in the order given, each with the tokens placed in its cells. */
function chunkReadings(c: Pending, W: number, untotalled: boolean): Option[] {
  const { fixed, tokens, wides, several } = chunkCells(c);
  if (!wides.length) {
    // every cell known: the rows as printed, when they add up (an untotalled table's 总计 is their sum)
    const values = (untotalled ? fixed.map((r) => [...r.slice(0, W), r.slice(0, W).reduce((a, v) => a! + v!, 0)]) : fixed).flat() as number[];
    for (let r = 0; r < fixed.length; r++) {
      if (values.slice(r * WIDTH, r * WIDTH + WIDTH - 1).reduce((s, v) => s + v, 0) !== values[r * WIDTH + WIDTH - 1]) return [];
    }
    return [{ chunk: c, reading: { values, blocks: [] }, grid: tokens }];
  }
  // a band of several runs (split by header words): each wide run is one printed block, read in one order
  // (a band of one run is cut into blocks by bandReadingsAt, which tells readings apart by value only: a run with
  // placeholders, which count as 0 as zeros do, could put a printed 0 where a — stood, so it is not read so)
  const readings = several
    ? uniformReadingsOf(
        fixed,
        wides.map((w) => ({ cols: w.cols, stream: w.run.map(valueOf), placeholders: w.run.map(placeholder) })),
        !untotalled,
      )
    : wides[0]!.run.some(placeholder) || untotalled
      ? null
      : bandReadingsAt(fixed, wides[0]!.cols, wides[0]!.run.map(valueOf));
  return (readings ?? []).map((reading) => {
    const grid = tokens.map((r) => [...r]);
    // (several runs: one block per wide run, in their order; one run: the blocks it was cut into)
    reading.blocks.forEach((b, j) => {
      const wide = wides[several ? j : 0];
      if (!wide) return;
      const w = wide.cols.length;
      for (let row = 0; row < b.rows; row++) {
        for (let col = 0; col < w; col++) grid[b.first + row]![wide.cols[col]!] = wide.run[bandIndex(b.first * w, b.rows, b.layout, row, col)]!;
      }
    });
    return { chunk: c, reading, grid };
  });
}

/**
 * Reads 表三 printed in chunks of rows with their last columns apart (see the file's comment). Returns the rows read
 * and the chunks, or null when no chunked reading with at least one band is the only one that holds.
 *
 * `untotalled`: the table's 总计 is blank on every row, so each row prints six cells; its bands are read only as runs
 * each in one order of its own (no row sum tells a mixed order apart), every row must be read, no whole column of
 * values may follow the last band (a totalled table's 总计 printed as a block of its own), and some row must print a
 * number other than 0 with its sixth cell other than the sum of its five (as it would be, were the last column 总计
 * and 其他 the blank one).
 */
export function readChunkedRequests(tokens: readonly Token[], after: readonly Token[], template: TemplateId, untotalled = false): ChunkedRequests | null {
  const spec = TEMPLATES[template].requests;
  const read = readOver(tokens, after, template, untotalled, spec.rows);
  if (read || untotalled) return read;
  // (rows the report leaves wholly blank: the table's other rows read as the table, every one of them and every identity
  // holding with the blank rows as 0)
  const blank = blankRows(tokens, spec.rows);
  if (!blank.size) return null;
  const rest = readOver(tokens, after, template, untotalled, spec.rows.filter((r) => !blank.has(r.id)));
  return rest && !rest.unread.length ? { ...rest, blank: spec.rows.filter((r) => blank.has(r.id)).map((r) => ({ id: r.id, line: blank.get(r.id)! })) } : null;
}

/** readChunkedRequests over the template rows `rows` (in order; rows left out are blank). */
function readOver(tokens: readonly Token[], after: readonly Token[], template: TemplateId, untotalled: boolean, rows: readonly TemplateRow[]): ChunkedRequests | null {
  const n = rows.length;
  const W = untotalled ? WIDTH - 1 : WIDTH;
  // (the band after the table may cut into chunks of rows more than one way: each cut is read, and the readings that
  // hold must all be one)
  const firstRow = labelKey(rows[0]!.label);
  const leaves = rows.map(leafOf);
  // (a band taken running on past the table that does not read every row: the table as cut without it)
  const readCuts = (spill: boolean): { read: ChunkedRequests | null; spilled: boolean } => {
    const first = cutChunks(tokens, after, n, W, firstRow, leaves, 0, spill);
    if (!first) return { read: null, spilled: false };
    const found: ChunkedRequests[] = [];
    for (let pick = 0; pick < first.cuts; pick++) {
      const cut = pick ? cutChunks(tokens, after, n, W, firstRow, leaves, pick, spill) : first;
      const got = cut && readCut(tokens, after, template, untotalled, cut, rows);
      if (got) found.push(got);
    }
    const printed = (r: ChunkedRequests): string => JSON.stringify(r.rows.map((row) => [row.id, row.values.map((t) => (t ? `${t.text}@${t.line}` : ''))]));
    // (a cut that reads every row outranks one whose last rows no reading fits, or fits more than once)
    const whole = found.filter((f) => !f.unread.length);
    const kept = whole.length ? whole : found;
    return { read: kept.length >= 1 && kept.every((f) => printed(f) === printed(kept[0]!)) ? kept[0]! : null, spilled: first.spilled };
  };
  // (a band so taken counts only where it reads every row)
  const got = readCuts(true);
  return got.spilled && (!got.read || got.read.unread.length) ? readCuts(false).read : got.read;
}

/** A template row's last label part, folded (`1.本机关不掌握相关政府信息`). */
const leafOf = (r: TemplateRow): string => fold(r.label.split(' / ').pop()!);

/**
 * Rows the report leaves wholly blank in a table printed in chunks, with the line their labels start on: their labels
 * run on into the next row's before any cell (`1.申请人无正当理由逾期不补正…` `（六）其 2.申请人逾期未按收费通知…`
 * `3.其他` `0`: pdftotext prints no cell for 1. and 2., and no column of the band holds one). A run of values whose words name consecutive rows x … y, in that
 * order (y's label whole and last, the others' whole or with a group label's words wrapped among theirs: wrappedIn):
 * the rows before y. Not where the run before holds twice as many values (a row's cells printed before its label:
 * valuesBeforeLabels).
 */
function blankRows(tokens: readonly Token[], rows: readonly TemplateRow[]): Map<string, number> {
  const leaves = rows.map(leafOf);
  const segs = segment(tokens).filter((s) => s.values.length);
  const out = new Map<string, number>();
  segs.forEach((seg, i) => {
    if (i > 0 && segs[i - 1]!.values.length === 2 * seg.values.length) return;
    const label = fold(seg.label);
    // (the row named last: its label ends latest)
    let y = -1;
    let end = -1;
    leaves.forEach((l, x) => {
      const at = label.lastIndexOf(l);
      if (at >= 0 && at + l.length > end) [y, end] = [x, at + l.length];
    });
    if (y < 1) return;
    let next = end - leaves[y]!.length;
    for (let x = y - 1; x >= 0 && next > 0; x--) {
      next = wrappedIn(label, leaves[x]!, next);
      if (next < 0) break;
      out.set(rows[x]!.id, lineOf(seg, leaves[x]!));
    }
  });
  return out;
}

/** The line of a segment's label holding a row's label's (folded) first four characters, else the label's first line. */
function lineOf(seg: Segment, leaf: string): number {
  const lines = seg.lines ?? [];
  const head = leaf.slice(0, 4);
  for (let i = 0; i < lines.length; i++) {
    if (fold(seg.label.slice(lines[i]!.at, lines[i + 1]?.at ?? seg.label.length)).includes(head)) return lines[i]!.line;
  }
  return seg.labelLine;
}

/** Characters of a group label's words a label may have wrapped among its own (`（六）其` … `他处理`). */
const SLACK = 8;

/**
 * Where `leaf` starts in `label`, ending at or before `before`: its characters in order, at most SLACK others among
 * them (a group label's words the text wraps in: `2.申请人逾期未按收费通知要求缴纳费` `他处理` `用、行政机关…`); -1 if not.
 */
function wrappedIn(label: string, leaf: string, before: number): number {
  for (let end = before; end >= leaf.length; end--) {
    if (label[end - 1] !== leaf[leaf.length - 1]) continue;
    let i = end - 1;
    let j = leaf.length - 1;
    let skipped = 0;
    while (j >= 0 && i >= 0) {
      if (label[i] === leaf[j]) j--;
      else if (++skipped > SLACK) break;
      i--;
    }
    if (j < 0) return i + 1;
  }
  return -1;
}

/** readChunkedRequests on one cut of the table into chunks. */
function readCut(tokens: readonly Token[], after: readonly Token[], template: TemplateId, untotalled: boolean, cut: Cut, rowsRead: readonly TemplateRow[]): ChunkedRequests | null {
  const spec = TEMPLATES[template].requests;
  const ids = rowsRead.map((r) => r.id);
  const n = ids.length;
  const W = untotalled ? WIDTH - 1 : WIDTH;
  let { chunks, read } = cut;
  let why: ChunkedRequests['unreadWhy'] = cut.why ?? 'band';
  /** Reads only the chunks before chunk `at`, its rows and the rest left unread `because`. */
  const stopAt = (at: number, because: ChunkedRequests['unreadWhy']): void => {
    read = chunks[at]!.first;
    chunks = chunks.slice(0, at);
    why = because;
  };
  const options: Option[][] = [];
  for (const [ci, c] of cut.chunks.entries()) {
    const source = c.source ?? (c.outside ? after : tokens);
    // (a later chunk of a band in chunks of rows: its pieces in every order the header words allow)
    const orders = c.unordered && c.bands.length <= MAX_UNORDERED ? permutations(c.bands) : [c.bands];
    const seen = new Set<string>();
    const here: Option[] = [];
    for (const order of orders) {
      const bands = bandsByName(source, order, c.width, c.rows, W);
      if (!bands) continue;
      for (const o of chunkReadings({ ...c, bands }, W, untotalled)) {
        const k = o.grid.map((r) => r.slice(0, W).map((t) => t?.text ?? '').join(',')).join('|');
        if (seen.has(k)) continue;
        seen.add(k);
        here.push(o);
      }
    }
    if (!here.length) {
      // no reading of this chunk holds (the table's last rows printed in an order not read here: a page break inside
      // their band): the rows before it may still be read, as where the last rows' band is not found
      if (ci === 0) return null;
      stopAt(ci, 'order');
      break;
    }
    options.push(here);
  }
  if (!chunks.some((c) => c.width < W)) return null;
  if (untotalled && read < n) return null;
  let chosen: Option[];
  if (read === n) {
    if (options.reduce((p, o) => p * o.length, 1) > MAX_COMBINATIONS) return null;
    let combos: Option[][] = [[]];
    for (const o of options) combos = combos.flatMap((c) => o.map((r) => [...c, r]));
    const fits = combos.filter((c) => columnsHold(c.flatMap((r) => r.reading.values), ids));
    if (fits.length !== 1) return null;
    chosen = fits[0]!;
    if (untotalled) {
      const rows = chosen.map((o) => o.reading).flatMap((r) => Array.from({ length: r.values.length / WIDTH }, (_, i) => r.values.slice(i * WIDTH, i * WIDTH + W)));
      const five = (r: readonly number[]): number => r.slice(0, W - 1).reduce((a, v) => a + v, 0);
      if (!rows.some((r) => r.some((v) => v !== 0) && r[W - 1] !== five(r))) return null;
      // (nor may a whole column more follow the last band: a totalled table's 总计, printed as a block of its own)
      const last = chosen[chosen.length - 1]!.chunk;
      if (last.outside) {
        const end = after.indexOf(last.bands[last.bands.length - 1]!.at(-1)!);
        let more = 0;
        for (let i = end + 1; i < after.length && after[i]!.kind !== 'text'; i++) more++;
        if (more >= last.rows) return null;
      }
    }
  } else {
    // the last rows unread: only chunks that read one way, under the rows' own labels, with every identity on them
    // holding; from the first chunk that does not, the rows stay blank (a page's rows the cut misplaced after it)
    const leaf = (at: number): string => leafOf(rowsRead[at]!);
    const named = (c: Pending): boolean => {
      // (each row's label, and not more the next row's: cells after the labels of a row and the next, the next one
      // named last, are the next row's)
      const names = (l: string, at: number): boolean => {
        const own = labelKey(rowsRead[at]!.label);
        if (labelScore(l, own) < LABEL_MATCH) return false;
        if (at + 1 >= n) return true;
        const keys = [own, labelKey(rowsRead[at + 1]!.label)];
        const scores = lastNamed(l, keys, keys.map((k) => labelScore(l, k)));
        return scores[1]! <= scores[0]!;
      };
      if (c.block === undefined) return c.labels.every((l, r) => names(l, c.first + r));
      // a block of labels: it names the chunk's rows, and not the row after them
      const block = fold(c.block);
      for (let r = 0; r < c.rows; r++) if (!block.includes(leaf(c.first + r))) return false;
      return !(c.first + c.rows < n && block.includes(leaf(c.first + c.rows)));
    };
    const upTo = chunks.findIndex((c, i) => options[i]!.length !== 1 || !named(c));
    if (upTo === 0) return null;
    if (upTo > 0) {
      stopAt(upTo, 'unsure');
      if (!chunks.some((c) => c.width < W)) return null;
    }
    chosen = options.slice(0, chunks.length).map((o) => o[0]!);
    const values = new Map<string, number>();
    chosen.forEach(({ reading }, ci) => {
      const c = chunks[ci]!;
      for (let r = 0; r < c.rows; r++) {
        spec.columns.forEach((col, x) => values.set(key('requests', ids[c.first + r]!, col.id), reading.values[r * WIDTH + x]!));
      }
    });
    if (requestEquations(template).some((eq) => (residual(eq, (k) => values.get(k)) ?? 0) !== 0)) return null;
  }

  const rows: ChunkedRequests['rows'] = [];
  const used = new Set<Token>();
  chosen.forEach(({ grid, chunk: c }) => {
    for (let r = 0; r < c.rows; r++) rows.push({ id: ids[c.first + r]!, values: grid[r]!.slice(0, W) as Token[] });
    if (c.outside) for (const run of c.bands) for (const t of run) used.add(t);
  });
  return {
    rows,
    chunks: chosen.map(({ chunk: c, reading }) => ({ first: c.first, rows: c.rows, ids: ids.slice(c.first, c.first + c.rows), width: c.width, columnMajor: reading.blocks.filter((b) => b.columnMajor).length, byColumn: c.bands.length > 1 && c.bands.every((b) => b.length === c.rows), outside: c.outside, before: c.before === true })),
    unread: ids.slice(read),
    unreadWhy: why,
    used,
    untotalled,
    early: rows.filter((r) => r.values.some((t) => cut.early.has(t))).map((r) => r.id),
    blank: [],
  };
}
