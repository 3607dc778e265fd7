/**
 * Builds the search index after `astro build`, from the data (the .cache build-data writes), never from built
 * pages: one search document per identified agency, holding its page and all its reports, and one per report of no
 * identified agency (src/lib/search-docs.ts), indexed by Pagefind.
 *
 *   node --experimental-strip-types scripts/search-index.ts [--root DIR] [--site dist] [--max-words N] [--verbose]
 *
 * --root: the content root whose .cache/ and content/agencies.yaml are read (default CONTENT_ROOT, else the
 * working directory); --site: the built site the index is written into (/pagefind/); --max-words (or
 * SEARCH_MAX_WORDS): distinct page-words per index part; --verbose: progress on stderr.
 *
 * Why agencies, not pages: what a first search downloads grows with the indexed pages (each part's page list, ~7
 * bytes a page; a word in every page, ~2 bytes a page). At national scale (100,000 reports of ~20,000 agencies)
 * an index of every report page cost a first search 517–613 KB (measured); an index of agencies, 216–246 KB. Each
 * report's card (what its result shows: title, year, the text by section) is written to
 * /pagefind/cards/<agency>/<year>.<digest>.card (gzipped JSON) and listed, newest first, in its agency's card; the search page
 * shows a found agency's reports whose card holds the query, fetching each card only when it is about to show it.
 *
 * Every document of every year goes into one ranked index. Pagefind holds an index in memory while building it,
 * ~550 bytes per distinct word of each page, so the documents are dealt to as few parts as keep each under
 * --max-words distinct page-words (src/lib/search-docs.ts planIndexParts; default MAX_WORDS, ~4.4 GB), built one
 * after another. The search page merges the parts (Pagefind's mergeIndex) and ranks their results as one list. The
 * plan is computed here, from the data, and published as /pagefind/bundles.json (written last), which the search
 * page reads.
 *
 * Each document's Pagefind fragment is replaced by its card (src/lib/search.ts Card) in Pagefind's fragment
 * encoding (gzip of `pagefind_dcd` + JSON), so a found agency costs one download and result.data() returns it.
 * Pagefind's own UI bundles and worker are not written: the search page uses its API.
 */
import { createHash } from 'node:crypto';
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
import { agencyDoc, documentFrequency, indexPage, planIndexParts, reportCardPath, reportDoc, wordCounts, type SearchAgency, type SearchDoc } from '../src/lib/search-docs.ts';
import type { Card } from '../src/lib/search.ts';
import { compactMeta, KNOWN_VERSION } from '../src/lib/pagefind-meta.ts';
import type { ReportRecord } from '../src/schema/record.ts';

/**
 * Distinct page-words per index part: Pagefind's service peaked at 4.4 GB for parts of 7.8 million (each word once a
 * page; 100,000 reports, 4 parts), under the 6 GB a build process may take; fewer parts mean fewer index chunks to
 * download per word searched.
 */
const MAX_WORDS = 8_000_000;
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
 * A search document as held until it is indexed: its words as one string (each repeated as often as it counts),
 * a twentieth of the memory of word-count pairs (100,000 reports: 20,000 agency documents of ~1,500 words).
 */
type HeldDoc = Omit<SearchDoc, 'body'> & { readonly text: string };

const hold = (doc: SearchDoc): HeldDoc => {
  const { body, ...rest } = doc;
  return { ...rest, text: body.map(([w, n]) => (n === 1 ? w : Array.from({ length: n }, () => w).join(' '))).join(' ') };
};
const release = (doc: HeldDoc): SearchDoc => {
  const { text, ...rest } = doc;
  return { ...rest, body: wordCounts(text.split(' ').filter(Boolean)) };
};

/**
 * Every search document: each identified agency with its reports (agencyDoc), then each report of no identified
 * agency (reportDoc), with the site's document frequency of each word (the order indexPage writes words in). One
 * agency is read at a time: each of its reports' card is written to /pagefind/<cardPath> (the agency card lists
 * it), and only the agency's document is kept.
 */
