/**
 * Builds the search index after `astro build`: one Pagefind bundle per report year, /pagefind/<year>/ (year 0 holds
 * the reports whose year is unknown), each indexing only that year's report pages (their narrative is all that
 * carries data-pagefind-body).
 *
 *   node --experimental-strip-types scripts/search-index.ts [--site dist] [--jobs N]
 *
 * Why per year: one index over every report makes each query pay for all of them. At 10,000 reports its page list
 * alone is ~80 KB and a common word's chunk ~300 KB, and one Pagefind process needs ~3.8 GB. Per year, the search
 * page (src/components/search.client.ts) searches the newest year first and merges older years into the same
 * Pagefind instance (mergeIndex, one wasm) only when the reader asks for them, a year filter or an agency filter
 * needs them; and each indexing process holds one year's pages.
 *
 * /pagefind/bundles.json lists the bundles; it is written last.
 * Pagefind's own UI bundles (pagefind-ui, component-ui, modular-ui, highlight) are removed: the site uses its API.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    site: { type: 'string', default: 'dist' },
    jobs: { type: 'string' },
  },
  strict: true,
});

const site = resolve(values.site);
const PAGEFIND = join(import.meta.dirname, '../node_modules/pagefind/lib/runner/bin.cjs');
const UNUSED = /^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/;

/** The report years present in the built site: /agencies/<slug>/<year>/index.html. */
function reportYears(dir: string): number[] {
  const agencies = join(dir, 'agencies');
  if (!existsSync(agencies)) return [];
  const years = new Set<number>();
  for (const slug of readdirSync(agencies, { withFileTypes: true })) {
    if (!slug.isDirectory()) continue;
    for (const y of readdirSync(join(agencies, slug.name), { withFileTypes: true })) {
      if (y.isDirectory() && /^\d+$/.test(y.name) && existsSync(join(agencies, slug.name, y.name, 'index.html'))) years.add(Number(y.name));
    }
  }
  return [...years].sort((a, b) => b - a);
}

function indexYear(year: number): Promise<void> {
  const args = [PAGEFIND, '--site', site, '--glob', `agencies/*/${year}/index.html`, '--output-subdir', `pagefind/${year}`, '--quiet'];
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    // Pagefind notes, once per bundle, that it has no stemmer for zh-cn (Chinese has no stems): said once below.
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', fail);
    child.on('close', (code) => {
      const kept = err.split('\n').filter((l) => l.trim() && !/stemming for the language|will not match across root words/.test(l));
      if (kept.length > 0) process.stderr.write(`${kept.map((l) => `[pagefind ${year}] ${l}`).join('\n')}\n`);
      if (code === 0) done();
      else fail(new Error(`pagefind for year ${year} exited with ${code}`));
    });
  });
}

async function main(): Promise<void> {
  const started = Date.now();
  const jobs = Number(values.jobs ?? Math.min(2, availableParallelism()));
  if (!Number.isInteger(jobs) || jobs < 1) throw new Error(`--jobs must be a whole number ≥ 1, got ${values.jobs}`);
  if (!existsSync(site)) throw new Error(`${site} does not exist: build the site first (astro build)`);
  rmSync(join(site, 'pagefind'), { recursive: true, force: true });
  const years = reportYears(site);
  mkdirSync(join(site, 'pagefind'), { recursive: true });
  if (years.length === 0) console.warn(`search-index: no report pages under ${site}/agencies/: the search has nothing to index`);
  // Two or so at a time (--jobs): each process holds one year's pages, and Pagefind's indexing is mostly one core.
  const queue = [...years];
  await Promise.all(
    Array.from({ length: Math.min(jobs, queue.length) }, async () => {
      for (let y = queue.shift(); y !== undefined; y = queue.shift()) await indexYear(y);
    }),
  );
  for (const year of years) {
    const dir = join(site, 'pagefind', String(year));
    for (const f of readdirSync(dir)) if (UNUSED.test(f)) rmSync(join(dir, f));
  }
  // Written last: the list of bundles (for people and tools; the search page has it from the same records).
  writeFileSync(join(site, 'pagefind', 'bundles.json'), `${JSON.stringify({ bundles: years.map(String) })}\n`);
  console.log(`search-index: ${years.length} Pagefind bundles, one per year (${years.join(', ')}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((e: unknown) => {
  console.error(`search-index: ${(e as Error).message}`);
  process.exit(1);
});
