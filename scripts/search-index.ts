/**
 * Builds the search index after `astro build`, from the data (the .cache build-data writes), never from built
 * pages: one search document per report page and per agency page (src/lib/search-docs.ts), indexed by Pagefind.
 *
 *   node --experimental-strip-types scripts/search-index.ts [--root DIR] [--site dist] [--max-words N] [--verbose]
 *
 * --root: the content root whose .cache/ and content/agencies.yaml are read (default CONTENT_ROOT, else the
 * working directory); --site: the built site the index is written into (/pagefind/); --max-words (or
 * SEARCH_MAX_WORDS): distinct page-words per index part; --verbose: progress on stderr.
 *
 * Every page of every year goes into one ranked index. Pagefind holds an index in memory while building it, ~600
 * bytes per distinct word of each page (10,000 synthetic reports: 5.3 GB in one), so the documents are dealt to as
 * few parts as keep each under --max-words distinct page-words (src/lib/search-docs.ts planIndexParts; default
 * MAX_WORDS, ~1.4 GB), built one after another. The search page merges the parts (Pagefind's mergeIndex) and ranks
 * their results as one list. The plan is computed here, from the data, and published as /pagefind/bundles.json
 * (written last), which the search page reads.
 *
 * Each page's Pagefind fragment is replaced by its card (what a result shows, src/lib/search-docs.ts Card) in
 * Pagefind's fragment encoding (gzip of `pagefind_dcd` + JSON), so a shown result costs one download and
 * result.data() returns it. Pagefind's own UI bundles and worker are not written: the search page uses its API.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { parseAgenciesYaml } from '../src/lib/agencies.ts';
import { kindFromName } from '../src/lib/agency-kind.ts';
import { AGENCIES_FILE, cacheFileName, RECORDS_DIR, SOURCES_DIR, SUMMARIES_FILE, type AgencyDoc, type SourceDoc } from '../src/lib/cache.ts';
import { fromStored, type ReportSummary, type StoredSummary } from '../src/schema/summary.ts';
import { agenciesWithReports } from '../src/lib/portal.ts';
import { agencyDoc, documentFrequency, indexPage, planIndexParts, reportCardPath, reportDoc, type SearchAgency, type SearchDoc } from '../src/lib/search-docs.ts';
import type { Card } from '../src/lib/search.ts';
import type { ReportRecord } from '../src/schema/record.ts';

/** Distinct page-words per index part: ~1.4 GB of Pagefind memory (measured 1.41 GB for 2.1 M, 1.88 GB for 2.8 M). */
const MAX_WORDS = 2_500_000;
/**
 * Index chunk size in word locations (Pagefind's default is 20,000). Smaller chunks mean a query downloads less
 * beside the words it needs, and a longer chunk list in each part's metadata; 5,000 measured best of 5,000, 10,000
 * and 20,000 at 10,000 reports. Pagefind reads it from PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE (an unstable setting: if a
 * Pagefind upgrade drops it, chunks are the default size and first searches download more).
 */
const CHUNK_SIZE = '5000';
/** Pagefind's allocator (jemalloc) returning freed memory at once: a quarter lower peak (measured 1.75 → 1.39 GB). */
const MALLOC_CONF = 'dirty_decay_ms:0,muzzy_decay_ms:0';
const UNUSED = /^(?:pagefind-(?:ui|component-ui|modular-ui|highlight)\.(?:js|css)|pagefind-worker\.js)$/;
const FRAGMENT_PREFIX = 'pagefind_dcd';
/** Files handed to Pagefind at a time. */
const IN_FLIGHT = 64;

