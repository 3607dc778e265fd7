/**
 * The official layout of 表二, 表三 and 表四 as a header model: rows of header cells with rowspan/colspan and
 * unique ids, and value cells carrying the ids of every header that describes them (`<td headers>`).
 * Labels and canonical ids come from statutory-template.json; the grouping the JSON does not spell out
 * (表三 申请人情况 / 法人或其他组织, the corner note) is the official form's.
 */
import type { ReportRecord, TableId, TemplateId } from '../schema/record.ts';
import { TABLE_NUMBERS, TEMPLATE_SPECS, type CellRef, type LabelledId } from './template.ts';
import { formatNumber } from './format.ts';

export interface HeaderCell {
  readonly kind: 'th';
  readonly text: string;
  readonly id: string;
  readonly colspan: number;
  readonly rowspan: number;
  readonly scope: 'col' | 'colgroup' | 'row' | 'rowgroup';
  /** Canonical row id this header names, if any. */
  readonly row: string | null;
  /** Canonical column id this header names, if any. */
  readonly col: string | null;
}
export interface CornerCell {
  readonly kind: 'corner';
  readonly text: string;
  readonly colspan: number;
  readonly rowspan: number;
}
export interface ValueCell {
  readonly kind: 'td';
  readonly ref: CellRef;
  /** Ids of every header cell describing this cell, outermost first. */
  readonly headers: readonly string[];
  readonly colspan: number;
}
export type ModelCell = HeaderCell | CornerCell | ValueCell;
export type ModelRow = readonly ModelCell[];

export interface TableModel {
  readonly table: TableId;
  /** 表二 / 表三 / 表四. */
  readonly number: string;
  readonly title: string;
  readonly columnCount: number;
  /** Rows of the <thead> (empty for 表二, whose headings repeat per group inside each <tbody>). */
  readonly head: readonly ModelRow[];
  /** One array of rows per <tbody>. */
  readonly bodies: readonly (readonly ModelRow[])[];
}

const ID_PREFIX: Record<TableId, string> = { proactive: 't2', requests: 't3', review: 't4' };

function cellRef(table: TableId, row: string, column: string): CellRef {
  return { table, row, column, key: `${table}/${row}/${column}` };
}

// ---------------------------------------------------------------------------------------------------------------
// Column header trees (表三, 表四)

interface ColumnNode {
  readonly text: string;
  readonly id: string;
  readonly row: string | null;
  readonly col: string | null;
  readonly children: readonly ColumnNode[];
}

interface Leaf {
  readonly node: ColumnNode;
  /** Header ids from the root down to the leaf. */
  readonly path: readonly string[];
}

function treeDepth(nodes: readonly ColumnNode[]): number {
  return Math.max(0, ...nodes.map((n) => 1 + treeDepth(n.children)));
}

function leafCount(node: ColumnNode): number {
  return node.children.length === 0 ? 1 : node.children.reduce((s, c) => s + leafCount(c), 0);
}

/** Lays a column tree out as header rows: groups span their leaves, shallow leaves span down to the last row. */
function columnHeaderRows(nodes: readonly ColumnNode[]): { rows: HeaderCell[][]; leaves: Leaf[] } {
  const depth = treeDepth(nodes);
  const rows: HeaderCell[][] = Array.from({ length: depth }, () => []);
  const leaves: Leaf[] = [];
  const walk = (list: readonly ColumnNode[], level: number, path: readonly string[]): void => {
    for (const node of list) {
      const isLeaf = node.children.length === 0;
      rows[level]?.push({
        kind: 'th',
        text: node.text,
        id: node.id,
        colspan: leafCount(node),
        rowspan: isLeaf ? depth - level : 1,
        scope: isLeaf ? 'col' : 'colgroup',
        row: node.row,
        col: node.col,
      });
      const here = [...path, node.id];
      if (isLeaf) leaves.push({ node, path: here });
      else walk(node.children, level + 1, here);
    }
  };
  walk(nodes, 0, []);
  return { rows, leaves };
}

// ---------------------------------------------------------------------------------------------------------------
// Row header paths (表三)

const TOP = /^[一二三四五六七八九十]+、/;

/**
 * Splits each 表三 row label (`（三）不予公开 / 1.属于国家秘密`) into its path of printed headings. Rows under
 * 三、本年度办理结果 name only their own sub-heading in the JSON; they inherit the open top-level heading.
 */
export function requestRowPaths(rows: readonly LabelledId[]): Array<{ row: string; parts: string[] }> {
  let openTop: string | null = null;
  return rows.map((r) => {
    const parts = r.label.split(' / ').map((p) => p.trim());
    const first = parts[0] ?? r.label;
    if (TOP.test(first)) {
      openTop = parts.length > 1 ? first : null;
      return { row: r.id, parts };
    }
    return { row: r.id, parts: openTop ? [openTop, ...parts] : parts };
  });
}

