/**
 * 表四's values continued after the next part's heading (pdftotext's reading order of a page that starts inside 表四:
 * its header, the row's first values a line each, the heading `五、存在的主要问题及改进情况`, then the row's other values,
 * then the part's prose). The values before the prose go back to the end of 表四's row where, with them, the row has
 * its fifteen cells and every group adds up, and the other order of the two pieces does not give other numbers that
 * add up as well. Pure: no fs, no clock.
 */
import type { Finding } from '../../schema/record.ts';
import { key } from '../identities.ts';
import { addsAs, type Token } from '../tokens.ts';
import { groupsHold, REVIEW_CELLS } from './review.ts';

/**
 * 表四's tokens with the values that open the next part (`nextTokens`: that part's tokens after its heading, asked for
 * only when 表四 is short) appended, up to the part's first words, when 表四 prints at least one value and fewer than its cells, all of them numbers or placeholders,
 * and the values opening the next part are exactly the missing ones. Otherwise null. The finding says where they stood.
 */
export function reviewContinued(reviewTokens: readonly Token[], nextTokens: () => readonly Token[], heading: string): { tokens: Token[]; note: Finding } | null {
  const own = reviewTokens.filter((t) => t.kind !== 'text');
  if (!own.length || own.length >= REVIEW_CELLS) return null;
  const next = nextTokens();
  const firstWords = next.findIndex((t) => t.kind === 'text');
  const rest = next.slice(0, firstWords < 0 ? next.length : firstWords);
  if (own.length + rest.length !== REVIEW_CELLS || firstWords < 0) return null;
  const values = [...own, ...rest].map(addsAs);
  if (values.some((v) => v === null) || !groupsHold(values)) return null;
  // (the pieces the other way round: when they too add up, with other numbers, the order is not known)
  const swapped = [...rest, ...own].map(addsAs);
  if (groupsHold(swapped) && swapped.some((v, i) => v !== values[i])) return null;
  return {
    tokens: [...reviewTokens, ...rest],
    note: {
      code: 'TABLE_REORDERED',
      severity: 'info',
      message: `表四只印出前 ${own.length} 个数字，其余 ${rest.length} 个（${rest.map((t) => t.text).join(' ')}）印在了下一部分的标题「${heading}」之后（第 ${rest[0]!.line} 行起，阅读顺序错位）；接在表四之后正好 ${REVIEW_CELLS} 个数字，各组加起来都等于总计，按此读出`,
      line: rest[0]!.line,
      cell: key('review', 'litigationAfterReview', 'total'),
    },
  };
}
