/**
 * Builds of the project from a scratch content root (a temp directory with content/ in it), for e2e suites that
 * need a site other than dist/: build-data, astro build into <root>/dist, and the search index.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './setup.ts';
import type { BuildReport } from '../../src/lib/build-report.ts';
import type { ReportRecord } from '../../src/schema/record.ts';

const NODE = process.execPath;
const STRIP = ['--experimental-strip-types', '--no-warnings'];
const BUILD_DATA = join(ROOT, 'scripts/build-data.ts');
const SEARCH_INDEX = join(ROOT, 'scripts/search-index.ts');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
}

function run(args: string[], options: { cwd?: string; env: NodeJS.ProcessEnv }): Run {
  const started = Date.now();
  const r = spawnSync(NODE, args, { ...options, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, seconds: (Date.now() - started) / 1000 };
}

/** A new empty temp directory, `nianbao-<name>-…`. */
export function scratch(name: string): string {
  return mkdtempSync(join(tmpdir(), `nianbao-${name}-`));
}

/** scripts/build-data.ts over `root` (CI, STRICT and BUILD_PROGRESS cleared unless `env` sets them). */
export function buildData(root: string, extra: string[] = [], env: Record<string, string> = {}): Run {
  return run([...STRIP, BUILD_DATA, '--root', root, ...extra], { env: { ...process.env, CI: '', STRICT: '', BUILD_PROGRESS: '', ...env } });
}

/**
 * `astro build` of the project from `root/.cache` into `root/dist`. Runs with `root` as working directory (and the
 * project's node_modules linked there): Astro puts its prerender chunks in `<cwd>/.astro/` when the output
 * directory is outside the working directory, which would collide with other builds running at the same time.
 */
export function buildSite(root: string, env: Record<string, string> = {}): Run {
  if (!existsSync(join(root, 'node_modules'))) symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  return run([ASTRO, 'build', '--root', ROOT, '--outDir', join(root, 'dist')], {
    cwd: root,
    env: { ...process.env, CONTENT_ROOT: root, ASTRO_CACHE_DIR: join(root, '.astro-cache'), ASTRO_TELEMETRY_DISABLED: '1', ...env },
  });
}

/** scripts/search-index.ts: the search index of `root`'s data, into `root/dist`. */
export function buildSearchIndex(root: string, extra: string[] = []): Run {
  return run([...STRIP, SEARCH_INDEX, '--root', root, '--site', join(root, 'dist'), ...extra], { env: process.env });
}

/**
 * build-data and astro build of `root` (its content/ already written), failing loudly with their output when either
 * fails; then the records and the published build report, as the hardening suites read them.
 */
export function buildScratchSite(root: string): { data: Run; site: Run; records: ReportRecord[]; report: BuildReport } {
  const data = buildData(root);
  if (data.status !== 0) throw new Error(`build-data failed:\n${data.stderr}\n${data.stdout}`);
  const site = buildSite(root);
  if (site.status !== 0) throw new Error(`astro build failed:\n${site.stderr}\n${site.stdout.slice(-4000)}`);
  const read = <T>(path: string): T => JSON.parse(readFileSync(join(root, path), 'utf8')) as T;
  return { data, site, records: read<ReportRecord[]>('.cache/records.json'), report: read<BuildReport>('dist/build-report.json') };
}
