/**
 * /feed.xml — Atom feed of the newest FEED_MAX_ENTRIES reports, newest first (publication date, else the 31 January
 * statutory deadline): src/lib/feed.ts.
 */
import type { APIRoute } from 'astro';
import { absolute, agenciesOf, getCollection, namer, SITE_NAME, summaries } from '../components/data.ts';
import { feedEntries } from '../lib/feed.ts';
import { atomFeed } from '../lib/xml.ts';

export const GET: APIRoute = async ({ site }) => {
  const nameOf = namer(agenciesOf(await getCollection('agencies'), await getCollection('reports')));
  const entries = feedEntries(summaries(await getCollection('reports')), nameOf, (p) => absolute(site, p));
  const xml = atomFeed(
    { title: `${SITE_NAME}：政府信息公开工作年度报告`, self: absolute(site, '/feed.xml'), home: absolute(site, '/'), author: SITE_NAME },
    entries,
  );
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
