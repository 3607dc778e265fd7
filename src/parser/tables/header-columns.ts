/**
 * Where 表三's header prints the names of its seven applicant columns (自然人, the five 法人或其他组织 columns,
 * 总计), on lines of layout text: the span each name takes, in characters and in display columns of its line. A
 * layout that keeps true positions (our PDF reader places each word at the column of its x) prints a number under
 * its column's name, so a row with blank cells can place the numbers between its 自然人 and 总计 by these spans.
 * A name wrapped over lines counts by its first part (`商业` of 商业企业, `其` of 其他). Pure: no fs, no clock.
 */

import { isWide, printsDigit } from '../normalize.ts';

/** The applicant columns' names, in printed order. */
export const NAMES = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'] as const;

/** A span of a line: [start, end) in characters and [start, end) in display columns (East Asian wide = 2). */
export interface Span {
  chars: [number, number];
  columns: [number, number];
}

/** How many header lines are read at most before the first row of numbers. */
const MAX_HEADER_LINES = 24;

/** Whether a text is ASCII and unified ideographs only, which NFKC leaves as they are (most header words). */
function asciiOrIdeographs(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 && (c < 0x4e00 || c > 0x9fff)) return false;
  }
  return true;
}

/** The words (runs without white space) of a line, each with its span. */
export function words(text: string): Array<{ word: string; span: Span }> {
  const out: Array<{ word: string; span: Span }> = [];
  let col = 0;
  let start = -1;
  let startCol = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x20;
    const space = c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0;
    if (!space && start < 0) {
      start = i;
      startCol = col;
    } else if (space && start >= 0) {
      const word = text.slice(start, i);
      out.push({ word: asciiOrIdeographs(word) ? word : word.normalize('NFKC'), span: { chars: [start, i], columns: [startCol, col] } });
      start = -1;
    }
    if (i < text.length) col += isWide(c) ? 2 : 1;
  }
  return out;
}

/**
 * Whether the names stand left to right in one measure: characters or display columns. A name wrapped onto a line
 * with wide text before it (`…第四项之 自然` over `和）  人 商业 科研`) stands in order by characters only.
 */
export function inOrder(spans: readonly Span[], measure: keyof Span): boolean {
  return spans.every((s, k) => k === 0 || s[measure][0] >= spans[k - 1]![measure][1]);
}

/**
 * The seven columns' spans, in order (in characters or in display columns, see inOrder), from the header lines of [from, to) (up to the first line with a number);
 * null unless every name is found, each right of the one before in one of the two measures.
 */
export function headerColumns(lines: readonly string[], from: number, to: number): Span[] | null {
  const found: Array<Span | null> = NAMES.map(() => null);
  for (let i = from; i < Math.min(to, from + MAX_HEADER_LINES); i++) {
    const text = lines[i] ?? '';
    if (printsDigit(text)) break;
    for (const { word, span } of words(text)) {
      const x = NAMES.findIndex((name, k) => found[k] === null && (word === name || (name.startsWith(word) && (word.length >= 2 || name.length === 2))));
      if (x >= 0) found[x] = span;
    }
  }
  if (found.some((s) => s === null)) return null;
  const spans = found as Span[];
  return inOrder(spans, 'chars') || inOrder(spans, 'columns') ? spans : null;
}
