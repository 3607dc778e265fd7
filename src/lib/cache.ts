/**
 * The git-ignored record cache between scripts/build-data.ts (writer) and the site (src/components/data.ts reads
 * it; the build publishes .cache/open-data/). The cache lives under CONTENT_ROOT when that is set.
 *   .cache/records/<slug>--<year>.json   one site record each (schema: src/schema/record.ts), read by its report page
 *   .cache/records.json                  all of them, as an array
 *   .cache/summaries.json                all of them without text and provenance: what the list pages need
 *   .cache/open-data/data/…              the open data files (/data/reports.json, cells.csv, <slug>/<year>.json|csv)
 *   .cache/sources/<slug>--<year>.json   the decoded source lines of each report (for the line-anchored listing)
 *   .cache/agencies.json                 slug → canonical name, region, level, kind
 *   .cache/parsed/<sha256>.json          parser output per source file (re-used while sha256 + parser version hold)
 *   .cache/manifest.json                 parser version and file → sha256 of the last run
 */
import { z } from 'zod';
import type { ReportRecord } from '../schema/record.ts';
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

/**
 * A record without its text and provenance (sections, provenance: three quarters of its size). The list pages —
 * home, agencies, agency, years, maintenance, feed — render from these; only a report page loads its full record.
 */
export type RecordSummary = Omit<ReportRecord, 'sections' | 'provenance'>;

export function toSummary(record: ReportRecord): RecordSummary {
  const summary: Partial<ReportRecord> = { ...record };
  delete summary.sections;
  delete summary.provenance;
  return summary as RecordSummary;
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
