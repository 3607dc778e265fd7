/**
 * /search-agencies.json — the agencies the search page's 机构 filter offers, fetched only when that filter is first
 * used: `[name, [shard ids]]` per agency, its display name (the value its report pages give Pagefind's 机构 filter)
 * and the search shards holding its reports, so a search limited to one agency reads those shards only.
 */
import type { APIRoute } from 'astro';
import { agenciesOf, getCollection, searchShards, summaries } from '../components/data.ts';

export const GET: APIRoute = async () => {
  const shardsOf = new Map<string, string[]>();
  for (const shard of searchShards(summaries(await getCollection('reports')))) {
    for (const slug of shard.slugs) {
      const ids = shardsOf.get(slug);
      if (ids) ids.push(shard.id);
      else shardsOf.set(slug, [shard.id]);
    }
  }
  const byName = new Map<string, Set<string>>();
  for (const a of agenciesOf(await getCollection('agencies'), await getCollection('reports'))) {
    if (a.unidentified) continue;
    const ids = byName.get(a.displayName) ?? new Set<string>();
    for (const id of shardsOf.get(a.slug) ?? []) ids.add(id);
    byName.set(a.displayName, ids);
  }
  const list = [...byName].map(([name, ids]) => [name, [...ids]]);
  return new Response(JSON.stringify(list), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
