/** The working form of a table while it is read: cells with provenance, keyed by canonical row and column ids. */
import type { Finding } from '../../schema/record.ts';

export interface Cell {
  value: number | null;
  /** 1-based source line. */
  line: number;
  /** Printed text when it differs from the value. */
  raw?: string;
  /** Filled from the identities, not printed. */
  inferred?: boolean;
}

export type Grid = Record<string, Record<string, Cell | undefined>>;

export interface TableRead {
  grid: Grid;
  findings: Finding[];
}

export function setCell(grid: Grid, row: string, column: string, cell: Cell): void {
  (grid[row] ??= {})[column] = cell;
}

export function valueOf(grid: Grid, row: string, column: string): number | null {
  return grid[row]?.[column]?.value ?? null;
}
