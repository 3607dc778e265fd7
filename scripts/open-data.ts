/**
 * The open data files of the portal, written by scripts/build-data.ts into .cache/open-data/ and published by the
 * build (the `nianbao-open-data` integration in astro.config.mjs links or copies them into the site):
 *   data/<slug>/<year>.json   one record (schema: /data/record.schema.json), as in .cache/records/
 *   data/<slug>/<year>.csv    its cells, one row each (src/lib/csv.ts)
 *   data/reports.json         every record, ordered by id
 *   data/cells.csv            every cell of every record, ordered by record id
 *   data/by-year/<year>.csv   every cell of one year's reports (identified ones), by record id
 *   data/by-agency/<slug>.csv every cell of one agency's reports, oldest year first
 *   data/codebook.csv         every table, row, column and group id of both templates with its printed label
 * Every CSV starts with a UTF-8 BOM and carries Chinese labels beside the ids (src/lib/csv.ts).
 * The big files are written record by record through a buffer, so a portal of tens of thousands of reports never
 * holds them as one string (V8 strings stop at 512 MB). Writes are synchronous: tens of thousands of small files
 * go much faster without a thread-pool round trip each.
 */
import { closeSync, linkSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ReportRecord } from '../src/schema/record.ts';
import { cellsHeader, codebookCsv, recordCellLines } from '../src/lib/csv.ts';
import { agencyDataPath, recordDataPath, yearDataPath } from '../src/lib/paths.ts';
import { isUnidentifiedSlug } from '../src/lib/slug.ts';

/** A file written in pieces through a 1 MB buffer. */
export class BufferedFile {
  readonly #fd: number;
  #parts: string[] = [];
  #size = 0;

  constructor(path: string) {
    this.#fd = openSync(path, 'w');
  }

  write(text: string): void {
    this.#parts.push(text);
    this.#size += text.length;
    if (this.#size >= 1 << 20) this.flush();
  }

  flush(): void {
    if (this.#parts.length === 0) return;
    writeSync(this.#fd, this.#parts.join(''));
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

export interface OpenDataOptions {
  /**
   * A file already holding exactly this record's JSON (`JSON.stringify(record, null, 1)` and a newline), to be
   * hard-linked instead of written again; the record is written when the link cannot be made.
   */
  recordJsonFile?: (record: ReportRecord) => string;
  /** A file already holding `JSON.stringify(records ordered by id)` and a newline, to be hard-linked as reports.json. */
  reportsJsonFile?: string;
}

/** Hard-links `from` to `to`; false when there is no `from` or the link cannot be made (another file system). */
function linked(from: string | undefined, to: string): boolean {
  if (from === undefined) return false;
  try {
    linkSync(from, to);
    return true;
  } catch {
    return false;
  }
}

/** Replaces `dir` with the open data files of `records`. */
export function writeOpenData(records: readonly ReportRecord[], dir: string, options: OpenDataOptions = {}): void {
  rmSync(dir, { recursive: true, force: true });
  const data = join(dir, 'data');
  mkdirSync(data, { recursive: true });
  const sorted = [...records].sort((a, b) => a.id.localeCompare(b.id));
  const header = cellsHeader();
  const cells = new BufferedFile(join(data, 'cells.csv'));
  cells.write(header);
  const made = new Set<string>();
  for (const r of sorted) {
    const lines = recordCellLines(r);
    const csv = lines.length > 0 ? `${lines.join('\r\n')}\r\n` : '';
    cells.write(csv);
    const json = join(dir, recordDataPath(r.agency.slug, r.year, 'json'));
    const folder = dirname(json);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(join(dir, recordDataPath(r.agency.slug, r.year, 'csv')), header + csv);
    if (!linked(options.recordJsonFile?.(r), json)) writeFileSync(json, `${JSON.stringify(r, null, 1)}\n`);
  }
  cells.close();
  if (!linked(options.reportsJsonFile, join(data, 'reports.json'))) writeJsonArray(join(data, 'reports.json'), sorted);
  writeFileSync(join(data, 'codebook.csv'), codebookCsv());
  // Per year and per agency: one group's lines at a time (a group is small), identified reports only.
  const groups = (key: (r: ReportRecord) => string | null): Map<string, ReportRecord[]> => {
    const map = new Map<string, ReportRecord[]>();
    for (const r of sorted) {
      const k = key(r);
      if (k !== null) map.set(k, [...(map.get(k) ?? []), r]);
    }
    return map;
  };
  const writeGroup = (path: string, list: readonly ReportRecord[]): void => {
    const out = new BufferedFile(path);
    out.write(header);
    for (const r of list) {
      const lines = recordCellLines(r);
      if (lines.length > 0) out.write(`${lines.join('\r\n')}\r\n`);
    }
    out.close();
  };
  const identified = (r: ReportRecord): boolean => !isUnidentifiedSlug(r.agency.slug);
  mkdirSync(join(dir, 'data', 'by-year'), { recursive: true });
  for (const [year, list] of groups((r) => (identified(r) && r.year !== null ? String(r.year) : null))) writeGroup(join(dir, yearDataPath(Number(year))), list);
  mkdirSync(join(dir, 'data', 'by-agency'), { recursive: true });
  for (const [slug, list] of groups((r) => (identified(r) ? r.agency.slug : null))) {
    writeGroup(join(dir, agencyDataPath(slug)), [...list].sort((a, b) => (a.year ?? 0) - (b.year ?? 0)));
  }
}
