/**
 * Rendering a synthetic report in one of four real-world layouts:
 * - `tabs`: one table row per line, cells tab-separated (a .docx/.xls copied as text);
 * - `cell-per-line`: every table cell on its own line prefixed by a tab, rows separated by blank lines (HTML tables
 *   flattened by a crawler);
 * - `oneline`: a crawl header, then the whole page on one line; 表三/表四 rows glued into digit runs where the
 *   identities make the split unique, else cells separated by single spaces; 表二 cells always separated;
 * - `markdown`: `#`/`##`/`###` headings and one markdown table per statutory table.
 */
import { splitPieces, type Piece } from '../parser/glued.ts';
import type { Block, Narrative, PartKey } from './prose.ts';
import type { Rng } from './rng.ts';
import { APPLICANTS, SPEC, type Layout, type SynthTables, type TemplateId } from './spec.ts';

/** A printed table row: label/header cells, then value cells (printed text) when it is a data row. */
interface Row {
  /** All cells in table order ('' for an empty or merged cell). */
  cells: string[];
  /** Index of the first value cell, or -1 for a header row. */
  valueAt: number;
  /** The values (numbers) of a data row, for the glue decision. */
  values?: number[];
  /** Which identity the row obeys, when it may be glued in a one-line crawl. */
  glue?: 'request' | 'review';
}

interface PrintedTable {
  rows: Row[];
  width: number;
}

/** Per-report printing style: how a report's tables and labels look. */
export interface Style {
  /** Full-width （一） or ASCII (一) parentheses in row labels. */
  fullwidthParens: boolean;
  /** "1. 属于" instead of "1.属于". */
  spaceAfterEnumerator: boolean;
  /** Print a positive 本年增/减 as +2. */
  plusSign: boolean;
  /** Print money cells with a unit: '' | '万元' | '元' (元 only when the amount has ≤ 2 decimals in 元). */
  moneyUnit: '' | '万元' | '元';
  /** Thousands separators on large 表二 numbers (not in one-line crawls). */
  thousands: boolean;
  /** Break some header cells over two lines (cell-per-line only), as PDF/HTML copies do. */
  brokenHeaders: boolean;
  /** In a one-line crawl: a space between a row label and its digits. */
  spaceBeforeDigits: boolean;
  /** "(一) 予以公开": a space after a parenthesised enumerator (seed 001). */
  spaceAfterParen: boolean;
  /** Tab rows: a row's label cells printed from the first column on, not under their merged headers (seed 001). */
  labelsLeft: boolean;
  /** 表四 header words with a space inside ("结果 维持", "尚未 审结"), as a Word table copied as text prints them. */
  spacedReviewHeaders: boolean;
}

export function drawStyle(rng: Rng, layout: Layout): Style {
  return {
    fullwidthParens: rng.chance(0.75),
    spaceAfterEnumerator: rng.chance(0.2),
    plusSign: rng.chance(0.5),
    moneyUnit: rng.pick(['', '', '万元', '元'] as const),
    thousands: layout !== 'oneline' && rng.chance(0.2),
    brokenHeaders: rng.chance(0.4),
    spaceBeforeDigits: rng.chance(0.3),
    spaceAfterParen: rng.chance(0.2),
    labelsLeft: layout === 'tabs' && rng.chance(0.25),
    spacedReviewHeaders: layout === 'tabs' && rng.chance(0.3),
  };
}

// ───────────────────────────── value text ─────────────────────────────

function withThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 万元 amount → the same amount in 元, as printed ("1480.8758" → "14808758"); null when it would need > 2 decimals. */
export function wanToYuanText(value: number): string | null {
  const [int = '0', frac = ''] = String(value).split('.');
  const shifted = `${int}${frac.padEnd(4, '0').slice(0, 4)}`.replace(/^0+(?=\d)/, '');
  const rest = frac.slice(4);
  if (rest.length > 2) return null;
  return rest ? `${shifted}.${rest}` : shifted;
}

function moneyText(value: number, style: Style): string {
  if (style.moneyUnit === '元' && value > 0) {
    const yuan = wanToYuanText(value);
    if (yuan !== null) return `${yuan}元`;
  }
  return style.moneyUnit === '万元' && value > 0 ? `${value}万元` : String(value);
}

