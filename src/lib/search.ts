/**
 * Search index helpers. Pagefind segments Chinese text into words by context, so 聊城 inside 聊城市卫生健康委员会
 * may be indexed as 聊 + 城市 and a search for 聊城 would miss the agency's own reports. Each report page
 * therefore carries its agency and region names as short space-separated pieces (every 2–4 character run), which
 * segment the same way as a query typed on its own.
 */

/** Space-separated name pieces for the search index: the names themselves and each 2–4 character Han run. */
export function nameKeywords(names: ReadonlyArray<string | null | undefined>): string {
  const out = new Set<string>();
  for (const name of names) {
    if (!name) continue;
    for (const run of name.match(/\p{Script=Han}+/gu) ?? []) {
      out.add(run);
      for (let n = 2; n <= 4; n++) for (let i = 0; i + n <= run.length; i++) out.add(run.slice(i, i + n));
    }
  }
  return [...out].join(' ');
}

/**
 * Report pages per search shard, at most. Each shard is one Pagefind index (scripts/search-index.ts writes
 * /pagefind/<id>/), and a first search reads one: its page list (~9 bytes a page), an index chunk of ~20 KB per
 * query word (more for a word in every page of a large shard: 公开 takes 24 KB at 342 pages, 34 KB at 500, 59 KB at
 * 2,000), besides Pagefind's fixed ~90 KB. At 500 pages a one-word first search costs 130–145 KB however many
 * reports a year holds; over a year of 2,000 (the 10k bench) it cost 170–185 KB. Smaller shards (250) save little:
 * the chunks do not shrink below ~20 KB.
 */
export const SHARD_PAGES = 500;

/** One search index: a year's report pages, or one part of them when the year holds more than the shard size. */
export interface SearchShard {
  /** Its directory under /pagefind/ and its 分片 filter value: the year (`0`: year unknown), then `-<part>` when the year is split (`2023-1`, `2023-2`). */
  readonly id: string;
  /** The year of its report pages as their URLs spell it (`/agencies/<slug>/<year>/`): `2023`, or `0` for year unknown. */
  readonly year: string;
  /** How many report pages it indexes. */
  readonly pages: number;
}

/** A shard with the agencies (slugs, sorted) whose report page of its year it indexes. */
export interface PlannedShard extends SearchShard {
  readonly slugs: readonly string[];
}

/**
 * The search shards for a set of report pages (`year` as in their URLs, `slug` the agency's): one per year, newest
 * first and year `0` last; a year with more than `maxPages` pages is split into the fewest parts of at most
 * `maxPages`, as even as they can be, each a run of consecutive agency slugs in code-unit order. Made at
 * `astro build` from the records, carried by the search page (encodeShards); scripts/search-index.ts deals the
 * built pages out by it in the same slug order.
 */
