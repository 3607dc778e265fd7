/**
 * A one-line crawl that kept each empty table cell's &nbsp; as a space: its rows print as digit runs with spaces
 * where the blank cells were (`25812  11 ` is 258|12|·|·|1|1|·). The spaces place the runs; each run is still cut
 * into cells as glued.ts cuts it. These helpers turn a row's tokens into such pieces and list every reading of a
 * row of a given width. Pure: no fs, no clock.
 */
import { forEachSplit, type Piece } from './glued.ts';
import type { Token } from './tokens.ts';

/** A printed piece, or a blank cell a crawl printed as one space. */
export type MarkedPiece = Piece | { blank: true };

export const isBlankMark = (p: MarkedPiece): p is { blank: true } => 'blank' in p;

/** A blank cell in a reading's cells. */
export const BLANK = -1;

/** A marked row as the notes show it, each blank cell a ␣ (`25812␣␣11␣`). */
export const shownMarks = (marked: readonly MarkedPiece[]): string => marked.map((p) => (isBlankMark(p) ? '␣' : 'run' in p ? p.run : String(p.value))).join('');

/** What the notes say of a crawl's spaces: one a blank cell, or (collapsed) one for blank cells side by side. */
export const spacesNote = (collapsed: boolean): string => (collapsed ? '空白单元格留下空格、相邻的几格只留一个' : '每个空白单元格留下一个空格');

/**
 * A row's values as a one-line crawl printed them, with a blank cell for each space before, between and after them
 * (`25812  11 ` → 25812, blank, blank, 11, blank); null when the row prints no such space or a value that is no bare
 * digit run. `groupsOf` gives the digit groups a run was rejoined from, whose spaces these are.
 */
export function markedPieces(values: readonly Token[], groupsOf: (t: Token) => readonly Token[] | undefined): MarkedPiece[] | null {
  const groups = values.flatMap((t) => groupsOf(t) ?? [t]);
  if (!groups.length || groups.some((t) => t.kind !== 'num' || t.unit || !/^\d+$/.test(t.text))) return null;
  const out: MarkedPiece[] = [];
  let spaces = 0;
  for (const [i, t] of groups.entries()) {
    // (the spaces between two runs are the one's after and the other's before: whichever the tokenizer could count)
    const before = t.spacesBefore ?? (i > 0 ? groups[i - 1]!.spacesAfter : undefined) ?? 0;
    for (let k = 0; k < before; k++) out.push({ blank: true });
    spaces += before;
    out.push(t.text.length > 1 ? { run: t.text } : { value: Number(t.text) });
  }
  const after = groups[groups.length - 1]!.spacesAfter ?? 0;
  for (let k = 0; k < after; k++) out.push({ blank: true });
  spaces += after;
  return spaces ? out : null;
}

/**
 * Calls `visit` with every reading of a marked row as `width` cells (BLANK for a blank): each run cut into one cell
 * or more where the spaces leave room, each space one blank cell, or, `collapsed` (a crawl that collapsed its white
 * space), each run of spaces one blank cell or more. Returns false when it stopped at `budget` steps (the readings
 * listed are then not all).
 */
export function forEachMarkedReading(marked: readonly MarkedPiece[], width: number, collapsed: boolean, visit: (cells: readonly number[]) => void, budget = 100_000): boolean {
  const cells: number[] = [];
  // (a run of spaces counts once when collapsed)
  const counted = marked.map((p, i) => !isBlankMark(p) || !collapsed || i === 0 || !isBlankMark(marked[i - 1]!));
  /** The cells the pieces from i on need at least. */
  const need = new Array<number>(marked.length + 1).fill(0);
  for (let i = marked.length - 1; i >= 0; i--) need[i] = need[i + 1]! + (counted[i] ? 1 : 0);
  const walk = (i: number): boolean => {
    if (--budget < 0) return false;
    if (i === marked.length) {
      if (cells.length === width) visit(cells);
      return true;
    }
    const p = marked[i]!;
    if (!counted[i]) return walk(i + 1);
    const room = width - cells.length - need[i + 1]!;
    if (isBlankMark(p)) {
      for (let k = 1; k <= (collapsed ? room : Math.min(1, room)); k++) {
        for (let j = 0; j < k; j++) cells.push(BLANK);
        const ok = walk(i + 1);
        cells.length -= k;
        if (!ok) return false;
      }
      return true;
    }
    for (let k = 1; k <= ('run' in p ? Math.min(p.run.length, room) : Math.min(1, room)); k++) {
      let ok = true;
      forEachSplit([p], k, (values) => {
        if (!ok) return;
        for (const v of values) cells.push(v === null ? BLANK : v);
        ok = walk(i + 1);
        cells.length -= values.length;
      });
      if (!ok) return false;
    }
    return true;
  };
  return walk(0);
}
