/** 表四 行政复议、行政诉讼: one printed row of 15 cells (3 groups × 5), in official order. */
import type { Finding } from '../../schema/record.ts';
import { splitPieces, splitsEnumerable } from '../glued.ts';
import { key, REVIEW_PARTS } from '../identities.ts';
import { TEMPLATES } from '../template.ts';
import { addsAs, mayBeGlued, numberOf, rejoinSpaced, valueRuns, type Token } from '../tokens.ts';
import type { CellStore } from './grid.ts';
import { fitBlanks } from './rows.ts';
import type { ReviewColumns } from './review-columns.ts';
import { statedSum, type ProseCell } from '../prose-cells.ts';
import { cellFromToken, piecesOf } from './requests.ts';
import { BLANK, forEachMarkedReading, isBlankMark, markedPieces, shownMarks, spacesNote } from '../marked-runs.ts';

/** 表四's cells: three groups of four results and their 总计. */
export const REVIEW_CELLS = 15;
const N = REVIEW_CELLS;

/** Whether each group whose cells are all known adds up: its four results to its 总计. */
export const groupsHold = (vals: ReadonlyArray<number | null>): boolean => {
  for (let g = 0; g < 3; g++) {
    const part = vals.slice(g * 5, g * 5 + REVIEW_PARTS.length);
    const total = vals[g * 5 + 4];
    if (total === null || total === undefined || part.some((v) => v === null)) continue;
    if (part.reduce<number>((s, v) => s + (v ?? 0), 0) !== total) return false;
  }
  return true;
};

/**
 * The columns of a row's numbers printed on one line with blank cells, each number's middle under exactly one of the
 * header's fifteen names (within one place either side), left to right, and every group that printed a number
 * printing its 总计 and adding up to it (blank cells as 0); null otherwise.
 */
function underNames(vals: readonly Token[], header: ReviewColumns): Map<number, Token> | null {
  if (!vals.length || vals.some((t) => t.kind !== 'num' || t.problem || t.line !== vals[0]!.line)) return null;
  const out = new Map<number, Token>();
  let last = -1;
  for (const t of vals) {
    const start = header.measure === 'chars' ? t.at : t.col;
    if (start === undefined) return null;
    const mid = start + (t.text.length - 1) / 2; // (a number's characters are one column wide each)
    const under = header.spans.flatMap(([a, b], x) => (mid >= a - 1 && mid <= b ? [x] : []));
    if (under.length !== 1 || under[0]! <= last) return null;
    last = under[0]!;
    out.set(last, t);
  }
  for (let g = 0; g < 3; g++) {
    const total = out.get(g * 5 + 4);
    if (!total) {
      if ([0, 1, 2, 3].some((x) => out.has(g * 5 + x))) return null;
      continue;
    }
    let sum = 0;
    for (let x = g * 5; x < g * 5 + 4; x++) sum += out.get(x)?.value ?? 0;
    if (sum !== total.value) return null;
  }
  return out;
}

/** The 15 cell keys in printed order (the same in both templates). */
/** The three groups of 表四, as a reader names them. */
const REVIEW_GROUPS = TEMPLATES['2021'].review.rows.map((r) => r.label.split(' / ').pop()!);

const KEYS = TEMPLATES['2021'].review.rows.flatMap((r) => TEMPLATES['2021'].review.columns.map((c) => key('review', r.id, c.id)));

/** Where a result column's name begins in header text (index in a group of five); a bare 结果 names none. */
const COLUMN_HEADS = /结果维|结果纠|其他|尚未|总计|结果/g;
const HEAD_COLUMN: Record<string, number> = { 结果维: 0, 结果纠: 1, 其他: 2, 尚未: 3, 总计: 4 };

/**
 * Whether the header words printed before each run of values in tokens [first, last] begin the names of just the
 * columns that run's values fill, the fifteen in order run after run: a reading order that printed the header cut
 * into pieces, each piece followed by its own columns' values (`结果维` `持` `结果纠` `正` `其他结` `果` `27 10 9`,
 * `尚未审` `总计 结果维` `结` `持` `15 61 3`, …). The names of a piece print line by line (a name set lower in its cell
 * comes later), so they are compared as a set; the values of a run, one row of the table, print left to right.
 */
