/** /sitemap.xml — every HTML page of the portal (absolute URLs from astro `site` + `base`). */
import type { APIRoute } from 'astro';
import { absolute, agenciesOf, getCollection, summaries } from '../components/data.ts';
import { agencyPath, reportPath, yearPath } from '../lib/paths.ts';
import { yearsCovered } from '../lib/portal.ts';
import { sitemapXml } from '../lib/xml.ts';

export const GET: APIRoute = async ({ site }) => {
  const records = summaries(await getCollection('reports'));
  const agencies = agenciesOf(await getCollection('agencies'), await getCollection('reports'));
  const paths = [
    '/',
    '/agencies/',
    '/years/',
    '/search/',
    '/about/',
    '/data/',
    ...agencies.map((a) => agencyPath(a.slug)),
    ...yearsCovered(records).map(yearPath),
    ...records.map((r) => reportPath(r.agency.slug, r.year)),
  ];
  return new Response(sitemapXml(paths.map((p) => absolute(site, p))), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