const { values } = parseArgs({
  options: {
    root: { type: 'string' },
    site: { type: 'string', default: 'dist' },
    'max-words': { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
  strict: true,
});
const root = resolve(values.root ?? (process.env['CONTENT_ROOT'] || process.cwd()));
const site = resolve(values.site);
const maxWords = Number(values['max-words'] ?? process.env['SEARCH_MAX_WORDS'] ?? MAX_WORDS);

function readJson<T>(path: string): T {
  if (!existsSync(path)) throw new Error(`${path} does not exist: run scripts/build-data.ts (npm run build) first`);
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Agencies as the pages show them (src/lib/portal.ts), with their other names: aliases and printed names. */
function searchAgencies(records: readonly ReportSummary[]): SearchAgency[] {
  const infos = readJson<AgencyDoc[]>(join(root, AGENCIES_FILE)).map((a) => ({ ...a, kind: a.kind ?? kindFromName(a.name) }));
  const yamlPath = join(root, 'content/agencies.yaml');
  const config = parseAgenciesYaml(existsSync(yamlPath) ? readFileSync(yamlPath, 'utf8') : '');
  const aliases = new Map<string, string[]>();
  for (const e of config.agencies) {
    const slug = e.slug ?? infos.find((i) => i.name === e.name)?.slug;
    if (slug) aliases.set(slug, e.aliases);
  }
  return agenciesWithReports(infos, records).map((a) => ({
    slug: a.slug,
    displayName: a.displayName,
    region: a.region,
    level: a.level,
    kind: a.kind,
    unidentified: a.unidentified,
    otherNames: [...new Set([...(aliases.get(a.slug) ?? []), ...a.reports.flatMap((r) => (r.agency.name ? [r.agency.name] : []))])],
    years: a.reports.map((r) => r.year),
  }));
}

/**
 * Every search document: each identified agency with its reports (agencyDoc), then each report of no identified
 * agency (reportDoc). Each report's card is written to /pagefind/<cardPath> as it is made (the agency card lists
 * it), so a report's text is held only while its own card is written.
 */
function documents(out: string): { docs: SearchDoc[]; reports: number; cards: number } {
  const records = readJson<StoredSummary[]>(join(root, SUMMARIES_FILE))
    .map(fromStored)
    .sort((a, b) => a.id.localeCompare(b.id));
  const agencies = searchAgencies(records);
  const bySlug = new Map(agencies.map((a) => [a.slug, a]));
  const grouped = new Map<string, Array<{ doc: SearchDoc; year: number | null; cardPath: string }>>();
  const docs: SearchDoc[] = [];
  for (const summary of records) {
    const record = readJson<ReportRecord>(join(root, RECORDS_DIR, cacheFileName(summary.id)));
    const sourcePath = join(root, SOURCES_DIR, cacheFileName(summary.id));
    const lines = existsSync(sourcePath) ? readJson<SourceDoc>(sourcePath).lines : [];
    const agency = bySlug.get(record.agency.slug);
    if (!agency) throw new Error(`report ${record.id}: no agency ${record.agency.slug} in ${AGENCIES_FILE} or the records`);
    const doc = reportDoc(record, lines, agency);
    if (agency.unidentified) {
      docs.push(doc);
      continue;
    }
    const cardPath = reportCardPath(doc.url, doc.card);
    const file = join(out, cardPath);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ url: doc.url, card: doc.card }));
    // Only the names are kept of the card: the agency's document indexes them.
    const kept: SearchDoc = { ...doc, card: { ...doc.card, sections: [] } };
    grouped.set(agency.slug, [...(grouped.get(agency.slug) ?? []), { doc: kept, year: record.year, cardPath }]);
  }
  const identified = agencies.filter((a) => !a.unidentified).map((a) => agencyDoc(a, grouped.get(a.slug) ?? []));
  return { docs: [...identified, ...docs], reports: records.length, cards: records.length - docs.length };
}

/** Pagefind's fragment of a page → the card, in the same encoding (Pagefind's loader reads url, content, anchors, meta). */
function cardFragment(bytes: Uint8Array, cards: ReadonlyMap<string, Card>): Buffer {
  const text = gunzipSync(bytes).toString('utf8');
  if (!text.startsWith(FRAGMENT_PREFIX)) throw new Error('a Pagefind fragment without its pagefind_dcd header: has the fragment format changed?');
  const fragment = JSON.parse(text.slice(FRAGMENT_PREFIX.length)) as { url: string; word_count: number };
  const card = cards.get(fragment.url);
  if (!card) throw new Error(`Pagefind indexed ${fragment.url}, which has no search document`);
  const json = JSON.stringify({ url: fragment.url, content: '', word_count: fragment.word_count, filters: {}, meta: { title: card.title }, anchors: [], card });
  return gzipSync(Buffer.from(`${FRAGMENT_PREFIX}${json}`, 'utf8'));
}

