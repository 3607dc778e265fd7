/**
 * Memo of per-text results. Printed labels repeat across reports (they are the template's own wording), so one
 * computation serves many parses; the cap keeps memory bounded on corpora of unusual labels. Still pure: a memo
 * returns exactly what the computation would, so callers must only read what it returns.
 */
const MEMO_CAP = 4096;

export function memoized<V>(memo: Map<string, V>, text: string, compute: (text: string) => V): V {
  let v = memo.get(text);
  if (v === undefined) {
    if (memo.size >= MEMO_CAP) memo.clear();
    v = compute(text);
    memo.set(text, v);
  }
  return v;
}
