/**
 * /sitemap-1.xml, /sitemap-2.xml … — every indexable page once, at most SITEMAP_MAX_URLS (50,000) a file
 * (src/components/site-pages.ts); /sitemap-index.xml lists them.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { absolute } from '../components/data.ts';
import { sitemapPartsOfSite } from '../components/site-pages.ts';
import { sitemapXml } from '../lib/xml.ts';

export const getStaticPaths = (async () => {
  const parts = await sitemapPartsOfSite();
  return parts.map((paths, i) => ({ params: { part: String(i + 1) }, props: { paths } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ paths: string[] }> = ({ props, site }) =>
  new Response(sitemapXml(props.paths.map((p) => absolute(site, p))), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
