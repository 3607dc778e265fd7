/**
 * 表二 values a stray space broke: a crawl's &nbsp; padding falls inside numbers as well as between cells, so digit
 * groups one space apart on one line (`spaced` tokens) are read as the groups joined where the cells as printed
 * cannot be right, never as their first groups. Pure: no fs, no clock.
 */
import type { ProcurementCut } from '../prose-cells.ts';
import type { Token } from '../tokens.ts';

/**
 * A number a stray space broke into groups on one line (`9116.3 6`, `911 6.36`): every group one space from the next
 * (`spaced`), none with a sign or unit but the last, at most one decimal point in all. The groups joined; null otherwise.
 */
function brokenNumber(values: readonly Token[]): Token | null {
  if (!values.every((t) => t.kind === 'num' && t.spaced && t.line === values[0]!.line && !/^[+-]/.test(t.text))) return null;
  if (values.slice(0, -1).some((t) => t.unit !== undefined)) return null;
  const text = values.map((t) => t.text).join('');
  const m = /^(\d+(?:\.\d+)?)(\s*\D*)$/.exec(text);
  if (!m || (m[1]!.length > 1 && m[1]![0] === '0' && m[1]![1] !== '.')) return null;
  const last = values[values.length - 1]!;
  const joined: Token = { kind: 'num', text, value: Number(m[1]), glued: true, line: last.line };
  if (last.unit !== undefined) joined.unit = last.unit;
  return joined;
}

/** Groups of one line joined and cut again at their signs (`1` `5-15` → 15, -15); any group then unreadable: none. */
function regroup(values: readonly Token[]): Token[] {
  const text = values.map((t) => t.text).join('');
  const parts = text.match(/[+-]?[^+-]+/g) ?? [];
  const out: Token[] = [];
  for (const part of parts) {
    const m = /^([+-]?)(\d+(?:\.\d+)?)(\s*\D*)$/.exec(part);
    if (!m || (m[2]!.length > 1 && m[2]![0] === '0' && m[2]![1] !== '.')) return [];
    const t: Token = { kind: 'num', text: part, value: Number(m[1]! + m[2]!), glued: true, line: values[0]!.line };
    const unit = values.find((v) => part.endsWith(v.text) && v.unit !== undefined)?.unit;
    if (unit !== undefined) t.unit = unit;
    out.push(t);
  }
  return out;
}

/**
 * A row's values with stray spaces undone: a one-cell row's groups joined (`行政事业性收费9116.3 6` is 9116.36);
 * 政府集中采购's two groups joined where a sentence cuts the run elsewhere (`19736016 27.4元` beside 197批次…
 * 3601627.4元: `cuts`, null for other rows); more groups than cells joined and cut at their signs (`1 5-15` is
 * 15 | -15) or kept as one glued run for the readers' splits (`2 4 5.82万元`). Null when more groups than cells are
 * neither: no reading. The values as given otherwise.
 */
export function strayGroups(vals: Token[], width: number, cuts: readonly ProcurementCut[] | null): Token[] | null {
  const spaced = vals.length > 1 && vals.every((t) => t.kind === 'num' && t.spaced && t.line === vals[0]!.line);
  if (width === 1 && vals.length > 1) {
    const broken = brokenNumber(vals);
    if (broken) return [broken];
  }
  if (cuts && vals.length === 2 && spaced) {
    const run = brokenNumber(vals);
    if (run && cuts.some((c) => c.projects + c.amount + c.unit === run.text && c.projects !== vals[0]!.text)) return [run];
  }
  if (vals.length > width && width > 1 && spaced) {
    const rejoined = regroup(vals);
    if (rejoined.length === width) return rejoined;
    const run = brokenNumber(vals);
    return run ? [run] : null;
  }
  return vals;
}
