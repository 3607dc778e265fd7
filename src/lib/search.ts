/**
 * The search page's logic, pure (src/components/search.client.ts only wires it to Pagefind and the DOM): how
 * results are checked and shown, what the status line says, how Pagefind ranks.
 *
 * The index (scripts/search-index.ts, src/lib/search-docs.ts) holds every agency (its page and all its reports)
 * and every report of no identified agency, of every year, in one Pagefind index or a few parts queried together,
 * so a query ranks all of them as one list. Each shown row's data is its card (src/lib/search-docs.ts Card): an
 * agency's, or one of its reports' (a file of its own); the excerpt is cut from the card's text around the query,
 * and the row links to the section holding it.
 */

/** Filter names, as the search page shows them. */
export const FILTERS = { year: '年份', agency: '机构', region: '地区', level: '层级' } as const;
export type FilterKey = keyof typeof FILTERS;
/** A filter's value for a page without one (no region in content/agencies.yaml, year not found). */
export const NO_VALUE = { year: '年份不详', region: '未分组', level: '未注明' } as const;

/** The year filter's value of a report's year (the index's and the search page's, so the two always agree). */
export function yearValue(year: number | null): string {
  return year === null ? NO_VALUE.year : String(year);
}

/** One part of a card: an anchor on the page (a section's id), its heading and its text. */
export interface CardSection {
  readonly id: string;
  readonly heading: string;
  readonly text: string;
}

/**
 * One of an agency's reports, as its agency card lists it: the search page fetches the report's own card (`card`,
 * a JSON file under /pagefind/) only when it is about to show it, so an agency with seven reports costs one card
 * until its reports are looked at.
 */
export interface ReportRef {
  /** Site path of the report page (without the base path). */
  readonly url: string;
  /** The report's year, null when unknown (for the year filter). */
  readonly year: number | null;
  /** Path of the report's card under /pagefind/ (`cards/<agency>/<year>.<digest>.card`: its JSON, gzipped). */
  readonly card: string;
}

/** What a result shows. */
export interface Card {
  readonly kind: 'report' | 'agency';
  readonly title: string;
  /** The agency's display name. */
  readonly agency: string;
  /** The report's year as shown (2023 年), null on an agency card. */
  readonly year: string | null;
  /** Region and level, as on the agencies index (`福建省平潭综合实验区 · 市级`). */
  readonly place: string;
  /** Every name the agency goes by (display, printed, aliases). */
  readonly names: readonly string[];
  readonly sections: readonly CardSection[];
  /** An agency card's reports, newest first (absent on a report card). */
  readonly reports?: readonly ReportRef[];
}

/** Rows shown at a time (as Pagefind's own UI): each costs its card (~3 KB). */
export const PAGE_SIZE = 5;

/**
 * Pagefind's ranking (options.ranking). Page length counts for less than by default (0.75): an agency page is a
 * few names, a report a few thousand characters, and the report of the agency a query names must not fall behind
 * other agencies' short pages. Matches in `fullnames` (the whole names) count more.
 */
export const RANKING = { pageLength: 0.3, termSaturation: 1.4, metaWeights: { fullnames: 3 } } as const;

/** Characters of an excerpt: before the first match, and in all. */
const EXCERPT_BEFORE = 24;
const EXCERPT_LENGTH = 96;

/** The text with its white space taken out and lower-cased, and where each remaining character came from. */
function squeezed(text: string): { chars: string; from: number[] } {
  let chars = '';
  const from: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (/[\s\u200b]/.test(c)) continue;
    chars += c.toLowerCase();
    from.push(i);
  }
  return { chars, from };
}

/** Where `term` occurs in `text`, white space in the text ignored: [start, end) ranges of the text. */
export function findTerm(text: string, term: string): Array<[number, number]> {
  const needle = term.replace(/[\s\u200b]/g, '').toLowerCase();
  if (!needle) return [];
  const { chars, from } = squeezed(text);
  const out: Array<[number, number]> = [];
  for (let at = chars.indexOf(needle); at >= 0; at = chars.indexOf(needle, at + needle.length)) {
    out.push([from[at] as number, (from[at + needle.length - 1] as number) + 1]);
  }
  return out;
}

/** Everything a card says: title, names, headings and text. */
function cardText(card: Card): string {
  return [card.title, ...card.names, ...card.sections.flatMap((s) => [s.heading, s.text])].join('\n');
}

/**
 * Whether a result holds every term (each term whole, as typed). The index looks a long term up by its character
 * pairs (src/lib/search-tokens.ts termTokens): a page can hold them all without the term; it is not shown.
 */
export function containsEveryTerm(card: Card, terms: readonly string[]): boolean {
  const text = cardText(card);
  return terms.every((t) => findTerm(text, t).length > 0);
}

/** Whether one of the agency's names holds every term: a result of the name search. */
export function namesHoldEveryTerm(card: Card, terms: readonly string[]): boolean {
  return terms.every((t) => card.names.some((n) => findTerm(n, t).length > 0));
}

export interface ExcerptPart {
  readonly text: string;
  readonly mark: boolean;
}

export interface Excerpt {
  /** The section the excerpt is from (its anchor on the page), or null: the page itself. */
  readonly section: CardSection | null;
  readonly parts: readonly ExcerptPart[];
}

