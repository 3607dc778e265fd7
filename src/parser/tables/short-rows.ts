/**
 * 表三 rows printed with fewer values than columns, in a text without positions (pdftotext's reading order): a Word
 * export leaves zeros blank, so `95 3 98` is three of a row's seven cells, and the text does not say which three.
 * Such rows are read only as far as the identities prove. A reading of a row puts its printed values, in order,
 * into some of the seven columns and leaves the others blank; a blank is a zero left out (it counts as 0 in every
 * sum, 总计 included: a blank 总计 means the row is all zeros). A reading of the table is one reading per short row
 * such that every row adds up to its 总计 and every column identity holds (新收 + 上年结转 = 办理结果总计 + 结转下年度,
 * the result rows add up to （七）总计), the other rows' cells as read. A cell is settled only when it is the same
 * number, or blank in every consistent reading of the table; every other cell of a short row stays null.
 *
 * What this cannot settle, by construction: moving the columns a table's short rows use to other columns, in the
 * same order and for every row at once, keeps every identity, so the applicant column of a value is settled only
 * when the rows fill the columns enough to leave no room; and a row of zeros fits every placement (0 or blank is
 * the same in every sum). 总计 of a row with a nonzero value is what most rows settle.
 *
 * A glued digit run may be several cells (each split is a reading too). The search is a dynamic programme over the
 * short rows, its state the column identities' running residuals, bounded (MAX_STATES, MAX_STEPS): past the bound
 * nothing is settled. Pure: no fs, no clock.
 */
import type { Finding, TemplateId } from '../../schema/record.ts';
import { forEachSplit, splitsEnumerable, type Piece } from '../glued.ts';
import { key, requestEquations } from '../identities.ts';
import { TEMPLATES } from '../template.ts';
import { eachOnItsLine, isPlaceholder, type Token } from '../tokens.ts';
import type { Cell, CellStore } from './grid.ts';
import { BLANK, forEachMarkedReading, isBlankMark as isBlank, markedPieces, shownMarks, spacesNote, type MarkedPiece } from '../marked-runs.ts';

const WIDTH = 7;
/** Distinct residual states kept after one row, and state × reading steps in all, before giving up. */
const MAX_STATES = 5_000;
const MAX_STEPS = 100_000;

/** A row printed with fewer values than columns: its template row id and its printed values. */
export interface ShortRow {
  row: string;
  pieces: readonly Piece[];
  /**
   * The row as a one-line crawl printed it, each blank cell a space (markedPieces): where set, a reading puts the
   * values where the spaces leave them, not in any columns, and a row whose 总计 is such a blank is untotalled.
   */
  marked?: readonly MarkedPiece[];
  /** With `marked`: a crawl that collapsed its white space, so each run of spaces is one blank cell or more. */
  collapsed?: boolean;
  /** With `marked`: the table's last row, whose last space may be the break before the next part, not a blank cell. */
  last?: boolean;
}

/** A marked row's readings, the table's last row's with and without its last space (see ShortRow.last). */
function lastRowReadings(r: ShortRow): Candidate[] | null {
  const m = r.marked!;
  const own = markedReadings(m, r.collapsed);
  if (!r.last || !own || !m.length || !isBlank(m[m.length - 1]!)) return own;
  const cut = markedReadings(m.slice(0, -1), r.collapsed);
  if (!cut) return null;
  const seen = new Set(own.map((c) => c.cells.join()));
  return [...own, ...cut.filter((c) => !seen.has(c.cells.join()))];
}

/**
 * The readings of a row a crawl printed with its blank cells as spaces (see ShortRow.marked): each run cut into as
 * many cells as the spaces leave room for, every cell where it falls. A reading keeps the row identity (blanks as 0)
 * unless its 总计 is a printed blank: an untotalled row. `collapsed`: each run of spaces stands for one blank cell or
 * more (a crawl that collapsed white space). Null past the bound.
 */
export function markedReadings(marked: readonly MarkedPiece[], collapsed = false): Candidate[] | null {
  const out: Candidate[] = [];
  const complete = forEachMarkedReading(
    marked,
    WIDTH,
    collapsed,
    (cells) => {
      const total = cells[WIDTH - 1]!;
      let sum = 0;
      for (let x = 0; x < WIDTH - 1; x++) if (cells[x]! > 0) sum += cells[x]!;
      if (total === BLANK || sum === total) out.push({ cells: cells.slice(), from: null });
    },
    MAX_STEPS,
  );
  return complete ? out : null;
}

