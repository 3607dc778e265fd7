/**
 * A check for numbers placed in 表三's 法人或其他组织 columns by where they stand on a text line. A line's offsets
 * drift (pdftotext -layout packs each line apart, a long row label pushes its numbers right), so a number under one
 * column name may belong to the next. The identities say so when it does: read as 0, as a printed grid means them,
 * the blank cells of a column then take in less than the column hands out (`1` under 科研机构 in 予以公开 where 科研机构
 * received nothing and carried nothing over).
 */
import type { TemplateId } from '../../schema/record.ts';
import { APPLICANTS, key, resultRows } from '../identities.ts';
import type { CellStore } from './grid.ts';

/** The known numbers of a list added up (unknown ones left out). */
const sum = (xs: ReadonlyArray<number | undefined>): number => xs.reduce<number>((s, x) => s + (x ?? 0), 0);

/**
 * The 法人或其他组织 columns whose cells, blank ones (and placeholders: `—`) read as 0 and unread ones as any number ≥ 0,
 * cannot add up: more handled (各项办理结果, or （七）总计, plus 结转下年度) than received (本年新收 + 上年结转) once both
 * of the latter are known, more results than a known （七）总计, or every cell known and the sides apart.
 */
export function brokenColumns(cells: CellStore, template: TemplateId): string[] {
  const results = resultRows(template);
  const out: string[] = [];
  // (the five 法人或其他组织 columns, where a line's offsets place numbers; 自然人 is each row's first number)
  for (const c of APPLICANTS.slice(1)) {
    const at = (row: string): number | undefined => {
      const cell = cells.get(key('requests', row, c));
      if (!cell) return undefined;
      if (typeof cell.value === 'number') return cell.value;
      // (a printed number kept null for a problem, `27,21`, is some number: unknown, not 0)
      return (cell.blank || cell.raw) && !cell.problem ? 0 : undefined;
    };
    const received = [at('newReceived'), at('carriedOver')];
    const handled = results.map(at);
    const total = at('total');
    const forward = at('carriedForward');
    const resultsKnown = handled.every((x) => x !== undefined);
    if (total !== undefined && (sum(handled) > total || (resultsKnown && sum(handled) !== total))) {
      out.push(c);
      continue;
    }
    const out1 = Math.max(sum(handled), total ?? 0) + (forward ?? 0);
    const inKnown = received.every((x) => x !== undefined);
    const outKnown = (total !== undefined || resultsKnown) && forward !== undefined;
    if ((inKnown && out1 > sum(received)) || (inKnown && outKnown && out1 !== sum(received)) || (outKnown && sum(received) > out1)) out.push(c);
  }
  return out;
}
