/**
 * Build-time data access for pages: the content collections, memoised, plus URL helpers bound to the configured
 * base path. Pages render; the computing lives in src/lib/.
 */
import { getCollection } from 'astro:content';
import type { ReportRecord } from '../schema/record.ts';
import type { AgencyDoc, SourceDoc } from '../lib/cache.ts';
import { agenciesWithReports, UNKNOWN_AGENCY, type AgencyInfo, type AgencyWithReports } from '../lib/portal.ts';
import { absoluteUrl, withBase } from '../lib/paths.ts';

let recordsPromise: Promise<ReportRecord[]> | null = null;
let agenciesPromise: Promise<AgencyWithReports<ReportRecord>[]> | null = null;
let sourcesPromise: Promise<Map<string, SourceDoc>> | null = null;

/** Every report record, ordered by id. */
export function allRecords(): Promise<ReportRecord[]> {
  if (!recordsPromise) {
    const entries: Promise<ReadonlyArray<{ data: ReportRecord }>> = getCollection('reports');
    recordsPromise = entries.then((list) => list.map((e) => e.data).sort((a, b) => a.id.localeCompare(b.id)));
  }
  return recordsPromise;
}

/** Every agency with its reports (newest first), sorted by name; unidentified ones last. */
export function allAgencies(): Promise<AgencyWithReports<ReportRecord>[]> {
  if (!agenciesPromise) {
    const entries: Promise<ReadonlyArray<{ data: AgencyDoc }>> = getCollection('agencies');
    agenciesPromise = Promise.all([allRecords(), entries]).then(([records, agencies]) =>
      agenciesWithReports(
        agencies.map((a): AgencyInfo => a.data),
        records,
      ),
    );
  }
  return agenciesPromise;
}

let bySlugPromise: Promise<Map<string, AgencyWithReports<ReportRecord>>> | null = null;

/** Agencies by slug (constant-time lookups from report, year and data pages). */
export function agencyMap(): Promise<Map<string, AgencyWithReports<ReportRecord>>> {
  bySlugPromise ??= allAgencies().then((list) => new Map(list.map((a) => [a.slug, a])));
  return bySlugPromise;
}

/** Display name of an agency slug (机构不详 when unknown). */
export async function agencyNamer(): Promise<(slug: string) => string> {
  const map = await agencyMap();
  return (slug: string) => map.get(slug)?.displayName ?? UNKNOWN_AGENCY;
}

/** Decoded source lines of a report, by record id. */
export async function sourceOf(id: string): Promise<SourceDoc | undefined> {
  if (!sourcesPromise) {
    const entries: Promise<ReadonlyArray<{ data: SourceDoc }>> = getCollection('sources');
    sourcesPromise = entries.then((list) => new Map(list.map((e) => [e.data.id, e.data])));
  }
  return (await sourcesPromise).get(id);
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
