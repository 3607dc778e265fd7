/**
 * Browser side of /search/: a small results list on Pagefind's own API (pagefind.js), instead of the Pagefind
 * Component UI. At tens of thousands of reports the Component UI downloads its 40 KB bundle and every filter
 * chunk up front (the 机构 filter alone lists every agency) and renders one placeholder per result — 10,000 for a
 * common word, which keeps the page busy for a minute. Here a search downloads only what it needs: pagefind.js,
 * its wasm, the index chunks for the words, and one fragment per shown result, five at a time ("显示更多").
 *
 * The index is split into shards of at most SHARD_PAGES report pages, a year or part of one each (src/lib/search.ts
 * planShards; scripts/search-index.ts). The first shard a search needs (the newest year's first, or the chosen
 * year's) is the primary instance; other shards are merged into it (mergeIndex: one wasm, their own page lists and
 * chunks) only when a search reaches them. Each carries a 分片 filter of its own id (mergeFilter: kept in the
 * browser, nothing downloaded) so a search reads exactly the shards of its stage. src/lib/search.ts searchStages
 * decides: shard by shard, newest year first; the chosen year's shards; or the agency's shards at once. The 机构 list
 * (with each agency's shards) is loaded only when that filter is first used.
 *
 * Result text comes from report narratives (untrusted): everything is inserted as text, except Pagefind's <mark>
 * highlighting, which is rebuilt as elements.
 */
import { containsEveryTerm, decodeShards, searchStages, type SearchShard, type SearchStage } from '../lib/search.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  /** The page's indexed text (words separated by zero-width spaces). */
  content: string;
  meta: Record<string, string | undefined>;
}
interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}
interface PagefindSearch {
  results: PagefindResult[];
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  search(term: string, o?: { filters?: SearchStage['filters'] }): Promise<PagefindSearch | null>;
  mergeIndex(path: string, o?: Record<string, unknown>): Promise<void>;
}

/** Results per page, as Pagefind's own UI shows them: each one costs its fragment (~3 KB, the page's indexed text). */
const PAGE_SIZE = 5;
/** Results in a row that lack a word before the rest of that year's results are taken for Pagefind's part-word matches. */
const MISS_LIMIT = 10;
/** Results of a stage over several shards (an agency's years) read at once to list them newest year first. */
const SORT_LIMIT = 30;
/** Shards one page (the first search, or one 显示更多) may search before it stops and offers to go on. */
const SHARDS_PER_PAGE = 2;

/**
 * Text nodes and <mark> elements for a Pagefind excerpt: the indexed text with < and > escaped (Pagefind escapes
 * nothing else) and <mark> around the matched words. Never parsed as HTML.
 */
function excerptNodes(excerpt: string): Node[] {
  const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  const nodes: Node[] = [];
  for (const part of excerpt.split(/(<mark>[\s\S]*?<\/mark>)/)) {
    if (!part) continue;
    const m = /^<mark>([\s\S]*)<\/mark>$/.exec(part);
    if (m) {
      const mark = document.createElement('mark');
      mark.textContent = unescape(m[1] ?? '');
      nodes.push(mark);
    } else {
      nodes.push(document.createTextNode(unescape(part)));
    }
  }
  return nodes;
}

