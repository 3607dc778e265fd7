/**
 * /build-report.json — the build report of the records this site was built from: one entry per input file
 * (agency, year, template, cells read, findings by severity, errors to fix, notes) and a total. Written by
 * scripts/build-data.ts (src/lib/build-report.ts); published here so it is never older than the pages.
 */
import type { APIRoute } from 'astro';
import { buildReport } from '../components/build-report.ts';

export const GET: APIRoute = async () => {
  const report = await buildReport();
  const body = report ?? { version: 1, missing: 'no .cache/build-report.json: the site was not built by `npm run build` (scripts/build-data.ts)' };
  return new Response(`${JSON.stringify(body, null, 1)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
