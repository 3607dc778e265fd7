/**
 * A band of 表三 columns printed apart from the rows it belongs to: pdftotext's reading order of a table too wide for
 * one text column prints each row's first `m` cells beside its label and the other 7 − m cells of a run of rows
 * elsewhere, as one stream. The stream is cut into blocks of rows, each printed row by row or column by column (or
 * in sub-bands of columns: two, one row by row and one column by column, or up to three, each row by row). This file
 * lists every distinct reading of such a stream that makes each row add up to its 总计; the callers keep a reading
 * only when it is the one reading that makes every identity hold.
 * Pure: no fs, no clock.
 */

/** The 表三 width: six applicant columns and 总计. */
export const WIDTH = 7;
/** Distinct readings kept per stream position; more means the stream is too uniform to tell, and we give up. */
export const MAX_READINGS = 24;

/** A run of consecutive 表三 rows printed either row by row or column by column. */
export interface Block {
  /** Index of the block's first row in the reading (0-based). */
  first: number;
  /** Number of rows in the block. */
  rows: number;
  /** True when the block's values are printed column by column (k ≥ 2 rows). */
  columnMajor: boolean;
}

/**
 * Ids of readings (lists of rows), built from the last row back: a row's values and the id of the rows after it
 * give one id per distinct list, so equal readings reached two ways are seen once.
 */
export function readingIds(): (row: string, after: number) => number {
  const interned = new Map<string, number>();
  return (row, after) => {
    const k = `${row}|${after}`;
    let id = interned.get(k);
    if (id === undefined) interned.set(k, (id = interned.size + 1));
    return id;
  };
}

/** How a block of k rows prints the band: its columns in one or two sub-bands, each row by row or column by column. */
export type Layout = ReadonlyArray<{ width: number; columnMajor: boolean }>;

export interface BandBlock extends Block {
  layout: Layout;
}

/** One reading of a band: the rows' full values (row-major, 7 a row) and how the stream was cut. */
export interface BandReading {
  values: number[];
  blocks: BandBlock[];
}

/** Sub-bands, each a line per row, a block of a band may print. */
const MAX_SUB_BANDS = 3;

const layoutMemo = new Map<number, Layout[]>();

function layoutsFor(k: number, w: number): Layout[] {
  if (k === 1) return [[{ width: w, columnMajor: false }]];
  let out = layoutMemo.get(w);
  if (out) return out;
  out = [[{ width: w, columnMajor: true }]];
  // a page that prints the last rows' first columns one per line, then their last columns in pairs
  for (let c = 1; c < w; c++) {
    out.push([{ width: c, columnMajor: true }, { width: w - c, columnMajor: false }]);
    out.push([{ width: c, columnMajor: false }, { width: w - c, columnMajor: true }]);
  }
  // or the band as text blocks side by side, each a line per row (科研 社会 法律 of the rows, then 其他 总计 of
  // the same rows; or 商业 科研 | 社会 | 法律 其他 总计): every cut of the columns into two or three sub-bands (as
  // many as the blocks pdftotext prints a band's header words in; a fourth let a table's zeros read two ways)
  const cuts = (left: number): number[][] => (left === 0 ? [[]] : Array.from({ length: left }, (_, i) => i + 1).flatMap((c) => cuts(left - c).map((rest) => [c, ...rest])));
  for (const widths of cuts(w)) if (widths.length >= 2 && widths.length <= MAX_SUB_BANDS) out.push(widths.map((width) => ({ width, columnMajor: false })));
  layoutMemo.set(w, out);
  return out;
}

/** Stream index of (row, col) of a block of k rows whose band starts at stream offset a. */
export function bandIndex(a: number, k: number, layout: Layout, row: number, col: number): number {
  let offset = a;
  let from = 0;
  for (const band of layout) {
    if (col < from + band.width) return offset + (band.columnMajor ? (col - from) * k + row : row * band.width + (col - from));
    offset += k * band.width;
    from += band.width;
  }
  return -1;
}

/**
 * Every distinct reading (by values) of a band of `first.length` rows whose first `first[i].length` (= m, the same for
 * every row) cells are known and whose other 7 − m cells are `stream`, in which every row adds up to its 总计; null when
 * a position has more than MAX_READINGS (the stream is too uniform to tell). Dynamic programming from the end.
 */
export function bandReadings(first: readonly (readonly number[])[], stream: readonly number[]): BandReading[] | null {
  const m = first[0]?.length ?? 0;
  if (first.some((r) => r.length !== m)) return null;
  const cols = Array.from({ length: WIDTH - m }, (_, c) => m + c);
  return bandReadingsAt(first.map((r) => [...r, ...cols.map(() => undefined)]), cols, stream);
}

/**
 * bandReadings with the band's columns given: `fixed` holds each row's 7 cells, known or undefined, and the stream
 * fills columns `cols` (consecutive, in order) of every row; every other cell must be known.
 */
