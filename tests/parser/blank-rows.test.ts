/**
 * Rows the report leaves wholly blank inside a 表三 printed in chunks (chunks.ts blankRows), on the real rendering of
 * the fixture `pdftotext-rows-left-blank-inside-chunked-table` and on copies of it changed where it must not read.
 */
import { describe, expect, test } from 'vitest';
import { parseReport } from '../../src/parser/index.ts';
import { quirkText } from './fixtures.ts';

const text = quirkText('pdftotext-rows-left-blank-inside-chunked-table.txt');
const labels = '1.申请人无正当理由逾期不补正、行政\n机关不再处理其政府信息公开申请\n（六）其 2.申请人逾期未按收费通知要求缴纳费\n他处理 用、行政机关不再处理其政府信息公\n开申请\n3.其他\n0\n';
const blank = { naturalPerson: null, commercial: null, research: null, nonprofit: null, legalService: null, other: null, total: null };

describe('rows left wholly blank inside a table printed in chunks', () => {
  test('are blank, and the other rows read as the table with every identity holding', () => {
    expect(text).toContain(labels);
    const rec = parseReport(text);
    expect(rec.tables.requests['otherHandling.noCorrection']).toEqual(blank);
    expect(rec.tables.requests['otherHandling.feeUnpaid']).toEqual(blank);
    expect(rec.tables.requests['total']).toMatchObject({ naturalPerson: 95, total: 95 });
    expect(rec.provenance['requests/otherHandling.noCorrection/total']?.line).toBe(131);
    expect(rec.provenance['requests/otherHandling.feeUnpaid/total']?.line).toBe(133);
    expect(rec.findings.find((f) => f.code === 'TABLE_REORDERED' && f.message.includes('没有印出任何数字'))?.message).toContain('「2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请」');
  });

  test('are not assumed where a row between is not named (the table stays unread)', () => {
    const rec = parseReport(text.replace(labels, labels.replace('（六）其 2.申请人逾期未按收费通知要求缴纳费\n他处理 用、行政机关不再处理其政府信息公\n开申请\n', '')));
    expect(rec.tables.requests['total']!.naturalPerson).toBeNull();
    expect(rec.tables.requests['otherHandling.other']!.naturalPerson).toBeNull();
  });

  test('do not make a table read whose identities then fail', () => {
    const rec = parseReport(text.replace('\n0 95\n', '\n0 96\n'));
    expect(rec.tables.requests['total']!.total).toBeNull();
    expect(rec.tables.requests['granted']!.naturalPerson).toBeNull();
  });
});