/**
 * What every consistent reading says about one cell of a short row: the same number (`piece`: the printed value's
 * index, when every reading takes the row as printed), a blank, or (undefined) not the same in all.
 */
export type Settled = { value: number; piece?: number } | 'blank' | undefined;

export type ShortRowsResult =
  | {
      ok: true;
      /**
       * Per short row: what the readings settle of each cell, how many readings there are, and how many column
       * identities through it could be checked (every other term a known cell or another short row's): with none, only
       * its own row sum vouches for the reading.
       */
      rows: Array<{ row: string; cells: Settled[]; readings: number; checked: number }>;
    }
  | { ok: false; reason: 'budget' | 'inconsistent' | 'unsplittable'; row?: string };

interface Candidate {
  /** The seven cells, BLANK where the reading leaves a cell blank. */
  cells: number[];
  /** Per column, the printed value's index when this reading takes the row as printed; else -1. */
  from: number[] | null;
}

/** Every reading of one short row whose row identity holds (blanks as 0), distinct by cells; null past the bound. */
export function rowReadings(pieces: readonly Piece[]): Candidate[] | null {
  let digits = 0;
  for (const p of pieces) {
    if ('run' in p) digits += p.run.length;
    else if (p.value === null || p.value < 0 || !Number.isInteger(p.value)) return null;
  }
  const out = new Map<string, Candidate>();
  for (let n = pieces.length; n <= WIDTH; n++) {
    if (digits && !splitsEnumerable(digits, n)) return null;
    forEachSplit(pieces, n, (values) => {
      const asPrinted = n === pieces.length;
      placements(n, (cols) => {
        const cells = new Array<number>(WIDTH).fill(BLANK);
        cols.forEach((c, i) => (cells[c] = values[i]!));
        let sum = 0;
        for (let x = 0; x < WIDTH - 1; x++) if (cells[x]! > 0) sum += cells[x]!;
        if (sum !== Math.max(cells[WIDTH - 1]!, 0)) return;
        const k = cells.join(',');
        const from = asPrinted ? cells.map((_, x) => cols.indexOf(x)) : null;
        const seen = out.get(k);
        if (!seen) out.set(k, { cells, from });
        else if (seen.from && (!from || from.some((f, x) => f !== seen.from![x]))) seen.from = null;
      });
    });
  }
  return [...out.values()];
}

/** C(WIDTH, n): the placements of n printed values. */
function placementCount(n: number): number {
  let c = 1;
  for (let k = 1; k <= n; k++) c = (c * (WIDTH - n + k)) / k;
  return c;
}

/** Calls `visit` with each increasing choice of `n` columns of WIDTH (a scratch array). */
function placements(n: number, visit: (cols: readonly number[]) => void): void {
  const cols: number[] = [];
  const walk = (from: number): void => {
    if (cols.length === n) return visit(cols);
    for (let c = from; c <= WIDTH - (n - cols.length); c++) {
      cols.push(c);
      walk(c + 1);
      cols.pop();
    }
  };
  walk(0);
}

const columnEquationCache = new Map<TemplateId, Array<Array<{ row: string; col: number; coef: number }>>>();

/** 表三's column identities (not the row sums) of a template, each term as its row id, column index and sign. */
function columnEquations(template: TemplateId): Array<Array<{ row: string; col: number; coef: number }>> {
  let eqs = columnEquationCache.get(template);
  if (!eqs) {
    const columns = TEMPLATES[template].requests.columns.map((c) => c.id);
    const term = (k: string, coef: number): { row: string; col: number; coef: number } => {
      const [, row, col] = k.split('/') as [string, string, string];
      return { row, col: columns.indexOf(col), coef };
    };
    eqs = requestEquations(template)
      .filter((eq) => eq.code !== 'IDENTITY_ROW')
      .map((eq) => [...eq.plus.map((k) => term(k, 1)), ...eq.minus.map((k) => term(k, -1))]);
    columnEquationCache.set(template, eqs);
  }
  return eqs;
}

interface Node {
  res: number[];
  /** [previous node, reading index] of each way here */
  edges: Array<[Node | null, number]>;
  viable: boolean;
}

/**
 * Settles the short rows' cells. `known(row, column)` is a cell of another row as read: its value (a blank as 0),
 * or null when unknown (an identity through an unknown cell constrains nothing and is left out).
 */
