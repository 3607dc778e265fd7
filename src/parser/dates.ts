/**
 * Publication dates checked before they are published: a real calendar date, not before the reported year and —
 * at the build's edge, which knows today's date — not after the build. A date that fails is dropped (null) with a
 * finding naming it, never shown or used to sort.
 */
import type { Finding } from '../schema/record.ts';

/** True for `YYYY-MM-DD` naming a day that exists (2024-02-29 yes, 2023-02-29 and 2024-13-45 no). */
export function isCalendarDate(date: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** A printed publication date checked against the calendar and the reported year: the date, or null and why. */
export function checkPublished(printed: { date: string; line: number | null } | null, year: number | null): { published: string | null; finding?: Finding } {
  if (!printed) return { published: null };
  const { date, line } = printed;
  const drop = (why: string): { published: null; finding: Finding } => ({
    published: null,
    finding: { code: 'DATE_INVALID', severity: 'warning', message: `发布日期「${date}」${why}，未采用`, line },
  });
  if (!isCalendarDate(date)) return drop('不是有效的日期');
  if (year !== null && Number(date.slice(0, 4)) < year) return drop(`早于报告年度 ${year} 年`);
  return { published: date };
}

/** At the build's edge: a publication date after `today` (YYYY-MM-DD) is dropped, with the finding. */
export function futurePublished(published: string | null, today: string): Finding | null {
  if (published === null || published <= today) return null;
  return { code: 'DATE_INVALID', severity: 'warning', message: `发布日期「${published}」晚于构建日期 ${today}，未采用`, line: null };
}
