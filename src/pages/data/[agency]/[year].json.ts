/** /data/<agency>/<year>.json — one report's record, exactly as in the content collection (schema: /data/record.schema.json). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allRecords } from '../../../components/data.ts';
import type { ReportRecord } from '../../../schema/record.ts';

export const getStaticPaths = (async () =>
  (await allRecords()).map((record) => ({
    params: { agency: record.agency.slug, year: String(record.year ?? 0) },
    props: { record },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ record: ReportRecord }> = ({ props }) =>
  new Response(`${JSON.stringify(props.record, null, 1)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
