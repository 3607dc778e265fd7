/**
 * 表二's amount column headed in 元. The template's amounts are in 万元 (采购总金额（万元）, 本年收费金额（单位：万元）),
 * and a cell printing its unit (`75394432.52元`) is converted where it is read; but some agencies head the column in
 * 元 and print bare numbers under it (`采购总金额（元）` over `8810055`, a real department page): read as 万元, such
 * an amount is ten thousand times too big. Pure: no fs, no clock.
 */
import type { Finding, TemplateId } from '../../schema/record.ts';
import { key } from '../identities.ts';
import { yuanToWan } from '../prose-cells.ts';
import { TEMPLATES } from '../template.ts';
import type { Token } from '../tokens.ts';
import type { CellStore } from './grid.ts';

/** An amount column's header with 元 for its unit: `采购总金额（元）`, `本年收费金额（单位：元）` (never （万元）). */
const YUAN_HEADER = /金额\s*[（(]\s*(?:单位\s*[:：]\s*)?元\s*[）)]/;

/**
 * Where 表二's text heads an amount column in 元, the amounts read there without a unit of their own converted to
 * 万元 (the printed number kept as raw), each with a finding. Cells whose number printed a unit (元 or 万元) were
 * converted, or not, as printed.
 */
export function amountsInYuan(tokens: readonly Token[], template: TemplateId, cells: CellStore, findings: Finding[]): void {
  const header = tokens.find((t) => t.kind === 'text' && YUAN_HEADER.test(t.text));
  if (!header) return;
  for (const group of TEMPLATES[template].proactive.groups) {
    if (!group.columns.some((c) => c.id === 'amount')) continue;
    for (const row of group.rows) {
      const k = key('proactive', row.id, 'amount');
      const cell = cells.get(k);
      // (0 is 0 in either unit)
      if (!cell || cell.value === null || cell.value === 0 || cell.inferred) continue;
      const printed = cell.raw ?? String(cell.value);
      if (printed.includes('元')) continue;
      const value = yuanToWan(printed);
      cells.set(k, { ...cell, value, raw: printed });
      findings.push({
        code: 'UNIT_CONVERTED',
        severity: 'info',
        message: `表二「${row.label}」的金额印为「${printed}」，表头（第 ${header.line} 行）注明单位为元，按 ${value} 万元记`,
        line: cell.line,
        cell: k,
      });
    }
  }
}
