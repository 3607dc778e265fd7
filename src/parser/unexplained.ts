/**
 * The last word on blanks: a table row of which no number was read, not every cell of it printed empty (a blank cell,
 * a placeholder), and that no finding speaks of gets one. A reader that lost a row (a header line's empty cells taken for the row, a
 * converter that dropped the row's text, a path that placed nothing and said nothing) must not leave a gap a reader
 * of the page cannot tell from a row the report left blank.
 * A row counts as spoken of when a finding names one of its cells, prints its label (「…」), or speaks of its table
 * as a whole (a doubt or error with no cell: `表四的 15 个数字不是印在一行里的…`). Pure: the record's parts in, findings out.
 */
import type { Finding, TableId, TemplateId } from '../schema/record.ts';
import { rowLabel, TEMPLATES } from '../schema/template.ts';
import { key } from './identities.ts';
import type { Cell } from './tables/grid.ts';

const TABLE_NAMES: Record<TableId, string> = { proactive: '表二', requests: '表三', review: '表四' };


interface RowOf {
  table: TableId;
  row: string;
  /** the row's cell keys, in column order */
  keys: readonly string[];
  /** its printed label, as findings quote it (「…」) */
  label: string;
}

const templateRows = new Map<TemplateId, readonly RowOf[]>();

/** The template's rows of every table (built once per template). */
function rowsOf(template: TemplateId): readonly RowOf[] {
  let rows = templateRows.get(template);
  if (rows) return rows;
  const spec = TEMPLATES[template];
  const row = (table: TableId, id: string, columns: ReadonlyArray<{ id: string }>): RowOf => ({ table, row: id, keys: columns.map((c) => key(table, id, c.id)), label: rowLabel(template, table, id) ?? id });
  rows = [
    ...spec.proactive.groups.flatMap((g) => g.rows.map((r) => row('proactive', r.id, g.columns))),
    ...(['requests', 'review'] as const).flatMap((table) => spec[table].rows.map((r) => row(table, r.id, spec[table].columns))),
  ];
  templateRows.set(template, rows);
  return rows;
}

/**
 * A warning for each row that holds no number, some cell of it not read at all (`cellOf`: a cell as read, if it was:
 * a number, or a blank cell or placeholder the report printed), and that none of `findings` speaks of.
 */
export function unexplainedBlankRows(template: TemplateId, cellOf: (cell: string) => Cell | undefined, findings: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  for (const { table, row, keys, label } of rowsOf(template)) {
    const cells = keys.map(cellOf);
    if (cells.every((c) => c !== undefined) || cells.some((c) => c !== undefined && c.value !== null)) continue;
    const name = TABLE_NAMES[table];
    const prefix = `${table}/${row}/`;
    const spoken = findings.some(
      (f) => f.cell?.startsWith(prefix) === true || f.message.includes(`「${label}」`) || (f.severity !== 'info' && !f.cell && f.message.includes(name)),
    );
    if (spoken) continue;
    out.push({
      code: 'CELL_UNREADABLE',
      severity: 'warning',
      message: `${name}「${label}」一行的数字未能读出（文字中可能缺了这一行，或排列无法识别），保留为空，请与原件核对`,
      line: null,
      cell: keys[keys.length - 1]!,
    });
  }
  return out;
}
