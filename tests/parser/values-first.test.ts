import { describe, expect, it } from 'vitest';
import { fold } from '../../src/parser/normalize.ts';
import { TEMPLATES } from '../../src/parser/template.ts';
import { tokenize, unglueLoneNumbers } from '../../src/parser/tokens.ts';
import { cutLeaf, runsInOrder, valuesFirst } from '../../src/parser/tables/values-first.ts';

const rows = TEMPLATES['2021'].requests.rows;
const labels = {
  leaves: rows.map((r) => fold(r.label.split(' / ').pop()!)),
  groups: ['三、本年度办理结果', '（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理'].map((g) => ({
    label: fold(g),
    rows: rows.filter((r) => r.label.startsWith(`${g} / `)).map((r) => fold(r.label.split(' / ')[1]!)),
    alone: g === '（六）其他处理',
  })),
  width: 7,
};
/** One token stream of lines written one a line, as PyMuPDF and pdftotext's reading order print a table. */
const stream = (...parts: string[]): ReturnType<typeof tokenize> => {
  const lines = parts.flatMap((p) => p.split(' '));
  return tokenize(lines, 0, lines.length);
};
const row = (...v: number[]): string => v.join(' ');

describe('values printed before their row labels', () => {
  it('finds nothing when every row label comes before its values, a label cut by its own row included', () => {
    const tokens = stream('法律服务机构 其他', '一、本年新收政府信', row(6, 0, 0, 0, 0, 0, 6), '息公开申请数量', '二、上年结转政府信息公开申请数量', row(0, 0, 0, 0, 0, 0, 0), '三、本年度办理结果', '（一）予以公开', row(1, 0, 0, 0, 0, 0, 1));
    expect(valuesFirst(tokens, labels)).toBeNull();
  });

  it('finds nothing in a block of row labels printed before their values', () => {
    const tokens = stream('（六）其他处理', '（七）总计', '四、结转下年度继续办理', row(0, 0, 0, 0, 0, 0, 0, 6, 0, 0, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0));
    expect(valuesFirst(tokens, labels)).toBeNull();
  });

  it('finds a run between the header and the first row label', () => {
    const tokens = stream('法律服务机构', row(9, 2, 0, 0, 0, 0, 11), '一、本年新收政府信', '息公开申请数量', row(0, 0, 0, 0, 0, 0, 0), '二、上年结转政府信息公开申请数量');
    expect(valuesFirst(tokens, labels)?.values.map((t) => t.text)).toEqual(['9', '2', '0', '0', '0', '0', '11']);
  });

  it('finds a run right after a group label, label text following it', () => {
    const tokens = stream('一、本年新收政府信息公开申请数量', row(6, 0, 0, 0, 0, 0, 6), '三、 本年 度办 理结 果', row(1, 0, 0, 0, 0, 0, 1), '（二）部分 公开', row(0, 0, 0, 0, 0, 0, 0));
    expect(valuesFirst(tokens, labels)?.where).toContain('三、本年度办理结果');
  });

  it('reads a run after （六）其他处理 as its own row where none of its rows is printed, and as a sign where they are', () => {
    const single = stream('5.要求行政机关确认或重新出具已获取信息', row(0, 0, 0, 0, 0, 0, 0), '（六）其他处理', row(2, 0, 0, 0, 0, 0, 2), '（七）总计', row(9, 0, 0, 0, 0, 0, 9));
    expect(valuesFirst(single, labels)).toBeNull();
    const grouped = stream('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '（六）其他处理', row(2, 2), '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '3.其他', row(1, 1));
    expect(valuesFirst(grouped, labels)?.where).toContain('（六）其他处理');
  });

  it('finds a row printed after the rest of a row label wrapped around its own row, a table without 总计 too', () => {
    const seven = stream('法律服务机构 其他', '一、本年新收政府信', row(2, 0, 0, 0, 0, 0, 2), '息公开申请数量', row(0, 0, 0, 0, 0, 0, 0), '二、上年结转政府信', '息公开申请数量', row(2, 0, 0, 0, 0, 0, 2), '（一）予以公开');
    expect(valuesFirst(seven, labels)?.where).toContain('息公开申请数量');
    const six = stream('法律服务机构 其他', '一、本年新收政府信', row(2, 0, 0, 0, 0, 0), '息公开申请数量', row(0, 0, 0, 0, 0, 0), '二、上年结转政府信', '息公开申请数量', row(2, 0, 0, 0, 0, 0), '（一）予以公开');
    expect(valuesFirst(six, labels)?.values.map((t) => t.text)).toEqual(['0', '0', '0', '0', '0', '0']);
    // (the rest of the label, then the next row's label before the next run: the usual order)
    const usual = stream('法律服务机构 其他', '一、本年新收政府信', row(2, 0, 0, 0, 0, 0), '息公开申请数量', '二、上年结转政府信', '息公开申请数量', row(0, 0, 0, 0, 0, 0), '（一）予以公开');
    expect(valuesFirst(usual, labels)).toBeNull();
    // (one row sorted above its label, the next label printing no run before its own row's: the rest in order)
    const one = stream('法律服务机构 其他', '4.保护第三方', row(0, 0, 0, 0, 0, 0, 0), '合法权益', row(1, 0, 0, 0, 0, 0, 1), '5.属于三类内', '部事务信息', '6.属于四类过', row(0, 0, 0, 0, 0, 0, 0), '程性信息');
    expect(valuesFirst(one, labels)).toBeNull();
  });

  it('finds two rows of values inside one wrapped row label', () => {
    const tokens = stream('法律服务机构', '一、本年新收政府信', row(2, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0), '息公开申请数量', '二、上年结转政府信息公开申请数量', row(2, 0, 0, 0, 0, 0, 2));
    expect(valuesFirst(tokens, labels)?.where).toContain('一、本年新收政府信息公开申请数量');
  });
});

