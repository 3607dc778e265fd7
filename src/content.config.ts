/**
 * Content collections, loaded from the cache scripts/build-data.ts writes (see src/lib/cache.ts):
 *   reports  — one entry per report; schema: the record contract (src/schema/record.ts), entry id = record id
 *   sources  — the decoded source lines of each report, for the line-anchored listing on its page
 *   agencies — canonical name, region and level per agency slug (from content/agencies.yaml)
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { record } from './schema/record.ts';
import { AGENCIES_FILE, agencyDoc, RECORDS_DIR, sourceDoc, SOURCES_DIR } from './lib/cache.ts';

const MISSING_CACHE = 'run `node --experimental-strip-types scripts/build-data.ts` (part of `npm run build`) first';

/**
 * Directory holding .cache/ (as `build-data --root DIR` writes it): CONTENT_ROOT when set (the benchmark builds
 * generated corpora this way), else the Astro project root.
 */
function cacheRoot(projectRoot: URL): URL {
  const dir = process.env['CONTENT_ROOT'];
  return dir ? pathToFileURL(`${resolve(dir)}/`) : projectRoot;
}

/** Loads every JSON file of a cache directory; each file holds one entry with a string `id`. */
function cacheDirLoader(name: string, dir: string): Loader {
  return {
    name,
    load: async ({ store, parseData, generateDigest, config, logger }) => {
      const path = new URL(`${dir}/`, cacheRoot(config.root));
      if (!existsSync(path)) {
        logger.warn(`${dir} is missing: ${MISSING_CACHE}`);
        store.clear();
        return;
      }
      const files = (await readdir(path)).filter((f) => f.endsWith('.json')).sort();
      store.clear();
      for (const file of files) {
        const raw = JSON.parse(await readFile(new URL(file, path), 'utf8')) as Record<string, unknown> & { id: string };
        const data = await parseData({ id: raw.id, data: raw });
        store.set({ id: raw.id, data, digest: generateDigest(raw) });
      }
    },
  };
}

const reports = defineCollection({
  loader: cacheDirLoader('report-records', RECORDS_DIR),
  schema: record,
});

const sources = defineCollection({
  loader: cacheDirLoader('report-sources', SOURCES_DIR),
  schema: sourceDoc,
});

const agencies = defineCollection({
  loader: {
    name: 'agency-index',
    load: async ({ store, parseData, generateDigest, config, logger }) => {
      const path = new URL(AGENCIES_FILE, cacheRoot(config.root));
      store.clear();
      if (!existsSync(path)) {
        logger.warn(`${AGENCIES_FILE} is missing: ${MISSING_CACHE}`);
        return;
      }
      const list = JSON.parse(await readFile(path, 'utf8')) as Array<Record<string, unknown> & { slug: string }>;
      for (const raw of list) {
        const data = await parseData({ id: raw.slug, data: raw });
        store.set({ id: raw.slug, data, digest: generateDigest(raw) });
      }
    },
  },
  schema: agencyDoc,
});

export const collections = { reports, sources, agencies };
