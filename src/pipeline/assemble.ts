/**
 * Parsed records + content/agencies.yaml + content/corrections.yaml → the site's records: maintainer corrections
 * applied (src/lib/corrections.ts), agency slugs and ids assigned (src/lib/assign.ts), the cross-year check added,
 * a publication date after `today` dropped, every record validated against the contract. Pure: what stops the
 * build comes back as problems (src/pipeline/problem.ts), formatted by the edge (scripts/build-data.ts).
 */
import { assignIds, crossYearFindings, type Assigned } from '../lib/assign.ts';
import { overrideFor, type AgenciesConfig } from '../lib/agencies.ts';
import { applyCorrections, CORRECTIONS_FILE, fieldEntries, resolveCorrections, unknownReportProblem, type CorrectionEntry, type ReportKey } from '../lib/corrections.ts';
import { futurePublished } from '../parser/dates.ts';
import { record as recordSchema, type ReportRecord } from '../schema/record.ts';
import type { Problem } from './problem.ts';

export interface Assembled {
  /** The site's records, in input order (empty when there are problems). */
  readonly records: ReportRecord[];
  /** Each record's agency as the site shows it, in the same order. */
  readonly assigned: Assigned[];
  /** What stops the build; nothing is built when there is any. */
  readonly problems: Problem[];
}

/** Applies the corrections to the parsed records (an entry names its report by file, or by id before or after the agency/year/slug corrections). */
function correct(records: readonly ReportRecord[], entries: readonly CorrectionEntry[], config: AgenciesConfig): { records: ReportRecord[]; problems: Problem[] } {
  if (entries.length === 0) return { records: [...records], problems: [] };
  const printed = assignIds(records, config).assigned;
  const printedKeys: ReportKey[] = records.map((r, i) => ({ file: r.source.file, ids: [printed[i]?.record.id ?? ''], template: r.template, agency: printed[i]?.record.agency.name ?? null }));
  const first = resolveCorrections(entries, printedKeys);
  const afterFields = assignIds(
    records.map((r, i) => applyCorrections(r, fieldEntries(first.byFile.get(r.source.file) ?? []), printed[i]?.agency.slug ?? '')),
    config,
  ).assigned;
  const allKeys: ReportKey[] = records.map((r, i) => ({
    file: r.source.file,
    ids: [printed[i]?.record.id ?? '', afterFields[i]?.record.id ?? ''].filter((id, j, a) => id !== '' && a.indexOf(id) === j),
    template: r.template,
    agency: afterFields[i]?.record.agency.name ?? null,
  }));
  const { byFile, problems, unmatched } = resolveCorrections(entries, allKeys);
  for (const e of unmatched) problems.push(unknownReportProblem(e, allKeys));
  for (const r of records) {
    for (const e of byFile.get(r.source.file) ?? []) {
      const override = overrideFor(config, r.source.file, r.source.sha256);
      for (const field of ['agency', 'year'] as const) {
        if (e[field] !== undefined && override?.[field] !== undefined) {
          problems.push({
            code: 'CORRECTIONS',
            file: CORRECTIONS_FILE,
            line: e.lines[field] ?? e.line,
            message: `entry ${e.index + 1}: the ${field} of ${r.source.file} is also set by an override in content/agencies.yaml; keep one`,
          });
        }
      }
    }
  }
  if (problems.length > 0) return { records: [], problems };
  return { records: records.map((r, i) => applyCorrections(r, byFile.get(r.source.file) ?? [], printed[i]?.agency.slug ?? '')), problems: [] };
}

/** The site's records from the parsed ones (see the module comment). `today` is `YYYY-MM-DD`. */
export function assemble(parsed: readonly ReportRecord[], config: AgenciesConfig, corrections: readonly CorrectionEntry[], today: string): Assembled {
  const corrected = correct(parsed, corrections, config);
  if (corrected.problems.length > 0) return { records: [], assigned: [], problems: corrected.problems };
  const { assigned, duplicates } = assignIds(corrected.records, config);
  if (duplicates.length > 0) {
    const problems = duplicates.map(
      (d): Problem => ({
        code: 'DUPLICATE_REPORT',
        file: d.files[1],
        line: null,
        message:
          `two reports map to ${d.id}: ${d.files[0]} and ${d.files[1]} — if they are the same report, delete one; ` +
          `otherwise correct the agency or year of one in ${CORRECTIONS_FILE} (report: <file>, year: …, reason: …)`,
      }),
    );
    return { records: [], assigned: [], problems };
  }
  const cross = crossYearFindings(assigned.map((a) => a.record));
  // (a publication date after today is dropped here: the parser has no clock)
  const records = assigned.map((a) => {
    const extra = [...(cross.get(a.record.id) ?? [])];
    const future = futurePublished(a.record.published, today);
    if (future) extra.push(future);
    return extra.length ? { ...a.record, ...(future ? { published: null } : {}), findings: [...a.record.findings, ...extra] } : a.record;
  });
  const problems: Problem[] = [];
  for (const r of records) {
    const checked = recordSchema.safeParse(r);
    if (!checked.success) problems.push({ code: 'SCHEMA', file: r.source.file, line: null, message: `record ${r.id} breaks the schema: ${checked.error.issues[0]?.message}` });
  }
  return problems.length > 0 ? { records: [], assigned: [], problems } : { records, assigned, problems: [] };
}
