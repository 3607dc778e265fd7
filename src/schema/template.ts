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

/** 表二/表三/表四 — the numbering the official template gives the three tables. */
export const TABLE_NUMBER: Readonly<Record<TableId, string>> = { proactive: '表二', requests: '表三', review: '表四' };

/**
 * The printed label of a row of any table, its last level only (`denied.stateSecret` → `1.属于国家秘密`, with its group
 * `（三）不予公开` when `withGroup`); undefined when the template has no such row.
 */
export function rowLabel(template: TemplateId, table: TableId, row: string, withGroup = false): string | undefined {
  const spec = TEMPLATES[template];
  if (table === 'proactive') {
    for (const g of spec.proactive.groups) {
      const r = g.rows.find((x) => x.id === row);
      if (r) return withGroup ? `${g.label} ${r.label}` : r.label;
    }
    return undefined;
  }
  const label = spec[table].rows.find((r) => r.id === row)?.label;
  if (label === undefined) return undefined;
  return withGroup ? label.replace(/ \/ /g, ' ') : (label.split(' / ').pop() ?? label);
}

/** The printed label of a column of any table (表二's from the row's group); undefined when there is none. */
export function columnLabel(template: TemplateId, table: TableId, row: string, column: string): string | undefined {
  const spec = TEMPLATES[template];
  if (table === 'proactive') return spec.proactive.groups.find((g) => g.rows.some((r) => r.id === row))?.columns.find((c) => c.id === column)?.label;
  return spec[table].columns.find((c) => c.id === column)?.label;
}

/** Official labels of a cell, e.g. `表三 · 一、本年新收政府信息公开申请数量 · 自然人`; the key itself when unknown. */
export function cellLabel(template: TemplateId, cellKey: string): string {
  const [table, row = '', column = ''] = cellKey.split('/') as [TableId, string, string];
  if (!(table in TABLE_NUMBER)) return cellKey;
  const r = rowLabel(template, table, row, true);
  const c = columnLabel(template, table, row, column);
  if (r === undefined || c === undefined) return cellKey;
  return `${TABLE_NUMBER[table]} · ${r} · ${c}`;
}
