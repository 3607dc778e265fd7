/**
 * Tables printed out of reading order. Some PDF-to-text renderings print a block of 表三 rows column by column
 * (all 自然人 values of the block, then all 商业企业 values, …) with the labels detached from the values, and print
 * a 表二 value away from its label. The identities are the evidence here: a transposed reading of 表三 is kept only
 * when it is the one reading of the whole value stream that makes every row sum, column identity and results total
 * hold, and the column names printed inside the stream stand where it puts those columns. Pure: no fs, no clock.
 */
import type { TemplateId } from '../../schema/record.ts';
import { LABEL_MATCH, labelScore } from '../labels.ts';
import { fold } from '../normalize.ts';
import { TEMPLATES } from '../template.ts';
import { foldedWords, valueRuns, type Segment, type Token } from '../tokens.ts';
import { bandIndex, bandReadings, MAX_READINGS, readingIds, WIDTH, type Block } from './band.ts';
import { NAMES } from './header-columns.ts';


export type { Block };

export interface TransposedRequests {
  /** Template row ids, in printed order, each with its 7 value tokens in column order. */
  rows: Array<{ id: string; values: Token[] }>;
  /** How the value stream was cut; at least one block is column-major. */
  blocks: Block[];
  /** A 2021-template table printing （六）其他处理 as one row (its values go to `otherHandling.other`). */
  singleOther: boolean;
}

/** A reading of the rows from some position to the end: one block, then the reading of the rest. */
interface Reading {
  /** Interned id of the reading's values: equal ids ⇔ equal values, whatever the blocks. */
  id: number;
  /** Row-major values of this reading's first block. */
  values: number[];
  rest: Reading | null;
  blocks: Block[];
}

/** The template rows a stream of `count` rows can stand for, or null when the count fits no form of the table. */
function rowIdsFor(template: TemplateId, count: number, text: string): { ids: string[]; singleOther: boolean } | null {
  const ids = TEMPLATES[template].requests.rows.map((r) => r.id);
  if (count === ids.length) return { ids, singleOther: false };
  // 2021 template with （六）其他处理 printed as one row: the two sub-row labels (both 「…逾期…」) are absent.
  if (template === '2021' && count === ids.length - 2 && text.includes('其他处理') && !text.includes('逾期')) {
    return { ids: ids.filter((id) => id !== 'otherHandling.noCorrection' && id !== 'otherHandling.feeUnpaid'), singleOther: true };
  }
  return null;
}

/** Value at (row, column) of a block of `k` rows starting at stream offset `at`. */
const cellAt = (stream: readonly number[], at: number, k: number, columnMajor: boolean, row: number, col: number): number =>
  stream[columnMajor ? at + col * k + row : at + row * WIDTH + col]!;

function blockRows(stream: readonly number[], at: number, k: number, columnMajor: boolean): number[] | null {
  const out: number[] = [];
  for (let row = 0; row < k; row++) {
    let sum = 0;
    for (let col = 0; col < WIDTH; col++) {
      const v = cellAt(stream, at, k, columnMajor, row, col);
      out.push(v);
      if (col < WIDTH - 1) sum += v;
      else if (sum !== v) return null; // the six applicant columns must add up to 总计
    }
  }
  return out;
}

/** Column identities of a whole reading: 新收 + 结转 = 总计 + 结转下年, and the result rows add up to 总计. */
export function columnsHold(values: readonly number[], ids: readonly string[]): boolean {
  const at = (id: string): number => ids.indexOf(id);
  const first = at('granted');
  const total = at('total');
  const [nr, co, fw] = [at('newReceived'), at('carriedOver'), at('carriedForward')];
  if (first < 0 || total < 0 || nr < 0 || co < 0 || fw < 0) return false;
  for (let col = 0; col < WIDTH; col++) {
    const v = (row: number): number => values[row * WIDTH + col]!;
    if (v(nr) + v(co) !== v(total) + v(fw)) return false;
    let sum = 0;
    for (let row = first; row < total; row++) sum += v(row);
    if (sum !== v(total)) return false;
  }
  return true;
}

/** Words that are 表三's column header and nothing else (folded). */
const HEADER_ONLY = new RegExp(`^(?:申请人情况|法人或其他组织|${NAMES.join('|')})+$`);

