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
 * The search bundles: one Pagefind index per report year (scripts/search-index.ts writes /pagefind/<year>/), newest
 * first, then '0' for the reports whose year is unknown. The first is the primary Pagefind instance the search page
 * loads; the others are merged into it when a search needs them.
 */
export function searchBundles(records: ReadonlyArray<{ readonly year: number | null }>): string[] {
  const years = [...new Set(records.flatMap((r) => (r.year === null ? [] : [r.year])))].sort((a, b) => b - a).map(String);
  return records.some((r) => r.year === null) ? [...years, '0'] : years;
}

/** The 年份 filter value of a bundle's reports (their report pages carry it): the year, or 不详 for bundle '0'. */
export function yearFilterValue(bundle: string): string {
  return bundle === '0' ? '不详' : bundle;
}

/** One step of a search: the bundles it needs loaded and the Pagefind filters it runs with. */
export interface SearchStage {
  readonly bundles: readonly string[];
  readonly filters: Readonly<Record<string, string>>;
}

/**
 * How a query runs over the year bundles, as stages the search page runs one after another while the reader asks
 * for more results:
 * - a year chosen: that year's bundle (and the agency, if chosen);
 * - only an agency chosen: every bundle at once (an agency has at most one report a year);
 * - neither: year by year, newest first, so the first results need only the newest year's index.
 */
export function searchStages(bundles: readonly string[], chosen: { readonly year?: string; readonly agency?: string }): SearchStage[] {
  const agency = chosen.agency ? { 机构: chosen.agency } : {};
  if (bundles.length === 0) return [];
  if (chosen.year) return bundles.includes(chosen.year) ? [{ bundles: [chosen.year], filters: { 年份: yearFilterValue(chosen.year), ...agency } }] : [];
  if (chosen.agency) return [{ bundles: [...bundles], filters: agency }];
  return bundles.map((b) => ({ bundles: [b], filters: { 年份: yearFilterValue(b) } }));
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
