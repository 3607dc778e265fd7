/**
 * HTML → plain text lines in reading order, with parse5 (a real HTML parser). Block elements end lines; every
 * table row becomes one line whose cells are joined by a TAB, each cell once (no colspan padding), trimmed, its
 * inner whitespace collapsed. Script, style and other non-content elements are dropped; everything else is kept.
 */
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';

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

function isElement(node: T.ChildNode): node is T.Element {
  return 'tagName' in node;
}

function isCell(node: T.ChildNode): node is T.Element {
  return isElement(node) && (node.tagName === 'td' || node.tagName === 'th');
}

/** Text of a subtree, block boundaries and `<br>` as segment breaks, dropped elements skipped. */
function rawText(node: T.ChildNode): string {
  if (node.nodeName === '#text') return (node as T.TextNode).value;
  if (!isElement(node) || DROPPED.has(node.tagName)) return '';
  if (node.tagName === 'br') return BREAK;
  const inner = node.childNodes.map(rawText).join('');
  return BLOCK.has(node.tagName) ? BREAK + inner + BREAK : inner;
}

/** True when a row is used for layout: one of its cells holds a table of its own. */
function holdsTable(node: T.Element): boolean {
  return node.childNodes.some((child) => isElement(child) && (child.tagName === 'table' || holdsTable(child)));
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

function walk(node: T.ChildNode, out: LineWriter): void {
  if (node.nodeName === '#text') return out.text((node as T.TextNode).value);
  if (!isElement(node) || DROPPED.has(node.tagName)) return;
  if (node.tagName === 'br') return out.end(true);
  if (node.tagName === 'tr' && !holdsTable(node)) {
    return out.row(node.childNodes.filter(isCell).map((cell) => collapse(rawText(cell))));
  }
  const block = BLOCK.has(node.tagName);
  if (block) out.end();
  for (const child of node.childNodes) walk(child, out);
  if (block) out.end();
}

/**
 * Plain text of an HTML document: one line per block or table row. Empty blocks and empty rows leave no line; a
 * blank line appears only where `<br>`s leave one, never two in a row, never at either end.
 */
export function htmlToText(html: string): string {
  const out = new LineWriter();
  for (const child of parse(html).childNodes) walk(child, out);
  out.end();
  const lines: string[] = [];
  for (const line of out.lines) {
    if (line === '' && (lines.length === 0 || lines[lines.length - 1] === '')) continue;
    lines.push(line);
  }
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}
