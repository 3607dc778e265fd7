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

function bigrams(s: string): string[] {
  if (s.length < 2) return s ? [s] : [];
  const out: string[] = [];
  for (let i = 0; i < s.length - 1; i++) out.push(s.slice(i, i + 2));
  return out;
}

/**
 * How well printed label text matches a template label key, 0..1: the share of the key's character pairs found
 * near the end of the text (labels sit right before their values; earlier text is headers and parents).
 */
export function labelScore(printed: string, key: string): number {
  if (!key) return 0;
  const text = fold(printed).replace(/[0-9.]/g, '');
  const tail = text.slice(-Math.max(2 * key.length + 10, 16));
  if (tail.includes(key)) return 1;
  const pairs = bigrams(key);
  if (!pairs.length) return 0;
  const have = new Set(bigrams(tail));
  let hit = 0;
  for (const p of pairs) if (have.has(p)) hit++;
  return hit / pairs.length;
}

/** The item number a printed label starts its last item with ("3.其他" → 3), if any. */
export function lastEnumerator(printed: string): number | null {
  const m = /(\d)\.\D*$/.exec(fold(printed));
  return m ? Number(m[1]) : null;
}
