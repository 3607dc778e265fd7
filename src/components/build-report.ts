/**
 * The build report scripts/build-data.ts wrote next to the records (.cache/build-report.json, under CONTENT_ROOT
 * when set — the same directory src/components/data.ts reads the records from), for /build-report.json and
 * /maintenance/. Read once per build.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { BUILD_REPORT_FILE, type BuildReport } from '../lib/build-report.ts';

let reportPromise: Promise<BuildReport | null> | null = null;

/** The build report, or null when build-data has not written one (the site was built from a hand-made cache). */
export function buildReport(): Promise<BuildReport | null> {
  reportPromise ??= (async () => {
    const path = join(resolve(process.env['CONTENT_ROOT'] || process.cwd()), BUILD_REPORT_FILE);
    if (!existsSync(path)) return null;
    return JSON.parse(await readFile(path, 'utf8')) as BuildReport;
  })();
  return reportPromise;
}
