/** The Atom feed's entries (src/pages/feed.xml.ts): the newest reports only, so the feed stays small at any scale. */
import { consistency } from './findings.ts';
import { reportPath } from './paths.ts';
import { latestReports } from './portal.ts';
import type { ReportSummary } from '../schema/summary.ts';
import type { FeedEntry } from './xml.ts';

/** At most this many entries: the newest reports (a feed reader polls for what is new, not the archive). */
export const FEED_MAX_ENTRIES = 50;

export function feedEntries(
  records: readonly ReportSummary[],
  nameOf: (slug: string) => string,
  url: (path: string) => string,
  limit = FEED_MAX_ENTRIES,
): FeedEntry[] {
  return latestReports(records, limit).map((r) => ({
    url: url(reportPath(r.agency.slug, r.year)),
    title: `${nameOf(r.agency.slug)} ${r.year ? `${r.year} 年度` : '（年份不详）'}政府信息公开工作年度报告`,
    updated: r.published ?? `${(r.year ?? 1969) + 1}-01-31`,
    summary: `模板：${r.template} 版；一致性校验：${consistency(r).label}。`,
  }));
}
