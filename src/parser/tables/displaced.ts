/**
 * 表三 printed row by row in one value stream, with some rows' 自然人 cell printed elsewhere: pdftotext's reading
 * order puts a row's first cell beside its label, and a label that wraps over several lines (or a group label spanning
 * several rows) lands in the stream after later rows, taking that cell with it. The stream is then each row's seven
 * cells in a run, or its last six cells in a run with its 自然人 cell beside label words somewhere before or after:
 * alone between them, or the last value of a run, on its own line just before a label's first line (a page printed
 * from the web, whose narrow label column wraps: `0 0 0 0 0 12`, `8`, `三、本年度（一）予以公开`). The 自然人 cell of such a
 * row follows from the row itself (总计 minus the other five), and the values printed beside labels must be exactly
 * those cells. A reading is kept only when it is the one reading (by values) of the whole stream
 * that makes every row sum, column identity and results total hold. Pure: no fs, no clock.
 */
import type { TemplateId } from '../../schema/record.ts';
import { TEMPLATES } from '../template.ts';
import { valueRuns, type Token } from '../tokens.ts';
import { MAX_READINGS, readingIds, WIDTH } from './band.ts';
import { columnsHold, plain } from './column-major.ts';

/** Memo states explored at most; more means the stream is too uniform to tell, and we give up. */
const MAX_STATES = 20000;

export interface DisplacedRequests {
  /** Every template row, with its 7 cells: tokens, or for a displaced 自然人 cell the value printed alone. */
  rows: Array<{ id: string; values: Token[] }>;
  /** Rows whose 自然人 cell was printed away from their other six. */
  displaced: string[];
}

interface Reading {
  id: number;
  /** The row's values, and whether its 自然人 cell was printed alone elsewhere. */
  row: number[] | null;
  displaced: boolean;
  /** Stream position of the row's first printed cell in its run. */
  at: number;
  rest: Reading | null;
}

/**
 * Reads 表三 as a stream of rows some of whose 自然人 cells are printed alone elsewhere (see the file's comment).
 * Returns the rows, or null unless exactly one such reading with at least one displaced cell makes every identity hold.
 */
export function readDisplacedRequests(tokens: readonly Token[], template: TemplateId): DisplacedRequests | null {
  const ids = TEMPLATES[template].requests.rows.map((r) => r.id);
  const n = ids.length;
  const runs = valueRuns(tokens);
  const stream = runs.flat();
  if (stream.length < n * (WIDTH - 1) || !stream.every(plain)) return null;
  const v = stream.map((t) => t.value!);
  // a value beside label words: a run of one, or the last of a run that label words follow
  const alone = runs.flatMap((r, x) => r.map((_, i) => r.length === 1 || (i === r.length - 1 && x < runs.length - 1)));
  const singles = alone.filter(Boolean).length;
  // the displaced cells are among the values printed alone: the stream has one value more per row printed whole
  if (stream.length - n * (WIDTH - 1) > n || !singles) return null;
  const N = v.length;

  const intern = readingIds();
  const memo = new Map<string, Reading[] | null>();
  let states = 0;
  let overflow = false;
  /** `owed`: cells displaced minus values taken alone so far, by value (a sorted key of value:count). */
  const solve = (p: number, r: number, owed: Map<number, number>): Reading[] => {
    if (overflow) return [];
    const owedKey = [...owed].filter(([, c]) => c !== 0).sort((a, b) => a[0] - b[0]).map(([k, c]) => `${k}:${c}`).join(',');
    const k = `${p},${r},${owedKey}`;
    const hit = memo.get(k);
    if (hit !== undefined) return hit ?? [];
    if (++states > MAX_STATES) {
      overflow = true;
      return [];
    }
    const out: Reading[] = [];
    const seen = new Set<number>();
    const add = (row: number[] | null, displaced: boolean, at: number, rest: readonly Reading[]): void => {
      for (const t of rest) {
        const id = row ? intern(row.join(','), t.id) : t.id;
        if (seen.has(id)) continue;
        seen.add(id);
        out.push({ id, row, displaced, at, rest: t });
      }
    };
    const shift = (value: number, by: number): Map<number, number> => {
      const next = new Map(owed);
      next.set(value, (next.get(value) ?? 0) + by);
      return next;
    };
    if (p === N && r === n) {
      if (!owedKey) out.push({ id: 0, row: null, displaced: false, at: p, rest: null });
    } else {
      // a value printed alone: some row's 自然人 cell
      if (p < N && alone[p]) add(null, false, p, solve(p + 1, r, shift(v[p]!, -1)));
      if (r < n) {
        // the row's seven cells in a run
        if (p + WIDTH <= N) {
          const row = v.slice(p, p + WIDTH);
          if (row.slice(0, WIDTH - 1).reduce((s, x) => s + x, 0) === row[WIDTH - 1]) add(row, false, p, solve(p + WIDTH, r + 1, owed));
        }
        // its last six cells in a run, its 自然人 cell alone elsewhere
        if (p + WIDTH - 1 <= N) {
          const six = v.slice(p, p + WIDTH - 1);
          const first = six[WIDTH - 2]! - six.slice(0, WIDTH - 2).reduce((s, x) => s + x, 0);
          if (first >= 0) add([first, ...six], true, p, solve(p + WIDTH - 1, r + 1, shift(first, 1)));
        }
      }
    }
    if (out.length > MAX_READINGS) overflow = true;
    memo.set(k, out);
    return out;
  };
  const all = solve(0, 0, new Map());
  if (overflow) return null;
  const rowsOf = (reading: Reading): Reading[] => {
    const out: Reading[] = [];
    for (let x: Reading | null = reading; x; x = x.rest) if (x.row) out.push(x);
    return out;
  };
  const fits = all.filter((reading) => {
    const rows = rowsOf(reading);
    return rows.some((x) => x.displaced) && columnsHold(rows.flatMap((x) => x.row!), ids);
  });
  if (fits.length !== 1) return null;

  // the tokens: each displaced cell takes a value printed alone of its value, in printed order
  const chosen = fits[0]!;
  const pool = new Map<number, Token[]>();
  for (let x: Reading | null = chosen; x; x = x.rest) {
    if (!x.row && x.rest) (pool.get(v[x.at]!) ?? pool.set(v[x.at]!, []).get(v[x.at]!)!).push(stream[x.at]!);
  }
  const rows = rowsOf(chosen).map((x, i) => {
    const values = x.displaced ? [pool.get(x.row![0]!)!.shift()!, ...stream.slice(x.at, x.at + WIDTH - 1)] : stream.slice(x.at, x.at + WIDTH);
    return { id: ids[i]!, values };
  });
  return { rows, displaced: rowsOf(chosen).flatMap((x, i) => (x.displaced ? [ids[i]!] : [])) };
}
