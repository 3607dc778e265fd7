/** 表二 主动公开政府信息情况: rows matched by label wherever they are printed (some renderings reorder groups). */
import type { Finding, TemplateId } from '../../schema/record.ts';
import { splitPieces, splitsEnumerable, type Piece } from '../glued.ts';
import { key } from '../identities.ts';
import { LABEL_MATCH, interleavedKeys, labelKey, labelScores } from '../labels.ts';
import { fold } from '../normalize.ts';
import { TEMPLATES, type ProactiveGroup, type TemplateRow } from '../template.ts';
import { columnLabel } from '../../schema/template.ts';
import { statedFor, yuanToWan, type ProcurementCut, type ProseCell } from '../prose-cells.ts';
import { cellsApart, eachOnItsLine, leadingZero, mayBeGlued, oneLine, rejoinSpaced, segment, type Segment, type Token } from '../tokens.ts';
import { strayValueRow } from './column-major.ts';
import { notedValues } from './noted-cells.ts';
import { strayGroups } from './stray-spaces.ts';
import { joinable } from './split-numbers.ts';
import { columnHead, endsWithHeader, itemOf, readGroupSections } from './proactive-groups.ts';
import { fitBlanks } from './rows.ts';
import type { Cell, CellStore } from './grid.ts';
import { cellFromToken, piecesOf } from './requests.ts';

const MONEY_COLUMNS = new Set(['amount']);

/**
 * Whether values sit on one line (a printed row). A row's label followed by more values than it has columns is
 * read by its first values only when they make a row on one line: one value per line and extra values is a
 * stream out of reading order (pdftotext's default mode prints a table column by column), not a row.
 */

export { yuanToWan };

function moneyCell(t: Token): Cell {
  const cell = cellFromToken(t);
  if (t.kind === 'num' && t.unit === '元' && !t.problem) {
    cell.value = yuanToWan(t.text);
    cell.raw = t.text;
  }
  return cell;
}

/**
 * 政府集中采购's two values told apart by kind, whatever order they were printed in: the one with decimals is the
 * amount (万元 or 元), the whole number with no unit the project count. Null unless exactly that.
 */
function countAndAmount(row: string, values: readonly Token[]): { projects: Token; amount: Token } | null {
  if (row !== 'procurement' || values.length !== 2 || values.some((t) => t.kind !== 'num' || t.problem)) return null;
  const whole = (t: Token): boolean => /^\d+$/.test(t.text);
  const decimal = (t: Token): boolean => /^\d[\d,]*\.\d+(?:万元|元)?$/.test(t.text);
  const [a, b] = values as [Token, Token];
  if (whole(a) && decimal(b)) return { projects: a, amount: b };
  if (whole(b) && decimal(a)) return { projects: b, amount: a };
  return null;
}

interface Layout {
  rows: Array<{ row: TemplateRow; columns: string[] }>;
  /** label key of each row */
  keys: string[];
  /** each row's label, folded (fold): to tell how many rows a printed label names */
  folded: string[];
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
    layout = { rows, keys, folded: rows.map((r) => fold(r.row.label)), shapes: rows.map((r, i) => ({ key: keys[i]!, width: r.columns.length })) };
    layouts.set(template, layout);
  }
  return layout;
}

const headerLists = new Map<TemplateId, string[]>();

