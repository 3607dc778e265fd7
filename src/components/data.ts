/**
 * Build-time data access for pages: the `reports` and `agencies` content collections (src/content.config.ts) through
 * one memoised wrapper, a report's own full record and source lines by id from the cache scripts/build-data.ts
 * writes (src/lib/cache.ts; under CONTENT_ROOT when set), plus URL helpers bound to the configured base path.
 * Pages render; the computing lives in src/lib/.
 *
 * The list pages get every report's summary (src/schema/summary.ts: figures, counts, no text, no tables) from the
 * collection; a report page loads only its own full record and source lines. So the store stays small however
 * many reports there are.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getCollection as astroGetCollection, type CollectionEntry } from 'astro:content';
import { fromStored, type ReportSummary } from '../schema/summary.ts';
import type { ReportRecord } from '../schema/record.ts';
import { cacheFileName, RECORDS_DIR, SOURCES_DIR, type SourceDoc } from '../lib/cache.ts';
import { agenciesWithReports, UNKNOWN_AGENCY, type AgencyInfo, type AgencyWithReports } from '../lib/portal.ts';
import { kindFromName, type AgencyKind } from '../lib/agency-kind.ts';
import { absoluteUrl, withBase } from '../lib/paths.ts';

/** Absolute path of a cache file. */
function cachePath(file: string): string {
  return join(resolve(process.env['CONTENT_ROOT'] || process.cwd()), file);
}

type Name = 'reports' | 'agencies';
const collectionPromises = new Map<Name, Promise<unknown>>();

/**
 * Astro's getCollection, memoised: each collection is read from the data store once per build, however many pages
 * list it. Pages call it by name (`await getCollection('reports')`) and shape the entries with the helpers below.
 */
export function getCollection<C extends Name>(name: C): Promise<CollectionEntry<C>[]> {
  let p = collectionPromises.get(name) as Promise<CollectionEntry<C>[]> | undefined;
  if (!p) {
    p = astroGetCollection(name) as Promise<CollectionEntry<C>[]>;
    collectionPromises.set(name, p);
  }
  return p;
}

const agencyIndexes = new WeakMap<object, Map<string, CollectionEntry<'agencies'>['data']>>();
/** The agencies collection by slug (a report page looks up its own agency; built once per build). */
export function agencyIndex(entries: readonly CollectionEntry<'agencies'>[]): Map<string, CollectionEntry<'agencies'>['data']> {
  return memo(agencyIndexes, entries, () => new Map(entries.map((e) => [e.id, e.data])));
}

/** Memoised on the entries array (one per build), so every page shares one list. */
function memo<K extends object, V>(cache: WeakMap<K, V>, key: K, make: () => V): V {
  let v = cache.get(key);
  if (v === undefined) {
    v = make();
    cache.set(key, v);
  }
  return v;
}

const summaryLists = new WeakMap<object, ReportSummary[]>();
/** The reports' summaries (src/schema/summary.ts), ordered by id. */
export function summaries(entries: readonly CollectionEntry<'reports'>[]): ReportSummary[] {
  return memo(summaryLists, entries, () => entries.map((e) => fromStored(e.data)).sort((a, b) => a.id.localeCompare(b.id)));
}

const agencyLists = new WeakMap<object, WeakMap<object, AgencyWithReports<ReportSummary>[]>>();
/** Every agency with its reports (newest first), sorted by name; unidentified ones last. */
export function agenciesOf(agencies: readonly CollectionEntry<'agencies'>[], reports: readonly CollectionEntry<'reports'>[]): AgencyWithReports<ReportSummary>[] {
  const byReports = memo(agencyLists, agencies, () => new WeakMap<object, AgencyWithReports<ReportSummary>[]>());
  return memo(byReports, reports, () =>
    agenciesWithReports(
      agencies.map((e): AgencyInfo => e.data),
      summaries(reports),
    ),
  );
}

const lookups = new WeakMap<object, Map<string, AgencyWithReports<ReportSummary>>>();
/** Agencies by slug (constant-time lookups from year and data pages). */
export function bySlug(list: readonly AgencyWithReports<ReportSummary>[]): Map<string, AgencyWithReports<ReportSummary>> {
  return memo(lookups, list, () => new Map(list.map((a) => [a.slug, a])));
}

/** Display name of an agency slug (机构不详 when unknown). */
export function namer(list: readonly AgencyWithReports<ReportSummary>[]): (slug: string) => string {
  const map = bySlug(list);
  return (slug: string) => map.get(slug)?.displayName ?? UNKNOWN_AGENCY;
}

/** Kind of an agency slug (government or department: its reports' publication deadline); from the name when unknown. */
export function kinds(list: readonly AgencyWithReports<ReportSummary>[]): (slug: string, printedName?: string | null) => AgencyKind {
  const map = bySlug(list);
  return (slug: string, printedName?: string | null) => map.get(slug)?.kind ?? kindFromName(printedName);
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

/** Site path → URL under the configured base (`/agencies/` → `/nianbao/agencies/`). */
export function href(path: string): string {
  return withBase(import.meta.env.BASE_URL, path);
}

/**
 * Site path → absolute URL (for the sitemap, the feed, OpenGraph, citations) when the site URL is configured
 * (SITE_URL); otherwise the path under the base (`/nianbao/agencies/`): never a made-up host.
 */
export function absolute(site: URL | undefined, path: string): string {
  return site ? absoluteUrl(site, import.meta.env.BASE_URL, path) : href(path);
}

/** The absolute URL of a site path, or null when no site URL is configured (canonical and og:url are then left out). */
export function permanent(site: URL | undefined, path: string): string | null {
  return site ? absoluteUrl(site, import.meta.env.BASE_URL, path) : null;
}

export const SITE_NAME = '公开年报';
export const SITE_TAGLINE = '政府信息公开工作年度报告数据门户';
