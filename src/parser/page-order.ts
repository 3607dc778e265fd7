/**
 * Pages whose lines a PDF extractor prints bottom to top. pdf2json's text (`getRawTextContent`, a popular Node
 * library) sorts each page's lines by their height on the page from the bottom up: a report's title ends its first
 * page, `（七）总计` comes before `（一）予以公开`, and each row's label lines stand below its values. Read in that
 * order every row takes the wrong row's numbers. Such a text is told by its numbered labels (一、 二、, （一） （二）,
 * 1. 2.): within a page they count down where a report counts up. Its pages are then read top to bottom, each
 * line still cited by its line in the file. pdf2json and pdf-parse also mark each page's end with a line of its own
 * (see PAGE_BREAK): a page break, which the readers take like pdftotext's form feed.
 * Pure: no fs, no clock.
 */
import type { CellSource, ReportRecord } from '../schema/record.ts';

/**
 * A page's end as PDF extractors mark it, on a line of its own: pdf2json's `----------------Page (0) Break----------------`,
 * pdf-parse's `-- 2 of 6 --` (whose page number would otherwise read as a table cell).
 */
const PAGE_BREAK = /^(?:-{4,}Page \(\d+\) Break-{4,}|--[^\S\n]*\d+[^\S\n]+of[^\S\n]+\d+[^\S\n]*--)[^\S\n]*$/;

/** A numbered label at a line's start: 一、, （一）, 1. (not a decimal: `1.5`), each family counted apart. */
const NUMBERED = /^\s*(?:([一二三四五六七八九十])、|[（(]([一二三四五六七八九十])[）)]|(\d{1,2})[.．、](?!\d))/;

const NUMERALS = '一二三四五六七八九十';

/** Steps a page's numbered labels must count down, at least, to call its lines bottom-up. */
const MIN_DOWN = 4;

/** The text with its pages' lines in reading order, and where each of its lines is in the file. */
export interface PageOrder {
  /** The text to read: pages top to bottom, page markers as form feeds (as many lines as the file). */
  text: string;
  /** For each line of `text` (0-based), the 1-based line of the file it is; null when every line is where it was. */
  lineOf: number[] | null;
  /** `text` split at its line breaks, when it was split here (the parser need not split it again). */
  lines?: string[];
}

/** The value of a numbered label and its family (0: 一、, 1: （一）, 2: 1.), or null. */
function numbered(line: string): [family: number, value: number] | null {
  const m = NUMBERED.exec(line);
  if (!m) return null;
  if (m[1]) return [0, NUMERALS.indexOf(m[1]) + 1];
  if (m[2]) return [1, NUMERALS.indexOf(m[2]) + 1];
  return [2, Number(m[3])];
}

/**
 * Steps up and down between consecutive numbered labels of one family within each page (pages: [from, to) line
 * ranges): a report counts up (一、 then 二、), a bottom-up page counts down.
 */
function steps(lines: readonly string[], pages: ReadonlyArray<[number, number]>): { up: number; down: number } {
  let up = 0;
  let down = 0;
  for (const [from, to] of pages) {
    // (a family's first label on a page steps from none: a page may open with any row's)
    const last = [0, 0, 0];
    for (let i = from; i < to; i++) {
      const n = numbered(lines[i]!);
      if (!n) continue;
      const [family, value] = n;
      if (last[family]! > 0 && value === last[family]! + 1) up++;
      else if (value === last[family]! - 1) down++;
      last[family] = value;
    }
  }
  return { up, down };
}

/**
 * The text read in page order: pdf2json's page markers as form feeds, and each page's lines reversed when the
 * pages print them bottom to top (their numbered labels count down at least MIN_DOWN times, and up no more than a
 * quarter as often). Lines stay as many as the file's.
 */
export function pageOrder(text: string): PageOrder {
  const lines = text.split('\n');
  let marked = false;
  for (let i = 0; i < lines.length; i++) {
    if (PAGE_BREAK.test(lines[i]!)) {
      lines[i] = '\f';
      marked = true;
    }
  }
  // pages: the lines between page ends (a marker line ends its page; a form feed starts the line after a page)
  const pages: Array<[number, number]> = [];
  let from = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] === '\f') {
      pages.push([from, i]);
      from = i + 1;
    } else if (lines[i]!.charCodeAt(0) === 12 && i > from) {
      pages.push([from, i]);
      from = i;
    }
  }
  pages.push([from, lines.length]);
  const { up, down } = steps(lines, pages);
  if (down < MIN_DOWN || up * 4 > down) return { text: marked ? lines.join('\n') : text, lineOf: null, lines };
  const lineOf = lines.map((_, i) => i + 1);
  const out = [...lines];
  for (const [a, b] of pages) {
    const page = lines.slice(a, b);
    // (a page's form feed stays on its first line, pdftotext's convention, which the page readers expect)
    const feed = page.length > 0 && page[0]!.charCodeAt(0) === 12;
    if (feed) page[0] = page[0]!.slice(1);
    for (let k = 0; k < page.length; k++) {
      out[a + k] = page[page.length - 1 - k]!;
      lineOf[a + k] = b - k;
    }
    if (feed) out[a] = '\f' + out[a]!;
  }
  return { text: out.join('\n'), lineOf };
}

/** A line number in a message (`第 12 行`, `第 12、15 行`): the parser's messages cite lines so. */
const CITED_LINES = /第 (\d+(?:、\d+)*) 行/g;

/**
 * The record of a text read in page order (pageOrder) with every line it cites, in findings, provenance,
 * sections, facts and messages, the file's own line; and a note that the lines were read so.
 */
export function citedInFile(rec: ReportRecord, lineOf: readonly number[]): ReportRecord {
  const at = (line: number): number => lineOf[line - 1] ?? line;
  const inMessage = (message: string): string => message.replace(CITED_LINES, (_, list: string) => `第 ${list.split('、').map((n) => at(Number(n))).join('、')} 行`);
  const provenance: Record<string, CellSource> = {};
  for (const [k, src] of Object.entries(rec.provenance)) provenance[k] = { ...src, line: at(src.line) };
  const count = rec.facts.proactiveCount;
  return {
    ...rec,
    sections: rec.sections.map((s) => ({ ...s, line: at(s.line) })),
    provenance,
    facts: { proactiveCount: count ? { ...count, line: at(count.line) } : null },
    findings: [
      {
        code: 'LINES_BOTTOM_UP',
        severity: 'info',
        message: '文字提取把每页的文字行自下而上排列（如 pdf2json 的文字）：各页已按自上而下的顺序读取，所引行号仍是原文件的行号',
        line: null,
      },
      ...rec.findings.map((f) => ({ ...f, message: inMessage(f.message), line: f.line === null ? null : at(f.line) })),
    ],
  };
}
