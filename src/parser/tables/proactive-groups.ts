/**
 * 表二 printed with its row labels in a block apart from the values (pdftotext's reading order of a narrow table:
 * `信息内容 行政处罚 行政强制 … 第二十条第（六）项 本年处理决定数量 31 0`). Each group's values still follow the
 * group's own heading, before the next heading. They are read only where the order cannot be wrong: a group whose
 * rows are all unread, whose section holds exactly its number of cells, and whose cells are one column (the rows
 * in order), one row (the columns in order) or all equal (any order gives the same values); a group of several rows
 * and columns is returned as unsure (printed row by row or column by column, the group alone does not tell; 表三
 * may, see readUnsureGroups in proactive.ts), and a group whose column header prints between its row labels as
 * disordered (its values' order is not its rows'). Pure: no fs, no clock.
 */
import type { TemplateId } from '../../schema/record.ts';
import { fold } from '../normalize.ts';
import { TEMPLATES } from '../template.ts';
import { foldedWords, type Token } from '../tokens.ts';

const HEADING = /第二十条第[（(]([一二三四五六七八九十]+)[）)]项/;

export interface GroupRead {
  /** The group's heading as the template prints it (第二十条第（六）项). */
  group: string;
  /** Index of each of the group's rows in the template's 表二 rows (groups flattened, in order), with its cells. */
  rows: Array<{ index: number; values: Token[] }>;
  /** The values as printed, where their units placed them in another order (an amount printed before a count). */
  printed?: Token[];
}

/** A group left unread because its column header prints between its row labels: the header and the labels. */
export interface GroupDisordered {
  group: string;
  rows: number[];
  values: Token[];
  header: string;
}

/**
 * Whether words printed before a group's value x end with column x's header (but for its unit in brackets) and name
 * no later column.
 */
export function endsWithHeader(words: string, heads: readonly string[], x: number): boolean {
  const h = heads[x];
  if (!h) return false;
  const at = words.lastIndexOf(h);
  return at >= 0 && /^(?:[（(][^）)]*[）)])?$/.test(words.slice(at + h.length)) && !heads.slice(x + 1).some((later) => words.includes(later));
}

