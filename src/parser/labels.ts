/** Fuzzy matching of printed row labels against the template's labels (by meaning, not by position). */
import { fold, FOLD_PUNCT } from './normalize.ts';

/** The matchable core of a template label: leaf after " / ", no enumerator, no parenthetical note. */
const labelKeys = new Map<string, string>();

export function labelKey(label: string): string {
  let k = labelKeys.get(label);
  if (k === undefined) {
    k = computeLabelKey(label);
    labelKeys.set(label, k);
  }
  return k;
}

function computeLabelKey(label: string): string {
  const leaf = label.split(' / ').pop() ?? label;
  return fold(leaf)
    .replace(/^[一二三四五六七八九十]+、/, '')
    .replace(/^\([一二三四五六七八九十]+\)/, '')
    .replace(/^\d+\./, '')
    .replace(/\(区分处理的.*?\)/, '')
    .replace(/\(单位:?万元\)|\(万元\)/, '');
}

const keyCache = new Map<string, string[]>();
function keyPairs(key: string): string[] {
  let pairs = keyCache.get(key);
  if (!pairs) {
    pairs = [];
    if (key.length < 2) pairs.push(key);
    else for (let i = 0; i < key.length - 1; i++) pairs.push(key.slice(i, i + 2));
    keyCache.set(key, pairs);
  }
  return pairs;
}

/** Printed label text prepared once for many scoreLabel calls: folded, notes and enumerators removed. */
export interface PreparedLabel {
  text: string;
  /** Each character pair of the text → where it last starts (a pair is in a tail when it starts inside it). */
  lastPair: Map<string, number>;
}

export function prepareLabel(printed: string): PreparedLabel {
  const text = fold(printed)
    .replace(/\(区分处理的[^)]*\)?/g, '')
    .replace(/\(单位:?万元\)/g, '')
    .replace(/[0-9.]/g, '');
  const lastPair = new Map<string, number>();
  for (let i = 0; i < text.length - 1; i++) lastPair.set(text.slice(i, i + 2), i);
  return { text, lastPair };
}

/**
 * How well prepared label text matches a template label key, 0..1: the share of the key's character pairs found
 * near the end of the text (labels sit right before their values; earlier text is headers and parents).
 */
export function scoreLabel(prepared: PreparedLabel, key: string): number {
  if (!key || !prepared.text) return 0;
  const from = prepared.text.length - Math.max(2 * key.length + 10, 16);
  if (key.length < 2) {
    const at = prepared.text.lastIndexOf(key);
    return at !== -1 && at >= from ? 1 : 0;
  }
  // every pair of the key inside the tail scores 1, which is also the case when the key itself is there
  const pairs = keyPairs(key);
  let hit = 0;
  for (const p of pairs) {
    const i = prepared.lastPair.get(p);
    if (i !== undefined && i >= from) hit++;
  }
  return hit / pairs.length;
}

/** scoreLabel on raw printed text. */
export function labelScore(printed: string, key: string): number {
  return scoreLabel(prepareLabel(printed), key);
}

/** The item number a printed label starts its last item with ("3.其他" → 3), if any. */
export function lastEnumerator(printed: string): number | null {
  const m = /(\d)\.\D*$/.exec(fold(printed));
  return m ? Number(m[1]) : null;
}

/** The template's label keys indexed by character pair, to score one printed label against all keys in one pass. */
export interface KeyIndex {
  keys: string[];
  /** pair → indexes of the keys that contain it (each key once per distinct pair). */
  byPair: Map<string, number[]>;
  /** distinct pairs per key */
  pairCount: number[];
  /** how many trailing characters of a label each key is looked for in */
  tail: number[];
  maxTail: number;
}

const tailSize = (key: string): number => Math.max(2 * key.length + 10, 16);

export function indexKeys(keys: readonly string[]): KeyIndex {
  const byPair = new Map<string, number[]>();
  const pairCount: number[] = [];
  keys.forEach((key, j) => {
    const distinct = new Set<string>();
    for (let i = 0; i < key.length - 1; i++) distinct.add(key.slice(i, i + 2));
    pairCount.push(distinct.size);
    for (const p of distinct) {
      const list = byPair.get(p);
      if (list) list.push(j);
      else byPair.set(p, [j]);
    }
  });
  const tail = keys.map(tailSize);
  return { keys: [...keys], byPair, pairCount, tail, maxTail: Math.max(16, ...tail) };
}

const SKIP = /[\s\u3000\d.]/;

/**
 * The last `size` characters of prepareLabel(printed).text, built from the end of the raw label without folding
 * all of it (labels accumulate header text). Falls back to prepareLabel when a note has to be cut out.
 */
function preparedTail(printed: string, size: number): string {
  if (printed.includes('区分处理') || printed.includes('万元')) return prepareLabel(printed).text.slice(-size);
  const out: string[] = [];
  for (let i = printed.length - 1; i >= 0 && out.length < size; i--) {
    const ch = printed.charAt(i);
    if (SKIP.test(ch)) continue;
    out.push(FOLD_PUNCT[ch] ?? ch);
  }
  return out.reverse().join('');
}

/** labelScore of one printed label against every indexed key (same values, one pass over the label's tail). */
export function scoreAll(printed: string, index: KeyIndex): Float64Array {
  const scores = new Float64Array(index.keys.length);
  const text = preparedTail(printed, index.maxTail);
  if (!text) return scores;
  const L = text.length;
  const seen = new Set<string>();
  for (let i = L - 2; i >= 0 && i >= L - index.maxTail; i--) {
    const p = text.slice(i, i + 2);
    if (seen.has(p)) continue; // only the last occurrence counts
    seen.add(p);
    const keys = index.byPair.get(p);
    if (!keys) continue;
    for (const j of keys) if (i >= L - index.tail[j]!) scores[j]! += 1;
  }
  index.keys.forEach((key, j) => {
    if (key.length < 2) {
      const at = text.lastIndexOf(key);
      scores[j] = key && at !== -1 && at >= L - index.tail[j]! ? 1 : 0;
    } else scores[j] = scores[j]! / index.pairCount[j]!;
  });
  return scores;
}
