/**
 * Browser side of /search/: wires Pagefind's API to the page; the logic is in src/lib/search.ts and
 * src/lib/search-tokens.ts (pure, unit-tested).
 *
 * The index parts listed in /pagefind/bundles.json (scripts/search-index.ts) are merged into one Pagefind instance
 * (mergeIndex: one wasm, each part's own page list and chunks), so every query ranks every agency of every year as
 * one list. A Pagefind result is an agency (its page and all its reports) or a report of no identified agency.
 * A query of one long Han term (3+ characters) first looks for agencies named so (the `fullnames` field: one
 * lookup): if there are, they and their reports are shown first, and 显示更多 goes on to the full-text search;
 * otherwise the full-text search runs at once. Five rows at a time: a found agency's card (result.data()) is
 * shown when it holds every term (and no year is chosen), then its reports, newest first (within the chosen year),
 * each fetched as its own card file only when it is due and shown when its text holds every term; an agency none
 * of whose rows holds the query is not counted. Filter counts need every filter's chunk, so they are loaded when
 * the reader first reaches the filters, not before.
 *
 * Pagefind's own Component UI is not used: it renders Pagefind's excerpts (which mark 行政 for 行政许可) and would
 * re-segment our index words; what is hand-written here is the DOM and the state.
 *
 * Result text comes from report narratives (untrusted): it is only ever inserted as text nodes.
 */
import { FILTERS, PAGE_SIZE, RANKING, chosenFilters, containsEveryTerm, excerpt, filterOptionLabel, noResultHints, quoted, statusText, type Card, type FilterKey, type ReportRef, type SearchStatus, yearValue } from '../lib/search.ts';
import { nameQuery, queryTerms, textQuery } from '../lib/search-tokens.ts';

interface Shown {
  url: string;
  card: Card;
}
interface PagefindResult {
  id: string;
  score: number;
  matchedMetaFields?: string[];
  data(): Promise<Shown>;
}
/** An agency (or a report of no identified agency) Pagefind found: its rows so far, and its reports not looked at. */
interface Group {
  readonly id: string;
  rows: number;
  pending: number;
}
/** What is shown next: a result Pagefind ranked, or one of a found agency's reports (its card fetched when due). */
type Item = { readonly hit: PagefindResult; loaded?: Promise<Shown> } | { readonly ref: ReportRef; readonly group: Group; loaded?: Promise<Shown> };
type Counts = Record<string, Record<string, number>>;
interface PagefindResponse {
  results: PagefindResult[];
  filters: Counts;
}
interface Pagefind {
  mergeIndex(path: string, options: Record<string, unknown>): Promise<void>;
  search(term: string | null, options: { filters: Record<string, string> }): Promise<PagefindResponse | null>;
  filters(): Promise<Counts>;
}
interface PagefindModule {
  createInstance(options: Record<string, unknown>): Pagefind;
}

const FILTER_KEYS = Object.keys(FILTERS) as FilterKey[];

/** A report card file's text: gzipped JSON (scripts/search-index.ts), or JSON already inflated by a host that sent it as gzip content. */
async function cardText(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return new TextDecoder().decode(bytes);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}
/** A filter chosen by keyboard is applied once the reader stops moving through the options for this long. */
const FILTER_DELAY_MS = 700;