/** A column's header as its words print it, without its unit in brackets, folded (采购总金额 of 采购总金额（万元）). */
export const columnHead = (c: { label: string }): string => fold(c.label.replace(/[（(].*$/, ''));

/** Whether a value was printed with a currency unit (`832995元`, `2059.209万元`: the unit the tokenizer read). */
const money = (t: Token): boolean => t.unit === '元' || t.unit === '万元';

/** The item numeral of a group heading in a token's text (六 of 第二十条第（六）项), or null. */
export function itemOf(text: string): string | null {
  return HEADING.exec(fold(text))?.[1] ?? null;
}

/**
 * The groups whose values follow their heading with their labels elsewhere (see the file's comment). `open(i)`:
 * whether template row i is still unread; `free(t)`: whether a value token is still unused.
 */
export function readGroupSections(
  tokens: readonly Token[],
  template: TemplateId,
  open: (row: number) => boolean,
  free: (t: Token) => boolean,
): { read: GroupRead[]; unsure: GroupRead[]; disordered: GroupDisordered[] } {
  const groups = TEMPLATES[template].proactive.groups;
  const firstRow: number[] = [];
  let at = 0;
  for (const g of groups) {
    firstRow.push(at);
    at += g.rows.length;
  }
  // sections: the values from each heading to the next
  const sections = new Map<string, Token[]>();
  /** Each section's words before its last value, before its first value, and in all. */
  const words = new Map<string, string>();
  const firstWords = new Map<string, string>();
  const allWords = new Map<string, string>();
  /** Each section's words before each of its values (since the value before). */
  const gaps = new Map<string, string[]>();
  const seen = new Set<string>();
  let current: Token[] | null = null;
  let currentItem = '';
  let pending = '';
  for (const t of tokens) {
    if (t.kind === 'text') {
      const item = itemOf(t.text);
      if (item === null) {
        if (current) {
          pending += t.text;
          allWords.set(currentItem, (allWords.get(currentItem) ?? '') + t.text);
        }
        continue;
      }
      if (seen.has(item)) {
        current = null; // a heading printed twice: neither section can be told apart
        sections.delete(item);
        continue;
      }
      seen.add(item);
      current = [];
      currentItem = item;
      pending = '';
      sections.set(item, current);
    } else if (current) {
      if (!current.length) firstWords.set(currentItem, pending);
      (gaps.get(currentItem) ?? gaps.set(currentItem, []).get(currentItem)!).push(pending);
      current.push(t);
      words.set(currentItem, (words.get(currentItem) ?? '') + pending);
      pending = '';
    }
  }
  const text = foldedWords(tokens);
  const read: GroupRead[] = [];
  const unsure: GroupRead[] = [];
  const disordered: GroupDisordered[] = [];
  groups.forEach((g, gi) => {
    const item = itemOf(g.label);
    const values = item === null ? undefined : sections.get(item)?.filter(free);
    const width = g.columns.length;
    if (!values || values.length !== g.rows.length * width) return;
    if (values.some((t) => t.kind !== 'num' || t.problem)) return;
    if (g.rows.some((_, r) => !open(firstRow[gi]! + r))) return;
    // another group's column header among the section's words (`行政事业性收费` `现行有效件数` `55`: reading order put
    // 行政规范性文件's last cell under 第二十条第（八）项): the values are not the group's alone
    const said = fold(words.get(item!) ?? '');
    if (groups.some((o, oi) => oi !== gi && o.columns.some((c) => !g.columns.some((own) => own.label === c.label) && said.includes(columnHead(c))))) return;
    // the group's own column headers printed after its first value (`第二十条第（八）项` `22` `20` `上一年项目数量`
    // `本年增/减`: pdfminer put the group above's last column under this heading): the values are not below them
    const before = fold(firstWords.get(item!) ?? '');
    const all = fold(allWords.get(item!) ?? '');
    // (unless a one-row group prints each column's header right before that column's one value, in column order:
    // `采购项目数量` `8` `采购总金额（万元）` `2059.209`, a reading order that takes the small table a column at a time)
    const heads = g.columns.map(columnHead);
    // the group's column header printed between two of its row labels (`行政处罚` `本年处理决定数量` `行政强制` `54`
    // `1330`, pdftotext's reading order of a table it took neither by rows nor by columns: 54 is 行政强制's, printed
    // beside its label, 1330 行政处罚's): the values' order is not the rows' order, and nothing tells whose each is
    if (g.rows.length > 1) {
      const labels = g.rows.map((r) => before.indexOf(fold(r.label)));
      const header = heads.find((h) => {
        const at = before.indexOf(h);
        return at > Math.min(...labels) && at < Math.max(...labels);
      });
      if (labels.every((at) => at >= 0) && header) {
        disordered.push({ group: g.label, rows: g.rows.map((_, r) => firstRow[gi]! + r), values, header });
        return;
      }
    }
    const underOwn = g.rows.length === 1 && (gaps.get(item!) ?? []).every((w, x) => endsWithHeader(fold(w), heads, x));
    if (!underOwn && g.columns.some((c) => all.includes(columnHead(c)) && !before.includes(columnHead(c)))) return;
    // the rows' labels are printed (elsewhere): the table is this template's
    if (g.rows.some((r) => !text.includes(fold(r.label)))) return;
    // a value printed with a currency unit (`832995元`) is an amount: the one row's values go to the columns their
    // units name (`832995元` `2` under 采购项目数量 | 采购总金额 is 2 | 832995元), or, if that is not one way, nowhere
    let ordered = values;
    if (values.some(money)) {
      if (g.rows.length !== 1) return;
      const amounts = g.columns.map((c) => /金额/.test(c.label));
      const priced = values.filter(money);
      const counts = values.filter((t) => !money(t));
      if (priced.length !== amounts.filter(Boolean).length) return;
      ordered = amounts.map((a) => (a ? priced : counts).shift()!);
    }
    const group: GroupRead = { group: g.label, rows: g.rows.map((_, r) => ({ index: firstRow[gi]! + r, values: ordered.slice(r * width, (r + 1) * width) })) };
    if (ordered.some((t, x) => t !== values[x])) group.printed = values;
    // several rows of several columns: row by row or column by column, nothing tells (unless every value is equal)
    if (width > 1 && g.rows.length > 1 && values.some((t) => t.text !== values[0]!.text)) unsure.push(group);
    else read.push(group);
  });
  return { read, unsure, disordered };
}
