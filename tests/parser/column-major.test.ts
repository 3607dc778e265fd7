/**
 * Tables printed out of reading order, as pdftotext's default (reading-order) mode prints some PDFs: a block of 表三
 * rows column by column with the labels detached, and a 表二 value printed before its label. The snippets below are
 * hand-made in that shape; the values make every identity hold.
 */
import { describe, expect, test } from 'vitest';
import { parseReport } from '../../src/parser/index.ts';
import { readTransposedRequests } from '../../src/parser/tables/column-major.ts';
import { tokenize } from '../../src/parser/tokens.ts';

/** One value per line, as pdftotext prints a column of cells. */
const column = (...values: number[]): string => values.join('\n');

/** The eight （三）不予公开 rows, row by row: only 3.危及“三安全一稳定” and 6.属于四类过程性信息 are non-zero. */
const DENIED_ROWS = [
  [0, 0, 0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0, 0, 0],
  [1, 0, 0, 0, 0, 0, 1],
  [0, 0, 0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0, 0, 0],
  [0, 1, 0, 0, 0, 0, 1],
  [0, 0, 0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0, 0, 0],
];

/** The denied block as pdftotext prints it: seven columns of eight values, a blank line between columns. */
const deniedByColumns = (rows: number[][]): string =>
  [0, 1, 2, 3, 4, 5, 6].map((c) => column(...rows.map((r) => r[c]!))).join('\n\n');

function report(deniedBlock: string, fees = '本年收费金额（单位：万元）\n12.5\n\n行政事业性收费'): string {
  return `某县人民政府2023年政府信息公开工作年度报告
一、总体情况
2023年，本县共收到政府信息公开申请13件。
二、主动公开政府信息情况
第二十条第（一）项
信息内容  本年制发件数  本年废止件数  现行有效件数
规章  0  0  0
行政规范性文件  3  0  8
第二十条第（五）项
行政许可  100
第二十条第（六）项
行政处罚  20
行政强制  2
第二十条第（八）项
${fees}
三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量
${column(10, 2, 0, 0, 1, 0, 13)}

二、上年结转政府信息公开申请数量
${column(1, 0, 0, 0, 0, 0, 1)}

（一）予以公开
${column(5, 1, 0, 0, 0, 0, 6)}

（二）部分公开（区分处理的，只计这一情形，不计其他情形）
${column(1, 0, 0, 0, 0, 0, 1)}

${deniedBlock}

（三）不予公开
1.属于国家秘密
2.其他法律行政法规禁止公开
3.危及“三安全一稳定”
4.保护第三方合法权益
5.属于三类内部事务信息
6.属于四类过程性信息
7.属于行政执法案卷
8.属于行政查询事项
（四）无法提供
1.本机关不掌握相关政府信息
${column(2, 0, 0, 0, 1, 0, 3)}

2.没有现成信息需要另行制作
${column(0, 0, 0, 0, 0, 0, 0)}

3.补正后申请内容仍不明确
${column(1, 0, 0, 0, 0, 0, 1)}

（五）不予处理
1.信访举报投诉类申请
${column(1, 0, 0, 0, 0, 0, 1)}

2.重复申请
${column(0, 0, 0, 0, 0, 0, 0)}

3.要求提供公开出版物
${column(0, 0, 0, 0, 0, 0, 0)}

4.无正当理由大量反复申请
${column(0, 0, 0, 0, 0, 0, 0)}

5.要求行政机关确认或重新出具已获取信息
${column(0, 0, 0, 0, 0, 0, 0)}

（六）其他处理
1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请
${column(0, 0, 0, 0, 0, 0, 0)}

2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请
${column(0, 0, 0, 0, 0, 0, 0)}

3.其他
${column(0, 0, 0, 0, 0, 0, 0)}

（七）总计
${column(11, 2, 0, 0, 1, 0, 14)}

四、结转下年度继续办理
${column(0, 0, 0, 0, 0, 0, 0)}

四、政府信息公开行政复议、行政诉讼情况
行政复议  行政诉讼
1  0  0  0  1  0  0  0  0  0  0  0  0  0  0
五、存在的主要问题及改进情况
无。
`;
}

const ANOMALIES = ['IDENTITY_ROW', 'IDENTITY_COLUMN', 'IDENTITY_RESULTS', 'PROSE_MISMATCH'];

