/**
 * PDF (with a text layer) → text lines laid out as printed, with unpdf (PDF.js): every text item keeps its page
 * position, items are gathered into lines by their baseline, ordered left to right, and the gaps between them
 * become what `pdftotext -layout` prints: nothing inside a word, one space between words, two or more spaces
 * between table cells (the parser's cell separator), each cell at the column of its position on the page. A PDF whose pages hold no text at all is a scan: it throws,
 * and the caller publishes it as unidentified with that reason. Node-only layer, like the rest of src/decode.
 */
import { getDocumentProxy } from 'unpdf';
import { displayColumns } from '../parser/normalize.ts';
import { pageNumberLines } from '../parser/page-numbers.ts';

/** What the decoder says when a PDF has no text layer. */
export const NO_TEXT_LAYER = 'no text layer (scan); add OCR text as .txt';

export class NoTextLayerError extends Error {
  constructor() {
    super(NO_TEXT_LAYER);
    this.name = 'NoTextLayerError';
  }
}

interface Item {
  x: number;
  y: number;
  width: number;
  size: number;
  text: string;
}

/** Items whose baselines differ by less than this share of the font size sit on one line. */
const SAME_LINE = 0.45;

/**
 * A line's items, left to right, joined by their gaps (see the module comment). After a gap of a table cell's
 * width the next item starts at the column of its x position (half an em a column, so a wide character takes
 * two), at least two spaces on: a table's columns stand at the same place on every line, as `pdftotext -layout`
 * prints them, and a reader can tell which column a number stands in when its row leaves cells blank.
 */
function lineText(items: Item[], left: number): string {
  items.sort((a, b) => a.x - b.x);
  let out = '';
  let col = 0;
  let end = -Infinity;
  for (const it of items) {
    const size = it.size || 10;
    const at = Math.round((it.x - left) / (size * 0.5)); // the item's column from the page's left text edge
    let pad = '';
    if (out) {
      const gap = it.x - end;
      if (gap > size * 1.2) pad = ' '.repeat(Math.max(2, at - col));
      else if (gap > size * 0.2) pad = ' ';
    } else if (it.x - left > size * 2) pad = ' '.repeat(at); // a line starting two ems in or more: a cell, indented
    out += pad;
    col += pad.length;
    out += it.text;
    col += displayColumns(it.text);
    end = Math.max(end, it.x + it.width);
  }
  return out.replace(/\s+$/, '');
}

/** The lines of one page, top to bottom. */
function pageLines(items: Item[]): string[] {
  items.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Item[][] = [];
  for (const it of items) {
    const last = lines[lines.length - 1];
    const ref = last?.[0];
    if (last && ref && Math.abs(ref.y - it.y) < Math.max(ref.size, it.size, 1) * SAME_LINE) last.push(it);
    else lines.push([it]);
  }
  let left = Infinity;
  for (const it of items) left = Math.min(left, it.x);
  return lines.map((l) => lineText(l, left));
}

/** The text of a PDF, page by page (a blank line between pages); throws NoTextLayerError for a scan. */
export async function pdfToText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const pages: string[][] = [];
  let chars = 0;
  try {
    for (let p = 1; p <= pdf.numPages; p++) {
      const page = await pdf.getPage(p);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const raw of content.items) {
        if (!('str' in raw) || !raw.str) continue;
        const [a = 0, b = 0, , , e = 0, f = 0] = raw.transform as number[];
        const text = raw.str.replace(/\s+/g, (s: string) => (s.length > 1 ? '  ' : ' '));
        if (!text.trim()) continue;
        chars += text.replace(/\s/g, '').length;
        items.push({ x: e, y: f, width: raw.width, size: Math.hypot(a, b) || raw.height || 10, text });
      }
      pages.push(pageLines(items));
      page.cleanup();
    }
  } finally {
    await pdf.loadingTask.destroy();
  }
  if (chars === 0) throw new NoTextLayerError();
  // each page without its footer's (or header's) page number, which a table running over the page would read as a cell
  const furniture = pageNumberLines(pages);
  return pages.map((lines, p) => lines.filter((_, i) => !furniture[p]!.has(i)).join('\n')).join('\n\n');
}
