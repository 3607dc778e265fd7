/**
 * Text whose characters were decoded wrong: a PDF whose fonts' glyphs a text tool mapped to other characters
 * (Ghostscript's txtwrite of a browser's print: `⼀1本新收…` for 一、本年新收, `ÿ⼀Ā予以公开` for （一）予以公开, a dash
 * printed as `4`). Latin letters with accents stand inside Chinese words, and digits may stand for punctuation, so no
 * number of such a text can be trusted. Pure: string in, finding data out.
 */

import { lineAt, lineStarts } from './normalize.ts';

/** Accented Latin letters (U+00C0–U+024F, not × or ÷): none belongs inside a Chinese word. */
const ACCENTED = /[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]/g;
/** CJK characters, radicals, punctuation and full-width forms. */
const isCjk = (c: number): boolean => (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef);

/**
 * How many accented letters a text may have beside Chinese characters before it is garbled: a text tool's stray
 * mojibake (catdoc's) shows one or two; a wrong font mapping shows dozens to hundreds (77 to 390 in two-page reports).
 */
export const GARBLED_LETTERS = 10;

/** Where a text is garbled: the count of accented letters beside Chinese characters, the first one's line (1-based). */
export function garbledText(text: string): { letters: number; line: number; sample: string } | null {
  let letters = 0;
  let first = -1;
  // (most texts have no accented letter: one scan)
  for (const m of text.matchAll(ACCENTED)) {
    const i = m.index;
    if ((i > 0 && isCjk(text.charCodeAt(i - 1))) || (i + 1 < text.length && isCjk(text.charCodeAt(i + 1)))) {
      letters++;
      if (first < 0) first = i;
    }
  }
  if (letters < GARBLED_LETTERS) return null;
  const start = text.lastIndexOf('\n', first) + 1;
  const end = text.indexOf('\n', first);
  // (the sample as a reader would see it: a garbled text's control characters left out)
  const sample = text
    .slice(Math.max(start, first - 12), Math.min(end < 0 ? text.length : end, first + 12))
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .trim();
  return { letters, line: lineAt(lineStarts(text), first), sample };
}