export function settleShortRows(
  template: TemplateId,
  rows: readonly ShortRow[],
  known: (row: string, column: number) => number | null,
  budget: { states: number; steps: number } = { states: MAX_STATES, steps: MAX_STEPS },
): ShortRowsResult {
  const ids = TEMPLATES[template].requests.rows.map((r) => r.id);
  // A row of printed zeros adds 0 to every sum wherever its zeros go: every placement is consistent, so none of its
  // cells is settled (each is a 0 in one placement and a blank in another) and the search leaves it out.
  // (a row a crawl printed with its blanks as spaces has its zeros where they stand: it is searched like any other)
  const zeros = rows.filter((r) => !r.marked && r.pieces.every((p) => 'value' in p && p.value === 0));
  const searched = rows.filter((r) => !zeros.includes(r));
  const shortAt = new Map(searched.map((r, i) => [r.row, i]));
  for (const r of zeros) shortAt.set(r.row, -1);
  const readings: Candidate[][] = [];
  for (const r of searched) {
    const c = r.marked ? lastRowReadings(r) : rowReadings(r.pieces);
    if (!c) return { ok: false, reason: 'unsplittable', row: r.row };
    if (!c.length) return { ok: false, reason: 'inconsistent', row: r.row };
    readings.push(c);
  }
  // the column identities, each as a constant (the other rows' cells) and terms on the short rows' cells
  const constants: number[] = [];
  const terms: Array<Array<{ row: number; col: number; coef: number }>> = [];
  // rows whose 总计 a crawl printed blank beside numbers: untotalled, so no identity through their 总计 holds or fails
  const untotalled = new Set(
    searched.filter((r) => r.marked && isBlank(r.marked[r.marked.length - 1]!) && r.pieces.some((p) => ('run' in p ? /[1-9]/.test(p.run) : !!p.value))).map((r) => r.row),
  );
  for (const eq of columnEquations(template)) {
    if (untotalled.size && eq.some((t) => t.col === WIDTH - 1 && untotalled.has(t.row))) continue;
    let constant = 0;
    const on: Array<{ row: number; col: number; coef: number }> = [];
    let usable = true;
    for (const { row, col, coef } of eq) {
      const s = shortAt.get(row);
      if (s === -1) continue; // a row of zeros: 0 wherever it goes
      if (s !== undefined) on.push({ row: s, col, coef });
      else {
        const v = known(row, col);
        if (v === null) usable = false;
        else constant += coef * v;
      }
    }
    if (!usable) continue;
    if (!on.length) {
      if (constant !== 0) return { ok: false, reason: 'inconsistent' };
      continue;
    }
    constants.push(constant);
    terms.push(on);
  }
  const E = terms.length;
  // rows that take away from sums first (总计, 结转下年度), then the template's order: the sign bounds prune early
  const negative = searched.map((_, i) => terms.reduce((n, t) => n + t.filter((x) => x.row === i && x.coef < 0).length, 0));
  const order = searched.map((_, i) => i).sort((a, b) => negative[b]! - negative[a]! || ids.indexOf(searched[a]!.row) - ids.indexOf(searched[b]!.row));
  const depth = new Array<number>(searched.length);
  order.forEach((r, d) => (depth[r] = d));
  // per equation, the depth after which no term can add (up) or take away (down), and after which it is closed
  const lastUp = terms.map((t) => Math.max(-1, ...t.filter((x) => x.coef > 0).map((x) => depth[x.row]!)));
  const lastDown = terms.map((t) => Math.max(-1, ...t.filter((x) => x.coef < 0).map((x) => depth[x.row]!)));
  // each row's distinct effects on the equations, and which readings have each
  const termsOf = searched.map(() => [] as Array<{ e: number; col: number; coef: number }>);
  terms.forEach((t, e) => {
    for (const x of t) termsOf[x.row]!.push({ e, col: x.col, coef: x.coef });
  });
  const effects = order.map((r) => {
    const byKey = new Map<string, { d: number[]; readings: number[] }>();
    readings[r]!.forEach((cand, ci) => {
      const d = new Array<number>(E).fill(0);
      for (const x of termsOf[r]!) if (cand.cells[x.col]! > 0) d[x.e]! += x.coef * cand.cells[x.col]!;
      const k = d.join(',');
      const seen = byKey.get(k);
      if (seen) seen.readings.push(ci);
      else byKey.set(k, { d, readings: [ci] });
    });
    return [...byKey.values()];
  });

  // states by residuals: a hash of the residuals, then the residuals compared (a step allocates only a state it keeps)
  const hash = (res: ArrayLike<number>): number => {
    let h = 0;
    for (let e = 0; e < E; e++) h = (Math.imul(h, 31) + res[e]!) | 0;
    return h;
  };
  const same = (a: ArrayLike<number>, b: ArrayLike<number>): boolean => {
    for (let e = 0; e < E; e++) if (a[e] !== b[e]) return false;
    return true;
  };
  let layer: Node[] = [{ res: constants, edges: [[null, -1]], viable: false }];
  const layers: Node[][] = [];
  const scratch = new Array<number>(E).fill(0);
  let steps = 0;
  for (let d = 0; d < order.length; d++) {
    const next = new Map<number, Node[]>();
    const all: Node[] = [];
    const effs = effects[d]!;
    for (const node of layer) {
      steps += effs.length;
      if (steps > budget.steps) return { ok: false, reason: 'budget' };
      next: for (let ci = 0; ci < effs.length; ci++) {
        const eff = effs[ci]!.d;
        for (let e = 0; e < E; e++) {
          const v = node.res[e]! + eff[e]!;
          if ((v > 0 && lastDown[e]! <= d) || (v < 0 && lastUp[e]! <= d)) continue next;
          scratch[e] = v;
        }
        const h = hash(scratch);
        let bucket = next.get(h);
        if (!bucket) next.set(h, (bucket = []));
        let to = bucket.find((n) => same(n.res, scratch));
        if (!to) {
          bucket.push((to = { res: scratch.slice(), edges: [], viable: false }));
          all.push(to);
        }
        to.edges.push([node, ci]);
      }
    }
    if (all.length > budget.states) return { ok: false, reason: 'budget' };
    layers.push(all);
    layer = all;
  }
  // backward: the ways that end with every identity holding
  const used = order.map(() => new Set<number>());
  for (const node of layer) if (node.res.every((v) => v === 0)) node.viable = true;
  for (let d = order.length - 1; d >= 0; d--) {
    for (const node of layers[d]!) {
      if (!node.viable) continue;
      for (const [prev, ci] of node.edges) {
        for (const r of effects[d]![ci]!.readings) used[d]!.add(r);
        if (prev) prev.viable = true;
      }
    }
  }
  if (order.length && !used[0]!.size) return { ok: false, reason: 'inconsistent' };
  const out = searched.map((r, i) => {
    const cands = [...used[depth[i]!]!].map((ci) => readings[i]![ci]!);
    const cells: Settled[] = [];
    for (let x = 0; x < WIDTH; x++) {
      const v = cands[0]!.cells[x]!;
      if (cands.some((c) => c.cells[x] !== v)) cells.push(undefined);
      else if (v === BLANK) cells.push('blank');
      else {
        const piece = cands[0]!.from?.[x];
        cells.push(piece !== undefined && piece >= 0 && cands.every((c) => c.from?.[x] === piece) ? { value: v, piece } : { value: v });
      }
    }
    return { row: r.row, cells, readings: cands.length, checked: new Set(termsOf[i]!.map((x) => x.e)).size };
  });
  for (const r of zeros) out.push({ row: r.row, cells: new Array<Settled>(WIDTH).fill(undefined), readings: placementCount(r.pieces.length), checked: 0 });
  return { ok: true, rows: out };
}

