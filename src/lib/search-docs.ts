/**
 * What the search index holds, made from the data (never from built pages): one search document per identified
 * agency (its page and all its reports: agencyDoc) and one per report of no identified agency (reportDoc). A
 * document is two things (scripts/search-index.ts):
 *
 * - the page Pagefind indexes (indexPage): the words of src/lib/search-tokens.ts, each at most TOKEN_CAP times
 *   (once), the most frequent words of the whole site first, the agency's names at a higher weight, the whole names
 *   in a `fullnames` field (the name search), and the filters;
 * - its card: what a result shows (an agency: its names, place and reports; a report: title, agency, year, and the
 *   text by section with each section's anchor on the page), stored where Pagefind keeps the page's fragment (a
 *   report of an agency: in its own file, reportCardPath), so showing a result costs one download.
 *
 * Pure: records, source lines and agency facts in, documents out. Report text is untrusted: it only ever becomes
 * escaped HTML text or JSON strings here.
 */
import type { ReportRecord, TableId } from '../schema/record.ts';
import type { AgencyKind } from './agency-kind.ts';
import { formatNumber } from './format.ts';
import { capNarrative, narrative } from './narrative.ts';
import { agencyPath, reportPath } from './paths.ts';
import { UNGROUPED, UNKNOWN_AGENCY } from './portal.ts';
import { FILTERS, NO_VALUE, yearValue, type Card, type CardSection, type FilterKey } from './search.ts';
import { spell, textTokens, wholeWord } from './search-tokens.ts';
import { TABLE_NUMBERS, TEMPLATE_SPECS, type LabelledId } from './template.ts';

/**
 * Times one word is counted per indexed page at most. An agency's page holds the words of all its reports, where
 * nearly every word of the reports would reach any higher cap; each count is a location Pagefind stores, and a first
 * search downloads every part's chunk list, which grows with the locations (100,000 reports: 3 a word gave 380 KB of
 * metadata). So a word counts once: a page is found by which words it holds, ranked by names, page length and how
 * rare the words are.
 */
export const TOKEN_CAP = 1;
/** Ranking weight of the agency's names on its pages (Pagefind's data-pagefind-weight, 0–10). */
export const NAME_WEIGHT = 5;

export interface SearchDoc {
  /** Site path of the page (without the base path). */
  readonly url: string;
  readonly card: Card;
  /** The page's text words (spelt), each with how often it counts (at most TOKEN_CAP), in order of appearance. */
  readonly body: ReadonlyArray<readonly [string, number]>;
  /** The agency's names as index words (spelt), at NAME_WEIGHT. */
  readonly names: readonly string[];
  /** The names whole (spelt): the `fullnames` field. */
  readonly fullnames: readonly string[];
  readonly filters: Partial<Record<FilterKey, readonly string[]>>;
  /** Distinct index words: what Pagefind's memory grows with (~600 bytes each), for planning the index parts. */
  readonly words: number;
}

/** What the search needs to know of an agency. */
export interface SearchAgency {
  readonly slug: string;
  readonly displayName: string;
  readonly region: string | null;
  readonly level: string | null;
  readonly kind: AgencyKind;
  readonly unidentified: boolean;
  /** Other names: aliases from content/agencies.yaml and the names its reports are signed with. */
  readonly otherNames: readonly string[];
  /** Its reports' years, newest first (null: year unknown). */
  readonly years: ReadonlyArray<number | null>;
}

/** Id of the n-th (0-based) narrative part on a report page, the anchor its search results link to. */
export function narrativeAnchor(index: number): string {
  return `part-${index + 1}`;
}

/** Endings of an administrative unit's name, longest first. */
const UNIT_SUFFIXES = ['综合实验区', '特别行政区', '自治区', '自治州', '自治县', '实验区', '新区', '地区', '省', '市', '州', '盟', '区', '县', '旗'];

/**
 * The place a government governs, and its short form: 淮安市洪泽区人民政府 → 洪泽区, 洪泽; 平潭综合实验区 →
 * 平潭综合实验区, 平潭; 沭阳县人民政府 → 沭阳县, 沭阳. The name is cut into units (the shortest runs ending in a
 * unit word: 淮安市 | 洪泽区); the last is the place. Empty when the name does not end in a unit.
 */
