/**
 * HTML → plain text lines in reading order, with parse5 (a real HTML parser). Block elements end lines; every
 * table row becomes one line whose cells are joined by a TAB, trimmed, their inner whitespace collapsed. The row
 * keeps the table's grid: a blank cell stays an empty cell between two tabs (an empty cell spanning k columns
 * gives k empty cells), and a position covered by a cell spanning rows from above gives an empty cell too, except
 * at the start of the row (where it only shifts the row label). A cell with text is printed once, whatever its
 * colspan. Script, style and other non-content elements are dropped; everything else is kept.
 *
 * Every walk is iterative (an explicit stack), so no nesting depth, however absurd, can overflow the call stack.
 */
import { unescape } from 'html-escaper';
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import { displayColumns } from '../parser/normalize.ts';

/** Elements whose content is never text a reader sees. */
const DROPPED = new Set(['script', 'style', 'noscript', 'head', 'nav', 'template', 'iframe', 'svg', 'math', 'object']);

/** Elements that start and end a line. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody',
  'td', 'tfoot', 'th', 'thead', 'title', 'tr', 'ul',
]);

/** A segment break inside text; collapsed by `collapse`. */
const BREAK = '\n';

/** A CJK ideograph, kana or full-width form: a line break between two of them renders as nothing. */
const WIDE = /[\u2e80-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/u;

/** Largest colspan/rowspan honoured (browsers cap colspan at 1000 and rowspan at 65534; reports need a few). */
const MAX_SPAN = 64;

/**
 * Collapses whitespace the way a browser renders it: non-breaking spaces become spaces; a run containing a line
 * break (a source newline, a `<br>`, a block edge inside a cell) between two wide (CJK) characters disappears, so
 * a label wrapped over several `<p>` in one cell reads `社会公益组织`; any other run becomes one space. Trims.
 */
export function collapse(raw: string): string {
  return raw
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[ \t\n\r\f]+/g, (run: string, at: number, all: string) => {
      if (!/[\n\r]/.test(run)) return ' ';
      const before = all.charAt(at - 1);
      const after = all.charAt(at + run.length);
      return WIDE.test(before) && WIDE.test(after) ? '' : ' ';
    })
    .trim();
}

function isElement(node: T.ChildNode | T.Document): node is T.Element {
  return 'tagName' in node;
}

function childrenOf(node: T.ChildNode | T.Document): T.ChildNode[] {
  return 'childNodes' in node ? node.childNodes : [];
}

/** Text of a subtree, block boundaries and `<br>` as segment breaks, dropped elements skipped (iterative). */
function rawText(root: T.ChildNode): string {
  let out = '';
  // a string on the stack is text to append when it is popped (a block's closing break)
  const stack: Array<T.ChildNode | string> = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (typeof node === 'string') {
      out += node;
      continue;
    }
    if (node.nodeName === '#text') {
      out += (node as T.TextNode).value;
      continue;
    }
    if (!isElement(node) || DROPPED.has(node.tagName)) continue;
    if (node.tagName === 'br') {
      out += BREAK;
      continue;
    }
    const block = BLOCK.has(node.tagName);
    if (block) {
      out += BREAK;
      stack.push(BREAK);
    }
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out;
}

/** True when a row is used for layout: one of its cells holds a table of its own (iterative). */
function holdsTable(row: T.Element): boolean {
  const stack: T.ChildNode[] = [...row.childNodes];
  while (stack.length) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    if (node.tagName === 'table') return true;
    for (const child of node.childNodes) stack.push(child);
  }
  return false;
}

/** The rows of a table in order: its own `tr`s, directly or inside thead/tbody/tfoot (not those of nested tables). */
function rowsOf(table: T.Element): T.Element[] {
  const rows: T.Element[] = [];
  for (const child of table.childNodes) {
    if (!isElement(child)) continue;
    if (child.tagName === 'tr') rows.push(child);
    else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') {
      for (const tr of child.childNodes) if (isElement(tr) && tr.tagName === 'tr') rows.push(tr);
    }
  }
  return rows;
}

function span(cell: T.Element, name: 'colspan' | 'rowspan'): number {
  const value = Number.parseInt(cell.attrs.find((a) => a.name === name)?.value ?? '1', 10);
  return Number.isFinite(value) && value >= 1 ? Math.min(value, MAX_SPAN) : 1;
}

