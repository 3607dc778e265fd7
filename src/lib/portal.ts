/**
 * Portal-level views over all records: agencies with their reports, the agencies index grouped by region and
 * level, latest reports, the years covered. Pure; the pages only render what these return.
 */
import type { ReportRecord } from '../schema/record.ts';
import { kindFromName, type AgencyKind } from './agency-kind.ts';
import { compareNames } from './sort.ts';

export interface AgencyInfo {
  readonly slug: string;
  readonly name: string | null;
  readonly region: string | null;
  readonly level: string | null;
  /** Government or department: which publication deadline its reports have (src/lib/deadline.ts). */
  readonly kind: AgencyKind;
  readonly unidentified: boolean;
}

export interface AgencyWithReports<R> extends AgencyInfo {
  /** Name to show: the canonical name, else the most recent printed name, else 机构不详. */
  readonly displayName: string;
  /** Reports, newest year first. */
  readonly reports: readonly R[];
}

export const UNGROUPED = '未分组';
export const UNKNOWN_AGENCY = '机构不详';

type Reportish = Pick<ReportRecord, 'id' | 'year' | 'agency' | 'published'>;

function newestFirst(a: Reportish, b: Reportish): number {
  return (b.year ?? 0) - (a.year ?? 0) || a.id.localeCompare(b.id);
}

/** Joins agency infos with their reports; agencies are sorted by name (pinyin order), unidentified last. */
export function agenciesWithReports<R extends Reportish>(infos: readonly AgencyInfo[], records: readonly R[]): AgencyWithReports<R>[] {
  const bySlug = new Map<string, R[]>();
  for (const r of records) {
    const list = bySlug.get(r.agency.slug) ?? [];
    list.push(r);
    bySlug.set(r.agency.slug, list);
  }
  const infoBySlug = new Map(infos.map((i) => [i.slug, i]));
  for (const slug of bySlug.keys()) {
    if (!infoBySlug.has(slug)) {
      const printed = bySlug.get(slug)?.find((r) => r.agency.name)?.agency.name ?? null;
      infoBySlug.set(slug, { slug, name: null, region: null, level: null, kind: kindFromName(printed), unidentified: slug.startsWith('unidentified-') });
    }
  }
  return [...infoBySlug.values()]
    .map((info) => {
      const reports = [...(bySlug.get(info.slug) ?? [])].sort(newestFirst);
      const printed = reports.find((r) => r.agency.name)?.agency.name ?? null;
      return { ...info, displayName: info.name ?? printed ?? UNKNOWN_AGENCY, reports };
    })
    .filter((a) => a.reports.length > 0)
    .sort((a, b) => Number(a.unidentified) - Number(b.unidentified) || compareNames(a.displayName, b.displayName) || a.slug.localeCompare(b.slug));
}

export interface RegionGroup<A> {
  readonly region: string;
  readonly levels: ReadonlyArray<{ readonly level: string | null; readonly agencies: readonly A[] }>;
}

/**
 * Groups agencies by region, then level (from agencies.yaml). Agencies without a region fall under 未分组, which
 * comes last; unidentified reports are left out (they have their own maintainer list).
 */
export function groupByRegion<A extends AgencyInfo & { displayName: string }>(agencies: readonly A[]): RegionGroup<A>[] {
  const regions = new Map<string, Map<string | null, A[]>>();
  for (const a of agencies) {
    if (a.unidentified) continue;
    const region = a.region ?? UNGROUPED;
    const levels = regions.get(region) ?? new Map<string | null, A[]>();
    const list = levels.get(a.level) ?? [];
    list.push(a);
    levels.set(a.level, list);
    regions.set(region, levels);
  }
  return [...regions.entries()]
    .sort(([a], [b]) => Number(a === UNGROUPED) - Number(b === UNGROUPED) || compareNames(a, b))
    .map(([region, levels]) => ({
      region,
      levels: [...levels.entries()]
        .sort(([a], [b]) => Number(a === null) - Number(b === null) || compareNames(a ?? '', b ?? ''))
        .map(([level, list]) => ({ level, agencies: [...list].sort((x, y) => compareNames(x.displayName, y.displayName)) })),
    }));
}

/** The most recent reports: by publication date when stated, then by reported year; newest first. */
export function latestReports<R extends Reportish>(records: readonly R[], limit: number): R[] {
  return [...records]
    .sort((a, b) => {
      const pa = a.published ?? `${(a.year ?? 0) + 1}-01-31`;
      const pb = b.published ?? `${(b.year ?? 0) + 1}-01-31`;
      return pb.localeCompare(pa) || newestFirst(a, b);
    })
    .slice(0, limit);
}

/** Years with at least one identified report, newest first. */
export function yearsCovered(records: readonly Reportish[]): number[] {
  return [...new Set(records.filter((r) => r.year !== null && !r.agency.slug.startsWith('unidentified-')).map((r) => r.year ?? 0))].sort(
    (a, b) => b - a,
  );
}

export interface YearRow<R> {
  readonly record: R;
  readonly name: string;
}

/** The year page rows: every identified report of that year with its agency's display name, in name order. */
export function yearRows<R extends Reportish>(records: readonly R[], year: number, nameOf: (slug: string) => string): YearRow<R>[] {
  return records
    .filter((r) => r.year === year && !r.agency.slug.startsWith('unidentified-'))
    .map((record) => ({ record, name: nameOf(record.agency.slug) }))
    .sort((a, b) => compareNames(a.name, b.name) || a.record.id.localeCompare(b.record.id));
}

/** The agency's reports just before and after `year` (the nearest earlier and later years it has), for prev/next links. */
export function yearNeighbours<R extends Reportish>(records: readonly R[], slug: string, year: number | null): { prev: R | null; next: R | null } {
  if (year === null) return { prev: null, next: null };
  let prev: R | null = null;
  let next: R | null = null;
  for (const r of records) {
    if (r.agency.slug !== slug || r.year === null || r.year === year) continue;
    if (r.year < year && (prev === null || r.year > (prev.year ?? 0))) prev = r;
    if (r.year > year && (next === null || r.year < (next.year ?? Infinity))) next = r;
  }
  return { prev, next };
}
