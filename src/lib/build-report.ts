/**
 * The build report: one entry per input file (agency, year, template, cells read, findings by severity, what to
 * fix), plus a total. scripts/build-data.ts prints it and writes it to .cache/build-report.json; the site publishes
 * that file as /build-report.json (src/pages/build-report.json.ts), so it is always the report of the records the
 * site was built from. Pure: records in, report and console lines out.
 */
import { stringify as stringifyYaml } from 'yaml';
import type { Finding, ReportRecord } from '../schema/record.ts';
import { cellsRead, countBySeverity, findingLabel, SEVERITY_LABELS, type SeverityCounts } from './findings.ts';
import { reportPath } from './paths.ts';
import { templateCells, TABLE_NUMBERS } from './template.ts';
import { cellLabel } from '../schema/template.ts';
import { isUnidentifiedSlug } from './slug.ts';

export const BUILD_REPORT_FILE = '.cache/build-report.json';

/** Larger than this, a file is probably not one report (real ones are 5–200 KB). */
export const LARGE_FILE_BYTES = 2 * 1024 * 1024;

/** Something build-data noticed about a file (not a parser finding). */
export interface FileNote {
  readonly severity: Finding['severity'];
  /** 1-based source line, or null for the whole file. */
  readonly line: number | null;
  readonly message: string;
}

export interface FileProblem {
  readonly code: Finding['code'];
  readonly line: number | null;
  readonly cell?: string;
  readonly message: string;
}

export interface FileReport {
  readonly file: string;
  readonly id: string;
  /** Site path of the report's page. */
  readonly page: string;
  readonly agency: string | null;
  readonly year: number | null;
  readonly template: ReportRecord['template'];
  readonly encoding: string;
  readonly bytes: number;
  /** Cells of the report's template holding a number (what the consistency badge counts). */
  readonly cellsRead: number;
  /** Cells of the report's template. */
  readonly cellsTotal: number;
  readonly findings: SeverityCounts;
  /** `error` when a finding or note is an error, `warning` when one is a warning, else `ok`. */
  readonly status: 'ok' | 'warning' | 'error';
  /** No agency or no year: listed under /maintenance/ with an `unidentified-…` id. */
  readonly unidentified: boolean;
  /** Parse re-used from the cache (file and parser unchanged). */
  readonly cached: boolean;
  readonly corrections: number;
  /** The error-severity findings, to act on. */
  readonly errors: FileProblem[];
  readonly notes: FileNote[];
}

export interface BuildTotal {
  readonly files: number;
  readonly parsed: number;
  readonly cached: number;
  readonly agencies: number;
  readonly unidentified: number;
  readonly cellsRead: number;
  readonly cellsTotal: number;
  readonly findings: SeverityCounts;
  readonly filesWithErrors: number;
  readonly filesWithWarnings: number;
  readonly corrections: number;
  readonly seconds: number;
}

export interface BuildReport {
  readonly version: 1;
  readonly generatedAt: string;
  /** Strict mode (STRICT=1 or --strict): error-severity findings fail the build. */
  readonly strict: boolean;
  /** False when strict mode failed the build. */
  readonly ok: boolean;
  readonly total: BuildTotal;
  readonly files: FileReport[];
  /** Files under content/reports/ that were not read, each with the reason (src/pipeline/discover.ts). */
  readonly skipped: ReadonlyArray<{ readonly file: string; readonly reason: string }>;
}

const SIZE = (bytes: number): string => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

/**
 * What build-data notices about a file beyond the parser's findings: a file far larger than a report, a table the
 * text ends inside (truncated). (An empty or binary file carries an EMPTY_INPUT finding; a report without tables,
 * TABLE_MISSING findings.)
 */
export function fileNotes(record: ReportRecord, info: { bytes: number }): FileNote[] {
  const notes: FileNote[] = [];
  if (info.bytes > LARGE_FILE_BYTES) {
    notes.push({ severity: 'warning', line: null, message: `${SIZE(info.bytes)}, far larger than a report (usually under 200 KB): parsed and published; check that it holds one report` });
  }
  const last = record.sections.at(-1);
  if (last && (last.key === 'proactive' || last.key === 'requests' || last.key === 'review')) {
    const unread = templateCells(record.template).filter((c) => c.table === last.key && record.tables[c.table][c.row]?.[c.column] === null).length;
    if (unread > 0) {
      notes.push({
        severity: 'warning',
        line: record.source.lines,
        message: `the text ends inside ${TABLE_NUMBERS[last.key]} with ${unread} of its cells unread: is the file truncated?`,
      });
    }
  }
  return notes;
}