export function governedPlace(name: string): string[] {
  const region = wholeWord(name).replace(/(?:人民政府|管理委员会|管委会|政府)$/, '');
  const chars = [...region];
  let start = 0;
  let last: string | null = null;
  for (let end = start + 2; end <= chars.length; end++) {
    const unit = chars.slice(start, end).join('');
    if (UNIT_SUFFIXES.some((s) => unit.endsWith(s) && unit.length > s.length)) {
      last = unit;
      start = end;
      end = start + 1;
    }
  }
  if (last === null || start !== chars.length) return [];
  const suffix = UNIT_SUFFIXES.find((s) => last.endsWith(s) && [...last].length - [...s].length >= 2);
  return suffix ? [last, last.slice(0, -suffix.length)] : [last];
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Each word with how often it counts (at most `cap`), in order of first appearance. */
export function wordCounts(tokens: Iterable<string>, cap: number = TOKEN_CAP): Array<[string, number]> {
  if (cap === 1) return Array.from(new Set(tokens), (t): [string, number] => [t, 1]);
  const counts = new Map<string, number>();
  for (const t of tokens) counts.set(t, Math.min(cap, (counts.get(t) ?? 0) + 1));
  return [...counts];
}

/** The names a page is found by, and the place a government governs. */
function agencyNames(agency: SearchAgency): string[] {
  const names = [agency.displayName, ...agency.otherNames].filter((n) => n && n !== UNKNOWN_AGENCY);
  return [...new Set(names)];
}

function placeLabel(agency: SearchAgency): string {
  return [agency.region ?? UNGROUPED, agency.level].filter(Boolean).join(' · ');
}

/**
 * How many pages hold each word (a document counted once per word): the order indexPage writes words in. `df`:
 * counts so far, added to (a caller that holds one document at a time).
 */
export function documentFrequency(docs: Iterable<Pick<SearchDoc, 'body'>>, df: Map<string, number> = new Map()): Map<string, number> {
  for (const d of docs) for (const [word] of d.body) df.set(word, (df.get(word) ?? 0) + 1);
  return df;
}

/**
 * The page Pagefind indexes (language `und`: no segmentation of its own; the words are ours). Its text words come
 * most frequent first (by `frequency`, the same order on every page), each repeated as often as it counts: a word
 * in every report then sits at nearly the same small position on every page, and Pagefind's index chunks (which
 * store each page's positions of a word, delta-encoded) shrink to a fraction (公开 at 10,000 reports: 28 → 6 KB).
 * The names come last, at NAME_WEIGHT. The card's digest is an anchor id (kept in the fragment, not indexed): a
 * page whose card changes gets a new fragment name, so no cache serves the old card.
 */
export function indexPage(doc: SearchDoc, frequency: ReadonlyMap<string, number>): string {
  const filters = (Object.keys(doc.filters) as FilterKey[])
    .flatMap((k) => (doc.filters[k] ?? []).map((v) => `<span data-pagefind-filter="${FILTERS[k]}">${escapeHtml(v)}</span>`))
    .join('');
  const fullnames = doc.fullnames.length > 0 ? `<span data-pagefind-meta="fullnames:${escapeHtml(doc.fullnames.join(' '))}"></span>` : '';
  const order = (w: string): number => frequency.get(w) ?? 0;
  const sorted = [...doc.body].sort((a, b) => order(b[0]) - order(a[0]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const text = sorted.map(([w, n]) => (n === 1 ? w : Array.from({ length: n }, () => w).join(' '))).join(' ');
  return (
    `<!doctype html><html lang="und"><body><main data-pagefind-body><p>${escapeHtml(text)}</p>` +
    `<p data-pagefind-weight="${NAME_WEIGHT}">${escapeHtml(doc.names.join(' '))}</p>` +
    `<span id="card-${digest(JSON.stringify(doc.card))}"></span></main>${fullnames}${filters}</body></html>`
  );
}

/** A short, stable digest of a string (FNV-1a, hex). */
export function digest(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** A table row's label as read out: its last part, without the numbering (`三、本年度办理结果 / （一）予以公开` → `予以公开`). */
function rowLabel(label: string): string {
  const last = label.split(' / ').pop() ?? label;
  return last.replace(/^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)/, '').trim();
}

/**
 * The statutory tables in words: for each table, the rows that record something (a value other than 0), with the
 * columns that do and their values, e.g. `行政许可：本年处理决定数量 120`. Their labels are indexed (which reports
 * record 行政许可 decisions is found by 行政许可); the numbers are shown, not indexed.
 */
export function tableSections(record: Pick<ReportRecord, 'template' | 'tables'>): CardSection[] {
  const spec = TEMPLATE_SPECS[record.template];
  const tables: Array<{ id: TableId; title: string; rows: Array<{ row: LabelledId; columns: readonly LabelledId[] }> }> = [
    { id: 'proactive', title: spec.proactive.title, rows: spec.proactive.groups.flatMap((g) => g.rows.map((row) => ({ row, columns: g.columns }))) },
    { id: 'requests', title: spec.requests.title, rows: spec.requests.rows.map((row) => ({ row, columns: spec.requests.columns })) },
    { id: 'review', title: spec.review.title, rows: spec.review.rows.map((row) => ({ row, columns: spec.review.columns })) },
  ];
  const out: CardSection[] = [];
  for (const t of tables) {
    const values = record.tables[t.id] as Record<string, Record<string, number | null> | undefined>;
    const lines: string[] = [];
    for (const { row, columns } of t.rows) {
      const cells = columns.flatMap((c) => {
        const v = values[row.id]?.[c.id];
        return typeof v === 'number' && v !== 0 ? [`${c.label} ${formatNumber(v)}`] : [];
      });
      if (cells.length > 0) lines.push(`${rowLabel(row.label)}：${cells.join('，')}`);
    }
    if (lines.length > 0) out.push({ id: `table-${t.id}`, heading: `${TABLE_NUMBERS[t.id]} ${t.title}`, text: lines.join('\n') });
  }
  return out;
}

/** Index words of a table section: its labels only (the numbers are left out). */
function tableWords(section: CardSection): string[] {
  return textTokens(section.text.replace(/-?[\d,.]+/g, ' '));
}

export function reportTitle(printedName: string, year: number | null): string {
  return `${printedName}${year ? ` ${year} 年度` : '（年份不详）'}政府信息公开工作年度报告`;
}

/** The search document of a report page. `sourceLines`: the report's decoded lines (for its narrative). */
export function reportDoc(record: ReportRecord, sourceLines: readonly string[], agency: SearchAgency): SearchDoc {
  const printedName = record.agency.name ?? UNKNOWN_AGENCY;
  const { blocks } = capNarrative(narrative(record, sourceLines));
  const sections: CardSection[] = [
    ...blocks.flatMap((b, i) => (b.paragraphs.length > 0 ? [{ id: narrativeAnchor(i), heading: b.heading, text: b.paragraphs.join('\n') }] : [])),
    ...tableSections(record),
  ];
  const names = [...new Set([...agencyNames(agency), ...(record.agency.name ? [record.agency.name] : [])])];
  const card: Card = {
    kind: 'report',
    title: reportTitle(printedName, record.year),
    agency: agency.displayName,
    year: record.year === null ? null : `${record.year} 年`,
    place: placeLabel(agency),
    names,
    sections,
  };
  const textWords = sections.flatMap((s) => (s.id.startsWith('table-') ? tableWords(s) : textTokens(`${s.heading}\n${s.text}`)));
  const nameWords = nameTokens(agency, names);
  const body = wordCounts([...textWords, ...textTokens(card.title)]);
  return {
    url: reportPath(record.agency.slug, record.year),
    card,
    body,
    names: nameWords,
    fullnames: names.map((n) => spell(wholeWord(n))),
    filters: {
      year: [yearValue(record.year)],
      agency: [agency.displayName],
      region: [agency.region ?? NO_VALUE.region],
      level: [agency.level ?? NO_VALUE.level],
    },
    words: new Set([...nameWords, ...body.map(([w]) => w)]).size,
  };
}

/**
 * Index words of an agency's names: each name whole (an exact name outranks a longer one starting with it: Pagefind
 * favours words close to the query's length), each name's pairs, its region's pairs, and a government's place
 * (平潭综合实验区's pages say 平潭 more often than its departments' do).
 */
function nameTokens(agency: SearchAgency, names: readonly string[]): string[] {
  const places = agency.kind === 'government' ? names.flatMap(governedPlace) : [];
  return [...names.map((n) => spell(wholeWord(n))), ...[...names, ...(agency.region ? [agency.region] : []), ...places].flatMap(textTokens)];
}

/**
 * Path (under /pagefind/) of a report's card file: by its page, with a digest of the card so no cache serves an old
 * one. The file is the card's JSON, gzipped (scripts/search-index.ts), under an extension no host serves as gzip
 * content-encoding (as Pagefind's own .pf_fragment files), so it is stored and sent at a third of its size.
 */
export function reportCardPath(url: string, card: Card): string {
  const page = url.replace(/^\/agencies\//, '').replace(/\/$/, '').replace(/[^a-z0-9/-]+/gi, '.');
  return `cards/${page}.${digest(JSON.stringify(card))}.card`;
}

/** Each word with the sum of its counts over several pages, capped at TOKEN_CAP. */
function mergeCounts(bodies: Iterable<ReadonlyArray<readonly [string, number]>>): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const body of bodies) for (const [w, n] of body) counts.set(w, Math.min(TOKEN_CAP, (counts.get(w) ?? 0) + n));
  return [...counts];
}

/**
 * The search document of an identified agency: its page and every one of its reports, as one indexed page. At
 * national scale (100,000 reports of some 20,000 agencies) the index holds a fifth of the pages, and what a first
 * search downloads (each part's page list, a common word's chunks) grows with the pages. The page indexes the
 * agency's names and facts and every word of its reports (each at most TOKEN_CAP times in all); its year filter
 * holds every year it reported. Its card lists the reports (`reports`, newest first, each with its own card's
 * path): the search page shows the agency when its own card holds the query, then those of its reports whose card
 * does. `reports`: the agency's report documents (reportDoc), with their card paths.
 */
export function agencyDoc(agency: SearchAgency, reports: ReadonlyArray<{ readonly doc: SearchDoc; readonly year: number | null; readonly cardPath: string }> = []): SearchDoc {
  const names = agencyNames(agency);
  const years = agency.years.map((y) => (y === null ? '年份不详' : `${y} 年`));
  const about = [
    `地区：${agency.region ?? UNGROUPED}${agency.level ? `；层级：${agency.level}` : ''}。`,
    names.length > 1 ? `也称：${names.filter((n) => n !== agency.displayName).join('、')}。` : '',
    `收录 ${agency.years.length} 份年度报告：${years.join('、')}。`,
  ].filter(Boolean);
  const newestFirst = [...reports].sort((a, b) => (b.year ?? -Infinity) - (a.year ?? -Infinity));
  const card: Card = {
    kind: 'agency',
    title: agency.displayName,
    agency: agency.displayName,
    year: null,
    place: placeLabel(agency),
    names,
    sections: [{ id: 'reports-title', heading: '机构', text: about.join('\n') }],
    reports: newestFirst.map((r) => ({ url: r.doc.url, year: r.year, card: r.cardPath })),
  };
  const nameWords = [...new Set([...nameTokens(agency, names), ...reports.flatMap((r) => r.doc.names)])];
  const body = mergeCounts([wordCounts(textTokens(about.join('\n'))), ...reports.map((r) => r.doc.body)]);
  const yearValues = [...new Set(reports.map((r) => yearValue(r.year)))];
  return {
    url: agencyPath(agency.slug),
    card,
    body,
    names: nameWords,
    fullnames: [...new Set([...names, ...reports.flatMap((r) => r.doc.card.names)].map((n) => spell(wholeWord(n))))],
    filters: {
      ...(yearValues.length > 0 ? { year: yearValues } : {}),
      agency: [agency.displayName],
      region: [agency.region ?? NO_VALUE.region],
      level: [agency.level ?? NO_VALUE.level],
    },
    words: new Set([...nameWords, ...body.map(([w]) => w)]).size,
  };
}

/**
 * The index parts: Pagefind holds a whole index in memory while it builds it, ~600 bytes per distinct word of
 * each page (measured: 10,000 synthetic reports took 5.3 GB in one index). So the documents are dealt to as few
 * parts as keep each under `maxWords` distinct page-words, each document to the part with the fewest so far:
 * every part holds a like mix of pages, so their word statistics (which rank results) agree. Returns the part of
 * each document, in order. The search page queries all parts together and ranks their results as one list.
 */
export function planIndexParts(docs: ReadonlyArray<{ readonly words: number }>, maxWords: number): number[] {
  if (!Number.isFinite(maxWords) || maxWords < 1) throw new Error(`words per index part must be a number ≥ 1, got ${maxWords}`);
  const total = docs.reduce((n, d) => n + d.words, 0);
  const parts = Math.max(1, Math.ceil(total / maxWords));
  const load = new Array<number>(parts).fill(0);
  return docs.map((d) => {
    let best = 0;
    for (let p = 1; p < parts; p++) if ((load[p] as number) < (load[best] as number)) best = p;
    load[best] = (load[best] as number) + d.words;
    return best;
  });
}