export function planShards(pages: ReadonlyArray<{ readonly year: string; readonly slug: string }>, maxPages: number = SHARD_PAGES): PlannedShard[] {
  if (!Number.isInteger(maxPages) || maxPages < 1) throw new Error(`shard size must be a whole number ≥ 1, got ${maxPages}`);
  const byYear = new Map<string, Set<string>>();
  for (const p of pages) {
    const slugs = byYear.get(p.year) ?? new Set<string>();
    slugs.add(p.slug);
    byYear.set(p.year, slugs);
  }
  const years = [...byYear.keys()].sort((a, b) => (a === '0' ? 1 : b === '0' ? -1 : Number(b) - Number(a)));
  return years.flatMap((year) => {
    const slugs = [...(byYear.get(year) as Set<string>)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const parts = Math.ceil(slugs.length / maxPages);
    if (parts === 1) return [{ id: year, year, pages: slugs.length, slugs }];
    return Array.from({ length: parts }, (_, i) => {
      const part = slugs.slice(Math.floor((i * slugs.length) / parts), Math.floor(((i + 1) * slugs.length) / parts));
      return { id: `${year}-${i + 1}`, year, pages: part.length, slugs: part };
    });
  });
}

/** The shards as the search page carries them (its data-shards attribute): `id:pages` separated by spaces. */
export function encodeShards(shards: readonly SearchShard[]): string {
  return shards.map((s) => `${s.id}:${s.pages}`).join(' ');
}

/** Reads {@link encodeShards}' text back; throws on anything else (a search page from another build). */
export function decodeShards(text: string): SearchShard[] {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((item) => {
      const m = /^((\d+)(?:-\d+)?):(\d+)$/.exec(item);
      if (!m) throw new Error(`not a search shard: "${item}" (expected <year>[-<part>]:<pages>)`);
      return { id: m[1] as string, year: m[2] as string, pages: Number(m[3]) };
    });
}

/** One step of a search: the shards it needs loaded and the Pagefind filters it runs with. */
export interface SearchStage {
  readonly shards: readonly string[];
  /** Pagefind filters: a value, or `{ any: [...] }` for pages with one of the values. */
  readonly filters: Readonly<Record<string, string | { readonly any: readonly string[] }>>;
}

/**
 * How a query runs over the shards, as stages the search page runs one after another while the reader asks for
 * more results. Every shard is loaded with a 分片 filter of its own id (Pagefind's mergeFilter, kept in the browser,
 * nothing downloaded), so a stage reads exactly its shards even when earlier ones are loaded too.
 * - neither a year nor an agency chosen: shard by shard, newest year first, so the first results need one shard;
 * - a year chosen: that year's shards one by one;
 * - an agency chosen: its shards (`agencyShards`, from /search-agencies.json; every shard if unknown) all at once,
 *   or only those of the chosen year (an agency has at most one report a year), limited to them by 分片 since other
 *   shards of its may be loaded from an earlier search.
 */
export function searchStages(
  shards: readonly SearchShard[],
  chosen: { readonly year?: string; readonly agency?: string; readonly agencyShards?: readonly string[] },
): SearchStage[] {
  let pool = chosen.year ? shards.filter((s) => s.year === chosen.year) : [...shards];
  if (chosen.agency) {
    const own = chosen.agencyShards ? new Set(chosen.agencyShards) : null;
    if (own) pool = pool.filter((s) => own.has(s.id));
    const ids = pool.map((s) => s.id);
    return ids.length > 0 ? [{ shards: ids, filters: { 机构: chosen.agency, 分片: { any: ids } } }] : [];
  }
  return pool.map((s) => ({ shards: [s.id], filters: { 分片: s.id } }));
}

/** The sections of a report page Pagefind reads nothing from: the statutory tables (`table-…`) and the source listing. */
const UNINDEXED_SECTIONS = /<section id="(?:table-[\w-]+|source)"[^>]*>[\s\S]*?<\/section>/g;
/** The attributes Pagefind reads a page's index, metadata and filters from. */
const PAGEFIND_ATTRS = /data-pagefind-(?:body|meta|filter|sort|weight|index-attrs|default-meta)\b/g;

/**
 * A built report page as handed to Pagefind: without its tables and source listing, which are outside the indexed
 * narrative and carry no Pagefind attribute, yet are two thirds of its bytes (a 66 KB page becomes ~20 KB). Pagefind
 * builds the same index from it in a quarter less time (66 → 48 s at 10,000 reports). A page whose Pagefind
 * attributes the cut would change is returned whole.
 */
export function pageForIndex(html: string): string {
  const trimmed = html.replace(UNINDEXED_SECTIONS, '');
  const count = (text: string): number => text.match(PAGEFIND_ATTRS)?.length ?? 0;
  return count(trimmed) === count(html) ? trimmed : html;
}

/** Text as compared by {@link containsEveryTerm}: no zero-width spaces (Pagefind puts them between words), no white space, lower case. */
function comparable(text: string): string {
  return text.replace(/[\u200b\s]+/g, '').toLowerCase();
}

/**
 * Whether an indexed page contains every term of the query, as a reader means it (每个词都出现在正文里): each term in
 * one of `texts` (its indexed text, its title, its name keywords). Pagefind answers a word its index lacks with the
 * pages holding the longest part of it it has (疫情 → 情况, Pagefind issue #793); with one index per year that
 * happens whenever a year never uses the word. The search page keeps only the results that pass this test.
 */
export function containsEveryTerm(texts: string | ReadonlyArray<string | undefined>, query: string): boolean {
  const haystacks = (typeof texts === 'string' ? [texts] : texts).flatMap((t) => (t ? [comparable(t)] : []));
  return query
    .split(/\s+/)
    .map(comparable)
    .filter(Boolean)
    .every((term) => haystacks.some((text) => text.includes(term)));
}
