/**
 * The last word on blanks: a table row of which no number was read, not every cell of it printed empty (a blank cell,
 * a placeholder), and that no finding speaks of gets one. A reader that lost a row (a header line's empty cells taken
 * for the row, a converter that dropped the row's text, a path that placed nothing and said nothing) must not leave a
 * gap a reader of the page cannot tell from a row the report left blank. A row counts as spoken of when a finding
 * names one of its cells, prints its label (「…」), or speaks of its table as a whole (a doubt or error with no cell:
 * `表四的 15 个数字不是印在一行里的…`). Pure: the record's parts in, findings out.
 */
import type { Finding, TableId, TemplateId } from '../schema/record.ts';
import { rowLabel, TABLE_NUMBER } from '../schema/template.ts';
import type { Cell } from './tables/grid.ts';

/** A template row with its cells' keys, in column order (index.ts builds them once per template). */
export interface KeyedRow {
  table: TableId;
  row: string;
  keys: readonly string[];
}

/**
 * A warning for each row that holds no number, some cell of it not read at all (`cellOf`: a cell as read, if it was:
 * a number, or a blank cell or placeholder the report printed), and that none of `findings` speaks of.
 */
export function unexplainedBlankRows(template: TemplateId, rows: readonly KeyedRow[], cellOf: (cell: string) => Cell | undefined, findings: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  for (const { table, row, keys } of rows) {
    let read = 0;
    let number = false;
    for (const k of keys) {
      const c = cellOf(k);
      if (c === undefined) continue;
      read++;
      if (c.value !== null) {
        number = true;
        break;
      }
    }
    if (number || read === keys.length) continue;
    const name = TABLE_NUMBER[table];
    const label = rowLabel(template, table, row) ?? row;
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
