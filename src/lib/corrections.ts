/**
 * content/corrections.yaml: maintainer corrections applied after parsing, without editing the report text. Each
 * entry names one report (its source file, or its id `<slug>/<year>`) and corrects a table cell, the agency name,
 * the agency slug or the year, always with a reason. The record keeps the printed value next to the corrected one
 * (`record.corrections`) and the page shows both.
 *
 *   corrections:
 *     - report: liaocheng-weijian/2020            # or content/reports/002_437bbae1d74230cf.txt
 *       cell: requests/newReceived/total          # table/row/column, ids of statutory-template.json
 *       value: 12                                 # a number, or null (= blank / not a number)
 *       reason: 原件 PDF 第 3 页为 12，网页版误印为 21
 *     - report: content/reports/scan-0007.txt
 *       agency: 聊城市卫生健康委员会                  # and/or  year: 2020  and/or  slug: liaocheng-weijian
 *       reason: 扫描件缺标题，机构名取自落款印章
 *
 * Pure: YAML text in, entries and problems out (`parseCorrections`); entries resolved against the reports
 * (`resolveCorrections`); a record in, the corrected record out (`applyCorrections`). A typo is an error naming the
 * YAML line — a correction that silently does nothing is worse than a failed build.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import { tableIds, type Correction, type Finding, type ReportRecord, type TableId, type TemplateId } from '../schema/record.ts';
import { checkIdentities } from '../parser/validate.ts';
import { isAnomaly } from './findings.ts';
import { isSlug, SLUG_MAX } from './slug.ts';
import type { Problem } from '../pipeline/problem.ts';

/** A corrections.yaml problem at `line`. */
const problem = (file: string, line: number, message: string): Problem => ({ code: 'CORRECTIONS', file, line, message });
import { TABLE_NUMBERS, templateCells } from './template.ts';
import { cellLabel } from '../schema/template.ts';

export const CORRECTIONS_FILE = 'content/corrections.yaml';

const FIELDS = ['agency', 'slug', 'year'] as const;
export type CorrectionField = (typeof FIELDS)[number];
const KEYS = ['report', 'cell', 'value', 'agency', 'slug', 'year', 'reason'] as const;
type Key = (typeof KEYS)[number];

export const correctionEntrySchema = z
  .strictObject({
    /** The report: its source file as build-data prints it, or its id `<slug>/<year>`. */
    report: z.string().trim().min(1, 'report is empty'),
    /** `table/row/column`, e.g. requests/newReceived/total. */
    cell: z.string().trim().regex(/^[^/\s]+\/[^/\s]+\/[^/\s]+$/, 'cell must be table/row/column, e.g. requests/newReceived/total').optional(),
    /** The corrected cell value: a number, or null for a blank / non-numeric cell. */
    value: z.number().nullable().optional(),
    agency: z.string().trim().min(1, 'agency is empty').optional(),
    slug: z
      .string()
      .refine(isSlug, 'slug must be lowercase ASCII letters/digits in hyphen-separated runs')
      .refine((s) => s.length <= SLUG_MAX, `slug must be at most ${SLUG_MAX} characters`)
      .optional(),
    year: z.number().int('must be a whole number').min(1990).max(2100).optional(),
    reason: z.string({ error: 'required: say why the value is corrected (it is shown on the page)' }).trim().min(1, 'reason is empty'),
  })
  .superRefine((e, ctx) => {
    if (e.cell !== undefined && e.value === undefined) ctx.addIssue({ code: 'custom', path: ['cell'], message: 'a cell correction needs value: (a number, or null)' });
    if (e.cell === undefined && e.value !== undefined) ctx.addIssue({ code: 'custom', path: ['value'], message: 'value: given without cell: (which table/row/column?)' });
    if (e.cell === undefined && e.value === undefined && e.agency === undefined && e.slug === undefined && e.year === undefined) {
      ctx.addIssue({ code: 'custom', path: [], message: 'nothing to correct: give cell + value, agency, slug or year' });
    }
  });

