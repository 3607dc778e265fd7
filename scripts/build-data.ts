/**
 * build-data: content/reports/** → .cache/ (the records the Astro site is built from). Run before `astro build`.
 *
 *   node --experimental-strip-types --no-warnings scripts/build-data.ts [--force] [--quiet] [--verbose] [--strict] [--root DIR]
 *
 * --force ignores the parsed cache; --quiet prints only the total; --verbose prints every file's line even in a
 * large build; --strict (or STRICT=1 in the environment) exits 1 when any file has an error-severity finding;
 * --root reads DIR/content/ and writes DIR/.cache/ instead of the project's own (used by the tests and benchmarks).
 *
 * Reads every .txt/.md/.html/.htm/.shtml/.xhtml/.pdf/.docx under content/reports/ (recursively), decodes it (src/decode), parses it
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
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { sha256Hex } from '../src/decode/index.ts';
import { codeInputs, parseCacheKey } from '../src/pipeline/cache-key.ts';
import { discoverReports } from '../src/pipeline/discover.ts';
import { readReport } from '../src/pipeline/read.ts';
import { assemble } from '../src/pipeline/assemble.ts';
import { formatProblem, sortProblems } from '../src/pipeline/problem.ts';
import { record as recordSchema, type ReportRecord } from '../src/schema/record.ts';
import { agencyResolver, parseAgenciesYaml, type AgenciesConfig } from '../src/lib/agencies.ts';
import { CORRECTIONS_FILE, parseCorrections } from '../src/lib/corrections.ts';
import {
  BUILD_REPORT_FILE,
  buildTotal,
  fileLine,
  fileNotes,
  fileReport,
  problemLines,
  totalLine,
  recordHintSubject,
  unidentifiedHint,
  type BuildReport,
  type FileNote,
  type FileReport,
} from '../src/lib/build-report.ts';
import {
  AGENCIES_FILE,
  cacheFileName,
  DIGESTS_FILE,
  MANIFEST_FILE,
  OPEN_DATA_DIR,
  PARSED_DIR,
  RECORDS_DIR,
  RECORDS_FILE,
  SOURCES_DIR,
  SUMMARIES_FILE,
  type AgencyDoc,
  type Digests,
  type Manifest,
  type SourceDoc,
} from '../src/lib/cache.ts';
import { BufferedFile, writeJsonArray, writeOpenData } from './open-data.ts';
import { terminalSafe } from '../src/pipeline/terminal.ts';
import { summarize } from '../src/lib/summary.ts';
import { toStored } from '../src/schema/summary.ts';

// Every console line goes through terminalSafe: report text and file names are untrusted (ESC sequences, bidi
// overrides, a newline in a file name).
const log = (line: string): void => console.log(terminalSafe(line));
const logError = (line: string): void => console.error(terminalSafe(line));


const project = resolve(import.meta.dirname, '..');
const USAGE = 'usage: build-data [--force] [--quiet] [--verbose] [--strict] [--root DIR]';
/** The command line (node:util parseArgs): an unknown flag, a stray argument or `--root` without a value is an error. */
function options(): { force: boolean; quiet: boolean; verbose: boolean; strict: boolean; root: string | undefined } {
  try {
    const { values } = parseArgs({
      args: process.argv.slice(2),
      strict: true,
      allowPositionals: false,
      options: {
        force: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        root: { type: 'string' },
      },
    });
    return { force: values.force, quiet: values.quiet, verbose: values.verbose, strict: values.strict, root: values.root };
  } catch (e) {
    console.error(terminalSafe(`build-data: ${(e as Error).message}`));
    console.error(USAGE);
    process.exit(2);
  }
}
const cli = options();
const force = cli.force;
const quiet = cli.quiet;
const verbose = cli.verbose;
const strict = cli.strict || /^(1|true|yes)$/i.test(process.env['STRICT'] ?? '');
/** Builds with more files than this print only the files that need fixing (every file is in the JSON report). */
const PER_FILE_LINES_MAX = 50;
/** Progress on a terminal (or with BUILD_PROGRESS=1, e.g. into a log file), never in CI logs (CI=true). */
const showProgress = (process.stderr.isTTY === true || process.env['BUILD_PROGRESS'] === '1') && !/^(1|true)$/i.test(process.env['CI'] ?? '');
const root = cli.root !== undefined ? resolve(cli.root) : project;
const at = (p: string): string => join(root, p);
const inProject = (p: string): string => join(project, p);

