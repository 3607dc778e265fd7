/**
 * The statutory publication deadline of a report and how late it was published. Pure.
 *
 * 《政府信息公开条例》（2019 年修订，5 月 15 日起施行）第四十九条: 县级以上人民政府部门 publish their report on the
 * previous year by 1 月 31 日; the 政府信息公开工作主管部门 publishes the 本级人民政府's own report by 3 月 31 日. Reports
 * on 2008–2018 fell under the 2007 条例's 第三十一条: every agency by 3 月 31 日. Before 2008 there was no deadline.
 */
import type { AgencyKind } from './agency-kind.ts';
import { isCalendarDate } from '../parser/dates.ts';
import { formatDate, formatShare } from './format.ts';

export interface Deadline {
  /** The last day the report could be published on time, `YYYY-MM-DD`. */
  readonly date: string;
  /** The provision it comes from. */
  readonly basis: string;
}

/** The first report year under the 2019 条例 (its reports were due in 2020). */
export const ARTICLE_49_FROM = 2019;
/** The first report year with any deadline (the 2007 条例 took effect on 1 May 2008). */
export const DEADLINES_FROM = 2008;

/** The deadline of a report on `year` by an agency of `kind`; null for a year before any deadline. */
export function deadline(year: number, kind: AgencyKind): Deadline | null {
  if (!Number.isInteger(year) || year < DEADLINES_FROM) return null;
  if (year < ARTICLE_49_FROM) return { date: `${year + 1}-03-31`, basis: '《政府信息公开条例》（2007 年）第三十一条' };
  return kind === 'government'
    ? { date: `${year + 1}-03-31`, basis: '《政府信息公开条例》第四十九条' }
    : { date: `${year + 1}-01-31`, basis: '《政府信息公开条例》第四十九条' };
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a real calendar date `YYYY-MM-DD`; null for anything else (2024-02-30 included). */
export function dayNumber(date: string): number | null {
  if (!isCalendarDate(date)) return null;
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

export type Timeliness =
  /** No publication date, no year, or a year without a deadline: nothing is said. */
  | { readonly kind: 'unknown' }
  | { readonly kind: 'on-time'; readonly deadline: Deadline }
  | { readonly kind: 'late'; readonly deadline: Deadline; readonly daysLate: number };

export interface Dated {
  /** Publication date `YYYY-MM-DD`, or null when the report does not state it. */
  readonly published: string | null;
  /** The reported year. */
  readonly year: number | null;
}

/** Whether a report was published by its deadline, and if not, by how many days it missed it. */
export function timeliness(report: Dated, kind: AgencyKind): Timeliness {
  if (report.published === null || report.year === null) return { kind: 'unknown' };
  const due = deadline(report.year, kind);
  const published = dayNumber(report.published);
  const last = due === null ? null : dayNumber(due.date);
  if (due === null || published === null || last === null) return { kind: 'unknown' };
  const daysLate = published - last;
  return daysLate > 0 ? { kind: 'late', deadline: due, daysLate } : { kind: 'on-time', deadline: due };
}

/** What the report page says next to 发布日期: `晚于法定期限（2024 年 1 月 31 日）38 天`, 按期发布, or nothing. */
export function timelinessText(t: Timeliness): string | null {
  if (t.kind === 'late') return `晚于法定期限（${formatDate(t.deadline.date)}）${t.daysLate} 天`;
  if (t.kind === 'on-time') return '按期发布';
  return null;
}

/** The rule for reports on `year`, in a sentence for readers; null for a year before any deadline. */
export function deadlineRuleText(year: number): string | null {
  if (!Number.isInteger(year) || year < DEADLINES_FROM) return null;
  if (year < ARTICLE_49_FROM) return `法定期限：各级行政机关的 ${year} 年度报告应在 ${year + 1} 年 3 月 31 日前公布（2007 年《政府信息公开条例》第三十一条）。`;
  return `法定期限：政府部门的 ${year} 年度报告应在 ${year + 1} 年 1 月 31 日前公布，本级人民政府的年度报告应在 ${year + 1} 年 3 月 31 日前公布（《政府信息公开条例》第四十九条）。`;
}

export interface TimelinessSummary {
  /** Reports with a publication date and a deadline: the denominator. */
  readonly known: number;
  readonly onTime: number;
  /** Reports that state no publication date. */
  readonly undated: number;
}

/** On-time counts over reports, each with its agency's kind. */
export function summarizeTimeliness(reports: Iterable<{ readonly report: Dated; readonly kind: AgencyKind }>): TimelinessSummary {
  let known = 0;
  let onTime = 0;
  let undated = 0;
  for (const { report, kind } of reports) {
    if (report.published === null || dayNumber(report.published) === null) {
      undated++;
      continue;
    }
    const t = timeliness(report, kind);
    if (t.kind === 'unknown') continue; // a year without a deadline
    known++;
    if (t.kind === 'on-time') onTime++;
  }
  return { known, onTime, undated };
}

/**
 * The year page's line: `按期发布 3/4（75.0%），另有 2 份未写明发布日期`; `4 份报告均未写明发布日期` when no date is
 * known; null when there is nothing to say.
 */
export function timelinessSummaryText(s: TimelinessSummary): string | null {
  if (s.known === 0) return s.undated === 0 ? null : `${s.undated} 份报告均未写明发布日期`;
  const main = `按期发布 ${s.onTime}/${s.known}（${formatShare(s.onTime / s.known)}）`;
  return s.undated > 0 ? `${main}，另有 ${s.undated} 份未写明发布日期` : main;
}
