/**
 * /search-agencies.json — the names the search page's 机构 filter offers (each agency's display name, the value
 * its report pages give Pagefind's 机构 filter), fetched only when that filter is first used. One small file
 * instead of every year index's 机构 filter chunk.
 */
import type { APIRoute } from 'astro';
import { allAgencies } from '../components/data.ts';

export const GET: APIRoute = async () => {
  const names = [...new Set((await allAgencies()).filter((a) => !a.unidentified).map((a) => a.displayName))];
  return new Response(JSON.stringify(names), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
