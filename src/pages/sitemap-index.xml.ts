/** /sitemap-index.xml — the sitemap index: one entry per sitemap part (/sitemap-1.xml …), absolute URLs from `site` + `base`. */
import type { APIRoute } from 'astro';
import { absolute } from '../components/data.ts';
import { sitemapPartPath, sitemapPartsOfSite } from '../components/site-pages.ts';
import { sitemapIndexXml } from '../lib/xml.ts';

export const GET: APIRoute = async ({ site }) => {
  const parts = await sitemapPartsOfSite();
  const xml = sitemapIndexXml(parts.map((_, i) => absolute(site, sitemapPartPath(i + 1))));
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
