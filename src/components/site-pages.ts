/**
 * Every page of the portal a search engine should index (all but the noindex ones: 404 and /maintenance/), by site
 * path, in a stable order: the fixed pages, then agencies, years and reports. The sitemap files
 * (src/pages/sitemap-[part].xml.ts) list them in parts of at most SITEMAP_MAX_URLS, the sitemap index names the parts.
 */
import { agenciesOf, getCollection, summaries } from './data.ts';
import { agencyPath, reportPath, yearPath } from '../lib/paths.ts';
import { yearsCovered } from '../lib/portal.ts';
import { SITEMAP_MAX_URLS, sitemapParts } from '../lib/xml.ts';

export const FIXED_PAGES = ['/', '/agencies/', '/years/', '/compare/', '/search/', '/about/', '/data/'] as const;

let memo: Promise<string[]> | undefined;

/** The indexable pages' site paths (computed once per build). */
export function indexablePaths(): Promise<string[]> {
  memo ??= (async () => {
    const reports = await getCollection('reports');
    const records = summaries(reports);
    const agencies = agenciesOf(await getCollection('agencies'), reports);
    return [
      ...FIXED_PAGES,
      ...agencies.map((a) => agencyPath(a.slug)),
      ...yearsCovered(records).map(yearPath),
      ...records.map((r) => reportPath(r.agency.slug, r.year)),
    ];
  })();
  return memo;
}

/** The site path of sitemap part `n` (1-based). */
export const sitemapPartPath = (n: number): string => `/sitemap-${n}.xml`;

/** The indexable paths in sitemap parts. */
export async function sitemapPartsOfSite(): Promise<string[][]> {
  return sitemapParts(await indexablePaths(), SITEMAP_MAX_URLS);
}
