/**
 * Whole-pipeline benchmark on synthetic corpora: parse (build-data) → astro build → pagefind, per corpus size.
 *
 *   npm run bench                              # sizes 1000 and 10000 (the 10k run takes several minutes)
 *   npm run bench -- --sizes 1000 --json       # one JSON object on stdout (the table goes to stderr)
 *   npm run bench -- --smoke                   # one size of 200, fast (CI smoke test; fails only on crashes)
 *
 * Other flags: --repeat N (repeat every timed stage N times, report medians; peaks are the max), --query A,B
 * (first-search queries, default 公开 — in every report, the worst case — and 行政许可; the first one is
 * firstSearchBytes; the full name of one generated agency and its city are always measured too), --seed N, --keep
 * (keep the temp directories), --no-browser, --no-bare, --no-rebuild-site (after changing one report, re-run
 * build-data only: at 100,000 reports the whole rebuild would double the run), --verbose (echo the stages' output).
 *
 * For each size it generates the corpus (src/synth) into a temp content root and measures, each stage as its own
 * child process, wall seconds and the peak RSS of the largest single process (scripts/bench/measure.ts):
 *   data      scripts/build-data.ts --root <tmp> --force            (decode + parse + write .cache/)
 *   build     astro build --outDir <tmp>/dist with CONTENT_ROOT=<tmp>
 *   pagefind  scripts/search-index.ts --root <tmp> --site <tmp>/dist  (every report and agency page in one ranked
 *             index, built in as few parts as keep Pagefind's memory in bounds)
 *   bare      astro builds of two minimal sites with as many pages as the portal built, from the same texts
 *             (scripts/bench/bare.ts): a content collection rendered with <Content /> (the reference the scale
 *             issue quotes; buildRatio) and a string-props page (the floor; buildRatioFloor)
 * then counts pages, index bytes and dist bytes and files (each per report too: issue #16's ≤ 80 KB a report), weighs
 * one report page and one agency page (gzip HTML+CSS+JS), measures the first search in headless Chromium (bytes
 * transferred from a gzip-serving host) for each query, checks the ranking (a query naming one generated agency
 * must show that agency's page and reports first), changes one report and runs the whole pipeline again on the
 * cache the first build left (build-data without --force, counting the files it re-parses; astro build with its
 * data store; the search index): the rebuild after one change. Parse speed (parseMsPerReport) is measured in-process:
 * the median of 5 passes of src/parser over the generated texts.
 *
 * Results are printed as a table, and written to bench-out/latest.json and bench-out/bench-<time>.json.
 * Exit status: 0 when every stage and measurement ran (whether or not the targets are met), 1 otherwise.
 */
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseReport } from '../src/parser/index.ts';
import { generateCorpus } from '../src/synth/corpus.ts';
import { textsForPages, writeBareSite, type BareKind } from './bench/bare.ts';
import { CHROMIUM, firstResults, firstSearch, launchBrowser, pageWeight, type FirstSearch, type PageWeight } from './bench/browser.ts';
import { parseAgencyName } from '../src/synth/names.ts';
import { pinyinSlug } from '../src/lib/slug.ts';
import { median, runStage, type StageResult } from './bench/measure.ts';
import { serveDir } from './serve.ts';

const PROJECT = resolve(import.meta.dirname, '..');
const NODE = process.execPath;
const ASTRO = join(PROJECT, 'node_modules/astro/bin/astro.mjs');
const SEARCH_INDEX = join(PROJECT, 'scripts/search-index.ts');
const BUILD_DATA = join(PROJECT, 'scripts/build-data.ts');
/** build-data's heap, as `npm run build` gives it (package.json): 100,000 reports' records peak at 4.9 GB RSS. */
const BUILD_DATA_HEAP = '--max-old-space-size=5632';
const STRIP = ['--experimental-strip-types', '--no-warnings'];

/** The targets ("Done when"); sizes in bytes (1 KB = 1,000 bytes, the stricter reading). */
export const TARGETS = {
  pipelineSeconds: 180,
  peakRssMb: 4096,
  buildRatio: 1.3,
  parseMsPerReport: 0.5,
  reportPageGzipBytes: 40_000,
  /** Issue #16: dist bytes per report (≤ 800 MB at 10,000 reports). */
  distBytesPerReport: 80_000,
  agencyPageGzipBytes: 100_000,
  /** Issue #14: every measured first search (Pagefind's own claim for a 10,000-page site). */
  firstSearchBytes: 300_000,
  reparsedAfterOneChange: 1,
  /** Issue #16, above 10,000 reports (a national portal: 100,000): the whole pipeline and any process's peak RSS. */
  nationalPipelineSeconds: 1200,
  nationalPeakRssMb: 6144,
} as const;

