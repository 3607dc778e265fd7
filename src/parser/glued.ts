/**
 * Glued digit runs: crawled text often prints a row's cells as one run (`21710000218` = 217|1|0|0|0|0|218).
 * These helpers list the possible splits; the table readers keep a split only when the identities make it unique.
 */

/** A printed piece of a row: a digit run that may hold several cells, or an atomic value. */
export type Piece = { run: string } | { value: number | null };

const MAX_SPLITS = 20000;

/** Ways to cut one digit run into k numbers, none with a leading zero (except "0" itself). */
function cutRun(run: string, k: number): number[][] {
  const out: number[][] = [];
  const walk = (pos: number, left: number, acc: number[]): void => {
    if (out.length >= MAX_SPLITS) return;
    const rest = run.length - pos;
    if (left === 1) {
      const part = run.slice(pos);
      if (part.length === 1 || part[0] !== '0') out.push([...acc, Number(part)]);
      return;
    }
    const maxLen = rest - (left - 1);
    for (let len = 1; len <= maxLen; len++) {
      const part = run.slice(pos, pos + len);
      if (len > 1 && part[0] === '0') break;
      acc.push(Number(part));
      walk(pos + len, left - 1, acc);
      acc.pop();
    }
  };
  if (k >= 1 && k <= run.length) walk(0, k, []);
  return out;
}

/** All ways to turn the pieces into exactly `n` cells (each run split into ≥1 cells, atomic pieces kept). */
export function splitPieces(pieces: readonly Piece[], n: number): Array<Array<number | null>> {
  const out: Array<Array<number | null>> = [];
  const atomic = pieces.filter((p) => !('run' in p)).length;
  const runs = pieces.filter((p): p is { run: string } => 'run' in p);
  const free = n - atomic;
  if (free < runs.length) return out;
  if (runs.reduce((sum, p) => sum + p.run.length, 0) === free) return [eachDigit(pieces)];
  const runsFrom: number[] = new Array<number>(pieces.length + 1).fill(0);
  for (let i = pieces.length - 1; i >= 0; i--) runsFrom[i] = runsFrom[i + 1]! + ('run' in pieces[i]! ? 1 : 0);
  const walk = (i: number, left: number, acc: Array<number | null>): void => {
    if (out.length >= MAX_SPLITS) return;
    if (i === pieces.length) {
      if (left === 0) out.push([...acc]);
      return;
    }
    const p = pieces[i]!;
    if (!('run' in p)) {
      acc.push(p.value);
      walk(i + 1, left, acc);
      acc.pop();
      return;
    }
    const runsAfter = runsFrom[i + 1]!;
    // every later run needs at least one cell; with no run after this one, it takes exactly what is left
    const minK = runsAfter === 0 ? left : 1;
    const maxK = Math.min(p.run.length, left - runsAfter);
    for (let k = minK; k <= maxK; k++) {
      for (const cut of cutRun(p.run, k)) {
        acc.push(...cut);
        walk(i + 1, left - k, acc);
        acc.length -= cut.length;
      }
    }
  };
  walk(0, free, []);
  return out;
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
