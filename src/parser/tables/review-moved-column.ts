/**
 * 表四's first column printed inside 表三 (pdftotext's reading order of a narrow page, an A5 print: the header words
 * `结` `果` `维` `持` of 行政复议's first column and its value come among 表三's last rows, 表四 itself then printing the
 * other fourteen values). The value goes back to 表四 where with it every group of 表四 adds up. Pure: no fs, no clock.
 */
import type { Finding } from '../../schema/record.ts';
import { key } from '../identities.ts';
import { fold } from '../normalize.ts';
import { addsAs, type Token } from '../tokens.ts';
import { groupsHold, REVIEW_CELLS } from './review.ts';

/** The header of 表四's first column, as its letters fold: no 表三 label says it. */
const FIRST_COLUMN = '结果维持';

/**
 * 表四's tokens with its first column's value put back in front of its values, when 表三's tokens hold, exactly once,
 * the words 结果维持 (a text token or letters a line each) followed by exactly one value and then words, no 表三 cell
 * was read from that value's line (`taken`), 表四 prints one value fewer than its cells, all of them numbers or
 * placeholders, and with the value first every group adds up. Otherwise null. The finding says where it stood.
 */
export function reviewFirstColumnMoved(
  requestTokens: readonly Token[],
  reviewTokens: readonly Token[],
  taken: (line: number) => boolean,
): { tokens: Token[]; note: Finding } | null {
  const values = reviewTokens.filter((t) => t.kind !== 'text');
  if (values.length !== REVIEW_CELLS - 1 || values.some((t) => addsAs(t) === null)) return null;
  const found: Token[] = [];
  let words = '';
  for (let i = 0; i < requestTokens.length; i++) {
    const t = requestTokens[i]!;
    if (t.kind === 'text') {
      words = (words + fold(t.text).replace(/\s+/g, '')).slice(-FIRST_COLUMN.length);
      continue;
    }
    const next = requestTokens[i + 1];
    if (words === FIRST_COLUMN && (!next || next.kind === 'text')) found.push(t);
    words = '';
  }
  if (found.length !== 1) return null;
  const moved = found[0]!;
  if (addsAs(moved) === null || taken(moved.line)) return null;
  // (every value known: each group holds only by adding up)
  if (!groupsHold([moved, ...values].map(addsAs))) return null;
  const at = reviewTokens.indexOf(values[0]!);
  return {
    tokens: [...reviewTokens.slice(0, at), moved, ...reviewTokens.slice(at)],
    note: {
      code: 'TABLE_REORDERED',
      severity: 'info',
      message: `表四第一列（行政复议「结果维持」）的表头和数字 ${moved.text} 印在了表三中间（第 ${moved.line} 行，阅读顺序错位），表四本身只印出其余 14 个数字；把它放回第一列后，表四各组加起来都等于总计，按此读出`,
      line: moved.line,
      cell: key('review', 'adminReview', 'upheld'),
    },
  };
}
