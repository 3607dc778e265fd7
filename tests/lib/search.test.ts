import { describe, expect, test } from 'vitest';
import { containsEveryTerm, nameKeywords, searchBundles, searchStages } from '../../src/lib/search.ts';

describe('nameKeywords', () => {
  test('lists the name and every two- to four-character piece of it', () => {
    const words = nameKeywords(['聊城市卫健委']).split(' ');
    expect(words).toContain('聊城市卫健委');
    expect(words).toContain('聊城');
    expect(words).toContain('聊城市');
    expect(words).toContain('卫健委');
    expect(words).not.toContain('聊');
  });

  test('skips missing names, non-Han text and duplicates', () => {
    expect(nameKeywords([null, undefined, 'ABC', '山东', '山东'])).toBe('山东');
  });
});

describe('searchBundles', () => {
  test('lists the report years newest first, then 0 for reports of unknown year', () => {
    expect(searchBundles([{ year: 2021 }, { year: 2023 }, { year: null }, { year: 2021 }, { year: 2022 }])).toEqual(['2023', '2022', '2021', '0']);
  });

  test('has no 0 bundle when every year is known', () => {
    expect(searchBundles([{ year: 2020 }, { year: 2019 }])).toEqual(['2020', '2019']);
    expect(searchBundles([])).toEqual([]);
  });
});

describe('searchStages', () => {
  const bundles = ['2023', '2022', '0'];

  test('searches year by year, newest first, when neither a year nor an agency is chosen', () => {
    expect(searchStages(bundles, {})).toEqual([
      { bundles: ['2023'], filters: { 年份: '2023' } },
      { bundles: ['2022'], filters: { 年份: '2022' } },
      { bundles: ['0'], filters: { 年份: '不详' } },
    ]);
  });

  test('searches only the chosen year, with the agency when one is chosen too', () => {
    expect(searchStages(bundles, { year: '2022' })).toEqual([{ bundles: ['2022'], filters: { 年份: '2022' } }]);
    expect(searchStages(bundles, { year: '2022', agency: '某局' })).toEqual([{ bundles: ['2022'], filters: { 年份: '2022', 机构: '某局' } }]);
  });

  test('searches every year at once for an agency', () => {
    expect(searchStages(bundles, { agency: '某局' })).toEqual([{ bundles: ['2023', '2022', '0'], filters: { 机构: '某局' } }]);
  });

  test('a year with no reports, or a site with no reports, has nothing to search', () => {
    expect(searchStages(bundles, { year: '2019' })).toEqual([]);
    expect(searchStages([], { agency: '某局' })).toEqual([]);
    expect(searchStages([], {})).toEqual([]);
  });
});

describe('containsEveryTerm', () => {
  const content = '2020年，我委​通过​政务​新媒体​发布​疫情​防控​信息​126​条。';

  test('is true when every word of the query is in the text, across Pagefind\'s word breaks', () => {
    expect(containsEveryTerm(content, '疫情 新媒体')).toBe(true);
    expect(containsEveryTerm(content, '  疫情防控  ')).toBe(true);
  });

  test('is false when one word is missing, as when Pagefind matched only part of it', () => {
    expect(containsEveryTerm(content, '疫情 行政许可')).toBe(false);
    expect(containsEveryTerm('二、主动公开政府信息情况', '疫情')).toBe(false);
  });

  test('finds each word in any of the page\'s texts, never across two of them', () => {
    expect(containsEveryTerm([content, '聊城市卫生健康委员会 2020 年度报告', undefined], '聊城 疫情')).toBe(true);
    expect(containsEveryTerm(['某某局', '城市'], '某局城')).toBe(false);
  });

  test('ignores case and an empty query matches', () => {
    expect(containsEveryTerm('Open DATA 开放', 'open data')).toBe(true);
    expect(containsEveryTerm(content, '   ')).toBe(true);
  });
});