function countText(value: number, column: string, style: Style): string {
  if (column === 'change' && value > 0 && style.plusSign) return `+${value}`;
  if (style.thousands && value >= 1000) return withThousands(value);
  return String(value);
}

// ───────────────────────────── the three tables ─────────────────────────────

function parens(text: string, style: Style): string {
  const spaced = style.spaceAfterParen ? text.replace(/^（([一二三四五六七八九十]+)）/, '（$1） ') : text;
  return style.fullwidthParens ? spaced : spaced.replace(/（/g, '(').replace(/）/g, ')');
}

function enumerated(text: string, style: Style): string {
  return style.spaceAfterEnumerator ? text.replace(/^(\d)\./, '$1. ') : text;
}

function proactiveTable(template: TemplateId, t: SynthTables, style: Style): PrintedTable {
  const width = 4;
  const rows: Row[] = [];
  const pad = (cells: string[]): string[] => [...cells, ...new Array<string>(width - cells.length).fill('')];
  for (const g of SPEC[template].proactive.groups) {
    rows.push({ cells: pad([parens(g.label, style)]), valueAt: -1 });
    const columnLabels = g.columns.map((c) => (c.id === 'amount' && template === '2019' && style.moneyUnit !== '' ? '采购总金额' : c.label));
    rows.push({ cells: pad(['信息内容', ...columnLabels]), valueAt: -1 });
    for (const r of g.rows) {
      const values = g.columns.map((c) => t.proactive[r.id]![c.id]!);
      const cells = g.columns.map((c, i) => (c.id === 'amount' ? moneyText(values[i]!, style) : countText(values[i]!, c.id, style)));
      rows.push({ cells: pad([r.label, ...cells]), valueAt: 1, values });
    }
  }
  return { rows, width };
}

const NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

