/** Sitemap and Atom feed documents, built as strings with every text and attribute escaped. */

export function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}

/** The sitemaps.org limit of URLs in one sitemap file (https://www.sitemaps.org/protocol.html#index). */
export const SITEMAP_MAX_URLS = 50_000;

/** `items` in consecutive parts of at most `max` (none for no items). */
export function sitemapParts<T>(items: readonly T[], max = SITEMAP_MAX_URLS): T[][] {
  if (!Number.isInteger(max) || max < 1) throw new Error(`sitemap part size must be a positive integer, got ${max}`);
  const parts: T[][] = [];
  for (let i = 0; i < items.length; i += max) parts.push(items.slice(i, i + max));
  return parts;
}

/** A sitemap index: one <sitemap><loc> per sitemap file. */
export function sitemapIndexXml(sitemaps: readonly string[]): string {
  const body = sitemaps.map((u) => `  <sitemap><loc>${escapeXml(u)}</loc></sitemap>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</sitemapindex>\n`;
}

export function sitemapXml(urls: readonly string[]): string {
  const body = urls.map((u) => `  <url><loc>${escapeXml(u)}</loc></url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`;
}

export interface FeedEntry {
  /** Absolute URL of the entry's page; also its id. */
  readonly url: string;
  readonly title: string;
  /** `YYYY-MM-DD` or a full RFC 3339 timestamp. */
  readonly updated: string;
  readonly summary: string;
}

export interface FeedMeta {
  readonly title: string;
  /** Absolute URL of the feed itself. */
  readonly self: string;
  /** Absolute URL of the site home. */
  readonly home: string;
  readonly author: string;
}

/** `2021-01-28` → `2021-01-28T00:00:00Z`; full timestamps pass through. */
export function rfc3339(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date;
}

/** An Atom 1.0 document; `updated` of the feed is the newest entry's. */
export function atomFeed(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  const updated = entries.map((e) => rfc3339(e.updated)).sort().at(-1) ?? '1970-01-01T00:00:00Z';
  const items = entries
    .map(
      (e) => `  <entry>
    <title>${escapeXml(e.title)}</title>
    <link href="${escapeXml(e.url)}"/>
    <id>${escapeXml(e.url)}</id>
    <updated>${rfc3339(e.updated)}</updated>
    <summary>${escapeXml(e.summary)}</summary>
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <title>${escapeXml(meta.title)}</title>
  <link rel="self" href="${escapeXml(meta.self)}"/>
  <link href="${escapeXml(meta.home)}"/>
  <id>${escapeXml(meta.home)}</id>
  <updated>${updated}</updated>
  <author><name>${escapeXml(meta.author)}</name></author>
${items}
</feed>
`;
}