/** One validated entry of corrections.yaml, with where it is written. */
export interface CorrectionEntry {
  /** 0-based position in the list. */
  readonly index: number;
  /** 1-based line of the entry (its `-`). */
  readonly line: number;
  /** 1-based line of each key, when present. */
  readonly lines: Readonly<Partial<Record<Key, number>>>;
  readonly report: string;
  readonly cell?: string;
  readonly value?: number | null;
  readonly agency?: string;
  readonly slug?: string;
  readonly year?: number;
  readonly reason: string;
}

export interface ParsedCorrections {
  readonly entries: CorrectionEntry[];
  /** One per problem (src/pipeline/problem.ts); a non-empty list fails the build. */
  readonly problems: Problem[];
}

/** Parses and validates corrections.yaml. An empty or missing file (empty text) has no entries. */
export function parseCorrections(text: string, file = CORRECTIONS_FILE): ParsedCorrections {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number | undefined): number => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  if (doc.errors.length > 0) {
    return { entries: [], problems: doc.errors.map((e) => problem(file, e.linePos?.[0].line ?? 1, `invalid YAML: ${e.message.split('\n')[0]}`)) };
  }
  const root = doc.contents;
  if (root === null || root === undefined) return { entries: [], problems: [] };
  if (!isMap(root)) return { entries: [], problems: [problem(file, at(rangeStart(root)), 'expected a mapping with a corrections: list')] };
  const problems: Problem[] = [];
  for (const pair of root.items) {
    const key = (pair.key as { value?: unknown } | null)?.value;
    if (key !== 'corrections') problems.push(problem(file, at(rangeStart(pair.key as YamlNode)), `unknown key "${String(key)}"${suggest(String(key), ['corrections'])} (expected corrections:)`));
  }
  const list = root.get('corrections', true);
  if (list === undefined || list === null || (list as { value?: unknown }).value === null) return { entries: [], problems };
  if (!isSeq(list)) return { entries: [], problems: [...problems, problem(file, at(rangeStart(list as YamlNode)), 'corrections: must be a list of entries (- report: …)')] };
  const entries: CorrectionEntry[] = [];
  list.items.forEach((item, index) => {
    const line = at(rangeStart(item as YamlNode));
    const keyLines = new Map<string, number>();
    if (!isMap(item)) {
      problems.push(problem(file, line, `entry ${index + 1}: expected a mapping (report:, reason: and what to correct)`));
      return;
    }
    for (const pair of item.items) {
      const k = (pair.key as { value?: unknown } | null)?.value;
      if (typeof k === 'string') keyLines.set(k, at(rangeStart(pair.key as YamlNode)));
    }
    const checked = correctionEntrySchema.safeParse(item.toJSON());
    if (!checked.success) {
      const typo = checked.error.issues.some((i) => i.code === 'unrecognized_keys');
      for (const issue of checked.error.issues) {
        // With a misspelt key, "nothing to correct" only repeats the typo.
        if (typo && issue.code === 'custom' && issue.path.length === 0) continue;
        const key = issue.path[0];
        if (issue.code === 'unrecognized_keys') {
          for (const k of issue.keys) {
            problems.push(problem(file, keyLines.get(k) ?? line, `entry ${index + 1}: unknown key "${k}"${suggest(k, KEYS)} (expected ${KEYS.join(', ')})`));
          }
          continue;
        }
        const where = typeof key === 'string' ? (keyLines.get(key) ?? line) : line;
        const message = issue.code === 'custom' || typeof key !== 'string' ? issue.message : `${key}: ${issue.message}`;
        problems.push(problem(file, where, `entry ${index + 1}: ${message}`));
      }
      return;
    }
    const e = checked.data;
    const lines: Partial<Record<Key, number>> = {};
    for (const k of KEYS) {
      const l = keyLines.get(k);
      if (l !== undefined) lines[k] = l;
    }
    entries.push({ index, line, lines, report: e.report, reason: e.reason, ...pick(e) });
  });
  return { entries, problems };
}

