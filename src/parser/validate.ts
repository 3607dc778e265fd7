/** Consistency checks: every identity of the spec, and prose numbers against table cells. Anomalies are reported, never repaired. */
import type { Finding, TemplateId } from '../schema/record.ts';
import { partsOverTotal, requestEquations, residual, reviewEquations, type Equation, type Lookup } from './identities.ts';

/**
 * Checks every identity over the cells read (`get` returns null/undefined for a cell not read). `requestsHold`:
 * the caller has already found every 表三 identity holding on these cells (readRequests), so only 表四's are
 * evaluated.
 */
export function checkIdentities(get: Lookup, template: TemplateId, lineOf: (cellKey: string) => number | null, requestsHold = false): Finding[] {
  const out: Finding[] = [];
  const eqs: readonly Equation[] = requestsHold ? reviewEquations() : [...requestEquations(template), ...reviewEquations()];
  for (const eq of eqs) {
    const r = residual(eq, get);
    if (r === 0) continue;
    if (r === null) {
      // a cell left blank or unread: the identity is still broken when the parts read already exceed the total
      // read (every cell counts something, so none can be negative)
      const over = partsOverTotal(eq, get);
      if (over) out.push({ code: eq.code, severity: 'warning', message: `${eq.label} 不成立：已读出的各项之和 ${fmt(over.parts)} 已超过总计 ${fmt(over.total)}（另有空白或未读出的格）。数字按原文保留。`, line: lineOf(eq.minus[0]!), cell: eq.minus[0]! });
      continue;
    }
    const sum = (keys: string[]): number => keys.reduce((s, k) => s + (get(k) ?? 0), 0);
    const lhs = sum(eq.plus);
    const rhs = sum(eq.minus);
    const anchor = eq.minus[0] ?? eq.plus[0]!;
    out.push({
      code: eq.code,
      severity: 'warning',
      message: `${eq.label} 不成立：左边 ${fmt(lhs)}，右边 ${fmt(rhs)}（差 ${fmt(r)}）。数字按原文保留。`,
      line: lineOf(anchor),
      cell: anchor,
    });
  }
  return out;
}

const fmt = (n: number): string => String(Math.round(n * 1e6) / 1e6);
