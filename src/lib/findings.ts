/**
 * Findings, sorted into the two kinds the portal keeps apart: source anomalies (the agency's printed numbers
 * disagree with each other) and parse doubts (we could not read something). The consistency badge counts anomalies
 * and unread cells.
 */
import type { ReportSummary } from '../schema/summary.ts';
import type { Finding, FindingCode, ReportRecord, TemplateId } from '../schema/record.ts';
import { templateCells, type CellRef } from './template.ts';

export const ANOMALY_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>([
  'IDENTITY_COLUMN',
  'IDENTITY_ROW',
  'IDENTITY_RESULTS',
  'IDENTITY_REVIEW',
  'PROSE_MISMATCH',
  'CROSS_YEAR_CARRY',
  'NEGATIVE_COUNT',
]);

export function isAnomaly(f: Pick<Finding, 'code'>): boolean {
  return ANOMALY_CODES.has(f.code);
}

/** Short Chinese name of every finding code (a code added to the schema without a name here fails the type check). */
export const FINDING_LABELS: Readonly<Record<FindingCode, string>> = {
  IDENTITY_COLUMN: '表三列勾稽不符',
  IDENTITY_ROW: '表三行合计不符',
  IDENTITY_RESULTS: '表三办理结果合计不符',
  IDENTITY_REVIEW: '表四合计不符',
  PROSE_MISMATCH: '正文数字与表格不符',
  CROSS_YEAR_CARRY: '与上年结转数不符',
  CELL_UNREADABLE: '单元格无法识读',
  CELL_INFERRED: '单元格由勾稽关系推算',
  GLUED_AMBIGUOUS: '粘连数字无法唯一拆分',
  GLUED_REPEATED: '粘连数字按同一数连印读出',
  TABLE_MISSING: '未找到法定表格',
  SECTION_MISSING: '未找到报告章节',
  TEMPLATE_UNCERTAIN: '无法确定表格模板',
  AGENCY_UNKNOWN: '未找到机构名称',
  YEAR_UNKNOWN: '未找到报告年度',
  OTHER_HANDLING_SINGLE_ROW: '“其他处理”仅列一行',
  TABLE_REORDERED: '表格排列错乱，已按勾稽关系重组',
  EMPTY_INPUT: '文本为空',
  PARSE_FAILED: '解析器出错',
  TEXT_GARBLED: '文字提取成乱码',
  PROACTIVE_COUNT_MISSING: '正文未写明主动公开总数',
  DATE_INVALID: '发布日期无效',
  SLUG_CONFLICT: '机构网址重名',
  DECODE_FAILED: '文件解码出错',
  NUMBER_INEXACT: '数字无法精确表示',
  NEGATIVE_COUNT: '件数为负数',
  YEAR_GUESSED: '年度由正文推定',
  SERIAL_COLUMN: '表格带序号列，序号不计入',
  LINES_BOTTOM_UP: '各页文字行自下而上排列，已按页面顺序读取',
  OCR_DIGIT: '识别文字中的字母按数字读',
  COUNT_NOT_WHOLE: '件数带小数',
  UNIT_CONVERTED: '金额按表头单位（元）换算为万元',
};

export function findingLabel(code: FindingCode): string {
  return FINDING_LABELS[code];
}

export const SEVERITY_LABELS: Readonly<Record<Finding['severity'], string>> = { error: '错误', warning: '警告', info: '提示' };

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

export function countBySeverity(findings: readonly Pick<Finding, 'severity'>[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

/** Anomalies first, then doubts; within each, by source line (whole-report findings first), then code. */
export function sortFindings<T extends Pick<Finding, 'code' | 'line'>>(findings: readonly T[]): T[] {
  return [...findings].sort(
    (a, b) =>
      Number(isAnomaly(b)) - Number(isAnomaly(a)) || (a.line ?? 0) - (b.line ?? 0) || a.code.localeCompare(b.code),
  );
}

/** Template cells holding a number (`read`) of all the cells the report's template has (`total`). */
export interface CellCount {
  readonly read: number;
  readonly total: number;
}

const cellsOfTemplate = new Map<TemplateId, readonly CellRef[]>();

/**
 * Cells of the report's template (src/lib/template.ts templateCells) that hold a number — read, inferred from the
 * identities or corrected — out of all its cells. Cells a record carries outside its template are not counted.
 */
export function cellsRead(record: Pick<ReportRecord, 'template' | 'tables'>): CellCount {
  let cells = cellsOfTemplate.get(record.template);
  if (!cells) {
    cells = templateCells(record.template);
    cellsOfTemplate.set(record.template, cells);
  }
  let read = 0;
  for (const c of cells) if (typeof record.tables[c.table][c.row]?.[c.column] === 'number') read++;
  return { read, total: cells.length };
}

export interface Consistency {
  /** `ok`: every cell read, every identity holds; `anomalies`: an identity fails; `incomplete`: cells unread; `no-data`: none read. */
  readonly kind: 'ok' | 'incomplete' | 'anomalies' | 'no-data';
  /** Template cells without a number. */
  readonly unread: number;
  /** Source anomalies (identities the printed numbers break). */
  readonly anomalies: number;
  /** What the badge says: 校验通过, `14 格未读取`, `2 处不一致`, both, or 未读取到表格数据. */
  readonly label: string;
}

/**
 * The consistency badge. 校验通过 only when every cell of the report's template holds a number and no identity
 * fails; otherwise what is short: `14 格未读取`, `2 处不一致`, or `14 格未读取，2 处不一致`. 未读取到表格数据 when no
 * cell was read at all (nothing could be checked, so nothing is claimed).
 */
export function consistency(report: Pick<ReportSummary, 'cells' | 'anomalies'>): Consistency {
  const { read, total } = report.cells;
  const unread = total - read;
  const anomalies = report.anomalies;
  if (read === 0) return { kind: 'no-data', unread, anomalies, label: '未读取到表格数据' };
  const short = [unread > 0 ? `${unread} 格未读取` : null, anomalies > 0 ? `${anomalies} 处不一致` : null].filter((x) => x !== null);
  if (short.length === 0) return { kind: 'ok', unread, anomalies, label: '校验通过' };
  return { kind: anomalies > 0 ? 'anomalies' : 'incomplete', unread, anomalies, label: short.join('，') };
}