/**
 * A zero in a cell spanning rows (`（六）其他处理`'s three rows under one merged `0` a column): each row it spans is 0,
 * whether the agency printed one number for each row or one for the rows together (counts are never negative), so
 * the zero is printed in every row it spans. Any other number spanning rows stays in its first row only.
 */
const ZERO = /^0+(?:\.0+)?$/;

/**
 * The cells of each row of a data table as the grid places them (see the module comment): text cells once, an
 * empty cell once per column it spans, an empty cell where a cell from a row above covers the position (unless
 * nothing of the row's own precedes it). An empty cell spanning just the columns a cell with text spans in another
 * row (the header's `商业企业` and each row's number under it, `colspan="2"`: a Word table's split left over) is one
 * empty cell, as that cell with text is one: counted per column it would shift the row's numbers.
 */
function tableRows(rows: readonly T.Element[]): string[][] {
  type Placed = { col: number; cs: number; text: string } | { covered: true };
  /** Columns still covered by a cell from a row above: column → rows left. */
  let covered = new Map<number, number>();
  /** Of those, a zero's: column → its text, printed again in each row it spans (see ZERO). */
  let zeros = new Map<number, string>();
  const placed: Placed[][] = [];
  /** The spans (`column:colspan`) of cells with text spanning several columns. */
  const spans = new Set<string>();
  for (const tr of rows) {
    const next = new Map<number, number>();
    const nextZeros = new Map<number, string>();
    const row: Placed[] = [];
    let col = 0;
    let own = false;
    const skipCovered = (): void => {
      while ((covered.get(col) ?? 0) > 0) {
        const left = covered.get(col)! - 1;
        const zero = zeros.get(col);
        if (left > 0) next.set(col, left);
        if (left > 0 && zero !== undefined) nextZeros.set(col, zero);
        if (own) row.push(zero === undefined ? { covered: true } : { col, cs: 1, text: zero });
        col++;
      }
    };
    for (const td of tr.childNodes) {
      if (!isElement(td) || (td.tagName !== 'td' && td.tagName !== 'th')) continue;
      skipCovered();
      const cs = span(td, 'colspan');
      const rs = span(td, 'rowspan');
      const text = collapse(rawText(td));
      row.push({ col, cs, text });
      if (text !== '' && cs > 1) spans.add(`${col}:${cs}`);
      own = true;
      if (rs > 1) for (let k = 0; k < cs; k++) next.set(col + k, rs - 1);
      if (rs > 1 && cs === 1 && ZERO.test(text)) nextZeros.set(col, text);
      col += cs;
    }
    // positions at the row's end still covered from above
    let last = -1;
    for (const c of covered.keys()) last = Math.max(last, c);
    while (col <= last) {
      if ((covered.get(col) ?? 0) > 0) skipCovered();
      else col++;
    }
    covered = next;
    zeros = nextZeros;
    placed.push(row);
  }
  return placed.map((row) => {
    const cells: string[] = [];
    /** Positions in `cells` of text cells spanning one column. */
    const single = new Set<number>();
    for (const p of row) {
      if ('covered' in p) cells.push('');
      else if (p.text === '') {
        const columns = spans.has(`${p.col}:${p.cs}`) ? 1 : p.cs;
        for (let k = 0; k < columns; k++) cells.push('');
      } else {
        if (p.cs === 1) single.add(cells.length);
        cells.push(p.text);
      }
    }
    return joinSpacedNumbers(cells, single);
  });
}

/** A cell of digits broken by spaces (&nbsp; padding, U+3000): 2 58, 1　20. */
const SPACED_NUMBER = /^\d+(?:\s+\d+)+$/;
/** A cell holding one number or nothing. */
const NUMBER_CELL = /^\d+(?:\.\d+)?$/;

/**
 * A row whose numbers stand one per cell (at least two cells holding a number alone, spaced or not) holds one number per cell: a
 * one-column cell of digits broken by stray spaces there is one number (2 58 is 258, never 2 | 58 shifting the rest
 * of the row), when the breaks can only be stray ones: two pieces, or three with one of more than one digit. Any
 * other such cell (1 0 0: one number or three?) is left blank: split, its pieces would shift the row's numbers.
 */
