/**
 * 表三's band running on from the table into the text after it, the first rows' last columns printed after the last
 * rows' pieces and 表四's first words (chunks.ts rowCuts), on the real renderings of the fixtures
 * `pdftotext-first-rows-right-columns-after-last-rows-band` and `pdftotext-label-block-columns-total-after-next-heading`
 * and on copies of them changed where they must not read.
 */
import { describe, expect, test } from 'vitest';
import { parseReport } from '../../src/parser/index.ts';
import { quirkText } from './fixtures.ts';

const text = quirkText('pdftotext-first-rows-right-columns-after-last-rows-band.txt');
/** The first eighteen rows' 其他 and 总计, a row a line, after 表四's first words. */
const pairs = '行政诉讼\n\n0 9\n0 0\n0 0\n0 0\n0 0\n0 0\n0 1\n0 1\n0 0\n0 0\n0 4\n0 6\n';
const requests = (t: string) => parseReport(t).tables.requests;

describe('a band whose first rows\' last columns follow the last rows\' pieces', () => {
  test('is read where one cut makes every identity hold', () => {
    expect(text).toContain(pairs);
    const rows = requests(text);
    expect(rows['granted']).toEqual({ naturalPerson: 9, commercial: 0, research: 0, nonprofit: 0, legalService: 0, other: 0, total: 9 });
    expect(rows['unavailable.notHeld']).toMatchObject({ naturalPerson: 4, total: 4 });
    // (表四 is read from its own values, not from the band's pairs after its first words)
    expect(parseReport(text).tables.review['adminReview']).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 });
  });

  test('leaves 表三 blank when a row of the pairs no longer adds up', () => {
    const rows = requests(text.replace(pairs, pairs.replace('0 9\n', '0 8\n')));
    expect(rows['granted']!.total).toBeNull();
    expect(rows['granted']!.naturalPerson).toBeNull();
  });

  test('leaves 表三 blank when the pairs are not all there', () => {
    const rows = requests(text.replace(pairs, pairs.replace('0 6\n', '')));
    expect(rows['unavailable.notHeld']!.total).toBeNull();
  });
});

describe('a block of row labels whose cells follow, the first rows\' 总计 after 表四\'s heading', () => {
  const block = quirkText('pdftotext-label-block-columns-total-after-next-heading.txt');
  /** The first eighteen rows' 总计, a line each, after 表四's heading. */
  const totals = '四、政府信息公开行政复议、行政诉讼情况\n\n1\n0\n0\n0\n0\n0\n0\n0\n4\n0\n1\n';

  test('is read where one cut makes every identity hold', () => {
    expect(block).toContain(totals);
    const rows = requests(block);
    expect(rows['granted']).toEqual({ naturalPerson: 1, commercial: 0, research: 0, nonprofit: 0, legalService: 0, other: 0, total: 1 });
    expect(rows['denied.enforcementFiles']).toMatchObject({ naturalPerson: 4, total: 4 });
    expect(rows['unavailable.notHeld']).toMatchObject({ naturalPerson: 1, total: 1 });
  });

  test('is not taken where fewer than 表四\'s fifteen values follow it (they may be 表四\'s own): those rows stay blank', () => {
    const rows = requests(block.replace('纠正 结果 审结 计 维持 纠正 结果 审结 计\n0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n', '纠正 结果 审结 计 维持 纠正 结果 审结 计\n'));
    expect(rows['granted']!.naturalPerson).toBeNull();
    expect(rows['denied.enforcementFiles']!.total).toBeNull();
  });

  test('leaves those rows blank when a 总计 there no longer adds up', () => {
    const rows = requests(block.replace(totals, totals.replace('\n4\n', '\n5\n')));
    expect(rows['denied.enforcementFiles']!.total).toBeNull();
    expect(rows['granted']!.naturalPerson).toBeNull();
  });
});