/**
 * Whether the column names printed inside the value stream agree with a reading's column-major blocks: a column's
 * name printed alone between two values (`自然人`, `总计`, …) must stand where that column's values start in the block
 * it falls in. The identities hold whatever the order of the six applicant columns (each row's sum, each column's
 * own), so they cannot tell 自然人's block from 其他's; a name printed before a block can (pdfminer printing the 法人
 * columns' header and values, then `自然人` and its 25 values, then `总计` and its: read in the template's order,
 * every 自然人 number went under 其他).
 */
function namesAgree(tokens: readonly Token[], blocks: readonly Block[], template: TemplateId): boolean {
  const columns = TEMPLATES[template].requests.columns;
  // (其他 is also a row's label, 3.其他: not a column's name here)
  const names = columns.map((c) => fold(c.label)).map((n, x) => ({ n, x })).filter(({ n }) => n !== '其他');
  let index = -1;
  let words = '';
  for (const t of tokens) {
    if (t.kind === 'text') {
      if (index >= 0) words += t.text;
      continue;
    }
    index++;
    const said = index > 0 && words ? fold(words) : '';
    words = '';
    // (only words that are the header's and name one column: a row's label, `（七）总计`, names none, and a whole header
    // printed again, a page's, no one block)
    const named = said && HEADER_ONLY.test(said) ? names.filter(({ n }) => said.includes(n)) : [];
    if (named.length !== 1) continue;
    const { x } = named[0]!;
    const b = blocks.find((bl) => index >= bl.first * WIDTH && index < (bl.first + bl.rows) * WIDTH);
    if (!b || !b.columnMajor || index !== b.first * WIDTH + x * b.rows) return false;
  }
  return true;
}

/**
 * Reads 表三 from its value stream alone, as consecutive blocks of rows each printed row by row or column by column.
 * Returns the reading only when exactly one reading (by values) makes every identity hold and it transposes at
 * least one block; otherwise null. Dynamic programming from the end of the stream, keeping distinct readings only,
 * bounded by MAX_READINGS per position.
 */
export function readTransposedRequests(tokens: readonly Token[], template: TemplateId): TransposedRequests | null {
  const cells = tokens.filter((t) => t.kind !== 'text');
  if (!cells.length || cells.length % WIDTH !== 0) return null;
  if (cells.some((t) => t.kind !== 'num' || t.problem || t.value === undefined || !Number.isInteger(t.value) || t.value < 0)) return null;
  const text = foldedWords(tokens);
  const form = rowIdsFor(template, cells.length / WIDTH, text);
  if (!form) return null;
  const stream = cells.map((t) => t.value!);
  const n = form.ids.length;

  const intern = readingIds();
  const memo: Reading[][] = new Array<Reading[]>(n + 1);
  memo[n] = [{ id: 0, values: [], rest: null, blocks: [] }];
  for (let r = n - 1; r >= 0; r--) {
    const seen = new Set<number>();
    const here: Reading[] = [];
    for (let k = 1; r + k <= n && here.length <= MAX_READINGS; k++) {
      const rest = memo[r + k]!;
      if (!rest.length) continue;
      const columnMajor = k > 1; // k ≥ 2 rows printed row by row are k blocks of one row
      const values = blockRows(stream, r * WIDTH, k, columnMajor);
      if (!values) continue;
      // Read by columns, a block that gives its rows as printed (e.g. all zeros) is the row-by-row reading again.
      if (columnMajor && values.every((v, i) => v === stream[r * WIDTH + i])) continue;
      const rowKeys: string[] = [];
      for (let row = 0; row < k; row++) rowKeys.push(values.slice(row * WIDTH, (row + 1) * WIDTH).join(','));
      for (const tail of rest) {
        let id = tail.id;
        for (let row = k - 1; row >= 0; row--) id = intern(rowKeys[row]!, id);
        if (seen.has(id)) continue;
        seen.add(id);
        here.push({ id, values, rest: tail, blocks: [{ first: r, rows: k, columnMajor }, ...tail.blocks] });
      }
    }
    if (here.length > MAX_READINGS) return null;
    memo[r] = here;
  }
  const flat = (reading: Reading): number[] => {
    const out: number[] = [];
    for (let at: Reading | null = reading; at; at = at.rest) out.push(...at.values);
    return out;
  };
  const fits = memo[0]!.filter((reading) => columnsHold(flat(reading), form.ids));
  if (fits.length !== 1) return null;
  const reading = fits[0]!;
  if (!reading.blocks.some((b) => b.columnMajor)) return null;
  if (!namesAgree(tokens, reading.blocks, template)) return null;

  const rows = form.ids.map((id) => ({ id, values: [] as Token[] }));
  for (const b of reading.blocks) {
    const at = b.first * WIDTH;
    for (let row = 0; row < b.rows; row++) {
      for (let col = 0; col < WIDTH; col++) {
        const index = b.columnMajor ? at + col * b.rows + row : at + row * WIDTH + col;
        rows[b.first + row]!.values.push(cells[index]!);
      }
    }
  }
  return { rows, blocks: reading.blocks, singleOther: form.singleOther };
}

