/**
 * The git-ignored record cache between scripts/build-data.ts (writer) and the site (src/components/data.ts reads
 * it; the build publishes .cache/open-data/). The cache lives under CONTENT_ROOT when that is set.
 *   .cache/records/<slug>--<year>.json   one site record each (schema: src/schema/record.ts), read by its report page
 *   .cache/records.json                  all of them, as an array
 *   .cache/summaries.json                each report's summary (src/schema/summary.ts): the `reports` collection
 *   .cache/open-data/data/…              the open data files (/data/cells.csv.gz, <slug>/<year>.json.gz|csv.gz …: scripts/open-data.ts)
 *   .cache/digests.json                  each record's digest (record and source lines) as last written: unchanged ones are not rewritten
 *   .cache/sources/<slug>--<year>.json   the decoded source lines of each report (for the line-anchored listing)
 *   .cache/agencies.json                 slug → canonical name, region, level, kind
 *   .cache/parsed/<key>.json             read-step output per source file, keyed by src/pipeline/cache-key.ts
 *   .cache/manifest.json                 code hash and file → sha256 of the last run
 *   .cache/agencies.json                 (above) is the `agencies` collection
 */
import { z } from 'zod';
import { AGENCY_KINDS } from './agency-kind.ts';

export const CACHE_DIR = '.cache';
export const RECORDS_DIR = `${CACHE_DIR}/records`;
export const SOURCES_DIR = `${CACHE_DIR}/sources`;
export const PARSED_DIR = `${CACHE_DIR}/parsed`;
export const RECORDS_FILE = `${CACHE_DIR}/records.json`;
export const AGENCIES_FILE = `${CACHE_DIR}/agencies.json`;
export const MANIFEST_FILE = `${CACHE_DIR}/manifest.json`;
export const SUMMARIES_FILE = `${CACHE_DIR}/summaries.json`;
export const OPEN_DATA_DIR = `${CACHE_DIR}/open-data`;
export const DIGESTS_FILE = `${CACHE_DIR}/digests.json`;

/** .cache/digests.json: the code version of the writers, and id → sha256 of the record and its source lines. */
export interface Digests {
  version: string;
  records: Record<string, string>;
}

/** File name of a record id in the cache: `liaocheng/2020` → `liaocheng--2020.json`. */
export function cacheFileName(id: string): string {
  return `${id.replace(/\//g, '--')}.json`;
}

export const sourceDoc = z.object({
  /** The record id this source belongs to. */
  id: z.string(),
  file: z.string(),
  encoding: z.string(),
  format: z.string(),
  lines: z.array(z.string()),
});
export type SourceDoc = z.infer<typeof sourceDoc>;

export const agencyDoc = z.object({
  slug: z.string(),
  name: z.string().nullable(),
  region: z.string().nullable(),
  level: z.string().nullable(),
  /** Government or department (agencies.yaml `kind`, else from the name): which publication deadline applies. */
  kind: z.enum(AGENCY_KINDS),
  unidentified: z.boolean(),
});
export type AgencyDoc = z.infer<typeof agencyDoc>;

export const manifest = z.object({
  parserVersion: z.string(),
  files: z.record(z.string(), z.object({ sha256: z.string() })),
});
export type Manifest = z.infer<typeof manifest>;
