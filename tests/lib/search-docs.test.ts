import { describe, expect, test } from 'vitest';
import { agencyDoc, documentFrequency, governedPlace, indexPage, narrativeAnchor, planIndexParts, reportCardPath, reportDoc, tableSections, TOKEN_CAP, wordCounts, type SearchAgency, type SearchDoc } from '../../src/lib/search-docs.ts';
import { NO_VALUE } from '../../src/lib/search.ts';
import { spell, textTokens, unspell } from '../../src/lib/search-tokens.ts';
import { UNGROUPED } from '../../src/lib/portal.ts';
import { makeRecord } from './helpers.ts';

const pingtan: SearchAgency = {
  slug: 'pingtan',
  displayName: '平潭综合实验区',
  region: '福建省平潭综合实验区',
  level: '市级',
  kind: 'government',
  unidentified: false,
  otherNames: ['平潭综合实验区管委会'],
  years: [2023, 2021],
};
const department: SearchAgency = { ...pingtan, slug: 'pingtan-hzs', displayName: '平潭综合实验区行政审批局', kind: 'department', otherNames: [], years: [2022] };

const report = makeRecord({
  id: 'pingtan/2023',
  agency: { name: '平潭综合实验区', slug: 'pingtan' },
  year: 2023,
  sections: [
    { key: 'preamble', heading: '', line: 1, text: '本报告依据条例编制。' },
    { key: 'overview', heading: '一、总体情况', line: 3, text: '全年办理行政许可事项，<script>alert(1)</script>公开公开公开公开公开。' },
  ],
  tables: {
    proactive: { licensing: { decisions: 120 }, penalty: { decisions: 0 }, rules: { issued: 2, repealed: null, inForce: 5 } },
    requests: { newReceived: { naturalPerson: 3, total: 3 } },
    review: {},
  },
});

/** The page Pagefind indexes for a document alone. */
const html = (doc: SearchDoc): string => indexPage(doc, documentFrequency([doc]));

/** The words in a document's indexed page (unspelt), by paragraph. */
function indexed(doc: SearchDoc): { names: string[]; words: string[]; fullnames: string[] } {
  const page = html(doc);
  const ps = [...page.matchAll(/<p[^>]*>([^<]*)<\/p>/g)].map((m) => (m[1] ?? '').split(' ').filter(Boolean).map(unspell));
  const full = /data-pagefind-meta="fullnames:([^"]*)"/.exec(page)?.[1] ?? '';
  return { words: ps[0] ?? [], names: ps[1] ?? [], fullnames: full.split(' ').filter(Boolean).map(unspell) };
}

