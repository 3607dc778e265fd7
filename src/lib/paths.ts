/**
 * Stable ASCII URLs of the portal, and joining them with the deployment base path. Page URLs end with a slash;
 * data files end with their extension.
 */

/** Joins the base path (`/`, `/nianbao`, `/nianbao/`) and a site path (`/agencies/`) without doubled slashes. */
export function withBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base.slice(0, -1) : base;
  const p = path.startsWith('/') ? path : `/${path}`;
  return `${b}${p}`;
}

/** Absolute URL of a site path for feeds, sitemaps and OpenGraph: origin + base + path. */
export function absoluteUrl(site: string | URL, base: string, path: string): string {
  const origin = String(site).replace(/\/+$/, '');
  return `${origin}${withBase(base, path)}`;
}

export const agencyPath = (slug: string): string => `/agencies/${slug}/`;
/** A report's year as its URLs spell it: the year, or `0` when the report does not say. */
export const urlYear = (year: number | null): string => String(year ?? 0);
export const reportPath = (slug: string, year: number | null): string => `/agencies/${slug}/${urlYear(year)}/`;
export const yearPath = (year: number): string => `/years/${year}/`;
/** One report's open data: its full record (JSON) or its cells (CSV), each gzip-compressed (scripts/open-data.ts). */
export const recordDataPath = (slug: string, year: number | null, ext: 'json' | 'csv'): string => `/data/${slug}/${urlYear(year)}.${ext}.gz`;
/** Every cell of one agency's reports (open data, CSV, gzip). */
export const agencyDataPath = (slug: string): string => `/data/by-agency/${slug}.csv.gz`;
/** Every cell of one year's reports (open data, CSV, gzip). */
export const yearDataPath = (year: number): string => `/data/by-year/${year}.csv.gz`;
/** Every cell of every report (open data, CSV, gzip). */
export const CELLS_DATA_PATH = '/data/cells.csv.gz';
/** One summary per report: identity, key figures, cell, anomaly and finding counts (open data, JSON, gzip). */
export const SUMMARIES_DATA_PATH = '/data/summaries.json.gz';
/** Every table, row, column and group id with its printed label (CSV, uncompressed). */
export const CODEBOOK_DATA_PATH = '/data/codebook.csv';

/** Anchor of a source line on a report page: `L88`. */
export const lineAnchor = (line: number): string => `L${line}`;