describe('a row label the values cut', () => {
  it('is the one row label the text stops inside, not a whole label nor a bare enumerator', () => {
    expect(cutLeaf('3.补正后申请内容仍不明确（五）不予处1.信访举报投', labels.leaves)).toBe(rows.findIndex((r) => r.id === 'notProcessed.petition'));
    expect(cutLeaf('一、本年新收政府信', labels.leaves)).toBe(0);
    expect(cutLeaf('2.重复申请', labels.leaves)).toBe(-1);
    expect(cutLeaf('5.要求行政机关确认或重新2.', labels.leaves)).toBe(-1);
  });

  it('passes over the words of a merged group cell printed inside the row label, given the group labels', () => {
    const groups = ['三、本年度办理结果', '（四）无法提供'];
    const notHeld = rows.findIndex((r) => r.id === 'unavailable.notHeld');
    expect(cutLeaf('8.属于行政查询事项三、本年1.本机关不掌度办理结握相关政府信', labels.leaves)).toBe(-1);
    expect(cutLeaf('8.属于行政查询事项三、本年1.本机关不掌度办理结握相关政府信', labels.leaves, groups)).toBe(notHeld);
    // (words of no group label, or the whole label printed, cut nothing)
    expect(cutLeaf('1.本机关不掌某某某握相关政府信', labels.leaves, groups)).toBe(-1);
    expect(cutLeaf('1.本机关不掌度办理结握相关政府信息', labels.leaves, groups)).toBe(-1);
  });
});

describe('runs read in printed order', () => {
  const leaves = rows.map((r) => r.label.split(' / ').pop()!);
  /** Each row's label then its seven values (row i prints i, 0, …, 0, i), the rows of `early` their values first. */
  const table = (early: readonly number[] = []): string[] =>
    leaves.flatMap((label, i) => (early.includes(i) ? [row(i, 0, 0, 0, 0, 0, i), label] : [label, row(i, 0, 0, 0, 0, 0, i)]));
  /** The stream as the parser reads it: numbers that stand alone on their lines are not glued runs. */
  const lone = (parts: string[]): ReturnType<typeof tokenize> => {
    const tokens = stream(...parts);
    unglueLoneNumbers(tokens);
    return tokens;
  };

  it('takes one run a row when every run stands next to its own row label, before or after it', () => {
    // （六）其他处理's words after the first row's values, then the second row's values above its label
    const parts = table([21]);
    parts.splice(parts.indexOf(row(21, 0, 0, 0, 0, 0, 21)), 0, '（六）其他处理');
    expect(valuesFirst(lone(parts), labels)).not.toBeNull();
    const got = runsInOrder(lone(parts), labels);
    expect(got?.map((r) => r[0]!.value)).toEqual(leaves.map((_, i) => i));
  });

  it('takes a run of several whole rows whose labels are printed together before it', () => {
    // 3.其他 and （七）总计 as a block, then their fourteen values, then 四、结转下年度继续办理 and its seven
    const parts = table();
    const at = parts.indexOf(leaves[22]!);
    parts.splice(at, 4, leaves[22]!, leaves[23]!, row(22, 0, 0, 0, 0, 0, 22), row(23, 0, 0, 0, 0, 0, 23));
    const got = runsInOrder(lone(parts), labels);
    expect(got?.map((r) => r[0]!.value)).toEqual(leaves.map((_, i) => i));
  });

  it('takes none when a row prints no run (the runs would be one row off from there on)', () => {
    const parts = table();
    parts.splice(parts.indexOf(leaves[5]!) + 1, 1);
    expect(runsInOrder(lone(parts), labels)).toBeNull();
  });

  it('takes none when the runs stand apart from the row labels (each label far from its run)', () => {
    // every row's values first, set apart by a note, then the row labels as a block
    const parts = [...leaves.flatMap((_, i) => [row(i, 0, 0, 0, 0, 0, i), '注']), ...leaves];
    expect(runsInOrder(lone(parts), labels)).toBeNull();
  });
});