/** Merged, sorted ranges. */
function merge(ranges: ReadonlyArray<[number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/**
 * The excerpt of a result: from the section holding the most of the terms (the first of equals), the text around
 * the first match, every term marked whole (行政许可 is marked as 行政许可, never 行政 alone). A card whose text
 * holds none of them (found by its names) shows the start of its first section, unmarked.
 */
export function excerpt(card: Card, terms: readonly string[]): Excerpt {
  let best: { section: CardSection; found: number; ranges: Array<[number, number]> } | null = null;
  for (const section of card.sections) {
    const hits = terms.map((t) => findTerm(section.text, t));
    const found = hits.filter((h) => h.length > 0).length;
    if (found > 0 && (best === null || found > best.found)) best = { section, found, ranges: hits.flat() };
  }
  const first = card.sections[0];
  if (best === null) {
    if (!first) return { section: null, parts: [] };
    const text = first.text.replace(/\s+/g, ' ');
    return { section: null, parts: [{ text: text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text, mark: false }] };
  }
  const { section } = best;
  const ranges = merge(best.ranges);
  const start = Math.max(0, (ranges[0] as [number, number])[0] - EXCERPT_BEFORE);
  const end = Math.min(section.text.length, Math.max(start + EXCERPT_LENGTH, (ranges[0] as [number, number])[1]));
  const parts: ExcerptPart[] = [];
  let at = start;
  for (const [a, b] of ranges) {
    if (b <= start || a >= end) continue;
    const from = Math.max(a, start);
    const to = Math.min(b, end);
    if (from > at) parts.push({ text: section.text.slice(at, from), mark: false });
    parts.push({ text: section.text.slice(from, to), mark: true });
    at = to;
  }
  if (at < end) parts.push({ text: section.text.slice(at, end), mark: false });
  const flat = parts.map((p) => ({ ...p, text: p.text.replace(/\s+/g, ' ') }));
  if (start > 0) flat.unshift({ text: '…', mark: false });
  if (end < section.text.length) flat.push({ text: '…', mark: false });
  return { section, parts: flat };
}

/** `“行政许可”`, `“疫情”和“新媒体”`. */
export function quoted(terms: readonly string[]): string {
  return terms.map((t) => `“${t}”`).join('和');
}

/** The filters chosen, as the status line names them: `2023 年度、平潭综合实验区`. */
export function chosenFilters(chosen: Partial<Record<FilterKey, string>>): string {
  return (['year', 'agency', 'region', 'level'] as const)
    .flatMap((k) => {
      const v = chosen[k];
      if (!v) return [];
      return [k === 'year' && /^\d+$/.test(v) ? `${v} 年度` : v];
    })
    .join('、');
}

export type SearchStatus =
  | { readonly state: 'idle' }
  | { readonly state: 'searching'; readonly terms: readonly string[] }
  | { readonly state: 'failed' }
  | {
      readonly state: 'found';
      readonly terms: readonly string[];
      /**
       * Agencies found so far (each with its reports; a report of no identified agency counts alone), less those
       * a check dropped.
       */
      readonly count: number;
      /** True while only the name search has run: these are the agencies named so, and their reports. */
      readonly namesOnly: boolean;
      /** Rows shown: agency pages and reports. */
      readonly shown: number;
      /** Whether there is more to show. */
      readonly more: boolean;
      readonly filters: string;
    };

/** The status line (a live region: read out after each search). */
export function statusText(s: SearchStatus): string {
  switch (s.state) {
    case 'idle':
      return '';
    case 'searching':
      return `正在搜索${quoted(s.terms)}…`;
    case 'failed':
      return '搜索索引加载失败，请稍后重试。';
    case 'found': {
      const within = s.filters ? `（筛选：${s.filters}）` : '';
      if (s.count === 0) return `未找到包含${quoted(s.terms)}的结果${within}。`;
      const n = s.count.toLocaleString('zh-CN');
      const what = s.namesOnly ? `找到 ${n} 个名称含${quoted(s.terms)}的机构，列出机构及其年报` : `在 ${n} 个机构的年报中找到${quoted(s.terms)}`;
      const shown = s.more ? `，已显示 ${s.shown} 条` : '';
      return `${what}${within}${shown}。`;
    }
  }
}

/** What to suggest when nothing is found. */
export function noResultHints(terms: readonly string[], filters: string): string[] {
  const hints = ['检查用字是否有误，或换一个说法（如“依申请公开”“行政复议”）。'];
  if (terms.some((t) => [...t].length > 4)) hints.push('换用更短的词，或用空格把长词分开。');
  if (terms.length > 1) hints.push('减少关键词：结果须同时包含每个词。');
  if (filters) hints.push(`去掉筛选条件（${filters}）。`);
  return hints;
}

/** An option of a filter with its count for the current query: `2023 年度（12）`. */
export function filterOptionLabel(key: FilterKey, value: string, count: number | undefined): string {
  const name = key === 'year' && /^\d+$/.test(value) ? `${value} 年度` : value;
  return count === undefined ? name : `${name}（${count.toLocaleString('zh-CN')}）`;
}
