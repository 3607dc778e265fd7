/** /data/reports.json — every record, ordered by id. */
import type { APIRoute } from 'astro';
import { allRecords } from '../../components/data.ts';

export const GET: APIRoute = async () =>
  new Response(`${JSON.stringify(await allRecords())}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
