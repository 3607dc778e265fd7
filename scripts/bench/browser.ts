/**
 * Browser-side numbers of a built site, in headless Chromium (Debian's /usr/bin/chromium via playwright-core):
 *   pageWeight   — gzip bytes of the HTML, CSS and JS one page loads (each body gzipped at level 6)
 *   firstSearch  — bytes transferred (encoded body + response headers, from a gzip-serving host; the Pagefind
 *                  worker's requests included) from
 *                  opening /search/?q=… until the first results are shown and the network is quiet
 */
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

interface Transfer {
  url: string;
  type: string;
  bytes: number;
}

/**
 * Records every finished request of a page with its transferred bytes (encoded body + response headers), the
 * requests of its workers included (Pagefind searches in a web worker; Playwright reports those on the page).
 */
function recordTransfers(page: Page): Transfer[] {
  const done: Transfer[] = [];
  page.on('requestfinished', (req) => {
    const entry = req.sizes().then((s) => done.push({ url: req.url(), type: req.resourceType(), bytes: s.responseBodySize + s.responseHeadersSize }));
    pendingSizes.add(entry);
    void entry.finally(() => pendingSizes.delete(entry));
  });
  return done;
}
const pendingSizes = new Set<Promise<unknown>>();

/** Waits until no request has started or finished for `quietMs` (or `maxMs` passed). */
async function networkQuiet(page: Page, quietMs = 500, maxMs = 15_000): Promise<void> {
  let last = Date.now();
  let inFlight = 0;
  const bump = (): void => {
    last = Date.now();
  };
  page.on('request', () => {
    inFlight++;
    bump();
  });
  const end = (): void => {
    inFlight = Math.max(0, inFlight - 1);
    bump();
  };
  page.on('requestfinished', end);
  page.on('requestfailed', end);
  const started = Date.now();
  while (Date.now() - started < maxMs) {
    await page.waitForTimeout(100);
    if (inFlight === 0 && Date.now() - last >= quietMs) return;
  }
}

export interface PageWeight {
  gzipBytes: number;
  htmlGzipBytes: number;
  cssGzipBytes: number;
  jsGzipBytes: number;
  files: number;
}

/** Gzip size of the HTML + CSS + JS a page loads (fresh context, no cache). */
export async function pageWeight(browser: Browser, url: string): Promise<PageWeight> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bodies: Array<Promise<{ kind: string; bytes: number }>> = [];
  page.on('response', (res) => {
    const kind = res.request().resourceType();
    if (kind !== 'document' && kind !== 'stylesheet' && kind !== 'script') return;
    bodies.push(
      res
        .body()
        .then((b) => ({ kind, bytes: gzipSync(b, { level: 6 }).length }))
        .catch(() => ({ kind, bytes: 0 })),
    );
  });
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response?.ok()) throw new Error(`${url}: HTTP ${response?.status()}`);
  await networkQuiet(page, 300);
  const all = await Promise.all(bodies);
  await context.close();
  const sum = (k: string): number => all.filter((b) => b.kind === k).reduce((s, b) => s + b.bytes, 0);
  return {
    gzipBytes: all.reduce((s, b) => s + b.bytes, 0),
    htmlGzipBytes: sum('document'),
    cssGzipBytes: sum('stylesheet'),
    jsGzipBytes: sum('script'),
    files: all.length,
  };
}

function kindOf(url: string): string {
  const path = new URL(url).pathname;
  if (!path.includes('/pagefind/')) return 'page';
  const m = /\.pf_(meta|filter|index|fragment)$/.exec(path);
  if (m) return m[1] as string;
  if (path.endsWith('.pagefind')) return 'wasm';
  if (/\/pagefind\/cards\//.test(path)) return 'card';
  if (/\/pagefind(-worker)?\.js$/.test(path) || path.endsWith('pagefind-entry.json')) return 'pagefind';
  if (path.endsWith('/bundles.json')) return 'bundles';
  return 'ui';
}

function breakdown(transfers: readonly Transfer[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of transfers) {
    const k = kindOf(t.url);
    out[k] = (out[k] ?? 0) + t.bytes;
  }
  return out;
}

export interface FirstSearch {
  /** Everything transferred for the search page and its first query. */
  bytes: number;
  /** Of which Pagefind (its JS, wasm, entry, filters, index chunks, fragments). */
  pagefindBytes: number;
  requests: number;
  /**
   * Bytes by kind: page (HTML, CSS, site JS), ui (Pagefind UI JS/CSS), pagefind.js + worker, wasm, meta, filter,
   * index, fragment (a found agency's card), card (a shown report's card), bundles (the list of index parts).
   */
  breakdown: Record<string, number>;
  results: number;
  seconds: number;
}

/** The search page answered: the status line says found or not found, and the results list is not busy. */
async function answered(page: Page): Promise<void> {
  await page.waitForFunction(
    () => /找到|失败/.test(document.querySelector('#search-summary')?.textContent ?? '') && document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false',
    undefined,
    { timeout: 90_000 },
  );
}

/**
 * Opens /search/?q=<query> in a fresh context and sums the bytes transferred until the first results show and
 * the network is quiet.
 */
export async function firstSearch(browser: Browser, origin: string, query: string): Promise<FirstSearch> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const transfers = recordTransfers(page);
  const started = Date.now();
  await page.goto(`${origin}search/?q=${encodeURIComponent(query)}`, { waitUntil: 'load' });
  await answered(page);
  await networkQuiet(page, 500);
  const seconds = (Date.now() - started) / 1000;
  await Promise.all(pendingSizes);
  // The results found (over every year: one ranked list).
  const results = Number((await page.getAttribute('#search-summary', 'data-found')) ?? 0);
  await context.close();
  return {
    bytes: transfers.reduce((s, t) => s + t.bytes, 0),
    pagefindBytes: transfers.filter((t) => new URL(t.url).pathname.includes('/pagefind/')).reduce((s, t) => s + t.bytes, 0),
    requests: transfers.length,
    breakdown: breakdown(transfers),
    results,
    seconds,
  };
}

/** The first page of results for a query: each result's path (without the #section). */
export async function firstResults(browser: Browser, origin: string, query: string): Promise<string[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}search/?q=${encodeURIComponent(query)}`, { waitUntil: 'load' });
  await answered(page);
  const paths = await page.$$eval('#search-results a.result-link', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  await context.close();
  return paths;
}
