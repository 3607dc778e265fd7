/** The statutory templates as the synthetic corpus uses them: canonical ids and labels, typed. */
import template from '../parser/statutory-template.json' with { type: 'json' };

export type TemplateId = '2019' | '2021';
export type Layout = 'tabs' | 'cell-per-line' | 'oneline' | 'markdown';
export const LAYOUTS: readonly Layout[] = ['tabs', 'cell-per-line', 'oneline', 'markdown'];

export interface IdLabel {
  id: string;
  label: string;
}
export interface ProactiveGroupSpec {
  id: string;
  label: string;
  rows: IdLabel[];
  columns: IdLabel[];
}
export interface TemplateSpec {
  basis: string;
  proactive: { title: string; groups: ProactiveGroupSpec[] };
  requests: { title: string; rows: IdLabel[]; columns: IdLabel[] };
  review: { title: string; rows: IdLabel[]; columns: IdLabel[] };
}

export const SPEC: Record<TemplateId, TemplateSpec> = template as Record<TemplateId, TemplateSpec>;

/** rowId → columnId → value: every cell of a statutory table. */
export type Grid = Record<string, Record<string, number>>;

export interface SynthTables {
  proactive: Grid;
  requests: Grid;
  review: Grid;
}

/** The six applicant columns of 表三, then its total column. */
export const APPLICANTS = ['naturalPerson', 'commercial', 'research', 'nonprofit', 'legalService', 'other'] as const;

/** 表三 result rows (三、本年度办理结果) of a template, in statutory order. */
export function resultRows(t: TemplateId): string[] {
  return SPEC[t].requests.rows.map((r) => r.id).filter((id) => !['newReceived', 'carriedOver', 'total', 'carriedForward'].includes(id));
}

/** The template a report on `year` follows (2019 template for 2019–2020, 2021 template after). */
export function templateForYear(year: number): TemplateId {
  return year <= 2020 ? '2019' : '2021';
}
