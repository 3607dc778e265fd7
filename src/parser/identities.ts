/**
 * The consistency identities (勾稽关系) as linear equations over cells: Σ plus − Σ minus = 0.
 * One list serves three purposes: choosing among glued-digit splits, inferring a missing cell, and validation.
 */
import type { FindingCode, TemplateId } from '../schema/record.ts';
import { TEMPLATES } from './template.ts';
import { labelOf, resultRowIds } from '../schema/template.ts';

export interface Equation {
  /** Cell keys `table/row/column`. */
  plus: string[];
  minus: string[];
  code: FindingCode;
  /** Human description, e.g. 表三 自然人列: 新收 + 结转 = 总计 + 结转下年. */
  label: string;
}

export const APPLICANTS = ['naturalPerson', 'commercial', 'research', 'nonprofit', 'legalService', 'other'] as const;
export const REVIEW_PARTS = ['upheld', 'corrected', 'other', 'pending'] as const;

const keyStrings = new Map<string, Map<string, Map<string, string>>>();

/**
 * The cell key `table/row/column`. Interned: every call for the same cell returns the same (flat, already hashed)
 * string, which makes the many Map lookups by cell key cheap. Tables and rows come from the templates, so the set
 * of keys stays small.
 */
export function key(table: string, row: string, column: string): string {
  let rows = keyStrings.get(table);
  if (!rows) keyStrings.set(table, (rows = new Map()));
  let columns = rows.get(row);
  if (!columns) rows.set(row, (columns = new Map()));
  let k = columns.get(column);
  if (k === undefined) columns.set(column, (k = `${table}/${row}/${column}`));
  return k;
}

/** Result rows of 表三: everything from （一）予以公开 to （六）其他处理, in order (src/schema/template.ts). */
export const resultRows = resultRowIds;

const equationCache = new Map<TemplateId, Equation[]>();

/** 表三's identities for a template (computed once per template). */
export function requestEquations(template: TemplateId): Equation[] {
  let eqs = equationCache.get(template);
  if (!eqs) {
    eqs = buildRequestEquations(template);
    equationCache.set(template, eqs);
  }
  return eqs;
}

function buildRequestEquations(template: TemplateId): Equation[] {
  const spec = TEMPLATES[template].requests;
  const columns = spec.columns.map((c) => c.id);
  const rowLabel = new Map(spec.rows.map((r) => [r.id, r.label.split(' / ').pop() ?? r.label]));
  const eqs: Equation[] = [];
  for (const row of spec.rows) {
    eqs.push({
      plus: APPLICANTS.map((c) => key('requests', row.id, c)),
      minus: [key('requests', row.id, 'total')],
      code: 'IDENTITY_ROW',
      label: `表三「${rowLabel.get(row.id)}」行: 各类申请人之和 = 总计`,
    });
  }
  const results = resultRows(template);
  for (const c of columns) {
    eqs.push({
      plus: [key('requests', 'newReceived', c), key('requests', 'carriedOver', c)],
      minus: [key('requests', 'total', c), key('requests', 'carriedForward', c)],
      code: 'IDENTITY_COLUMN',
      label: `表三「${labelOf(template, 'requests', 'columns', c)}」列: 本年新收 + 上年结转 = 办理结果总计 + 结转下年度`,
    });
    eqs.push({
      plus: results.map((r) => key('requests', r, c)),
      minus: [key('requests', 'total', c)],
      code: 'IDENTITY_RESULTS',
      label: `表三「${labelOf(template, 'requests', 'columns', c)}」列: 各项办理结果之和 = （七）总计`,
    });
  }
  return eqs;
}

const REVIEW_EQUATIONS: Equation[] = buildReviewEquations();

export function reviewEquations(): Equation[] {
  return REVIEW_EQUATIONS;
}

function buildReviewEquations(): Equation[] {
  // (表四 is the same in both templates)
  return TEMPLATES['2021'].review.rows.map((row) => ({
    plus: REVIEW_PARTS.map((c) => key('review', row.id, c)),
    minus: [key('review', row.id, 'total')],
    code: 'IDENTITY_REVIEW' as const,
    label: `表四「${row.label}」: 维持 + 纠正 + 其他 + 尚未审结 = 总计`,
  }));
}

export type Lookup = (cellKey: string) => number | null | undefined;

/** Residual Σplus − Σminus, or null when a cell is unknown. */
export function residual(eq: Equation, get: Lookup): number | null {
  let sum = 0;
  for (const k of eq.plus) {
    const v = get(k);
    if (v === null || v === undefined) return null;
    sum += v;
  }
  for (const k of eq.minus) {
    const v = get(k);
    if (v === null || v === undefined) return null;
    sum -= v;
  }
  return Math.round(sum * 1e6) / 1e6;
}

/**
 * For an identity with one side a single total (parts = total) and some cell blank or unread: the parts read and the
 * total read when the parts read already exceed the total (so no value of the blank cells can make it hold), else null.
 */
export function partsOverTotal(eq: Equation, get: Lookup): { parts: number; total: number } | null {
  if (eq.minus.length !== 1) return null;
  const total = get(eq.minus[0]!);
  if (total === null || total === undefined) return null;
  let parts = 0;
  for (const k of eq.plus) parts += get(k) ?? 0;
  return Math.round((parts - total) * 1e6) > 0 ? { parts, total } : null;
}
