/**
 * A problem that stops the build (a malformed corrections.yaml entry, two reports for one agency and year, a bad
 * agencies.yaml): data until the edge formats it — `file:line: message` — for the console.
 */
export interface Problem {
  /** What kind: `CORRECTIONS` (content/corrections.yaml), `AGENCIES` (content/agencies.yaml), `DUPLICATE_REPORT`. */
  readonly code: 'CORRECTIONS' | 'AGENCIES' | 'DUPLICATE_REPORT' | 'SCHEMA';
  /** The file to fix, as shown to maintainers (content/…). */
  readonly file: string;
  /** 1-based line in that file, when there is one. */
  readonly line: number | null;
  readonly message: string;
}

/** `file:line: message` (or `file: message`). */
export function formatProblem(p: Problem): string {
  return p.line === null ? `${p.file}: ${p.message}` : `${p.file}:${p.line}: ${p.message}`;
}

/** Problems in file order, then by line (whole-file problems first). */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}
