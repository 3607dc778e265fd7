import { describe, expect, test } from 'vitest';
import { chosenFilters, containsEveryTerm, excerpt, filterOptionLabel, findTerm, namesHoldEveryTerm, noResultHints, statusText, type Card } from '../../src/lib/search.ts';

const card: Card = {
  kind: 'report',
  title: '平潭综合实验区 2023 年度政府信息公开工作年度报告',
  agency: '平潭综合实验区',
  year: '2023 年',
  place: '福建省平潭综合实验区 · 市级',
  names: ['平潭综合实验区', '平潭综合实验区管委会'],
  sections: [
    { id: 'part-1', heading: '报告开头', text: '本报告依据《条例》编制，全文包括总体情况、行政复议、行政诉讼情况。' },
    { id: 'part-2', heading: '一、总体情况', text: `${'围绕重点领域做好公开工作。'.repeat(6)}全年办理行政 许可事项 120 件，行政许可结果全部公开。` },
    { id: 'table-proactive', heading: '表二 主动公开政府信息情况', text: '行政许可：本年处理决定数量 120' },
  ],
};

describe('findTerm', () => {
  test('finds a term whole, white space in the text ignored, Latin case ignored', () => {
    expect(findTerm('全年办理行政 许可事项', '行政许可')).toEqual([[4, 9]]);
    expect(findTerm('APP 上线，app 下载', 'app')).toEqual([[0, 3], [7, 10]]);
    expect(findTerm('行政复议、行政诉讼', '行政许可')).toEqual([]);
    expect(findTerm('abc', '')).toEqual([]);
  });
});

describe('checks', () => {
  test('containsEveryTerm: every term, anywhere in the card', () => {
    expect(containsEveryTerm(card, ['行政许可', '平潭'])).toBe(true);
    expect(containsEveryTerm(card, ['行政许可', '疫情'])).toBe(false);
  });
  test('namesHoldEveryTerm: in the agency’s names', () => {
    expect(namesHoldEveryTerm(card, ['管委会'])).toBe(true);
    expect(namesHoldEveryTerm(card, ['行政许可'])).toBe(false);
  });
});

describe('excerpt', () => {
  test('from the section with the most terms, around the first match, the term marked whole', () => {
    const ex = excerpt(card, ['行政许可']);
    expect(ex.section?.id).toBe('part-2');
    const marked = ex.parts.filter((p) => p.mark).map((p) => p.text);
    expect(marked).toEqual(['行政 许可', '行政许可']);
    const text = ex.parts.map((p) => p.text).join('');
    expect(text.startsWith('…')).toBe(true);
    expect(text).toContain('全年办理行政 许可事项');
    // 行政 alone (行政复议) is never marked.
    expect(marked.every((m) => m.replace(/\s/g, '') === '行政许可')).toBe(true);
  });

  test('several terms: the section holding the most of them', () => {
    const ex = excerpt(card, ['行政复议', '行政诉讼']);
    expect(ex.section?.id).toBe('part-1');
    expect(ex.parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['行政复议', '行政诉讼']);
  });

  test('a card found by its names only: the start of its first section, unmarked, linking to the page', () => {
    const ex = excerpt(card, ['管委会']);
    expect(ex.section).toBeNull();
    expect(ex.parts).toEqual([{ text: card.sections[0]?.text, mark: false }]);
    expect(excerpt({ ...card, sections: [] }, ['x'])).toEqual({ section: null, parts: [] });
  });

  test('the table section when that is where the term is', () => {
    const ex = excerpt({ ...card, sections: card.sections.filter((s) => s.id !== 'part-2') }, ['处理决定']);
    expect(ex.section?.id).toBe('table-proactive');
  });
});

describe('status', () => {
  const found = { state: 'found', terms: ['行政许可'], count: 12, namesOnly: false, shown: 5, more: true, filters: '' } as const;
  test('a count, what was searched, how many are shown', () => {
    expect(statusText(found)).toBe('在 12 个机构的年报中找到“行政许可”，已显示 5 条。');
    expect(statusText({ ...found, shown: 12, more: false })).toBe('在 12 个机构的年报中找到“行政许可”。');
    expect(statusText({ ...found, terms: ['疫情', '新媒体'], count: 1234, shown: 5 })).toBe('在 1,234 个机构的年报中找到“疫情”和“新媒体”，已显示 5 条。');
    expect(statusText({ ...found, terms: ['平潭综合实验区'], namesOnly: true, count: 1, shown: 5 })).toBe('找到 1 个名称含“平潭综合实验区”的机构，列出机构及其年报，已显示 5 条。');
  });
  test('no results, with the filters named', () => {
    expect(statusText({ ...found, count: 0, shown: 0, more: false })).toBe('未找到包含“行政许可”的结果。');
    expect(statusText({ ...found, count: 0, shown: 0, more: false, filters: '2023 年度' })).toBe('未找到包含“行政许可”的结果（筛选：2023 年度）。');
  });
  test('searching, failed, idle', () => {
    expect(statusText({ state: 'searching', terms: ['平潭'] })).toBe('正在搜索“平潭”…');
    expect(statusText({ state: 'failed' })).toMatch(/失败/);
    expect(statusText({ state: 'idle' })).toBe('');
  });
  test('hints for no results: check the words; shorter words; fewer words; remove the filters', () => {
    expect(noResultHints(['行政许可'], '')).toHaveLength(1);
    const all = noResultHints(['政府信息公开申请', '疫情'], '2023 年度、平潭综合实验区');
    expect(all).toHaveLength(4);
    expect(all[3]).toBe('去掉筛选条件（2023 年度、平潭综合实验区）。');
  });
  test('filters as named and as option labels with counts', () => {
    expect(chosenFilters({ year: '2023', agency: '平潭综合实验区' })).toBe('2023 年度、平潭综合实验区');
    expect(chosenFilters({ year: '年份不详' })).toBe('年份不详');
    expect(chosenFilters({})).toBe('');
    expect(filterOptionLabel('year', '2023', 4)).toBe('2023 年度（4）');
    expect(filterOptionLabel('agency', '平潭综合实验区', 1200)).toBe('平潭综合实验区（1,200）');
    expect(filterOptionLabel('level', '市级', undefined)).toBe('市级');
  });
});