/** Indexes one part into /pagefind/<id>/; the Pagefind process is ended after it, so its memory goes with it. */
async function indexPart(id: string, docs: readonly SearchDoc[], frequency: ReadonlyMap<string, number>): Promise<void> {
  const { errors, index } = await pagefind.createIndex({ forceLanguage: 'und' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  try {
    // Many files in flight at once: Pagefind parses them in parallel, and the messages' round trips overlap.
    for (let i = 0; i < docs.length; i += IN_FLIGHT) {
      const batch = docs.slice(i, i + IN_FLIGHT);
      const results = await Promise.all(batch.map((doc) => index.addHTMLFile({ url: doc.url, content: indexPage(doc, frequency) })));
      results.forEach((r, j) => {
        if (r.errors.length > 0) throw new Error(`pagefind could not index ${batch[j]?.url}: ${r.errors.join('; ')}`);
      });
    }
    log(`part ${id}: ${docs.length} pages added`);
    const { errors: fileErrors, files } = await index.getFiles();
    log(`part ${id}: index built`);
    if (fileErrors.length > 0) throw new Error(`pagefind: ${fileErrors.join('; ')}`);
    const cards = new Map(docs.map((d) => [d.url, d.card]));
    const out = join(site, 'pagefind', id);
    let fragments = 0;
    for (const file of files) {
      if (UNUSED.test(file.path)) continue;
      const path = join(out, file.path);
      mkdirSync(dirname(path), { recursive: true });
      if (file.path.startsWith('fragment/')) {
        writeFileSync(path, cardFragment(file.content, cards));
        fragments++;
      } else writeFileSync(path, file.content);
    }
    if (fragments !== docs.length) throw new Error(`part ${id}: ${docs.length} pages given to Pagefind, ${fragments} fragments written`);
  } finally {
    await pagefind.close();
  }
}

const started = Date.now();
/** Progress on stderr with --verbose. */
const log = (msg: string): void => {
  if (values.verbose) process.stderr.write(`search-index: ${((Date.now() - started) / 1000).toFixed(1)} s: ${msg}\n`);
};

async function main(): Promise<void> {
  if (!existsSync(site)) throw new Error(`${site} does not exist: build the site first (astro build)`);
  process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] ??= CHUNK_SIZE;
  process.env['_RJEM_MALLOC_CONF'] ??= MALLOC_CONF;
  rmSync(join(site, 'pagefind'), { recursive: true, force: true });
  const { docs, reports, cards } = documents(join(site, 'pagefind'));
  log(`${docs.length} search documents (${reports} reports) read from ${root}`);
  const frequency = documentFrequency(docs);
  const plan = planIndexParts(docs, maxWords);
  const parts = Math.max(0, ...plan) + 1;
  const ids = Array.from({ length: parts }, (_, i) => String(i + 1));
  for (let p = 0; p < parts; p++) {
    const part = docs.filter((_, i) => plan[i] === p);
    await indexPart(ids[p] as string, part, frequency);
    log(`part ${ids[p]}: ${part.length} pages`);
  }
  const words = docs.reduce((n, d) => n + d.words, 0);
  // Written last: the parts the search page merges (and the e2e build stamp).
  writeFileSync(join(site, 'pagefind', 'bundles.json'), `${JSON.stringify({ parts: ids, pages: docs.length, reports, words })}\n`);
  const agencyDocs = docs.filter((d) => d.card.kind === 'agency').length;
  console.log(`search-index: ${docs.length} documents (${agencyDocs} agencies with their reports, ${docs.length - agencyDocs} reports of no identified agency; ${cards} report cards), ${words.toLocaleString('en')} page-words, ${parts} index part${parts === 1 ? '' : 's'}, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((e: unknown) => {
  console.error(`search-index: ${(e as Error).message}`);
  process.exit(1);
});
