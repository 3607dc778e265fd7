/**
 * From parsed records to site records: apply maintainer overrides, give each record its agency slug and id
 * (`<slug>/<year>`), refuse two reports for the same agency and year, and add the one check only the site can
 * make (CROSS_YEAR_CARRY, which needs the previous year's report). Pure; scripts/build-data.ts does the I/O.
 */
import type { Finding, ReportRecord } from '../schema/record.ts';
import { agencyResolver, overrideFor, type AgenciesConfig, type ResolvedAgency } from './agencies.ts';
import { kindFromName, type AgencyKind } from './agency-kind.ts';
import { nameKey, pinyinSlug, shortHash, taggedSlug, unidentifiedSlug } from './slug.ts';

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
  const inputs = parsed.map((input) => {
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
    return { input, name, year, findings, resolved: name === null || year === null ? null : resolve(name) };
  });
  const claims = slugClaims(config, inputs.map((x) => (x.resolved && x.input.agency.slug.trim() === '' ? x.resolved : null)));

  const assigned: Assigned[] = [];
  const seen = new Map<string, string>();
  const duplicates: DuplicateReport[] = [];
  for (const x of inputs) {
    const { input, name, year, resolved } = x;
    let findings = x.findings;
    const unidentified = resolved === null;
    // A slug already on the record is a maintainer's correction (content/corrections.yaml): it wins.
    const preset = input.agency.slug.trim();
    let agency: SiteAgency;
    if (resolved === null) {
      agency = { slug: unidentifiedSlug(input.source.sha256), name, region: null, level: null, kind: kindFromName(name) };
    } else {
      const site: SiteAgency = { slug: resolved.slug, name: resolved.name, region: resolved.region, level: resolved.level, kind: resolved.kind };
      if (preset !== '') agency = { ...site, slug: preset };
      else if (resolved.slug === '') agency = { slug: unidentifiedSlug(input.source.sha256), name, region: null, level: null, kind: resolved.kind };
      else {
        const others = resolved.configured ? [] : [...(claims.get(resolved.slug) ?? [])].filter((c) => c !== claimOf(resolved));
        if (others.length > 0) {
          const slug = taggedSlug(resolved.slug, nameKey(resolved.name));
          findings = [...findings, slugConflict(resolved.name, resolved.slug, slug, others)];
          agency = { ...site, slug };
        } else agency = site;
      }
    }
    const siteYear = year ?? 0;
    let id = `${agency.slug}/${siteYear}`;
    // Two unidentified files with the same bytes (two empty files): each keeps a page of its own, told apart by path.
    if (agency.slug.startsWith('unidentified-') && seen.has(id)) {
      agency = { ...agency, slug: `${agency.slug}-${shortHash(input.source.file).slice(0, 6)}` };
      id = `${agency.slug}/${siteYear}`;
    }
    const record: ReportRecord = { ...input, id, agency: { name, slug: agency.slug }, year: siteYear === 0 ? null : siteYear, findings };
    const previous = seen.get(id);
    if (previous !== undefined) duplicates.push({ id, files: [previous, input.source.file] });
    else seen.set(id, input.source.file);
    assigned.push({ record, agency, unidentified: unidentified || agency.slug.startsWith('unidentified-') });
  }
  return { assigned, duplicates };
}

/** Who claims a slug: a configured agency (by its canonical name) or an unconfigured printed name. */
const claimOf = (r: ResolvedAgency): string => (r.configured ? `agencies.yaml:${r.name}` : nameKey(r.name));

/**
 * Every claim on each slug: the agencies.yaml entries (their slug or default), and each unconfigured name's default
 * slug. An unconfigured name shares its slug with nobody: not with a configured agency whose slug it spells
 * (a report named `yanshi-weijian` is not that agency's), nor with another name of the same pinyin (石门区 and
 * 实门区): it is then tagged with a hash of its name, and told so.
 */
function slugClaims(config: AgenciesConfig, resolved: ReadonlyArray<ResolvedAgency | null>): Map<string, Set<string>> {
  const claims = new Map<string, Set<string>>();
  const claim = (slug: string, who: string): void => {
    const set = claims.get(slug) ?? new Set<string>();
    set.add(who);
    claims.set(slug, set);
  };
  for (const entry of config.agencies) claim(entry.slug ?? pinyinSlug(entry.name), `agencies.yaml:${entry.name}`);
  for (const r of resolved) if (r && r.slug !== '') claim(r.slug, claimOf(r));
  return claims;
}

function slugConflict(name: string, slug: string, tagged: string, others: readonly string[]): Finding {
  const who = others.map((o) => (o.startsWith('agencies.yaml:') ? `agencies.yaml 中的「${o.slice('agencies.yaml:'.length)}」` : `「${o}」`)).join('、');
  return {
    code: 'SLUG_CONFLICT',
    severity: 'warning',
    message: `机构名「${name}」的默认网址 ${slug} 与${who}相同，已改用 ${tagged}；请在 content/agencies.yaml 中为它指定 slug（或把它列为某机构的别名）`,
    line: null,
  };
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
