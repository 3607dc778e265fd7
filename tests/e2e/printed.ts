/**
 * Whether a number shown on a report page is the number its source printed: the e2e check that display never
 * rounds, truncates or drops a digit (tests/e2e/numbers.test.ts). Independent of src/lib/format.ts on purpose.
 */

/** Text as the parser reads numbers in it: full-width forms folded (NFKC), thousands separators dropped. */
export function normalizePrinted(text: string): string {
  return text.normalize('NFKC').replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
}

/** `7539.443252` × 10⁴ as decimal text, `75394432.52` (元 printed, 万元 shown): the point moved, no arithmetic. */
export function timesTenThousand(shown: string): string {
  const [int = '0', frac = ''] = shown.split('.');
  const digits = `${int}${frac.padEnd(4, '0')}`;
  const point = int.length + 4;
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const rest = digits.slice(point).replace(/0+$/, '');
  return rest ? `${whole}.${rest}` : whole;
}

const NUMBER = /\d+(?:\.\d+)?/g;

export interface PrintedCheck {
  /** The number as the page shows it, separators removed (`5949.088667`). */
  readonly shown: string;
  /** The source line the record says the cell was read from. */
  readonly line: string;
  /** The cell's printed text (provenance `raw`), when the record has one. */
  readonly raw?: string | undefined;
}

/**
 * Null when `shown` is printed in the source, else why not. A decimal must be one whole printed number, every
 * digit (a rounded 5949.0887 fails against 5949.088667, and 82059.209 against 82059.2090); a number printed in 元
 * must show the same digits in 万元. An integer must be a whole printed number, or, when the cell's printed text
 * is a glued run of digits (`21710000218`), a part of one — never the integer part of a printed decimal.
 */
export function printedMismatch({ shown, line, raw }: PrintedCheck): string | null {
  const digits = shown.replace(/^-/, '');
  const source = normalizePrinted(line);
  const printed = raw === undefined ? undefined : normalizePrinted(raw);
  // A cell's printed text joins the cells of a glued or spread row with spaces; the line has tabs or pipes there.
  const squeeze = (t: string): string => t.replace(/[\s|]+/g, '');
  if (printed !== undefined && !squeeze(source).includes(squeeze(printed))) return `printed text “${printed}” is not on its line “${source}”`;
  const text = printed ?? source;
  const tokens: string[] = text.match(NUMBER) ?? [];
  if (printed !== undefined && /\d\s*元/.test(printed) && !/万元/.test(printed)) {
    return tokens.includes(timesTenThousand(digits)) ? null : `${shown} 万元 is not ${printed}`;
  }
  if (tokens.includes(digits)) return null;
  if (!digits.includes('.') && printed !== undefined && tokens.some((t) => !t.includes('.') && t.includes(digits))) return null;
  return `${shown} is not printed in “${text}”`;
}
