/**
 * Words of another font that a PDF extractor prints on a line of their own, below the line they belong to.
 * pdfplumber's `extract_text()` groups characters into lines by their height on the page, and a PDF whose digits,
 * Latin words and quotation marks sit a little lower than its ideographs gets them a line down, each leaving a hole
 * where it stood:
 *
 *     公开我区各级单位政府信息 条，主要通过政府网站、政务新媒体、办
 *     2645
 *
 * With `layout=True` the hole is a run of spaces and the word stands under it. Where a line of prose has as many
 * holes as the next line has words, and that line holds nothing else, each word goes back into its hole (in order;
 * with layout, into the hole over it) and the words' line is left empty, so every line keeps its number. Only the
 * prose before 表二 is read so (the facts the report states; a table's lines are the table readers'): a hole is a
 * space between two characters that are not ASCII (a space beside a digit or a Latin letter is a word's own).
 * Pure: string in, string out.
 */
import { isHan } from './normalize.ts';

/** A word of the other font: ASCII letters, digits and signs, and quotation marks. */
const WORD = /^[\x21-\x7e“”‘’]+$/;
/** A digit or a Latin letter: a line of such words holds one (quotation marks alone are left, see words). */
const ALNUM = /[0-9A-Za-z]/;
/** 表二's header, where the prose this reads ends. */
const TABLE_START = '第二十条';

const isAscii = (c: number): boolean => c < 0x80;

/** The holes of a line: runs of spaces between two characters neither of which is ASCII, as [start, end). */
function holes(line: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 1; i < line.length; i++) {
    if (line.charCodeAt(i) !== 0x20) continue;
    let j = i;
    while (j < line.length && line.charCodeAt(j) === 0x20) j++;
    if (j < line.length && !isAscii(line.charCodeAt(i - 1)) && !isAscii(line.charCodeAt(j))) out.push([i, j]);
    i = j;
  }
  return out;
}

/**
 * The words of a line that holds nothing but such words, a digit or a Latin letter among them, with their start
 * indexes; null otherwise. (A line of quotation marks alone is left as printed: a mark fits any hole, and a quote
 * put in the wrong one would change the report's words.)
 */
function words(line: string): Array<{ text: string; at: number }> | null {
  if (!ALNUM.test(line)) return null;
  const out: Array<{ text: string; at: number }> = [];
  for (const m of line.matchAll(/\S+/g)) {
    if (!WORD.test(m[0])) return null;
    out.push({ text: m[0], at: m.index });
  }
  return out.length ? out : null;
}

/** Whether a line holds at least `n` ideographs (of the CJK Unified block: a line of prose). */
function hasIdeographs(line: string, n: number): boolean {
  let found = 0;
  for (let i = 0; i < line.length && found < n; i++) {
    if (isHan(line.charCodeAt(i))) found++;
  }
  return found >= n;
}

/**
 * The line with each word put into its hole, or null when they do not fit: as many holes as words, in order; in
 * layout text (holes of several spaces), each word under its own hole.
 */
function filled(line: string, ws: ReadonlyArray<{ text: string; at: number }>): string | null {
  const hs = holes(line);
  if (!hs.length) return null;
  const layout = hs.some(([a, b]) => b - a > 1);
  let chosen: Array<[number, number]>;
  if (!layout) {
    // (a line of prose that ends with a space runs on into the next: pypdf's `…不 予公开答复 ` over `2`, the count of
    // the sentence the next line ends, beside a space a PDF's spacing set between two ideographs)
    if (hs.length !== ws.length || line.charCodeAt(line.length - 1) === 0x20) return null;
    chosen = hs;
  } else {
    // (pdfplumber lays each character out in a column of its own, an ideograph as one: a word starts inside its
    // hole, or where the hole ends, as the layout rounds its place)
    chosen = [];
    for (const w of ws) {
      const h = hs.find(([a, b]) => a <= w.at && w.at <= b);
      if (!h || chosen.includes(h)) return null;
      chosen.push(h);
    }
  }
  let out = '';
  let last = 0;
  chosen.forEach(([a, b], k) => {
    out += line.slice(last, a) + ws[k]!.text;
    last = b;
  });
  return out + line.slice(last);
}

export function restoreDisplacedWords(text: string): string {
  const end = text.indexOf(TABLE_START);
  if (end < 0) return text;
  const lines = text.slice(0, end).split('\n');
  let changed = false;
  // (the last line runs into 表二's header: it is not read)
  for (let i = 1; i < lines.length - 1; i++) {
    const ws = words(lines[i]!);
    const above = lines[i - 1]!;
    if (!ws || !hasIdeographs(above, 4)) continue;
    const line = filled(above, ws);
    if (line === null) continue;
    lines[i - 1] = line;
    lines[i] = '';
    changed = true;
    i++; // (an emptied line is no line of prose above another)
  }
  return changed ? lines.join('\n') + text.slice(end) : text;
}
