/** /compare/data.json — what the compare view reads: the measures and every agency's values per reported year. */
import type { APIRoute } from 'astro';
import { agenciesOf, getCollection } from '../../components/data.ts';
import { compareData } from '../../lib/measures.ts';

export const GET: APIRoute = async () => {
  const data = compareData(agenciesOf(await getCollection('agencies'), await getCollection('reports')));
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
