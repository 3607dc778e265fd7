/**
 * Typed, read-only view of statutory-template.json (canonical row/column ids and official labels of both
 * templates), plus the cell lists the site iterates over. The JSON is owned by the parser; this module only reads it.
 */
import spec from '../parser/statutory-template.json' with { type: 'json' };
import type { TableId, TemplateId } from '../schema/record.ts';

export interface LabelledId {
  readonly id: string;
  readonly label: string;
}
export interface ProactiveGroupSpec extends LabelledId {
  readonly rows: readonly LabelledId[];
  readonly columns: readonly LabelledId[];
}
export interface TemplateSpec {
  readonly basis: string;
  readonly proactive: { readonly title: string; readonly groups: readonly ProactiveGroupSpec[] };
  readonly requests: { readonly title: string; readonly rows: readonly LabelledId[]; readonly columns: readonly LabelledId[] };
  readonly review: { readonly title: string; readonly rows: readonly LabelledId[]; readonly columns: readonly LabelledId[] };
}

export const TEMPLATE_SPECS: Readonly<Record<TemplateId, TemplateSpec>> = spec;

/** 表二/表三/表四 — the numbering the official template gives the three tables. */
export const TABLE_NUMBERS: Readonly<Record<TableId, string>> = { proactive: '表二', requests: '表三', review: '表四' };

/** Human name of a template, e.g. `2021 版（国办公开办函〔2021〕30号）`. */
export function templateName(template: TemplateId): string {
  const basis = TEMPLATE_SPECS[template].basis.split(';')[0]?.trim() ?? '';
  return `${template} 版（${basis}）`;
}

export interface CellRef {
  readonly table: TableId;
  readonly row: string;
  readonly column: string;
  /** `table/row/column`, the key of record.provenance. */
  readonly key: string;
}

function ref(table: TableId, row: string, column: string): CellRef {
  return { table, row, column, key: `${table}/${row}/${column}` };
}

/** Every cell of the template in official reading order: 表二 group by group, then 表三, then 表四, row by row. */
export function templateCells(template: TemplateId): CellRef[] {
  const t = TEMPLATE_SPECS[template];
  const cells: CellRef[] = [];
  for (const g of t.proactive.groups) for (const r of g.rows) for (const c of g.columns) cells.push(ref('proactive', r.id, c.id));
  for (const r of t.requests.rows) for (const c of t.requests.columns) cells.push(ref('requests', r.id, c.id));
  for (const r of t.review.rows) for (const c of t.review.columns) cells.push(ref('review', r.id, c.id));
  return cells;
}

/** Row ids of 表三 that are results of handling (（一）予以公开 … （六）其他处理), in order. */
export function resultRowIds(template: TemplateId): string[] {
  const ids = TEMPLATE_SPECS[template].requests.rows.map((r) => r.id);
  return ids.slice(ids.indexOf('granted'), ids.indexOf('total'));
}
