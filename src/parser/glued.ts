/**
 * Glued digit runs: crawled text often prints a row's cells as one run (`21710000218` = 217|1|0|0|0|0|218).
 * These helpers list the possible splits; the table readers keep a split only when the identities make it unique.
 */

/** A printed piece of a row: a digit run that may hold several cells, or an atomic value. */
export type Piece = { run: string } | { value: number | null };

/** At most this many splits are listed, and at most this many cuts of one run into a given number of cells. */
const MAX_SPLITS = 20000;

/**
 * Whether every split of one run of `digits` digits into `n` cells is enumerated (the enumeration stops at
 * MAX_SPLITS, and a split that is unique among those listed must be unique among all): C(digits − 1, n − 1).
 */
export function splitsEnumerable(digits: number, n: number): boolean {
  if (digits < n) return true;
  let count = 1;
  for (let k = 1; k <= n - 1; k++) {
    count = (count * (digits - n + k)) / k;
    if (count > MAX_SPLITS) return false;
  }
  return true;
}

/** All ways to turn the pieces into exactly `n` cells (each run split into ≥1 cells, atomic pieces kept). */
export function splitPieces(pieces: readonly Piece[], n: number): Array<Array<number | null>> {
  const out: Array<Array<number | null>> = [];
  forEachSplit(pieces, n, (cells) => {
    out.push([...cells]);
  });
  return out;
}

/**
 * Calls `visit` with each split splitPieces lists, in the same order (a scratch array, valid during the call
 * only: copy what you keep). Lets a reader that keeps few splits, e.g. those whose row sum holds, skip building
 * the rest. Splits are in order of the cells given to each run (fewest first), then of the cut (shortest first
 * number first), run by run.
 */
export function forEachSplit(pieces: readonly Piece[], n: number, visit: (cells: ReadonlyArray<number | null>) => void): void {
  let atomic = 0;
  let runs = 0;
  let digits = 0;
  for (const p of pieces) {
    if ('run' in p) {
      runs++;
      digits += p.run.length;
    } else atomic++;
  }
  const free = n - atomic;
  if (free < runs) return;
  if (digits === free) {
    visit(eachDigit(pieces)); // the usual glued row: one digit per cell, the only split
    return;
  }
  const runsFrom: number[] = new Array<number>(pieces.length + 1).fill(0);
  for (let i = pieces.length - 1; i >= 0; i--) runsFrom[i] = runsFrom[i + 1]! + ('run' in pieces[i]! ? 1 : 0);
  const acc: Array<number | null> = [];
  let visited = 0;
  const walk = (i: number, left: number): void => {
    if (visited >= MAX_SPLITS) return;
    if (i === pieces.length) {
      if (left === 0) {
        visited++;
        visit(acc);
      }
      return;
    }
    const p = pieces[i]!;
    if (!('run' in p)) {
      acc.push(p.value);
      walk(i + 1, left);
      acc.pop();
      return;
    }
    const run = p.run;
    const runsAfter = runsFrom[i + 1]!;
    // every later run needs at least one cell; with no run after this one, it takes exactly what is left
    const minK = runsAfter === 0 ? left : 1;
    const maxK = Math.min(run.length, left - runsAfter);
    for (let k = minK; k <= maxK; k++) {
      if (k < 1) continue;
      let cuts = 0;
      // Cuts of the run into `parts` more numbers from `pos`, none with a leading zero (except "0" itself); after
      // each whole cut, the pieces after the run.
      const cut = (pos: number, parts: number): void => {
        if (cuts >= MAX_SPLITS) return;
        if (parts === 1) {
          const part = run.slice(pos);
          if (part.length === 1 || part[0] !== '0') {
            cuts++;
            acc.push(Number(part));
            walk(i + 1, left - k);
            acc.pop();
          }
          return;
        }
        const maxLen = run.length - pos - (parts - 1);
        for (let len = 1; len <= maxLen; len++) {
          const part = run.slice(pos, pos + len);
          if (len > 1 && part[0] === '0') break;
          acc.push(Number(part));
          cut(pos + len, parts - 1);
          acc.pop();
        }
      };
      cut(0, k);
    }
  };
  walk(0, free);
}

/**
 * The one split when the runs have exactly as many digits as there are cells left for them (the usual glued row,
 * one digit per cell): every run is cut into single digits, which the enumeration would also find, alone.
 */
function eachDigit(pieces: readonly Piece[]): Array<number | null> {
  const out: Array<number | null> = [];
  for (const p of pieces) {
    if (!('run' in p)) out.push(p.value);
    else for (const digit of p.run) out.push(Number(digit));
  }
  return out;
}
