/**
 * 表二 cells printed above their table with a note: a PDF-to-markdown converter takes a cell whose note wraps it over
 * two lines (`22` / `（其中修订 16 件）`, `55` / `（含自然失效 29 件）`) out of its row and prints it alone before the
 * table, leaving the row two numbers for three columns (`| 规章 | 22 | 235 |`). The note names the cell's column:
 * 修订 is of what was issued (本年制发), 失效 or 废止 of what was repealed (本年废止). Pure: no fs, no clock.
 */
import type { Token } from '../tokens.ts';

/** A number printed alone on its line with a note on the next one, and the column the note names (null: none or several). */
export interface NotedValue {
  value: Token;
  note: string;
  column: 'issued' | 'repealed' | null;
}

const NOTE = /^[（(](?:其中|含|包括)[^（()）]*\d+\s*件[）)]?$/;

/** The column a note names: 修订/制发/出台 → 本年制发, 失效/废止 → 本年废止; a note naming both, or neither, names none. */
function noteColumn(note: string): NotedValue['column'] {
  const issued = /修订|制发|出台|新增/.test(note);
  const repealed = /失效|废止/.test(note);
  return issued === repealed ? null : issued ? 'issued' : 'repealed';
}

/** Every number alone on its line whose next line is a note on it (see the module comment), in order. */
export function notedValues(tokens: readonly Token[]): NotedValue[] {
  const byLine = new Map<number, Token[]>();
  for (const t of tokens) {
    const line = byLine.get(t.line);
    if (line) line.push(t);
    else byLine.set(t.line, [t]);
  }
  const out: NotedValue[] = [];
  for (const [line, ts] of byLine) {
    if (ts.length !== 1 || ts[0]!.kind !== 'num' || ts[0]!.unit !== undefined) continue;
    const note = (byLine.get(line + 1) ?? []).map((t) => t.text).join('').replace(/\s+/g, '');
    // (a converter may drop the closing bracket)
    if (NOTE.test(note)) out.push({ value: ts[0]!, note: /[）)]$/.test(note) ? note : `${note}）`, column: noteColumn(note) });
  }
  return out;
}
