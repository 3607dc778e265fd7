/**
 * The open data files of the portal, written by scripts/build-data.ts into .cache/open-data/ and published by the
 * build (the `nianbao-open-data` integration in astro.config.mjs links or copies them into the site):
 *   data/<slug>/<year>.json.gz    one full record (schema: /data/record.schema.json), gzip
 *   data/<slug>/<year>.csv.gz     its cells, one row each (src/lib/csv.ts), gzip
 *   data/summaries.json.gz        one summary per report (src/schema/summary.ts: identity, key figures, counts), by id
 *   data/cells.csv.gz             every cell of every record, ordered by record id
 *   data/by-year/<year>.csv.gz    every cell of one year's reports (identified ones), by record id
 *   data/by-agency/<slug>.csv.gz  every cell of one agency's reports, oldest year first
 *   data/codebook.csv             every table, row, column and group id of both templates with its printed label
 * Every CSV starts with a UTF-8 BOM and carries Chinese labels beside the ids (src/lib/csv.ts).
 *
 * Why gzip: uncompressed, these files were 210 KB a report at 10,000 reports (each report's cells four times over:
 * its own CSV, cells.csv, by-year, by-agency; its full text twice: its JSON and reports.json), three times its page.
 * Now a report's text is published once in the data, in its own record, and the CSVs compress some twentyfold:
 * 17 KB a report.
 *
 * Incremental: each bulk CSV is a concatenation of gzip members (RFC 1952 §2.2; gunzip, zcat, Python's gzip,
 * pandas and Node read them as one stream): the header, then each record's cells as compressed once, taken from
 * its own <year>.csv.gz. A record whose digest is unchanged (`unchanged`) keeps its files as they are; a bulk file
 * is rewritten only when one of its records changed, appeared or went away. Writes are synchronous: tens of
 * thousands of small files go much faster without a thread-pool round trip each.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { ReportRecord } from '../src/schema/record.ts';
import { cellsHeader, codebookCsv, recordCellLines } from '../src/lib/csv.ts';
import { agencyDataPath, recordDataPath, SUMMARIES_DATA_PATH, CELLS_DATA_PATH, yearDataPath, CODEBOOK_DATA_PATH } from '../src/lib/paths.ts';
import { isUnidentifiedSlug } from '../src/lib/slug.ts';
import { summarize } from '../src/lib/summary.ts';

/** A file written in pieces through a 1 MB buffer. */
export class BufferedFile {
  readonly #fd: number;
  #parts: Array<string | Uint8Array> = [];
  #size = 0;

  constructor(path: string) {
    this.#fd = openSync(path, 'w');
  }

