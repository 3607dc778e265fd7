/** /data/<agency>/<year>.csv — one report's cells, one row each: agency, year, table, row, column, value. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allRecords } from '../../../components/data.ts';
import { cellsCsv } from '../../../lib/csv.ts';
import type { ReportRecord } from '../../../schema/record.ts';

export const getStaticPaths = (async () =>
  (await allRecords()).map((record) => ({
    params: { agency: record.agency.slug, year: String(record.year ?? 0) },
    props: { record },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ record: ReportRecord }> = ({ props }) =>
  new Response(cellsCsv([props.record]), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
