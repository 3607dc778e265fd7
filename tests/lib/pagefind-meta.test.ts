import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decode, encode } from 'cbor2';
import * as pagefind from 'pagefind';
import { compactMeta, KNOWN_VERSION, twoDigits } from '../../src/lib/pagefind-meta.ts';

/** A real Pagefind index of a few pages, as Pagefind writes it. */
let files: Array<{ path: string; content: Uint8Array }> = [];

beforeAll(async () => {
  const { index } = await pagefind.createIndex({ forceLanguage: 'und' });
  if (!index) throw new Error('pagefind did not start');
  for (let i = 0; i < 40; i++) {
    const words = Array.from({ length: 30 + i * 7 }, (_, j) => `w${(i * 13 + j) % 97}`).join(' ');
    await index.addHTMLFile({ url: `/p/${i}/`, content: `<html><body><main data-pagefind-body><p>${words}</p></main></body></html>` });
  }
  files = (await index.getFiles()).files.map((f) => ({ path: f.path, content: f.content }));
}, 60_000);
afterAll(async () => pagefind.close());

const metaOf = (bytes: Uint8Array): unknown[] => decode(gunzipSync(bytes).subarray('pagefind_dcd'.length)) as unknown[];

describe('compactMeta', () => {
  test('renames every fragment (after the part’s prefix, so results of merged parts keep distinct ids) and index chunk by position, and keeps the rest of the metadata', () => {
    const meta = files.find((f) => f.path.endsWith('.pf_meta'));
    expect(meta).toBeDefined();
    const before = metaOf(meta!.content) as [string, Array<[string, number, string]>, Array<[string, string, string]>, ...unknown[]];
    expect(before[0]).toBe(KNOWN_VERSION);
    const compact = compactMeta(meta!.content, '2_');
    expect(compact).not.toBeNull();
    const fragmentFiles = files.filter((f) => f.path.startsWith('fragment/')).map((f) => /^fragment\/(.+)\.pf_fragment$/.exec(f.path)?.[1]);
    const chunkFiles = files.filter((f) => f.path.startsWith('index/')).map((f) => /^index\/(.+)\.pf_index$/.exec(f.path)?.[1]);
    expect(fragmentFiles).toHaveLength(40);
    expect([...compact!.fragments.keys()].sort()).toEqual([...fragmentFiles].sort());
    expect([...compact!.chunks.keys()].sort()).toEqual([...chunkFiles].sort());
    const after = metaOf(compact!.bytes) as typeof before;
    expect(after[1].map((p) => p[0])).toEqual(before[1].map((_, i) => `2_${i.toString(36)}`));
    expect(after[1].map((p) => p[1])).toEqual(before[1].map((p) => twoDigits(p[1])));
    expect(after[2].map((c) => [c[0], c[1]])).toEqual(before[2].map((c) => [c[0], c[1]]));
    expect(after.slice(3)).toEqual(before.slice(3));
    expect(compact!.bytes.length).toBeLessThan(meta!.content.length);
  });

  test('returns null for what is not metadata of the known layout', () => {
    expect(compactMeta(new Uint8Array([1, 2, 3]), '1_')).toBeNull();
    expect(compactMeta(gzipSync(Buffer.from('pagefind_dcd not cbor')), '1_')).toBeNull();
    const other = gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(encode(['9.9.9', [], [], [], []]))]));
    expect(compactMeta(other, '1_')).toBeNull();
    const grouped = gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(encode([KNOWN_VERSION, [['und_1', 10, 'group1']], [], [], []]))]));
    expect(compactMeta(grouped, '1_')).toBeNull();
  });

  test('twoDigits keeps two significant digits of a count of 100 or more', () => {
    expect([0, 7, 99, 100, 3538, 3550, 12_345].map(twoDigits)).toEqual([0, 7, 99, 100, 3500, 3600, 12_000]);
  });
});