function namedInOrder(tokens: readonly Token[], first: number, last: number): boolean {
  const asSet = (xs: readonly number[]): string => [...xs].sort((a, b) => a - b).join();
  let from = first;
  while (from > 0 && tokens[from - 1]!.kind === 'text') from--;
  let named: number[] = [];
  let next = 0;
  for (let i = from; i <= last; i++) {
    const t = tokens[i]!;
    if (t.kind === 'text') {
      for (const m of t.text.matchAll(COLUMN_HEADS)) {
        const column = HEAD_COLUMN[m[0]];
        if (column === undefined) return false;
        named.push(column);
      }
      continue;
    }
    if (i > from && tokens[i - 1]!.kind !== 'text') continue;
    // a run of values begins: as many as the names before it, filling the columns those names name
    let run = 0;
    while (i + run <= last && tokens[i + run]!.kind !== 'text') run++;
    const columns = Array.from({ length: run }, (_, x) => (next + x) % 5);
    if (run !== named.length || asSet(named) !== asSet(columns)) return false;
    next += run;
    named = [];
  }
  return next === N && named.length === 0;
}

/** Runs of consecutive value tokens (no label text between them), each with its blank cells fitted to the row. */
function fittedRuns(tokens: readonly Token[]): Token[][] {
  return valueRuns(tokens).map((run) => fitBlanks(run, N));
}

/**
 * Reads 表四's 15 cells. What is printed where it is printed comes first: a run of exactly 15 values with no label
 * between them (the data row of a table), or three runs of 5 (one per group), is taken as printed even when its
 * totals disagree with their parts (validation reports that). Only a stream that is not laid out so (values
 * interleaved with header words, extra numbers around the row) is read by the identities, and then only when
 * exactly one 15-value window of it makes every group add up; otherwise the cells stay null with a doubt.
 */