describe('report document', () => {
  const doc = reportDoc(report, [], pingtan);

  test('its URL and card: title, agency, year, the narrative by part (anchored as on the page) and the tables in words', () => {
    expect(doc.url).toBe('/agencies/pingtan/2023/');
    expect(doc.card).toMatchObject({ kind: 'report', title: '平潭综合实验区 2023 年度政府信息公开工作年度报告', agency: '平潭综合实验区', year: '2023 年', place: '福建省平潭综合实验区 · 市级' });
    expect(doc.card.sections.map((s) => s.id)).toEqual([narrativeAnchor(0), narrativeAnchor(1), 'table-proactive', 'table-requests']);
    expect(doc.card.sections[1]?.text).toContain('<script>alert(1)</script>');
    expect(doc.card.sections[2]).toEqual({ id: 'table-proactive', heading: '表二 主动公开政府信息情况', text: '规章：本年制发件数 2，现行有效件数 5\n行政许可：本年处理决定数量 120' });
  });

  test('report text is escaped in the indexed HTML, never markup', () => {
    expect(html(doc)).not.toContain('<script>');
    expect(html(doc)).not.toContain('alert(1)</');
  });

  test('indexes the narrative and the tables’ labels, each word at most TOKEN_CAP times, without the tables’ numbers', () => {
    const { words } = indexed(doc);
    expect(words).toContain('行政');
    expect(words.filter((w) => w === '公开')).toHaveLength(TOKEN_CAP);
    expect(words).toContain('处理'); // 本年处理决定数量, a column label
    expect(words).not.toContain('120');
    expect(words).toContain('2023'); // the title's year
  });

  test('indexes the names whole (fullnames) and by pairs, a government’s place more often than its department’s', () => {
    const mine = indexed(doc);
    expect(mine.fullnames).toEqual(['平潭综合实验区', '平潭综合实验区管委会']);
    expect(mine.names).toContain('平潭综合实验区');
    const theirs = indexed(reportDoc({ ...report, agency: { name: '平潭综合实验区行政审批局', slug: 'pingtan-hzs' } }, [], department)).names;
    const count = (ws: string[]): number => ws.filter((w) => w === '平潭').length;
    expect(count(mine.names)).toBeGreaterThan(count(theirs));
  });

  test('filters: year, agency, region and level, with a value for what is unknown', () => {
    expect(html(doc)).toContain('<span data-pagefind-filter="年份">2023</span>');
    expect(html(doc)).toContain('<span data-pagefind-filter="机构">平潭综合实验区</span>');
    const unknown = reportDoc({ ...report, year: null }, [], { ...pingtan, region: null, level: null });
    expect(html(unknown)).toContain(`<span data-pagefind-filter="年份">${NO_VALUE.year}</span>`);
    expect(html(unknown)).toContain(`<span data-pagefind-filter="地区">${UNGROUPED}</span>`);
    expect(NO_VALUE.region).toBe(UNGROUPED);
  });

  test('an empty report (no text, no agency, no year) still has words to index: its title', () => {
    const empty = reportDoc(makeRecord({ agency: { name: null, slug: 'unidentified-1' }, year: null, sections: [] }), [], { ...pingtan, displayName: '机构不详', otherNames: [], unidentified: true });
    expect(indexed(empty).words.length).toBeGreaterThan(0);
    expect(empty.card.title).toBe('机构不详（年份不详）政府信息公开工作年度报告');
  });

  test('a changed card changes the indexed page (so its fragment gets a new name)', () => {
    const other = reportDoc({ ...report, tables: { ...report.tables, proactive: { licensing: { decisions: 121 } } } }, [], pingtan);
    expect(html(other)).not.toBe(html(doc));
  });
});

describe('agency document', () => {
  test('alone: its page, names, place and years; no year filter (a year filter leaves it out)', () => {
    const doc = agencyDoc(pingtan);
    expect(doc.url).toBe('/agencies/pingtan/');
    expect(doc.card).toMatchObject({ kind: 'agency', title: '平潭综合实验区', names: ['平潭综合实验区', '平潭综合实验区管委会'], reports: [] });
    expect(doc.card.sections[0]?.text).toContain('2023 年、2021 年');
    expect(html(doc)).not.toContain('data-pagefind-filter="年份"');
    expect(indexed(doc).fullnames).toContain('平潭综合实验区管委会');
  });

  test('with its reports: one indexed page holding their words (each at most TOKEN_CAP times in all), every year a filter value, the reports listed newest first with their cards', () => {
    const older = reportDoc({ ...report, id: 'pingtan/2021', year: 2021, sections: [{ key: 'overview', heading: '', line: 1, text: '疫情防控信息公开公开公开。' }] }, [], pingtan);
    const newer = reportDoc(report, [], pingtan);
    const refs = [
      { doc: older, year: 2021, cardPath: reportCardPath(older.url, older.card) },
      { doc: newer, year: 2023, cardPath: reportCardPath(newer.url, newer.card) },
    ];
    const doc = agencyDoc(pingtan, refs);
    expect(doc.url).toBe('/agencies/pingtan/');
    expect(doc.card.reports).toEqual([
      { url: '/agencies/pingtan/2023/', year: 2023, card: refs[1]?.cardPath },
      { url: '/agencies/pingtan/2021/', year: 2021, card: refs[0]?.cardPath },
    ]);
    expect(refs[1]?.cardPath).toMatch(/^cards\/pingtan\/2023\.[0-9a-f]{8}\.card$/);
    const words = indexed(doc).words;
    for (const w of ['行政', '许可', '疫情', '防控']) expect(words).toContain(w);
    expect(words.filter((w) => w === '公开')).toHaveLength(TOKEN_CAP);
    const page = html(doc);
    expect(page).toContain('<span data-pagefind-filter="年份">2021</span>');
    expect(page).toContain('<span data-pagefind-filter="年份">2023</span>');
    expect(page.match(/data-pagefind-filter="机构"/g)).toHaveLength(1);
    // The reports' text is in their own cards, not the agency's.
    expect(JSON.stringify(doc.card)).not.toContain('行政许可');
  });

  test('a changed report changes its card path, so no cache serves the old card', () => {
    const a = reportDoc(report, [], pingtan);
    const b = reportDoc({ ...report, tables: { ...report.tables, proactive: { licensing: { decisions: 121 } } } }, [], pingtan);
    expect(reportCardPath(a.url, a.card)).not.toBe(reportCardPath(b.url, b.card));
  });
});

