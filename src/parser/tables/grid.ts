import { key } from '../identities.ts';
import { TEMPLATES } from '../template.ts';
import type { Token } from '../tokens.ts';

/** A cell while a table is read: its value and where it came from (becomes record.provenance). */
export interface Cell {
  value: number | null;
  /** 1-based source line. */
  line: number;
  /** Printed text when it differs from the value. */
  raw?: string;
  /** Filled from the identities, not printed. */
  inferred?: boolean;
  /** Printed as a blank cell of a table grid: kept null, never filled from the identities. */
  blank?: boolean;
  /** A printed number kept null because it cannot be held as a number (see Token.problem). */
  problem?: Token['problem'];
}

/** Every cell key of both templates, each with a fixed slot (built once). */
const KEYS: string[] = [];
const SLOTS = new Map<string, number>();
const addSlot = (k: string): void => {
  if (SLOTS.has(k)) return;
  SLOTS.set(k, KEYS.length);
  KEYS.push(k);
};
for (const t of Object.values(TEMPLATES)) {
  for (const g of t.proactive.groups) for (const r of g.rows) for (const c of g.columns) addSlot(key('proactive', r.id, c.id));
  for (const r of t.requests.rows) for (const c of t.requests.columns) addSlot(key('requests', r.id, c.id));
  for (const r of t.review.rows) for (const c of t.review.columns) addSlot(key('review', r.id, c.id));
}

/** The slot of a template cell key (for readers that look the same cells up in every report). */
export function slotOf(cellKey: string): number {
  const slot = SLOTS.get(cellKey);
  if (slot === undefined) throw new Error(`${cellKey} is not a template cell`);
  return slot;
}

/**
 * The cells read from one report, by `table/row/column` key: a Map's get/set/has/delete and iteration (in no
 * particular order), kept in an array with one slot per template cell. A new Map grows and rehashes as ~250 cells
 * go in, in every report; here a write is a store into its slot, and readers that know a cell's slot (slotOf) skip
 * the key lookup too. A key outside the templates (none is written today) goes to a Map.
 */
export class CellStore {
  private readonly slots: Array<Cell | undefined> = new Array<Cell | undefined>(KEYS.length).fill(undefined);
  private readonly others = new Map<string, Cell>();

  get(cellKey: string): Cell | undefined {
    const slot = SLOTS.get(cellKey);
    return slot === undefined ? this.others.get(cellKey) : this.slots[slot];
  }

  set(cellKey: string, cell: Cell): this {
    const slot = SLOTS.get(cellKey);
    if (slot === undefined) this.others.set(cellKey, cell);
    else this.slots[slot] = cell;
    return this;
  }

  has(cellKey: string): boolean {
    return this.get(cellKey) !== undefined;
  }

  delete(cellKey: string): boolean {
    const slot = SLOTS.get(cellKey);
    if (slot === undefined) return this.others.delete(cellKey);
    const had = this.slots[slot] !== undefined;
    this.slots[slot] = undefined;
    return had;
  }

  getAt(slot: number): Cell | undefined {
    return this.slots[slot];
  }

  setAt(slot: number, cell: Cell): void {
    this.slots[slot] = cell;
  }

  /** Each cell with its key, in the iterator's order, without a generator's pair a cell (numberChecks visits every cell). */
  forEach(visit: (cell: Cell, cellKey: string) => void): void {
    for (let slot = 0; slot < this.slots.length; slot++) {
      const cell = this.slots[slot];
      if (cell !== undefined) visit(cell, KEYS[slot]!);
    }
    this.others.forEach(visit);
  }

  *[Symbol.iterator](): IterableIterator<[string, Cell]> {
    for (let slot = 0; slot < this.slots.length; slot++) {
      const cell = this.slots[slot];
      if (cell !== undefined) yield [KEYS[slot]!, cell];
    }
    yield* this.others;
  }
}