/** The report entry of one file. */
export function fileReport(
  record: ReportRecord,
  info: { encoding: string; bytes: number; cached: boolean; unidentified?: boolean; notes: readonly FileNote[] },
): FileReport {
  const findings = countBySeverity(record.findings);
  const cells = cellsRead(record);
  const all = [...record.findings, ...info.notes];
  const status = all.some((f) => f.severity === 'error') ? 'error' : all.some((f) => f.severity === 'warning') ? 'warning' : 'ok';
  return {
    file: record.source.file,
    id: record.id,
    page: reportPath(record.agency.slug, record.year),
    agency: record.agency.name,
    year: record.year,
    template: record.template,
    encoding: info.encoding,
    bytes: info.bytes,
    cellsRead: cells.read,
    cellsTotal: cells.total,
    findings,
    status,
    unidentified: info.unidentified ?? isUnidentifiedSlug(record.agency.slug),
    cached: info.cached,
    corrections: record.corrections?.length ?? 0,
    errors: record.findings
      .filter((f) => f.severity === 'error')
      .map((f) => ({ code: f.code, line: f.line, ...(f.cell !== undefined ? { cell: f.cell } : {}), message: f.message })),
    notes: [...info.notes],
  };
}

export function buildTotal(files: readonly FileReport[], extra: { agencies: number; seconds: number }): BuildTotal {
  const findings: SeverityCounts = { error: 0, warning: 0, info: 0 };
  let cells = 0;
  let template = 0;
  for (const f of files) {
    findings.error += f.findings.error;
    findings.warning += f.findings.warning;
    findings.info += f.findings.info;
    cells += f.cellsRead;
    template += f.cellsTotal;
  }
  return {
    files: files.length,
    parsed: files.filter((f) => !f.cached).length,
    cached: files.filter((f) => f.cached).length,
    agencies: extra.agencies,
    unidentified: files.filter((f) => f.unidentified).length,
    cellsRead: cells,
    cellsTotal: template,
    findings,
    filesWithErrors: files.filter((f) => f.status === 'error').length,
    filesWithWarnings: files.filter((f) => f.status === 'warning').length,
    corrections: files.reduce((s, f) => s + f.corrections, 0),
    seconds: Math.round(extra.seconds * 100) / 100,
  };
}