/** A row the row reader could not place, with the doubt it would report. */
export interface Unplaced {
  row: string;
  values: readonly Token[];
  line: number;
  doubt: Finding;
}

/** Printed values as pieces: a bare digit run may be several cells. */
const piecesOf = (values: readonly Token[]): Piece[] => values.map((t) => (t.glued ? { run: t.text } : { value: t.value ?? null }));

const plain = (t: Token): boolean => t.kind === 'num' && !t.problem && t.value !== undefined && Number.isInteger(t.value) && t.value >= 0;

/**
 * Whether at least five rows printed the same count of cells, fewer than seven, placeholders among them, and they
 * are four in five of the rows read short: a table's first columns beside its labels (see placeShortRows).
 */
function columnsCut(unplaced: readonly Unplaced[]): boolean {
  const counts = new Map<number, number>();
  let placeholders = false;
  for (const u of unplaced) {
    counts.set(u.values.length, (counts.get(u.values.length) ?? 0) + 1);
    if (u.values.some(isPlaceholder)) placeholders = true;
  }
  if (!placeholders) return false;
  return [...counts].some(([n, rows]) => n > 0 && n < WIDTH && rows >= 5 && rows * 5 >= unplaced.length * 4);
}

/**
 * Writes what the identities settle of rows printed short (see settleShortRows) into `cells`, with one finding per
 * row saying what was settled and why the rest stays null; rows that are not short, or a table the search cannot
 * settle, keep their doubt as given. `cellOf` makes a printed token a cell; `name` gives a row as printed. Returns
 * the rows written whose values stand on several lines (a reading order, not a printed row: the prose may check them).
 * In a `disordered` table, a row printed one value a line that no column identity checks keeps its doubt.
 */
