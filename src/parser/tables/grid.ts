/** A cell while a table is read: its value and where it came from (becomes record.provenance). */
export interface Cell {
  value: number | null;
  /** 1-based source line. */
  line: number;
  /** Printed text when it differs from the value. */
  raw?: string;
  /** Filled from the identities, not printed. */
  inferred?: boolean;
}
