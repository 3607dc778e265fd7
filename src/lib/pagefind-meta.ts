/**
 * Compacts a Pagefind index part's metadata (`pagefind.<hash>.pf_meta`), which a first search downloads for every
 * part: its page list (one entry a page: fragment name, word count, fragment group) and its chunk list (one entry
 * per index chunk: first word, last word, chunk name). Pagefind names fragments and chunks by a content hash (7 hex
 * digits that gzip cannot shrink: ~3.5 bytes a page); here they are renamed by position (base 36, after the part's prefix: `2_1z`), and each
 * page's word count (used only to weigh page length in the ranking) is kept to two significant digits, so the page
 * list gzips to about a third. The part's files are then renamed to match (scripts/search-index.ts), and the part's
 * folder is named by a digest of the new metadata, so a cache never mixes two builds' names.
 *
 * The format is Pagefind's own (CBOR after a `pagefind_dcd` header, gzipped), not a public API: compactMeta checks
 * the version and the shape it knows and returns null for anything else (the part is then left as Pagefind wrote it).
 *
 * Pure: bytes in, bytes and renames out.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { decode, encode } from 'cbor2';

/** The Pagefind version whose metadata layout this knows. */
export const KNOWN_VERSION = '1.6.0';
const HEADER = 'pagefind_dcd';

export interface CompactedMeta {
  /** The new metadata file's bytes (gzipped, as Pagefind serves it). */
  readonly bytes: Buffer;
  /** Fragment name → new name (files `fragment/<name>.pf_fragment`). */
  readonly fragments: ReadonlyMap<string, string>;
  /** Index chunk name → new name (files `index/<name>.pf_index`). */
  readonly chunks: ReadonlyMap<string, string>;
}

/** A count to two significant digits (3,538 → 3,500; 87 → 87). */
export function twoDigits(n: number): number {
  if (!Number.isFinite(n) || n < 100) return n;
  const scale = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / scale) * scale;
}

const isString = (v: unknown): v is string => typeof v === 'string';

/**
 * The compacted metadata, or null when the bytes are not metadata of the known layout. `prefix` starts every new
 * fragment name: a fragment's name is its result's id, which must differ between the parts a search merges.
 */
export function compactMeta(gzipped: Uint8Array, prefix: string): CompactedMeta | null {
  let body: Buffer;
  try {
    body = gunzipSync(gzipped);
  } catch {
    return null;
  }
  if (body.subarray(0, HEADER.length).toString('utf8') !== HEADER) return null;
  let meta: unknown;
  try {
    meta = decode(body.subarray(HEADER.length));
  } catch {
    return null;
  }
  if (!Array.isArray(meta) || meta[0] !== KNOWN_VERSION) return null;
  const [version, pages, chunks, ...rest] = meta as [unknown, unknown, unknown, ...unknown[]];
  if (!Array.isArray(pages) || !Array.isArray(chunks)) return null;
  const pageOk = (p: unknown): p is [string, number, string] => Array.isArray(p) && p.length === 3 && isString(p[0]) && typeof p[1] === 'number' && p[2] === '';
  const chunkOk = (c: unknown): c is [string, string, string] => Array.isArray(c) && c.length === 3 && c.every(isString);
  // Fragment groups (a non-empty third field) share a file: not renamed here.
  if (!pages.every(pageOk) || !chunks.every(chunkOk)) return null;
  const fragments = new Map<string, string>();
  const newPages = pages.map((p, i) => {
    const name = `${prefix}${i.toString(36)}`;
    fragments.set(p[0], name);
    return [name, twoDigits(p[1]), p[2]];
  });
  const chunkNames = new Map<string, string>();
  const newChunks = chunks.map((c, i) => {
    const name = i.toString(36);
    chunkNames.set(c[2], name);
    return [c[0], c[1], name];
  });
  if (fragments.size !== pages.length || chunkNames.size !== chunks.length) return null;
  const out = Buffer.concat([Buffer.from(HEADER, 'utf8'), Buffer.from(encode([version, newPages, newChunks, ...rest]))]);
  return { bytes: gzipSync(out, { level: 9 }), fragments, chunks: chunkNames };
}
