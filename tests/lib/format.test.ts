import { describe, expect, test } from 'vitest';
import { formatDate, formatNumber, formatShare, formatYear, MISSING, plainNumber, printedDecimal } from '../../src/lib/format.ts';

describe('formatNumber', () => {
  test('groups thousands and keeps money decimals', () => {
    expect(formatNumber(2073)).toBe('2,073');
    expect(formatNumber(1480.8758)).toBe('1,480.8758');
    expect(formatNumber(0)).toBe('0');
  });
  test('keeps every printed decimal: no rounding (fees of 平潭综合实验区 2021, 2023, 2025; 沭阳县 2025)', () => {
    expect(formatNumber(5949.088667)).toBe('5,949.088667');
    expect(formatNumber(24252.311082)).toBe('24,252.311082');
    expect(formatNumber(4166.241619)).toBe('4,166.241619');
    expect(formatNumber(4068.208)).toBe('4,068.208');
    // 75394432.52元 printed, read as 万元 by moving the point: all eight significant decimals stay.
    expect(formatNumber(7539.443252)).toBe('7,539.443252');
  });
  test('keeps the trailing zeros the source printed, from the printed text of the cell', () => {
    // 平潭综合实验区自然资源与生态环境局 2019: 政府集中采购 82059.2090万元.
    expect(formatNumber(82059.209, '82059.2090万元')).toBe('82,059.2090');
    expect(formatNumber(1480.8758, '1480.8758万元')).toBe('1,480.8758');
    expect(formatNumber(12, '12.00万元')).toBe('12.00');
    expect(formatNumber(1234.5, '1,234.50')).toBe('1,234.50');
  });
  test('ignores printed text that is not this one decimal', () => {
    expect(formatNumber(0, '000')).toBe('0'); // a glued run of three zeros
    expect(formatNumber(3, '30 0 0 0 03')).toBe('3');
    expect(formatNumber(7539.443252, '75394432.52元')).toBe('7,539.443252'); // converted from 元
    expect(formatNumber(1234, '1243.00')).toBe('1,234'); // a corrected value
    expect(formatNumber(2, '+2')).toBe('2');
    expect(printedDecimal('1.5 2.50', 2.5)).toBeNull();
    expect(printedDecimal('/', 0)).toBeNull();
  });
  test('keeps the sign of a negative change', () => {
    expect(formatNumber(-3)).toBe('-3');
    expect(formatNumber(-1234.05)).toBe('-1,234.05');
    expect(formatNumber(-2.5, '-2.50')).toBe('-2.50');
    expect(formatNumber(-0)).toBe('0');
  });
  test('never writes an exponent', () => {
    expect(formatNumber(1e21)).toBe('1,000,000,000,000,000,000,000');
    expect(formatNumber(1.5e-7)).toBe('0.00000015');
    expect(plainNumber(1.2345e-7)).toBe('0.00000012345');
    expect(plainNumber(-2.5e22)).toBe('-25000000000000000000000');
    expect(plainNumber(5949.088667)).toBe('5949.088667');
  });
  test('shows a dash, not zero, for a missing value', () => {
    expect(formatNumber(null)).toBe(MISSING);
    expect(formatNumber(undefined)).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('—');
  });
});

describe('formatShare', () => {
  test('shows a share as a percentage with one decimal', () => {
    expect(formatShare(4 / 6)).toBe('66.7%');
    expect(formatShare(1)).toBe('100.0%');
    expect(formatShare(0)).toBe('0.0%');
  });
  test('never rounds a partial share up to 100% or down to 0%', () => {
    expect(formatShare(0.99996)).toBe('99.9%');
    expect(formatShare(0.00001)).toBe('<0.1%');
  });
  test('shows a dash when there is no share', () => {
    expect(formatShare(null)).toBe('—');
  });
});

describe('dates and years', () => {
  test('writes an ISO date the Chinese way', () => {
    expect(formatDate('2021-01-28')).toBe('2021 年 1 月 28 日');
    expect(formatDate(null)).toBe('—');
    expect(formatDate('2021年1月')).toBe('2021年1月');
  });
  test('says the year is unknown for year 0', () => {
    expect(formatYear(2020)).toBe('2020 年');
    expect(formatYear(0)).toBe('年份不详');
    expect(formatYear(null)).toBe('年份不详');
  });
});