export function readReview(tokens: readonly Token[], cells: CellStore, findings: Finding[], header: readonly ReviewColumns[] = [], stated: readonly ProseCell[] = []): void {
  const keys = KEYS;
  // The prose's statements of 表四's cells (行政复议 36 起: its 总计): a window of a stream that contradicts one is no
  // reading of the table (a run of another table's zeros before the row adds up as well)
  const proseOf = stated.filter((p) => p.keys.length && p.keys.every((k) => KEYS.includes(k)));
  const contradicted = (window: ReadonlyArray<number | null>): ProseCell | undefined =>
    proseOf.find((p) => {
      const sum = statedSum(p, (k) => window[KEYS.indexOf(k)]);
      return sum !== null && sum !== p.value;
    });
  const asRuns = fittedRuns(tokens);
  let runs = asRuns;
  let vals = runs.flat();
  // digit groups split by stray spaces that do not make the row as printed: one glued run (see rejoinRow in requests.ts)
  const joined = rejoinSpaced(vals);
  if (joined && splitsEnumerable(joined.text.length, N)) {
    const asPrinted =
      vals.length === N
        ? groupsHold(vals.map((t) => t.value ?? null))
        : vals.length < N && splitPieces(piecesOf(vals), N).filter(groupsHold).length === 1;
    if (!asPrinted) {
      vals = [joined];
      runs = [vals];
    }
  }
  const take = (row: readonly Token[]): void => row.forEach((t, x) => cells.set(keys[x]!, cellFromToken(t)));
  // A window of a stream whose values alternate with the header's words (its vertical names read across, a value
  // among them: `持 正 / 果 / 结 / 1 / 2 / 0 / 0 / 计 / 3`, reading order broken inside the table) holds its groups'
  // sums in whatever order each group's four results came: the sums vouch for each 总计, not for which result is
  // which (`1 2 0 0 3` printed for 维持 1, 纠正 0, 其他 2). A group's results are kept only when they are equal. (A
  // window that the whole header splits in two, values printed before it and after it, is two runs in order.)
  const takeStream = (window: readonly Token[]): void => {
    const first = tokens.indexOf(window[0]!);
    const last = tokens.indexOf(window[N - 1]!);
    let runs = 1;
    for (let i = first + 1; i <= last; i++) if (tokens[i]!.kind !== 'text' && tokens[i - 1]!.kind === 'text') runs++;
    if (runs < 3 || namedInOrder(tokens, first, last)) return take(window);
    const doubted: string[] = [];
    window.forEach((t, x) => {
      const group = window.slice(x - (x % 5), x - (x % 5) + 4).map(addsAs);
      if (x % 5 === 4 || group.every((v) => v === group[0])) cells.set(keys[x]!, cellFromToken(t));
      else if (x % 5 === 0) doubted.push(`${REVIEW_GROUPS[x / 5]}（${window.slice(x, x + 4).map((v) => v.text).join(' ')}）`);
    });
    if (doubted.length) {
      findings.push({
        code: 'CELL_UNREADABLE',
        severity: 'warning',
        message: `表四的数字夹在表头文字之间印出（阅读顺序已乱）：各组之和成立，但一组四个结果的先后不能由和核对，${doubted.join('、')}各结果保留为空，总计已读出`,
        line: window[0]!.line,
      });
    }
  };
  // (a placeholder, — or /, printed for an empty cell adds as 0 when a window is checked (addsAs): a group is then
  // checked whole, not passed over for its blank total)
  // a printed row: 15 values on one line, or three lines of 5 (one per group)
  const lines = new Set(vals.map((t) => t.line)).size;
  // (a line of blank cells only is a row left blank, 15 blanks (fitBlanks): the table's row only where no line prints
  // a value, as a text browser's grid prints a header line's empty cells, `│结   │     │     │`, above the row)
  const rowsOfN = runs.filter((r) => r.length === N && r.every((t) => t.line === r[0]!.line));
  const row = rowsOfN.find((r) => r.some((t) => !t.blank)) ?? rowsOfN[0];
  if (row) return take(row);
  // a row printed with blank cells, on one line of layout text under the header's fifteen names: by their columns
  // (in each measure the header sorts in: where both place the numbers, they must agree)
  const placings = vals.length < N ? header.flatMap((h) => underNames(vals, h) ?? []) : [];
  const placed = placings.length && placings.every((p) => p.size === placings[0]!.size && [...p].every(([x, t]) => placings[0]!.get(x) === t)) ? placings[0]! : null;
  if (placed) {
    placed.forEach((t, x) => cells.set(keys[x]!, cellFromToken(t)));
    return;
  }
  const fives = runs.filter((r) => r.length === 5 && r.every((t) => t.line === r[0]!.line));
  if (fives.length === 3 && vals.length === N && lines === 3) return take(vals);
  if (vals.length >= N) {
    // the values after the table's last header word, when they are one row that adds up: the data row below its header
    // (reading order may print another table's cells above, among the header words)
    const lastWord = tokens.findLastIndex((t) => t.kind === 'text');
    const tail = lastWord >= 0 ? fitBlanks(tokens.slice(lastWord + 1), N) : [];
    if (tail.length === N && groupsHold(tail.map(numberOf)) && !contradicted(tail.map(addsAs))) return take(tail);
    // (a window of zeros adds up wherever it is cut from a longer stream: the only reading holding, it vouches for
    // nothing)
    const vouched = (readings: Map<string, number>): number | null => {
      if (readings.size !== 1) return null;
      const [k, s] = [...readings][0]!;
      return vals.length === N || k.split(',').some((v) => v !== '0') ? s : null;
    };
    const holding = new Map<string, number>();
    /** A statement of the prose that a window holding every group's sum contradicts (the first). */
    let refuted: ProseCell | undefined;
    for (let s = 0; s + N <= vals.length; s++) {
      const window = vals.slice(s, s + N).map(addsAs);
      if (groupsHold(window)) {
        const against = contradicted(window);
        if (against) {
          refuted ??= against;
          continue;
        }
        const k = window.join(',');
        if (!holding.has(k)) holding.set(k, s);
      }
    }
    const only = vouched(holding);
    // (numbers after the header's last word and before the one window that holds are no cells of another table: the
    // row's own, a text that sorts each line by height printing a wrapped cell's first lines (`10 20 30 12 12`, of 101
    // 202 303 1212 1212) above the row's line, whose rests the window then holds in their places)
    const firstAfter = lastWord >= 0 ? vals.findIndex((t) => tokens.indexOf(t) > lastWord) : -1;
    if (only !== null && firstAfter >= 0 && only > firstAfter) {
      findings.push({
        code: 'CELL_UNREADABLE',
        severity: 'warning',
        message: `表四的 ${vals.length} 个数字不是印在一行里的；表头之后、符合勾稽关系的连续 15 个数字之前还印有 ${only - firstAfter} 个数字（${vals.slice(firstAfter, only).map((t) => t.text).join(' ')}），可能是折成两行的格子的前半，保留为空`,
        line: vals[firstAfter]!.line,
      });
      return;
    }
    if (only !== null) return takeStream(vals.slice(only, only + N));
    // values printed ahead of every header word are no data row of this table (its header is printed above its row):
    // pdftotext's reading order can put another table's cells there. Of the windows after the first header word,
    // exactly one reading holding is taken.
    if (holding.size > 1 && runs.length > 1 && tokens[0]?.kind !== 'text' && tokens.some((t) => t.kind === 'text')) {
      const later = new Map<string, number>();
      for (let s = runs[0]!.length; s + N <= vals.length; s++) {
        const window = vals.slice(s, s + N).map(addsAs);
        if (groupsHold(window) && !contradicted(window) && !later.has(window.join(','))) later.set(window.join(','), s);
      }
      const s = vouched(later);
      if (s !== null) return takeStream(vals.slice(s, s + N));
    }
    findings.push({
      code: 'CELL_UNREADABLE',
      severity: 'warning',
      message:
        holding.size > 1
          ? `表四印出 ${vals.length} 个数字，不成一行；其中有 ${holding.size} 种连续 15 个数字的读法都符合勾稽关系，无法确定，保留为空`
          : refuted && !holding.size
            ? `表四的 ${vals.length} 个数字不是印在一行里的（每行一个，或夹在表头文字之间，阅读顺序可能已乱）；符合各组勾稽关系的连续 15 个数字与正文「${refuted.evidence}」不符，保留为空`
          : holding.size === 1
            ? `表四的 ${vals.length} 个数字不是印在一行里的（每行一个，或夹在表头文字之间，阅读顺序可能已乱），只有连续 15 个 0 的读法符合勾稽关系；15 个 0 从哪里切出都相加成立，不能说明它们是表四的一行，保留为空`
            : `表四的 ${vals.length} 个数字不是印在一行里的（每行一个，或夹在表头文字之间，阅读顺序可能已乱），且没有一种连续 15 个数字的读法符合勾稽关系，保留为空`,
      line: vals[0]!.line,
    });
    return;
  }
  // a one-line crawl that kept each empty cell's &nbsp; as a space (`5  278  19     `): the spaces place the runs
  // (marked-runs.ts), read so when exactly one cut of the runs makes every group add up, blanks as 0
  const printed = asRuns.flat();
  // (a lone space after the row says nothing: it is the break before 五、 as likely as one blank cell)
  const marked = printed.length < N ? markedPieces(printed, () => undefined) : null;
  const marks = marked && marked.slice(0, -1).some(isBlankMark) ? marked : null;
  // (the row is the table's last: its last space may be the break before 五、, no blank cell, so readings without it
  // count too: `100011000100011 ` is fifteen one-digit cells as much as 100011 | 0 | 0 | 0 | 100011 and ten blanks)
  const ways = marks && isBlankMark(marks[marks.length - 1]!) ? [marks, marks.slice(0, -1)] : marks ? [marks] : [];
  for (const collapsed of marks ? [false, true] : []) {
    const readings = new Map<string, readonly number[]>();
    const complete = ways.every((m) =>
      forEachMarkedReading(m, N, collapsed, (cells) => {
        if (groupsHold(cells.map((c) => (c === BLANK ? 0 : c)))) readings.set(cells.join(), cells.slice());
      }),
    );
    if (!complete || !readings.size) continue;
    if (readings.size > 1) break; // (several readings: the row is read as if no space marked a blank, or left in doubt)
    const shown = shownMarks(marks!);
    const line = printed[0]!.line;
    const [only] = readings.values();
    only!.forEach((v, x) => cells.set(keys[x]!, v === BLANK ? { value: null, line, blank: true } : { value: v, line, raw: shown }));
    findings.push({ code: 'CELL_INFERRED', severity: 'info', message: `表四印成「${shown}」（整篇抓成一行的网页文字，${spacesNote(collapsed)}，记作 ␣）：按空格定出各格位置，连写的数字只有一种拆法使各组勾稽关系成立，由此读出`, line });
    return;
  }
  if (mayBeGlued(vals)) {
    const raw = vals.map((t) => t.text).join(' ');
    const splits = splitPieces(piecesOf(vals), N);
    // one run printed whole (not numbers a reading order put side by side, rejoined) that splits one way only
    // (fifteen digits for fifteen cells) is the row as printed, whether or not its groups add up
    // (`010000000000000`: 纠正 1 beside a 总计 of 0 is the agency's, reported by the identity check)
    const fit = splits.length === 1 && vals.length === 1 && vals[0] !== joined ? splits : splits.filter(groupsHold);
    if (fit.length === 1) {
      fit[0]!.forEach((v, x) => cells.set(keys[x]!, { value: v, line: vals[0]!.line, raw }));
      return;
    }
    if (fit.length > 1) {
      findings.push({ code: 'GLUED_AMBIGUOUS', severity: 'warning', message: `表四数字串「${raw}」有 ${fit.length} 种符合勾稽关系的拆分，保留为空`, line: vals[0]!.line });
      return;
    }
    if (splits.length > 1) {
      findings.push({ code: 'GLUED_AMBIGUOUS', severity: 'warning', message: `表四数字串「${raw}」有 ${splits.length} 种拆分，没有一种符合勾稽关系，保留为空`, line: vals[0]!.line });
      return;
    }
  }
  findings.push({
    code: vals.length ? 'CELL_UNREADABLE' : 'TABLE_MISSING',
    severity: vals.length ? 'warning' : 'error',
    message: vals.length ? `表四应有 15 个数字，只读到 ${vals.length} 个，保留为空` : '未找到表四（行政复议、行政诉讼）的数据',
    line: vals[0]?.line ?? tokens[0]?.line ?? null,
  });
}
