/** 表二 主动公开政府信息情况: rows matched by label wherever they are printed (some renderings reorder groups). */
import type { Finding, TemplateId } from '../../schema/record.ts';
import { splitPieces } from '../glued.ts';
import { key } from '../identities.ts';
import { labelKey, labelScores } from '../labels.ts';
import { TEMPLATES, type TemplateRow } from '../template.ts';
import { segment, type Token } from '../tokens.ts';
import { strayValueRow } from './column-major.ts';
import { fitBlanks } from './rows.ts';
import type { Cell, CellStore } from './grid.ts';
import { cellFromToken, piecesOf } from './requests.ts';

const MONEY_COLUMNS = new Set(['amount']);

/** 元 → 万元 by moving the decimal point (no float division noise). */
export function yuanToWan(text: string): number {
  const [int = '0', frac = ''] = text.replace(/[^\d.]/g, '').split('.');
  const padded = int.padStart(5, '0');
  return Number(`${padded.slice(0, -4)}.${padded.slice(-4)}${frac}`);
}

function moneyCell(t: Token): Cell {
  const cell = cellFromToken(t);
  if (t.kind === 'num' && t.unit === '元') {
    cell.value = yuanToWan(t.text);
    cell.raw = t.text;
  }
  return cell;
}

interface Layout {
  rows: Array<{ row: TemplateRow; columns: string[] }>;
  /** label key of each row */
  keys: string[];
  /** what strayValueRow needs of each row */
  shapes: Array<{ key: string; width: number }>;
}
const layouts = new Map<TemplateId, Layout>();

/** 表二's rows of a template with their columns and label keys (built once per template). */
function layoutOf(template: TemplateId): Layout {
  let layout = layouts.get(template);
  if (!layout) {
    const rows = TEMPLATES[template].proactive.groups.flatMap((g) => g.rows.map((r) => ({ row: r, columns: g.columns.map((c) => c.id) })));
    const keys = rows.map((r) => labelKey(r.row.label));
    layout = { rows, keys, shapes: rows.map((r, i) => ({ key: keys[i]!, width: r.columns.length })) };
    layouts.set(template, layout);
  }
  return layout;
}

export function readProactive(tokens: readonly Token[], template: TemplateId, cells: CellStore, findings: Finding[]): void {
  const printed = segment(tokens);
  const segments = printed.filter((s) => s.values.length);
  const { rows, keys, shapes } = layoutOf(template);
  const pairs: Array<{ score: number; r: number; s: number }> = [];
  const scores = segments.map((seg) => labelScores(seg.label, keys));
  rows.forEach((_, ri) => {
    segments.forEach((_, si) => {
      const score = scores[si]![ri]!;
      if (score >= 0.6) pairs.push({ score, r: ri, s: si });
    });
  });
  pairs.sort((a, b) => b.score - a.score || a.s - b.s);
  const usedRow = new Set<number>();
  const usedSeg = new Set<number>();
  for (const { r, s } of pairs) {
    if (usedRow.has(r) || usedSeg.has(s)) continue;
    usedRow.add(r);
    usedSeg.add(s);
    const { row, columns } = rows[r]!;
    const vals = fitBlanks(segments[s]!.values, columns.length);
    const put = (x: number, cell: Cell): void => {
      cells.set(key('proactive', row.id, columns[x]!), cell);
    };
    if (vals.length >= columns.length) {
      columns.forEach((c, x) => put(x, MONEY_COLUMNS.has(c) ? moneyCell(vals[x]!) : cellFromToken(vals[x]!)));
      continue;
    }
    const raw = vals.map((t) => t.text).join(' ');
    const splits = vals.some((t) => t.glued) ? splitPieces(piecesOf(vals), columns.length) : [];
    if (splits.length === 1) {
      splits[0]!.forEach((v, x) => put(x, { value: v, line: vals[0]!.line, raw }));
    } else if (splits.length > 1) {
      findings.push({
        code: 'GLUED_AMBIGUOUS',
        severity: 'warning',
        message: `表二「${row.label}」的数字串「${raw}」有 ${splits.length} 种拆分方式，无勾稽关系可定，保留为空`,
        line: vals[0]!.line,
        cell: key('proactive', row.id, columns[0]!),
      });
    } else {
      findings.push({
        code: 'CELL_UNREADABLE',
        severity: 'warning',
        message: `表二「${row.label}」应有 ${columns.length} 个数字，只读到 ${vals.length} 个（${raw}），保留为空`,
        line: vals[0]!.line,
        cell: key('proactive', row.id, columns[0]!),
      });
    }
  }
  // A row label printed with no value after it, and one value printed away from any label: a unique match.
  const stray = strayValueRow(printed, shapes, usedRow, new Set([...usedSeg].map((s) => segments[s]!)));
  if (stray) {
    const { row, columns } = rows[stray.row]!;
    const vals = stray.segment.values;
    columns.forEach((c, x) => cells.set(key('proactive', row.id, c), MONEY_COLUMNS.has(c) ? moneyCell(vals[x]!) : cellFromToken(vals[x]!)));
    usedRow.add(stray.row);
    findings.push({
      code: 'TABLE_REORDERED',
      severity: 'info',
      message: `表二「${row.label}」的标签后没有数字；表中唯一不属于任何行标签的数字（${vals.map((t) => t.text).join(' ')}，第 ${vals[0]!.line} 行）个数正好相符，记入该行`,
      line: vals[0]!.line,
      cell: key('proactive', row.id, columns[0]!),
    });
  }
  if (!usedRow.size) {
    // one finding for the whole table, not one per row
    findings.push({ code: 'TABLE_MISSING', severity: 'error', message: '未找到表二（主动公开政府信息情况）的数据', line: tokens[0]?.line ?? null });
    return;
  }
  rows.forEach((r, ri) => {
    if (usedRow.has(ri)) return;
    findings.push({ code: 'CELL_UNREADABLE', severity: 'warning', message: `表二未读到「${r.row.label}」一行`, line: null, cell: key('proactive', r.row.id, r.columns[0]!) });
  });
}
