/**
 * From parsed records to site records: apply maintainer overrides, give each record its agency slug and id
 * (`<slug>/<year>`), refuse two reports for the same agency and year, and add the one check only the site can
 * make (CROSS_YEAR_CARRY, which needs the previous year's report). Pure; scripts/build-data.ts does the I/O.
 */
import type { Finding, ReportRecord } from '../schema/record.ts';
import { agencyResolver, overrideFor, type AgenciesConfig } from './agencies.ts';
import { kindFromName, type AgencyKind } from './agency-kind.ts';
import { unidentifiedSlug } from './slug.ts';

export interface SiteAgency {
  readonly slug: string;
  /** Canonical name (agencies.yaml, else as printed); null for an unidentified report. */
  readonly name: string | null;
  readonly region: string | null;
  readonly level: string | null;
  /** Government or department (agencies.yaml, else from the name): which publication deadline applies. */
  readonly kind: AgencyKind;
}

export interface Assigned {
  readonly record: ReportRecord;
  readonly agency: SiteAgency;
  /** True when the report has no agency or no year: it lives under an `unidentified-…` slug and year 0. */
  readonly unidentified: boolean;
}

export interface DuplicateReport {
  readonly id: string;
  readonly files: readonly [string, string];
}

export interface AssignResult {
  readonly assigned: Assigned[];
  readonly duplicates: DuplicateReport[];
}

const OVERRIDDEN: Record<'agency' | 'year', Finding['code']> = { agency: 'AGENCY_UNKNOWN', year: 'YEAR_UNKNOWN' };

/**
 * Assigns slugs and ids to parsed records (record.source.file and .sha256 identify each report). A record that
 * already carries a slug (a maintainer's slug correction) keeps it, unless it lacks an agency or a year.
 */
export function assignIds(parsed: readonly ReportRecord[], config: AgenciesConfig): AssignResult {
  const resolve = agencyResolver(config);
  const assigned: Assigned[] = [];
  const seen = new Map<string, string>();
  const duplicates: DuplicateReport[] = [];
  for (const input of parsed) {
    const override = overrideFor(config, input.source.file, input.source.sha256);
    let findings = input.findings;
    let name = input.agency.name?.trim() || null;
    let year = input.year;
    if (override?.agency !== undefined) {
      name = override.agency;
      findings = findings.filter((f) => f.code !== OVERRIDDEN.agency);
    }
    if (override?.year !== undefined) {
      year = override.year;
      findings = findings.filter((f) => f.code !== OVERRIDDEN.year);
    }
    const unidentified = name === null || year === null;
    // A slug already on the record is a maintainer's correction (content/corrections.yaml): it wins.
    const preset = input.agency.slug.trim();
    let agency: SiteAgency;
    if (unidentified) {
      agency = { slug: unidentifiedSlug(input.source.sha256), name, region: null, level: null, kind: kindFromName(name) };
    } else {
      const r = resolve(name ?? '');
      const site: SiteAgency = { slug: r.slug, name: r.name, region: r.region, level: r.level, kind: r.kind };
      if (preset !== '') agency = { ...site, slug: preset };
      else agency = r.slug === '' ? { slug: unidentifiedSlug(input.source.sha256), name, region: null, level: null, kind: r.kind } : site;
    }
    const siteYear = year ?? 0;
    const id = `${agency.slug}/${siteYear}`;
    const record: ReportRecord = { ...input, id, agency: { name, slug: agency.slug }, year: siteYear === 0 ? null : siteYear, findings };
    const previous = seen.get(id);
    if (previous !== undefined) duplicates.push({ id, files: [previous, input.source.file] });
    else seen.set(id, input.source.file);
    assigned.push({ record, agency, unidentified: unidentified || agency.slug.startsWith('unidentified-') });
  }
  return { assigned, duplicates };
}

/** The year part of an id: `slug/2020` → 2020; 0 for an unidentified year. */
export function idYear(id: string): number {
  return Number(id.slice(id.lastIndexOf('/') + 1)) || 0;
}

/**
 * CROSS_YEAR_CARRY: for each agency with reports for consecutive years, this year's 二、上年结转 must equal last
 * year's 四、结转下年度继续办理, column by column. Returns the new findings per record id.
 */
export function crossYearFindings(records: readonly ReportRecord[]): Map<string, Finding[]> {
  const byId = new Map(records.map((r) => [r.id, r]));
  const out = new Map<string, Finding[]>();
  for (const r of records) {
    const year = r.year;
    if (year === null || r.agency.slug.startsWith('unidentified-')) continue;
    const prev = byId.get(`${r.agency.slug}/${year - 1}`);
    if (!prev) continue;
    const now = r.tables.requests['carriedOver'] ?? {};
    const before = prev.tables.requests['carriedForward'] ?? {};
    const columns = Object.keys(now).filter((c) => typeof now[c] === 'number' && typeof before[c] === 'number' && now[c] !== before[c]);
    if (columns.length === 0) continue;
    const findings: Finding[] = columns.map((c) => ({
      code: 'CROSS_YEAR_CARRY',
      severity: 'warning',
      message: `表三“上年结转”（${c}）为 ${now[c]}，而 ${year - 1} 年报告“结转下年度继续办理”为 ${before[c]}。`,
      line: r.provenance[`requests/carriedOver/${c}`]?.line ?? null,
      cell: `requests/carriedOver/${c}`,
    }));
    out.set(r.id, findings);
  }
  return out;
}