describe('a 表三 block printed column by column', () => {
  test('is read back row by row, with every identity holding', () => {
    const rec = parseReport(report(deniedByColumns(DENIED_ROWS)));
    const rq = rec.tables.requests;
    expect(rq['denied.threeSecurityOneStability']).toEqual({ naturalPerson: 1, commercial: 0, research: 0, nonprofit: 0, legalService: 0, other: 0, total: 1 });
    expect(rq['denied.processInfo']).toEqual({ naturalPerson: 0, commercial: 1, research: 0, nonprofit: 0, legalService: 0, other: 0, total: 1 });
    expect(rq['denied.stateSecret']?.['total']).toBe(0);
    expect(rq['unavailable.notHeld']).toEqual({ naturalPerson: 2, commercial: 0, research: 0, nonprofit: 0, legalService: 1, other: 0, total: 3 });
    expect(rq['total']?.['total']).toBe(14);
    expect(rec.findings.filter((f) => ANOMALIES.includes(f.code))).toEqual([]);
  });

  test('is reported as reordered, naming the rows of the block', () => {
    const rec = parseReport(report(deniedByColumns(DENIED_ROWS)));
    const reordered = rec.findings.filter((f) => f.code === 'TABLE_REORDERED' && f.cell?.startsWith('requests/'));
    expect(reordered).toHaveLength(1);
    expect(reordered[0]!.severity).toBe('info');
    expect(reordered[0]!.message).toContain('1.属于国家秘密');
    expect(reordered[0]!.message).toContain('8.属于行政查询事项');
    expect(reordered[0]!.message).toContain('共 8 行按列印出');
  });

  test('is not transposed when the transposition would break a row sum, and no row is cut from the stream either', () => {
    const broken = DENIED_ROWS.map((r) => [...r]);
    broken[2]![6] = 2; // 3.危及“三安全一稳定” prints 总计 2 for one applicant
    const rec = parseReport(report(deniedByColumns(broken)));
    expect(rec.findings.some((f) => f.code === 'TABLE_REORDERED' && f.cell?.startsWith('requests/'))).toBe(false);
    // the stream, one value per line, cut into rows of seven would be rows nobody printed: those that do not add
    // up stay null with a doubt instead of reading as numbers in the wrong cells
    const doubts = rec.findings.filter((f) => f.code === 'CELL_UNREADABLE' && f.cell?.startsWith('requests/denied.'));
    expect(doubts.length).toBeGreaterThan(0);
    for (const f of doubts) {
      const row = f.cell!.split('/')[1]!;
      expect(Object.values(rec.tables.requests[row] ?? {}).every((v) => v === null), row).toBe(true);
    }
  });

  test('leaves a table printed row by row to the row reader', () => {
    const rec = parseReport(report(DENIED_ROWS.map((r) => column(...r)).join('\n\n')));
    expect(rec.findings.some((f) => f.code === 'TABLE_REORDERED' && f.cell?.startsWith('requests/'))).toBe(false);
    expect(rec.tables.requests['denied.processInfo']?.['commercial']).toBe(1);
    expect(rec.findings.filter((f) => ANOMALIES.includes(f.code))).toEqual([]);
  });
});

describe('the transposed reading of a 2019-template stream', () => {
  // 23 rows: 新收 3, 结转 0, 予以公开 2, 部分公开 0, 不予公开 ×8 (1 in 2.), 无法提供 ×3, 不予处理 ×5, 其他处理, 总计, 结转下年.
  const rows: number[][] = [
    [2, 1, 0, 0, 0, 0, 3],
    [0, 0, 0, 0, 0, 0, 0],
    [2, 0, 0, 0, 0, 0, 2],
    [0, 0, 0, 0, 0, 0, 0],
    [0, 0, 0, 0, 0, 0, 0],
    [0, 1, 0, 0, 0, 0, 1],
    ...Array.from({ length: 14 }, () => [0, 0, 0, 0, 0, 0, 0]),
    [0, 0, 0, 0, 0, 0, 0],
    [2, 1, 0, 0, 0, 0, 3],
    [0, 0, 0, 0, 0, 0, 0],
  ];
  // The last three rows (其他处理, 总计, 结转下年) printed as seven columns of three values.
  const text = [...rows.slice(0, 20).map((r) => r.join('  ')), ...[0, 1, 2, 3, 4, 5, 6].map((c) => column(...rows.slice(20).map((r) => r[c]!)))].join('\n');

  test('restores the last three rows when only that reading makes the columns add up', () => {
    const lines = text.split('\n');
    const read = readTransposedRequests(tokenize(lines, 0, lines.length), '2019');
    expect(read?.singleOther).toBe(false);
    expect(read?.blocks.filter((b) => b.columnMajor)).toEqual([{ first: 20, rows: 3, columnMajor: true }]);
    const total = read?.rows.find((r) => r.id === 'total');
    expect(total?.values.map((t) => t.value)).toEqual([2, 1, 0, 0, 0, 0, 3]);
    expect(read?.rows.find((r) => r.id === 'denied.prohibitedByLaw')?.values.map((t) => t.value)).toEqual([0, 1, 0, 0, 0, 0, 1]);
  });

  test('gives up when the value count fits no form of the table', () => {
    const lines = `${text}\n7`.split('\n');
    expect(readTransposedRequests(tokenize(lines, 0, lines.length), '2019')).toBeNull();
  });
});

describe('a 表二 value printed away from its label', () => {
  test('goes to the one row printed without a value when it is the only unclaimed value', () => {
    const rec = parseReport(report(deniedByColumns(DENIED_ROWS)));
    expect(rec.tables.proactive['fees']?.['amount']).toBe(12.5);
    expect(rec.tables.proactive['licensing']?.['decisions']).toBe(100);
    const f = rec.findings.find((x) => x.code === 'TABLE_REORDERED' && x.cell === 'proactive/fees/amount');
    expect(f?.message).toContain('12.5');
  });

  test('stays null when two values are unclaimed', () => {
    const rec = parseReport(report(deniedByColumns(DENIED_ROWS), '本年收费金额（单位：万元）\n12.5\n\n合计\n3\n\n行政事业性收费'));
    expect(rec.tables.proactive['fees']?.['amount']).toBeNull();
    expect(rec.findings.some((x) => x.code === 'TABLE_REORDERED' && x.cell === 'proactive/fees/amount')).toBe(false);
  });
});
