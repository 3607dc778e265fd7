/**
 * The words of the search index and of a query, made by the same functions on both sides (scripts/search-index.ts
 * builds the index with them; the search page turns a query into them), so the two always agree.
 *
 * Chinese has no spaces, and a word segmenter does not cut the same text the same way in every context or engine
 * (Pagefind's indexer and the browser's Intl.Segmenter cut 平潭 as 平潭 in one place and 平|潭 in another, so a
 * search for 平潭 missed pages that had it). So a run of Han characters is indexed as its overlapping character
 * pairs: 行政许可 → 行政 政许 许可. Any text of two or more characters is found by looking up its own pairs,
 * whatever the context; a single character is found as the start of a pair (Pagefind matches a query word as a
 * prefix). Runs of other letters and digits are words of their own, lower-cased.
 *
 * Pagefind segments a query with Intl.Segmenter in the page's language (zh-CN), which would cut a pair again. So
 * each word reaches Pagefind spelt in ASCII letters and digits, which no segmenter cuts: a Han character is `h` and
 * its code point in four base-36 digits, another word is `w` and the word (`行政` → `h0h7ch0e9b`, `2023` → `w2023`).
 * The spelling keeps prefixes (a character's spelling starts its pairs'), and the leading letter keeps the two
 * kinds apart. Nobody sees it: results show their cards (src/lib/search-docs.ts), not Pagefind's text.
 */

/** Runs of Han characters, and runs of other letters and digits (Han characters are letters too: kept out). */
const RUNS = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;
const HAN = /^\p{Script=Han}/u;

/** Spellings made so far: an index repeats the same pairs in every report (cleared when it grows large). */
const spelt = new Map<string, string>();

/** A word as Pagefind gets it (see above). */
export function spell(word: string): string {
  const known = spelt.get(word);
  if (known !== undefined) return known;
  let out: string;
  if (!HAN.test(word)) out = `w${word.toLowerCase()}`;
  else {
    out = '';
    for (const c of word) out += `h${(c.codePointAt(0) as number).toString(36).padStart(4, '0')}`;
  }
  if (spelt.size > 500_000) spelt.clear();
  spelt.set(word, out);
  return out;
}

/** The word a spelling stands for (for tests and debugging). */
export function unspell(spelt: string): string {
  if (spelt.startsWith('w')) return spelt.slice(1);
  return (spelt.match(/h[0-9a-z]{4}/g) ?? []).map((h) => String.fromCodePoint(parseInt(h.slice(1), 36))).join('');
}

/**
 * The index words of a text, spelt: each Han run's overlapping pairs, each other run lower-cased. A lone Han
 * character between punctuation is left out: Pagefind answers a missing word with the longest indexed word it
 * starts with, and no pair must ever be answered by a single character; a single character is still found as a
 * pair's start.
 */
export function textTokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(RUNS)) {
    const run = m[0];
    if (HAN.test(run)) {
      let prev = -1;
      for (const c of run) {
        const code = c.codePointAt(0) as number;
        if (prev >= 0) out.push(spellPair(prev, code));
        prev = code;
      }
    } else {
      out.push(spell(run));
    }
  }
  return out;
}

/** Spellings of character pairs made so far, by their two code points (no pair string is made to look one up). */
const pairs = new Map<number, string>();

/** The spelling of the pair of two Han characters (as spell of the pair). */
function spellPair(a: number, b: number): string {
  const key = a * 0x110000 + b;
  const known = pairs.get(key);
  if (known !== undefined) return known;
  if (pairs.size > 500_000) pairs.clear();
  const out = `h${a.toString(36).padStart(4, '0')}h${b.toString(36).padStart(4, '0')}`;
  pairs.set(key, out);
  return out;
}

/** A name as one word: its letters and digits only, lower-cased (`平潭综合实验区（筹）` → `平潭综合实验区筹`). */
export function wholeWord(name: string): string {
  return (name.match(/[\p{L}\p{N}]+/gu) ?? []).join('').toLowerCase();
}

/**
 * The terms of a query as the reader means them: separated by white space, each kept whole (punctuation inside a
 * term is dropped, as in the index). Every term must appear in a result.
 */
export function queryTerms(query: string): string[] {
  const terms: string[] = [];
  for (const raw of query.split(/\s+/)) {
    const term = wholeWord(raw);
    if (term && !terms.includes(term)) terms.push(term);
  }
  return terms;
}

/**
 * The index words a term is looked up by (unspelt). A Han run of one character is itself (a prefix of pairs); of
 * two, its pair; longer runs are covered by pairs that do not overlap, plus the last pair for an odd length
 * (行政许可 → 行政 许可; 依申请公开 → 依申 请公 公开): every character is in one, at half the lookups of all
 * pairs (each lookup downloads an index chunk). Pages holding all of them hold the term itself almost always; the
 * search page checks each shown result's text and leaves out the rare one that does not.
 */
export function termWords(term: string): string[] {
  const out: string[] = [];
  for (const m of term.matchAll(RUNS)) {
    const run = m[0];
    const chars = [...run];
    if (!HAN.test(run) || chars.length <= 2) {
      out.push(HAN.test(run) ? run : run.toLowerCase());
      continue;
    }
    for (let i = 0; i + 1 < chars.length; i += 2) out.push(`${chars[i]}${chars[i + 1]}`);
    if (chars.length % 2 === 1) out.push(`${chars[chars.length - 2]}${chars[chars.length - 1]}`);
  }
  return out;
}

/** The Pagefind query for full-text search: every term's index words, spelt, once each. */
export function textQuery(terms: readonly string[]): string {
  return [...new Set(terms.flatMap(termWords).map(spell))].join(' ');
}

/**
 * The Pagefind query for the name search, or null when no term could be a name: the terms themselves as whole
 * words, for a query with a Han term of three or more characters (shorter ones are pairs, found by the text
 * search). Agency names are indexed whole in their own field (`fullnames`), so 聊城市卫生健康委员会 finds that
 * agency with one lookup instead of five pairs.
 */
export function nameQuery(terms: readonly string[]): string | null {
  return terms.some((t) => HAN.test(t) && [...t].length >= 3) ? terms.map(spell).join(' ') : null;
}