/** A parsed report as cached in .cache/parsed/: its record and its decoded source lines. */
interface CachedEntry {
  record: ReportRecord;
  lines: string[];
  encoding: string;
  format: string;
}

/**
 * What is held of a parsed report until the cache is written: its source lines stay on disk (in its parsed cache
 * file, read again only when its source file must be written), only their digest is kept (100,000 reports' lines
 * were over a gigabyte of the heap that ran out).
 */
interface ParsedEntry {
  record: ReportRecord;
  /** sha256 of the lines' JSON. */
  linesDigest: string;
  /** Its file in .cache/parsed/, which holds the lines. */
  cachePath: string;
  encoding: string;
  format: string;
  /** Size of the source file in bytes (not cached: set on every run). */
  bytes: number;
}

const linesDigest = (lines: readonly string[]): string => createHash('sha256').update(JSON.stringify(lines)).digest('hex');

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

// Per-file reads and writes are synchronous: for tens of thousands of small files that is several times faster
// than a thread-pool round trip each (scripts/bench.ts measures it).
function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

/** Writes a file through a temporary name, so no reader (nor a failed run) leaves half of it. */
function replaceFile(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

function fail(lines: string[]): never {
  for (const l of lines) logError(`build-data: ${l}`);
  process.exit(1);
}

async function main(): Promise<void> {
  const started = performance.now();
  const discovered = discoverReports(at('content/reports'), root);
  const files = discovered.files;
  // The parse cache's key: bytes, decoder and the code and packages of the read step (src/pipeline/cache-key.ts).
  const version = codeInputs([inProject('src/pipeline/read.ts')], project).hash;
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
  if (correctionsFile.problems.length > 0) fail([...sortProblems(correctionsFile.problems).map(formatProblem), `${CORRECTIONS_FILE} has ${correctionsFile.problems.length} problem(s); nothing was built`]);

  const nextManifest: Manifest = { parserVersion: version, files: {} };
  await mkdir(at(PARSED_DIR), { recursive: true });

  const parsed: ParsedEntry[] = [];
  const cachedFlags: boolean[] = [];
  const usedKeys = new Set<string>();
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
    const cacheKey = parseCacheKey(sha256, file, version);
    usedKeys.add(`${cacheKey}.json`);
    const cachePath = at(`${PARSED_DIR}/${cacheKey}.json`);
    if (!force && existsSync(cachePath)) {
      const hit = readJson(cachePath) as CachedEntry | null;
      if (hit && Array.isArray(hit.lines) && recordSchema.safeParse(hit.record).success) {
        const record = { ...hit.record, source: { ...hit.record.source, file } };
        parsed.push({ record, linesDigest: linesDigest(hit.lines), cachePath, encoding: hit.encoding, format: hit.format, bytes: bytes.length });
        cachedFlags.push(true);
        continue;
      }
    }
    // Decoding and parsing behind one safety net (src/pipeline/read.ts): whatever throws, the report is published.
    const read = await readReport(bytes, file, sha256);
    for (const problem of read.problems) logError(`build-data: ${file}: ${problem}`);
    const checked = recordSchema.safeParse(read.record);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      errors.push(`${file}: the parser returned a record that breaks the schema (${issue?.path.join('.')}: ${issue?.message})`);
      continue;
    }
    const entry: CachedEntry = { record: checked.data, lines: read.lines, encoding: read.encoding, format: read.format };
    if (entry.lines.length !== entry.record.source.lines && !quiet) {
      logError(`build-data: ${file}: ${entry.lines.length} source lines, the record says ${entry.record.source.lines}`);
    }
    writeFileSync(cachePath, JSON.stringify(entry));
    parsed.push({ record: entry.record, linesDigest: linesDigest(entry.lines), cachePath, encoding: entry.encoding, format: entry.format, bytes: bytes.length });
    cachedFlags.push(false);
  }
  bar.tick(files.length);
  bar.end();
  // Parsed entries no file used this time (an edited or removed file, older code) are removed.
  for (const name of readdirSync(at(PARSED_DIR))) if (!usedKeys.has(name)) rmSync(at(`${PARSED_DIR}/${name}`), { force: true });
  if (errors.length > 0) fail(errors);

  // Corrections, slugs and ids, the cross-year check (src/pipeline/assemble.ts); what stops the build is data.
  const { records, assigned, problems } = assemble(
    parsed.map((p) => p.record),
    config,
    correctionsFile.entries,
    new Date().toISOString().slice(0, 10),
  );
  if (problems.length > 0) {
    const fromCorrections = problems.filter((p) => p.code === 'CORRECTIONS').length;
    fail([
      ...sortProblems(problems).map(formatProblem),
      ...(fromCorrections > 0 ? [`${CORRECTIONS_FILE} has ${fromCorrections} problem(s); nothing was built`] : []),
    ]);
  }

  // Write the cache: per-record files, the array, sources, agencies, manifest. A record (with its source lines)
  // whose digest is what the last run wrote is not written again, nor are its open data files: a rebuild after
  // one changed report writes that report's files and the bulk files it belongs to. The digests are removed
  // before anything is written and saved last, so a failed run leaves none and the next run writes everything.
  const previous = readJson(at(DIGESTS_FILE)) as Digests | null;
  rmSync(at(DIGESTS_FILE), { force: true });
  // Code that shapes the written files: a change to it rewrites them all.
  const writerVersion = codeInputs([inProject('scripts/open-data.ts'), inProject('scripts/build-data.ts')], project).hash;
  const before = previous !== null && previous.version === writerVersion ? previous.records : {};
  const nextDigests: Digests = { version: writerVersion, records: {} };
  const unchangedIds = new Set<string>();
  await mkdir(at(RECORDS_DIR), { recursive: true });
  await mkdir(at(SOURCES_DIR), { recursive: true });
  const agencies = new Map<string, AgencyDoc>();
  // In id order, so the array of every record (.cache/records.json) is written as the loop goes: one record's JSON
  // held at a time (holding them all took a gigabyte at 10,000 reports; one string of them would pass V8's 512 MB
  // string limit at some 20,000).
  const order = records.map((_, i) => i).sort((x, y) => (records[x] as ReportRecord).id.localeCompare((records[y] as ReportRecord).id));
  const all = new BufferedFile(at(RECORDS_FILE));
  const ids = new Set<string>();
  let cacheWritten = 0;
  for (const i of order) {
    const r = records[i] as ReportRecord;
    const a = assigned[i];
    const p = parsed[i];
    if (!a || !p) continue;
    const json = JSON.stringify(r);
    all.write(`${ids.size === 0 ? '[' : ','}${json}`);
    ids.add(r.id);
    const head = { id: r.id, file: r.source.file, encoding: p.encoding, format: p.format };
    const digest = createHash('sha256').update(json).update('\n').update(JSON.stringify(head)).update('\n').update(p.linesDigest).digest('hex');
    nextDigests.records[r.id] = digest;
    const recordPath = `${at(RECORDS_DIR)}/${cacheFileName(r.id)}`;
    const sourcePath = `${at(SOURCES_DIR)}/${cacheFileName(r.id)}`;
    if (!force && before[r.id] === digest && existsSync(recordPath) && existsSync(sourcePath)) {
      unchangedIds.add(r.id);
    } else {
      const lines = (readJson(p.cachePath) as CachedEntry | null)?.lines;
      if (!Array.isArray(lines)) fail([`${r.source.file}: its parsed cache file ${relative(root, p.cachePath)} could not be read back while writing the cache`]);
      const source: SourceDoc = { ...head, lines };
      replaceFile(recordPath, `${json}\n`);
      replaceFile(sourcePath, JSON.stringify(source));
      cacheWritten++;
    }
  }
  all.write(ids.size === 0 ? '[]\n' : ']\n');
  // Agencies in the order their first report was read.
  assigned.forEach((a, i) => {
    if (!a || !parsed[i] || agencies.has(a.agency.slug)) return;
    agencies.set(a.agency.slug, { slug: a.agency.slug, name: a.unidentified ? null : a.agency.name, region: a.agency.region, level: a.agency.level, kind: a.agency.kind, unidentified: a.unidentified });
  });
  all.close();
  // Cache files of reports no longer there (removed, renamed by a new slug or year).
  const keep = new Set([...ids].map(cacheFileName));
  for (const dir of [RECORDS_DIR, SOURCES_DIR]) for (const name of readdirSync(at(dir))) if (!keep.has(name)) rmSync(at(`${dir}/${name}`), { force: true });
  const byId = order.map((i) => records[i] as ReportRecord);
  // What the list pages read (src/components/data.ts), and the open data files the build publishes under /data/.
  writeJsonArray(at(SUMMARIES_FILE), byId.map((r) => toStored(summarize(r))));
  const openData = writeOpenData(byId, at(OPEN_DATA_DIR), { unchanged: (r) => unchangedIds.has(r.id), previousIds: Object.keys(before) });
  if (!quiet && unchangedIds.size > 0) log(`build-data: ${records.length - unchangedIds.size} record(s) changed: wrote ${cacheWritten} cache record(s) and ${openData.written} open data file(s), kept ${openData.kept}`);
  await writeFile(at(AGENCIES_FILE), `${JSON.stringify([...agencies.values()], null, 1)}\n`);
  await writeFile(at(MANIFEST_FILE), `${JSON.stringify(nextManifest, null, 1)}\n`);
  replaceFile(at(DIGESTS_FILE), JSON.stringify(nextDigests));

  // Report: console and .cache/build-report.json (published as /build-report.json).
  const reports: FileReport[] = records.map((r, i) => {
    const p = parsed[i] as ParsedEntry;
    const notes: FileNote[] = fileNotes(r, { bytes: p.bytes });
    return fileReport(r, { encoding: p.encoding, bytes: p.bytes, cached: cachedFlags[i] === true, unidentified: assigned[i]?.unidentified === true, notes });
  });
  const total = buildTotal(reports, {
    agencies: [...agencies.values()].filter((a) => !a.unidentified).length,
    seconds: (performance.now() - started) / 1000,
  });
  const failing = reports.filter((f) => f.status === 'error');
  const report: BuildReport = { version: 1, generatedAt: new Date().toISOString(), strict, ok: !(strict && failing.length > 0), total, files: reports, skipped: discovered.skipped };
  await writeFile(at(BUILD_REPORT_FILE), `${JSON.stringify(report, null, 1)}\n`);

  if (!quiet) {
    const everyFile = verbose || reports.length <= PER_FILE_LINES_MAX;
    const shown = everyFile ? reports : reports.filter((f) => f.status === 'error' || f.notes.length > 0);
    const limit = everyFile ? Infinity : 20;
    for (const f of shown.slice(0, limit)) {
      log(fileLine(f));
      for (const l of problemLines(f)) log(`    ${l}`);
    }
    if (shown.length > limit) log(`build-data: … ${shown.length - limit} more files need fixing (see ${BUILD_REPORT_FILE})`);
    else if (!everyFile) log(`build-data: ${reports.length - shown.length} files without errors not listed (every file is in ${BUILD_REPORT_FILE})`);
  }
  // Nothing under content/reports/ is passed over in silence: each file not read, with the reason.
  for (const s of discovered.skipped) log(`${s.file}: not read: ${s.reason}`);
  const years = records.map((r) => r.year).filter((y): y is number => y !== null);
  log(totalLine(total, years) + (discovered.skipped.length > 0 ? `, ${discovered.skipped.length} file(s) not read (listed above)` : ''));
  const reportPathShown = root === project ? BUILD_REPORT_FILE : at(BUILD_REPORT_FILE);
  log(`build-data: build report written to ${reportPathShown} (the site publishes it as /build-report.json)`);
  const unidentified = records.filter((_, i) => assigned[i]?.unidentified);
  if (unidentified.length > 0) {
    log(`build-data: ${unidentified.length} unidentified report(s), listed on /maintenance/. To identify them, add to ${CORRECTIONS_FILE} (under corrections:):`);
    for (const r of unidentified.slice(0, 20)) for (const l of unidentifiedHint(recordHintSubject(r))) log(`  ${l}`);
    if (unidentified.length > 20) log(`  … and ${unidentified.length - 20} more (see ${BUILD_REPORT_FILE})`);
  }
  if (strict && failing.length > 0) {
    logError(`build-data: strict mode: ${failing.length} file(s) have errors, failing the build:`);
    for (const f of failing.slice(0, 50)) {
      const codes = [...new Set(f.errors.map((e) => e.code))];
      logError(`  ${f.file}: ${f.findings.error} error(s) (${codes.join(', ')})`);
    }
    if (failing.length > 50) logError(`  … and ${failing.length - 50} more (see ${BUILD_REPORT_FILE})`);
    process.exit(1);
  }
}

await main();