/** Pads to a terminal width, counting CJK (wide) characters as two columns. */
export function pad(s: string, n: number): string {
  const width = [...s].reduce((w, ch) => w + (/[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1), 0);
  return width >= n ? s : s + ' '.repeat(n - width);
}

/** The one console line of a file. */
export function fileLine(f: FileReport): string {
  return [
    pad(f.agency ?? '(机构不详)', 24),
    pad(String(f.year ?? '----'), 4),
    `${f.template}版`,
    `cells ${pad(`${f.cellsRead}/${f.cellsTotal}`, 7)}`,
    `findings e${f.findings.error} w${f.findings.warning} i${f.findings.info}`,
    pad(f.id, 30),
    f.file,
    f.encoding !== 'utf-8' && f.encoding !== 'unknown' ? `[${f.encoding}]` : '',
    f.corrections > 0 ? `(${f.corrections} corrected)` : '',
    f.cached ? '(cached)' : '',
  ]
    .filter((s) => s !== '')
    .join('  ')
    .trimEnd();
}

/** `file:line: severity CODE message` lines for a file's errors and build notes (what a maintainer acts on). */
export function problemLines(f: FileReport): string[] {
  const at = (line: number | null): string => (line !== null ? `${f.file}:${line}` : f.file);
  return [
    ...f.notes.map((n) => `${at(n.line)}: ${n.severity} ${n.message}`),
    ...f.errors.map((e) => `${at(e.line)}: error ${e.code} ${e.message}${e.cell ? ` [${e.cell}]` : ''}`),
  ];
}

/** A file's errors and build notes for the maintenance page: in words, the code and cell only as data. */
export interface ProblemItem {
  /** `file:line` or `file`. */
  readonly where: string;
  /** 错误 / 警告 / 提示, then the finding's name when it is a finding. */
  readonly what: string;
  readonly message: string;
  /** The finding code (for a data attribute), when it is a finding. */
  readonly code?: string;
  /** The cell id (for a data attribute) and its printed labels, when the finding names one. */
  readonly cell?: string;
  readonly cellLabel?: string;
}

/** The maintenance page's version of problemLines: severity and finding named in Chinese, the cell by its labels. */
export function problemItems(f: FileReport): ProblemItem[] {
  const at = (line: number | null): string => (line !== null ? `${f.file}:${line}` : f.file);
  return [
    ...f.notes.map((n) => ({ where: at(n.line), what: SEVERITY_LABELS[n.severity], message: n.message })),
    ...f.errors.map((e) => ({
      where: at(e.line),
      what: `${SEVERITY_LABELS.error}：${findingLabel(e.code)}`,
      message: e.message,
      code: e.code,
      ...(e.cell ? { cell: e.cell, cellLabel: cellLabel(f.template, e.cell) } : {}),
    })),
  ];
}

/** The total line. */
export function totalLine(t: BuildTotal, years: readonly number[]): string {
  return (
    `build-data: ${t.files} reports (${t.parsed} parsed, ${t.cached} cached), ${t.agencies} agencies, ` +
    `years ${years.length ? `${Math.min(...years)}–${Math.max(...years)}` : '—'}, ` +
    `cells ${t.cellsRead}/${t.cellsTotal}, findings error ${t.findings.error} · warning ${t.findings.warning} · info ${t.findings.info}, ` +
    `${t.unidentified} unidentified, ${t.corrections} corrections, ${t.seconds.toFixed(2)} s`
  );
}

/**
 * What to add to content/corrections.yaml for an unidentified report, as YAML lines (or what to do with a file
 * that holds no text).
 */
/** A string as one YAML plain or quoted scalar on one line (`note #1: a.txt` → `'note #1: a.txt'`). */
function yamlScalar(value: string): string {
  const plain = stringifyYaml(value, { lineWidth: 0 }).trimEnd();
  // (a name with a line break would become a block scalar over several lines: JSON is a YAML double-quoted scalar)
  return plain.includes('\n') ? JSON.stringify(value) : plain;
}

/** What identifies an unidentified report for its hint: its id, printed agency and year, file and finding codes. */
export interface HintSubject {
  readonly id: string;
  readonly agency: string | null;
  readonly year: number | null;
  readonly file: string;
  readonly codes: readonly string[];
}

/** A record as a hint subject. */
export const recordHintSubject = (r: Pick<ReportRecord, 'id' | 'agency' | 'year' | 'source' | 'findings'>): HintSubject => ({
  id: r.id,
  agency: r.agency.name,
  year: r.year,
  file: r.source.file,
  codes: r.findings.map((f) => f.code),
});

/** A build report's file entry as a hint subject (its error codes are the ones a hint depends on). */
export const fileHintSubject = (f: Pick<FileReport, 'id' | 'agency' | 'year' | 'file' | 'errors'>): HintSubject => ({
  id: f.id,
  agency: f.agency,
  year: f.year,
  file: f.file,
  codes: f.errors.map((e) => e.code),
});

/** What to add to corrections.yaml for an unidentified report. */
export function unidentifiedHint(report: HintSubject): string[] {
  if (report.codes.includes('EMPTY_INPUT')) {
    return [`# ${report.file} holds no readable text (now ${report.id}): replace it with the report text or delete it`];
  }
  if (report.codes.includes('TEXT_GARBLED')) {
    return [`# ${report.file}'s text is garbled (now ${report.id}, published as it is): extract it again (pdftotext, or copy it from the PDF) and replace the file`];
  }
  if (report.codes.includes('PARSE_FAILED') || report.codes.includes('DECODE_FAILED')) {
    return [`# ${report.file} made the ${report.codes.includes('DECODE_FAILED') ? 'decoder' : 'parser'} fail (now ${report.id}, its text published as it is): please report it with the file`];
  }
  const lines = [`- report: ${yamlScalar(report.file)}   # now ${report.id}`];
  if (report.agency === null) lines.push('  agency: <机构名称>   # not found in the title, a 部门： line or the signature');
  if (report.year === null) lines.push('  year: <年度>        # not found in the title or the text');
  if (report.agency !== null && report.year !== null) lines.push('  slug: <ascii-slug>  # the agency name gave no usable slug');
  lines.push('  reason: <依据，例如：落款印章、原件标题>');
  return lines;
}
