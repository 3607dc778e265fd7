/**
 * The `reports` content collection's entry (src/content.config.ts): what list pages, charts, the feed and the search
 * plan need of a report, derived from the record contract (src/schema/record.ts) — its identity fields picked from
 * the record schema, its figures computed once by build-data (src/lib/summary.ts). Small enough (about 1 KB) that
 * 100,000 reports fit Astro's data store; a report's own page reads its full record by id.
 */
import { z } from 'zod';
import { record } from './record.ts';

/** The six outcome groups of 表三 (（一）…（六）), as shown in the outcome-mix charts. */
export const OUTCOMES = ['granted', 'partiallyGranted', 'denied', 'unavailable', 'notProcessed', 'otherHandling'] as const;
export type Outcome = (typeof OUTCOMES)[number];

const count = z.number().nullable();

/** Key figures of one report (src/lib/rates.ts keyFigures); a figure is null when none of its cells was read. */
export const keyFigures = z.object({
  /** 主动公开 total stated in the prose (null when it states none, or two that conflict). */
  proactiveCount: count,
  /** True when that total is approximate as printed (7700余条): shown as 约 7,700. */
  proactiveApproximate: z.boolean(),
  /** 表二 行政许可 本年处理决定数量 (2021) / 处理决定数量 (2019). */
  licensingDecisions: count,
  /** 表二 行政处罚 decisions. */
  penaltyDecisions: count,
  /** 表三 一、本年新收 总计. */
  newReceived: count,
  /** 表三 二、上年结转 总计. */
  carriedOver: count,
  /** 表三 （七）总计 总计: all results of the year. */
  totalResults: count,
  /** 表三 四、结转下年度继续办理 总计. */
  carriedForward: count,
  /** Each outcome group summed over its rows (总计 column). */
  outcomes: z.object(Object.fromEntries(OUTCOMES.map((o) => [o, count])) as Record<Outcome, typeof count>),
  /** (予以公开 + 部分公开) / 总计. */
  grantedShare: count,
  /** 不予公开 / 总计. */
  deniedShare: count,
  /** 表四 行政复议 总计 + 行政诉讼 (both kinds) 总计. */
  reviewsAndSuits: count,
  /** 表四 结果纠正, summed over the three rows. */
  corrected: count,
  /** 表四 行政复议 总计 (the denominator of 复议纠错率). */
  adminReviews: count,
  /** 表四 行政复议 结果纠正. */
  adminReviewsCorrected: count,
});
export type KeyFigures = z.infer<typeof keyFigures>;

/** The numeric key figures in schema order: their order in a stored summary (`figures` is an array there: see storedSummary). */
export const FIGURE_ORDER = Object.keys(keyFigures.shape).filter((k) => k !== 'proactiveApproximate' && k !== 'outcomes') as Array<
  Exclude<keyof KeyFigures, 'proactiveApproximate' | 'outcomes'>
>;

export const reportSummary = record
  .pick({ id: true, agency: true, year: true, template: true, published: true })
  .extend({
    figures: keyFigures,
    /** Template cells read, of the template's cells. */
    cells: z.object({ read: z.number().int(), total: z.number().int() }),
    /** Source anomalies found (identities the printed numbers break): the consistency badge's count. */
    anomalies: z.number().int(),
    /** Findings by severity. */
    findings: z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }),
  });
export type ReportSummary = z.infer<typeof reportSummary>;

/**
 * A summary as the `reports` collection stores it: the same fields, with the key figures as one array in
 * FIGURE_ORDER followed by the six outcomes in OUTCOMES order (and the approximation flag apart). Astro's data store
 * writes every object's keys out again for each entry, and the whole store is bundled into the build: at 10,000
 * reports the key names alone were a fifth of it. src/components/data.ts expands it back, once per build.
 */
export const storedSummary = reportSummary.omit({ figures: true }).extend({
  /** FIGURE_ORDER values, then OUTCOMES values. */
  figures: z.array(z.number().nullable()).length(FIGURE_ORDER.length + OUTCOMES.length),
  /** keyFigures.proactiveApproximate. */
  approximate: z.boolean(),
});
export type StoredSummary = z.infer<typeof storedSummary>;

/** A summary as stored. */
export function toStored(s: ReportSummary): StoredSummary {
  const { figures, ...rest } = s;
  return { ...rest, figures: [...FIGURE_ORDER.map((k) => figures[k]), ...OUTCOMES.map((o) => figures.outcomes[o])], approximate: figures.proactiveApproximate };
}

/** A stored summary expanded back (toStored's inverse). */
export function fromStored(s: StoredSummary): ReportSummary {
  const { figures: values, approximate, ...rest } = s;
  const at = (i: number): number | null => values[i] ?? null;
  const figures = Object.fromEntries(FIGURE_ORDER.map((k, i) => [k, at(i)])) as Record<(typeof FIGURE_ORDER)[number], number | null>;
  const outcomes = Object.fromEntries(OUTCOMES.map((o, i) => [o, at(FIGURE_ORDER.length + i)])) as Record<Outcome, number | null>;
  return { ...rest, figures: { ...figures, proactiveApproximate: approximate, outcomes } };
}
