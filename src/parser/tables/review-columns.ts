/**
 * Where 表四's header prints its fifteen columns' names (结果维持, 结果纠正, 其他结果, 尚未审结, 总计, for 行政复议,
 * 未经复议直接起诉 and 复议后起诉), on lines of layout text: the span of each, left to right. A narrow column wraps
 * each name (`结果维` over `持`), and a layout may print one group's names a line lower than another's; the names'
 * first parts, gathered over the header lines and sorted by column, must make the fifteen in order, else null. A row
 * printed with blank cells (`1   1          2 4             1 5 1         1     2`) places its numbers by these spans
 * (review.ts). Pure: no fs, no clock.
 */
import { printsDigit } from '../normalize.ts';
import { words, type Span } from './header-columns.ts';

/** The first parts a wrapped name keeps on its first line, in a group's column order. */
const PARTS = ['结果维', '结果纠', '其他结', '尚未审', '总'] as const;

/** How many lines after the range's start the header may take. */
const MAX_HEADER_LINES = 16;

/** The fifteen columns' [start, end) in column order, in one measure (characters or display columns). */
export interface ReviewColumns {
  measure: 'chars' | 'columns';
  spans: Array<[number, number]>;
}

/**
 * The fifteen spans in each measure in which the names sort into the fifteen in order (pdftotext -layout keeps a grid
 * of characters; pandoc, text browsers and our PDF reader one of display columns, a wide character two): none when
 * the header lines do not print them so.
 */
export function reviewColumns(lines: readonly string[], from: number, to: number): ReviewColumns[] {
  const found: Array<{ part: number; span: Span }> = [];
  for (let i = from; i < Math.min(to, from + MAX_HEADER_LINES); i++) {
    const text = lines[i] ?? '';
    if (printsDigit(text)) break;
    for (const { word, span } of words(text)) {
      // a whole name or its first part (总 of 总计; 结果 alone could be either of two names)
      const part = PARTS.findIndex((p) => word.startsWith(p));
      if (part >= 0) found.push({ part, span });
    }
  }
  if (found.length !== PARTS.length * 3) return [];
  return (['chars', 'columns'] as const).flatMap((measure) => {
    const sorted = [...found].sort((a, b) => a.span[measure][0] - b.span[measure][0]);
    return sorted.every((f, i) => f.part === i % PARTS.length) ? [{ measure, spans: sorted.map((f) => f.span[measure]) }] : [];
  });
}
