/** Fuzzy matching of printed row labels against the template's labels (by meaning, not by position). */
import { fold } from './normalize.ts';

/** The matchable core of a template label: leaf after " / ", no enumerator, no parenthetical note. */
export function labelKey(label: string): string {
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
  /** Character pairs of the text's tail, per tail length asked for. */
  tails: Map<number, Set<string>>;
}

export function prepareLabel(printed: string): PreparedLabel {
  const text = fold(printed)
    .replace(/\(区分处理的[^)]*\)?/g, '')
    .replace(/\(单位:?万元\)/g, '')
    .replace(/[0-9.]/g, '');
  return { text, tails: new Map() };
}

/**
 * How well prepared label text matches a template label key, 0..1: the share of the key's character pairs found
 * near the end of the text (labels sit right before their values; earlier text is headers and parents).
 */
export function scoreLabel(prepared: PreparedLabel, key: string): number {
  if (!key || !prepared.text) return 0;
  const size = Math.max(2 * key.length + 10, 16);
  const tail = prepared.text.slice(-size);
  if (tail.includes(key)) return 1;
  let have = prepared.tails.get(size);
  if (!have) {
    have = new Set<string>();
    for (let i = 0; i < tail.length - 1; i++) have.add(tail.slice(i, i + 2));
    prepared.tails.set(size, have);
  }
  const pairs = keyPairs(key);
  let hit = 0;
  for (const p of pairs) if (have.has(p)) hit++;
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
