/**
 * build-data: content/reports/** → .cache/ (the records the Astro site is built from). Run before `astro build`.
 *
 *   node --experimental-strip-types --no-warnings scripts/build-data.ts [--force] [--quiet] [--root DIR]
 *
 * --force ignores the parsed cache; --quiet prints only the total; --root reads DIR/content/ and writes DIR/.cache/
 * instead of the project's own (used by the tests).
 *
 * Reads every .txt/.md/.html/.htm under content/reports/ (recursively), decodes it (src/decode), parses it
 * (src/parser) — unless its sha256 and the parser version are unchanged since the last run — assigns agency slug
 * and id from content/agencies.yaml (src/lib/assign.ts), adds the cross-year check, validates every record
 * against the record schema and writes the cache (layout in src/lib/cache.ts). Prints one line per file and a
 * total. A file that cannot be decoded (empty, binary) is kept as an empty unidentified report with an EMPTY_INPUT
 * finding. Exits 1 (writing nothing) when the parser throws, when agencies.yaml is invalid, or when two reports map
 * to the same agency and year.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { decodeFile, DecodeError, sha256Hex } from '../src/decode/index.ts';
import { parseReport } from '../src/parser/index.ts';
import { record as recordSchema, type ReportRecord } from '../src/schema/record.ts';
import { parseAgenciesYaml, type AgenciesConfig } from '../src/lib/agencies.ts';
import { assignIds, crossYearFindings } from '../src/lib/assign.ts';
import {
  AGENCIES_FILE,
  cacheFileName,
  manifest as manifestSchema,
  MANIFEST_FILE,
  PARSED_DIR,
  RECORDS_DIR,
  RECORDS_FILE,
  SOURCES_DIR,
  type AgencyDoc,
  type Manifest,
  type SourceDoc,
} from '../src/lib/cache.ts';
import { cellsRead, countBySeverity } from '../src/lib/findings.ts';
import { sourceLines } from '../src/lib/narrative.ts';
import { templateCells } from '../src/lib/template.ts';

/** Bump when build-data's own output format changes, to invalidate the parsed cache. */
const BUILD_DATA_VERSION = '1';
const REPORT_EXTENSIONS = /\.(txt|md|html?)$/i;

const project = resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const args = new Set(argv);
const force = args.has('--force');
const quiet = args.has('--quiet');
const rootArg = argv.indexOf('--root');
const root = rootArg >= 0 && argv[rootArg + 1] ? resolve(argv[rootArg + 1] as string) : project;
const at = (p: string): string => join(root, p);
const inProject = (p: string): string => join(project, p);

interface ParsedEntry {
  record: ReportRecord;
  lines: string[];
  encoding: string;
  format: string;
}

async function walk(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full)));
    else if (entry.isFile() && REPORT_EXTENSIONS.test(entry.name)) out.push(full);
  }
  return out;
}

/** The parser version: a hash of everything that shapes a parsed record (parser, schema, decoder, this script). */
async function parserVersion(): Promise<string> {
  const hash = createHash('sha256').update(`build-data ${BUILD_DATA_VERSION}\n`);
  const files = [...(await walkAll(inProject('src/parser'))), ...(await walkAll(inProject('src/schema'))), ...(await walkAll(inProject('src/decode')))];
  for (const f of [...new Set(files)].sort()) hash.update(`${relative(project, f)}\n`).update(await readFile(f));
  return hash.digest('hex').slice(0, 16);
}

async function walkAll(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(join(entry.parentPath, entry.name));
  }
  return out;
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return null;
  }
}

function fail(lines: string[]): never {
  for (const l of lines) console.error(`build-data: ${l}`);
  process.exit(1);
}

