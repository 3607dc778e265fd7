/**
 * Key figures of one report, derived from its tables: request outcomes summed into the six outcome groups, and
 * shares of the total results. A figure is null when none of the cells it sums was read — never a silent 0.
 */
import type { ReportRecord, TemplateId } from '../schema/record.ts';
import { resultRowIds } from './template.ts';
import { OUTCOMES, type KeyFigures, type Outcome } from '../schema/summary.ts';

type Tables = ReportRecord['tables'];

/** Sum of the values that are present; null when every one is null (nothing read), so 0 keeps meaning 0. */
export function sumPresent(values: ReadonlyArray<number | null | undefined>): number | null {
  let total: number | null = null;
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) total = (total ?? 0) + v;
  return total;
}

export { OUTCOMES, type KeyFigures, type Outcome } from '../schema/summary.ts';

export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = {
  granted: '予以公开',
  partiallyGranted: '部分公开',
  denied: '不予公开',
  unavailable: '无法提供',
  notProcessed: '不予处理',
  otherHandling: '其他处理',
};

/** The outcome group a 表三 row belongs to: `denied.stateSecret` → denied, `otherHandling.feeUnpaid` → otherHandling. */
export function outcomeOf(rowId: string): Outcome | null {
  const head = rowId.split('.')[0] ?? rowId;
  return (OUTCOMES as readonly string[]).includes(head) ? (head as Outcome) : null;
}

/** 表三 总计-column value of one row. */
export function requestTotal(tables: Tables, rowId: string): number | null {
  return tables.requests[rowId]?.['total'] ?? null;
}

/** Outcome mix of a report: each group summed over its rows (总计 column). */
export function outcomeMix(tables: Tables, template: TemplateId): Record<Outcome, number | null> {
  const groups: Record<Outcome, Array<number | null>> = {
    granted: [],
    partiallyGranted: [],
    denied: [],
    unavailable: [],
    notProcessed: [],
    otherHandling: [],
  };
  const rows = new Set(resultRowIds(template));
  // A 2021 record may carry only otherHandling.other (single printed row); a 2019 one only otherHandling.
  for (const rowId of Object.keys(tables.requests)) rows.add(rowId);
  for (const rowId of rows) {
    const outcome = outcomeOf(rowId);
    if (outcome) groups[outcome].push(requestTotal(tables, rowId));
  }
  return {
    granted: sumPresent(groups.granted),
    partiallyGranted: sumPresent(groups.partiallyGranted),
    denied: sumPresent(groups.denied),
    unavailable: sumPresent(groups.unavailable),
    notProcessed: sumPresent(groups.notProcessed),
    otherHandling: sumPresent(groups.otherHandling),
  };
}

/** numerator / denominator, or null when either is missing or the denominator is 0. */
export function share(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return numerator / denominator;
}

/** Key figures of one report. */
export function keyFigures(record: Pick<ReportRecord, 'tables' | 'template' | 'facts'>): KeyFigures {
  const t = record.tables;
  const outcomes = outcomeMix(t, record.template);
  const totalResults = requestTotal(t, 'total');
  const grantedLike = sumPresent([outcomes.granted, outcomes.partiallyGranted]);
  const reviewRows = ['adminReview', 'litigationDirect', 'litigationAfterReview'];
  return {
    proactiveCount: record.facts.proactiveCount?.value ?? null,
    proactiveApproximate: record.facts.proactiveCount?.approximate === true,
    licensingDecisions: t.proactive['licensing']?.['decisions'] ?? null,
    penaltyDecisions: t.proactive['penalty']?.['decisions'] ?? null,
    newReceived: requestTotal(t, 'newReceived'),
    carriedOver: requestTotal(t, 'carriedOver'),
    totalResults,
    carriedForward: requestTotal(t, 'carriedForward'),
    outcomes,
    grantedShare: share(grantedLike, totalResults),
    deniedShare: share(outcomes.denied, totalResults),
    reviewsAndSuits: sumPresent(reviewRows.map((r) => t.review[r]?.['total'] ?? null)),
    corrected: sumPresent(reviewRows.map((r) => t.review[r]?.['corrected'] ?? null)),
    adminReviews: t.review['adminReview']?.['total'] ?? null,
    adminReviewsCorrected: t.review['adminReview']?.['corrected'] ?? null,
  };
}

/** Share over the reports where both the part and the whole were read (so a missing total cannot inflate it). */
function pooledShare(list: readonly KeyFigures[], part: (k: KeyFigures) => number | null): number | null {
  let num: number | null = null;
  let den: number | null = null;
  for (const k of list) {
    const n = part(k);
    if (n === null || k.totalResults === null) continue;
    num = (num ?? 0) + n;
    den = (den ?? 0) + k.totalResults;
  }
  return share(num, den);
}

/**
 * Column-wise totals of many reports' key figures. Shares are pooled (summed counts over the reports where both
 * counts were read), not averaged.
 */
export function totalFigures(list: readonly KeyFigures[]): KeyFigures {
  const sum = (pick: (k: KeyFigures) => number | null): number | null => sumPresent(list.map(pick));
  const outcomes = {
    granted: sum((k) => k.outcomes.granted),
    partiallyGranted: sum((k) => k.outcomes.partiallyGranted),
    denied: sum((k) => k.outcomes.denied),
    unavailable: sum((k) => k.outcomes.unavailable),
    notProcessed: sum((k) => k.outcomes.notProcessed),
    otherHandling: sum((k) => k.outcomes.otherHandling),
  };
  const totalResults = sum((k) => k.totalResults);
  return {
    proactiveCount: sum((k) => k.proactiveCount),
    proactiveApproximate: list.some((k) => k.proactiveCount !== null && k.proactiveApproximate),
    licensingDecisions: sum((k) => k.licensingDecisions),
    penaltyDecisions: sum((k) => k.penaltyDecisions),
    newReceived: sum((k) => k.newReceived),
    carriedOver: sum((k) => k.carriedOver),
    totalResults,
    carriedForward: sum((k) => k.carriedForward),
    outcomes,
    grantedShare: pooledShare(list, (k) => sumPresent([k.outcomes.granted, k.outcomes.partiallyGranted])),
    deniedShare: pooledShare(list, (k) => k.outcomes.denied),
    reviewsAndSuits: sum((k) => k.reviewsAndSuits),
    corrected: sum((k) => k.corrected),
    adminReviews: sum((k) => k.adminReviews),
    adminReviewsCorrected: sum((k) => k.adminReviewsCorrected),
  };
}
