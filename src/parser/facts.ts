/** Facts stated in the prose: the year's 主动公开 count, and numbers the validator compares with the tables. */
import type { Fact } from '../schema/record.ts';
import { lineAt } from './normalize.ts';

const COUNT = /(\d[\d,]*)\s*(条|件|份)/;

export interface Clause {
  text: string;
  start: number;
}

/** Whether a char code ends a clause: ，。；;,！？ or a line break. */
const endsClause = (c: number): boolean =>
  c === 0xff0c || c === 0x3002 || c === 0xff1b || c === 0x3b || c === 0x2c || c === 0xff01 || c === 0xff1f || c === 0x0a;

/**
 * The prose between two offsets cut into clauses (at ，。；, and line ends), each with its start offset: the
 * matches of /[^，。；;,！？\n]+/g (maximal runs without those characters), found by a scan instead of one exec per
 * clause.
 */
export function clauses(text: string, offset: number): Clause[] {
  const out: Clause[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    if (!endsClause(text.charCodeAt(i))) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push({ text: text.slice(start, i).trim(), start: offset + start });
      start = -1;
    }
  }
  if (start >= 0) out.push({ text: text.slice(start).trim(), start: offset + start });
  return out;
}

/**
 * The 主动公开 count: the first clause saying 主动公开 … N 条/件/份, else one saying 发布/公开 … 信息 … N 条.
 * Only the overview and the prose before 表二 are read, so table cells are never taken for it.
 */
export function proactiveCount(all: readonly Clause[], starts: readonly number[]): Fact | null {
  const pick = (test: (c: string) => boolean, numberAfter: RegExp): Fact | null => {
    for (const c of all) {
      if (!test(c.text)) continue;
      const anchor = numberAfter.exec(c.text);
      const rest = anchor ? c.text.slice(anchor.index) : c.text;
      const m = COUNT.exec(rest);
      if (!m) continue;
      const value = Number(m[1]!.replace(/,/g, ''));
      if (!Number.isFinite(value)) continue;
      return { value, unit: m[2]!, evidence: c.text, line: lineAt(starts, c.start) };
    }
    return null;
  };
  return (
    pick((c) => /主动公开/.test(c) && !/(申请|依申请|规范性文件|规章)/.test(c), /主动公开/) ??
    pick((c) => /(发布|公开)/.test(c) && /信息/.test(c) && !/申请/.test(c), /(发布|公开)/)
  );
}

/** A number the prose states for comparison with a table cell. */
export interface ProseNumber {
  value: number;
  evidence: string;
  line: number;
}

/**
 * Every match of `pattern` (first group = the number) in the prose before the tables. `required` is text every
 * match contains: clauses without it are passed over without running the pattern (most clauses).
 */
export function proseNumbers(all: readonly Clause[], pattern: RegExp, starts: readonly number[], required = ''): ProseNumber[] {
  const out: ProseNumber[] = [];
  for (const c of all) {
    if (required && !c.text.includes(required)) continue;
    const m = pattern.exec(c.text);
    const digits = m?.slice(1).find((g) => g !== undefined);
    if (digits) out.push({ value: Number(digits.replace(/,/g, '')), evidence: c.text, line: lineAt(starts, c.start) });
  }
  return out;
}