/** Pads to a terminal width, counting CJK (wide) characters as two columns. */
function pad(s: string, n: number): string {
  const width = [...s].reduce((w, ch) => w + (/[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1), 0);
  return width >= n ? s : s + ' '.repeat(n - width);
}

async function main(): Promise<void> {
  const started = performance.now();
  const reportsDir = at('content/reports');
  const files = (await walk(reportsDir)).sort();
  const version = await parserVersion();

  let config: AgenciesConfig;
  try {
    const yamlPath = at('content/agencies.yaml');
    config = parseAgenciesYaml(existsSync(yamlPath) ? await readFile(yamlPath, 'utf8') : '');
  } catch (e) {
    fail([(e as Error).message]);
  }

  const previous = manifestSchema.safeParse(await readJson(at(MANIFEST_FILE)));
  const prevManifest: Manifest | null = previous.success ? previous.data : null;
  const nextManifest: Manifest = { parserVersion: version, files: {} };
  await mkdir(at(PARSED_DIR), { recursive: true });

  const parsed: ParsedEntry[] = [];
  const cachedFlags: boolean[] = [];
  const errors: string[] = [];
  for (const full of files) {
    const file = relative(root, full).split(sep).join('/');
    const bytes = new Uint8Array(await readFile(full));
    const sha256 = sha256Hex(bytes);
    nextManifest.files[file] = { sha256 };
    const cachePath = at(`${PARSED_DIR}/${sha256}.json`);
    const reusable = !force && prevManifest?.parserVersion === version && existsSync(cachePath);
    if (reusable) {
      const hit = (await readJson(cachePath)) as ParsedEntry | null;
      if (hit && recordSchema.safeParse(hit.record).success) {
        parsed.push({ ...hit, record: { ...hit.record, source: { ...hit.record.source, file } } });
        cachedFlags.push(true);
        continue;
      }
    }
    try {
      let decoded: { text: string; encoding: string; format: string };
      let decodeProblem: string | null = null;
      try {
        decoded = decodeFile(bytes, file);
      } catch (e) {
        // An empty or binary file is still a report the maintainer added: keep it (unidentified, EMPTY_INPUT).
        if (!(e instanceof DecodeError)) throw e;
        decodeProblem = e.message;
        decoded = { text: '', encoding: 'unknown', format: 'txt' };
      }
      const parsedRecord = parseReport(decoded.text, { file, sha256, encoding: decoded.encoding });
      const rec: ReportRecord =
        decodeProblem === null || parsedRecord.findings.some((f) => f.code === 'EMPTY_INPUT')
          ? parsedRecord
          : { ...parsedRecord, findings: [...parsedRecord.findings, { code: 'EMPTY_INPUT', severity: 'error', message: decodeProblem, line: null }] };
      if (decodeProblem !== null) console.error(`build-data: ${decodeProblem} (kept as an empty, unidentified report)`);
      const checked = recordSchema.safeParse(rec);
      if (!checked.success) {
        const issue = checked.error.issues[0];
        errors.push(`${file}: the parser returned a record that breaks the schema (${issue?.path.join('.')}: ${issue?.message})`);
        continue;
      }
      const entry: ParsedEntry = { record: checked.data, lines: sourceLines(decoded.text), encoding: decoded.encoding, format: decoded.format };
      if (entry.lines.length !== entry.record.source.lines && !quiet) {
        console.warn(`build-data: ${file}: ${entry.lines.length} source lines, the record says ${entry.record.source.lines}`);
      }
      await writeFile(cachePath, JSON.stringify(entry));
      parsed.push(entry);
      cachedFlags.push(false);
    } catch (e) {
      errors.push(`${file}: ${(e as Error).stack ?? String(e)}`);
    }
  }
  if (errors.length > 0) fail(errors);

  // Identity: slugs, ids, duplicates.
  const { assigned, duplicates } = assignIds(
    parsed.map((p) => p.record),
    config,
  );
  if (duplicates.length > 0) {
    fail(duplicates.map((d) => `two reports map to ${d.id}: ${d.files[0]} and ${d.files[1]} (fix the year or agency, or add an override in content/agencies.yaml)`));
  }
  const cross = crossYearFindings(assigned.map((a) => a.record));
  const records = assigned.map((a) => {
    const extra = cross.get(a.record.id);
    return extra ? { ...a.record, findings: [...a.record.findings, ...extra] } : a.record;
  });
  for (const r of records) {
    const checked = recordSchema.safeParse(r);
    if (!checked.success) fail([`${r.source.file}: record ${r.id} breaks the schema: ${checked.error.issues[0]?.message}`]);
  }

  // Write the cache: per-record files (stale ones removed), the array, sources, agencies, manifest.
  for (const dir of [RECORDS_DIR, SOURCES_DIR]) {
    await rm(at(dir), { recursive: true, force: true });
    await mkdir(at(dir), { recursive: true });
  }
  const agencies = new Map<string, AgencyDoc>();
  for (let i = 0; i < records.length; i++) {
    const r = records[i] as ReportRecord;
    const a = assigned[i];
    const p = parsed[i];
    if (!a || !p) continue;
    await writeFile(at(`${RECORDS_DIR}/${cacheFileName(r.id)}`), `${JSON.stringify(r, null, 1)}\n`);
    const source: SourceDoc = { id: r.id, file: r.source.file, encoding: p.encoding, format: p.format, lines: p.lines };
    await writeFile(at(`${SOURCES_DIR}/${cacheFileName(r.id)}`), JSON.stringify(source));
    if (!agencies.has(a.agency.slug)) {
      agencies.set(a.agency.slug, { slug: a.agency.slug, name: a.unidentified ? null : a.agency.name, region: a.agency.region, level: a.agency.level, unidentified: a.unidentified });
    }
  }
  await writeFile(at(RECORDS_FILE), `${JSON.stringify(records)}\n`);
  await writeFile(at(AGENCIES_FILE), `${JSON.stringify([...agencies.values()], null, 1)}\n`);
  await writeFile(at(MANIFEST_FILE), `${JSON.stringify(nextManifest, null, 1)}\n`);

  // Report.
  let cellsTotal = 0;
  let cellsTemplate = 0;
  const totals = { error: 0, warning: 0, info: 0 };
  const unidentified: string[] = [];
  for (let i = 0; i < records.length; i++) {
    const r = records[i] as ReportRecord;
    const read = cellsRead(r.tables);
    const all = templateCells(r.template).length;
    cellsTotal += read;
    cellsTemplate += all;
    const s = countBySeverity(r.findings);
    totals.error += s.error;
    totals.warning += s.warning;
    totals.info += s.info;
    if (assigned[i]?.unidentified) unidentified.push(`${r.id} ← ${r.source.file}`);
    if (!quiet) {
      console.log(
        [
          pad(r.agency.name ?? '(机构不详)', 24),
          pad(String(r.year ?? '----'), 4),
          `${r.template}版`,
          `cells ${pad(`${read}/${all}`, 7)}`,
          `findings e${s.error} w${s.warning} i${s.info}`,
          pad(r.id, 30),
          r.source.file,
          cachedFlags[i] ? '(cached)' : '',
        ].join('  ').trimEnd(),
      );
    }
  }
  const parsedCount = cachedFlags.filter((c) => !c).length;
  const years = records.map((r) => r.year).filter((y): y is number => y !== null);
  console.log(
    `build-data: ${records.length} reports (${parsedCount} parsed, ${records.length - parsedCount} cached), ` +
      `${[...agencies.values()].filter((a) => !a.unidentified).length} agencies, ` +
      `years ${years.length ? `${Math.min(...years)}–${Math.max(...years)}` : '—'}, ` +
      `cells ${cellsTotal}/${cellsTemplate}, findings error ${totals.error} · warning ${totals.warning} · info ${totals.info}, ` +
      `${unidentified.length} unidentified, ${((performance.now() - started) / 1000).toFixed(2)} s`,
  );
  if (unidentified.length > 0) {
    console.log(`build-data: unidentified reports (listed on /maintenance/; fix with an override in content/agencies.yaml):`);
    for (const u of unidentified) console.log(`  ${u}`);
  }
}

await main();
