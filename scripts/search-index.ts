/**
 * Builds the search index after `astro build`: one Pagefind bundle per search shard, /pagefind/<shard id>/. A shard
 * is a year's report pages, or a part of them (a run of consecutive agencies) when the year has more than the shard
 * size (src/lib/search.ts planShards, SHARD_PAGES or SEARCH_SHARD_PAGES). Only report narratives are indexed (all
 * that carries data-pagefind-body).
 *
 *   node --experimental-strip-types scripts/search-index.ts [--site dist] [--jobs N]
 *
 * The plan comes from the built search page (its data-shards, written at `astro build` from the records): the
 * shards' ids and page counts in order. Each year's report pages in the site, slugs sorted, are dealt out to that
 * year's shards in that order; a year or a page count the two disagree on stops the build with both numbers.
 * Pagefind gets each page without its tables and source listing (src/lib/search.ts pageForIndex): they are outside
 * the indexed narrative and two thirds of the bytes, so the index is the same and built faster (66 → 48 s at 10,000).
 *
 * Why shards: one index over every report makes each query pay for all of them. At 10,000 reports its page list
 * alone is ~80 KB and a common word's chunk ~300 KB, and one Pagefind process needs ~3.8 GB. A year of 2,000 reports
 * still costs a first search 170–185 KB. With shards of ≤ 500 pages the search page
 * (src/components/search.client.ts) reads one shard for a first search and merges others in only when the reader
 * asks for more; each indexing process holds one shard's pages.
 *
 * /pagefind/bundles.json lists the shards; it is written last.
 * Pagefind's own UI bundles (pagefind-ui, component-ui, modular-ui, highlight) are removed: the site uses its API.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { decodeShards, pageForIndex, type SearchShard } from '../src/lib/search.ts';

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

/** The report pages in the built site, /agencies/<slug>/<year>/index.html: their agency slugs (sorted) by year. */
function reportPages(dir: string): Map<string, string[]> {
  const agencies = join(dir, 'agencies');
  const byYear = new Map<string, string[]>();
  if (!existsSync(agencies)) return byYear;
  for (const slug of readdirSync(agencies, { withFileTypes: true })) {
    if (!slug.isDirectory()) continue;
    for (const y of readdirSync(join(agencies, slug.name), { withFileTypes: true })) {
      if (y.isDirectory() && /^\d+$/.test(y.name) && existsSync(join(agencies, slug.name, y.name, 'index.html'))) {
        const slugs = byYear.get(y.name);
        if (slugs) slugs.push(slug.name);
        else byYear.set(y.name, [slug.name]);
      }
    }
  }
  for (const slugs of byYear.values()) slugs.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return byYear;
}

/** The shard plan the search page carries (data-shards on /search/). */
function plannedShards(dir: string): SearchShard[] {
  const page = join(dir, 'search', 'index.html');
  if (!existsSync(page)) throw new Error(`${page} does not exist: the search page carries the shard plan (astro build writes it)`);
  const m = /data-shards="([^"]*)"/.exec(readFileSync(page, 'utf8'));
  if (!m) throw new Error(`${page} has no data-shards attribute: build the site again (astro build)`);
  return decodeShards(m[1] as string);
}

/** Each shard with the agency slugs whose report page it indexes: each year's slugs dealt out in the plan's order. */
function assign(plan: readonly SearchShard[], pages: Map<string, string[]>): Array<SearchShard & { slugs: string[] }> {
  const planned = new Map<string, number>();
  for (const s of plan) planned.set(s.year, (planned.get(s.year) ?? 0) + s.pages);
  for (const [year, slugs] of pages) {
    if ((planned.get(year) ?? 0) !== slugs.length) {
      throw new Error(`year ${year}: the search page plans ${planned.get(year) ?? 0} report pages, the site has ${slugs.length} (agencies/*/${year}/): build the site again`);
    }
  }
  const taken = new Map<string, number>();
  return plan.map((s) => {
    const slugs = pages.get(s.year) ?? [];
    const from = taken.get(s.year) ?? 0;
    taken.set(s.year, from + s.pages);
    if (from + s.pages > slugs.length) throw new Error(`shard ${s.id}: the search page plans ${s.pages} pages, the site has ${slugs.length - from} left in ${s.year}: build the site again`);
    return { ...s, slugs: slugs.slice(from, from + s.pages) };
  });
}