export function startSearch(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('form.search-page-form');
  const input = root.querySelector<HTMLInputElement>('#search-q');
  const fieldset = root.querySelector<HTMLFieldSetElement>('.search-filters');
  const summary = root.querySelector<HTMLElement>('#search-summary');
  const hints = root.querySelector<HTMLElement>('#search-hints');
  const hintList = hints?.querySelector<HTMLUListElement>('ul');
  const clear = root.querySelector<HTMLButtonElement>('#search-clear');
  const list = root.querySelector<HTMLOListElement>('#search-results');
  const more = root.querySelector<HTMLButtonElement>('#search-more');
  if (!form || !input || !fieldset || !summary || !hints || !hintList || !clear || !list || !more) return;
  const selects = new Map<FilterKey, HTMLSelectElement>();
  for (const key of FILTER_KEYS) {
    const select = fieldset.querySelector<HTMLSelectElement>(`select[data-filter="${key}"]`);
    if (select) selects.set(key, select);
  }
  const bundleRoot = root.dataset['bundles'] ?? '/pagefind/';
  const base = root.dataset['base'] ?? '/';

  let engine: Promise<Pagefind> | null = null;
  /** Pagefind with every index part merged (parts listed in bundles.json, written by scripts/search-index.ts). */
  const loadEngine = (): Promise<Pagefind> => {
    engine ??= (async () => {
      const response = await fetch(`${bundleRoot}bundles.json`);
      if (!response.ok) throw new Error(`bundles.json: HTTP ${response.status}`);
      const { parts } = (await response.json()) as { parts: string[] };
      const first = parts[0];
      if (first === undefined) throw new Error('the search index has no parts');
      const module = (await import(/* @vite-ignore */ `${bundleRoot}${first}/pagefind.js`)) as PagefindModule;
      const pf = module.createInstance({ basePath: `${bundleRoot}${first}/`, baseUrl: base, noWorker: true, ranking: RANKING });
      await Promise.all(parts.slice(1).map((id) => pf.mergeIndex(`${bundleRoot}${id}/`, { baseUrl: base, ranking: RANKING })));
      return pf;
    })();
    engine.catch(() => (engine = null));
    return engine;
  };

  const chosen = (): Partial<Record<FilterKey, string>> => {
    const out: Partial<Record<FilterKey, string>> = {};
    for (const [key, select] of selects) if (select.value) out[key] = select.value;
    return out;
  };
  const pagefindFilters = (c: Partial<Record<FilterKey, string>>): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const key of FILTER_KEYS) if (c[key]) out[FILTERS[key]] = c[key] as string;
    return out;
  };

  /** The query being shown. */
  let run = 0;
  let terms: string[] = [];
  let filters: Partial<Record<FilterKey, string>> = {};
  /** Ranked results and found agencies' reports not looked at yet. */
  let queue: Item[] = [];
  /** Pagefind results (agencies, reports of no identified agency) whose card has been looked at. */
  const seenGroups = new Set<string>();
  /** True while the full-text search has yet to run (only the name search has). */
  let textPending = false;
  let namesOnly = false;
  let count = 0;
  const shownUrls = new Set<string>();
  let countsLoaded = false;

  const setStatus = (status: SearchStatus): void => {
    summary.textContent = statusText(status);
    if (status.state === 'found') summary.dataset['found'] = String(status.count);
    else delete summary.dataset['found'];
  };
  const found = (): SearchStatus => ({ state: 'found', terms, count, namesOnly, shown: shownUrls.size, more: queue.length > 0 || textPending, filters: chosenFilters(filters) });

  /** A card: a Pagefind result's (its fragment) or a report's card file, fetched once. */
  const load = (item: Item): Promise<Shown> => {
    item.loaded ??=
      'hit' in item
        ? item.hit.data()
        : fetch(`${bundleRoot}${item.ref.card}`).then(async (r) => {
            if (!r.ok) throw new Error(`${item.ref.card}: HTTP ${r.status}`);
            return JSON.parse(await cardText(new Uint8Array(await r.arrayBuffer()))) as Shown;
          });
    return item.loaded;
  };
  /** A group none of whose rows holds the query (its index words had the query's pairs only apart) is not counted. */
  const settle = (group: Group): void => {
    if (group.pending === 0 && group.rows === 0) count--;
  };

  const showHints = (): void => {
    const lines = noResultHints(terms, chosenFilters(filters));
    hintList.replaceChildren(
      ...lines.map((line) => {
        const li = document.createElement('li');
        li.textContent = line;
        return li;
      }),
    );
    clear.hidden = Object.keys(filters).length === 0;
    hints.hidden = false;
  };

  /** Option labels with their counts for the current query (once the filter chunks are loaded). */
  const showCounts = (counts: Counts): void => {
    for (const [key, select] of selects) {
      const values = counts[FILTERS[key]] ?? {};
      if (key === 'agency') {
        // Every agency with a result (an agency is one result, so no count), by name; the chosen one stays.
        const current = select.value;
        const names = Object.keys(values).filter((n) => (values[n] ?? 0) > 0 || n === current);
        names.sort((a, b) => a.localeCompare(b, 'zh-CN'));
        const first = select.options[0] as HTMLOptionElement;
        select.replaceChildren(
          first,
          ...names.map((n) => {
            const o = document.createElement('option');
            o.value = n;
            o.textContent = filterOptionLabel(key, n, undefined);
            return o;
          }),
        );
        select.value = current;
        continue;
      }
      for (const option of select.options) if (option.value) option.textContent = filterOptionLabel(key, option.value, values[option.value] ?? 0);
    }
  };

  /** Each filter's counts for the current query with the other filters as chosen (so a chosen year still shows the other years' counts). */
  const loadCounts = async (): Promise<void> => {
    const current = run;
    const pf = await loadEngine();
    if (!countsLoaded) {
      await pf.filters();
      countsLoaded = true;
    }
    const query = terms.length > 0 ? textQuery(terms) : null;
    const counts: Counts = {};
    for (const key of FILTER_KEYS) {
      const others = { ...filters };
      delete others[key];
      const result = await pf.search(query, { filters: pagefindFilters(others) });
      if (current !== run) return;
      counts[FILTERS[key]] = result?.filters[FILTERS[key]] ?? {};
    }
    showCounts(counts);
  };

  const startText = async (pf: Pagefind, current: number): Promise<boolean> => {
    const result = await pf.search(textQuery(terms), { filters: pagefindFilters(filters) });
    if (current !== run) return false;
    const fresh = (result?.results ?? []).filter((r) => !seenGroups.has(r.id));
    queue.push(...fresh.map((hit) => ({ hit })));
    textPending = false;
    namesOnly = false;
    // An agency named so has the term in its indexed names too: the full-text results include the name results.
    count += fresh.length;
    return true;
  };

  const render = (url: string, card: Card): HTMLLIElement => {
    const ex = excerpt(card, terms);
    const li = document.createElement('li');
    li.className = 'search-result';
    const heading = document.createElement('h2');
    const link = document.createElement('a');
    link.className = 'result-link';
    link.href = ex.section ? `${url}#${ex.section.id}` : url;
    link.textContent = card.title;
    heading.append(link);
    const meta = document.createElement('p');
    meta.className = 'note';
    meta.textContent = card.kind === 'agency' ? `机构 · ${card.place}` : [card.agency, card.year, ex.section?.heading].filter(Boolean).join(' · ');
    const text = document.createElement('p');
    text.className = 'search-excerpt';
    for (const part of ex.parts) {
      if (part.mark) {
        const mark = document.createElement('mark');
        mark.textContent = part.text;
        text.append(mark);
      } else text.append(document.createTextNode(part.text));
    }
    li.append(heading, meta, text);
    return li;
  };

  /**
   * The next results (up to PAGE_SIZE whose text holds every term). `asked`: the reader pressed 显示更多 (focus then
   * moves to the first new result, and the full-text search may start).
   */
  const showMore = async (current: number, asked: boolean): Promise<void> => {
    more.hidden = true;
    list.setAttribute('aria-busy', 'true');
    try {
      const pf = await loadEngine();
      const added: HTMLLIElement[] = [];
      while (added.length < PAGE_SIZE) {
        if (queue.length === 0) {
          // The name search's results are used up. The full-text search runs for a page with nothing on it yet, when
          // the reader asked for more or when no name result could be shown at all.
          const goOn = textPending && added.length === 0 && (asked || shownUrls.size === 0);
          if (!goOn) break;
          if (!(await startText(pf, current))) return;
          if (queue.length === 0) break;
        }
        // The next few cards download together; they are looked at in order.
        for (const item of queue.slice(0, PAGE_SIZE - added.length)) void load(item).catch(() => undefined);
        const item = queue.shift() as Item;
        let d: Shown;
        try {
          d = await load(item);
        } catch (e) {
          // A report's card that cannot be fetched (a host that lost a file) leaves that report out, not the search.
          if (!('ref' in item)) throw e;
          console.error('search: a report card failed to load', e);
          item.group.pending--;
          settle(item.group);
          continue;
        }
        if (current !== run) return;
        const show = (): void => {
          if (shownUrls.has(d.url)) return;
          shownUrls.add(d.url);
          const li = render(d.url, d.card);
          list.append(li);
          added.push(li);
        };
        if ('ref' in item) {
          item.group.pending--;
          if (containsEveryTerm(d.card, terms)) {
            item.group.rows++;
            show();
          }
          settle(item.group);
          continue;
        }
        if (seenGroups.has(item.hit.id)) continue;
        seenGroups.add(item.hit.id);
        const group: Group = { id: item.hit.id, rows: 0, pending: 0 };
        // An agency's own page is shown when its card holds the query (its names, its place) and no year is chosen.
        if (!(d.card.kind === 'agency' && filters.year) && containsEveryTerm(d.card, terms)) {
          group.rows++;
          show();
        }
        const refs = (d.card.reports ?? []).filter((r) => !filters.year || yearValue(r.year) === filters.year);
        group.pending = refs.length;
        queue.unshift(...refs.map((ref) => ({ ref, group })));
        settle(group);
      }
      if (current !== run) return;
      setStatus(found());
      if (count === 0) showHints();
      const label = queue.length > 0 ? '显示更多结果' : `显示更多：正文提到${quoted(terms)}的年报`;
      more.textContent = label;
      more.hidden = queue.length === 0 && !textPending;
      if (asked) added[0]?.querySelector<HTMLAnchorElement>('a.result-link')?.focus();
    } catch (e) {
      console.error('search failed', e);
      if (current === run) setStatus({ state: 'failed' });
    } finally {
      if (current === run) list.setAttribute('aria-busy', 'false');
    }
  };

  const search = async (): Promise<void> => {
    const current = ++run;
    terms = queryTerms(input.value);
    filters = chosen();
    const url = new URL(window.location.href);
    url.searchParams.delete('q');
    if (input.value.trim()) url.searchParams.set('q', input.value.trim());
    for (const key of FILTER_KEYS) {
      if (filters[key]) url.searchParams.set(key, filters[key] as string);
      else url.searchParams.delete(key);
    }
    window.history.replaceState(null, '', url);
    list.replaceChildren();
    hints.hidden = true;
    more.hidden = true;
    queue = [];
    shownUrls.clear();
    seenGroups.clear();
    count = 0;
    textPending = false;
    namesOnly = false;
    if (terms.length === 0) {
      setStatus({ state: 'idle' });
      return;
    }
    setStatus({ state: 'searching', terms });
    list.setAttribute('aria-busy', 'true');
    try {
      const pf = await loadEngine();
      const names = terms.length === 1 ? nameQuery(terms) : null;
      if (names) {
        const result = await pf.search(names, { filters: pagefindFilters(filters) });
        if (current !== run) return;
        queue = (result?.results ?? []).filter((r) => r.matchedMetaFields?.includes('fullnames')).map((hit) => ({ hit }));
      }
      if (queue.length > 0) {
        namesOnly = true;
        textPending = true;
        count = queue.length;
      } else if (!(await startText(pf, current))) return;
    } catch (e) {
      console.error('search index failed to load', e);
      if (current === run) {
        setStatus({ state: 'failed' });
        list.setAttribute('aria-busy', 'false');
      }
      return;
    }
    await showMore(current, false);
    if (current === run && countsLoaded) void loadCounts().catch((e: unknown) => console.error('filter counts failed', e));
  };

  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => void search(), 400);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(typing);
    clearTimeout(filtering);
    void search();
  });

  // Filters apply on change; a change made by the arrow keys waits until the reader stops (or leaves the list).
  let filtering: ReturnType<typeof setTimeout> | undefined;
  let filterPending = false;
  const applyFilters = (): void => {
    clearTimeout(filtering);
    if (!filterPending) return;
    filterPending = false;
    void search();
  };
  for (const select of selects.values()) {
    select.addEventListener('change', () => {
      filterPending = true;
      clearTimeout(filtering);
      filtering = setTimeout(applyFilters, FILTER_DELAY_MS);
    });
    select.addEventListener('blur', applyFilters);
    select.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        applyFilters();
      }
    });
  }
  const wantCounts = (): void => {
    if (!countsLoaded) void loadCounts().catch((e: unknown) => console.error('filter counts failed', e));
  };
  fieldset.addEventListener('focusin', wantCounts, { once: true });
  fieldset.addEventListener('pointerdown', wantCounts, { once: true });

  clear.addEventListener('click', () => {
    for (const select of selects.values()) select.value = '';
    void search();
    input.focus();
  });
  more.addEventListener('click', () => void showMore(run, true));

  const params = new URLSearchParams(window.location.search);
  input.value = params.get('q') ?? '';
  for (const [key, select] of selects) {
    const value = params.get(key);
    if (!value) continue;
    if (![...select.options].some((o) => o.value === value)) {
      const option = document.createElement('option');
      option.value = value;
      option.textContent = filterOptionLabel(key, value, undefined);
      select.append(option);
    }
    select.value = value;
  }
  if (queryTerms(input.value).length > 0) void search();
}
