/**
 * Build-time data access for pages, read straight from the cache scripts/build-data.ts writes (src/lib/cache.ts;
 * under CONTENT_ROOT when set, else the working directory — astro.config.mjs sets it to the project), plus URL
 * helpers bound to the configured base path. Pages render; the computing lives in src/lib/.
 *
 * One shared module, loaded once per build: the list pages get every record's summary (no text, no provenance)
 * from .cache/summaries.json; a report page loads only its own full record and source lines. So memory stays flat
 * however many reports there are, and nothing is copied into Astro's content store.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ReportRecord } from '../schema/record.ts';
import { AGENCIES_FILE, cacheFileName, RECORDS_DIR, SOURCES_DIR, SUMMARIES_FILE, type AgencyDoc, type RecordSummary, type SourceDoc } from '../lib/cache.ts';
import { agenciesWithReports, UNKNOWN_AGENCY, type AgencyInfo, type AgencyWithReports } from '../lib/portal.ts';
import { kindFromName, type AgencyKind } from '../lib/agency-kind.ts';
import { absoluteUrl, withBase } from '../lib/paths.ts';

const MISSING_CACHE = 'run `node --experimental-strip-types scripts/build-data.ts` (part of `npm run build`) first';

/** Absolute path of a cache file. */
function cachePath(file: string): string {
  return join(resolve(process.env['CONTENT_ROOT'] || process.cwd()), file);
}

const warned = new Set<string>();

/** A cache JSON file, or `fallback` (with one warning) when build-data has not written it. */
async function readCache<T>(file: string, fallback: T): Promise<T> {
  const path = cachePath(file);
  if (!existsSync(path)) {
    if (!warned.has(file)) console.warn(`[data] ${path} is missing: ${MISSING_CACHE}`);
    warned.add(file);
    return fallback;
  }
  return JSON.parse(await readFile(path, 'utf8')) as T;
}

let recordsPromise: Promise<RecordSummary[]> | null = null;
let agenciesPromise: Promise<AgencyWithReports<RecordSummary>[]> | null = null;
let bySlugPromise: Promise<Map<string, AgencyWithReports<RecordSummary>>> | null = null;

/** Every report's summary (the record without sections and provenance), ordered by id. */
export function allRecords(): Promise<RecordSummary[]> {
  recordsPromise ??= readCache<RecordSummary[]>(SUMMARIES_FILE, []).then((list) => list.sort((a, b) => a.id.localeCompare(b.id)));
  return recordsPromise;
}

// The two per-page reads are synchronous on purpose: Astro renders one page at a time, and an async read of a small
// file costs more in thread-pool round trips (measured: ~3 ms a page idle) than the read itself.

/** One report's full record (text and provenance included), read when its page is rendered. */
export function recordOf(id: string): ReportRecord {
  return JSON.parse(readFileSync(cachePath(`${RECORDS_DIR}/${cacheFileName(id)}`), 'utf8')) as ReportRecord;
}

/** Decoded source lines of a report, by record id. */
export function sourceOf(id: string): SourceDoc | undefined {
  const path = cachePath(`${SOURCES_DIR}/${cacheFileName(id)}`);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as SourceDoc) : undefined;
}

/** Every agency with its reports (newest first), sorted by name; unidentified ones last. */
export function allAgencies(): Promise<AgencyWithReports<RecordSummary>[]> {
  agenciesPromise ??= Promise.all([allRecords(), readCache<AgencyDoc[]>(AGENCIES_FILE, [])]).then(([records, agencies]) =>
    agenciesWithReports(
      // A cache written before agencies had a kind: the name decides, as build-data would.
      agencies.map((a): AgencyInfo => ({ ...a, kind: a.kind ?? kindFromName(a.name) })),
      records,
    ),
  );
  return agenciesPromise;
}

/** Agencies by slug (constant-time lookups from report, year and data pages). */
export function agencyMap(): Promise<Map<string, AgencyWithReports<RecordSummary>>> {
  bySlugPromise ??= allAgencies().then((list) => new Map(list.map((a) => [a.slug, a])));
  return bySlugPromise;
}

/** Kind of an agency slug (government or department: its reports' publication deadline); from the name when unknown. */
export async function agencyKinds(): Promise<(slug: string, printedName?: string | null) => AgencyKind> {
  const map = await agencyMap();
  return (slug: string, printedName?: string | null) => map.get(slug)?.kind ?? kindFromName(printedName);
}

/** Display name of an agency slug (机构不详 when unknown). */
export async function agencyNamer(): Promise<(slug: string) => string> {
  const map = await agencyMap();
  return (slug: string) => map.get(slug)?.displayName ?? UNKNOWN_AGENCY;
}

/** Site path → URL under the configured base (`/agencies/` → `/nianbao/agencies/`). */
export function href(path: string): string {
  return withBase(import.meta.env.BASE_URL, path);
}

/** Site path → absolute URL (for the sitemap, the feed, OpenGraph). */
export function absolute(site: URL | undefined, path: string): string {
  return absoluteUrl(site ?? 'https://example.org', import.meta.env.BASE_URL, path);
}

export const SITE_NAME = '公开年报';
export const SITE_TAGLINE = '政府信息公开工作年度报告数据门户';