export function startSearch(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('form.search-page-form');
  const input = root.querySelector<HTMLInputElement>('#search-q');
  const yearSelect = root.querySelector<HTMLSelectElement>('#search-year');
  const agencySelect = root.querySelector<HTMLSelectElement>('#search-agency');
  const summary = root.querySelector<HTMLElement>('#search-summary');
  const list = root.querySelector<HTMLOListElement>('#search-results');
  const more = root.querySelector<HTMLButtonElement>('#search-more');
  if (!form || !input || !yearSelect || !agencySelect || !summary || !list || !more) return;
  const shards = decodeShards(root.dataset['shards'] ?? '');
  const shardById = new Map(shards.map((s) => [s.id, s]));
  const bundleRoot = root.dataset['bundleRoot'] ?? '/pagefind/';
  const agenciesUrl = root.dataset['agencies'] ?? '/search-agencies.json';
  const base = root.dataset['base'] ?? '/';
  const bundlePath = (shard: string): string => `${bundleRoot}${shard}/`;
  const yearLabel = (year: string): string => (year === '0' ? '年份不详' : `${year} 年度`);
  /** Report pages per year, to tell how much of a year the search has read. */
  const yearPages = new Map<string, number>();
  for (const s of shards) yearPages.set(s.year, (yearPages.get(s.year) ?? 0) + s.pages);
  const pagefindOptions = { baseUrl: base, excerptLength: 40 };

  let pagefind: Promise<Pagefind> | null = null;
  /** Shards loaded or being merged (a search typed while another runs waits for the same merge). */
  const loaded = new Map<string, Promise<void>>();
  /**
   * The Pagefind instance with every shard in `needed` loaded. pagefind.js is the same in every shard; the first
   * shard a search needs becomes the primary instance (its wasm, page list and chunks), so a first search reads one
   * shard; later ones are merged in. Each gets the 分片 filter of its id.
   */
  const load = async (needed: readonly string[]): Promise<Pagefind> => {
    pagefind ??= (async () => {
      const primary = needed[0] ?? (shards[0]?.id as string);
      const pf = (await import(/* @vite-ignore */ `${bundlePath(primary)}pagefind.js`)) as Pagefind;
      await pf.options({ ...pagefindOptions, bundlePath: bundlePath(primary) });
      await pf.options({ mergeFilter: { 分片: primary } });
      loaded.set(primary, Promise.resolve());
      return pf;
    })();
    const pf = await pagefind;
    for (const id of needed) {
      if (!loaded.has(id)) loaded.set(id, pf.mergeIndex(bundlePath(id), { ...pagefindOptions, mergeFilter: { 分片: id } }));
      await loaded.get(id);
    }
    return pf;
  };

  const addOptions = (names: readonly string[]): void => {
    const chosen = agencySelect.value;
    for (const name of names) {
      if (name === chosen) continue;
      const option = document.createElement('option');
      option.value = name;
      option.textContent = name;
      agencySelect.append(option);
    }
  };

  /** Each agency's shards, by display name (/search-agencies.json), once loaded. */
  let agencies: Promise<Map<string, string[]>> | null = null;
  const loadAgencies = (): Promise<Map<string, string[]>> => {
    agencies ??= (async () => {
      const list = (await (await fetch(agenciesUrl)).json()) as Array<[string, string[]]>;
      addOptions(list.map(([name]) => name));
      return new Map(list);
    })();
    return agencies;
  };

  /** The query being shown: its stages still to run, results found but not shown yet, how many found (less those
   * dropped as not containing every word), shards searched so far. */
  let term = '';
  let stages: SearchStage[] = [];
  let pending: PagefindResult[] = [];
  let found = 0;
  let searched: string[] = [];
  let run = 0;

  /** The years searched so far, a year read only in part with how much of it: 2025 年度（1,368 份中的 456 份）. */
  const searchedYears = (): string => {
    const pages = new Map<string, number>();
    for (const id of searched) {
      const s = shardById.get(id) as SearchShard;
      pages.set(s.year, (pages.get(s.year) ?? 0) + s.pages);
    }
    return [...pages]
      .map(([year, n]) => {
        const total = yearPages.get(year) ?? n;
        return n < total ? `${yearLabel(year)}（${total.toLocaleString('zh-CN')} 份中的 ${n.toLocaleString('zh-CN')} 份）` : yearLabel(year);
      })
      .join('、');
  };
  const describe = (): string => {
    const years = searchedYears();
    if (found === 0) return stages.length > 0 ? `已查找的${years}未找到包含“${term}”的报告；点“显示更多”继续查找` : `未找到包含“${term}”的报告`;
    const where = stages.length > 0 ? `（已查找 ${years}；点“显示更多”继续查找其余报告）` : '';
    return `找到 ${found} 份包含“${term}”的报告${where}`;
  };
  /** What the next 显示更多 searches when the current results are used up: the next shard's year, or the rest of it. */
  const nextLabel = (): string => {
    const next = shardById.get(stages[0]?.shards[0] ?? '');
    if (!next) return '';
    return searched.some((id) => shardById.get(id)?.year === next.year) ? `${yearLabel(next.year)}其余报告` : yearLabel(next.year);
  };

  /** Runs the next stage (a shard, newest year first, or an agency's shards at once): its results wait in `pending`. */
  const runStage = async (current: number): Promise<boolean> => {
    const stage = stages.shift() as SearchStage;
    const pf = await load(stage.shards);
    const result = await pf.search(term, { filters: { ...stage.filters } });
    if (current !== run) return false;
    pending = [...(result?.results ?? [])];
    if (stage.shards.length > 1 && pending.length <= SORT_LIMIT) {
      // An agency's reports, a few years at once: listed newest year first, not by score.
      const data = await Promise.all(pending.map((r) => r.data()));
      if (current !== run) return false;
      const year = (d: PagefindResultData): number => Number(d.meta['year']) || 0;
      pending = data.sort((a, b) => year(b) - year(a)).map((d) => ({ id: d.url, data: () => Promise.resolve(d) }));
    }
    found += pending.length;
    searched.push(...stage.shards);
    return true;
  };

  /**
   * The next page of results (up to five, from one shard) that really contain every word (containsEveryTerm). A
   * shard whose index lacks one of the words answers with pages holding part of it; after MISS_LIMIT such misses in
   * a row the rest of that shard's results are dropped unread rather than loading every fragment. One page searches
   * at most SHARDS_PER_PAGE more shards, so a word found nowhere does not pull in every index at once.
   */
  const nextPage = async (current: number): Promise<PagefindResultData[] | null> => {
    const page: PagefindResultData[] = [];
    let misses = 0;
    let searchedNow = 0;
    while (page.length < PAGE_SIZE) {
      if (pending.length === 0) {
        // A page holds one shard's results: the next shard is searched only for an empty page (or on 显示更多).
        if (page.length > 0 || stages.length === 0 || searchedNow >= SHARDS_PER_PAGE) break;
        if (!(await runStage(current))) return null;
        searchedNow++;
        misses = 0;
        continue;
      }
      const batch = pending.splice(0, PAGE_SIZE - page.length);
      const data = await Promise.all(batch.map((r) => r.data()));
      if (current !== run) return null;
      for (const d of data) {
        if (containsEveryTerm([d.content, d.meta['title'], d.meta['keywords']], term)) {
          page.push(d);
          misses = 0;
        } else {
          found--;
          misses++;
        }
      }
      if (misses >= MISS_LIMIT) {
        found -= pending.length;
        pending = [];
      }
    }
    return page;
  };

  const showMore = async (): Promise<void> => {
    const current = run;
    more.hidden = true;
    list.setAttribute('aria-busy', 'true');
    let data: PagefindResultData[] | null;
    try {
      data = await nextPage(current);
    } catch (e) {
      console.error('search index failed to load', e);
      if (current !== run) return;
      summary.textContent = '搜索索引加载失败，请稍后重试。';
      list.setAttribute('aria-busy', 'false');
      return;
    }
    if (data === null) return;
    for (const d of data) {
      const li = document.createElement('li');
      li.className = 'search-result';
      const title = document.createElement('a');
      title.className = 'result-link';
      title.href = d.url;
      title.textContent = d.meta['title'] ?? d.url;
      const heading = document.createElement('h2');
      heading.append(title);
      const meta = document.createElement('p');
      meta.className = 'note';
      meta.textContent = [d.meta['agency'], d.meta['year'] ? `${d.meta['year']} 年度` : null].filter(Boolean).join(' · ');
      const excerpt = document.createElement('p');
      excerpt.append(...excerptNodes(d.excerpt));
      li.append(heading, meta, excerpt);
      list.append(li);
    }
    summary.textContent = describe();
    summary.dataset['found'] = String(found);
    more.textContent = pending.length > 0 || stages.length === 0 ? '显示更多结果' : `显示更多（查找 ${nextLabel()}）`;
    more.hidden = pending.length === 0 && stages.length === 0;
    list.setAttribute('aria-busy', 'false');
  };

  const search = async (): Promise<void> => {
    term = input.value.trim();
    const current = ++run;
    const url = new URL(window.location.href);
    for (const [key, value] of [
      ['q', term],
      ['year', yearSelect.value],
      ['agency', agencySelect.value],
    ] as const) {
      if (value) url.searchParams.set(key, value);
      else url.searchParams.delete(key);
    }
    window.history.replaceState(null, '', url);
    list.replaceChildren();
    more.hidden = true;
    pending = [];
    found = 0;
    searched = [];
    delete summary.dataset['found'];
    if (!term) {
      stages = [];
      summary.textContent = '';
      return;
    }
    summary.textContent = `正在搜索“${term}”…`;
    const agency = agencySelect.value;
    let agencyShards: string[] | undefined;
    if (agency) {
      try {
        agencyShards = (await loadAgencies()).get(agency);
      } catch (e) {
        // Without the list every shard is searched for the agency: slower, still right.
        console.error('agency list failed to load', e);
      }
      if (current !== run) return;
    }
    stages = searchStages(shards, { year: yearSelect.value, agency, ...(agencyShards ? { agencyShards } : {}) });
    await showMore();
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void search(), 300);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    void search();
  });
  yearSelect.addEventListener('change', () => void search());
  agencySelect.addEventListener('change', () => void search());
  agencySelect.addEventListener('focus', () => void loadAgencies().catch(() => undefined), { once: true });
  agencySelect.addEventListener('pointerdown', () => void loadAgencies().catch(() => undefined), { once: true });
  more.addEventListener('click', () => void showMore());

  const params = new URLSearchParams(window.location.search);
  input.value = params.get('q') ?? '';
  const year = params.get('year');
  if (year && [...yearSelect.options].some((o) => o.value === year)) yearSelect.value = year;
  const agency = params.get('agency');
  if (agency) {
    const option = document.createElement('option');
    option.value = agency;
    option.textContent = agency;
    agencySelect.append(option);
    agencySelect.value = agency;
  }
  if (input.value.trim()) void search();
}
