/**
 * A 表三 row whose cells beside its label pdftotext printed before the label, after the row before's (chunks.ts
 * valuesBeforeLabels), on the real rendering of the fixture `pdftotext-row-cells-printed-before-its-label` and on
 * copies of it changed where the rule must not apply.
 */
import { describe, expect, test } from 'vitest';
import { parseReport } from '../../src/parser/index.ts';
import { quirkText } from './fixtures.ts';

const text = quirkText('pdftotext-row-cells-printed-before-its-label.txt');
const early = '8.属于行政查询事项\n2\n31\n（四）无 1.本机关不掌握相关政府信息\n三、本年 法提供 2.没有现成信息需要另行制作 0\n';
const requests = (t: string) => parseReport(t).tables.requests;

describe('a row\'s cells printed before its label', () => {
  test('go to the first of the two rows the label after them names, and the table reads whole', () => {
    expect(text).toContain(early);
    const rows = requests(text);
    expect(rows['denied.administrativeQuery']).toEqual({ naturalPerson: 2, commercial: 0, research: 0, nonprofit: 0, legalService: 0, other: 0, total: 2 });
    expect(rows['unavailable.notHeld']).toMatchObject({ naturalPerson: 31, total: 31 });
    expect(rows['unavailable.needsCreation']).toMatchObject({ naturalPerson: 0 });
    const note = parseReport(text).findings.find((f) => f.code === 'TABLE_REORDERED');
    expect(note?.message).toContain('「1.本机关不掌握相关政府信息」行名旁的数字印在了行名之前');
  });

  test('stay the row before\'s when the label after them names one row only (nothing is read then)', () => {
    const rows = requests(text.replace(early, early.replace('（四）无 1.本机关不掌握相关政府信息\n', '（四）无\n')));
    expect(rows['unavailable.notHeld']!.naturalPerson).toBeNull();
    expect(rows['denied.administrativeQuery']!.naturalPerson).toBeNull();
  });

  test('stay the row before\'s when they are not twice the cells the rows around them print', () => {
    const rows = requests(text.replace(early, early.replace('2\n31\n', '2\n31\n5\n')));
    expect(rows['unavailable.notHeld']!.naturalPerson).toBeNull();
  });
});
