/**
 * The git-ignored record cache between scripts/build-data.ts (writer) and src/content.config.ts (reader).
 *   .cache/records/<slug>--<year>.json   one site record each (schema: src/schema/record.ts)
 *   .cache/records.json                  all of them, as an array
 *   .cache/sources/<slug>--<year>.json   the decoded source lines of each report (for the line-anchored listing)
 *   .cache/agencies.json                 slug → canonical name, region, level
 *   .cache/parsed/<sha256>.json          parser output per source file (re-used while sha256 + parser version hold)
 *   .cache/manifest.json                 parser version and file → sha256 of the last run
 */
import { z } from 'zod';

export const CACHE_DIR = '.cache';
export const RECORDS_DIR = `${CACHE_DIR}/records`;
export const SOURCES_DIR = `${CACHE_DIR}/sources`;
export const PARSED_DIR = `${CACHE_DIR}/parsed`;
export const RECORDS_FILE = `${CACHE_DIR}/records.json`;
export const AGENCIES_FILE = `${CACHE_DIR}/agencies.json`;
export const MANIFEST_FILE = `${CACHE_DIR}/manifest.json`;

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
  unidentified: z.boolean(),
});
export type AgencyDoc = z.infer<typeof agencyDoc>;

export const manifest = z.object({
  parserVersion: z.string(),
  files: z.record(z.string(), z.object({ sha256: z.string() })),
});
export type Manifest = z.infer<typeof manifest>;