function joinSpacedNumbers(cells: string[], single: ReadonlySet<number>): string[] {
  let numbers = 0;
  for (const c of cells) if (NUMBER_CELL.test(c) || SPACED_NUMBER.test(c)) numbers++;
  if (numbers < 2) return cells;
  return cells.map((c, i) => {
    if (!single.has(i) || !SPACED_NUMBER.test(c)) return c;
    const pieces = c.split(/\s+/);
    return pieces.length === 2 || (pieces.length === 3 && pieces.some((p) => p.length > 1)) ? pieces.join('') : '';
  });
}

/** Collects lines; `pending` is the raw text of the line being built. */
class LineWriter {
  lines: string[] = [];
  pending = '';

  text(value: string): void {
    this.pending += value;
  }

  /** Ends the line being built; an empty one is kept only when `keepEmpty` (a `<br>`). */
  end(keepEmpty = false): void {
    const line = collapse(this.pending);
    this.pending = '';
    if (line !== '' || keepEmpty) this.lines.push(line);
  }

  row(cells: string[]): void {
    this.end();
    if (cells.some((c) => c !== '')) this.lines.push(cells.join('\t'));
  }
}

/** The document walked in order with an explicit stack (a string entry ends a block when popped). */
function walk(root: T.Document, out: LineWriter): void {
  const END = 'end';
  const stack: Array<T.ChildNode | typeof END> = [];
  for (let i = root.childNodes.length - 1; i >= 0; i--) stack.push(root.childNodes[i]!);
  while (stack.length) {
    const node = stack.pop()!;
    if (node === END) {
      out.end();
      continue;
    }
    if (node.nodeName === '#text') {
      out.text((node as T.TextNode).value);
      continue;
    }
    if (!isElement(node) || DROPPED.has(node.tagName)) continue;
    if (node.tagName === 'br') {
      out.end(true);
      continue;
    }
    if (node.tagName === 'table') {
      const rows = rowsOf(node);
      if (!rows.some(holdsTable)) {
        // a data table: its rows as grid lines; anything else inside it (a caption) first
        out.end();
        for (const child of node.childNodes) if (isElement(child) && child.tagName === 'caption') out.text(rawText(child));
        out.end();
        for (const cells of tableRows(rows)) out.row(cells);
        continue;
      }
    }
    if (node.tagName === 'tr' && !holdsTable(node)) {
      // a row outside a data table (a layout table's own row of text cells)
      out.row(tableRows([node])[0] ?? []);
      continue;
    }
    const block = BLOCK.has(node.tagName);
    if (block) {
      out.end();
      stack.push(END);
    }
    const kids = childrenOf(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
}

/**
 * Plain text of an HTML document: one line per block or table row. Empty blocks and empty rows leave no line; a
 * blank line appears only where `<br>`s leave one, never two in a row, never at either end.
 */
export function htmlToText(html: string): string {
  const out = new LineWriter();
  walk(parse(html), out);
  out.end();
  const lines: string[] = [];
  for (const line of out.lines) {
    if (line === '' && (lines.length === 0 || lines[lines.length - 1] === '')) continue;
    lines.push(line);
  }
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

/** Where the raw HTML table starting at `from` (at `<table`) ends, nested tables included; -1 if it never does. */
function tableEnd(text: string, from: number): number {
  const tag = /<(\/?)table\b[^>]*>/gi;
  tag.lastIndex = from;
  let depth = 0;
  for (let m = tag.exec(text); m; m = tag.exec(text)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return -1;
}

/**
 * A markdown file with raw HTML tables in it (pandoc writes a table too complex for markdown, e.g. one with merged
 * cells from a Word-exported page, as the page's own HTML): each table read through the grid reader, its rows
 * written as grid lines with box-drawing bars (`label │ 64 │  │ 2 │ 70`), as w3m prints a grid, so a blank cell
 * keeps its column. Text outside the tables is kept as it is.
 */
export function markdownTables(text: string): string {
  if (!/<table\b/i.test(text)) return text;
  const open = /<table\b/gi;
  let out = '';
  let last = 0;
  for (let m = open.exec(text); m; m = open.exec(text)) {
    const end = tableEnd(text, m.index);
    if (end < 0) break;
    const rows = htmlToText(text.slice(m.index, end)).split('\n').map((l) => (l.includes('\t') ? `${l.replace(/\t/g, ' │ ')} │` : l));
    out += `${text.slice(last, m.index)}\n${rows.join('\n')}\n`;
    last = end;
    open.lastIndex = end;
  }
  return last === 0 ? text : out + text.slice(last);
}

/**
 * A pandoc bracketed span with its attributes, innermost first: `[23]{style="FONT-FAMILY: 仿宋_GB2312"}`. Pandoc wraps
 * a long attribute list over lines (`{style="…letter-spacing:-0.3000pt;` / `font-size:16.0000pt;…"}`): those line
 * breaks are the markup's, not the text's, and go with it.
 */
const ATTRIBUTE_SPAN = /\[([^[\]\n]*)\]\{[^{}]*\}/g;

/**
 * A markdown file with pandoc's bracketed spans (`[23]{style="…仿宋_GB2312…"}`, pandoc's markdown for a Word page's
 * styled runs): each span's text kept, its brackets and attributes turned into spaces of the same display width
 * after the run of text the span sits in (a number split into two styled runs stays one number), so a simple
 * table's columns stay where its dash line says and no digit of a style (GB2312, 12pt) reads as a cell.
 */
export function markdownSpans(text: string): string {
  if (!text.includes(']{')) return text;
  let out = text;
  for (let i = 0; i < 8; i++) {
    // (in display columns, as pandoc lays a table out: `font-family:宋体` is two characters wider than it is long)
    const next = out.replace(ATTRIBUTE_SPAN, (all: string, inner: string) => `${inner}${'\0'.repeat(displayColumns(all.replace(/\s*\n\s*/g, '')) - displayColumns(inner))}`);
    if (next === out) break;
    out = next;
  }
  // the markup's width goes after the run it sat in: `[2]{…}[3]{…}` (a Word run split inside a number) is 23
  return out.replace(/[^\s]*\0[^\s]*/g, (run) => {
    const kept = run.replace(/\0/g, '');
    return kept + ' '.repeat(run.length - kept.length);
  });
}

/** A markdown backslash escape of ASCII punctuation (`\-1`, `\#`, `1\.`), not of a pipe: `\|` stays a cell's text. */
const ESCAPE = /\\([!-/:-@[-`{}~])/g;
const ESCAPED_RUN = /\S*\\[!-/:-@[-`{}~]\S*/g;

/**
 * A markdown file's backslash escapes taken away: a converter writes a table cell's `-1` as `\-1` and a heading's
 * `#` as `\#`. Each escaped run of text keeps its width (the backslashes' width after it), as markdownSpans does,
 * so a simple table's columns stay where its dash line says.
 */
export function markdownEscapes(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(ESCAPED_RUN, (run) => {
    const kept = run.replace(ESCAPE, '$1');
    return kept + ' '.repeat(run.length - kept.length);
  });
}

/**
 * A formatting tag (open, close or empty), as a converter keeps a page's raw inline HTML in markdown: the elements
 * that only style or group text. Any other tag (`<script>`, `<img …>`) or a comment is text the report printed, kept
 * as it is and shown verbatim.
 */
const INLINE_TAG = /<\/?(span|font|div|p|br|b|strong|i|em|u|s|strike|del|ins|sub|sup|small|big|mark|a|center|section|article|header|footer|blockquote|h[1-6]|li|ul|ol|o:p|st1:[a-z]+)(?:\s[^<>]*)?\/?>/gi;
/** Tags that end a block of text: their place is a line break. */
const BLOCK_TAG = /^(?:p|div|h[1-6]|li|ul|ol|section|article|header|footer|blockquote|center|table|tr)$/i;

/**
 * A markdown file with raw inline HTML left in it (pandoc's gfm writer keeps a Word page's `<span style="…">` runs
 * and `<div>`s; a CMS export keeps `<font>`, `<strong>`): the formatting tags dropped, a block tag (p, div, h1…) a line break, a
 * `<br>` a space (inside a pipe table's cell a break would cut its row), and the basic entities (&amp; &lt; &gt;
 * &quot; &#39;) read as their characters. Run after markdownTables: a raw HTML table is read by the grid reader first.
 */
export function markdownInlineHtml(text: string): string {
  if (!/<[a-zA-Z/]/.test(text)) return text;
  const out = text.replace(INLINE_TAG, (_tag: string, name: string | undefined) => (name && BLOCK_TAG.test(name) ? '\n' : name && /^br$/i.test(name) ? ' ' : ''));
  return out.includes('&') ? unescape(out) : out;
}