function requestsTable(template: TemplateId, t: SynthTables, style: Style): PrintedTable {
  const width = 10;
  const rows: Row[] = [
    { cells: [parens(NOTE, style), '', '', '申请人情况', '', '', '', '', '', ''], valueAt: -1 },
    { cells: ['', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计'], valueAt: -1 },
    { cells: ['', '', '', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', ''], valueAt: -1 },
  ];
  const seenGroup = new Set<string>();
  for (const r of SPEC[template].requests.rows) {
    const values = [...APPLICANTS, 'total'].map((c) => t.requests[r.id]![c]!);
    const parts = r.label.split(' / ');
    let labels: [string, string, string];
    if (parts.length === 1) {
      // 一、二、（七）总计、四、 and 2019 （六）其他处理
      const own = parens(parts[0]!, style);
      labels = /^[（(]/.test(parts[0]!) ? ['', own, ''] : [own, '', ''];
    } else {
      const [group, leaf] = [parts[0]!, parts[1]!];
      const first = !seenGroup.has(group);
      seenGroup.add(group);
      if (group.startsWith('三、')) labels = [first ? group : '', parens(leaf, style), ''];
      else labels = ['', first ? parens(group, style) : '', enumerated(leaf, style)];
    }
    if (style.labelsLeft) {
      const printed = labels.filter((c) => c !== '');
      labels = [printed[0] ?? '', printed[1] ?? '', printed[2] ?? ''];
    }
    rows.push({ cells: [...labels, ...values.map(String)], valueAt: 3, values, glue: 'request' });
  }
  return { rows, width };
}

function reviewTable(t: SynthTables, style: Style): PrintedTable {
  const e = (n: number): string[] => new Array<string>(n).fill('');
  const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((h) => (style.spacedReviewHeaders && h.length === 4 ? `${h.slice(0, 2)} ${h.slice(2)}` : h));
  const values = SPEC['2021'].review.rows.flatMap((r) => SPEC['2021'].review.columns.map((c) => t.review[r.id]![c.id]!));
  return {
    width: 15,
    rows: [
      { cells: ['行政复议', ...e(4), '行政诉讼', ...e(9)], valueAt: -1 },
      { cells: [...results, '未经复议直接起诉', ...e(4), '复议后起诉', ...e(4)], valueAt: -1 },
      { cells: [...e(5), ...results, ...results], valueAt: -1 },
      { cells: values.map(String), valueAt: 0, values, glue: 'review' },
    ],
  };
}

// ───────────────────────────── glue decisions (one-line crawls) ─────────────────────────────

const rowSumHolds = (v: ReadonlyArray<number | null>): boolean => {
  if (v.some((x) => x === null)) return true;
  return (v as number[]).slice(0, 6).reduce((a, b) => a + b, 0) === v[6];
};

const groupsHold = (v: ReadonlyArray<number | null>): boolean => {
  for (let g = 0; g < 3; g++) {
    const part = v.slice(g * 5, g * 5 + 4);
    const total = v[g * 5 + 4];
    if (total === null || total === undefined || part.some((x) => x === null)) continue;
    if ((part as number[]).reduce((a, b) => a + b, 0) !== total) return false;
  }
  return true;
};

const same = (a: ReadonlyArray<number | null>, b: readonly number[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** True when the parser's own splitter, with the row identity, finds exactly this row and nothing else. */
function uniqueSplit(pieces: readonly Piece[], values: readonly number[], holds: (v: ReadonlyArray<number | null>) => boolean): boolean {
  const fits = splitPieces(pieces, values.length).filter(holds);
  return fits.length === 1 && same(fits[0]!, values);
}

/** Longest digit run we try to glue (longer runs have too many splits to be worth checking). */
const MAX_RUN = 18;

/** The value text of a 表三/表四 row in a one-line crawl: one digit run, runs per group, or single spaces. */
export function onelineValues(values: readonly number[], kind: 'request' | 'review'): string {
  const text = values.map(String);
  const spaced = text.join(' ');
  const run = text.join('');
  if (kind === 'request') {
    return run.length <= MAX_RUN && uniqueSplit([{ run }], values, rowSumHolds) ? run : spaced;
  }
  if (run.length <= MAX_RUN && uniqueSplit([{ run }], values, groupsHold)) return run;
  const groups = [0, 1, 2].map((g) => text.slice(g * 5, g * 5 + 5).join(''));
  const pieces: Piece[] = groups.map((g) => (g.length >= 2 ? { run: g } : { value: Number(g) }));
  if (groups.every((g) => g.length <= MAX_RUN) && uniqueSplit(pieces, values, groupsHold)) return groups.join(' ');
  return spaced;
}

// ───────────────────────────── layouts ─────────────────────────────

function trimEnd(cells: readonly string[]): string[] {
  let n = cells.length;
  while (n > 0 && cells[n - 1] === '') n--;
  return cells.slice(0, n);
}

function tabsTable(t: PrintedTable): string[] {
  return t.rows.map((r) => r.cells.join('\t'));
}

/** A header cell broken over two lines, as PDF and HTML copies print narrow cells. */
function breakCell(cell: string, rng: Rng, style: Style): string {
  if (!style.brokenHeaders || cell.length < 4 || /\d/.test(cell) || !rng.chance(0.25)) return cell;
  const at = Math.floor(cell.length / 2);
  return `${cell.slice(0, at)}\n${cell.slice(at)}`;
}

function cellPerLineTable(t: PrintedTable, rng: Rng, style: Style): string[] {
  const out: string[] = [];
  for (const r of t.rows) {
    const cells = trimEnd(r.cells);
    // Merged cells after the first printed cell do not print; leading empty cells do (as "\t").
    const lead = cells.findIndex((c) => c !== '');
    const kept = cells.filter((c, i) => i < lead || c !== '');
    for (const c of kept) out.push(`\t${r.valueAt < 0 ? breakCell(c, rng, style) : c}`);
    out.push('');
  }
  return out;
}

function markdownTable(t: PrintedTable): string[] {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  const out = [line(t.rows[0]!.cells), line(new Array<string>(t.width).fill('---'))];
  for (const r of t.rows.slice(1)) out.push(line(r.cells));
  return out;
}

function onelineTable(t: PrintedTable, style: Style): string {
  let out = '';
  for (const r of t.rows) {
    if (r.valueAt < 0) {
      out += r.cells.filter((c) => c !== '').join('');
      continue;
    }
    const label = r.cells.slice(0, r.valueAt).filter((c) => c !== '').join('');
    const valueCells = trimEnd(r.cells.slice(r.valueAt));
    const digits = r.glue && r.values ? onelineValues(r.values, r.glue) : valueCells.join(' ');
    const gap = !r.glue || style.spaceBeforeDigits ? ' ' : '';
    out += label ? `${label}${gap}${digits}` : digits;
  }
  return out;
}

// ───────────────────────────── the whole report ─────────────────────────────

export interface RenderInput {
  narrative: Narrative;
  template: TemplateId;
  tables: SynthTables;
  layout: Layout;
  style: Style;
  rng: Rng;
  /** Publication date YYYY-MM-DD (for the crawl header of one-line pages). */
  published: string;
}

const TABLE_OF: Record<'proactive' | 'requests' | 'review', (i: RenderInput) => PrintedTable> = {
  proactive: (i) => proactiveTable(i.template, i.tables, i.style),
  requests: (i) => requestsTable(i.template, i.tables, i.style),
  review: (i) => reviewTable(i.tables, i.style),
};

const PARTS: readonly PartKey[] = ['overview', 'proactive', 'requests', 'review', 'problems', 'other'];

function blocksOf(n: Narrative, part: PartKey): Block[] {
  if (part === 'overview') return n.overview;
  if (part === 'problems') return n.problems;
  if (part === 'other') return n.other;
  return [];
}

function renderLines(input: RenderInput): string {
  const { narrative: n, layout, style, rng } = input;
  const md = layout === 'markdown';
  const out: string[] = [];
  const blank = (): void => {
    if (out.length && out[out.length - 1] !== '') out.push('');
  };
  const paragraphs = layout !== 'cell-per-line' || rng.chance(0.5); // some flattened pages drop the blank lines
  const push = (line: string): void => {
    out.push(line);
    if (paragraphs) out.push('');
  };
  push(md ? `# ${n.title}` : n.title);
  if (n.dateLine) push(n.dateLine);
  for (const p of n.preamble) push(p);
  for (const part of PARTS) {
    blank();
    push(md ? `## ${n.headings[part]}` : n.headings[part]);
    for (const b of blocksOf(n, part)) push(b.kind === 'sub' && md ? `### ${b.text}` : b.text);
    if (part === 'proactive' || part === 'requests' || part === 'review') {
      const table = TABLE_OF[part](input);
      const lines = layout === 'tabs' ? tabsTable(table) : layout === 'markdown' ? markdownTable(table) : cellPerLineTable(table, rng, style);
      out.push(...lines);
      blank();
    }
  }
  blank();
  out.push('', n.signature.agency, n.signature.date, '');
  return out.join('\n');
}

function renderOneline(input: RenderInput): string {
  const { narrative: n, style } = input;
  const head = [
    `标题: ${n.title}`,
    `发布时间: ${input.published} ${String(9 + (input.rng.int(0, 8))).padStart(2, '0')}:${String(input.rng.int(0, 59)).padStart(2, '0')}`,
    `发布机构: ${n.signature.agency}`,
    '栏目: 政府信息公开年报',
    '==================== 正文 ====================',
  ];
  let body = `当前位置： 首页政务公开政府信息公开政府信息公开年报 ${n.title} 来源：${n.signature.agency} 时间：${input.published} 【字体：大 中 小】 `;
  body += n.title + (n.dateLine ?? '');
  body += n.preamble.join('');
  for (const part of PARTS) {
    body += ` ${n.headings[part]} `;
    body += blocksOf(n, part)
      .map((b) => b.text)
      .join('');
    if (part === 'proactive' || part === 'requests' || part === 'review') body += onelineTable(TABLE_OF[part](input), style);
  }
  body += ` ${n.signature.agency} ${n.signature.date} 附件下载 【打印本页】 【关闭窗口】`;
  return `${head.join('\n')}\n${body}\n`;
}

export function renderReport(input: RenderInput): string {
  return input.layout === 'oneline' ? renderOneline(input) : renderLines(input);
}
