/**
 * Using the identities to settle what the print leaves open: choose among glued-digit splits (only when exactly one
 * choice survives) and infer a missing cell that one equation pins down. Printed numbers are never changed.
 */
import type { Finding } from '../schema/record.ts';
import { residual, type Equation } from './identities.ts';
import type { CellStore } from './tables/grid.ts';

/** A row whose printed digits allow several splits. */
export interface Ambiguous {
  /** Cell keys of the row, in column order. */
  keys: readonly string[];
  candidates: Array<Array<number | null>>;
  line: number;
  raw: string;
}

const MAX_SOLUTIONS = 64;
/** Candidates tried in all before the search gives up. */
const MAX_STEPS = 200_000;

/** Backtracking over ambiguous rows; a choice survives when every equation it completes holds. */
export function chooseSplits(cells: CellStore, ambiguous: readonly Ambiguous[], equations: readonly Equation[], findings: Finding[]): void {
  if (!ambiguous.length) return;
  const trial = new Map<string, number | null>();
  for (const [k, c] of cells) trial.set(k, c.value);
  const get = (k: string): number | null | undefined => trial.get(k);
  const byKey = equationsByKey(equations);
  const order = [...ambiguous].sort((a, b) => a.candidates.length - b.candidates.length);
  const solutions: number[][] = []; // index of the chosen candidate per row of `order`
  const pick: number[] = [];
  let steps = 0;
  const walk = (d: number): void => {
    if (solutions.length >= MAX_SOLUTIONS || steps > MAX_STEPS) return;
    if (d === order.length) {
      solutions.push([...pick]);
      return;
    }
    const row = order[d]!;
    row.candidates.forEach((cand, ci) => {
      steps++;
      row.keys.forEach((k, x) => trial.set(k, cand[x] ?? null));
      const touched = new Set(row.keys.flatMap((k) => byKey.get(k) ?? []));
      let ok = true;
      for (const eq of touched) {
        const r = residual(eq, get);
        if (r !== null && r !== 0) {
          ok = false;
          break;
        }
      }
      if (ok) {
        pick.push(ci);
        walk(d + 1);
        pick.pop();
      }
      row.keys.forEach((k) => trial.delete(k));
    });
  };
  walk(0);
  // (a search cut short by its bounds has not seen every solution: a row that one choice alone filled among those
  // found may take another in the rest, so none is settled; `3333000003333` is 3333 | 0 … | 3333 and 3 | 3330 | … |
  // 3333 alike, and eight such rows give 256 readings)
  const complete = solutions.length < MAX_SOLUTIONS && steps <= MAX_STEPS;
  order.forEach((row, d) => {
    const chosen = new Set(solutions.map((s) => s[d]));
    if (complete && chosen.size === 1) {
      const cand = row.candidates[[...chosen][0]!]!;
      row.keys.forEach((k, x) => cells.set(k, { value: cand[x] ?? null, line: row.line, raw: row.raw }));
    } else {
      findings.push({
        code: 'GLUED_AMBIGUOUS',
        severity: 'warning',
        message: complete
          ? `数字串「${row.raw}」可拆分为 ${chosen.size || row.candidates.length} 种符合勾稽关系的方式，无法唯一确定，保留为空`
          : `数字串「${row.raw}」可拆分为 ${row.candidates.length} 种方式，与其他同样可多种拆分的行合起来读法太多（超过 ${MAX_SOLUTIONS} 种），勾稽关系无法唯一确定，保留为空`,
        line: row.line,
        cell: row.keys[0]!,
      });
    }
  });
}

const keyIndexes = new WeakMap<readonly Equation[], Map<string, Equation[]>>();

/** The equations each cell key is a term of, in order, once per (cached) list of equations (read it, never write it). */
function equationsByKey(equations: readonly Equation[]): ReadonlyMap<string, readonly Equation[]> {
  let byKey = keyIndexes.get(equations);
  if (!byKey) {
    byKey = new Map();
    for (const eq of equations) for (const k of [...eq.plus, ...eq.minus]) byKey.set(k, [...(byKey.get(k) ?? []), eq]);
    keyIndexes.set(equations, byKey);
  }
  return byKey;
}

const termLists = new WeakMap<readonly Equation[], string[][]>();

/** Every cell key of each equation (plus then minus), once per (cached) list of equations. */
function termsOf(equations: readonly Equation[]): string[][] {
  let terms = termLists.get(equations);
  if (!terms) termLists.set(equations, (terms = equations.map((eq) => [...eq.plus, ...eq.minus])));
  return terms;
}

/**
 * Whether the cells as read already break an equation: every term known and the sums apart, or one side known and
 * the other's known terms past it (cells count 0 or more: `已读出的各项之和 1 已超过总计 0`). Then some cell read is not
 * the printed one or the print is inconsistent, and a cell inferred from the others could carry the error on.
 */
export function contradicted(cells: CellStore, equations: readonly Equation[]): boolean {
  const side = (keys: readonly string[]): { sum: number; unknown: boolean } => {
    let sum = 0;
    let unknown = false;
    for (const k of keys) {
      const v = cells.get(k)?.value;
      if (v === null || v === undefined) unknown = true;
      else sum += v;
    }
    return { sum, unknown };
  };
  return equations.some((eq) => {
    const [plus, minus] = [side(eq.plus), side(eq.minus)];
    if (!plus.unknown && !minus.unknown) return Math.round((plus.sum - minus.sum) * 1e6) !== 0;
    return (!minus.unknown && plus.sum > minus.sum) || (!plus.unknown && minus.sum > plus.sum);
  });
}

/** Fills cells that exactly one equation determines (one unknown, the rest known), until nothing changes. */
export function inferCells(cells: CellStore, equations: readonly Equation[], lineOf: (cellKey: string) => number, fillable: (cellKey: string) => boolean): string[] {
  const filled: string[] = [];
  const known = (k: string): boolean => {
    const v = cells.get(k)?.value;
    return v !== null && v !== undefined;
  };
  const terms = termsOf(equations);
  let changed = true;
  while (changed) {
    changed = false;
    equations.forEach((eq, e) => {
      let target: string | null = null;
      for (const k of terms[e]!) {
        if (known(k)) continue;
        if (target !== null) return; // two unknowns: this equation decides nothing yet
        target = k;
      }
      if (target === null || !fillable(target)) return;
      let sum = 0;
      for (const k of eq.plus) if (k !== target) sum += cells.get(k)?.value ?? 0;
      for (const k of eq.minus) if (k !== target) sum -= cells.get(k)?.value ?? 0;
      const value = (eq.plus.includes(target) ? -sum : sum) + 0; // + 0: -0 (of 0 negated) is 0
      if (value < 0 || !Number.isInteger(value)) return;
      cells.set(target, { value, line: lineOf(target), inferred: true });
      filled.push(target);
      changed = true;
    });
  }
  return filled;
}
