/**
 * The statutory templates (2019: 国办公开办函〔2019〕60号; 2021: 国办公开办函〔2021〕30号) — every table, row and column
 * with its canonical id and printed label — validated once by zod from src/schema/statutory-template.json. The one
 * source the parser, src/lib and the synthetic generator derive row ids, result rows, labels and cell lists from;
 * docs/spec/statutory-template.json is a copy a test keeps equal.
 */
import { z } from 'zod';
import json from './statutory-template.json' with { type: 'json' };
import type { TableId, TemplateId } from './record.ts';

const labelledId = z.object({
  /** Canonical id (ASCII; a dot joins a sub-row to its group: `denied.stateSecret`). */
  id: z.string().regex(/^[a-z][A-Za-z0-9_]*(?:\.[a-z][A-Za-z0-9_]*)?$/),
  /** The label as the official template prints it. */
  label: z.string().min(1),
});
const column = labelledId.extend({
  /** The column may print a negative number (2019's 本年增/减); every other column is a count or an amount. */
  signed: z.boolean().optional(),
});
const table = z.object({ title: z.string().min(1), rows: z.array(labelledId).min(1), columns: z.array(column).min(1) });
const group = labelledId.extend({ rows: z.array(labelledId).min(1), columns: z.array(column).min(1) });

export const templateSpec = z
  .object({
    /** The issuing document(s), `;`-separated. */
    basis: z.string().min(1),
    /** 表二: groups by 第二十条 item, each with its own columns. */
    proactive: z.object({ title: z.string().min(1), groups: z.array(group).min(1) }),
    /** 表三. */
    requests: table,
    /** 表四. */
    review: table,
  })
  .superRefine((t, ctx) => {
    const unique = (ids: string[], where: string): void => {
      const dup = ids.find((id, i) => ids.indexOf(id) !== i);
      if (dup) ctx.addIssue({ code: 'custom', message: `${where}: id "${dup}" twice` });
    };
    unique(t.proactive.groups.flatMap((g) => g.rows.map((r) => r.id)), '表二 rows');
    unique(t.requests.rows.map((r) => r.id), '表三 rows');
    unique(t.requests.columns.map((c) => c.id), '表三 columns');
    unique(t.review.rows.map((r) => r.id), '表四 rows');
    for (const id of ['newReceived', 'carriedOver', 'granted', 'total', 'carriedForward']) {
      if (!t.requests.rows.some((r) => r.id === id)) ctx.addIssue({ code: 'custom', message: `表三 has no row "${id}"` });
    }
  });

export const templateFile = z.object({ '2019': templateSpec, '2021': templateSpec });

export type TemplateSpec = z.infer<typeof templateSpec>;
export type TemplateRow = z.infer<typeof labelledId>;
export type TemplateColumn = z.infer<typeof column>;
export type ProactiveGroup = z.infer<typeof group>;
export type LabelledId = TemplateRow;

/** Both templates, validated when this module loads (a malformed JSON fails every build and test at once). */
export const TEMPLATES: Readonly<Record<TemplateId, TemplateSpec>> = templateFile.parse(json);

export interface CellRef {
  readonly table: TableId;
  readonly row: string;
  readonly column: string;
  /** `table/row/column`, the key of record.provenance. */
  readonly key: string;
}

const cellLists = new Map<TemplateId, CellRef[]>();

/** Every cell of the template in official reading order: 表二 group by group, then 表三, then 表四, row by row. */
export function templateCells(template: TemplateId): CellRef[] {
  let cells = cellLists.get(template);
  if (!cells) {
    const t = TEMPLATES[template];
    const ref = (table: TableId, row: string, col: string): CellRef => ({ table, row, column: col, key: `${table}/${row}/${col}` });
    cells = [];
    for (const g of t.proactive.groups) for (const r of g.rows) for (const c of g.columns) cells.push(ref('proactive', r.id, c.id));
    for (const r of t.requests.rows) for (const c of t.requests.columns) cells.push(ref('requests', r.id, c.id));
    for (const r of t.review.rows) for (const c of t.review.columns) cells.push(ref('review', r.id, c.id));
    cellLists.set(template, cells);
  }
  return [...cells];
}

/** Row ids of 表三 that are results of handling (（一）予以公开 … （六）其他处理), in order. */
export function resultRowIds(template: TemplateId): string[] {
  const ids = TEMPLATES[template].requests.rows.map((r) => r.id);
  return ids.slice(ids.indexOf('granted'), ids.indexOf('total'));
}

/** The printed label of a 表三 or 表四 column or row id (the id itself when the template has none). */
export function labelOf(template: TemplateId, table: 'requests' | 'review', kind: 'rows' | 'columns', id: string): string {
  return TEMPLATES[template][table][kind].find((x) => x.id === id)?.label ?? id;
}
