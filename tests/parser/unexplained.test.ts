/** Rows left blank that no finding speaks of (unexplained.ts): never a silent gap. */
import { describe, expect, test } from 'vitest';
import type { Finding } from '../../src/schema/record.ts';
import { parseReport } from '../../src/parser/index.ts';
import { unexplainedBlankRows, type KeyedRow } from '../../src/parser/unexplained.ts';
import type { Cell } from '../../src/parser/tables/grid.ts';
import { TEMPLATES } from '../../src/schema/template.ts';

const doubt = (message: string, cell?: string): Finding => ({ code: 'CELL_UNREADABLE', severity: 'warning', message, line: null, ...(cell ? { cell } : {}) });
/** Every cell of the 2021 template read as 0, except the rows given (their cells as given, or not read). */
const store =
  (rows: Record<string, Cell | undefined>) =>
  (k: string): Cell | undefined => {
    const row = k.split('/').slice(0, 2).join('/');
    return row in rows ? rows[row] : { value: 0, line: 1 };
  };
const messages = (fs: readonly Finding[]): string[] => fs.map((f) => f.message);
/** The 2021 template's rows with their cells' keys. */
const spec = TEMPLATES['2021'];
const keyed = (table: KeyedRow['table'], row: string, columns: ReadonlyArray<{ id: string }>): KeyedRow => ({ table, row, keys: columns.map((c) => `${table}/${row}/${c.id}`) });
const rows: KeyedRow[] = [
  ...spec.proactive.groups.flatMap((g) => g.rows.map((r) => keyed('proactive', r.id, g.columns))),
  ...spec.requests.rows.map((r) => keyed('requests', r.id, spec.requests.columns)),
  ...spec.review.rows.map((r) => keyed('review', r.id, spec.review.columns)),
];
const unexplained = (cellOf: (k: string) => Cell | undefined, findings: readonly Finding[]): Finding[] => unexplainedBlankRows('2021', rows, cellOf, findings);

describe('a row left blank', () => {
  test('that nothing read and no finding names gets a warning naming the row and its table', () => {
    const out = unexplained(store({ 'requests/newReceived': undefined, 'review/adminReview': undefined }), []);
    expect(messages(out)).toEqual([
      '表三「一、本年新收政府信息公开申请数量」一行的数字未能读出（文字中可能缺了这一行，或排列无法识别），保留为空，请与原件核对',
      '表四「行政复议」一行的数字未能读出（文字中可能缺了这一行，或排列无法识别），保留为空，请与原件核对',
    ]);
    expect(out.map((f) => [f.severity, f.cell])).toEqual([
      ['warning', 'requests/newReceived/total'],
      ['warning', 'review/adminReview/total'],
    ]);
  });

  test('printed empty in every cell (blank cells, placeholders) is the report’s own blank: no warning', () => {
    expect(unexplained(store({ 'requests/carriedOver': { value: null, line: 9, raw: '—' } }), [])).toEqual([]);
  });

  test('already spoken of by a finding on one of its cells, by its label, or by a doubt about its whole table: no warning', () => {
    const lost = store({ 'requests/granted': undefined });
    expect(unexplained(lost, [doubt('…', 'requests/granted/naturalPerson')])).toEqual([]);
    expect(unexplained(lost, [doubt('表三「（一）予以公开」行只读到 2 个数字')])).toEqual([]);
    expect(unexplained(lost, [doubt('未找到表三（收到和处理政府信息公开申请情况）的数据')])).toEqual([]);
    // (an info note about the table explains no row's gap)
    expect(unexplained(lost, [{ code: 'TABLE_REORDERED', severity: 'info', message: '表三分两段印出…', line: 3 }])).toHaveLength(1);
  });
});

describe('on a report', () => {
  test('a 2021 report printing （六）其他处理 as one row names the two sub-rows it left blank, so they are no silent gap', () => {
    const text = [
      '某某局2023年政府信息公开工作年度报告',
      '三、收到和处理政府信息公开申请情况',
      '一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1',
      '二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0',
      '（一）予以公开 1 0 0 0 0 0 1',
      '（二）部分公开 0 0 0 0 0 0 0',
      '（三）不予公开 1.属于国家秘密 0 0 0 0 0 0 0',
      '2.其他法律行政法规禁止公开 0 0 0 0 0 0 0',
      '3.危及“三安全一稳定” 0 0 0 0 0 0 0',
      '4.保护第三方合法权益 0 0 0 0 0 0 0',
      '5.属于三类内部事务信息 0 0 0 0 0 0 0',
      '6.属于四类过程性信息 0 0 0 0 0 0 0',
      '7.属于行政执法案卷 0 0 0 0 0 0 0',
      '8.属于行政查询事项 0 0 0 0 0 0 0',
      '（四）无法提供 1.本机关不掌握相关政府信息 0 0 0 0 0 0 0',
      '2.没有现成信息需要另行制作 0 0 0 0 0 0 0',
      '3.补正后申请内容仍不明确 0 0 0 0 0 0 0',
      '（五）不予处理 1.信访举报投诉类申请 0 0 0 0 0 0 0',
      '2.重复申请 0 0 0 0 0 0 0',
      '3.要求提供公开出版物 0 0 0 0 0 0 0',
      '4.无正当理由大量反复申请 0 0 0 0 0 0 0',
      '5.要求行政机关确认或重新出具已获取信息 0 0 0 0 0 0 0',
      '（六）其他处理 0 0 0 0 0 0 0',
      '（七）总计 1 0 0 0 0 0 1',
      '四、结转下年度继续办理 0 0 0 0 0 0 0',
    ].join('\n');
    const rec = parseReport(text);
    expect(rec.tables.requests['otherHandling.other']).toEqual({ naturalPerson: 0, commercial: 0, research: 0, nonprofit: 0, legalService: 0, other: 0, total: 0 });
    expect(rec.tables.requests['otherHandling.noCorrection']!.total).toBeNull();
    const note = rec.findings.find((f) => f.code === 'OTHER_HANDLING_SINGLE_ROW');
    expect(note?.message).toContain('「1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请」「2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请」保留为空');
    expect(rec.findings.filter((f) => f.message.includes('未能读出'))).toEqual([]);
  });
});