/** Row header cells per row (only the cells that start on that row) and, per row, the ids of all its headers. */
function rowHeaders(
  paths: ReadonlyArray<{ row: string; parts: readonly string[] }>,
  depth: number,
  prefix: string,
): Array<{ cells: HeaderCell[]; headers: string[] }> {
  const samePrefix = (a: readonly string[], b: readonly string[], upTo: number): boolean => {
    if (a.length <= upTo || b.length <= upTo) return false;
    for (let i = 0; i <= upTo; i++) if (a[i] !== b[i]) return false;
    return true;
  };
  const open: string[] = [];
  return paths.map((p, i) => {
    const cells: HeaderCell[] = [];
    const prev = paths[i - 1];
    p.parts.forEach((text, level) => {
      const isLeaf = level === p.parts.length - 1;
      const continues = prev !== undefined && !isLeaf && samePrefix(prev.parts, p.parts, level) && prev.parts.length - 1 > level;
      if (continues) return;
      let span = 1;
      if (!isLeaf) {
        while (true) {
          const next = paths[i + span];
          if (next === undefined || !samePrefix(next.parts, p.parts, level) || next.parts.length - 1 <= level) break;
          span++;
        }
      }
      const id = isLeaf ? `${prefix}-r-${p.row}` : `${prefix}-rg-${i}-${level}`;
      open[level] = id;
      cells.push({
        kind: 'th',
        text,
        id,
        colspan: isLeaf ? depth - level : 1,
        rowspan: span,
        scope: isLeaf ? 'row' : 'rowgroup',
        row: isLeaf ? p.row : null,
        col: null,
      });
    });
    const headers = p.parts.map((_, level) => (level === p.parts.length - 1 ? `${prefix}-r-${p.row}` : (open[level] ?? '')));
    return { cells, headers };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The three tables

/** 表二: one <tbody> per 第二十条 group, each with its own heading row and column-label row, as printed. */
function proactiveModel(template: TemplateId): TableModel {
  const spec = TEMPLATE_SPECS[template].proactive;
  const p = ID_PREFIX.proactive;
  const width = 1 + Math.max(...spec.groups.map((g) => g.columns.length));
  const bodies = spec.groups.map((g) => {
    const groupId = `${p}-g-${g.id}`;
    const lastSpan = width - g.columns.length;
    const rows: ModelRow[] = [];
    rows.push([{ kind: 'th', text: g.label, id: groupId, colspan: width, rowspan: 1, scope: 'colgroup', row: null, col: null }]);
    rows.push([
      { kind: 'th', text: '信息内容', id: `${p}-${g.id}-h`, colspan: 1, rowspan: 1, scope: 'col', row: null, col: null },
      ...g.columns.map(
        (c, i): HeaderCell => ({
          kind: 'th',
          text: c.label,
          id: `${p}-${g.id}-c-${c.id}`,
          colspan: i === g.columns.length - 1 ? lastSpan : 1,
          rowspan: 1,
          scope: 'col',
          row: null,
          col: c.id,
        }),
      ),
    ]);
    for (const r of g.rows) {
      const rowId = `${p}-r-${r.id}`;
      rows.push([
        { kind: 'th', text: r.label, id: rowId, colspan: 1, rowspan: 1, scope: 'row', row: r.id, col: null },
        ...g.columns.map(
          (c, i): ValueCell => ({
            kind: 'td',
            ref: cellRef('proactive', r.id, c.id),
            headers: [groupId, `${p}-${g.id}-c-${c.id}`, rowId],
            colspan: i === g.columns.length - 1 ? lastSpan : 1,
          }),
        ),
      ]);
    }
    return rows;
  });
  return { table: 'proactive', number: TABLE_NUMBERS.proactive, title: spec.title, columnCount: width, head: [], bodies };
}

const ORGANISATION_COLUMNS = ['commercial', 'research', 'nonprofit', 'legalService', 'other'];
const REQUESTS_CORNER = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** 表三: 申请人情况 over 自然人 | 法人或其他组织 (five kinds) | 总计; three levels of row headings. */
function requestsModel(template: TemplateId): TableModel {
  const spec = TEMPLATE_SPECS[template].requests;
  const p = ID_PREFIX.requests;
  const leaf = (c: LabelledId): ColumnNode => ({ text: c.label, id: `${p}-c-${c.id}`, row: null, col: c.id, children: [] });
  const orgs = spec.columns.filter((c) => ORGANISATION_COLUMNS.includes(c.id));
  const children: ColumnNode[] = [];
  let orgPlaced = false;
  for (const c of spec.columns) {
    if (!ORGANISATION_COLUMNS.includes(c.id)) children.push(leaf(c));
    else if (!orgPlaced) {
      orgPlaced = true;
      children.push({ text: '法人或其他组织', id: `${p}-cg-organisation`, row: null, col: null, children: orgs.map(leaf) });
    }
  }
  const tree: ColumnNode[] = [{ text: '申请人情况', id: `${p}-cg-applicant`, row: null, col: null, children }];
  const { rows: headRows, leaves } = columnHeaderRows(tree);
  const paths = requestRowPaths(spec.rows);
  const depth = Math.max(...paths.map((x) => x.parts.length));
  const corner: CornerCell = { kind: 'corner', text: REQUESTS_CORNER, colspan: depth, rowspan: headRows.length };
  const head: ModelRow[] = headRows.map((r, i) => (i === 0 ? [corner, ...r] : r));
  const rowHead = rowHeaders(paths, depth, p);
  const body: ModelRow[] = paths.map((path, i) => {
    const rh = rowHead[i] ?? { cells: [], headers: [] };
    return [
      ...rh.cells,
      ...leaves.map(
        (l): ValueCell => ({
          kind: 'td',
          ref: cellRef('requests', path.row, l.node.col ?? ''),
          headers: [...rh.headers, ...l.path],
          colspan: 1,
        }),
      ),
    ];
  });
  return { table: 'requests', number: TABLE_NUMBERS.requests, title: spec.title, columnCount: depth + leaves.length, head, bodies: [body] };
}

/** 表四: one row of fifteen numbers under 行政复议 | 行政诉讼 (未经复议直接起诉 | 复议后起诉), as printed. */
function reviewModel(template: TemplateId): TableModel {
  const spec = TEMPLATE_SPECS[template].review;
  const p = ID_PREFIX.review;
  interface Node {
    text: string;
    id: string;
    row: string | null;
    col: string | null;
    children: Node[];
  }
  const roots: Node[] = [];
  for (const r of spec.rows) {
    const parts = r.label.split(' / ').map((x) => x.trim());
    let level = roots;
    parts.forEach((text, i) => {
      const isRowNode = i === parts.length - 1;
      let node = level.find((n) => n.text === text);
      if (!node) {
        node = { text, id: isRowNode ? `${p}-g-${r.id}` : `${p}-g-${i}-${level.length}`, row: isRowNode ? r.id : null, col: null, children: [] };
        level.push(node);
      }
      if (isRowNode) {
        for (const c of spec.columns) node.children.push({ text: c.label, id: `${p}-${r.id}-c-${c.id}`, row: null, col: c.id, children: [] });
      }
      level = node.children;
    });
  }
  const { rows: head, leaves } = columnHeaderRows(roots);
  const rowOf = (l: Leaf): string => spec.rows.find((x) => l.path.includes(`${p}-g-${x.id}`))?.id ?? '';
  const body: ModelRow[] = [
    leaves.map((l): ValueCell => ({ kind: 'td', ref: cellRef('review', rowOf(l), l.node.col ?? ''), headers: l.path, colspan: 1 })),
  ];
  return { table: 'review', number: TABLE_NUMBERS.review, title: spec.title, columnCount: leaves.length, head, bodies: [body] };
}

/** The header model of one statutory table in the official layout of the given template. */
export function tableModel(template: TemplateId, table: TableId): TableModel {
  if (table === 'proactive') return proactiveModel(template);
  if (table === 'requests') return requestsModel(template);
  return reviewModel(template);
}

// ---------------------------------------------------------------------------------------------------------------
// Cell values

export interface CellView {
  readonly value: number | null;
  /** The number for display, every printed digit kept (trailing decimal zeros too, from `raw`), or — when null. */
  readonly text: string;
  /** Source line the value was read from, when known. */
  readonly line: number | null;
  /** Printed text when it differs from the number (e.g. `/`, `+2`, `1480.8758万元`). */
  readonly raw: string | null;
  readonly inferred: boolean;
}

/** What a table cell shows: the record's value (null when the parser found none) with its provenance. */
export function cellView(record: Pick<ReportRecord, 'tables' | 'provenance'>, ref: CellRef): CellView {
  const value = record.tables[ref.table][ref.row]?.[ref.column] ?? null;
  const source = record.provenance[ref.key];
  return {
    value,
    text: formatNumber(value, source?.raw),
    line: source?.line ?? null,
    raw: source?.raw ?? null,
    inferred: source?.inferred === true,
  };
}