describe('helpers', () => {
  test('governedPlace: the last administrative unit and its short form', () => {
    expect(governedPlace('淮安市洪泽区人民政府')).toEqual(['洪泽区', '洪泽']);
    expect(governedPlace('平潭综合实验区')).toEqual(['平潭综合实验区', '平潭']);
    expect(governedPlace('沭阳县人民政府')).toEqual(['沭阳县', '沭阳']);
    expect(governedPlace('聊城市卫生健康委员会')).toEqual([]);
  });

  test('wordCounts counts each word up to the cap, in order of first appearance', () => {
    expect(wordCounts(['b', 'a', 'b', 'b', 'b'], 2)).toEqual([['b', 2], ['a', 1]]);
    expect(wordCounts(textTokens('公开公开公开公开公开'), 3)).toEqual([[spell('公开'), 3], [spell('开公'), 3]]);
    expect(wordCounts(textTokens('公开公开公开'))).toEqual([[spell('公开'), TOKEN_CAP], [spell('开公'), TOKEN_CAP]]);
  });

  test('indexPage writes the site’s most frequent words first, in the same order on every page, names last', () => {
    const a = reportDoc(report, [], pingtan);
    const b = reportDoc({ ...report, id: 'pingtan/2021', year: 2021, sections: [{ key: 'overview', heading: '', line: 1, text: '本年度公开工作。' }] }, [], pingtan);
    const frequency = documentFrequency([a, b]);
    const words = (d: SearchDoc): string[] => [...(/<p>([^<]*)<\/p>/.exec(indexPage(d, frequency))?.[1] ?? '').split(' ')];
    const common = [...frequency].filter(([, n]) => n === 2).map(([w]) => w).sort();
    expect(common.length).toBeGreaterThan(3);
    // The words both pages hold open both pages' text, in one order.
    expect([...new Set(words(a))].slice(0, common.length)).toEqual(common);
    expect([...new Set(words(b))].slice(0, common.length)).toEqual(common);
    expect(words(a).filter((w) => w === spell('公开'))).toHaveLength(TOKEN_CAP);
    expect(indexPage(a, frequency).indexOf('data-pagefind-weight')).toBeGreaterThan(indexPage(a, frequency).indexOf('<p>'));
  });

  test('tableSections leaves out rows that record nothing', () => {
    expect(tableSections(makeRecord())).toEqual([]);
  });
});

describe('planIndexParts', () => {
  test('as few parts as keep each under the limit, each document to the lightest part so far', () => {
    expect(planIndexParts([{ words: 5 }, { words: 5 }, { words: 5 }], 100)).toEqual([0, 0, 0]);
    expect(planIndexParts([{ words: 60 }, { words: 50 }, { words: 40 }, { words: 30 }], 100)).toEqual([0, 1, 1, 0]);
    const plan = planIndexParts(Array.from({ length: 1000 }, (_, i) => ({ words: 100 + (i % 7) })), 20_000);
    const loads = [0, 0, 0, 0, 0, 0];
    plan.forEach((p, i) => (loads[p] = (loads[p] ?? 0) + 100 + (i % 7)));
    expect(Math.max(...plan) + 1).toBe(6);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(106);
    expect(planIndexParts([], 10)).toEqual([]);
    expect(() => planIndexParts([{ words: 1 }], 0)).toThrow(/≥ 1/);
  });
});
