import { describe, expect, test } from 'vitest';
import { formatDate, formatNumber, formatShare, formatYear, MISSING } from '../../src/lib/format.ts';

describe('formatNumber', () => {
  test('groups thousands and keeps money decimals', () => {
    expect(formatNumber(2073)).toBe('2,073');
    expect(formatNumber(1480.8758)).toBe('1,480.8758');
    expect(formatNumber(0)).toBe('0');
  });
  test('keeps the sign of a negative change', () => {
    expect(formatNumber(-3)).toBe('-3');
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
