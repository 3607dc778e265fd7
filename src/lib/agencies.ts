/**
 * content/agencies.yaml: the maintainers' overrides. Per agency: a slug (wins over the pinyin default), aliases
 * (earlier or variant names merged into the same slug and trend, e.g. 卫计局 → 卫健委), region and level for the
 * agencies index, and its kind (government or department, for the publication deadline). Per report file: a corrected
 * agency name or year, without editing the report text.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { AGENCY_KINDS, kindFromName, type AgencyKind } from './agency-kind.ts';
import { isSlug, nameKey, pinyinSlug, SLUG_MAX } from './slug.ts';

const slugString = z
  .string()
  .refine(isSlug, { message: 'slug must be lowercase ASCII letters/digits in hyphen-separated runs' })
  .refine((s) => s.length <= SLUG_MAX, { message: `slug must be at most ${SLUG_MAX} characters` });

export const agencyEntry = z.object({
  /** Current (canonical) name of the agency, shown on its page. */
  name: z.string().min(1),
  slug: slugString.optional(),
  /** Other names the same agency reported under. */
  aliases: z.array(z.string().min(1)).default([]),
  /** Region heading on /agencies/, e.g. 山东省聊城市. */
  region: z.string().min(1).optional(),
  /** Level sub-heading on /agencies/, e.g. 市级, 区县级. */
  level: z.string().min(1).optional(),
  /**
   * `government` (a region's own 人民政府 / 管委会: report due 3 月 31 日) or `department` (a 人民政府部门: due 1 月
   * 31 日), for the publication deadline; when absent, taken from the name (src/lib/agency-kind.ts kindFromName).
   */
  kind: z.enum(AGENCY_KINDS).optional(),
});

export const reportOverride = z
  .object({
    /** Path of the report file as build-data sees it (relative to the project, e.g. content/reports/x.txt)… */
    file: z.string().min(1).optional(),
    /** …or its sha256 (a prefix of at least 8 hex digits is enough). */
    sha256: z.string().regex(/^[0-9a-f]{8,64}$/).optional(),
    agency: z.string().min(1).optional(),
    year: z.number().int().min(1990).max(2100).optional(),
  })
  .refine((o) => o.file !== undefined || o.sha256 !== undefined, { message: 'an override needs file or sha256' });

export const agenciesConfig = z.object({
  agencies: z.array(agencyEntry).nullish().transform((a) => a ?? []),
  overrides: z.array(reportOverride).nullish().transform((a) => a ?? []),
});
export type AgenciesConfig = z.infer<typeof agenciesConfig>;
export type AgencyEntry = z.infer<typeof agencyEntry>;
export type ReportOverride = z.infer<typeof reportOverride>;

/** Parses and validates the YAML text; throws with the offending path on a malformed file. */
export function parseAgenciesYaml(text: string): AgenciesConfig {
  const raw: unknown = parseYaml(text) ?? {};
  const result = agenciesConfig.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`content/agencies.yaml is invalid: ${issues}`);
  }
  return result.data;
}

export interface ResolvedAgency {
  readonly slug: string;
  /** Canonical name (the yaml entry's name, else the name as given). */
  readonly name: string;
  readonly region: string | null;
  readonly level: string | null;
  /** The yaml entry's kind, else the one its canonical name (or the name as given) suggests. */
  readonly kind: AgencyKind;
  /** True when a yaml entry matched. */
  readonly configured: boolean;
}

export type AgencyResolver = (name: string) => ResolvedAgency;

/**
 * Builds the name → agency resolver. Throws when two entries claim the same name or alias, or the same slug.
 */
export function agencyResolver(config: AgenciesConfig): AgencyResolver {
  const byName = new Map<string, AgencyEntry>();
  const bySlug = new Map<string, string>();
  for (const entry of config.agencies) {
    for (const n of [entry.name, ...entry.aliases]) {
      const key = nameKey(n);
      const other = byName.get(key);
      if (other && other !== entry) throw new Error(`content/agencies.yaml: "${n}" is listed under both "${other.name}" and "${entry.name}"`);
      byName.set(key, entry);
    }
    const slug = entry.slug ?? pinyinSlug(entry.name);
    const owner = bySlug.get(slug);
    if (owner !== undefined && owner !== entry.name) {
      throw new Error(`content/agencies.yaml: slug "${slug}" is used by both "${owner}" and "${entry.name}"`);
    }
    bySlug.set(slug, entry.name);
  }
  return (name: string): ResolvedAgency => {
    const entry = byName.get(nameKey(name));
    if (!entry) return { slug: pinyinSlug(name), name: name.trim(), region: null, level: null, kind: kindFromName(name), configured: false };
    return {
      slug: entry.slug ?? pinyinSlug(entry.name),
      name: entry.name,
      region: entry.region ?? null,
      level: entry.level ?? null,
      kind: entry.kind ?? kindFromName(entry.name),
      configured: true,
    };
  };
}

/** The override for a report file, matched by path or by sha256 prefix; null when there is none. */
export function overrideFor(config: AgenciesConfig, file: string, sha256: string): ReportOverride | null {
  const path = file.replace(/\\/g, '/').replace(/^\.\//, '');
  return (
    config.overrides.find(
      (o) => (o.file !== undefined && o.file.replace(/^\.\//, '') === path) || (o.sha256 !== undefined && sha256.startsWith(o.sha256)),
    ) ?? null
  );
}
