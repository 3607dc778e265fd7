/**
 * Text for a terminal. Report text and file names are untrusted: an ESC sequence in a title would recolour or
 * retitle the maintainer's terminal, a newline in a file name would forge a build-report line, and bidi overrides
 * would reorder what is shown. Every control character (C0 including newline and tab, DEL, C1), bidi control and
 * line/paragraph separator becomes a visible escape (`\x1b`, `\n`, `\u202e`); everything else is kept as is.
 */

/** C0, DEL, C1; ALM, LRM/RLM, LRE…RLO, LRI…PDI; line and paragraph separators; BOM / zero-width no-break space. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeChar(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One line safe to print: no character of it can act on the terminal or start a new line. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}