/** The pipeline's targets at n reports: the 10,000-report ones up to 10,000, the national ones above. */
export function pipelineTargets(n: number): { seconds: number; peakRssMb: number } {
  return n > 10_000 ? { seconds: TARGETS.nationalPipelineSeconds, peakRssMb: TARGETS.nationalPeakRssMb } : { seconds: TARGETS.pipelineSeconds, peakRssMb: TARGETS.peakRssMb };
}

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    json: { type: 'boolean', default: false },
    smoke: { type: 'boolean', default: false },
    repeat: { type: 'string', default: '1' },
    query: { type: 'string', default: '公开,行政许可' },
    seed: { type: 'string', default: '42' },
    keep: { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
    'no-bare': { type: 'boolean', default: false },
    'no-rebuild-site': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
  strict: true,
});

const sizes = values.smoke ? [200] : values.sizes.split(',').map((s) => Number(s.trim()));
if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`--sizes must be positive integers, got ${values.sizes}`);
const repeat = Math.max(1, Number(values.repeat) || 1);
/** First-search queries: a word in every report (the worst case) and a typical topic; the first is firstSearchBytes. */
const queries = values.query.split(',').map((q) => q.trim()).filter(Boolean);
const seed = Number(values.seed);
const withBrowser = !values['no-browser'] && existsSync(CHROMIUM);
/** Measurements that failed (the run still reports the others, then exits 1). */
const errors: string[] = [];
const log = (msg: string): void => {
  process.stderr.write(`[bench] ${msg}\n`);
};

export interface RankingCheck {
  query: string;
  /** The agency's URL key; its pages are /agencies/<slug>/ and /agencies/<slug>/<year>/. */
  slug: string;
  /** Its pages (agency page and reports). */
  expected: number;
  /** The first page of results, paths. */
  top: string[];
  /** The first page holds only its pages, and as many as fit. */
  ok: boolean;
}

/**
 * The agency the ranking check names: of the generated agencies with the most reports, the first by name. Its
 * full name, its city without 市 (a short place name, like 平潭), and its URL key.
 */
function namedAgency(corpus: ReadonlyArray<{ expected: { agency: string } }>): { name: string; city: string; slug: string } {
  const counts = new Map<string, number>();
  for (const e of corpus) counts.set(e.expected.agency, (counts.get(e.expected.agency) ?? 0) + 1);
  const [name] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0] ?? [''];
  const city = parseAgencyName(name).city.replace(/市$/, '');
  return { name, city, slug: pinyinSlug(name) };
}

export interface SizeResult {
  reports: number;
  corpusBytes: number;
  dataSeconds: number;
  dataPeakRssMb: number;
  buildSeconds: number;
  buildPeakRssMb: number;
  pagefindSeconds: number;
  pagefindPeakRssMb: number;
  /** data + build + pagefind (wall seconds of the whole pipeline). */
  pipelineSeconds: number;
  /** The largest peak RSS of any single process in any stage. */
  peakRssMb: number;
  /** The bare content-collection site (scripts/bench/bare.ts) with as many pages as the portal. */
  bareBuildSeconds: number | null;
  bareBuildPeakRssMb: number | null;
  /** buildSeconds / bareBuildSeconds. */
  buildRatio: number | null;
  /** The bare string-props site (the floor) with as many pages as the portal. */
  bareFloorSeconds: number | null;
  bareFloorPeakRssMb: number | null;
  /** buildSeconds / bareFloorSeconds. */
  buildRatioFloor: number | null;
  pages: number;
  htmlBytes: number;
  distBytes: number;
  /** Files in dist (pages, open data, search index, assets). */
  distFiles: number;
  /** distBytes / reports and distFiles / reports (issue #16: ≤ 80 KB a report). */
  distBytesPerReport: number;
  distFilesPerReport: number;
  indexBytes: number;
  indexFiles: number;
  /** Bytes of Astro's content data store (data-store.json: the reports and agencies collections) after the build. */
  storeBytes: number | null;
  /** storeBytes per report, and projected to 100,000 reports. */
  storeBytesPerReport: number | null;
  reportPage: string;
  reportPageGzipBytes: number | null;
  reportPageWeight: PageWeight | null;
  agencyPage: string;
  agencyPageGzipBytes: number | null;
  agencyPageWeight: PageWeight | null;
  firstSearchBytes: number | null;
  firstSearch: FirstSearch | null;
  /** Every measured query (--query a,b, then the ranking check's agency name and its city; the first is firstSearch). */
  firstSearchByQuery: Record<string, FirstSearch>;
  /** A query naming one generated agency (its full name): the first page of results, and whether all are its pages. */
  ranking: RankingCheck | null;
  reparsedAfterOneChange: number;
  rebuildDataSeconds: number;
  /** The whole pipeline again after changing one report (build-data without --force, astro build with its cache, search index). */
  rebuildSeconds: number;
  rebuildPeakRssMb: number;
  rebuildBuildSeconds: number;
  rebuildPagefindSeconds: number;
  runs: { data: number[]; build: number[]; pagefind: number[]; bare: number[]; bareFloor: number[] };
  rssSource: string;
}

