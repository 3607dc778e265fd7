/**
 * The content collections the pages read (through src/components/data.ts): `reports`, one summary per report
 * (src/schema/summary.ts, derived from the record contract; stored compactly, expanded by data.ts), and `agencies`. Both are filled by one loader from the
 * cache scripts/build-data.ts writes (src/lib/cache.ts; under CONTENT_ROOT when set): an entry whose digest is
 * unchanged is not stored again, an entry whose report was removed is deleted. A report's full record (narrative,
 * provenance, source lines) stays out of the store: only its own page reads it, by id.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { AGENCIES_FILE, agencyDoc, SUMMARIES_FILE } from './lib/cache.ts';
import { storedSummary } from './schema/summary.ts';

/** A loader of one JSON array from the cache, keyed by `key`. */
function cacheLoader(file: string, key: (entry: Record<string, unknown>) => string): Loader {
  return {
    name: `nianbao-cache:${file}`,
    async load({ store, parseData, generateDigest, logger }) {
      const path = join(resolve(process.env['CONTENT_ROOT'] || process.cwd()), file);
      if (!existsSync(path)) {
        logger.warn(`${path} is missing: run \`npm run build\` (scripts/build-data.ts writes it)`);
        store.clear();
        return;
      }
      const entries = JSON.parse(readFileSync(path, 'utf8')) as Array<Record<string, unknown>>;
      const ids = new Set<string>();
      for (const entry of entries) {
        const id = key(entry);
        ids.add(id);
        const digest = generateDigest(entry);
        if (store.get(id)?.digest === digest) continue;
        store.set({ id, data: await parseData({ id, data: entry }), digest });
      }
      for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
    },
  };
}

export const collections = {
  reports: defineCollection({ loader: cacheLoader(SUMMARIES_FILE, (r) => String(r['id'])), schema: storedSummary }),
  agencies: defineCollection({ loader: cacheLoader(AGENCIES_FILE, (a) => String(a['slug'])), schema: agencyDoc }),
};
