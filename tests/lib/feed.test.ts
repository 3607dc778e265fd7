import { describe, expect, test } from 'vitest';
import { FEED_MAX_ENTRIES, feedEntries } from '../../src/lib/feed.ts';
import { summarize } from '../../src/lib/summary.ts';
import { makeRecord } from './helpers.ts';

describe('the Atom feed', () => {
  // 120 reports of 2019–2023, published on distinct days (the newest last).
  const records = Array.from({ length: 120 }, (_, i) => {
    const year = 2019 + (i % 5);
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String(Math.floor(i / 28) + 1).padStart(2, '0');
    return summarize(makeRecord({ id: `a${i}/${year}`, agency: { name: `机构${i}`, slug: `a${i}` }, year, published: `${year + 1}-${month}-${day}` }));
  });
  const newestFirst = [...records].sort((a, b) => (b.published ?? '').localeCompare(a.published ?? ''));

  test(`lists at most ${FEED_MAX_ENTRIES} reports, the newest, newest first`, () => {
    const entries = feedEntries(records, (slug) => slug, (p) => `https://e.org${p}`);
    expect(entries).toHaveLength(FEED_MAX_ENTRIES);
    expect(entries.map((e) => e.url)).toEqual(newestFirst.slice(0, FEED_MAX_ENTRIES).map((r) => `https://e.org/agencies/${r.agency.slug}/${r.year}/`));
    expect(entries[0]?.updated).toBe(newestFirst[0]?.published);
  });

  test('lists every report when there are fewer than the limit', () => {
    expect(feedEntries(records.slice(0, 7), (slug) => slug, (p) => p)).toHaveLength(7);
  });
});