  write(chunk: string | Uint8Array): void {
    this.#parts.push(chunk);
    this.#size += chunk.length;
    if (this.#size >= 1 << 20) this.flush();
  }

  flush(): void {
    if (this.#parts.length === 0) return;
    if (this.#parts.every((p) => typeof p === 'string')) writeSync(this.#fd, this.#parts.join(''));
    else writeSync(this.#fd, Buffer.concat(this.#parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p))));
    this.#parts = [];
    this.#size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.#fd);
  }
}

/** `JSON.stringify(items) + '\n'`, written item by item. */
export function writeJsonArray(path: string, items: Iterable<unknown>): void {
  const out = new BufferedFile(path);
  let first = true;
  out.write('[');
  for (const item of items) {
    out.write(first ? JSON.stringify(item) : `,${JSON.stringify(item)}`);
    first = false;
  }
  out.write(']\n');
  out.close();
}

/** gzip at the highest level: each member is compressed once and then only copied. */
export const gzip = (text: string | Uint8Array): Buffer => gzipSync(text, { level: 9 });

export interface OpenDataOptions {
  /**
   * True when the record is exactly as the last run wrote it (build-data compares digests): its files are kept
   * as they are if present. Default: every record is written.
   */
  unchanged?: (record: ReportRecord) => boolean;
  /** Ids published by the last run (so the groups of a removed report are rewritten). Default: none. */
  previousIds?: readonly string[];
}

export interface OpenDataResult {
  /** Files written (per-report and bulk). */
  written: number;
  /** Per-report files kept as they were. */
  kept: number;
}

/** Writes `bytes` to `path` through a temporary file, so a reader (or a failed run) never sees half a file. */
function replaceFile(path: string, bytes: string | Uint8Array): void {
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
}

/** A bulk CSV: the header member, then members appended; written to a temporary name, renamed on close. */
class MemberFile {
  readonly #out: BufferedFile;
  readonly #path: string;
  constructor(path: string, header: Uint8Array) {
    this.#path = path;
    this.#out = new BufferedFile(`${path}.tmp`);
    this.#out.write(header);
  }
  add(member: Uint8Array): void {
    if (member.length > 0) this.#out.write(member);
  }
  close(): void {
    this.#out.close();
    renameSync(`${this.#path}.tmp`, this.#path);
  }
}

const agencyKey = (r: ReportRecord): string | null => (isUnidentifiedSlug(r.agency.slug) ? null : r.agency.slug);
const yearKey = (r: ReportRecord): string | null => (isUnidentifiedSlug(r.agency.slug) || r.year === null ? null : String(r.year));
/** `slug/2021` → its agency slug and year as the ids spell them. */
const idParts = (id: string): { slug: string; year: string } => {
  const at = id.lastIndexOf('/');
  return { slug: id.slice(0, at), year: id.slice(at + 1) };
};

/** Brings `dir` up to date with the open data files of `records`. */
export function writeOpenData(records: readonly ReportRecord[], dir: string, options: OpenDataOptions = {}): OpenDataResult {
  const data = join(dir, 'data');
  mkdirSync(data, { recursive: true });
  const file = (path: string): string => join(dir, path);
  const sorted = [...records].sort((a, b) => a.id.localeCompare(b.id));
  const header = cellsHeader();
  const headerMember = gzip(header);
  const unchanged = options.unchanged ?? (() => false);
  let written = 0;
  let kept = 0;

  // Groups whose membership or content changed: their bulk files are rewritten.
  const current = new Set(sorted.map((r) => r.id));
  const dirtyAgencies = new Set<string>();
  const dirtyYears = new Set<string>();
  let anyDirty = false;
  for (const id of options.previousIds ?? []) {
    if (current.has(id)) continue;
    anyDirty = true;
    const { slug, year } = idParts(id);
    if (!isUnidentifiedSlug(slug)) {
      dirtyAgencies.add(slug);
      dirtyYears.add(year);
    }
  }

  // Per report: its record and its cells, each written only when changed (or missing).
  const made = new Set<string>();
  for (const r of sorted) {
    const json = file(recordDataPath(r.agency.slug, r.year, 'json'));
    const csv = file(recordDataPath(r.agency.slug, r.year, 'csv'));
    const folder = dirname(json);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    if (unchanged(r) && existsSync(json) && existsSync(csv)) {
      kept += 2;
      continue;
    }
    anyDirty = true;
    const a = agencyKey(r);
    const y = yearKey(r);
    if (a !== null) dirtyAgencies.add(a);
    if (y !== null) dirtyYears.add(y);
    const lines = recordCellLines(r);
    replaceFile(csv, lines.length > 0 ? Buffer.concat([headerMember, gzip(`${lines.join('\r\n')}\r\n`)]) : headerMember);
    replaceFile(json, gzip(`${JSON.stringify(r)}\n`));
    written += 2;
  }

  // Files of reports no longer published (removed, or renamed by a new slug or year), and empty folders.
  const expected = new Set(sorted.flatMap((r) => [recordDataPath(r.agency.slug, r.year, 'json'), recordDataPath(r.agency.slug, r.year, 'csv')]));
  const bulk = new Set([CELLS_DATA_PATH, SUMMARIES_DATA_PATH, CODEBOOK_DATA_PATH]);
  for (const entry of readdirSync(data, { withFileTypes: true })) {
    if (!entry.isDirectory()) {
      // A bulk file of an older layout (reports.json, cells.csv).
      if (!bulk.has(`/data/${entry.name}`)) rmSync(join(data, entry.name), { force: true });
      continue;
    }
    if (entry.name === 'by-year' || entry.name === 'by-agency') continue;
    const folder = join(data, entry.name);
    let left = 0;
    for (const name of readdirSync(folder)) {
      if (expected.has(`/data/${entry.name}/${name}`)) left++;
      else {
        rmSync(join(folder, name), { force: true });
        anyDirty = true;
      }
    }
    if (left === 0) rmSync(folder, { recursive: true, force: true });
  }

  const bulkMissing = [CELLS_DATA_PATH, SUMMARIES_DATA_PATH, CODEBOOK_DATA_PATH].some((p) => !existsSync(file(p)));
  const writeAll = anyDirty || bulkMissing;
  if (writeAll) {
    replaceFile(file(SUMMARIES_DATA_PATH), gzip(`${JSON.stringify(sorted.map(summarize))}\n`));
    replaceFile(file(CODEBOOK_DATA_PATH), codebookCsv());
    written += 2;
  }

  // The bulk CSVs, each report's cells member read back from its own .csv.gz one at a time (holding them all kept
  // a gigabyte of zlib buffers alive at 10,000 reports): cells.csv.gz and the year files in one pass by id, then
  // each agency's file, its reports oldest year first.
  mkdirSync(join(data, 'by-year'), { recursive: true });
  mkdirSync(join(data, 'by-agency'), { recursive: true });
  const years = new Set(sorted.map(yearKey).filter((y): y is string => y !== null));
  const byAgency = new Map<string, ReportRecord[]>();
  for (const r of sorted) {
    const a = agencyKey(r);
    if (a === null) continue;
    const list = byAgency.get(a);
    if (list) list.push(r);
    else byAgency.set(a, [r]);
  }
  const prune = (folder: string, wanted: Set<string>): void => {
    for (const name of readdirSync(join(data, folder))) if (!wanted.has(`/data/${folder}/${name}`)) rmSync(join(data, folder, name), { force: true });
  };
  prune('by-year', new Set([...years].map((y) => yearDataPath(Number(y)))));
  prune('by-agency', new Set([...byAgency.keys()].map(agencyDataPath)));
  const memberOf = (r: ReportRecord): Buffer => {
    const path = recordDataPath(r.agency.slug, r.year, 'csv');
    const csvGz = readFileSync(file(path));
    if (!csvGz.subarray(0, headerMember.length).equals(headerMember)) throw new Error(`${path} does not start with the CSV header`);
    return csvGz.subarray(headerMember.length);
  };
  const cells = writeAll ? new MemberFile(file(CELLS_DATA_PATH), headerMember) : null;
  const yearFiles = new Map<string, MemberFile>();
  for (const y of years) if (dirtyYears.has(y) || !existsSync(file(yearDataPath(Number(y))))) yearFiles.set(y, new MemberFile(file(yearDataPath(Number(y))), headerMember));
  if (cells || yearFiles.size > 0) {
    for (const r of sorted) {
      const y = yearKey(r);
      const yearFile = y === null ? undefined : yearFiles.get(y);
      if (!cells && !yearFile) continue;
      const member = memberOf(r);
      cells?.add(member);
      yearFile?.add(member);
    }
  }
  for (const out of yearFiles.values()) out.close();
  written += yearFiles.size;
  if (cells) {
    cells.close();
    written++;
  }
  for (const [slug, list] of byAgency) {
    const path = file(agencyDataPath(slug));
    if (!dirtyAgencies.has(slug) && existsSync(path)) continue;
    const out = new MemberFile(path, headerMember);
    for (const r of [...list].sort((a, b) => (a.year ?? 0) - (b.year ?? 0))) out.add(memberOf(r));
    out.close();
    written++;
  }
  return { written, kept };
}
