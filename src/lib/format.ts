/** Display formatting: numbers, shares, years, dates. Pure; no locale surprises (fixed zh-CN grouping). */

const integer = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 });

/** The dash shown for a missing or unreadable number. */
export const MISSING = '—';

/** Groups the digits of a non-negative safe integer by three: 1234567 → `1,234,567` (what `integer` prints). */
function groupDigits(n: number): string {
  const digits = String(n);
  if (digits.length <= 3) return digits;
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}

/** 2073 → `2,073`; 1480.8758 → `1,480.8758`; -3 → `-3`; null → `—`. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  // Integers (nearly every cell) without Intl: a report page formats hundreds of them.
  if (Number.isSafeInteger(value) && !Object.is(value, -0)) return value < 0 ? `-${groupDigits(-value)}` : groupDigits(value);
  return Number.isInteger(value) ? integer.format(value) : decimal.format(value);
}

/** 0.8571 → `85.7%`; null → `—`. One decimal; a share below 1 never shows as 100.0%, one above 0 never as 0.0%. */
export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return MISSING;
  let tenths = Math.round(share * 1000) / 10;
  if (tenths >= 100 && share < 1) tenths = 99.9;
  if (tenths <= 0 && share > 0) return '<0.1%';
  return `${tenths.toFixed(1)}%`;
}

/** 2020 → `2020 年`; 0 or null (not found in the report) → `年份不详`. */
export function formatYear(year: number | null | undefined): string {
  return year ? `${year} 年` : '年份不详';
}

/** `2021-01-28` → `2021 年 1 月 28 日`; anything else is returned as is; null → `—`. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return MISSING;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  return `${m[1]} 年 ${Number(m[2])} 月 ${Number(m[3])} 日`;
}

/** Plural-free Chinese count phrase: `3 处`, `0 处`. */
export function count(n: number, unit: string): string {
  return `${integer.format(n)} ${unit}`;
}
