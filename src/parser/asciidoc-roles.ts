/**
 * AsciiDoc's inline role spans (`[.16]#第二十条第（一）项#`, pandoc's asciidoc of a page whose runs carry a class):
 * the span's text kept, its role and marks dropped, so no digit of a role name (`.16`) reads as a cell. Line
 * structure is kept. Pure.
 */

/** A role span, innermost first: `[.role]#text#`, `[.a.b]#text#`. */
const ROLE_SPAN = /\[\.[\w.-]+\]#([^#\n]*)#/g;

export function dropAsciidocRoles(text: string): string {
  if (!text.includes(']#')) return text;
  let out = text;
  for (let i = 0; i < 4; i++) {
    const next = out.replace(ROLE_SPAN, '$1');
    if (next === out) break;
    out = next;
  }
  return out;
}
