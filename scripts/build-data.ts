/**
 * build-data: content/reports/** → .cache/ (the records the Astro site is built from). Run before `astro build`.
 *
 *   node --experimental-strip-types --no-warnings scripts/build-data.ts [--force] [--quiet] [--verbose] [--strict] [--root DIR]
 *
 * --force ignores the parsed cache; --quiet prints only the total; --verbose prints every file's line even in a
 * large build; --strict (or STRICT=1 in the environment) exits 1 when any file has an error-severity finding;
 * --root reads DIR/content/ and writes DIR/.cache/ instead of the project's own (used by the tests and benchmarks).
 *
 * Reads every .txt/.md/.html/.htm/.pdf/.docx under content/reports/ (recursively), decodes it (src/decode), parses it
 * (src/parser) — unless its sha256 and the parser version are unchanged since the last run — applies the
 * maintainer corrections of content/corrections.yaml (src/lib/corrections.ts), assigns agency slug and id from
 * content/agencies.yaml (src/lib/assign.ts), adds the cross-year check, validates every record against the record
 * schema and writes the cache (layout in src/lib/cache.ts) and the build report (.cache/build-report.json,
 * published as /build-report.json; src/lib/build-report.ts).
 *
 * Console: up to 50 files, one line per file, each followed by `file:line: error …` lines for what needs fixing;
 * beyond that only the files that need fixing (the rest is in the JSON report), plus a `parsed N/M` progress line
 * when stderr is a terminal (or BUILD_PROGRESS=1) and CI is not set. Always a total line, and what to add for
 * unidentified reports.
 *
 * A file that cannot be decoded (empty, binary) is kept as an empty unidentified report with an EMPTY_INPUT
 * finding. Exits 1 (writing nothing) when the parser throws, when agencies.yaml or corrections.yaml is invalid
 * (a typo names its line), or when two reports map to the same agency and year; in strict mode, also (after
 * writing the cache and report) when a file has an error-severity finding.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { decodeReport, DecodeError, REPORT_FILE, sha256Hex } from '../src/decode/index.ts';
import { parseOrKeep } from '../src/lib/safe-parse.ts';
import { record as recordSchema, type Finding, type ReportRecord } from '../src/schema/record.ts';
import { agencyResolver, overrideFor, parseAgenciesYaml, type AgenciesConfig } from '../src/lib/agencies.ts';
import { assignIds, crossYearFindings } from '../src/lib/assign.ts';
import { futurePublished } from '../src/parser/dates.ts';
import {
  applyCorrections,
  CORRECTIONS_FILE,
  fieldEntries,
  parseCorrections,
  resolveCorrections,
  unknownReportProblem,
  type CorrectionEntry,
  type ReportKey,
} from '../src/lib/corrections.ts';
import {
  BUILD_REPORT_FILE,
  buildTotal,
  fileLine,
  fileNotes,
  fileReport,
  problemLines,
  totalLine,
  unidentifiedHint,
  type BuildReport,
  type FileNote,
  type FileReport,
} from '../src/lib/build-report.ts';
import {
  AGENCIES_FILE,
  cacheFileName,
  manifest as manifestSchema,
  MANIFEST_FILE,
  OPEN_DATA_DIR,
  PARSED_DIR,
  RECORDS_DIR,
  RECORDS_FILE,
  SOURCES_DIR,
  SUMMARIES_FILE,
  toSummary,
  type AgencyDoc,
  type Manifest,
  type SourceDoc,
} from '../src/lib/cache.ts';
import { sourceLines } from '../src/lib/narrative.ts';
import { writeJsonArray, writeOpenData } from './open-data.ts';

/** Bump when build-data's own output format changes, to invalidate the parsed cache. */
const BUILD_DATA_VERSION = '2';
const REPORT_EXTENSIONS = REPORT_FILE; // .txt .md .html .htm .pdf .docx (src/decode)

