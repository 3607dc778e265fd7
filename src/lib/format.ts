/** Display formatting: numbers, shares, years, dates. Pure; no locale surprises (fixed zh-CN grouping). */

const integer = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

/** The dash shown for a missing or unreadable number. */
export const MISSING = '—';

/** Groups a run of digits by three: `1234567` → `1,234,567`. */
function groupDigits(digits: string): string {
  if (digits.length <= 3) return digits;
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}

/** `-1234.5678` → `-1,234.5678`: thousands separators in the integer part, the decimals untouched. */
function groupNumberText(text: string): string {
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const point = body.indexOf('.');
  const grouped = point < 0 ? groupDigits(body) : `${groupDigits(body.slice(0, point))}${body.slice(point)}`;
  return negative ? `-${grouped}` : grouped;
}

/**
 * The exact decimal text of a finite number, every digit JavaScript holds and never in exponent form:
 * 5949.088667 → `5949.088667`, 1e21 → `1000000000000000000000`, 1.5e-7 → `0.00000015`.
 */
export function plainNumber(value: number): string {
  const text = String(value);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const [, sign = '', int = '', frac = '', exp = '0'] = m;
  const digits = int + frac;
  const point = int.length + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

const NUMBER_TOKEN = /\d[\d,]*(?:\.\d+)?/g;

/**
 * The decimal as the source printed it, when the printed text of a cell (provenance `raw`, e.g. `82059.2090万元`)
 * holds exactly one number, with a decimal point, equal to `value`: `82059.2090`. Keeps the trailing zeros the
 * number itself has lost. Null otherwise (an integer, a glued run, a converted or corrected value).
 */
export function printedDecimal(printed: string | null | undefined, value: number): string | null {
  if (!printed || !printed.includes('.')) return null;
  const tokens = printed.match(NUMBER_TOKEN);
  if (tokens?.length !== 1) return null;
  const token = (tokens[0] ?? '').replace(/,/g, '').replace(/^0+(?=\d)/, '');
  if (!token.includes('.') || Number(token) !== Math.abs(value)) return null;
  return value < 0 ? `-${token}` : token;
}

/**
 * A number for display, every digit kept, thousands separators only: 2073 → `2,073`; 5949.088667 →
 * `5,949.088667`; -3 → `-3`; null → `—`. With the cell's printed text (`printed`, provenance `raw`), a decimal
 * keeps the trailing zeros printed in the source: (82059.209, `82059.2090万元`) → `82,059.2090`.
 */
export function formatNumber(value: number | null | undefined, printed?: string | null): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const asPrinted = printed ? printedDecimal(printed, value) : null;
  if (asPrinted !== null) return groupNumberText(asPrinted);
  // Integers (nearly every cell) straight to digits: a report page formats hundreds of them.
  if (Number.isSafeInteger(value)) return value < 0 ? `-${groupDigits(String(-value))}` : groupDigits(String(value));
  return groupNumberText(plainNumber(value));
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
