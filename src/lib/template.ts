/**
 * The site's view of the statutory templates (src/schema/template.ts, the one source): the table numbers and the
 * template's name as shown, plus the shared cell lists re-exported for src/lib and the pages.
 */
import type { TableId, TemplateId } from '../schema/record.ts';
import { TABLE_NUMBER, TEMPLATES } from '../schema/template.ts';

export { resultRowIds, templateCells, TEMPLATES as TEMPLATE_SPECS, type CellRef, type LabelledId, type ProactiveGroup as ProactiveGroupSpec, type TemplateSpec } from '../schema/template.ts';

/** 表二/表三/表四 — the numbering the official template gives the three tables. */
export const TABLE_NUMBERS: Readonly<Record<TableId, string>> = TABLE_NUMBER;

/** Human name of a template, e.g. `2021 版（国办公开办函〔2021〕30号）`. */
export function templateName(template: TemplateId): string {
  const basis = TEMPLATES[template].basis.split(';')[0]?.trim() ?? '';
  return `${template} 版（${basis}）`;
}