export function bandReadingsAt(fixed: ReadonlyArray<ReadonlyArray<number | undefined>>, cols: readonly number[], stream: readonly number[]): BandReading[] | null {
  const n = fixed.length;
  const w = cols.length;
  if (w < 1 || stream.length !== n * w) return null;
  if (fixed.some((r) => r.length !== WIDTH || r.some((v, x) => (v === undefined) !== cols.includes(x)))) return null;
  interface Node {
    id: number;
    values: number[];
    rest: Node | null;
    blocks: BandBlock[];
  }
  const intern = readingIds();
  const memo: Node[][] = new Array<Node[]>(n + 1);
  memo[n] = [{ id: 0, values: [], rest: null, blocks: [] }];
  for (let r = n - 1; r >= 0; r--) {
    const seen = new Set<number>();
    const here: Node[] = [];
    for (let k = 1; r + k <= n && here.length <= MAX_READINGS; k++) {
      const rest = memo[r + k]!;
      if (!rest.length) continue;
      for (const layout of layoutsFor(k, w)) {
        const values: number[] = [];
        let ok = true;
        for (let row = 0; row < k && ok; row++) {
          const full = fixed[r + row]!.slice() as number[];
          for (let col = 0; col < w; col++) full[cols[col]!] = stream[bandIndex(r * w, k, layout, row, col)]!;
          let sum = 0;
          for (let x = 0; x < WIDTH - 1; x++) sum += full[x]!;
          if (sum !== full[WIDTH - 1]) ok = false;
          values.push(...full);
        }
        if (!ok) continue;
        const rowKeys: string[] = [];
        for (let row = 0; row < k; row++) rowKeys.push(values.slice(row * WIDTH, (row + 1) * WIDTH).join(','));
        for (const t of rest) {
          let id = t.id;
          for (let row = k - 1; row >= 0; row--) id = intern(rowKeys[row]!, id);
          if (seen.has(id)) continue;
          seen.add(id);
          const block: BandBlock = { first: r, rows: k, columnMajor: layout.some((b) => b.columnMajor), layout };
          here.push({ id, values, rest: t, blocks: [block, ...t.blocks] });
        }
      }
    }
    if (here.length > MAX_READINGS) return null;
    memo[r] = here;
  }
  return memo[0]!.map((node) => {
    const values: number[] = [];
    for (let x: Node | null = node; x; x = x.rest) values.push(...x.values);
    return { values, blocks: node.blocks };
  });
}

/**
 * The readings of a band printed as several runs of its own (each set apart from the others by header words or a
 * blank line), each run row by row or column by column as a whole: a run so set apart is one block of text, printed
 * in one order (mixing orders within it is not considered: a band of several mostly-zero columns would have too many
 * mixed readings to tell). Every distinct combination in which every row adds up to its 总计; the reading's blocks
 * are one per run, in the runs' order.
 */
export function uniformReadingsOf(
  fixed: ReadonlyArray<ReadonlyArray<number | undefined>>,
  runs: ReadonlyArray<{
    cols: readonly number[];
    stream: readonly number[];
    /** Which of the stream's cells print a placeholder (—) counted as 0: two readings placing them apart differ. */
    placeholders?: readonly boolean[];
  }>,
  /** False for a table whose 总计 is blank on every row: each row's 总计 is then the sum of its cells, not a check. */
  totalled = true,
): BandReading[] {
  const n = fixed.length;
  if (!runs.length || runs.some((r) => r.cols.length < 1 || r.stream.length !== n * r.cols.length)) return [];
  const out: BandReading[] = [];
  const seen = new Set<string>();
  for (let mask = 0; mask < 1 << runs.length; mask++) {
    const layouts: Layout[] = runs.map((r, j) => [{ width: r.cols.length, columnMajor: (mask & (1 << j)) !== 0 }]);
    const values: number[] = [];
    const marks: string[] = [];
    let ok = true;
    for (let row = 0; row < n && ok; row++) {
      const full = fixed[row]!.slice() as number[];
      runs.forEach((r, j) => {
        for (let col = 0; col < r.cols.length; col++) {
          const at = bandIndex(0, n, layouts[j]!, row, col);
          full[r.cols[col]!] = r.stream[at]!;
          if (r.placeholders?.[at]) marks.push(`${row}.${r.cols[col]}`);
        }
      });
      let sum = 0;
      for (let x = 0; x < WIDTH - 1; x++) sum += full[x]!;
      if (!totalled) full[WIDTH - 1] = sum;
      if (sum !== full[WIDTH - 1] || full.some((v) => v === undefined || Number.isNaN(v))) ok = false;
      values.push(...full);
    }
    const k = `${values.join(',')}|${marks.join(',')}`;
    if (!ok || seen.has(k)) continue;
    seen.add(k);
    out.push({ values, blocks: layouts.map((layout) => ({ first: 0, rows: n, columnMajor: n > 1 && layout[0]!.columnMajor, layout })) });
  }
  return out;
}