/**
 * 表二: a row whose label is printed with nothing after it (its value came out elsewhere in the stream) takes the
 * one value segment no row label claims, when it is the only row without values and that segment is the only
 * unclaimed one and has exactly the row's number of cells. Returns the row's index and the segment, or null.
 */
export function strayValueRow(
  segments: readonly Segment[],
  rows: ReadonlyArray<{ key: string; width: number }>,
  usedRows: ReadonlySet<number>,
  usedSegments: ReadonlySet<Segment>,
): { row: number; segment: Segment } | null {
  const missing = rows.map((_, i) => i).filter((i) => !usedRows.has(i));
  if (missing.length !== 1) return null;
  const row = missing[0]!;
  const { key, width } = rows[row]!;
  if (!segments.some((s) => !s.values.length && labelScore(s.label, key) >= LABEL_MATCH)) return null;
  const strays = segments.filter((s) => s.values.length && !usedSegments.has(s) && rows.every((r) => labelScore(s.label, r.key) < LABEL_MATCH));
  if (strays.length !== 1 || strays[0]!.values.length !== width) return null;
  return { row, segment: strays[0]! };
}

/** 表三 printed in two bands of columns: the first `width` columns row by row beside the labels, the rest after the table. */
export interface SplitRequests {
  /** Template row ids, in printed order, each with its 7 value tokens in column order. */
  rows: Array<{ id: string; values: Token[] }>;
  /** Columns printed beside the labels (the first band). */
  width: number;
  /** How the second band's stream was cut into blocks (row by row or column by column). */
  blocks: Block[];
  /** The tokens after the table that the second band took (they are not 表四's). */
  used: ReadonlySet<Token>;
}

export const plain = (t: Token): boolean => t.kind === 'num' && !t.problem && t.value !== undefined && Number.isInteger(t.value) && t.value >= 0;

/**
 * Reads 表三 printed in two bands of columns (pdftotext's reading order of a table too wide for one text column):
 * every row's first `m` cells beside its label, one run of `m` values per row in the template's order, and the
 * remaining 7 − m cells of every row as the first values after the table (among 表四's header words, before its
 * values, which may follow in the same run), itself printed
 * row by row or in blocks of rows column by column. The second band is read as in readTransposedRequests: kept
 * only when exactly one reading of it (by values) makes every row add up to its 总计 and every column identity
 * hold; otherwise null and the cells stay blank.
 */
export function readSplitRequests(tokens: readonly Token[], after: readonly Token[], template: TemplateId): SplitRequests | null {
  const ids = TEMPLATES[template].requests.rows.map((r) => r.id);
  const n = ids.length;
  const runs = valueRuns(tokens);
  if (runs.length !== n) return null;
  const m = runs[0]!.length;
  if (m < 1 || m >= WIDTH || runs.some((r) => r.length !== m || !r.every(plain))) return null;
  const w = WIDTH - m;
  // the band's values come first; 表四's own values may follow in the same run (nothing printed between them)
  const tail = valueRuns(after)[0]?.slice(0, n * w);
  if (!tail || tail.length !== n * w || !tail.every(plain)) return null;
  // the run must be the first values after the table: only header words before it
  if (after.indexOf(tail[0]!) !== after.findIndex((t) => t.kind !== 'text')) return null;
  const first = runs.map((r) => r.map((t) => t.value!));
  const readings = bandReadings(first, tail.map((t) => t.value!));
  const fits = (readings ?? []).filter((reading) => columnsHold(reading.values, ids));
  if (fits.length !== 1) return null;
  const reading = fits[0]!;
  const rows = ids.map((id, i) => ({ id, values: [...runs[i]!] }));
  for (const b of reading.blocks) {
    for (let row = 0; row < b.rows; row++) {
      for (let col = 0; col < w; col++) rows[b.first + row]!.values.push(tail[bandIndex(b.first * w, b.rows, b.layout, row, col)]!);
    }
  }
  return { rows, width: m, blocks: reading.blocks.map(({ first, rows, columnMajor }) => ({ first, rows, columnMajor })), used: new Set(tail) };
}