export function placeShortRows(
  template: TemplateId,
  cells: CellStore,
  unplaced: readonly Unplaced[],
  findings: Finding[],
  cellOf: (t: Token) => Cell,
  name: (row: string) => string,
  groupsOf: (t: Token) => readonly Token[] | undefined = () => undefined,
  printedBlank: (row: string) => boolean = () => false,
  /** Some rows of the table printed one value a line are in no row order (a stream cut by count that does not add up). */
  disordered = false,
): string[] {
  const streamed: string[] = [];
  // A table that prints a placeholder for an empty cell yet whose rows print the same few cells, placeholders
  // among them (`1 1`, `— —`, `— 1` beside every label: pdftotext printed two columns beside the labels and the rest
  // elsewhere), lost its other cells, not left them blank: its short rows are cut columns, and no row is read as
  // printed values with blanks around them.
  const short = columnsCut(unplaced) ? [] : unplaced.filter((u) => u.values.length > 0 && u.values.length < WIDTH && u.values.every(plain));
  const keysOf = (row: string): string[] => TEMPLATES[template].requests.columns.map((c) => key('requests', row, c.id));
  const shortRows = new Set(short.map((u) => u.row));
  const known = (row: string, x: number): number | null => {
    const c = cells.get(keysOf(row)[x]!);
    if (!c || c.inferred || c.problem) return null;
    return c.blank ? 0 : c.value;
  };
  // A one-line crawl that printed each blank cell as a space (every short row shows its blanks so): the spaces place
  // the values, a row printed with no number at all is blank (0 in every sum), and a row whose 总计 is a space was
  // not totalled. Read so when that settles the table; else as rows whose values may stand in any columns.
  const marks = new Map(short.map((u) => [u.row, markedPieces(u.values, groupsOf)]));
  const markedTable = short.length > 0 && [...marks.values()].every((m) => m !== null);
  const knownMarked = (row: string, x: number): number | null => (cells.get(keysOf(row)[x]!) || shortRows.has(row) || !printedBlank(row) ? known(row, x) : 0);
  const lastRow = TEMPLATES[template].requests.rows.at(-1)!.id;
  const markedRows = (collapsed: boolean): ShortRow[] => short.map((u) => ({ row: u.row, pieces: piecesOf(u.values), marked: marks.get(u.row)!, collapsed, last: u.row === lastRow }));
  let result = markedTable ? settleShortRows(template, markedRows(false), knownMarked) : null;
  // (a crawl that collapsed its white space keeps one space for several blank cells side by side: `82135 21859`)
  const collapsed = markedTable && !result?.ok;
  if (collapsed) result = settleShortRows(template, markedRows(true), knownMarked);
  const marked = result?.ok === true;
  if (!marked) result = short.length ? settleShortRows(template, short.map((u) => ({ row: u.row, pieces: piecesOf(u.values) })), known) : null;
  if (result && !result.ok) {
    const at = short.find((u) => u.row === result.row) ?? short[0]!;
    findings.push({
      code: 'CELL_UNREADABLE',
      severity: result.reason === 'inconsistent' ? 'info' : 'warning',
      message:
        result.reason === 'inconsistent'
          ? `表三有 ${short.length} 行印出的数字少于 ${WIDTH} 个；${result.row ? `「${name(result.row)}」行的数字无论排在哪几列都不能使本行之和等于总计（空白的总计按 0 计）` : '无论怎样排，本表各列的勾稽关系都不能全部成立'}（行界可能错位，或总计一列整列未填），这些行保留为空`
          : `表三有 ${short.length} 行印出的数字少于 ${WIDTH} 个；${result.reason === 'budget' ? '可能的排法太多，超出搜索上限' : `「${name(at.row)}」行的数字串拆法太多`}，未逐一检验，这些行保留为空`,
      line: at.line,
      cell: keysOf(at.row)[WIDTH - 1]!,
    });
  }
  for (const u of unplaced) {
    const settled = result?.ok && shortRows.has(u.row) ? result.rows.find((r) => r.row === u.row) : undefined;
    if (!settled) {
      findings.push(u.doubt);
      continue;
    }
    const keys = keysOf(u.row);
    const raw = u.values.map((t) => t.text).join(' ');
    if (marked) {
      const shown = shownMarks(marks.get(u.row)!);
      settled.cells.forEach((s, x) => {
        if (s === 'blank') cells.set(keys[x]!, { value: null, line: u.line, blank: true });
        else if (s !== undefined) cells.set(keys[x]!, { value: s.value, line: u.line, raw: shown });
      });
      const open = settled.cells.flatMap((s, x) => (s === undefined ? [x] : []));
      const head = `表三「${name(u.row)}」行印成「${shown}」（整篇抓成一行的网页文字，${spacesNote(collapsed)}，记作 ␣）：按空格定出各格位置`;
      const untotalled = settled.cells[WIDTH - 1] === 'blank' && settled.cells.some((s) => s !== undefined && s !== 'blank' && s.value > 0);
      const note = untotalled ? '；本行总计一格空白（未填总计），不作行内勾稽' : '';
      findings.push(
        open.length
          ? { code: 'CELL_UNREADABLE', severity: 'warning', message: `${head}，连写的数字按本表勾稽关系有 ${settled.readings} 种拆法，${open.length} 格随拆法而变，保留为空${note}`, line: u.line, cell: keys[open[0]!]! }
          : { code: 'CELL_INFERRED', severity: 'info', message: `${head}，连写的数字按本表各行、各列勾稽关系只有一种拆法，整行由此确定${note}`, line: u.line, cell: keys[0]! },
      );
      continue;
    }
    const severalLines = u.values.some((t) => t.line !== u.values[0]!.line);
    if (disordered && !settled.checked && settled.cells.some((s) => s !== undefined) && u.values.length > 1 && eachOnItsLine(u.values)) {
      // values one a line in a table whose streams are in no row order (a row of such a stream that lost cells printed
      // elsewhere adds up as well: `137` `137` for a 总计 row that printed 137 | · · · · 137 | 274, its 274 further
      // on), every column identity through the row running through cells unread: only its own sum vouches for it
      findings.push(u.doubt);
      continue;
    }
    if (settled.cells.some((s) => s !== undefined) && severalLines) streamed.push(u.row);
    settled.cells.forEach((s, x) => {
      if (s === undefined) return;
      if (s === 'blank') cells.set(keys[x]!, { value: null, line: u.line, blank: true });
      else if (s.piece !== undefined) cells.set(keys[x]!, cellOf(u.values[s.piece]!));
      else cells.set(keys[x]!, { value: s.value, line: u.line, raw });
    });
    const open = settled.cells.flatMap((s, x) => (s === undefined ? [x] : []));
    const columns = TEMPLATES[template].requests.columns;
    const head = `表三「${name(u.row)}」行只印出 ${u.values.length} 个数字（${raw}），其余各格空白（空白按 0 计）`;
    if (!open.length) {
      findings.push({ code: 'CELL_INFERRED', severity: 'info', message: `${head}；满足本表各行、各列勾稽关系的排法只有一种，整行由此确定`, line: u.line, cell: keys[0]! });
      continue;
    }
    const zeros = u.values.every((t) => t.value === 0);
    const got = WIDTH - open.length;
    const why = zeros
      ? '印出的都是 0，0 与空白在任何和里都一样，勾稽关系分不出哪几列印了 0'
      : `满足本表各行、各列勾稽关系的排法有 ${settled.readings} 种，${open.map((x) => columns[x]!.label).join('、')}${open.length > 1 ? '各格' : '一格'}随排法而变`;
    findings.push({
      code: 'CELL_UNREADABLE',
      severity: 'warning',
      message: `${head}；${why}，保留为空${got ? `（${got} 格在各种排法中都相同，已读出）` : ''}`,
      line: u.line,
      cell: keys[open[0]!]!,
    });
  }
  return streamed;
}
