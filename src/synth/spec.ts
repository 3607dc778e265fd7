/** The statutory templates as the synthetic corpus uses them: canonical ids and labels, typed. */
import type { TemplateId } from '../schema/record.ts';

export type { TemplateId } from '../schema/record.ts';
/** The statutory templates (canonical ids and labels) as the parser defines them. */
export { TEMPLATES as SPEC } from '../schema/template.ts';
/** The six applicant columns of 表三, and its result rows (三、本年度办理结果) in statutory order. */
export { APPLICANTS, resultRows } from '../parser/identities.ts';

export type Layout = 'tabs' | 'cell-per-line' | 'oneline' | 'markdown';
export const LAYOUTS: readonly Layout[] = ['tabs', 'cell-per-line', 'oneline', 'markdown'];

/** rowId → columnId → value: every cell of a statutory table. */
export type Grid = Record<string, Record<string, number>>;

export interface SynthTables {
  proactive: Grid;
  requests: Grid;
  review: Grid;
}

/** The template a report on `year` follows (2019 template for 2019–2020, 2021 template after). */
export function templateForYear(year: number): TemplateId {
  return year <= 2020 ? '2019' : '2021';
}
