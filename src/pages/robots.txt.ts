/** /robots.txt — every page may be crawled (404 and /maintenance/ carry noindex); names the sitemap index. */
import type { APIRoute } from 'astro';
import { absolute } from '../components/data.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absolute(site, '/sitemap-index.xml')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