function pick(e: z.infer<typeof correctionEntrySchema>): Partial<CorrectionEntry> {
  const out: { cell?: string; value?: number | null; agency?: string; slug?: string; year?: number } = {};
  if (e.cell !== undefined) out.cell = e.cell;
  if (e.value !== undefined) out.value = e.value;
  if (e.agency !== undefined) out.agency = e.agency;
  if (e.slug !== undefined) out.slug = e.slug;
  if (e.year !== undefined) out.year = e.year;
  return out;
}

function rangeStart(node: YamlNode | null | undefined): number | undefined {
  return node?.range?.[0];
}

// ---------------------------------------------------------------------------------------------------------------
// Resolving entries against the reports

/** What resolving needs to know about one report. */
export interface ReportKey {
  /** Source file as build-data prints it (content/reports/…). */
  readonly file: string;
  /** Ids the report can be referred to by (e.g. its id before and after agency/year corrections). */
  readonly ids: readonly string[];
  readonly template: TemplateId;
  /** The agency name the record has before corrections (printed or from agencies.yaml overrides). */
  readonly agency: string | null;
}

export interface ResolvedCorrections {
  /** Entries by source file, in file order. */
  readonly byFile: Map<string, CorrectionEntry[]>;
  readonly problems: Problem[];
}

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] as number;
      row[j] = Math.min((row[j] as number) + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] as number;
}

