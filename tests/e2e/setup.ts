/**
 * Shared e2e setup: make sure dist/ is built and current (building it when missing or older than its sources),
 * launch Debian's Chromium headless, serve dist/. Chromium missing → the e2e suites are skipped with a notice.
 */
import { gunzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveDir, type StaticServer } from '../../scripts/serve.ts';
import type { ReportRecord } from '../../src/schema/record.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist');
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
if (!HAS_CHROMIUM) console.warn(`[e2e] ${CHROMIUM} not found: browser tests skipped (apt-get install -y chromium fonts-noto-cjk)`);

/** The last file the build writes; its mtime is the build time. */
const STAMP = join(DIST, 'pagefind', 'bundles.json');
const INPUTS = ['src', 'content', 'public', 'astro.config.mjs', 'scripts/build-data.ts', 'scripts/open-data.ts', 'scripts/search-index.ts', 'package-lock.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

export function distIsCurrent(): boolean {
  if (!existsSync(STAMP)) return false;
  const built = statSync(STAMP).mtimeMs;
  return INPUTS.every((p) => newestMtime(join(ROOT, p)) <= built);
}

/** Builds the site (build-data + astro + pagefind) unless dist/ is current. One builder at a time (mkdir lock). */
export async function ensureBuilt(): Promise<void> {
  // E2E_USE_DIST=1: test dist/ as it is (e.g. a build made by hand from a hand-edited .cache/).
  if (process.env['E2E_USE_DIST'] === '1' && existsSync(STAMP)) return;
  if (distIsCurrent()) return;
  const lock = join(ROOT, '.cache', 'e2e-build.lock');
  mkdirSync(dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 10 * 60_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((ok) => setTimeout(ok, 500));
      if (distIsCurrent()) return;
    }
  }
  try {
    if (distIsCurrent()) return;
    console.log('[e2e] dist/ is missing or stale: building the site (npm run build:site)');
    const env = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env['PATH'] ?? ''}` };
    const run = spawnSync('npm', ['run', '--silent', 'build:site'], { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
    if (run.status !== 0) throw new Error(`site build failed (exit ${run.status})`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface Site {
  browser: Browser;
  server: StaticServer;
  /** Absolute URL of a site path (path without base, e.g. `/agencies/`). */
  url(path: string): string;
  close(): Promise<void>;
}

/** Base path the site was built with (SITE_BASE), so the server mounts dist/ where the links expect it. */
export const BASE = process.env['SITE_BASE'] ?? '/';

export async function openSite(): Promise<Site> {
  await ensureBuilt();
  const [browser, server] = await Promise.all([launch(), serveDir(DIST, { base: BASE })]);
  return {
    browser,
    server,
    url: (path: string) => new URL(path.replace(/^\//, ''), server.url).href,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** Collects console errors, page errors and failed or 4xx/5xx requests of a page. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('requestfailed', (req) => {
    const reason = req.failure()?.errorText ?? '';
    // A crawl's next navigation aborts loads still in flight (e.g. the favicon): that is not a broken resource;
    // a missing file shows up as a 4xx response below.
    if (reason === 'net::ERR_ABORTED') return;
    errors.push(`requestfailed: ${req.url()} ${reason}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) errors.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return errors;
}


/** The published records (each dist/data/<slug>/<year>.json.gz, listed by dist/data/summaries.json.gz) — what the pages must show. */
export function publishedRecords(): ReportRecord[] {
  const gunzipped = (path: string): unknown => JSON.parse(gunzipSync(readFileSync(join(DIST, path))).toString('utf8'));
  const summaries = gunzipped('data/summaries.json.gz') as Array<{ agency: { slug: string }; year: number | null }>;
  return summaries.map((s) => gunzipped(`data/${s.agency.slug}/${s.year ?? 0}.json.gz`) as ReportRecord);
}

/** One page of every type, by site path. */
export function pageTypes(records: readonly ReportRecord[]): Array<{ name: string; path: string }> {
  const report = records.find((r) => r.year !== null) ?? records[0];
  const slug = report?.agency.slug ?? '';
  const year = report?.year ?? 0;
  return [
    { name: 'home', path: '/' },
    { name: 'agencies index', path: '/agencies/' },
    { name: 'agency', path: `/agencies/${slug}/` },
    { name: 'report', path: `/agencies/${slug}/${year}/` },
    { name: 'years index', path: '/years/' },
    { name: 'year', path: `/years/${year}/` },
    { name: 'compare', path: `/compare/?m=grantedRate${[...new Set(records.filter((r) => r.year !== null).map((r) => r.agency.slug))].slice(0, 2).map((s) => `&a=${s}`).join('')}` },
    { name: 'search', path: `/search/?q=${encodeURIComponent('公开')}` },
    { name: 'about', path: '/about/' },
    { name: 'open data', path: '/data/' },
    { name: 'maintenance', path: '/maintenance/' },
    { name: '404', path: '/no-such-page/' },
  ];
}

/**
 * The default site for a describe block: opened (built when stale) before its tests, with its published records,
 * and closed after them. Read `ctx.site` and `ctx.records` inside the tests.
 */
export function useDefaultSite(): { readonly site: Site; readonly records: ReportRecord[] } {
  const ctx = {} as { site: Site; records: ReportRecord[] };
  beforeAll(async () => {
    ctx.site = await openSite();
    ctx.records = publishedRecords();
  });
  afterAll(async () => ctx.site?.close());
  return ctx;
}
