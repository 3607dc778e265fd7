/**
 * 表三 printed without its 总计 (a column left blank on every row, as some Word tables are), as text without a grid
 * shows it: rows of six numbers. Whether the table's rows say so, and each such row's six. Pure: no fs, no clock.
 */
import { leadingZero, numberOf, oneLine, type Token } from '../tokens.ts';
import { sumHolds, type ValueRow } from './rows.ts';

const WIDTH = 7;

/** A row's six printed values (the token each came from, where it is one). */
export type Six = ReadonlyArray<{ value: number; token?: Token }>;

export interface Untotalled {
  /** The rows that print six values, read in their own order (not cut from a longer stream), with those six. */
  sixes: Map<ValueRow, Six>;
  /** Every row read short prints six (five such rows at least, or one beside five grid rows with a blank 总计), none seven. */
  throughout: boolean;
  /**
   * …and some row prints a number other than 0, and none such ends with the sum of the five before it: no 总计. Also
   * where a few rows print seven beside more than twice as many (five at least) of six: the agency totalled those few
   * rows only (a renderer that loses a cell loses it here and there, not the 总计 of most rows).
   */
  proven: boolean;
  /** Some row prints seven, in its own order (not cut from a longer stream; one a line, adding up), its 总计 not blank. */
  sevens: boolean;
}

/**
 * What the rows say of a blank 总计 column. `groupsOf` gives the digit groups a run was rejoined from (`6 0 0 0 0 0`
 * printed one space apart: six numbers), when it was. A glued run of six digits (a one-line crawl's `600000`) counts
 * as six one-digit cells; one of seven as a row of seven only where those add up (`9500000` is 95 and five zeros as
 * likely); a grid's row of seven whose 总计 cell is blank says so itself; a row of seven cut from a longer stream, in
 * no known order, is no row that printed seven.
 */
export function untotalled(rows: Iterable<ValueRow>, groupsOf: (t: Token) => readonly Token[] | undefined): Untotalled {
  const digitsOf = (vr: ValueRow): string | null => {
    const t = vr.values.length === 1 ? vr.values[0]! : null;
    const groups = t ? groupsOf(t) : undefined;
    return t && t.glued && /^\d+$/.test(t.text) && (!groups || groups.every((g) => g.text.length === 1)) ? t.text : null;
  };
  const sixOf = (vr: ValueRow): Six | null => {
    if (vr.cut || vr.unordered || vr.unsettled) return null;
    const six = (vr.values.length === 1 ? groupsOf(vr.values[0]!) : undefined) ?? vr.values;
    // (a run opening with 0, `01` or `00`, is no one cell's number: cells glued, the row more than six)
    if (six.length === WIDTH - 1 && six.every((t) => numberOf(t) !== null && !leadingZero(t))) return six.map((t) => ({ value: numberOf(t)!, token: t }));
    const digits = digitsOf(vr);
    return digits && digits.length === WIDTH - 1 ? [...digits].map((d) => ({ value: Number(d) })) : null;
  };
  const sevenDigits = (d: string | null): boolean => !!d && d.length === WIDTH && [...d.slice(0, -1)].reduce((a, c) => a + Number(c), 0) === Number(d[WIDTH - 1]);
  // seven values on one line; one a line (a PDF extractor's stream, cut from the table's cells by count, `8 0 0 0 0 0`
  // `2` a row of six and the next row's first), only when they add up to a 总计 other than 0
  const printedSeven = (vr: ValueRow): boolean => {
    if (vr.values.length !== WIDTH) return false;
    return oneLine(vr.values) || (sumHolds(vr.values) && numberOf(vr.values[WIDTH - 1]!)! > 0);
  };
  const blankTotal = (vr: ValueRow): boolean => vr.values.length === WIDTH && vr.values[WIDTH - 1]!.blank === true;
  const sixes = new Map<ValueRow, Six>();
  let blankTotals = 0;
  let sevenRows = 0;
  for (const vr of rows) {
    const six = sixOf(vr);
    if (six) sixes.set(vr, six);
    if (blankTotal(vr)) blankTotals++;
    else if (!vr.cut && !vr.unordered && (printedSeven(vr) || sevenDigits(digitsOf(vr)))) sevenRows++;
  }
  const sevens = sevenRows > 0;
  const throughout = (sixes.size >= 5 || (sixes.size >= 1 && blankTotals >= 5)) && !sevens;
  const mostly = sixes.size >= 5 && sixes.size > 2 * sevenRows;
  const nonzero = [...sixes.values()].filter((six) => six.some((c) => c.value !== 0));
  const sums = (six: Six): boolean => six.slice(0, -1).reduce((a, c) => a + c.value, 0) === six[WIDTH - 2]!.value;
  return { sixes, throughout, proven: (throughout || mostly) && nonzero.length > 0 && !nonzero.some(sums), sevens };
}