function walkFiles(dir: string): Array<{ path: string; size: number }> {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const path = join(e.parentPath, e.name);
      return { path, size: statSync(path).size };
    });
}

/** Median of parse times per report over `passes` passes of the texts (after a warm-up pass). */
function measureParse(texts: readonly string[], passes = 5): number {
  for (const t of texts.slice(0, 200)) parseReport(t);
  const per: number[] = [];
  for (let p = 0; p < passes; p++) {
    const t0 = performance.now();
    for (const t of texts) parseReport(t);
    per.push((performance.now() - t0) / texts.length);
  }
  return median(per);
}

const stageLine = (name: string, r: { seconds: number; peakRssMb: number; runs: number[] }): void =>
  log(`  ${name}: ${r.seconds.toFixed(1)} s (runs ${r.runs.join(', ')}), peak RSS ${r.peakRssMb} MB`);

async function repeated(n: number, run: () => Promise<StageResult>): Promise<{ seconds: number; peakRssMb: number; runs: number[]; rssSource: string }> {
  const results: StageResult[] = [];
  for (let i = 0; i < n; i++) results.push(await run());
  return {
    seconds: median(results.map((r) => r.seconds)),
    peakRssMb: Math.max(...results.map((r) => r.peakRssMb)),
    runs: results.map((r) => Number(r.seconds.toFixed(2))),
    rssSource: results[0]?.rssSource ?? '',
  };
}

