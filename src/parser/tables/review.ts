/** 表四 行政复议、行政诉讼: one printed row of 15 cells (3 groups × 5), in official order. */
import type { Finding } from '../../schema/record.ts';
import { splitPieces } from '../glued.ts';
import { key, REVIEW_PARTS } from '../identities.ts';
import { TEMPLATES } from '../template.ts';
import type { Token } from '../tokens.ts';
import type { CellStore } from './grid.ts';
import { fitBlanks } from './rows.ts';
import { cellFromToken, piecesOf } from './requests.ts';

const N = 15;

const groupsHold = (vals: ReadonlyArray<number | null>): boolean => {
  for (let g = 0; g < 3; g++) {
    const part = vals.slice(g * 5, g * 5 + REVIEW_PARTS.length);
    const total = vals[g * 5 + 4];
    if (total === null || total === undefined || part.some((v) => v === null)) continue;
    if (part.reduce<number>((s, v) => s + (v ?? 0), 0) !== total) return false;
  }
  return true;
};

/** The 15 cell keys in printed order (the same in both templates). */
const KEYS = TEMPLATES['2021'].review.rows.flatMap((r) => TEMPLATES['2021'].review.columns.map((c) => key('review', r.id, c.id)));

export function readReview(tokens: readonly Token[], cells: CellStore, findings: Finding[]): void {
  const keys = KEYS;
  const vals = fitBlanks(tokens.filter((t) => t.kind !== 'text'), N);
  const valueOf = (t: Token): number | null => (t.kind === 'num' ? (t.value ?? null) : null);
  if (vals.length >= N) {
    let start = -1;
    for (let s = 0; s + N <= vals.length; s++) {
      if (groupsHold(vals.slice(s, s + N).map(valueOf))) {
        start = s;
        break;
      }
    }
    if (start < 0) start = vals.length - N; // none holds: keep the last 15 printed; validation reports the anomaly
    vals.slice(start, start + N).forEach((t, x) => cells.set(keys[x]!, cellFromToken(t)));
    return;
  }
  if (vals.some((t) => t.glued)) {
    const raw = vals.map((t) => t.text).join(' ');
    const fit = splitPieces(piecesOf(vals), N).filter(groupsHold);
    if (fit.length === 1) {
      fit[0]!.forEach((v, x) => cells.set(keys[x]!, { value: v, line: vals[0]!.line, raw }));
      return;
    }
    if (fit.length > 1) {
      findings.push({ code: 'GLUED_AMBIGUOUS', severity: 'warning', message: `表四数字串「${raw}」有 ${fit.length} 种符合勾稽关系的拆分，保留为空`, line: vals[0]!.line });
      return;
    }
  }
  findings.push({
    code: vals.length ? 'CELL_UNREADABLE' : 'TABLE_MISSING',
    severity: vals.length ? 'warning' : 'error',
    message: vals.length ? `表四应有 15 个数字，只读到 ${vals.length} 个，保留为空` : '未找到表四（行政复议、行政诉讼）的数据',
    line: vals[0]?.line ?? tokens[0]?.line ?? null,
  });
}
