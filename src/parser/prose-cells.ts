/**
 * Numbers the prose states for a table cell (or a sum of cells): 共收到申请 N 件, 予以公开 N 件, 无法提供 N 件,
 * 结转下年度 N 件, 行政复议 N 起, 现行有效行政规范性文件 N 件, 制发规范性文件 N 件, 集中采购 N 个项目, 集中采购金额 N 万元 … Each is
 * compared with the table (a disagreement is a PROSE_MISMATCH anomaly, the table keeps what it printed), and the
 * table readers use them as extra constraints where a glued digit run has several splits: a split is taken only
 * when it is the one consistent with every statement, and the finding cites the sentence. Pure: no fs, no clock.
 *
 * Only exact, specific statements count: a number followed by 余/多 or after 约/近/超过/逾 is approximate, and a
 * statement of a combined figure (予以公开及部分公开 N 件) or of a category of published information (…类信息 N 条)
 * is no statement of a cell.
 */
import type { TemplateId } from '../schema/record.ts';
import type { Clause } from './facts.ts';
import { key } from './identities.ts';
import { lineAt } from './normalize.ts';
import { TEMPLATES } from './template.ts';

export interface ProseCell {
  /** The cells whose sum the prose states (one cell, or e.g. every 不予公开 row's 总计). */
  keys: string[];
  /** Words for the cell in a message, e.g. 表三「予以公开」总计. */
  name: string;
  value: number;
  /** A money statement, its value in 万元 (a table may print the cell in 元). */
  money?: boolean;
  /** The clause, as printed. */
  evidence: string;
  line: number;
}

/** 元 → 万元 by moving the decimal point (no float division noise). */
export function yuanToWan(text: string): number {
  const [int = '0', frac = ''] = text.replace(/[^\d.]/g, '').split('.');
  const padded = int.padStart(5, '0');
  return Number(`${padded.slice(0, -4)}.${padded.slice(-4)}${frac}`);
}

interface Pattern {
  /** Groups: the number, then for a money pattern its unit (元 or 万元; the value is kept in 万元). */
  re: RegExp;
  money?: boolean;
  /**
   * The statement may also be a clause of its own right after the clause naming what it is about (完成政府集中采购，
   * 采购金额 N 万元): `re` is then tried on the clause when the one before it, next to it, matches `prev`.
   */
  follows?: { prev: RegExp; re: RegExp };
  /** A word every clause that can match contains (clauses without it are passed over). */
  needs: string;
  keys: (template: TemplateId) => string[];
  name: string;
  templates?: TemplateId[];
}

const N = '(\\d[\\d,]*)';
const APPROX_AFTER = /^\s*(?:余|多)/;
const APPROX_BEFORE = /(?:约|近|超过|逾|不到|不足)\s*$/;

const rowTotals = (prefix: string) => (template: TemplateId): string[] =>
  TEMPLATES[template].requests.rows.filter((r) => r.id.startsWith(prefix)).map((r) => key('requests', r.id, 'total'));

const PATTERNS: Pattern[] = [
  { re: new RegExp(`(?<![及和与、])予以公开(?:的|为|共)?\\s*${N}\\s*件`), needs: '予以公开', keys: () => [key('requests', 'granted', 'total')], name: '表三「予以公开」总计' },
  { re: new RegExp(`(?<![及和与、])部分公开(?:的|为|共)?\\s*${N}\\s*件`), needs: '部分公开', keys: () => [key('requests', 'partiallyGranted', 'total')], name: '表三「部分公开」总计' },
  { re: new RegExp(`(?<![及和与、])不予公开(?:的|为|共)?\\s*${N}\\s*件`), needs: '不予公开', keys: rowTotals('denied.'), name: '表三「不予公开」各项总计之和' },
  { re: new RegExp(`(?<![及和与、])无法提供(?:的|为|共)?\\s*${N}\\s*件`), needs: '无法提供', keys: rowTotals('unavailable.'), name: '表三「无法提供」各项总计之和' },
  { re: new RegExp(`(?<![及和与、])不予处理(?:的|为|共)?\\s*${N}\\s*件`), needs: '不予处理', keys: rowTotals('notProcessed.'), name: '表三「不予处理」各项总计之和' },
  { re: new RegExp(`上年(?:度)?结转(?:的)?(?:政府信息公开)?(?:申请)?\\s*${N}\\s*件`), needs: '上年', keys: () => [key('requests', 'carriedOver', 'total')], name: '表三「上年结转」总计' },
  {
    re: new RegExp(`结转(?:至|到)?(?:下一?年度?|\\d{4}\\s*年度?)(?:继续办理)?(?:的)?\\s*${N}\\s*件|${N}\\s*件(?:申请)?(?:已)?结转(?:至|到)?下一?年`),
    needs: '结转',
    keys: () => [key('requests', 'carriedForward', 'total')],
    name: '表三「结转下年度继续办理」总计',
  },
  { re: new RegExp(`行政复议(?:案件|申请)?(?:共)?\\s*${N}\\s*(?:件|起|宗)`), needs: '行政复议', keys: () => [key('review', 'adminReview', 'total')], name: '表四「行政复议」总计' },
  {
    re: new RegExp(`行政诉讼(?:案件)?(?:共)?\\s*${N}\\s*(?:件|起|宗)`),
    needs: '行政诉讼',
    keys: () => [key('review', 'litigationDirect', 'total'), key('review', 'litigationAfterReview', 'total')],
    name: '表四「行政诉讼」总计之和',
  },
  {
    re: new RegExp(`现行有效(?:的)?(?:行政)?规范性文件(?:共)?\\s*${N}\\s*件`),
    needs: '现行有效',
    keys: () => [key('proactive', 'normativeDocs', 'inForce')],
    name: '表二行政规范性文件「现行有效件数」',
    templates: ['2021'],
  },
  {
    re: new RegExp(`(?:制发|印发|出台|制定)(?:的)?(?:行政)?规范性文件(?:共)?\\s*${N}\\s*件`),
    needs: '规范性文件',
    keys: (t) => [key('proactive', 'normativeDocs', t === '2021' ? 'issued' : 'made')],
    name: '表二规范性文件「本年制发（新制作）件数」',
  },
  {
    re: new RegExp(`废止(?:的)?(?:行政)?规范性文件(?:共)?\\s*${N}\\s*件`),
    needs: '废止',
    keys: () => [key('proactive', 'normativeDocs', 'repealed')],
    name: '表二行政规范性文件「本年废止件数」',
    templates: ['2021'],
  },
  {
    re: new RegExp(`集中采购(?:项目)?(?:共|数量)?\\s*${N}\\s*(?:个|项)`),
    needs: '采购',
    keys: () => [key('proactive', 'procurement', 'projects')],
    name: '表二「政府集中采购」采购项目数量',
    templates: ['2019'],
  },
  {
    re: /集中采购(?:[^。；;]{0,24}?采购)?(?:总)?金额(?:共|为|达|合计|总计)?\s*(\d[\d,]*(?:\.\d+)?)\s*(万元|元)/,
    money: true,
    needs: '采购',
    keys: () => [key('proactive', 'procurement', 'amount')],
    name: '表二「政府集中采购」采购总金额（万元）',
    follows: { prev: /集中采购/, re: /^(?:其)?采购(?:总)?金额(?:共|为|达|合计|总计)?\s*(\d[\d,]*(?:\.\d+)?)\s*(万元|元)/ },
    templates: ['2019'],
  },
];

