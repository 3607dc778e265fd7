/**
 * Memo of per-text results. Printed labels repeat across reports (they are the template's own wording), so one
 * computation serves many parses; the caps keep memory bounded on corpora of unusual labels (so many entries, texts
 * so long: a longer one, a one-line crawl's run of words, is computed each time). Still pure: a memo returns exactly
 * what the computation would, so callers must only read what it returns.
 */
const MEMO_CAP = 4096;
const MAX_KEY = 1024;

export function memoized<V>(memo: Map<string, V>, text: string, compute: (text: string) => V): V {
  if (text.length > MAX_KEY) return compute(text);
  let v = memo.get(text);
  if (v === undefined) {
    if (memo.size >= MEMO_CAP) memo.clear();
    v = compute(text);
    memo.set(text, v);
  }
  return v;
}
