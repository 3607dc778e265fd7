/** Publication dates: read from header lines, under the title or the signature; validated before use. */
import { describe, expect, test } from 'vitest';
import { parseReport } from '../../src/parser/index.ts';
import { futurePublished, isCalendarDate } from '../../src/parser/dates.ts';

const report = (head: string, tail = '') => `某某局2023年政府信息公开工作年度报告\n${head}\n一、总体情况\n2023年，我局主动公开政府信息12条。\n${tail}`;

describe('publication dates', () => {
  test('reads 发布时间, 发布日期, 成文日期 and a page header 来源：…时间：', () => {
    expect(parseReport(report('发布时间：2024-01-20 09:30')).published).toBe('2024-01-20');
    expect(parseReport(report('发布日期: 2024年1月5日')).published).toBe('2024-01-05');
    expect(parseReport(report('成文日期：2024-01-31')).published).toBe('2024-01-31');
    expect(parseReport(report('来源：某某局办公室时间：2024-03-08 15:34')).published).toBe('2024-03-08');
  });
  test('reads a date under the title and the signature date', () => {
    expect(parseReport(report('（2024年1月18日）')).published).toBe('2024-01-18');
    expect(parseReport(report('', '某某局\n2024年1月26日\n')).published).toBe('2024-01-26');
  });
  test('an impossible date becomes null with a finding naming it', () => {
    const rec = parseReport(report('发布时间：2024-13-45'));
    expect(rec.published).toBeNull();
    expect(rec.findings.find((f) => f.code === 'DATE_INVALID')?.message).toContain('2024-13-45');
    expect(parseReport(report('发布时间：2024-02-30')).published).toBeNull();
  });
  test('a date before the reported year becomes null with a finding', () => {
    const rec = parseReport(report('发布时间：2019-01-20'));
    expect(rec.published).toBeNull();
    expect(rec.findings.find((f) => f.code === 'DATE_INVALID')?.message).toContain('早于报告年度 2023');
  });
  test('the calendar knows leap years', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('9999-99-99')).toBe(false);
  });
  test('a date after the build date is dropped at the edge', () => {
    expect(futurePublished('2031-01-01', '2026-12-04')?.code).toBe('DATE_INVALID');
    expect(futurePublished('2026-01-20', '2026-12-04')).toBeNull();
    expect(futurePublished(null, '2026-12-04')).toBeNull();
  });
});
