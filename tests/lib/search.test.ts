import { describe, expect, test } from 'vitest';
import { containsEveryTerm, decodeShards, encodeShards, nameKeywords, pageForIndex, planShards, searchStages } from '../../src/lib/search.ts';
import { statTableHtml } from '../../src/lib/table-html.ts';
import { makeRecord } from './helpers.ts';

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

describe('planShards', () => {
  const pages = (year: string, n: number): Array<{ year: string; slug: string }> =>
    Array.from({ length: n }, (_, i) => ({ year, slug: `agency-${String(i).padStart(4, '0')}` }));

  test('makes one shard per year, newest first, with year 0 (unknown) last', () => {
    const plan = planShards([...pages('2021', 3), ...pages('0', 1), ...pages('2023', 2), ...pages('2022', 2)], 10);
    expect(plan.map((s) => [s.id, s.year, s.pages])).toEqual([
      ['2023', '2023', 2],
      ['2022', '2022', 2],
      ['2021', '2021', 3],
      ['0', '0', 1],
    ]);
  });

  test('splits a year of more than the shard size into the fewest even parts of consecutive slugs', () => {
    const plan = planShards([...pages('2024', 1001), ...pages('2023', 500)], 500);
    expect(plan.map((s) => [s.id, s.pages])).toEqual([
      ['2024-1', 333],
      ['2024-2', 334],
      ['2024-3', 334],
      ['2023', 500],
    ]);
    expect(plan[0]?.slugs[0]).toBe('agency-0000');
    expect(plan[0]?.slugs.at(-1)).toBe('agency-0332');
    expect(plan[1]?.slugs[0]).toBe('agency-0333');
    expect(plan.slice(0, 3).flatMap((s) => s.slugs)).toEqual(pages('2024', 1001).map((p) => p.slug));
  });

  test('sorts slugs by code unit and counts a page once', () => {
    const plan = planShards(
      [
        { year: '2020', slug: 'b' },
        { year: '2020', slug: 'a-z' },
        { year: '2020', slug: 'B' },
        { year: '2020', slug: 'b' },
      ],
      2,
    );
    expect(plan.map((s) => [s.id, s.slugs])).toEqual([
      ['2020-1', ['B']],
      ['2020-2', ['a-z', 'b']],
    ]);
  });

  test('has no shards without pages and refuses a shard size below one', () => {
    expect(planShards([])).toEqual([]);
    expect(() => planShards(pages('2020', 1), 0)).toThrow(/shard size/);
    expect(() => planShards(pages('2020', 1), Number.NaN)).toThrow(/shard size/);
  });
});

describe('encodeShards and decodeShards', () => {
  test('carry ids, years and page counts through the search page', () => {
    const plan = planShards([
      { year: '2024', slug: 'a' },
      { year: '2024', slug: 'b' },
      { year: '2024', slug: 'c' },
      { year: '0', slug: 'd' },
    ], 2);
    const text = encodeShards(plan);
    expect(text).toBe('2024-1:1 2024-2:2 0:1');
    expect(decodeShards(text)).toEqual([
      { id: '2024-1', year: '2024', pages: 1 },
      { id: '2024-2', year: '2024', pages: 2 },
      { id: '0', year: '0', pages: 1 },
    ]);
    expect(decodeShards('')).toEqual([]);
  });

  test('decodeShards names the item it cannot read', () => {
    expect(() => decodeShards('2024:3 2023')).toThrow('"2023"');
    expect(() => decodeShards('x-1:3')).toThrow('"x-1:3"');
  });
});

describe('searchStages', () => {
  const shards = decodeShards('2023-1:400 2023-2:400 2022:300 0:2');

  test('searches shard by shard, newest year first, when neither a year nor an agency is chosen', () => {
    expect(searchStages(shards, {})).toEqual([
      { shards: ['2023-1'], filters: { 分片: '2023-1' } },
      { shards: ['2023-2'], filters: { 分片: '2023-2' } },
      { shards: ['2022'], filters: { 分片: '2022' } },
      { shards: ['0'], filters: { 分片: '0' } },
    ]);
  });

  test('searches only the chosen year, one shard at a time', () => {
    expect(searchStages(shards, { year: '2023' })).toEqual([
      { shards: ['2023-1'], filters: { 分片: '2023-1' } },
      { shards: ['2023-2'], filters: { 分片: '2023-2' } },
    ]);
  });

  test('searches an agency\'s own shards at once, limited to them, and to the chosen year', () => {
    expect(searchStages(shards, { agency: '某局', agencyShards: ['2023-2', '0'] })).toEqual([{ shards: ['2023-2', '0'], filters: { 机构: '某局', 分片: { any: ['2023-2', '0'] } } }]);
    expect(searchStages(shards, { year: '2023', agency: '某局', agencyShards: ['2023-2', '0'] })).toEqual([{ shards: ['2023-2'], filters: { 机构: '某局', 分片: { any: ['2023-2'] } } }]);
    expect(searchStages(shards, { year: '2022', agency: '某局', agencyShards: ['2023-2', '0'] })).toEqual([]);
  });

  test('searches every shard for an agency whose shards are not known', () => {
    expect(searchStages(shards, { agency: '某局' })).toEqual([{ shards: ['2023-1', '2023-2', '2022', '0'], filters: { 机构: '某局', 分片: { any: ['2023-1', '2023-2', '2022', '0'] } } }]);
  });

  test('a year with no reports, or a site with no reports, has nothing to search', () => {
    expect(searchStages(shards, { year: '2019' })).toEqual([]);
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

describe('pageForIndex', () => {
  const head = '<html lang="zh-CN"><head><title>某局 2023 年度</title></head><body><h1 data-pagefind-meta="title">某局 2023 年度报告</h1>';
  const facts = '<dl class="facts"><dt>机构</dt><dd><a href="/agencies/mou-ju/" data-pagefind-filter="机构">某局</a></dd></dl>';
  const narrative = '<section id="narrative"><div class="narrative" data-pagefind-body><section><h3>一、总体情况</h3><p>本机关 &lt;/section&gt; 公开信息 12 条。</p></section></div></section>';
  const source =
    '<section id="source" aria-labelledby="source-title" data-pagefind-ignore><h2 id="source-title">报告原文</h2><ol class="source-lines"><li id="L1">&lt;section id="source"&gt;</li></ol></section>';
  const tables = (['proactive', 'requests', 'review'] as const).map((t) => statTableHtml(makeRecord(), t)).join('');

  test('drops the statutory tables and the source listing, and keeps everything Pagefind reads verbatim', () => {
    const page = `${head}${facts}${tables}${narrative}${source}<section id="downloads" data-pagefind-ignore><a href="/data/x.csv">CSV</a></section></body></html>`;
    expect(tables).toContain('<table');
    const out = pageForIndex(page);
    expect(out).toBe(`${head}${facts}${narrative}<section id="downloads" data-pagefind-ignore><a href="/data/x.csv">CSV</a></section></body></html>`);
    expect(out.length).toBeLessThan(page.length / 3);
  });

  test('returns a page whole when the cut would take a Pagefind attribute with it', () => {
    const odd = `${head}<section id="source"><p data-pagefind-meta="note">x</p></section>${narrative}</body></html>`;
    expect(pageForIndex(odd)).toBe(odd);
    expect(pageForIndex(`${head}${narrative}</body></html>`)).toBe(`${head}${narrative}</body></html>`);
  });
});
