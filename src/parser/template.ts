/** Template detection from table contents; the templates as data come from src/schema/template.ts. */
import type { TemplateId } from '../schema/record.ts';
import { foldedIncludes } from './normalize.ts';

/** The templates themselves live in src/schema/template.ts (validated once); the parser reads them from there. */
export { TEMPLATES, type ProactiveGroup, type TemplateColumn, type TemplateRow, type TemplateSpec } from '../schema/template.ts';

/** Evidence phrases, folded (no spaces), and which template each points to. */
const MARKERS: ReadonlyArray<[string, TemplateId]> = [
  ['本年制发件数', '2021'],
  ['本年废止件数', '2021'],
  ['现行有效件数', '2021'],
  ['本年收费金额', '2021'],
  ['本年新制作数量', '2019'],
  ['本年新公开数量', '2019'],
  ['对外公开总数量', '2019'],
  ['上一年项目数量', '2019'],
  ['第二十条第(九)项', '2019'],
  ['政府集中采购', '2019'],
  ['采购项目数量', '2019'],
];

export interface TemplateGuess {
  template: TemplateId;
  /** Marker hits per template; both zero means the tables gave no evidence. */
  votes: Record<TemplateId, number>;
}

/** Detects the template from table contents (the text of the 表二/表三 region, matched as folded). Falls back on the year. */
export function detectTemplate(tables: string, year: number | null): TemplateGuess {
  const votes: Record<TemplateId, number> = { '2019': 0, '2021': 0 };
  for (const [marker, id] of MARKERS) if (foldedIncludes(tables, marker)) votes[id] += 1;
  // The three sub-rows of （六）其他处理 exist only in the 2021 template.
  if (foldedIncludes(tables, '逾期不补正') && foldedIncludes(tables, '缴纳费用')) votes['2021'] += 1;
  let template: TemplateId;
  if (votes['2019'] !== votes['2021']) template = votes['2019'] > votes['2021'] ? '2019' : '2021';
  else template = year !== null && year <= 2020 ? '2019' : '2021';
  return { template, votes };
}
