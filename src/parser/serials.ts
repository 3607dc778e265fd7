/**
 * A 序号 column: some agencies number their tables' lines (1 第二十条第（一）项, 2 信息内容, 3 规章 …), a column no
 * statutory table has. Text without a grid prints each line's number before its label: on its own
 * (`10 行政处罚`, `12`), or glued onto the previous row's values in a one-line crawl (`行政许可08第二十条…`: the 0
 * of 行政许可, then 8; `…000000023` `2.其他法律…`). Read as cells, they shift every row; so the numbers that count
 * up by one from line to line, over many lines, are taken out first. Pure: tokens in, tokens out.
 */
import type { Token } from './tokens.ts';

/** How many numbers in a row, counting up by one, make a 序号 column (a table has a few dozen lines). */
const MIN_CHAIN = 8;

/**
 * How many numbers a first 序号 run counts at least when some of them are cut from the ends of other numbers (glued
 * onto a row's values in a crawl): eight last digits counting up by one turn up by chance in a crawl of many-digit
 * values, a whole table numbered (the crawl's 1–47) does not.
 */
const MIN_CUT_CHAIN = 16;

/** How many tokens may stand between two serial numbers (a row's label and its values). */
const WINDOW = 12;

/** The digits at most a serial number takes (a table has fewer than 1,000 lines). */
const MAX_DIGITS = 3;

/** How many runs of serial numbers are taken out at most (three tables, each parted at most in two by reading order). */
const MAX_RUNS = 6;

interface Link {
  /** how many of the token's last digits are its serial number */
  digits: number;
  /** chain length from here on, how many of its serials are cut from a token's end (fewest wins), and the next link */
  length: number;
  cuts: number;
  next: { at: number; digits: number } | null;
}

/** Whether chain a is better than chain b: longer, or as long with fewer serials cut from other numbers. */
const better = (a: { length: number; cuts: number }, b: { length: number; cuts: number } | null): boolean =>
  !b || a.length > b.length || (a.length === b.length && a.cuts < b.cuts);

/** A run of a 序号 column's numbers taken out: its first and last number, and the source line of the first. */
export interface SerialRun {
  first: number;
  last: number;
  line: number;
}

/**
 * The token lists (the tables' text regions, in order) without their 序号 column's numbers, if they have one, and
 * the runs of numbers taken out (in text order).
 */
export function dropSerials(lists: readonly Token[][]): { lists: Token[][]; runs: SerialRun[] } {
  const flat: Token[] = [];
  for (const list of lists) for (const t of list) flat.push(t); // (lists.flat(), without its generic path)
  const ends = flat.map(serialEnds);
  const cut = new Map<Token, Token | null>();
  const runs: SerialRun[] = [];
  // the longest chain, then the longest among the other numbers, while one is long enough (reading order can part
  // one table's lines from the next's by many tokens)
  for (let chain = longestChain(flat, ends); chain.length >= MIN_CHAIN && runs.length < MAX_RUNS; chain = longestChain(flat, ends)) {
    // (a later run continues a column already found: reading order parts one table's lines from the next's)
    if (!runs.length && chain.length < MIN_CUT_CHAIN && chain.some(({ at, digits }) => digits < flat[at]!.text.length)) break;
    const head = flat[chain[0]!.at]!;
    const serial = (k: number): number => Number(flat[chain[k]!.at]!.text.slice(-chain[k]!.digits));
    runs.push({ first: serial(0), last: serial(chain.length - 1), line: head.line });
    // each serial's token: dropped when the serial is all of it, else cut to the values printed before it
    for (const { at, digits } of chain) {
      const t = flat[at]!;
      const rest = t.text.slice(0, t.text.length - digits);
      cut.set(t, rest ? { ...t, text: rest, value: Number(rest), glued: t.glued === true && rest.length >= 2 } : null);
      ends[at] = [];
    }
  }
  if (!cut.size) return { lists: lists as Token[][], runs };
  runs.sort((a, b) => a.line - b.line || a.first - b.first);
  return { lists: lists.map((list) => list.flatMap((t) => (cut.has(t) ? (cut.get(t) ? [cut.get(t)!] : []) : [t]))), runs };
}

/** The longest chain of serial numbers counting up by one (see Link), by dynamic programming from the end. */
function longestChain(flat: readonly Token[], ends: ReadonlyArray<ReadonlyArray<[number, number]>>): Array<{ at: number; digits: number }> {
  // (links[i * MAX_DIGITS + digits - 1]: the best chain from token i, its serial being its last `digits` digits; one
  // flat array, not one per token)
  const links = new Array<Link | undefined>(flat.length * MAX_DIGITS).fill(undefined);
  let best: { at: number; digits: number; length: number; cuts: number } | null = null;
  for (let i = flat.length - 1; i >= 0; i--) {
    for (const [digits, serial] of ends[i]!) {
      const cut = digits < flat[i]!.text.length ? 1 : 0;
      let link: Link = { digits, length: 1, cuts: cut, next: null };
      for (let j = i + 1; j < flat.length && j <= i + WINDOW; j++) {
        for (const [d, s] of ends[j]!) {
          const l = links[j * MAX_DIGITS + d - 1];
          if (s !== serial + 1 || !l) continue;
          // (better({ length, cuts }, link), without the object)
          const length = l.length + 1;
          const cuts = l.cuts + cut;
          if (length > link.length || (length === link.length && cuts < link.cuts)) link = { digits, length, cuts, next: { at: j, digits: d } };
        }
      }
      links[i * MAX_DIGITS + digits - 1] = link;
      if (better(link, best)) best = { at: i, digits, length: link.length, cuts: link.cuts };
    }
  }
  const chain: Array<{ at: number; digits: number }> = [];
  for (let at: { at: number; digits: number } | null = best; at; at = links[at.at * MAX_DIGITS + at.digits - 1]!.next) chain.push({ at: at.at, digits: at.digits });
  return chain;
}

/**
 * The serial numbers a token may end with: [digits, value] for each of its last one to three digits that make a
 * number without a leading zero (a digit run only, with no unit or separator; after a sign, `-131218`, only some of
 * its digits: the sign is the run's first cell's). A number that fills a delimited row's cell is whole or nothing.
 */
function serialEnds(t: Token): Array<[number, number]> {
  if (t.kind !== 'num' || t.unit) return NONE;
  const text = t.text;
  const signed = text[0] === '-' || text[0] === '+' ? 1 : 0;
  for (let i = signed; i < text.length; i++) if (text.charCodeAt(i) < 0x30 || text.charCodeAt(i) > 0x39) return NONE;
  const out: Array<[number, number]> = [];
  for (let d = 1; d <= MAX_DIGITS && d <= text.length - signed * 2; d++) {
    // (a number filling a delimited row's cell on its own, `| 61 |`, is one number: no serial is glued onto it)
    if (d < text.length && !t.glued && !signed) continue;
    if (text.charCodeAt(text.length - d) !== 0x30) out.push([d, Number(text.slice(text.length - d))]);
  }
  return out;
}

const NONE: Array<[number, number]> = [];