/** 表二's value columns' headers (本年制发件数, 处理决定数量, 采购总金额, …), longest first. */
function headerWords(template: TemplateId): string[] {
  let words = headerLists.get(template);
  if (!words) {
    const labels = TEMPLATES[template].proactive.groups.flatMap((g) => g.columns.map((c) => c.label.replace(/[（(].*$/, '')));
    words = [...new Set(labels)].filter((w) => w.length >= 3).sort((a, b) => b.length - a.length);
    headerLists.set(template, words);
  }
  return words;
}

/**
 * Whether a segment's label is two rows' labels interleaved character by character (interleavedKeys): its values
 * are then both rows' printed as one run, and neither row is read from it (a finding says so).
 */
function twoRowsInterleaved(label: string, keys: readonly string[], scores: ArrayLike<number>, seg: Segment, findings: Finding[]): boolean {
  for (let a = 0; a < keys.length; a++) {
    if (scores[a]! < LABEL_MATCH || scores[a] === 1) continue;
    for (let b = 0; b < keys.length; b++) {
      if (b === a || !interleavedKeys(label, keys[a]!, keys[b]!)) continue;
      findings.push({
        code: 'CELL_UNREADABLE',
        severity: 'warning',
        message: `表二的行名「${label.replace(/[^\p{L}]/gu, '').slice(-(keys[a]!.length + keys[b]!.length))}」是「${keys[a]}」与「${keys[b]}」两行的字交错印在一起（PDF 转换时两行并成了一行），其后的数字「${seg.values.map((v) => v.text).join(' ')}」分不出属于哪一行，两行均保留为空`,
        line: seg.values[0]!.line,
      });
      return true;
    }
  }
  return false;
}

/**
 * Whether 表二 is printed out of reading order: in some group (第二十条第（…）项), a column header (本年废止件数,
 * 本年增/减, …, of a group of two columns or more) printed after one of the group's values. pdftotext's reading order
 * does this when it reads a table by columns or by cell heights: `规章 0` `本年废止件数 现行有效件数` `0 0`
 * `行政规范性文件` `0 8 3`, where 3 is 行政规范性文件's first cell; and the same print gives 行政事业性收费's
 * `10 | 0` as `0` `10`. Or a row's label followed by more values, one a line, than a row of 表二 has. Then no row's
 * values printed one a line are in a certain order. (A one-row group that prints each column's header right before
 * that column's value, `采购项目数量` `8` `采购总金额（万元）` `2059.209`, shows no disorder: see eachUnderItsHeader.)
 */
function printedOutOfOrder(printed: readonly Segment[], template: TemplateId): boolean {
  const groups = TEMPLATES[template].proactive.groups.filter((g) => g.columns.length > 1);
  const words = [...new Set(groups.flatMap((g) => g.columns.map(columnHead)))].filter((w) => w.length >= 3);
  // (or a row's label names one row and more values follow it, one a line, than any row of 表二 has cells: `行政许可`
  // `14` `-1` `3121` `5` `29`, the next row's cells among them)
  const widest = Math.max(...TEMPLATES[template].proactive.groups.map((g) => g.columns.length));
  let seenValue = false;
  /** The segments since the last group heading, and the group's own column headers (folded). */
  let since: Segment[] = [];
  let heads: string[] = [];
  let oneRow = false;
  /** The one row's label of a one-row group (folded), else ''. */
  let rowLabel = '';
  const allGroups = TEMPLATES[template].proactive.groups;
  const { folded } = layoutOf(template);
  for (const seg of printed) {
    const label = fold(seg.label);
    if (label.includes('第二十条')) {
      const item = itemOf(label.slice(label.lastIndexOf('第二十条')));
      const g = item === null ? undefined : allGroups.find((x) => itemOf(x.label) === item);
      since = [];
      heads = g ? g.columns.map(columnHead) : [];
      oneRow = g?.rows.length === 1;
      rowLabel = oneRow ? fold(g!.rows[0]!.label) : '';
    }
    since.push(seg);
    // (or a row's label printed among a group's column headers, `本年制发件数` `规章` `本年废止件数`: reading order
    // went by the cells' heights, and a row's cells set at different heights print in no column order)
    const group = label.slice(label.lastIndexOf('第二十条') + 1);
    let firstRow = Infinity; // (where the first row label printed in it starts; a loop, as this runs for every segment)
    for (const l of folded) {
      const at = group.indexOf(l);
      if (at >= 0 && at < firstRow) firstRow = at;
    }
    if (Number.isFinite(firstRow) && words.some((w) => group.indexOf(w) > firstRow && group.slice(0, firstRow).includes(w.slice(0, 2)))) return true;
    if (label.includes('第二十条')) seenValue = false;
    else if (seenValue && words.some((w) => label.includes(w)) && !(oneRow && eachUnderItsHeader(since, heads, rowLabel))) return true;
    if (seg.values.length) seenValue = true;
    if (seg.values.length > widest && eachOnItsLine(seg.values) && rowsNamed(label, template) === 1) return true;
  }
  return false;
}

/**
 * Whether a one-row group's segments so far print each column's header and then that column's one value, in the
 * template's column order (`采购项目数量` `8` `采购总金额（万元）` `2059.209`: a reading order that takes the small
 * table a column at a time). A header after a value is then no disorder: every value stands under its own header.
 * The group's row label may print between a header and its value (`采购项目数量` `政府集中采购` `16` `采购总金额
 * （万元）`), and the last header, the one just printed, may have no value under it: a blank cell, which is what let
 * the reading order take that header after the value before it.
 */
function eachUnderItsHeader(since: readonly Segment[], heads: readonly string[], rowLabel: string): boolean {
  return (
    since.length <= heads.length &&
    since.every((seg, i) => {
      const words = fold(seg.label);
      const own = rowLabel && words.endsWith(rowLabel) ? words.slice(0, -rowLabel.length) : words;
      return (seg.values.length === 1 || (seg.values.length === 0 && i === since.length - 1)) && endsWithHeader(own, heads, i);
    })
  );
}

/**
 * The groups (第二十条第（…）项) whose values a reading order printed before their row's label, each with the run that
 * shows it: a run right after the group's column names, naming no row, one value a line (or a layout's row on a line
 * with no label), whose next label opens with a row of the group, no row of which was named before (`对外公开总数量`
 * `13` `13` `524` `规章` `60` `60` `368` `规范性文件`: a word processor's or browser's table whose cells sit a little
 * higher than their label, sorted by height). Every run of the group would then be read one row off, and no order of
 * label and values holds for it (a row may print one value before its label and one after: `6` `政府集中采购`
 * `251000元`). In layout text whose values stand on lines of their own, one such group shows the table's order, and
 * every group of several rows is returned (a blank row's label before a run, `规章` over `89 89 89` over `规范性文件`,
 * hides it there); a group of one row shows it too (`本年处理决定数量` `517645` `行政许可`), its own values still read.
 * A group whose label comes before its values is read as printed.
 */
function valuesBeforeLabel(printed: readonly Segment[], tokens: readonly Token[], template: TemplateId): Map<string, Shown> {
  const { folded, rows } = layoutOf(template);
  const out = new Map<string, Shown>();
  /** A group of one row showing the order. */
  let single: Shown | undefined;
  /** Lines holding text. */
  const texts = new Set(tokens.filter((t) => t.kind === 'text').map((t) => t.line));
  for (let i = 0; i + 1 < printed.length; i++) {
    const seg = printed[i]!;
    const label = fold(seg.label);
    // (the text from the group's heading on: a row label before it is the previous group's last, printed after its values)
    const heading = label.lastIndexOf('第二十条');
    if (rowsNamed(heading < 0 ? label : label.slice(heading), template) || !seg.values.length) continue;
    // (one value a line, or a layout's row on a line of its own, no label beside it)
    const lines = new Set(seg.values.map((t) => t.line));
    if (lines.size !== seg.values.length && !(lines.size === 1 && !texts.has(seg.values[0]!.line))) continue;
    const next = fold(printed[i + 1]!.label).replace(ROW_PREFIX, '');
    const opens = folded.findIndex((l) => next.startsWith(l));
    if (opens < 0) continue;
    // (the run after that group's own column names: another group's, a layout's jumble, say nothing of this one)
    const spec = groupOf(template, rows[opens]!.row.id);
    // (a header wrapped over lines, `本年新公` / `开数量`, ends the words with a column name's last characters)
    if (!spec.columns.some((c) => label.endsWith(fold(c.label)) || endsWithTail(label, columnHead(c)))) continue;
    // (a group of one row has no other row to take its values: they are its own, but show the order all the same)
    if (spec.rows.length < 2) {
      single ??= { seg, item: spec.label };
      continue;
    }
    // (and no row of its group named before: a block of labels a reading order printed first names its rows there,
    // and headers printed after a row's values are the other disorder, which printedOutOfOrder sees)
    // (from the table's first heading: the prose before the table names rows too, `行政处罚类信息`)
    const joined = fold(printed.slice(0, i + 1).map((p) => p.label).join(''));
    const before = joined.slice(Math.max(0, joined.indexOf('第二十条')));
    if (out.has(spec.id) || spec.rows.some((r) => before.includes(fold(r.label)))) continue;
    // (unless the group printed as many values as it has cells, all alike: `0 0 0 0` `规章` `0` `行政规范性文件 0` is
    // a group of zeros in any order)
    const end = printed.findIndex((p, k) => k > i && fold(p.label).includes('第二十条'));
    const values = printed.slice(i, end < 0 ? undefined : end).flatMap((p) => p.values);
    if (values.length !== spec.rows.length * spec.columns.length || values.some((t) => t.text !== values[0]!.text)) out.set(spec.id, { seg, item: spec.label });
  }
  const shown = [...out.values()][0] ?? single;
  // (a group each of whose rows printed its values on its label's own line, `行政许可  3  0  0`, shows its order
  // itself: those values are that row's)
  const besideLabels = (g: ProactiveGroup): boolean =>
    g.rows.every((r) => {
      const l = fold(r.label);
      return printed.some((seg) => seg.tailAt !== undefined && seg.values.length === g.columns.length && seg.values.every((t) => t.line === seg.tailLine) && fold(seg.label.slice(seg.tailAt)).replace(ROW_PREFIX, '') === l);
    });
  if (shown && tokens.some((t) => t.at !== undefined) && !texts.has(shown.seg.values[0]!.line)) {
    for (const g of TEMPLATES[template].proactive.groups) if (g.rows.length > 1 && !out.has(g.id) && !besideLabels(g)) out.set(g.id, shown);
  }
  return out;
}

/** A row label's digits, dots and brackets before its name (`4.`, `（`): not the name. */
const ROW_PREFIX = /^[\s（(）)\d.、]+/;

/** Whether words end with a column name, or with its last two or more characters (a header wrapped over lines). */
const endsWithTail = (words: string, head: string): boolean => {
  for (let k = Math.min(head.length, words.length); k >= 2; k--) if (words.endsWith(head.slice(-k))) return true;
  return false;
};

/** A run of values printed before its row's label, and the group (第二十条第（…）项) it stands in. */
interface Shown {
  seg: Segment;
  item: string;
}

/** The group (第二十条第（…）项) a row of 表二 is in. */
const groupOf = (template: TemplateId, row: string) => TEMPLATES[template].proactive.groups.find((g) => g.rows.some((r) => r.id === row))!;

/** How many of 表二's row labels a folded label holds. */
function rowsNamed(label: string, template: TemplateId): number {
  let named = 0; // (counted, not filtered: this runs for every segment, several times)
  for (const l of layoutOf(template).folded) if (label.includes(l)) named++;
  return named;
}

/**
 * A segment's label as far as it names the values' row: the text after the last column header in it. Text before a
 * header belongs to no value after it (`行政事业性收费` then `本年处理决定数量 2293`: pdftotext's reading order printed
 * the labels in a block, and 2293 is 行政许可's, under its group's header).
 */
function afterHeaders(label: string, headers: readonly string[]): string {
  let end = -1;
  for (const h of headers) {
    const at = label.lastIndexOf(h);
    if (at >= 0 && at + h.length > end) end = at + h.length;
  }
  return end < 0 ? label : label.slice(end);
}

/**
 * The splits consistent with what the prose states for the row's cells, and the statements used. With no statement
 * about the row, every split stays.
 */
function byProse(splits: Array<Array<number | null>>, keys: readonly string[], stated: readonly ProseCell[]): { kept: Array<Array<number | null>>; used: ProseCell[] } {
  const used = keys.flatMap((k) => statedFor(stated, k));
  if (!used.length) return { kept: splits, used };
  const kept = splits.filter((split) => used.every((s) => split[keys.indexOf(s.keys[0]!)] === s.value));
  return { kept, used };
}

const cite = (used: readonly ProseCell[]): string => used.map((s) => `第 ${s.line} 行「${s.evidence}」`).join('、');

/**
 * 第二十条第（九）项 政府集中采购 printed as one number glued to its unit (`1018703元` = 10 项 | 18703 元): every
 * way to cut the integer digits into 采购项目数量 (no leading zero) and the amount (its decimals and unit kept).
 */
function procurementSplits(t: Token): Array<{ projects: number; amount: Token }> {
  if (t.kind !== 'num' || (t.unit !== undefined && t.unit !== '元' && t.unit !== '万元')) return [];
  const printed = t.text.slice(0, t.text.length - (t.unit?.length ?? 0));
  const [int = '', frac] = printed.split('.');
  if (!/^\d+$/.test(int) || int.length < 2) return [];
  const out: Array<{ projects: number; amount: Token }> = [];
  for (let cut = 1; cut < int.length; cut++) {
    const head = int.slice(0, cut);
    const rest = int.slice(cut);
    if ((head.length > 1 && head[0] === '0') || (rest.length > 1 && rest[0] === '0')) continue;
    const digits = frac === undefined ? rest : `${rest}.${frac}`;
    const amount: Token = { kind: 'num', text: digits + (t.unit ?? ''), value: Number(digits), line: t.line };
    if (t.unit) amount.unit = t.unit;
    out.push({ projects: Number(head), amount });
  }
  return out;
}

/**
 * The splits of a 2021-template 第二十条第（一）项 row (本年制发件数 | 本年废止件数 | 现行有效件数) in which what was
 * issued this year and not repealed is still in force: 现行有效 ≥ 制发 − 废止 (`2025` is 2|0|25, not 20|2|5). Other
 * rows' splits are kept as they are.
 */
function inForceBound(splits: Array<Array<number | null>>, columns: readonly string[]): Array<Array<number | null>> {
  const issued = columns.indexOf('issued');
  const repealed = columns.indexOf('repealed');
  const inForce = columns.indexOf('inForce');
  if (issued < 0 || repealed < 0 || inForce < 0) return splits;
  return splits.filter((c) => c[issued] === null || c[repealed] === null || c[inForce] === null || c[inForce]! >= c[issued]! - c[repealed]!);
}

/**
 * The one split of a 2019-template 第二十条第（一）项 row (本年新制作 | 本年新公开 | 对外公开总数量) that prints one
 * number three times (`898989` = 89 | 89 | 89): what was made this year was published this year and is all that is
 * public, this row's commonest form; any other split would have to repeat its digits by chance. Null for other rows,
 * other runs, and a run the split's three equal cells do not make.
 */
function repeatedThrice(splits: ReadonlyArray<ReadonlyArray<number | null>>, columns: readonly string[]): Array<number | null> | null {
  if (columns.join() !== 'made,published,totalPublic') return null;
  return (splits.find((c) => c[0] !== null && c[0] === c[1] && c[1] === c[2]) as Array<number | null> | undefined) ?? null;
}

/**
 * Whether a group heading (第二十条第（五）项) is printed after the row's label and before its values: the values
 * are the next group's, as pdftotext's reading order prints a table's labels in a block (`行政事业性收费 第二十条第
 * （五）项 本年处理决定数量 97`). A heading before the label is the usual one-line crawl (`第二十条第（八）项…收费350`).
 */
function headingAfter(label: string, rowLabel: string): boolean {
  const heading = label.lastIndexOf('第二十条');
  if (heading <= 0) return false;
  const at = label.indexOf(rowLabel);
  return at >= 0 && at < heading;
}

/**
 * Whether a label followed by more values than the row has columns printed its row first: the first values on one
 * line, and for a one-column row on the label's own line (one value alone is on one line trivially; on a later
 * line, after more label text, it is a stream's value, as pdftotext prints a table in reading order).
 */
const rowFirst = (seg: { labelLine: number; values: readonly Token[] }, width: number): boolean =>
  oneLine(seg.values.slice(0, width)) && (width > 1 || seg.values[0]!.line === seg.labelLine);

/**
 * Whether the table prints its cells apart: some row has two values or more as separate numbers (on one line, or
 * one per line as pdftotext prints a table in reading order), and no run can only be several glued cells (`000`,
 * `0 0　0`: a number does not start with 0) — in this table or, as `gluedElsewhere` says, in the report's other
 * tables. Numbers one space apart count as apart (pdftotext's raw order prints `规范性文件 89 89 89`) unless the
 * report shows glued runs, where such spaces are a crawl's &nbsp; padding. In a table printed apart, a row with
 * fewer numbers than columns has blank cells, or glued ones: a run there is not split.
 */
function printedApart(segments: ReadonlyArray<{ values: readonly Token[] }>, gluedElsewhere: boolean): boolean {
  if (gluedElsewhere) return false;
  let apart = false;
  for (const { values } of segments) {
    if (values.some(startsWithZero)) return false;
    if (values.length >= 2 && values.every((t) => t.kind === 'num')) apart = true;
  }
  return apart;
}

/**
 * Whether a layout row prints its numbers in cells of their own: two or more on one line, each two spaces or more
 * from the next (`行政强制          0          20`, a wide table's columns): a run among them is one cell, the row's
 * missing cells blank, whatever the report's other tables show.
 */
function spreadOut(vals: readonly Token[]): boolean {
  if (vals.length < 2) return false;
  for (let i = 1; i < vals.length; i++) if (!cellsApart(vals[i - 1]!, vals[i]!)) return false;
  return true;
}

/**
 * Whether a row prints one glued run with fewer digits than it has cells (`其他对外管理服务事项10` in a row of three):
 * the table leaves cells blank, so no run's cut into cells is certain.
 */
const shortRun = (values: readonly Token[], width: number): boolean =>
  values.length === 1 && values[0]!.kind === 'num' && /^\d+$/.test(values[0]!.text) && values[0]!.text.length < width;

/**
 * A signed number of two digits or more: in a glued row the sign may stand between two cells (`14-13121`), its
 * digits grouped by commas too (`14-13,121`: 14 | -1 | 3,121 as likely as 1 | 4 | -13,121).
 */
const signedRun = (t: Token): boolean => t.kind === 'num' && /^[+-]\d[\d,]*\d$/.test(t.text);

/** Whether the pieces can also be read as fewer than `n` cells (the rest blank): then a cut into `n` is no certainty. */
function fewerCells(pieces: readonly Piece[], n: number): boolean {
  for (let k = Math.max(1, pieces.length); k < n; k++) if (splitPieces(pieces, k).length > 0) return true;
  return false;
}

/**
 * Whether a segment is a count stated in prose: its one number carries 条 or 件, which a cell of 表二 seldom prints.
 * Several such numbers in a row with nothing but space between them are a row's cells (`规章 0件 0件 0件`, a table
 * whose cells print their unit): prose puts words between its counts.
 */
const proseCount = (s: { values: readonly Token[] }): boolean =>
  s.values.every((t) => t.unit === '条' || t.unit === '件') && !(s.values.length > 1 && s.values.every((t) => t.line === s.values[0]!.line));

/** A run no number prints, only several glued cells: `00`, `03`. */
export const startsWithZero = (t: Token): boolean => t.kind === 'num' && t.glued === true && t.text.length > 1 && t.text[0] === '0';

/**
 * Why a row's groups, as many as its cells or more, are no reading of it as printed (null when they are): a group
 * with a leading zero is glued cells, not one cell's number (`0 01  2`: the stray spaces of 0012, 0 | 0 | 12); a
 * row whose groups run on past its cells on one line (a crawl's `行政许可14  83`: a wide stray space inside 1483;
 * `0 0 1  26`) leaves its numbers unknown, never its first groups. (Values on later lines are other rows' in a
 * reading order.)
 */
function asPrintedDoubt(vals: readonly Token[], width: number): string | null {
  const used = vals.slice(0, width);
  // (a digit after the leading 0: `0.25`, which a stray space may have broken, is one number)
  const zero = used.find((t) => startsWithZero(t) && leadingZero(t));
  if (zero) return `印出的「${vals.map((t) => t.text).join(' ')}」中「${zero.text}」以 0 开头，不是一格的数字（几格连印，中间又夹着空格），无从确定各格`;
  // (groups of digits, a decimal point among them: `4166.2  4  1619` is 4166.241619 broken twice)
  const plain = (t: Token, last: boolean): boolean => t.kind === 'num' && (last || !t.unit) && /^\d+(?:\.\d+)?(?:\s*\D*)?$/.test(t.text) && !/^[+-]/.test(t.text);
  if (vals.length > width && vals[width]!.line === vals[width - 1]!.line && plain(vals[width - 1]!, false) && plain(vals[width]!, true)) {
    return `${width} 格在同一行印出了 ${vals.length} 组数字（${vals.map((t) => t.text).join(' ')}）：可能是数中间夹了空格，也可能另有所指，无从确定`;
  }
  // (a row over two lines whose first line sets its numbers in cells apart, and whose next line opens with a number
  // of no column: a cell set lower than the others, `其他对外管理服务   0   153` over `10` in pdf2json's text, its
  // column before, between or after them; printed order is no column order)
  // (a number opening its line has no `at`: column 0)
  const first = used.filter((t) => t.line === used[0]!.line).map((t, k) => (k === 0 && t.at === undefined ? { ...t, at: 0 } : t));
  if (first.length >= 2 && first.length < used.length && spreadOut(first) && used.some((t) => t.line !== used[0]!.line && t.at === undefined)) {
    return `的数字印在两行（${used.map((t) => t.text).join(' ')}）：下一行行首的「${used.find((t) => t.line !== used[0]!.line)!.text}」不知在哪一列，各格次序无从确定`;
  }
  return null;
}

/**
 * Reads 表二 from its tokens into `cells`. `gluedElsewhere`: the report's other tables print runs only glued cells
 * print (`00`), so single spaces between numbers here may be a crawl's padding rather than cell borders.
 * `blanksElsewhere`: 表三 prints a glued row with fewer digits than cells, so the report leaves cells blank.
 * Returns the groups printed apart from their labels whose order (row by row or column by column) it cannot tell,
 * for readUnsureGroups once 表三 has been read.
 */
export function readProactive(
  tokens: readonly Token[],
  template: TemplateId,
  cells: CellStore,
  findings: Finding[],
  stated: readonly ProseCell[] = [],
  gluedElsewhere = false,
  blanksElsewhere = false,
  /** The text is a PDF's, in pages (form feeds between them), in its extractor's reading order. */
  paged = false,
  /** The prose's count-and-amount statements about procurement (cuts of a glued 政府集中采购 row). */
  cuts: readonly ProcurementCut[] = [],
  /** The line of 表三's row that shows the text splits numbers into digit groups (split-numbers.ts), or null. */
  splitsNumbers: number | null = null,
): UnsureGroup[] {
  const printed = segment(tokens);
  const early = valuesBeforeLabel(printed, tokens, template);
  // (prose before the table, `其中公示公告类159条，政策规范性文件类信息12条`, is no row: a cell prints no 条 or 件)
  const segments = printed.filter((s) => s.values.length && !proseCount(s));
  const { rows, keys, shapes } = layoutOf(template);
  const pairs: Array<{ score: number; r: number; s: number }> = [];
  const headers = headerWords(template);
  const scores = segments.map((seg) => {
    const label = afterHeaders(seg.label, headers);
    const named = (text: string): number => rowsNamed(fold(text), template);
    if (named(label) < 2) {
      const own = labelScores(label, keys);
      return twoRowsInterleaved(label, keys, own, seg, findings) ? new Float64Array(keys.length) : own;
    }
    // several rows' labels before the values: a row printed on the line of the last one is that row's (a row left
    // blank keeps its label above it), else the labels were printed in a block (pdftotext's reading order) and do
    // not say whose values these are
    const tail = seg.tailAt !== undefined && seg.values[0]!.line === seg.tailLine ? afterHeaders(seg.label.slice(seg.tailAt), headers) : '';
    return tail && named(tail) === 1 ? labelScores(tail, keys) : new Float64Array(keys.length);
  });
  rows.forEach((_, ri) => {
    segments.forEach((_, si) => {
      const score = scores[si]![ri]!;
      if (score >= LABEL_MATCH) pairs.push({ score, r: ri, s: si });
    });
  });
  pairs.sort((a, b) => b.score - a.score || a.s - b.s);
  const apart = printedApart(segments, gluedElsewhere);
  const usedRow = new Set<number>();
  const usedSeg = new Set<number>();
  const matched: Array<{ r: number; s: number }> = [];
  /** Rows whose label was found with a number of values that fits no reading: their finding, and their segment. */
  const unreadable = new Map<number, { finding: Finding; seg: number }>();
  for (const { r, s } of pairs) {
    if (usedRow.has(r) || usedSeg.has(s)) continue;
    if (headingAfter(segments[s]!.label, rows[r]!.row.label)) continue;
    usedRow.add(r);
    usedSeg.add(s);
    matched.push({ r, s });
  }
  const blanks = blanksElsewhere || matched.some(({ r, s }) => shortRun(segments[s]!.values, rows[r]!.columns.length));
  const outOfOrder = printedOutOfOrder(printed, template);
  // A PDF's reading order flows a table's right-hand cells after the rest when blank cells part them from their row:
  // where a row of several columns printed fewer values than its columns, the table's last value,
  // a block of its own after the last row's label, may be that row's moved cell rather than the last row's
  const lastValue = paged ? tokens.findLast((t) => t.kind === 'num') : undefined;
  const { folded } = layoutOf(template);
  const shortRow =
    lastValue !== undefined &&
    segments.some((seg) => {
      // the row the segment's label names last, and whether it printed fewer values than its columns
      const label = fold(seg.label);
      let last = -1;
      let at = -1;
      folded.forEach((l, i) => {
        const found = label.lastIndexOf(l);
        if (found > at) [at, last] = [found, i];
      });
      const width = last >= 0 ? rows[last]!.columns.length : 0;
      return width > 1 && seg.values.length < width;
    });
  const reported = new Set<string>();
  for (const { r, s } of matched) {
    const { row, columns } = rows[r]!;
    const own = segments[s]!.values;
    if (shortRow && columns.length === 1 && own.length === 1 && own[0] === lastValue && own[0]!.line - (segments[s]!.tailLine ?? own[0]!.line) > 1) {
      findings.push({
        code: 'CELL_UNREADABLE',
        severity: 'warning',
        message: `表二「${row.label}」后另起一段印出的「${own[0]!.text}」是表二的最后一个数字；表中有一行印出的数字少于其栏数（有空白格），PDF 的阅读顺序会把被空白格隔开的右侧单元格移到表末：这个数字可能属于那一行，保留为空`,
        line: own[0]!.line,
        cell: key('proactive', row.id, columns[0]!),
      });
      continue;
    }
    const item = groupOf(template, row.id).id;
    const first = early.get(item);
    if (first) {
      if (!reported.has(item)) {
        reported.add(item);
        findings.push({
          code: 'CELL_UNREADABLE',
          severity: 'warning',
          message: `表二${first.item}在栏目名之后、行名之前印出了数字（${first.seg.values.map((t) => t.text).join(' ')}）：阅读顺序把各行的数字排在了行名前面，「${row.label}」所在一项哪些数字属于哪一行无从确定，该项保留为空`,
          line: first.seg.values[0]!.line,
          cell: key('proactive', row.id, columns[0]!),
        });
      }
      continue;
    }
    if (columns.length > 1 && outOfOrder && !oneLine(segments[s]!.values)) {
      // reading order printed a group's column headers after its values: one value a line is no row in order
      const raw = segments[s]!.values.map((t) => t.text).join(' ');
      const byKind = countAndAmount(row.id, segments[s]!.values);
      if (byKind) {
        // (unless the two cells are told apart by kind: a count has no decimals, an amount in 万元 has)
        cells.set(key('proactive', row.id, 'projects'), cellFromToken(byKind.projects));
        cells.set(key('proactive', row.id, 'amount'), moneyCell(byKind.amount));
        findings.push({
          code: 'TABLE_REORDERED',
          severity: 'info',
          message: `表二「${row.label}」的数字（${raw}）每行一个印出，而本表有栏目名印在其数字之后（阅读顺序已乱）；两个数字中只有「${byKind.amount.text}」带小数，项目数不会有小数，故记为采购总金额，「${byKind.projects.text}」记为采购项目数量`,
          line: segments[s]!.values[0]!.line,
          cell: key('proactive', row.id, columns[0]!),
        });
        continue;
      }
      // (unless they are one number printed in every cell: which cell each stood in changes nothing)
      if (own.length === columns.length && own.every((t) => t.kind === 'num' && t.value !== undefined && !t.problem && !t.glued && t.text === own[0]!.text)) {
        columns.forEach((c, x) => cells.set(key('proactive', row.id, c), MONEY_COLUMNS.has(c) ? moneyCell(own[x]!) : cellFromToken(own[x]!)));
        findings.push({
          code: 'TABLE_REORDERED',
          severity: 'info',
          message: `表二「${row.label}」的数字（${raw}）每行一个印出，而本表有栏目名印在其数字之后（阅读顺序已乱）；但数字个数与栏数相同且都是「${own[0]!.text}」，无论哪个数字属于哪一栏，各栏都是 ${own[0]!.text}，按此读出`,
          line: own[0]!.line,
          cell: key('proactive', row.id, columns[0]!),
        });
        continue;
      }
      findings.push({
        code: 'CELL_UNREADABLE',
        severity: 'warning',
        message: `表二「${row.label}」的数字（${raw}）每行一个印出，而本表有栏目名印在其数字之后（阅读顺序已乱）：各数字属于哪一栏无从确定，保留为空`,
        line: segments[s]!.values[0]!.line,
        cell: key('proactive', row.id, columns[0]!),
      });
      continue;
    }
    let vals = fitBlanks(segments[s]!.values, columns.length);
    // digit groups split by stray spaces, not one per column: one glued run (see rejoinRow in requests.ts)
    const joined = vals.length !== columns.length ? rejoinSpaced(vals) : null;
    if (joined && splitsEnumerable(joined.text.length, columns.length)) {
      // (the groups as printed make a row only when it is the one split they allow that keeps what was issued and
      // not repealed in force: `603 4` is no 60 | 3 | 4, it is 6034 with a stray space)
      if (vals.length > columns.length || inForceBound(splitPieces(piecesOf(vals), columns.length), columns).length !== 1) vals = [joined];
    }
    // groups one space apart, no more than the cells, whose readings as grouped the prose contradicts while one cut
    // of the groups joined agrees with it (`9 72 53` or `972 53` beside 制发行政规范性文件9件 … 现行有效…253件:
    // 9 | 7 | 253, the spaces a crawl's padding): the groups joined, for the cut below
    const spacedRun = vals.length > 1 && vals.length <= columns.length ? rejoinSpaced(vals) : null;
    if (spacedRun && splitsEnumerable(spacedRun.text.length, columns.length)) {
      const rowKeys = columns.map((c) => key('proactive', row.id, c));
      const grouped = byProse(inForceBound(splitPieces(piecesOf(vals), columns.length), columns), rowKeys, stated);
      if (grouped.used.length && !grouped.kept.length && byProse(splitPieces(piecesOf([spacedRun]), columns.length), rowKeys, stated).kept.length === 1) vals = [spacedRun];
    }
    // groups a stray space broke (&nbsp; padding inside numbers): never read as their first groups (stray-spaces.ts)
    const regrouped = strayGroups(vals, columns.length, row.id === 'procurement' ? cuts : null);
    if (regrouped === null) {
      findings.push({
        code: 'CELL_UNREADABLE',
        severity: 'warning',
        message: `表二「${row.label}」印出 ${vals.length} 组数字（${vals.map((t) => t.text).join(' ')}），多于 ${columns.length} 格，且各组之间只隔一个空格（空格可能落在数字中间）：无从确定各格，保留为空`,
        line: vals[0]!.line,
        cell: key('proactive', row.id, columns[0]!),
      });
      continue;
    }
    vals = regrouped;
    if (splitsNumbers !== null && columns.length > 1 && vals.length <= columns.length && joinable(vals)) {
      findings.push({
        code: 'CELL_UNREADABLE',
        severity: 'warning',
        message: `表二「${row.label}」印出的数字（${vals.map((t) => t.text).join(' ')}）各组只隔一个空格，而表三第 ${splitsNumbers} 行印出的数字组多于格数，只有把相邻的几组连成一个数才能相加相等（文字提取把数字拆成了几段）：这里相邻的组也可能是同一个数，各格无从确定，保留为空`,
        line: vals[0]!.line,
        cell: key('proactive', row.id, columns[0]!),
      });
      continue;
    }
    // a one-cell row printing its number once per column of the grid under a spanning header (`| 行政许可 | 1291 |
    // 1291 | 1291 |`: a PDF converter's markdown repeats a spanned cell in every slot it covers): that number
    if (columns.length === 1 && vals.length > 1 && vals.every((t) => t.kind === 'num' && t.text === vals[0]!.text && t.line === vals[0]!.line)) vals = [vals[0]!];
    const put = (x: number, cell: Cell): void => {
      cells.set(key('proactive', row.id, columns[x]!), cell);
    };
    if (vals.length === columns.length || (vals.length > columns.length && rowFirst(segments[s]!, columns.length))) {
      const doubt = asPrintedDoubt(vals, columns.length);
      if (doubt) {
        findings.push({ code: 'CELL_UNREADABLE', severity: 'warning', message: `表二「${row.label}」${doubt}，保留为空`, line: vals[0]!.line, cell: key('proactive', row.id, columns[0]!) });
        continue;
      }
      columns.forEach((c, x) => put(x, MONEY_COLUMNS.has(c) ? moneyCell(vals[x]!) : cellFromToken(vals[x]!)));
      continue;
    }
    const raw = vals.map((t) => t.text).join(' ');
    const keys = columns.map((c) => key('proactive', row.id, c));
    if (row.id === 'procurement' && vals.length === 1) {
      // the project count glued to the amount and its unit: the prose may settle the cut, nothing else can
      // (the prose may state the count, the amount or both: a cut is kept when it agrees with every statement)
      const options = procurementSplits(vals[0]!);
      const projects = keys[0]!;
      const saidProjects = statedFor(stated, projects);
      // (an amount printed without its unit is in no known unit: the stated amount is then no constraint)
      const saidAmount = vals[0]!.unit !== undefined ? statedFor(stated, keys[1]!) : [];
      const said = [...saidProjects, ...saidAmount];
      const kept = options.filter(
        (o) => said.length > 0 && saidProjects.every((s) => s.value === o.projects) && saidAmount.every((s) => s.value === moneyCell(o.amount).value),
      );
      // (or a sentence stating a count and an amount that, glued, are the run as printed, its unit too)
      const reproduces = (c: ProcurementCut, o: (typeof options)[number]): boolean => String(o.projects) === c.projects && o.amount.text === c.amount + c.unit;
      const cut = said.length ? undefined : cuts.find((c) => options.some((o) => reproduces(c, o)));
      const o = cut && options.find((o) => reproduces(cut, o));
      if (cut && o) {
        put(0, { value: o.projects, line: vals[0]!.line, raw });
        put(1, { ...moneyCell(o.amount), raw });
        findings.push({ code: 'CELL_INFERRED', severity: 'info', message: `表二「${row.label}」印成一个数字「${raw}」：正文第 ${cut.line} 行「${cut.evidence}」写的 ${cut.projects} 与 ${cut.amount}${cut.unit} 连起来正是这串数字，按此拆为 ${o.projects} 项、${o.amount.text}`, line: vals[0]!.line, cell: projects });
        continue;
      }
      if (kept.length === 1) {
        put(0, { value: kept[0]!.projects, line: vals[0]!.line, raw });
        const amount = moneyCell(kept[0]!.amount);
        put(1, { ...amount, raw });
        findings.push({ code: 'CELL_INFERRED', severity: 'info', message: `表二「${row.label}」印成一个数字「${raw}」：按正文${cite(said)}拆为 ${kept[0]!.projects} 项、${kept[0]!.amount.text}`, line: vals[0]!.line, cell: projects });
        continue;
      }
      if (options.length >= 1) {
        // one cut (`101.8703万元` = 10 | 1.8703 万元, `16` = 1 | 6) is still no reading: the number may be the
        // amount alone, or the count alone, the other cell left blank
        const alone = vals[0]!.unit !== undefined ? '也可能只是金额而项目数空白' : '也可能只是项目数或金额、另一格空白';
        const ways = options.length > 1 ? `有 ${options.length} 种拆法` : `可拆为 ${options[0]!.projects} 项、${options[0]!.amount.text}，${alone}`;
        findings.push({
          code: 'GLUED_AMBIGUOUS',
          severity: 'warning',
          message: `表二「${row.label}」的采购项目数量与采购金额可能连在一起印成「${raw}」，${ways}${said.length ? `，正文${cite(said)}不能唯一确定` : '，正文未写明项目数或金额'}，保留为空`,
          line: vals[0]!.line,
          cell: projects,
        });
        continue;
      }
    }
    if ((apart || spreadOut(vals)) && vals.length < columns.length && vals.some((t) => t.glued && t.text[0] !== '0')) {
      // the table prints its cells apart, so a run is one cell and the row's other cells are blank as likely as
      // the run is several cells glued (`396` beside two blank cells is no 3|9|6)
      findings.push({
        code: 'GLUED_AMBIGUOUS',
        severity: 'warning',
        message: `表二「${row.label}」应有 ${columns.length} 个数字，只印出「${raw}」；${apart ? '表中其他行各格分开印出' : '本行的数字各自隔开印出'}，这里可能是一格有值、其余为空，也可能是几格连印，无从确定，保留为空`,
        line: vals[0]!.line,
        cell: keys[0]!,
      });
      continue;
    }
    if (vals.some((t) => t.glued) && (blanks || vals.some(signedRun)) && fewerCells(piecesOf(vals), columns.length)) {
      // the report leaves cells blank (a row prints fewer digits than it has cells), or a sign sits inside the run
      // (`14-13121`): the run may be fewer cells beside blank ones, so no cut of it is certain
      findings.push({
        code: 'GLUED_AMBIGUOUS',
        severity: 'warning',
        message: `表二「${row.label}」应有 ${columns.length} 个数字，只印出连在一起的「${raw}」；${blanks ? '本报告的表格有的行印出的数字少于格数（有空格）' : '数字串中间有正负号'}，这里可能是几格连印，也可能有的格为空，无从确定，保留为空`,
        line: vals[0]!.line,
        cell: keys[0]!,
      });
      continue;
    }
    const all = mayBeGlued(vals) ? splitPieces(piecesOf(vals), columns.length) : [];
    const bounded = all.length > 1 ? inForceBound(all, columns) : all;
    const { kept: splits, used } = bounded.length > 1 ? byProse(bounded, keys, stated) : { kept: bounded, used: [] };
    const thrice = splits.length > 1 && !used.length ? repeatedThrice(splits, columns) : null;
    if (splits.length === 1) {
      splits[0]!.forEach((v, x) => put(x, { value: v, line: vals[0]!.line, raw }));
      if (bounded.length < all.length && !used.length) {
        findings.push({
          code: 'CELL_INFERRED',
          severity: 'info',
          message: `表二「${row.label}」的数字串「${raw}」有 ${all.length} 种拆分；本年制发而未废止的文件仍现行有效（现行有效件数 ≥ 本年制发 − 本年废止），只容一种：${splits[0]!.join(' | ')}`,
          line: vals[0]!.line,
          cell: keys[0]!,
        });
      } else if (used.length) {
        findings.push({
          code: 'CELL_INFERRED',
          severity: 'info',
          message: `表二「${row.label}」的数字串「${raw}」有 ${all.length} 种拆分，正文${cite(used)}只容一种：${splits[0]!.join(' | ')}`,
          line: vals[0]!.line,
          cell: keys[0]!,
        });
      }
    } else if (used.length && all.length > 1) {
      findings.push({
        code: 'GLUED_AMBIGUOUS',
        severity: 'warning',
        message: `表二「${row.label}」的数字串「${raw}」有 ${all.length} 种拆分，加上正文${cite(used)}${splits.length ? `仍有 ${splits.length} 种` : '后没有一种相符（正文与表格可能不一致）'}，保留为空`,
        line: vals[0]!.line,
        cell: keys[0]!,
      });
    } else if (thrice) {
      thrice.forEach((v, x) => put(x, { value: v, line: vals[0]!.line, raw }));
      findings.push({
        code: 'GLUED_REPEATED',
        severity: 'warning',
        message: `表二「${row.label}」的数字串「${raw}」有 ${splits.length} 种拆分，无勾稽关系可定；它正是同一个数 ${thrice[0]} 连印三次（本年新制作、本年新公开、对外公开总数量相同，本行最常见的情形），按此读取，请与原件核对`,
        line: vals[0]!.line,
        cell: keys[0]!,
      });
    } else if (splits.length > 1) {
      findings.push({
        code: 'GLUED_AMBIGUOUS',
        severity: 'warning',
        message: `表二「${row.label}」的数字串「${raw}」有 ${splits.length} 种拆分方式，无勾稽关系可定，保留为空`,
        line: vals[0]!.line,
        cell: key('proactive', row.id, columns[0]!),
      });
    } else {
      const finding: Finding = {
        code: 'CELL_UNREADABLE',
        severity: 'warning',
        message: `表二「${row.label}」应有 ${columns.length} 个数字，只读到 ${vals.length} 个（${raw}），保留为空`,
        line: vals[0]!.line,
        cell: key('proactive', row.id, columns[0]!),
      };
      findings.push(finding);
      unreadable.set(r, { finding, seg: s });
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
  // Labels printed in a block apart from the values: each group's values after its own heading.
  const taken = new Set<Token>();
  for (const s of usedSeg) if (![...unreadable.values()].some((u) => u.seg === s)) for (const t of segments[s]!.values) taken.add(t);
  const groups = readGroupSections(tokens, template, (ri) => !usedRow.has(ri) || unreadable.has(ri), (t) => !taken.has(t));
  for (const read of groups.read) {
    for (const { index, values } of read.rows) {
      const { row, columns } = rows[index]!;
      columns.forEach((c, x) => cells.set(key('proactive', row.id, c), MONEY_COLUMNS.has(c) ? moneyCell(values[x]!) : cellFromToken(values[x]!)));
      usedRow.add(index);
      const u = unreadable.get(index);
      if (u) findings.splice(findings.indexOf(u.finding), 1);
    }
    const first = rows[read.rows[0]!.index]!;
    findings.push({
      code: 'TABLE_REORDERED',
      severity: 'info',
      message: read.printed
        ? `表二${read.group}各行的标签与数字分开印出；该项标题后正好有 ${read.printed.length} 个数字（${read.printed.map((t) => t.text).join(' ')}），与该项的格数相符；带「元」的是金额，按单位记入「${rows[read.rows[0]!.index]!.row.label}」（${read.rows[0]!.values.map((t) => t.text).join(' | ')}）`
        : `表二${read.group}各行的标签与数字分开印出；该项标题后正好有 ${read.rows.reduce((n, r) => n + r.values.length, 0)} 个数字（${read.rows.flatMap((r) => r.values.map((t) => t.text)).join(' ')}），与该项的格数相符且次序无歧义，依次记入${read.rows.map((r) => `「${rows[r.index]!.row.label}」`).join('')}`,
      line: read.rows[0]!.values[0]!.line,
      cell: key('proactive', first.row.id, first.columns[0]!),
    });
  }
  for (const d of groups.disordered) {
    const first = rows[d.rows[0]!]!;
    // (this says why the rows are blank: a row's own doubt, `应有 1 个数字，只读到 2 个`, goes)
    for (const r of d.rows) {
      const u = unreadable.get(r);
      if (u && findings.includes(u.finding)) findings.splice(findings.indexOf(u.finding), 1);
    }
    findings.push({
      code: 'CELL_UNREADABLE',
      severity: 'warning',
      message: `表二${d.group}各行的标签与数字分开印出，且栏目名「${d.header}」印在行标签之间（阅读顺序既非逐行也非逐列）；该项标题后的 ${d.values.length} 个数字（${d.values.map((t) => t.text).join(' ')}）各属哪一行无从确定，${d.rows.map((r) => `「${rows[r]!.row.label}」`).join('')}保留为空`,
      line: d.values[0]!.line,
      cell: key('proactive', first.row.id, first.columns[0]!),
    });
  }
  // (settled, or reported, once 表三 has been read: see readUnsureGroups)
  const unsure: UnsureGroup[] = groups.unsure.map((g) => ({ ...g, doubts: g.rows.flatMap((r) => unreadable.get(r.index)?.finding ?? []) }));
  const deferred = new Set(unsure.flatMap((g) => g.rows.map((r) => r.index)));
  // cells printed above the table with a note (noted-cells.ts): the rows printed one value short take them in order,
  // each at the column its note names, their own values in the other columns
  const short = [...unreadable]
    .filter(([r, u]) => findings.includes(u.finding) && segments[u.seg]!.values.length === rows[r]!.columns.length - 1)
    .sort((a, b) => a[0] - b[0]);
  const noted = short.length ? notedValues(tokens) : [];
  if (short.length && noted.length === short.length && noted.every((n, i) => n.column !== null && rows[short[i]![0]]!.columns.includes(n.column))) {
    short.forEach(([r, u], i) => {
      const { row, columns } = rows[r]!;
      const n = noted[i]!;
      const own = [...segments[u.seg]!.values];
      columns.forEach((c) => cells.set(key('proactive', row.id, c), cellFromToken(c === n.column ? n.value : own.shift()!)));
      usedRow.add(r);
      findings.splice(findings.indexOf(u.finding), 1);
      findings.push({
        code: 'CELL_INFERRED',
        severity: 'info',
        message: `表二「${row.label}」一行只印出 ${columns.length - 1} 个数字，另一格「${n.value.text}${n.note}」印在表格上方：注文说明它属于「${columnLabel(template, 'proactive', row.id, n.column!) ?? n.column}」，记入该栏`,
        line: n.value.line,
        cell: key('proactive', row.id, n.column!),
      });
    });
  }
  if (!usedRow.size && !unsure.length) {
    // one finding for the whole table, not one per row
    findings.push({ code: 'TABLE_MISSING', severity: 'error', message: '未找到表二（主动公开政府信息情况）的数据', line: tokens[0]?.line ?? null });
    return [];
  }
  rows.forEach((r, ri) => {
    if (usedRow.has(ri) || deferred.has(ri)) return;
    findings.push(unreadRow(r.row, r.columns));
  });
  return unsure;
}

const unreadRow = (row: TemplateRow, columns: readonly string[]): Finding => ({
  code: 'CELL_UNREADABLE',
  severity: 'warning',
  message: `表二未读到「${row.label}」一行`,
  line: null,
  cell: key('proactive', row.id, columns[0]!),
});

/** A group of several rows and columns whose values follow its heading, its labels apart: row by row or column by column. */
export interface UnsureGroup {
  group: string;
  rows: Array<{ index: number; values: Token[] }>;
  /** The rows' own doubts from reading them by label, dropped when the group is read. */
  doubts: Finding[];
}

/**
 * 表二's unsure groups (readProactive's result), once 表三 has been read. Where 表三's stream was proven printed
 * column by column (the one reading of it that keeps every identity), the same extractor printed the groups' grids
 * the same way: a group whose values stand one per line is read column by column, and the finding cites 表三.
 * Otherwise the group stays blank with its doubt.
 */
export function readUnsureGroups(unsure: readonly UnsureGroup[], template: TemplateId, cells: CellStore, findings: Finding[], requestsByColumn: boolean): void {
  const { rows } = layoutOf(template);
  for (const { group, rows: at, doubts } of unsure) {
    const values = at.flatMap((r) => r.values);
    const first = rows[at[0]!.index]!;
    const width = first.columns.length;
    const oneALine = eachOnItsLine(values);
    if (requestsByColumn && oneALine) {
      for (const d of doubts) if (findings.includes(d)) findings.splice(findings.indexOf(d), 1);
      at.forEach(({ index }, r) => {
        const { row, columns } = rows[index]!;
        columns.forEach((c, x) => {
          const t = values[x * at.length + r]!;
          cells.set(key('proactive', row.id, c), MONEY_COLUMNS.has(c) ? moneyCell(t) : cellFromToken(t));
        });
      });
      findings.push({
        code: 'TABLE_REORDERED',
        severity: 'info',
        message: `表二${group}各行的标签与数字分开印出；该项标题后有 ${values.length} 个数字（${values.map((t) => t.text).join(' ')}），每行一个，个数与该项${at.length}行${width}列相符。本文件的表三已证实是按列印出的（只有按列读各行、各列勾稽关系才全部成立），同一提取方式下本项也按列读出：依次为各行的「${columnLabel(template, 'proactive', first.row.id, first.columns[0]!) ?? first.columns[0]}」，再是下一列`,
        line: values[0]!.line,
        cell: key('proactive', first.row.id, first.columns[0]!),
      });
      continue;
    }
    findings.push({
      code: 'CELL_UNREADABLE',
      severity: 'warning',
      message: `表二${group}各行的标签与数字分开印出；该项标题后有 ${values.length} 个数字（${values.map((t) => t.text).join(' ')}），个数与该项${at.length}行${width}列相符，但按行还是按列印出无从确定，${at.map((r) => `「${rows[r.index]!.row.label}」`).join('')}保留为空`,
      line: values[0]!.line,
      cell: key('proactive', first.row.id, first.columns[0]!),
    });
    for (const { index } of at) findings.push(unreadRow(rows[index]!.row, rows[index]!.columns));
  }
}
