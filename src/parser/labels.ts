/** Fuzzy matching of printed row labels against the template's labels (by meaning, not by position). */
import { memoized } from './memo.ts';
import { fold } from './normalize.ts';

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

/**
 * Quotes (fold() makes every kind `"`) name no row, and a PDF's text may print them apart from the words they quote
 * (`3.危` `“` `及` `三安` `全一` `稳` `”` `定`): label keys and printed labels are compared without them.
 */
const QUOTES = /"/g;
/** The quotes fold() makes `"`, by char code. */
const QUOTE_CODES = new Set([...'"“”″「」『』'].map((c) => c.charCodeAt(0)));

function computeLabelKey(label: string): string {
  const leaf = label.split(' / ').pop() ?? label;
  return fold(leaf)
    .replace(/^[一二三四五六七八九十]+、/, '')
    .replace(/^\([一二三四五六七八九十]+\)/, '')
    .replace(/^\d+\./, '')
    .replace(/\(区分处理的.*?\)/, '')
    .replace(/\(单位:?万元\)|\(万元\)/, '')
    .replace(QUOTES, '');
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

const preparedMemo = new Map<string, PreparedLabel>();

/** prepareLabel, memoised per printed label (callers only read the result). */
export function prepareLabel(printed: string): PreparedLabel {
  return memoized(preparedMemo, printed, computePrepared);
}

function computePrepared(printed: string): PreparedLabel {
  const text = fold(printed)
    .replace(/\(区分处理的[^)]*\)?/g, '')
    .replace(/\(单位:?万元\)/g, '')
    .replace(/[0-9."]/g, '');
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
  // a key of one pair (其他, 3.其他's) is a word any header has: it names a row only where it ends the text
  // (`…法律服务机其他构益组织构`, a header's column names wrapped after its 其他 column, names no row 3.其他)
  if (key.length === 2) return prepared.text.replace(TRAILING_MARKS, '').endsWith(key) ? 1 : 0;
  // every pair of the key inside the tail scores 1, which is also the case when the key itself is there
  const pairs = keyPairs(key);
  let hit = 0;
  for (const p of pairs) {
    const i = prepared.lastPair.get(p);
    if (i !== undefined && i >= from) hit++;
  }
  return hit / pairs.length;
}

/**
 * Whether the end of a printed label is two keys' characters interleaved, each key's in order and neither printed
 * whole (`行行政政处强罚制`: 行政处罚 and 行政强制, two rows' labels a PDF-to-markdown converter merged character by
 * character, as it merges the two rows' numbers into one run, `277684`). Such a label names neither row for certain.
 * Each key is taken greedily as a subsequence of the text, the second among the characters the first left; the two
 * must cover every character from the first one taken to the label's end.
 */
export function interleavedKeys(printed: string, a: string, b: string): boolean {
  const text = prepareLabel(printed).text.replace(/[^\p{L}]/gu, '');
  if (a.length < 3 || b.length < 3 || text.includes(a) || text.includes(b)) return false;
  const tail = text.slice(-(a.length + b.length));
  const used = new Uint8Array(tail.length);
  const take = (key: string): boolean => {
    let k = 0;
    for (let i = 0; i < tail.length && k < key.length; i++) {
      if (!used[i] && tail[i] === key[k]) {
        used[i] = 1;
        k++;
      }
    }
    return k === key.length;
  };
  return take(a) && take(b) && used.every((u) => u === 1);
}

/** Punctuation and marks after a label's last word (`规章,` in a comma-separated row). */
const TRAILING_MARKS = /[^\p{L}\p{N}]+$/u;

/** Label score from which printed text counts as a row's label, in every table reader. */
export const LABEL_MATCH = 0.6;

/** scoreLabel on raw printed text. */
export function labelScore(printed: string, key: string): number {
  return scoreLabel(prepareLabel(printed), key);
}

const listMemos = new WeakMap<readonly string[], Map<string, Float64Array>>();

/**
 * labelScore of a printed label against each key of a list that is built once and reused (memoised per list and
 * label; the result is shared: read it, never write it).
 */
export function labelScores(printed: string, keys: readonly string[]): Float64Array {
  let memo = listMemos.get(keys);
  if (!memo) listMemos.set(keys, (memo = new Map()));
  return memoized(memo, printed, (label) => {
    const prepared = prepareLabel(label);
    return Float64Array.from(keys, (k) => scoreLabel(prepared, k));
  });
}


/** The template's label keys indexed by character pair, to score one printed label against all keys in one pass. */
export interface KeyIndex {
  keys: string[];
  /** first char code → second char code → pair id */
  pairIds: Map<number, Map<number, number>>;
  /** pair id → indexes of the keys that contain that pair (each key once) */
  keysOfPair: number[][];
  /** distinct pairs per key */
  pairCount: number[];
  /** how many trailing characters of a label each key is looked for in */
  tail: number[];
  maxTail: number;
  /** scratch: the generation in which each pair id was last seen (reused across calls) */
  stamp: Int32Array;
  generation: number;
  /** scoreAll results per printed label */
  memo: Map<string, Float64Array>;
}

const tailSize = (key: string): number => Math.max(2 * key.length + 10, 16);

export function indexKeys(keys: readonly string[]): KeyIndex {
  const pairIds = new Map<number, Map<number, number>>();
  const keysOfPair: number[][] = [];
  const pairCount: number[] = [];
  keys.forEach((key, j) => {
    const distinct = new Set<number>();
    for (let i = 0; i < key.length - 1; i++) {
      const a = key.charCodeAt(i);
      const b = key.charCodeAt(i + 1);
      let inner = pairIds.get(a);
      if (!inner) pairIds.set(a, (inner = new Map()));
      let id = inner.get(b);
      if (id === undefined) {
        id = keysOfPair.length;
        inner.set(b, id);
        keysOfPair.push([]);
      }
      distinct.add(id);
    }
    pairCount.push(distinct.size);
    for (const id of distinct) keysOfPair[id]!.push(j);
  });
  const tail = keys.map(tailSize);
  return { keys: [...keys], pairIds, keysOfPair, pairCount, tail, maxTail: Math.max(16, ...tail), stamp: new Int32Array(keysOfPair.length), generation: 0, memo: new Map() };
}

/** Characters prepareLabel drops: white space, ideographic space, digits, '.' and quotes (of every kind fold() makes `"`). */
const skipped = (c: number): boolean => QUOTE_CODES.has(c) || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x3000 || c === 0x2e || (c >= 0x30 && c <= 0x39);

/**
 * The last `size` characters of prepareLabel(printed).text, computed on the end of the raw label only (labels
 * accumulate header text). Falls back to prepareLabel when a note has to be cut out.
 */
function preparedTail(printed: string, size: number): string {
  if (printed.includes('区分处理') || printed.includes('万元')) return prepareLabel(printed).text.slice(-size);
  let start = printed.length;
  for (let kept = 0; start > 0 && kept < size; ) if (!skipped(printed.charCodeAt(--start))) kept++;
  return fold(printed.slice(start)).replace(/[\d."]/g, '');
}

/**
 * labelScore of one printed label against every indexed key (same values, one pass over the label's tail).
 * Memoised per index and label: the result is shared, read it, never write it.
 */
export function scoreAll(printed: string, index: KeyIndex): Float64Array {
  return memoized(index.memo, printed, (label) => computeScoreAll(label, index));
}

function computeScoreAll(printed: string, index: KeyIndex): Float64Array {
  const scores = new Float64Array(index.keys.length);
  const text = preparedTail(printed, index.maxTail);
  if (!text) return scores;
  const L = text.length;
  const gen = ++index.generation;
  for (let i = L - 2; i >= 0 && i >= L - index.maxTail; i--) {
    const id = index.pairIds.get(text.charCodeAt(i))?.get(text.charCodeAt(i + 1));
    if (id === undefined || index.stamp[id] === gen) continue; // only the last occurrence counts
    index.stamp[id] = gen;
    for (const j of index.keysOfPair[id]!) if (i >= L - index.tail[j]!) scores[j]! += 1;
  }
  index.keys.forEach((key, j) => {
    if (key.length < 2) {
      const at = text.lastIndexOf(key);
      scores[j] = key && at !== -1 && at >= L - index.tail[j]! ? 1 : 0;
    } else scores[j] = scores[j]! / index.pairCount[j]!;
  });
  return scores;
}

/** How much less than the label named last the other labels a block names in full score (enough to break a tie). */
const EARLIER_LABEL = 0.05;

/**
 * Scores (as scoreAll gives them) where a printed label names several rows in full: the labels of rows that printed
 * nothing run together before a row's values (`二、上年结转政府信息公开申请数量` `三、本年度办理结果` `（一）予以公开`
 * `1 1`), and the values are the row's named last, so the others score a little less. The scores as given when no
 * such tie stands (shared: read them, never write them).
 */
export function lastNamed(printed: string, keys: readonly string[], scores: ArrayLike<number>): ArrayLike<number> {
  let top = 0;
  for (let j = 0; j < scores.length; j++) if (scores[j]! > top) top = scores[j]!;
  if (top < 1) return scores;
  const tied: number[] = [];
  for (let j = 0; j < scores.length; j++) if (scores[j] === top) tied.push(j);
  if (tied.length < 2) return scores;
  const { text, lastPair } = prepareLabel(printed);
  // where each key ends in the label: its last whole occurrence, else the last start of its last pair
  const end = (key: string): number => {
    const at = text.lastIndexOf(key);
    return at >= 0 ? at + key.length : key.length < 2 ? -1 : (lastPair.get(key.slice(-2)) ?? -3) + 2;
  };
  const ends = tied.map((j) => end(keys[j]!));
  const last = Math.max(...ends);
  if (ends.filter((e) => e === last).length > 1) return scores;
  const out = new Float64Array(scores); // (a copy; Float64Array.from would go through the iterator)
  tied.forEach((j, k) => {
    if (ends[k] !== last) out[j] = top - EARLIER_LABEL;
  });
  return out;
}