async function benchSize(n: number): Promise<SizeResult> {
  const root = mkdtempSync(join(tmpdir(), `nianbao-bench-${n}-`));
  const outDir = join(root, 'dist');
  const reportsDir = join(root, 'content/reports');
  mkdirSync(reportsDir, { recursive: true });
  writeFileSync(join(root, 'content/agencies.yaml'), 'agencies: []\n');
  try {
    log(`${n}: generating the corpus in ${root}`);
    const corpus = generateCorpus(n, seed);
    let corpusBytes = 0;
    for (const e of corpus) {
      const name = e.path.split('/').pop() as string;
      writeFileSync(join(reportsDir, name), e.text);
      corpusBytes += Buffer.byteLength(e.text);
    }
    const env = { ...process.env, CONTENT_ROOT: root, ASTRO_CACHE_DIR: join(root, '.astro-cache'), ASTRO_TELEMETRY_DISABLED: '1' };
    const opts = { cwd: PROJECT, env, echo: values.verbose };
    // astro runs in the temp root (its prerender chunks go to <cwd>/.astro/ when the output is outside the project,
    // and must not collide with other builds of the project), with the project's node_modules linked there.
    symlinkSync(join(PROJECT, 'node_modules'), join(root, 'node_modules'), 'dir');
    const astroOpts = { ...opts, cwd: root };

    log(`${n}: build-data`);
    const data = await repeated(repeat, () => {
      // A first build each time: deleting the previous run's cache is not part of the measured stage.
      rmSync(join(root, '.cache'), { recursive: true, force: true });
      return runStage(NODE, [BUILD_DATA_HEAP, ...STRIP, BUILD_DATA, '--root', root, '--force', '--quiet'], opts);
    });
    stageLine('build-data', data);
    log(`${n}: astro build`);
    const build = await repeated(repeat, () => {
      // A clean build each time: no output and no Astro cache (data store) from the previous run.
      rmSync(outDir, { recursive: true, force: true });
      rmSync(env.ASTRO_CACHE_DIR, { recursive: true, force: true });
      return runStage(NODE, [ASTRO, 'build', '--root', PROJECT, '--outDir', outDir], astroOpts);
    });
    stageLine('astro build', build);
    // The content collections' store, as the last build left it (src/content.config.ts: one summary per report).
    const storeFile = join(env.ASTRO_CACHE_DIR, 'data-store.json');
    const storeBytes = existsSync(storeFile) ? statSync(storeFile).size : null;
    if (storeBytes !== null) log(`  data store: ${fmtBytes(storeBytes)} (${(storeBytes / n).toFixed(0)} bytes a report; ${fmtBytes((storeBytes / n) * 100_000)} projected at 100,000)`);
    log(`${n}: pagefind`);
    const pagefind = await repeated(repeat, () => {
      rmSync(join(outDir, 'pagefind'), { recursive: true, force: true });
      return runStage(NODE, [...STRIP, SEARCH_INDEX, '--root', root, '--site', outDir], opts);
    });

    stageLine('pagefind', pagefind);

    // Output sizes.
    const files = walkFiles(outDir);
    const html = files.filter((f) => f.path.endsWith('.html') && !f.path.includes(`${outDir}/pagefind/`));
    const index = files.filter((f) => f.path.startsWith(join(outDir, 'pagefind') + '/'));
    const reportPages = html.filter((f) => /\/agencies\/[^/]+\/\d+\/index\.html$/.test(f.path));
    const agencyPages = html.filter((f) => /\/agencies\/[^/]+\/index\.html$/.test(f.path));
    const largest = (list: typeof html): string => {
      const f = [...list].sort((a, b) => b.size - a.size)[0];
      return f ? `/${relative(outDir, f.path).replace(/index\.html$/, '')}` : '';
    };
    const reportPage = largest(reportPages);
    const agencyPage = largest(agencyPages);

    let reportPageWeight: PageWeight | null = null;
    let agencyPageWeight: PageWeight | null = null;
    let search: FirstSearch | null = null;
    let ranking: RankingCheck | null = null;
    const searches: Record<string, FirstSearch> = {};
    const named = namedAgency(corpus);
    const measured = [...new Set([...queries, named.name, named.city])];
    if (withBrowser) {
      log(`${n}: page weights, first searches and the ranking check in Chromium`);
      const server = await serveDir(outDir, { gzip: true });
      const browser = await launchBrowser();
      // A failed browser measurement is recorded (and fails the run at the end) without losing the build numbers.
      const attempt = async <T>(what: string, f: () => Promise<T>): Promise<T | null> => {
        try {
          return await f();
        } catch (e) {
          errors.push(`${n}: ${what}: ${(e as Error).message.split('\n')[0]}`);
          log(`  ${what} FAILED: ${(e as Error).message.split('\n')[0]}`);
          return null;
        }
      };
      try {
        reportPageWeight = await attempt('report page weight', () => pageWeight(browser, new URL(reportPage.slice(1), server.url).href));
        agencyPageWeight = await attempt('agency page weight', () => pageWeight(browser, new URL(agencyPage.slice(1), server.url).href));
        for (const q of measured) {
          const r = await attempt(`first search for ${q}`, () => firstSearch(browser, server.url, q));
          if (r) {
            searches[q] = r;
            log(`  first search ${q}: ${r.bytes} B, ${r.results} results ${JSON.stringify(r.breakdown)}`);
          }
        }
        search = searches[queries[0] as string] ?? null;
        const top = await attempt(`ranking check for ${named.name}`, () => firstResults(browser, server.url, named.name));
        if (top) {
          const own = corpus.filter((e) => e.expected.agency === named.name).length + 1;
          const mine = (p: string): boolean => p === `/agencies/${named.slug}/` || p.startsWith(`/agencies/${named.slug}/`);
          ranking = { query: named.name, slug: named.slug, expected: own, top, ok: top.length === Math.min(own, 5) && top.every(mine) };
          log(`  ranking check ${named.name}: ${ranking.ok ? 'ok' : 'FAILED'} (${top.join(' ')})`);
        }
        log(`  report page ${reportPageWeight?.gzipBytes ?? '—'} B gzip, agency page ${agencyPageWeight?.gzipBytes ?? '—'} B gzip`);
      } finally {
        await browser.close();
        await server.close();
      }
    }

    // Rebuild after changing one report: how many files does build-data re-parse?
    log(`${n}: rebuild after changing one report`);
    const parsedDir = join(root, '.cache/parsed');
    const first = readdirSync(reportsDir).sort()[0] as string;
    appendFileSync(join(reportsDir, first), '\n本报告已更新。\n');
    const versionBefore = parserVersionOf(root);
    const before = Date.now() - 1;
    const rebuild = await runStage(NODE, [BUILD_DATA_HEAP, ...STRIP, BUILD_DATA, '--root', root, '--quiet'], opts);
    const reparsed = readdirSync(parsedDir).filter((f) => statSync(join(parsedDir, f)).mtimeMs >= before).length;
    // src/parser edited while the benchmark ran (its hash is the parser version) means every file is re-parsed.
    const parserChanged = versionBefore !== parserVersionOf(root);
    if (parserChanged) errors.push(`${n}: the parser changed during the run (src/parser edited?): the rebuild re-parsed everything; run again`);
    log(`  re-parsed ${reparsed} file(s) in ${rebuild.seconds.toFixed(1)} s${parserChanged ? ' — the parser version changed during the run, so this does not count' : ''}`);
    // …and the rest of `npm run build` on that cache: astro build (its data store kept) and the search index.
    const skipped = { seconds: Number.NaN, peakRssMb: 0 };
    const rebuildSite = !values['no-rebuild-site'];
    const rebuildBuild = rebuildSite ? await runStage(NODE, [ASTRO, 'build', '--root', PROJECT, '--outDir', outDir], astroOpts) : skipped;
    if (rebuildSite) rmSync(join(outDir, 'pagefind'), { recursive: true, force: true });
    const rebuildPagefind = rebuildSite ? await runStage(NODE, [...STRIP, SEARCH_INDEX, '--root', root, '--site', outDir], opts) : skipped;
    const rebuildSeconds = rebuild.seconds + rebuildBuild.seconds + rebuildPagefind.seconds;
    const rebuildPeakRssMb = Math.max(rebuild.peakRssMb, rebuildBuild.peakRssMb, rebuildPagefind.peakRssMb);
    if (rebuildSite) log(`  rebuild after one change: ${rebuildSeconds.toFixed(1)} s (build-data ${rebuild.seconds.toFixed(1)} · astro build ${rebuildBuild.seconds.toFixed(1)} · search index ${rebuildPagefind.seconds.toFixed(1)}), peak RSS ${rebuildPeakRssMb} MB`);

    // The bare reference sites, each with as many pages as the portal just built (report, agency, year and
    // other pages), made from the same report texts.
    const bareOf = async (kind: BareKind): Promise<{ seconds: number; peakRssMb: number; runs: number[] } | null> => {
      if (values['no-bare']) return null;
      log(`${n}: bare Astro build (${kind}, ${html.length} pages)`);
      const bareDir = join(root, `bare-${kind}`);
      writeBareSite(kind, bareDir, PROJECT, textsForPages(corpus.map((e) => e.text), html.length));
      const bareEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
      const result = await repeated(repeat, () => {
        rmSync(join(bareDir, 'dist'), { recursive: true, force: true });
        rmSync(join(bareDir, '.astro-cache'), { recursive: true, force: true });
        rmSync(join(bareDir, '.astro'), { recursive: true, force: true });
        return runStage(NODE, [ASTRO, 'build', '--root', bareDir], { cwd: bareDir, env: bareEnv, echo: values.verbose });
      });
      stageLine(`bare astro build (${kind})`, result);
      rmSync(bareDir, { recursive: true, force: true });
      return result;
    };
    const bare = await bareOf('collection');
    const floor = await bareOf('strings');

    const sum = (list: Array<{ size: number }>): number => list.reduce((s, f) => s + f.size, 0);
    return {
      reports: n,
      corpusBytes,
      dataSeconds: round(data.seconds),
      dataPeakRssMb: data.peakRssMb,
      buildSeconds: round(build.seconds),
      buildPeakRssMb: build.peakRssMb,
      pagefindSeconds: round(pagefind.seconds),
      pagefindPeakRssMb: pagefind.peakRssMb,
      pipelineSeconds: round(data.seconds + build.seconds + pagefind.seconds),
      peakRssMb: Math.max(data.peakRssMb, build.peakRssMb, pagefind.peakRssMb),
      bareBuildSeconds: bare ? round(bare.seconds) : null,
      bareBuildPeakRssMb: bare ? bare.peakRssMb : null,
      buildRatio: bare ? round(build.seconds / bare.seconds, 3) : null,
      bareFloorSeconds: floor ? round(floor.seconds) : null,
      bareFloorPeakRssMb: floor ? floor.peakRssMb : null,
      buildRatioFloor: floor ? round(build.seconds / floor.seconds, 3) : null,
      pages: html.length,
      htmlBytes: sum(html),
      distBytes: sum(files),
      distFiles: files.length,
      distBytesPerReport: Math.round(sum(files) / n),
      distFilesPerReport: round(files.length / n, 2),
      indexBytes: sum(index),
      indexFiles: index.length,
      storeBytes,
      storeBytesPerReport: storeBytes === null ? null : Math.round(storeBytes / n),
      reportPage,
      reportPageGzipBytes: reportPageWeight?.gzipBytes ?? null,
      reportPageWeight,
      agencyPage,
      agencyPageGzipBytes: agencyPageWeight?.gzipBytes ?? null,
      agencyPageWeight,
      firstSearchBytes: search?.bytes ?? null,
      firstSearch: search,
      firstSearchByQuery: searches,
      ranking,
      reparsedAfterOneChange: reparsed,
      rebuildDataSeconds: round(rebuild.seconds),
      rebuildSeconds: round(rebuildSeconds),
      rebuildPeakRssMb,
      rebuildBuildSeconds: round(rebuildBuild.seconds),
      rebuildPagefindSeconds: round(rebuildPagefind.seconds),
      runs: { data: data.runs, build: build.runs, pagefind: pagefind.runs, bare: bare?.runs ?? [], bareFloor: floor?.runs ?? [] },
      rssSource: data.rssSource,
    };
  } finally {
    if (values.keep) log(`kept ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
}

/** The parser version build-data recorded in <root>/.cache/manifest.json. */
function parserVersionOf(root: string): string | null {
  try {
    return (JSON.parse(readFileSync(join(root, '.cache/manifest.json'), 'utf8')) as { parserVersion?: string }).parserVersion ?? null;
  } catch {
    return null;
  }
}

function round(x: number, digits = 2): number {
  return Number(x.toFixed(digits));
}

function fmtBytes(b: number | null): string {
  if (b === null) return '—';
  return b >= 1e6 ? `${(b / 1e6).toFixed(1)} MB` : `${(b / 1e3).toFixed(1)} KB`;
}

function table(result: BenchResult): string {
  const cols = result.sizes.map((s) => String(s.reports));
  const rows: Array<[string, (s: SizeResult) => string]> = [
    ['pipeline wall (data+build+pagefind)', (s) => `${s.pipelineSeconds.toFixed(1)} s`],
    ['  data (parse) seconds', (s) => `${s.dataSeconds.toFixed(1)} s`],
    ['  astro build seconds', (s) => `${s.buildSeconds.toFixed(1)} s`],
    ['  pagefind seconds', (s) => `${s.pagefindSeconds.toFixed(1)} s`],
    ['peak RSS, largest process', (s) => `${s.peakRssMb} MB`],
    ['  data peak RSS', (s) => `${s.dataPeakRssMb} MB`],
    ['  astro build peak RSS', (s) => `${s.buildPeakRssMb} MB`],
    ['  pagefind peak RSS', (s) => `${s.pagefindPeakRssMb} MB`],
    ['bare astro build (collection) seconds', (s) => (s.bareBuildSeconds === null ? '—' : `${s.bareBuildSeconds.toFixed(1)} s`)],
    ['bare astro build (collection) peak RSS', (s) => (s.bareBuildPeakRssMb === null ? '—' : `${s.bareBuildPeakRssMb} MB`)],
    ['build ratio (build / bare collection)', (s) => (s.buildRatio === null ? '—' : s.buildRatio.toFixed(2))],
    ['bare astro build (strings) seconds', (s) => (s.bareFloorSeconds === null ? '—' : `${s.bareFloorSeconds.toFixed(1)} s`)],
    ['build ratio (build / bare strings)', (s) => (s.buildRatioFloor === null ? '—' : s.buildRatioFloor.toFixed(2))],
    ['HTML pages', (s) => String(s.pages)],
    ['HTML bytes', (s) => fmtBytes(s.htmlBytes)],
    ['dist bytes (all files)', (s) => fmtBytes(s.distBytes)],
    ['dist files', (s) => String(s.distFiles)],
    ['dist bytes · files per report', (s) => `${fmtBytes(s.distBytesPerReport)} · ${s.distFilesPerReport.toFixed(2)}`],
    ['pagefind index bytes', (s) => `${fmtBytes(s.indexBytes)} (${s.indexFiles} files)`],
    ['report page gzip (HTML+CSS+JS)', (s) => fmtBytes(s.reportPageGzipBytes)],
    ['agency page gzip (HTML+CSS+JS)', (s) => fmtBytes(s.agencyPageGzipBytes)],
    ...result.queries.flatMap((q): Array<[string, (s: SizeResult) => string]> => [
      [`first search "${q}" transferred`, (s) => { const f = s.firstSearchByQuery[q]; return f ? `${fmtBytes(f.bytes)} (${f.results} results)` : '—'; }],
      [`  of which metadata · index chunks · cards`, (s) => { const b = s.firstSearchByQuery[q]?.breakdown; return b ? `${fmtBytes(b['meta'] ?? 0)} · ${fmtBytes(b['index'] ?? 0)} · ${fmtBytes(b['fragment'] ?? 0)}` : '—'; }],
    ]),
    ['ranking check (agency name → its pages first)', (s) => (s.ranking ? `${s.ranking.ok ? 'ok' : 'FAILED'}: ${s.ranking.query}` : '—')],
    ['re-parsed after changing 1 report', (s) => `${s.reparsedAfterOneChange} (${s.rebuildDataSeconds.toFixed(1)} s)`],
    ['rebuild after one change (data+build+pagefind)', (s) => (Number.isNaN(s.rebuildSeconds) ? '— (--no-rebuild-site)' : `${s.rebuildSeconds.toFixed(1)} s (${s.rebuildDataSeconds.toFixed(1)} · ${s.rebuildBuildSeconds.toFixed(1)} · ${s.rebuildPagefindSeconds.toFixed(1)}), ${s.rebuildPeakRssMb} MB`)],
    ['content data store · per report · at 100,000', (s) => (s.storeBytes === null ? '—' : `${fmtBytes(s.storeBytes)} · ${s.storeBytesPerReport} B · ${fmtBytes((s.storeBytesPerReport ?? 0) * 100_000)}`)],
  ];
  const w0 = Math.max(...rows.map(([l]) => l.length), 10);
  const cells = rows.map(([, f]) => result.sizes.map(f));
  const w = cols.map((c, i) => Math.max(c.length, ...cells.map((r) => (r[i] as string).length)));
  const line = (label: string, vals: string[]): string => `${label.padEnd(w0)}  ${vals.map((v, i) => v.padStart(w[i] as number)).join('  ')}`;
  const out = [line('reports', cols), line('-'.repeat(w0), w.map((x) => '-'.repeat(x)))];
  rows.forEach(([label], i) => out.push(line(label, cells[i] as string[])));
  out.push('', `parse: ${result.parseMsPerReport.toFixed(3)} ms per report (src/parser, median of 5 passes over ${result.parseReports} synthetic reports)`);
  out.push('', 'targets (largest size):');
  for (const t of result.targets) out.push(`  ${t.met ? 'ok  ' : 'MISS'}  ${t.name}: ${t.value} (target ${t.target})`);
  return out.join('\n');
}

export interface BenchResult {
  when: string;
  /** Every query measured (--query, then the ranking check's agency name and its city). */
  queries: string[];
  machine: { cpus: number; memGb: number; node: string; loadavgStart: number[]; loadavgEnd: number[]; rssSource: string };
  seed: number;
  repeat: number;
  parseMsPerReport: number;
  parseReports: number;
  sizes: SizeResult[];
  /** By size, the same numbers (the shape: bench[1000].buildSeconds). */
  bySize: Record<string, SizeResult>;
  buildSeconds: number;
  buildPeakRssMb: number;
  pagefindSeconds: number;
  pagefindPeakRssMb: number;
  indexBytes: number;
  pages: number;
  reportPageGzipBytes: number | null;
  agencyPageGzipBytes: number | null;
  firstSearchBytes: number | null;
  buildRatio: number | null;
  buildRatioFloor: number | null;
  targets: Array<{ name: string; value: string; target: string; met: boolean }>;
  errors: string[];
}

function targetsOf(parseMs: number, s: SizeResult): BenchResult['targets'] {
  const kb = (b: number | null): string => (b === null ? '—' : `${(b / 1000).toFixed(1)} KB`);
  return [
    { name: `pipeline wall at ${s.reports}`, value: `${s.pipelineSeconds.toFixed(1)} s`, target: `≤ ${pipelineTargets(s.reports).seconds} s`, met: s.pipelineSeconds <= pipelineTargets(s.reports).seconds },
    { name: `peak RSS of any process at ${s.reports}`, value: `${s.peakRssMb} MB`, target: `≤ ${pipelineTargets(s.reports).peakRssMb} MB`, met: s.peakRssMb <= pipelineTargets(s.reports).peakRssMb },
    { name: 'build / bare build (content collection)', value: s.buildRatio?.toFixed(2) ?? '—', target: `≤ ${TARGETS.buildRatio}`, met: s.buildRatio !== null && s.buildRatio <= TARGETS.buildRatio },
    { name: 'parse per report', value: `${parseMs.toFixed(3)} ms`, target: `≤ ${TARGETS.parseMsPerReport} ms`, met: parseMs <= TARGETS.parseMsPerReport },
    { name: 'report page gzip', value: kb(s.reportPageGzipBytes), target: '≤ 40 KB', met: s.reportPageGzipBytes !== null && s.reportPageGzipBytes <= TARGETS.reportPageGzipBytes },
    { name: 'agency page gzip', value: kb(s.agencyPageGzipBytes), target: '≤ 100 KB', met: s.agencyPageGzipBytes !== null && s.agencyPageGzipBytes <= TARGETS.agencyPageGzipBytes },
    ...Object.entries(s.firstSearchByQuery).map(([q, f]) => ({ name: `first search "${q}" transferred`, value: kb(f.bytes), target: '≤ 300 KB', met: f.bytes <= TARGETS.firstSearchBytes })),
    { name: 'ranking check: a query naming one agency shows its pages first', value: s.ranking ? (s.ranking.ok ? 'ok' : `FAILED (${s.ranking.top.join(' ')})`) : '—', target: 'ok', met: s.ranking?.ok === true },
    { name: 'dist bytes per report', value: kb(s.distBytesPerReport), target: '≤ 80 KB', met: s.distBytesPerReport <= TARGETS.distBytesPerReport },
    { name: 're-parsed after changing one report', value: String(s.reparsedAfterOneChange), target: '= 1', met: s.reparsedAfterOneChange === TARGETS.reparsedAfterOneChange },
  ];
}

async function main(): Promise<void> {
  const loadStart = loadavg().map((x) => round(x));
  // Timings on a busy machine read slow (a parse pass at load 4 took 0.45 ms a report instead of 0.36): said up front.
  if ((loadStart[0] ?? 0) > cpus().length / 2) log(`the machine is busy (load average ${loadStart[0]} on ${cpus().length} cores): timings will read slow`);
  if (!withBrowser) log(values['no-browser'] ? 'browser measurements skipped (--no-browser)' : `${CHROMIUM} not found: browser measurements skipped`);
  const parseTexts = generateCorpus(Math.min(Math.max(...sizes), 1000), seed).map((e) => e.text);
  log(`parse speed over ${parseTexts.length} synthetic reports`);
  const parseMs = measureParse(parseTexts);
  const results: SizeResult[] = [];
  for (const n of sizes) results.push(await benchSize(n));
  const last = results[results.length - 1] as SizeResult;
  const result: BenchResult = {
    when: new Date().toISOString(),
    queries: [...new Set(results.flatMap((r) => Object.keys(r.firstSearchByQuery)))],
    machine: { cpus: cpus().length, memGb: round(totalmem() / 2 ** 30, 1), node: process.version, loadavgStart: loadStart, loadavgEnd: loadavg().map((x) => round(x)), rssSource: last.rssSource },
    seed,
    repeat,
    parseMsPerReport: round(parseMs, 4),
    parseReports: parseTexts.length,
    sizes: results,
    bySize: Object.fromEntries(results.map((r) => [String(r.reports), r])),
    buildSeconds: last.buildSeconds,
    buildPeakRssMb: last.buildPeakRssMb,
    pagefindSeconds: last.pagefindSeconds,
    pagefindPeakRssMb: last.pagefindPeakRssMb,
    indexBytes: last.indexBytes,
    pages: last.pages,
    reportPageGzipBytes: last.reportPageGzipBytes,
    agencyPageGzipBytes: last.agencyPageGzipBytes,
    firstSearchBytes: last.firstSearchBytes,
    buildRatio: last.buildRatio,
    buildRatioFloor: last.buildRatioFloor,
    targets: targetsOf(parseMs, last),
    errors,
  };
  const text = table(result);
  const outDir = join(PROJECT, 'bench-out');
  mkdirSync(outDir, { recursive: true });
  const json = `${JSON.stringify(result, null, 1)}\n`;
  writeFileSync(join(outDir, 'latest.json'), json);
  writeFileSync(join(outDir, `bench-${result.when.replace(/[:.]/g, '-')}.json`), json);
  writeFileSync(join(outDir, 'latest.txt'), `${text}\n`);
  if (values.json) {
    process.stderr.write(`${text}\n`);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    console.log(text);
  }
  if (errors.length > 0) {
    for (const e of errors) log(`error: ${e}`);
    process.exit(1);
  }
}

try {
  await main();
} catch (e) {
  process.stderr.write(`[bench] failed: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
}
