/** /data/cells.csv — every cell of every report: agency, year, table, row, column, value (empty = not read). */
import type { APIRoute } from 'astro';
import { allRecords } from '../../components/data.ts';
import { cellsCsv } from '../../lib/csv.ts';

export const GET: APIRoute = async () => new Response(cellsCsv(await allRecords()), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