function documents(out: string): { docs: HeldDoc[]; frequency: Map<string, number>; reports: number; cards: number } {
  const records = readJson<StoredSummary[]>(join(root, SUMMARIES_FILE))
    .map(fromStored)
    .sort((a, b) => a.id.localeCompare(b.id));
  const agencies = searchAgencies(records);
  const bySlug = Map.groupBy(records, (r) => r.agency.slug);
  const known = new Set(agencies.map((a) => a.slug));
  for (const slug of bySlug.keys()) {
    if (!known.has(slug)) throw new Error(`reports of ${slug}: no such agency in ${AGENCIES_FILE} or the records`);
  }
  const frequency = new Map<string, number>();
  const docs: HeldDoc[] = [];
  const keep = (doc: SearchDoc): void => {
    documentFrequency([doc], frequency);
    docs.push(hold(doc));
  };
  let cards = 0;
  const standalone: SearchDoc[] = [];
  for (const agency of agencies) {
    const reports: Array<{ doc: SearchDoc; year: number | null; cardPath: string }> = [];
    for (const summary of bySlug.get(agency.slug) ?? []) {
      const record = readJson<ReportRecord>(join(root, RECORDS_DIR, cacheFileName(summary.id)));
      const sourcePath = join(root, SOURCES_DIR, cacheFileName(summary.id));
      const lines = existsSync(sourcePath) ? readJson<SourceDoc>(sourcePath).lines : [];
      const doc = reportDoc(record, lines, agency);
      if (agency.unidentified) {
        standalone.push(doc);
        continue;
      }
      const cardPath = reportCardPath(doc.url, doc.card);
      const file = join(out, cardPath);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, gzipSync(JSON.stringify({ url: doc.url, card: doc.card })));
      cards++;
      // Only the names are kept of the card: the agency's document indexes them.
      reports.push({ doc: { ...doc, card: { ...doc.card, sections: [] } }, year: record.year, cardPath });
    }
    if (!agency.unidentified) keep(agencyDoc(agency, reports));
  }
  for (const doc of standalone) keep(doc);
  return { docs, frequency, reports: records.length, cards };
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

/**
 * Indexes one part into /pagefind/<id>-<digest>/ and returns that folder's name; the Pagefind process is ended
 * after it, so its memory goes with it. The part's metadata is compacted (src/lib/pagefind-meta.ts: fragments and
 * chunks renamed by position), and the folder is named by the metadata's digest, so no cache mixes two builds.
 */
async function indexPart(id: string, docs: readonly HeldDoc[], frequency: ReadonlyMap<string, number>): Promise<string> {
  const { errors, index } = await pagefind.createIndex({ forceLanguage: 'und' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  try {
    // Many files in flight at once: Pagefind parses them in parallel, and the messages' round trips overlap.
    for (let i = 0; i < docs.length; i += IN_FLIGHT) {
      const batch = docs.slice(i, i + IN_FLIGHT);
      const results = await Promise.all(batch.map((doc) => index.addHTMLFile({ url: doc.url, content: indexPage(release(doc), frequency) })));
      results.forEach((r, j) => {
        if (r.errors.length > 0) throw new Error(`pagefind could not index ${batch[j]?.url}: ${r.errors.join('; ')}`);
      });
    }
    log(`part ${id}: ${docs.length} pages added`);
    const { errors: fileErrors, files } = await index.getFiles();
    log(`part ${id}: index built`);
    if (fileErrors.length > 0) throw new Error(`pagefind: ${fileErrors.join('; ')}`);
    const metaFile = files.find((f) => /^pagefind\.[^/]+\.pf_meta$/.test(f.path));
    if (!metaFile) throw new Error(`part ${id}: Pagefind wrote no metadata file`);
    const compact = compactMeta(metaFile.content, `${id}_`);
    if (!compact) process.stderr.write(`search-index: warning: part ${id}: Pagefind's metadata is not of the layout of Pagefind ${KNOWN_VERSION}; left as written (first searches download more)\n`);
    const name = `${id}-${createHash('sha256').update(compact?.bytes ?? metaFile.content).digest('hex').slice(0, 10)}`;
    const renamed = (path: string): string => {
      if (!compact) return path;
      const m = /^(fragment|index)\/(.+)\.(pf_fragment|pf_index)$/.exec(path);
      if (!m) return path;
      const to = (m[1] === 'fragment' ? compact.fragments : compact.chunks).get(m[2] as string);
      if (to === undefined) throw new Error(`part ${id}: ${path} is not in Pagefind's metadata`);
      return `${m[1]}/${to}.${m[3]}`;
    };
    const cards = new Map(docs.map((d) => [d.url, d.card]));
    const out = join(site, 'pagefind', name);
    let fragments = 0;
    for (const file of files) {
      if (UNUSED.test(file.path)) continue;
      const path = join(out, renamed(file.path));
      mkdirSync(dirname(path), { recursive: true });
      if (file.path.startsWith('fragment/')) {
        writeFileSync(path, cardFragment(file.content, cards));
        fragments++;
      } else if (file === metaFile && compact) writeFileSync(path, compact.bytes);
      else writeFileSync(path, file.content);
    }
    if (fragments !== docs.length) throw new Error(`part ${id}: ${docs.length} pages given to Pagefind, ${fragments} fragments written`);
    return name;
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
  const { docs, frequency, reports, cards } = documents(join(site, 'pagefind'));
  log(`${docs.length} search documents (${reports} reports) read from ${root}`);
  const plan = planIndexParts(docs, maxWords);
  const parts = Math.max(0, ...plan) + 1;
  const ids: string[] = [];
  for (let p = 0; p < parts; p++) {
    const part = docs.filter((_, i) => plan[i] === p);
    ids.push(await indexPart(String(p + 1), part, frequency));
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
