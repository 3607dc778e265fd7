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