/**
 * Indexes one shard: its report pages, cut down by pageForIndex (no tables, no source listing: the same index, a
 * quarter less work), are written under a scratch site at their own paths, so Pagefind gives them their real URLs,
 * and Pagefind writes the bundle to /pagefind/<id>/.
 */
async function indexShard(shard: SearchShard & { slugs: string[] }, scratch: string): Promise<void> {
  const input = join(scratch, shard.id);
  for (const slug of shard.slugs) {
    const path = join('agencies', slug, shard.year, 'index.html');
    mkdirSync(join(input, 'agencies', slug, shard.year), { recursive: true });
    writeFileSync(join(input, path), pageForIndex(readFileSync(join(site, path), 'utf8')));
  }
  try {
    await pagefind(shard.id, ['--site', input, '--output-path', join(site, 'pagefind', shard.id), '--quiet']);
  } finally {
    rmSync(input, { recursive: true, force: true });
  }
}

function pagefind(id: string, flags: string[]): Promise<void> {
  const args = [PAGEFIND, ...flags];
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    // Pagefind notes, once per bundle, that it has no stemmer for zh-cn (Chinese has no stems): not repeated.
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', fail);
    child.on('close', (code) => {
      const kept = err.split('\n').filter((l) => l.trim() && !/stemming for the language|will not match across root words/.test(l));
      if (kept.length > 0) process.stderr.write(`${kept.map((l) => `[pagefind ${id}] ${l}`).join('\n')}\n`);
      if (code === 0) done();
      else fail(new Error(`pagefind for shard ${id} exited with ${code}`));
    });
  });
}

/**
 * Where the cut-down pages are written for Pagefind (and deleted again, shard by shard): in memory (/dev/shm) where
 * there is such a file system, as on Linux — on disk the writing costs more than the cut saves — else the temp dir.
 */
function scratchDir(): string {
  try {
    return mkdtempSync(join('/dev/shm', 'nianbao-search-index-'));
  } catch {
    return mkdtempSync(join(tmpdir(), 'nianbao-search-index-'));
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const jobs = Number(values.jobs ?? Math.min(2, availableParallelism()));
  if (!Number.isInteger(jobs) || jobs < 1) throw new Error(`--jobs must be a whole number ≥ 1, got ${values.jobs}`);
  if (!existsSync(site)) throw new Error(`${site} does not exist: build the site first (astro build)`);
  const shards = assign(plannedShards(site), reportPages(site));
  rmSync(join(site, 'pagefind'), { recursive: true, force: true });
  mkdirSync(join(site, 'pagefind'), { recursive: true });
  if (shards.length === 0) console.warn(`search-index: no report pages under ${site}/agencies/: the search has nothing to index`);
  // Two or so at a time (--jobs): each process holds one shard's pages, and Pagefind's indexing is mostly one core.
  const queue = [...shards];
  const scratch = scratchDir();
  try {
    await Promise.all(
      Array.from({ length: Math.min(jobs, queue.length) }, async () => {
        for (let s = queue.shift(); s !== undefined; s = queue.shift()) await indexShard(s, scratch);
      }),
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  for (const s of shards) {
    const dir = join(site, 'pagefind', s.id);
    for (const f of readdirSync(dir)) if (UNUSED.test(f)) rmSync(join(dir, f));
  }
  // Written last: the shards (for people and tools; the search page has them from the same plan).
  writeFileSync(join(site, 'pagefind', 'bundles.json'), `${JSON.stringify({ shards: shards.map(({ id, year, pages }) => ({ id, year, pages })) })}\n`);
  const years = new Set(shards.map((s) => s.year)).size;
  console.log(`search-index: ${shards.length} Pagefind bundles for ${years} years (${shards.map((s) => `${s.id}: ${s.pages}`).join(', ')}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((e: unknown) => {
  console.error(`search-index: ${(e as Error).message}`);
  process.exit(1);
});
