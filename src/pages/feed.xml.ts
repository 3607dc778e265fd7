/** /feed.xml — Atom feed of the reports, newest first (publication date, else the 31 January statutory deadline). */
import type { APIRoute } from 'astro';
import { absolute, agenciesOf, getCollection, namer, SITE_NAME, summaries } from '../components/data.ts';
import { consistency } from '../lib/findings.ts';
import { reportPath } from '../lib/paths.ts';
import { latestReports } from '../lib/portal.ts';
import { atomFeed } from '../lib/xml.ts';

export const GET: APIRoute = async ({ site }) => {
  const nameOf = namer(agenciesOf(await getCollection('agencies'), await getCollection('reports')));
  const entries = latestReports(summaries(await getCollection('reports')), 50).map((r) => ({
    url: absolute(site, reportPath(r.agency.slug, r.year)),
    title: `${nameOf(r.agency.slug)} ${r.year ? `${r.year} 年度` : '（年份不详）'}政府信息公开工作年度报告`,
    updated: r.published ?? `${(r.year ?? 1969) + 1}-01-31`,
    summary: `模板：${r.template} 版；一致性校验：${consistency(r).label}。`,
  }));
  const xml = atomFeed(
    { title: `${SITE_NAME}：政府信息公开工作年度报告`, self: absolute(site, '/feed.xml'), home: absolute(site, '/'), author: SITE_NAME },
    entries,
  );
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
