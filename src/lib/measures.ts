/**
 * The measures visitors can compare across agencies and years (/compare/), each defined once: its name, unit,
 * formula in words, the statutory table it is read from, and how it is computed from a report's key figures
 * (src/schema/summary.ts). /about/ lists these definitions; the compare view and its CSV use them. Pure.
 *
 * A rate keeps its numerator and denominator: the page shows both, and marks a rate whose denominator is below
 * SMALL_DENOMINATOR (a share of 3 requests says little), never ranking by it.
 */
import type { KeyFigures } from '../schema/summary.ts';
import type { Source } from './chart-spec.ts';
import { sumPresent } from './rates.ts';
import { SMALL, type CompareData } from './compare.ts';

/** A rate whose denominator is below this is marked 分母较小 (one number, shared with the compare view). */
export const SMALL_DENOMINATOR = SMALL;

export interface MeasureValue {
  readonly value: number | null;
  /** For a rate: the counts it divides (null when not read). */
  readonly numerator?: number | null;
  readonly denominator?: number | null;
}

export interface Measure {
  /** URL key (`?m=grantedRate`); never shown. */
  readonly id: string;
  readonly label: string;
  /** `件`, `条`, or `%` for a rate. */
  readonly unit: '件' | '条' | '%';
  readonly kind: 'count' | 'rate';
  readonly source: Source;
  /** The formula in words, with the printed row and column names. */
  readonly formula: string;
  /** The table (or the prose) and the rows it is read from. */
  readonly table: string;
  readonly of: (k: KeyFigures) => MeasureValue;
}

const count = (pick: (k: KeyFigures) => number | null) => (k: KeyFigures): MeasureValue => ({ value: pick(k) });

/** numerator / denominator with both kept; null when either is missing or the denominator is 0. */
export function rate(numerator: number | null, denominator: number | null): MeasureValue {
  const value = numerator === null || denominator === null || denominator === 0 ? null : numerator / denominator;
  return { value, numerator, denominator };
}

export const MEASURES: readonly Measure[] = [
  {
    id: 'proactive',
    label: '主动公开政府信息数量',
    unit: '条',
    kind: 'count',
    source: '正文',
    formula: '报告正文所述的全年主动公开政府信息总数',
    table: '正文“主动公开”部分（不取分类、单一渠道或历年累计的数字；未写明或前后不一时留空）',
    of: count((k) => k.proactiveCount),
  },
  {
    id: 'newReceived',
    label: '新收政府信息公开申请',
    unit: '件',
    kind: 'count',
    source: '表三',
    formula: '“一、本年新收政府信息公开申请数量”的总计',
    table: '表三 收到和处理政府信息公开申请情况',
    of: count((k) => k.newReceived),
  },
  {
    id: 'grantedRate',
    label: '予以公开率',
    unit: '%',
    kind: 'rate',
    source: '表三',
    formula: '（“（一）予以公开” + “（二）部分公开”）÷“（七）总计”，均取总计列',
    table: '表三 三、本年度办理结果',
    of: (k) => rate(sumPresent([k.outcomes.granted, k.outcomes.partiallyGranted]), k.totalResults),
  },
  {
    id: 'deniedRate',
    label: '不予公开率',
    unit: '%',
    kind: 'rate',
    source: '表三',
    formula: '“（三）不予公开”（1 至 8 项之和）÷“（七）总计”，均取总计列',
    table: '表三 三、本年度办理结果',
    of: (k) => rate(k.outcomes.denied, k.totalResults),
  },
  {
    id: 'licensing',
    label: '行政许可决定',
    unit: '件',
    kind: 'count',
    source: '表二',
    formula: '第二十条第（五）项“行政许可”的本年处理决定数量（2019 版模板为“处理决定数量”）',
    table: '表二 主动公开政府信息情况',
    of: count((k) => k.licensingDecisions),
  },
  {
    id: 'penalty',
    label: '行政处罚决定',
    unit: '件',
    kind: 'count',
    source: '表二',
    formula: '第二十条第（六）项“行政处罚”的本年处理决定数量',
    table: '表二 主动公开政府信息情况',
    of: count((k) => k.penaltyDecisions),
  },
  {
    id: 'reviewsAndSuits',
    label: '行政复议与行政诉讼',
    unit: '件',
    kind: 'count',
    source: '表四',
    formula: '“行政复议”“未经复议直接起诉”“复议后起诉”三类的总计之和',
    table: '表四 政府信息公开行政复议、行政诉讼情况',
    of: count((k) => k.reviewsAndSuits),
  },
  {
    id: 'reviewCorrectionRate',
    label: '复议纠错率',
    unit: '%',
    kind: 'rate',
    source: '表四',
    formula: '“行政复议”的“结果纠正”÷“行政复议”的“总计”',
    table: '表四 政府信息公开行政复议、行政诉讼情况',
    of: (k) => rate(k.adminReviewsCorrected, k.adminReviews),
  },
];

/** The measure with this URL key, or undefined. */
export function measureById(id: string | null | undefined): Measure | undefined {
  return MEASURES.find((m) => m.id === id);
}

/** True when a rate's denominator was read and is below SMALL_DENOMINATOR. */
export function smallDenominator(v: MeasureValue): boolean {
  return v.denominator !== undefined && v.denominator !== null && v.denominator < SMALL_DENOMINATOR;
}

/** An agency with its reports' key figures, as the agency list gives it. */
interface AgencyFigures {
  readonly slug: string;
  readonly displayName: string;
  readonly region: string | null;
  readonly level: string | null;
  readonly unidentified: boolean;
  readonly reports: ReadonlyArray<{ readonly year: number | null; readonly figures: KeyFigures }>;
}

/** The compare view's data file (/compare/data.json): every identified agency's measures per reported year. */
export function compareData(agencies: readonly AgencyFigures[]): CompareData {
  return {
    measures: MEASURES.map(({ id, label, unit, kind, source }) => ({ id, label, unit, kind, source })),
    agencies: agencies
      .filter((a) => !a.unidentified)
      .map((a) => {
        const reports = a.reports.filter((r): r is typeof r & { year: number } => r.year !== null && r.year > 0).sort((x, y) => x.year - y.year);
        return {
          slug: a.slug,
          name: a.displayName,
          region: a.region,
          level: a.level,
          years: reports.map((r) => r.year),
          values: Object.fromEntries(
            MEASURES.map((m) => [
              m.id,
              reports.map((r) => {
                const v = m.of(r.figures);
                return [v.value, v.numerator ?? null, v.denominator ?? null] as const;
              }),
            ]),
          ),
        };
      })
      .filter((a) => a.years.length > 0),
  };
}