/** 表三 without totals printed in two bands: six cells a row, the 其他 column after the table. */
export interface UntotalledSplit {
  /**
   * Template row ids, in printed order, each with its 6 applicant cells (its 总计 is blank); or, where the rows do
   * not show which of 其他 and 总计 the column after the table is (`sixthUnsure`), its first 5 cells only.
   */
  rows: Array<{ id: string; values: Token[] }>;
  /** The tokens after the table that the 其他 column took (they are not 表四's). */
  used: ReadonlySet<Token>;
  /**
   * The column after the table may be 其他 (总计 left blank) or 总计 (其他 left blank): every row is 0, or some row's
   * sixth number is the sum of its five. Both cells stay unread.
   */
  sixthUnsure: boolean;
}

/**
 * Reads 表三 whose 总计 column is blank on every row (untotalled.ts), printed in two bands by pdftotext's reading
 * order: every row's first five cells beside its label, one run of five per row, and the 其他 column as the next
 * values, the table's last run or the first after it, one per row in row order, after the header's 其他 and 总计
 * words (the blank 总计 column parts it from the rest). Kept only when the rows show no 总计 was printed: a row has a number other than 0, and
 * no such row's sixth number is the sum of its five (as it would be were the column after the table 总计, 其他 left
 * blank), and every column identity holds for the six applicant columns; otherwise null.
 */
export function readUntotalledSplit(tokens: readonly Token[], after: readonly Token[], template: TemplateId): UntotalledSplit | null {
  const ids = TEMPLATES[template].requests.rows.map((r) => r.id);
  const n = ids.length;
  const m = WIDTH - 2;
  const runs = valueRuns(tokens);
  // the 其他 column: the table's own last run (printed before the next part's heading), or the first run after it
  const inside = runs.length === n + 1;
  const [tail, next] = inside ? [runs[n]!, valueRuns(after)[0]] : valueRuns(after);
  const rows = runs.slice(0, n);
  if (rows.length !== n || rows.some((r) => r.length !== m || !r.every(plain))) return null;
  // (表四's first values may follow in the same run; two columns' worth is a totalled table's 其他 and 总计)
  if (!tail || tail.length < n || tail.length >= 2 * n || !tail.every(plain)) return null;
  // (a second column after it, 总计 printed as a block of its own, is a totalled table's: readChunkedRequests's)
  if (next && next.length >= n) return null;
  // the run must follow the rows with only header words between, words that name 其他
  const stream = inside ? tokens : after;
  const from = inside ? stream.indexOf(rows[n - 1]![m - 1]!) + 1 : 0;
  const at = stream.indexOf(tail[0]!);
  if (stream.slice(from, at).some((t) => t.kind !== 'text')) return null;
  // (right before it, and nothing else: 表四's header words have 其他 too, in 其他结果)
  const words = fold(stream.slice(Math.max(from, at - 2), at).map((t) => t.text).join('')).replace(/\s+/g, '');
  if (!words.includes('其') || !words.includes('他') || /[^其他总计]/.test(words)) return null;
  const other = tail.slice(0, n);
  const sixes = rows.map((r, i) => [...r.map((t) => t.value!), other[i]!.value!]);
  const nonZero = sixes.filter((r) => r.some((v) => v !== 0));
  const used = new Set(inside ? [] : other);
  const sum = (r: readonly number[]): number => r.reduce((a, b) => a + b, 0);
  if (!nonZero.length || nonZero.some((r) => r[m] === sum(r.slice(0, m)))) {
    // the first five columns are still the rows' own (the two header words after them name the other two); they
    // are read where their own column identities hold (a 总计 of the five, 其他 taken as 0, holds exactly then)
    if (!columnsHold(sixes.flatMap((r) => [...r.slice(0, m), 0, sum(r.slice(0, m))]), ids)) return null;
    return { rows: ids.map((id, i) => ({ id, values: [...rows[i]!] })), used, sixthUnsure: true };
  }
  if (!columnsHold(sixes.flatMap((r) => [...r, sum(r)]), ids)) return null;
  return { rows: ids.map((id, i) => ({ id, values: [...rows[i]!, other[i]!] })), used, sixthUnsure: false };
}