/** Any pattern's `needs` word: a clause with none (most) is passed over with one test instead of one a pattern. */
const ANY_NEEDED = new RegExp([...new Set(PATTERNS.map((p) => p.needs))].join('|'));

/** Every exact statement of a cell in the clauses (see the module comment), in text order. */
export function proseCells(prose: readonly Clause[], starts: readonly number[], template: TemplateId): ProseCell[] {
  const out: ProseCell[] = [];
  let prev: Clause | null = null;
  for (const c of prose) {
    const before = prev;
    prev = c;
    if (!/\d/.test(c.text) || !ANY_NEEDED.test(c.text)) continue;
    // the clause before, when only a separator (and spaces) lies between the two
    const next = before && c.start - (before.start + before.text.length) <= 3 ? before : null;
    for (const p of PATTERNS) {
      if (p.templates && !p.templates.includes(template)) continue;
      if (!c.text.includes(p.needs)) continue;
      const m = p.re.exec(c.text) ?? (p.follows && next && p.follows.prev.test(next.text) ? p.follows.re.exec(c.text) : null);
      if (!m) continue;
      const digits = m.slice(1).find((g) => g !== undefined);
      if (!digits) continue;
      const at = m.index + m[0].lastIndexOf(digits);
      if (APPROX_BEFORE.test(c.text.slice(0, at)) || APPROX_AFTER.test(c.text.slice(at + digits.length))) continue;
      const unit = p.money ? m[m.indexOf(digits, 1) + 1] : undefined;
      const value = unit === '元' ? yuanToWan(digits.replace(/,/g, '')) : Number(digits.replace(/,/g, ''));
      if (p.money ? !Number.isFinite(value) : !Number.isSafeInteger(value)) continue;
      out.push({ keys: p.keys(template), name: p.name, value, evidence: c.text, line: lineAt(starts, c.start), ...(p.money ? { money: true } : {}) });
    }
  }
  return out;
}

/**
 * A sentence about procurement stating a count and an amount side by side (今年共发布采购信息21条共5419886元, 全年共发布
 * 采购信息197批次涉及金额3601627.4元). What it counts need not be 表二's 采购项目数量, so it is compared with no cell; it
 * only cuts a 政府集中采购 row glued into one run that it reproduces digit for digit (`215419886元` = 21 | 5419886 元).
 */
export interface ProcurementCut {
  projects: string;
  /** The amount's digits as printed, its unit apart. */
  amount: string;
  unit: '元' | '万元';
  evidence: string;
  line: number;
}

const CUT_RE = /采购[^。；;\d]{0,24}?(\d+)\s*(?:条|项|个|批次|批|次)[^。；;\d]{0,12}?(\d+(?:\.\d+)?)\s*(万元|元)/;

/** Every count-and-amount statement about procurement in the clauses (see ProcurementCut). */
export function procurementCuts(prose: readonly Clause[], starts: readonly number[]): ProcurementCut[] {
  const out: ProcurementCut[] = [];
  for (const c of prose) {
    if (!c.text.includes('采购')) continue;
    const m = CUT_RE.exec(c.text);
    if (m) out.push({ projects: m[1]!, amount: m[2]!, unit: m[3] as '元' | '万元', evidence: c.text, line: lineAt(starts, c.start) });
  }
  return out;
}

/** The sum a statement is about, of the cells as `valueOf` gives them; null while any of its cells is unknown. */
export function statedSum(s: ProseCell, valueOf: (key: string) => number | null | undefined): number | null {
  let sum = 0;
  for (const k of s.keys) {
    const v = valueOf(k);
    if (v === null || v === undefined) return null;
    sum += v;
  }
  return sum;
}

/** The statements about one cell (a statement of a sum is about a cell only when the sum is that one cell). */
export function statedFor(stated: readonly ProseCell[], cellKey: string): ProseCell[] {
  return stated.filter((s) => s.keys.length === 1 && s.keys[0] === cellKey);
}
