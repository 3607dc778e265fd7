/**
 * Browser side of /search/: a small results list on Pagefind's own API (pagefind.js), instead of the Pagefind
 * Component UI. At tens of thousands of reports the Component UI downloads its 40 KB bundle and every filter
 * chunk up front (the 机构 filter alone lists every agency) and renders one placeholder per result — 10,000 for a
 * common word, which keeps the page busy for a minute. Here a search downloads only what it needs: pagefind.js,
 * its wasm, the index chunks for the words, and one fragment per shown result, ten at a time ("显示更多"). The
 * 机构 list is loaded only when that filter is first used.
 *
 * Result text comes from report narratives (untrusted): everything is inserted as text, except Pagefind's <mark>
 * highlighting, which is rebuilt as elements.
 */

interface PagefindResultData {
  url: string;
  excerpt: string;
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
  search(term: string, o?: { filters?: Record<string, string> }): Promise<PagefindSearch | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

const PAGE_SIZE = 10;

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
  const bundle = root.dataset['bundle'] ?? '/pagefind/';
  const base = root.dataset['base'] ?? '/';

  let pagefind: Promise<Pagefind> | null = null;
  const load = (): Promise<Pagefind> => {
    pagefind ??= (import(/* @vite-ignore */ `${bundle}pagefind.js`) as Promise<Pagefind>).then(async (pf) => {
      await pf.options({ baseUrl: base, bundlePath: bundle, excerptLength: 40 });
      return pf;
    });
    return pagefind;
  };

  let agenciesLoaded = false;
  const loadAgencies = async (): Promise<void> => {
    if (agenciesLoaded) return;
    agenciesLoaded = true;
    const names = Object.keys((await (await load()).filters())['机构'] ?? {}).sort((a, b) => a.localeCompare(b, 'zh-CN'));
    const chosen = agencySelect.value;
    for (const name of names) {
      if (name === chosen) continue;
      const option = document.createElement('option');
      option.value = name;
      option.textContent = name;
      agencySelect.append(option);
    }
  };

  let results: PagefindResult[] = [];
  let shown = 0;
  let run = 0;

  const showMore = async (): Promise<void> => {
    const current = run;
    const slice = results.slice(shown, shown + PAGE_SIZE);
    shown += slice.length;
    more.hidden = true;
    const data = await Promise.all(slice.map((r) => r.data()));
    if (current !== run) return;
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
    more.hidden = shown >= results.length;
  };

  const search = async (): Promise<void> => {
    const term = input.value.trim();
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
    results = [];
    shown = 0;
    if (!term) {
      summary.textContent = '';
      return;
    }
    summary.textContent = `正在搜索“${term}”…`;
    list.setAttribute('aria-busy', 'true');
    const filters: Record<string, string> = {};
    if (yearSelect.value) filters['年份'] = yearSelect.value;
    if (agencySelect.value) filters['机构'] = agencySelect.value;
    const found = await (await load()).search(term, { filters });
    if (current !== run || !found) return;
    results = found.results;
    summary.textContent = results.length === 0 ? `未找到包含“${term}”的报告` : `找到 ${results.length} 份包含“${term}”的报告`;
    await showMore();
    list.setAttribute('aria-busy', 'false');
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
  agencySelect.addEventListener('focus', () => void loadAgencies(), { once: true });
  agencySelect.addEventListener('pointerdown', () => void loadAgencies(), { once: true });
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
