import { describe, expect, test } from 'vitest';
import { atomFeed, escapeXml, rfc3339, SITEMAP_MAX_URLS, sitemapIndexXml, sitemapParts, sitemapXml } from '../../src/lib/xml.ts';
import { parseSitemap, SITEMAP_NS } from './xml-parse.ts';

describe('xml', () => {
  test('escapes markup and drops control characters', () => {
    expect(escapeXml('<a href="x">&\'</a>\u0001')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
  });

  test('lists every URL in the sitemap', () => {
    const xml = sitemapXml(['https://e.org/', 'https://e.org/a?b&c']);
    expect(xml).toContain('<loc>https://e.org/</loc>');
    expect(xml).toContain('<loc>https://e.org/a?b&amp;c</loc>');
    expect(xml.startsWith('<?xml')).toBe(true);
  });

  test('a sitemap is well-formed XML: a urlset of url elements, each with its loc', () => {
    const doc = parseSitemap(sitemapXml(['https://e.org/', 'https://e.org/a?b&c', 'https://e.org/机构/']));
    expect(doc.root).toBe(`${SITEMAP_NS}urlset`);
    expect(doc.entries.map((e) => e.tag)).toEqual([`${SITEMAP_NS}url`, `${SITEMAP_NS}url`, `${SITEMAP_NS}url`]);
    expect(doc.entries.map((e) => e.loc)).toEqual(['https://e.org/', 'https://e.org/a?b&c', 'https://e.org/机构/']);
  });

  test('a sitemap index is well-formed XML: a sitemapindex of sitemap elements, each with its loc', () => {
    const doc = parseSitemap(sitemapIndexXml(['https://e.org/sitemap-1.xml', 'https://e.org/sitemap-2.xml']));
    expect(doc.root).toBe(`${SITEMAP_NS}sitemapindex`);
    expect(doc.entries).toEqual([
      { tag: `${SITEMAP_NS}sitemap`, children: [`${SITEMAP_NS}loc`], loc: 'https://e.org/sitemap-1.xml' },
      { tag: `${SITEMAP_NS}sitemap`, children: [`${SITEMAP_NS}loc`], loc: 'https://e.org/sitemap-2.xml' },
    ]);
  });

  test('a malformed document is rejected by the parser the sitemap tests use', () => {
    expect(() => parseSitemap('<urlset><url></urlset>')).toThrow(/not well-formed/);
  });

  test('splits URLs into sitemap parts of at most the limit, each URL in exactly one part, in order', () => {
    const urls = Array.from({ length: 23 }, (_, i) => `https://e.org/${i}/`);
    const parts = sitemapParts(urls, 10);
    expect(parts.map((p) => p.length)).toEqual([10, 10, 3]);
    expect(parts.flat()).toEqual(urls);
    expect(sitemapParts(urls.slice(0, 20), 10).map((p) => p.length)).toEqual([10, 10]);
    expect(sitemapParts([], 10)).toEqual([]);
    expect(() => sitemapParts(urls, 0)).toThrow();
    expect(SITEMAP_MAX_URLS).toBe(50_000);
    expect(sitemapParts(Array.from({ length: 120_001 }, (_, i) => i)).map((p) => p.length)).toEqual([50_000, 50_000, 20_001]);
  });

  test('builds an Atom feed whose updated time is the newest entry’s', () => {
    const xml = atomFeed({ title: '公开年报', self: 'https://e.org/feed.xml', home: 'https://e.org/', author: '公开年报' }, [
      { url: 'https://e.org/a/', title: '甲 <2020>', updated: '2021-01-28', summary: 's' },
      { url: 'https://e.org/b/', title: '乙', updated: '2022-01-31', summary: 's' },
    ]);
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">');
    expect(xml).toContain('<title>甲 &lt;2020&gt;</title>');
    expect(xml).toContain('<updated>2022-01-31T00:00:00Z</updated>\n  <author>');
    expect(xml.match(/<entry>/g)).toHaveLength(2);
  });

  test('turns a date into an RFC 3339 timestamp', () => {
    expect(rfc3339('2021-01-28')).toBe('2021-01-28T00:00:00Z');
    expect(rfc3339('2021-01-28T08:00:00+08:00')).toBe('2021-01-28T08:00:00+08:00');
  });
});