/** Related candidates (sub-rows), else the closest within a third of the length, as ` (did you mean "x"?)`; else ''. */
export function suggest(word: string, candidates: Iterable<string>): string {
  const lower = word.toLowerCase();
  const list = [...candidates];
  // A row with sub-rows (otherHandling → otherHandling.other …) or the other way round.
  const family = list.filter((c) => {
    const l = c.toLowerCase();
    return l !== lower && (l.startsWith(`${lower}.`) || lower.startsWith(`${l}.`));
  });
  if (family.length > 0) {
    const quoted = family.map((c) => `"${c}"`);
    return ` (did you mean ${quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}` : quoted[0]}?)`;
  }
  let best: string | null = null;
  let bestD = Infinity;
  for (const c of list) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== null && bestD <= Math.max(2, Math.floor(word.length / 3)) ? ` (did you mean "${best}"?)` : '';
}

function normPath(p: string): string {
  return p.replace(/\\/g, '/').replace(/^\.\//, '');
}

/** Valid cells of a template: table → row → columns. */
function cellIndex(template: TemplateId): Map<string, Map<string, Set<string>>> {
  const index = new Map<string, Map<string, Set<string>>>();
  for (const ref of templateCells(template)) {
    let rows = index.get(ref.table);
    if (!rows) index.set(ref.table, (rows = new Map()));
    let cols = rows.get(ref.row);
    if (!cols) rows.set(ref.row, (cols = new Set()));
    cols.add(ref.column);
  }
  return index;
}

/** Why `cell` is not a cell of `template`, or null when it is. */
export function cellProblem(cell: string, template: TemplateId): string | null {
  const [table = '', row = '', column = ''] = cell.split('/');
  const index = cellIndex(template);
  const rows = index.get(table);
  if (!rows) return `unknown table "${table}" in cell ${cell}: expected ${tableIds.join(', ')}${suggest(table, tableIds)}`;
  const number = TABLE_NUMBERS[table as TableId];
  const cols = rows.get(row);
  if (!cols) return `unknown row "${row}" of ${table} (${number}) in the ${template} template${suggest(row, rows.keys())}`;
  if (!cols.has(column)) return `unknown column "${column}" for row ${row} of ${table} (${number}, ${template} template): expected ${[...cols].join(', ')}${suggest(column, cols)}`;
  return null;
}

/**
 * Matches every entry to a report — by source file, else by id — and checks it against that report: the cell
 * exists in its template, a slug has an agency name to go with, nothing is corrected twice. Entries that match no
 * report are returned in `unmatched` (the caller may retry them against ids after agency/year corrections).
 */
export function resolveCorrections(
  entries: readonly CorrectionEntry[],
  reports: readonly ReportKey[],
  file = CORRECTIONS_FILE,
): ResolvedCorrections & { unmatched: CorrectionEntry[] } {
  const byPath = new Map(reports.map((r) => [normPath(r.file), r]));
  const byId = new Map<string, ReportKey>();
  for (const r of reports) for (const id of r.ids) if (!byId.has(id)) byId.set(id, r);
  const byFile = new Map<string, CorrectionEntry[]>();
  const problems: Problem[] = [];
  const unmatched: CorrectionEntry[] = [];
  const claimed = new Map<string, number>();
  for (const e of entries) {
    const report = byPath.get(normPath(e.report)) ?? byId.get(e.report);
    if (!report) {
      unmatched.push(e);
      continue;
    }
    const at = (k: Key, message: string): Problem => problem(file, e.lines[k] ?? e.line, `entry ${e.index + 1}: ${message}`);
    let ok = true;
    if (e.cell !== undefined) {
      const cellIssue = cellProblem(e.cell, report.template);
      if (cellIssue) {
        problems.push(at('cell', `${cellIssue} (report ${e.report})`));
        ok = false;
      }
    }
    if (e.slug !== undefined && e.agency === undefined && report.agency === null) {
      problems.push(at('slug', `${e.report} has no agency name; a slug needs one: add agency: <机构名称>`));
      ok = false;
    }
    const targets = [...(e.cell !== undefined ? [`cell ${e.cell}`] : []), ...FIELDS.filter((f) => e[f] !== undefined)];
    for (const t of targets) {
      const k = `${report.file}\u0000${t}`;
      const first = claimed.get(k);
      if (first !== undefined) {
        problems.push(at(t.startsWith('cell') ? 'cell' : (t as Key), `${t} of ${report.file} is already corrected by the entry on line ${first}`));
        ok = false;
      } else claimed.set(k, e.line);
    }
    if (!ok) continue;
    const list = byFile.get(report.file) ?? [];
    list.push(e);
    byFile.set(report.file, list);
  }
  return { byFile, problems, unmatched };
}

/** The problem line for an entry that matches no report. */
export function unknownReportProblem(e: CorrectionEntry, reports: readonly ReportKey[], file = CORRECTIONS_FILE): Problem {
  const candidates = reports.flatMap((r) => [r.file, ...r.ids]);
  return problem(
    file,
    e.lines.report ?? e.line,
    `entry ${e.index + 1}: unknown report "${e.report}"${suggest(e.report, candidates)}; ` +
      'expected a source file (content/reports/…) or a report id <slug>/<year> as listed by build-data and on /maintenance/',
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Applying

/** Findings recomputed from the corrected tables. */
const IDENTITY_CODES = new Set<Finding['code']>(['IDENTITY_COLUMN', 'IDENTITY_ROW', 'IDENTITY_RESULTS', 'IDENTITY_REVIEW']);

const show = (v: number | string | null): string => (v === null ? '空' : String(v));

/**
 * Applies a report's corrections (in file order). Cells: the table carries the corrected value, provenance drops
 * the `inferred` mark, the identities are re-checked over the corrected tables (IDENTITY_* findings recomputed),
 * doubts about a corrected cell become `info` with a note, and other findings on it (PROSE_MISMATCH) get a note.
 * Fields: agency name and year replace the record's (their AGENCY_UNKNOWN / YEAR_UNKNOWN finding goes); a slug is
 * set on `record.agency.slug` for the id assignment to keep. `printedSlug` is the slug the site assigned before
 * corrections. Every change is listed in `record.corrections`.
 */
export function applyCorrections(record: ReportRecord, entries: readonly CorrectionEntry[], printedSlug = ''): ReportRecord {
  if (entries.length === 0) return record;
  const tables: ReportRecord['tables'] = {
    proactive: structuredClone(record.tables.proactive),
    requests: structuredClone(record.tables.requests),
    review: structuredClone(record.tables.review),
  };
  const provenance = { ...record.provenance };
  const agency = { ...record.agency };
  let year = record.year;
  const corrections: Correction[] = [...(record.corrections ?? [])];
  const corrected = new Map<string, Correction>();
  const dropped = new Set<Finding['code']>();
  for (const e of entries) {
    if (e.cell !== undefined && e.value !== undefined) {
      const [table, row, column] = e.cell.split('/') as [TableId, string, string];
      const cells = tables[table][row];
      if (!cells) continue;
      const printed = cells[column] ?? null;
      cells[column] = e.value;
      const src = provenance[e.cell];
      if (src?.inferred) {
        const { inferred: _inferred, ...rest } = src;
        provenance[e.cell] = rest;
      }
      const c: Correction = { cell: e.cell, printed, corrected: e.value, reason: e.reason };
      corrections.push(c);
      corrected.set(e.cell, c);
    }
    if (e.agency !== undefined) {
      corrections.push({ field: 'agency', printed: agency.name, corrected: e.agency, reason: e.reason });
      agency.name = e.agency;
      dropped.add('AGENCY_UNKNOWN');
    }
    if (e.year !== undefined) {
      corrections.push({ field: 'year', printed: year, corrected: e.year, reason: e.reason });
      year = e.year;
      dropped.add('YEAR_UNKNOWN');
    }
    if (e.slug !== undefined) {
      corrections.push({ field: 'slug', printed: printedSlug || null, corrected: e.slug, reason: e.reason });
      agency.slug = e.slug;
    }
  }
  let findings = record.findings.filter((f) => !dropped.has(f.code));
  if (corrected.size > 0) {
    const lineOf = (k: string): number | null => provenance[k]?.line ?? null;
    const get = (k: string): number | null | undefined => {
      const [t, r, c] = k.split('/') as [TableId, string, string];
      return tables[t]?.[r]?.[c];
    };
    const before = new Set(record.findings.filter((f) => IDENTITY_CODES.has(f.code)).map((f) => `${f.code} ${f.cell ?? ''} ${f.message}`));
    const recheck = checkIdentities(get, record.template, lineOf).map((f) =>
      before.has(`${f.code} ${f.cell ?? ''} ${f.message}`) ? f : { ...f, message: `${f.message.replace(/\s*数字按原文保留。$/, '')}（按维护者更正后的数字核对）` },
    );
    findings = findings
      .filter((f) => !IDENTITY_CODES.has(f.code))
      .map((f) => {
        const c = f.cell !== undefined ? corrected.get(f.cell) : undefined;
        if (!c) return f;
        const note = `（维护者已将此单元格由 ${show(c.printed)} 更正为 ${show(c.corrected)}：${c.reason}）`;
        return isAnomaly(f) ? { ...f, message: `${f.message}${note}` } : { ...f, severity: 'info' as const, message: `${f.message}${note}` };
      })
      .concat(recheck)
      .sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  }
  return { ...record, agency, year, tables, provenance, findings, corrections };
}

/** Field corrections only (agency, slug, year) of a list of entries — what changes a report's id. */
export function fieldEntries(entries: readonly CorrectionEntry[]): CorrectionEntry[] {
  return entries
    .filter((e) => e.agency !== undefined || e.year !== undefined || e.slug !== undefined)
    .map((e) => {
      const { cell: _cell, value: _value, ...rest } = e;
      return rest;
    });
}

/** Official labels of a cell (src/schema/template.ts cellLabel), re-exported for the corrections list. */
export { cellLabel };

export const FIELD_LABELS: Readonly<Record<CorrectionField, string>> = { agency: '机构名称', slug: '机构代码（网址）', year: '报告年度' };

/** What a correction changes, in words: the cell's labels or the field's name. */
export function correctionTarget(template: TemplateId, c: Correction): string {
  if (c.cell !== undefined) return cellLabel(template, c.cell);
  return c.field !== undefined ? FIELD_LABELS[c.field] : '';
}

/** A printed or corrected value as shown: 空 for null. */
export function correctionValue(v: Correction['printed']): string {
  return show(v);
}
