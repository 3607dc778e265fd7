import { describe, expect, test } from 'vitest';
import { atomFeed, escapeXml, rfc3339, sitemapXml } from '../../src/lib/xml.ts';

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