const project = resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const args = new Set(argv);
const force = args.has('--force');
const quiet = args.has('--quiet');
const verbose = args.has('--verbose');
const strict = args.has('--strict') || /^(1|true|yes)$/i.test(process.env['STRICT'] ?? '');
/** Builds with more files than this print only the files that need fixing (every file is in the JSON report). */
const PER_FILE_LINES_MAX = 50;
/** Progress on a terminal (or with BUILD_PROGRESS=1, e.g. into a log file), never in CI logs (CI=true). */
const showProgress = (process.stderr.isTTY === true || process.env['BUILD_PROGRESS'] === '1') && !/^(1|true)$/i.test(process.env['CI'] ?? '');
const rootArg = argv.indexOf('--root');
const root = rootArg >= 0 && argv[rootArg + 1] ? resolve(argv[rootArg + 1] as string) : project;
const at = (p: string): string => join(root, p);
const inProject = (p: string): string => join(project, p);

interface ParsedEntry {
  record: ReportRecord;
  lines: string[];
  encoding: string;
  format: string;
  /** Size of the source file in bytes (not cached: set on every run). */
  bytes?: number;
}

/** A `parsed N/M` line on stderr, rewritten in place at most every 250 ms (terminals only). */
function progress(total: number): { tick(done: number): void; end(): void } {
  if (!showProgress || total <= PER_FILE_LINES_MAX || quiet) return { tick() {}, end() {} };
  let last = 0;
  let shown = false;
  return {
    tick(done: number) {
      const now = performance.now();
      if (now - last < 250 && done < total) return;
      last = now;
      shown = true;
      process.stderr.write(process.stderr.isTTY ? `\rbuild-data: parsed ${done}/${total}` : `build-data: parsed ${done}/${total}\n`);
    },
    end() {
      if (shown && process.stderr.isTTY) process.stderr.write('\n');
    },
  };
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

// Per-file reads and writes are synchronous: for tens of thousands of small files that is several times faster
// than a thread-pool round trip each (scripts/bench.ts measures it).
function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

function fail(lines: string[]): never {
  for (const l of lines) console.error(`build-data: ${l}`);
  process.exit(1);
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
    agencyResolver(config); // throws on a name listed under two agencies, or a slug used twice
  } catch (e) {
    fail([(e as Error).message]);
  }
  const correctionsPath = at(CORRECTIONS_FILE);
  const correctionsFile = parseCorrections(existsSync(correctionsPath) ? await readFile(correctionsPath, 'utf8') : '');
  if (correctionsFile.problems.length > 0) fail([...correctionsFile.problems, `${CORRECTIONS_FILE} has ${correctionsFile.problems.length} problem(s); nothing was built`]);

  const previous = manifestSchema.safeParse(readJson(at(MANIFEST_FILE)));
  const prevManifest: Manifest | null = previous.success ? previous.data : null;
  const nextManifest: Manifest = { parserVersion: version, files: {} };
  await mkdir(at(PARSED_DIR), { recursive: true });

  const parsed: ParsedEntry[] = [];
  const cachedFlags: boolean[] = [];
  const errors: string[] = [];
  const bar = progress(files.length);
  for (const [index, full] of files.entries()) {
    bar.tick(index);
    const file = relative(root, full).split(sep).join('/');
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(full));
    } catch (e) {
      errors.push(`${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      continue;
    }
    const sha256 = sha256Hex(bytes);
    nextManifest.files[file] = { sha256 };
    const cachePath = at(`${PARSED_DIR}/${sha256}.json`);
    const reusable = !force && prevManifest?.parserVersion === version && existsSync(cachePath);
    if (reusable) {
      const hit = readJson(cachePath) as ParsedEntry | null;
      if (hit && recordSchema.safeParse(hit.record).success) {
        parsed.push({ ...hit, bytes: bytes.length, record: { ...hit.record, source: { ...hit.record.source, file } } });
        cachedFlags.push(true);
        continue;
      }
    }
    try {
      let decoded: { text: string; encoding: string; format: string };
      let decodeProblem: string | null = null;
      try {
        decoded = await decodeReport(bytes, file);
      } catch (e) {
        // An empty or binary file is still a report the maintainer added: keep it (unidentified, EMPTY_INPUT).
        if (!(e instanceof DecodeError)) throw e;
        decodeProblem = e.message.slice(e.file.length + 2);
        decoded = { text: '', encoding: 'unknown', format: 'txt' };
      }
      // A parser exception still publishes the report (unidentified, PARSE_FAILED, source kept): src/lib/safe-parse.ts.
      const { record: parsedRecord, error: parseError } = parseOrKeep(decoded.text, { file, sha256, encoding: decoded.encoding, format: decoded.format });
      if (parseError) console.warn(`build-data: ${file}: the parser failed (${parseError.message}); published unidentified with its text, see PARSE_FAILED`);
      // The EMPTY_INPUT finding says why: the decode problem (empty file, binary file) when there was one.
      const emptyInput: Finding | null = decodeProblem === null ? null : { code: 'EMPTY_INPUT', severity: 'error', message: `${decodeProblem === 'empty file' ? '空文件' : '不是文本文件'}（${decodeProblem}）：请换成报告正文，或删除该文件`, line: null };
      const rec: ReportRecord =
        emptyInput === null ? parsedRecord : { ...parsedRecord, findings: [...parsedRecord.findings.filter((f) => f.code !== 'EMPTY_INPUT'), emptyInput] };
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
      writeFileSync(cachePath, JSON.stringify(entry));
      parsed.push({ ...entry, bytes: bytes.length });
      cachedFlags.push(false);
    } catch (e) {
      errors.push(`${file}: ${(e as Error).stack ?? String(e)}`);
    }
  }
  bar.tick(files.length);
  bar.end();
  if (errors.length > 0) fail(errors);

  // Corrections (content/corrections.yaml), then identity: slugs, ids, duplicates.
  const corrected = correct(
    parsed.map((p) => p.record),
    correctionsFile.entries,
    config,
  );
  const { assigned, duplicates } = assignIds(corrected, config);
  if (duplicates.length > 0) {
    fail(
      duplicates.map(
        (d) =>
          `two reports map to ${d.id}: ${d.files[0]} and ${d.files[1]} — if they are the same report, delete one; ` +
          `otherwise correct the agency or year of one in ${CORRECTIONS_FILE} (report: <file>, year: …, reason: …)`,
      ),
    );
  }
  const cross = crossYearFindings(assigned.map((a) => a.record));
  // (a publication date after today is dropped here, at the edge that knows the date: the parser has no clock)
  const today = new Date().toISOString().slice(0, 10);
  const records = assigned.map((a) => {
    const extra = [...(cross.get(a.record.id) ?? [])];
    const future = futurePublished(a.record.published, today);
    if (future) extra.push(future);
    return extra.length ? { ...a.record, ...(future ? { published: null } : {}), findings: [...a.record.findings, ...extra] } : a.record;
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
    writeFileSync(at(`${RECORDS_DIR}/${cacheFileName(r.id)}`), `${JSON.stringify(r, null, 1)}\n`);
    const source: SourceDoc = { id: r.id, file: r.source.file, encoding: p.encoding, format: p.format, lines: p.lines };
    writeFileSync(at(`${SOURCES_DIR}/${cacheFileName(r.id)}`), JSON.stringify(source));
    if (!agencies.has(a.agency.slug)) {
      agencies.set(a.agency.slug, { slug: a.agency.slug, name: a.unidentified ? null : a.agency.name, region: a.agency.region, level: a.agency.level, kind: a.agency.kind, unidentified: a.unidentified });
    }
  }
  // Ordered by id, and written record by record: one string of every record would pass V8's 512 MB string limit
  // at some 20,000 reports.
  const byId = [...records].sort((x, y) => x.id.localeCompare(y.id));
  writeJsonArray(at(RECORDS_FILE), byId);
  // What the list pages read (src/components/data.ts), and the open data files the build publishes under /data/
  // (reports.json and each record's JSON are hard links to the files above when the file system allows).
  writeJsonArray(at(SUMMARIES_FILE), byId.map(toSummary));
  writeOpenData(byId, at(OPEN_DATA_DIR), { recordJsonFile: (r) => at(`${RECORDS_DIR}/${cacheFileName(r.id)}`), reportsJsonFile: at(RECORDS_FILE) });
  await writeFile(at(AGENCIES_FILE), `${JSON.stringify([...agencies.values()], null, 1)}\n`);
  await writeFile(at(MANIFEST_FILE), `${JSON.stringify(nextManifest, null, 1)}\n`);

  // Report: console and .cache/build-report.json (published as /build-report.json).
  const reports: FileReport[] = records.map((r, i) => {
    const p = parsed[i] as ParsedEntry;
    const notes: FileNote[] = fileNotes(r, { bytes: p.bytes ?? 0 });
    return fileReport(r, { encoding: p.encoding, bytes: p.bytes ?? 0, cached: cachedFlags[i] === true, unidentified: assigned[i]?.unidentified === true, notes });
  });
  const total = buildTotal(reports, {
    agencies: [...agencies.values()].filter((a) => !a.unidentified).length,
    seconds: (performance.now() - started) / 1000,
  });
  const failing = reports.filter((f) => f.status === 'error');
  const report: BuildReport = { version: 1, generatedAt: new Date().toISOString(), strict, ok: !(strict && failing.length > 0), total, files: reports };
  await writeFile(at(BUILD_REPORT_FILE), `${JSON.stringify(report, null, 1)}\n`);

  if (!quiet) {
    const everyFile = verbose || reports.length <= PER_FILE_LINES_MAX;
    const shown = everyFile ? reports : reports.filter((f) => f.status === 'error' || f.notes.length > 0);
    const limit = everyFile ? Infinity : 20;
    for (const f of shown.slice(0, limit)) {
      console.log(fileLine(f));
      for (const l of problemLines(f)) console.log(`    ${l}`);
    }
    if (shown.length > limit) console.log(`build-data: … ${shown.length - limit} more files need fixing (see ${BUILD_REPORT_FILE})`);
    else if (!everyFile) console.log(`build-data: ${reports.length - shown.length} files without errors not listed (every file is in ${BUILD_REPORT_FILE})`);
  }
  const years = records.map((r) => r.year).filter((y): y is number => y !== null);
  console.log(totalLine(total, years));
  const reportPathShown = root === project ? BUILD_REPORT_FILE : at(BUILD_REPORT_FILE);
  console.log(`build-data: build report written to ${reportPathShown} (the site publishes it as /build-report.json)`);
  const unidentified = records.filter((_, i) => assigned[i]?.unidentified);
  if (unidentified.length > 0) {
    console.log(`build-data: ${unidentified.length} unidentified report(s), listed on /maintenance/. To identify them, add to ${CORRECTIONS_FILE} (under corrections:):`);
    for (const r of unidentified.slice(0, 20)) for (const l of unidentifiedHint(r)) console.log(`  ${l}`);
    if (unidentified.length > 20) console.log(`  … and ${unidentified.length - 20} more (see ${BUILD_REPORT_FILE})`);
  }
  if (strict && failing.length > 0) {
    console.error(`build-data: strict mode: ${failing.length} file(s) have errors, failing the build:`);
    for (const f of failing.slice(0, 50)) {
      const codes = [...new Set(f.errors.map((e) => e.code))];
      console.error(`  ${f.file}: ${f.findings.error} error(s) (${codes.join(', ')})`);
    }
    if (failing.length > 50) console.error(`  … and ${failing.length - 50} more (see ${BUILD_REPORT_FILE})`);
    process.exit(1);
  }
}

/**
 * Applies content/corrections.yaml to the parsed records. An entry names its report by source file, by id before
 * corrections (agencies.yaml applied) or by id after the agency/year/slug corrections. Fails the build, naming the
 * YAML line, on an unknown report, row or column, or a field also set by an agencies.yaml override.
 */
function correct(records: ReportRecord[], entries: readonly CorrectionEntry[], config: AgenciesConfig): ReportRecord[] {
  if (entries.length === 0) return records;
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
          problems.push(`${CORRECTIONS_FILE}:${e.lines[field] ?? e.line}: entry ${e.index + 1}: the ${field} of ${r.source.file} is also set by an override in content/agencies.yaml; keep one`);
        }
      }
    }
  }
  const lineOf = (p: string): number => Number(/^[^:]*:(\d+):/.exec(p)?.[1] ?? 0);
  if (problems.length > 0) fail([...problems.sort((a, b) => lineOf(a) - lineOf(b)), `${CORRECTIONS_FILE} has ${problems.length} problem(s); nothing was built`]);
  return records.map((r, i) => applyCorrections(r, byFile.get(r.source.file) ?? [], printed[i]?.agency.slug ?? ''));
}

await main();
