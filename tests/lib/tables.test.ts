import { describe, expect, test } from 'vitest';
import { cellView, requestRowPaths, tableModel, type HeaderCell, type ModelRow, type TableModel, type ValueCell } from '../../src/lib/tables.ts';
import { TEMPLATE_SPECS, templateCells } from '../../src/lib/template.ts';
import { makeRecord } from './helpers.ts';

const headers = (m: TableModel): HeaderCell[] =>
  [...m.head, ...m.bodies.flat()].flatMap((row: ModelRow) => row.filter((c): c is HeaderCell => c.kind === 'th'));
const values = (m: TableModel): ValueCell[] => m.bodies.flat().flatMap((row) => row.filter((c): c is ValueCell => c.kind === 'td'));

/** Width of a row in grid columns, counting cells carried down by rowspans from rows above. */
function gridWidths(rows: readonly ModelRow[]): number[] {
  const carry: number[] = [];
  return rows.map((row, r) => {
    const width = row.reduce((w, c) => w + c.colspan, 0) + (carry[r] ?? 0);
    for (const c of row) for (let k = 1; k < ('rowspan' in c ? c.rowspan : 1); k++) carry[r + k] = (carry[r + k] ?? 0) + c.colspan;
    return width;
  });
}

describe.each(['2019', '2021'] as const)('official layout, %s template', (template) => {
  test.each(['proactive', 'requests', 'review'] as const)('%s has one value cell per template cell', (table) => {
    const model = tableModel(template, table);
    const keys = values(model).map((v) => v.ref.key).sort();
    const expected = templateCells(template).filter((c) => c.table === table).map((c) => c.key).sort();
    expect(keys).toEqual(expected);
  });

  test.each(['proactive', 'requests', 'review'] as const)('%s header ids are unique and every td names existing headers', (table) => {
    const model = tableModel(template, table);
    const ids = headers(model).map((h) => h.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const v of values(model)) for (const h of v.headers) expect(ids).toContain(h);
  });

  test.each(['proactive', 'requests', 'review'] as const)('%s: the headers of each td identify exactly its row and column', (table) => {
    const model = tableModel(template, table);
    const byId = new Map(headers(model).map((h) => [h.id, h]));
    for (const v of values(model)) {
      const named = v.headers.map((id) => byId.get(id));
      expect(named.filter((h) => h?.row).map((h) => h?.row)).toEqual([v.ref.row]);
      expect(named.filter((h) => h?.col).map((h) => h?.col)).toEqual([v.ref.column]);
    }
  });

  test.each(['requests', 'review'] as const)('%s: every row spans the full grid width', (table) => {
    const model = tableModel(template, table);
    const rows = [...model.head, ...model.bodies.flat()];
    expect(new Set(gridWidths(rows))).toEqual(new Set([model.columnCount]));
  });

  test('表二 rows span the full width, the last column stretching in narrower groups', () => {
    const model = tableModel(template, 'proactive');
    for (const body of model.bodies) expect(new Set(gridWidths(body))).toEqual(new Set([model.columnCount]));
  });
});

describe('表三 layout', () => {
  const model = tableModel('2021', 'requests');

  test('groups applicants under 申请人情况 and five kinds under 法人或其他组织', () => {
    const [top, second, third] = model.head;
    expect(top?.map((c) => ('text' in c ? c.text : ''))).toEqual([expect.stringContaining('勾稽关系'), '申请人情况']);
    expect(second?.map((c) => (c.kind === 'th' ? [c.text, c.colspan, c.rowspan] : null))).toEqual([
      ['自然人', 1, 2],
      ['法人或其他组织', 5, 1],
      ['总计', 1, 2],
    ]);
    expect(third?.map((c) => (c.kind === 'th' ? c.text : ''))).toEqual(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
  });

  test('spans 三、本年度办理结果 over every result row and 不予公开 over its eight reasons', () => {
    const rowHeaders = model.bodies.flat().flatMap((r) => r.filter((c): c is HeaderCell => c.kind === 'th'));
    expect(rowHeaders.find((h) => h.text === '三、本年度办理结果')?.rowspan).toBe(22);
    expect(rowHeaders.find((h) => h.text === '（三）不予公开')?.rowspan).toBe(8);
    expect(rowHeaders.find((h) => h.text === '（六）其他处理')?.rowspan).toBe(3);
    expect(rowHeaders.find((h) => h.row === 'newReceived')?.colspan).toBe(3);
    expect(rowHeaders.find((h) => h.row === 'granted')?.colspan).toBe(2);
    expect(rowHeaders.find((h) => h.row === 'total')?.colspan).toBe(2);
  });

  test('the 2019 template has a single 其他处理 row and 20 result rows', () => {
    const m = tableModel('2019', 'requests');
    const rowHeaders = m.bodies.flat().flatMap((r) => r.filter((c): c is HeaderCell => c.kind === 'th'));
    expect(rowHeaders.find((h) => h.text === '三、本年度办理结果')?.rowspan).toBe(20);
    expect(rowHeaders.find((h) => h.row === 'otherHandling')).toMatchObject({ text: '（六）其他处理', colspan: 2 });
  });

  test('row paths inherit the open top-level heading', () => {
    const paths = requestRowPaths(TEMPLATE_SPECS['2021'].requests.rows);
    expect(paths.find((p) => p.row === 'denied.stateSecret')?.parts).toEqual(['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密']);
    expect(paths.find((p) => p.row === 'carriedForward')?.parts).toEqual(['四、结转下年度继续办理']);
  });
});

describe('表四 layout', () => {
  test('prints one row of fifteen numbers under 行政复议 | 行政诉讼 (two kinds)', () => {
    const model = tableModel('2021', 'review');
    expect(model.columnCount).toBe(15);
    expect(model.bodies.flat()).toHaveLength(1);
    const [top, second] = model.head;
    expect(top?.map((c) => (c.kind === 'th' ? [c.text, c.colspan] : null))).toEqual([
      ['行政复议', 5],
      ['行政诉讼', 10],
    ]);
    expect(second?.filter((c) => c.kind === 'th' && c.rowspan === 2)).toHaveLength(5);
  });
});

describe('cellView', () => {
  const record = makeRecord({
    tables: { proactive: { licensing: { decisions: 1130 } }, requests: {}, review: { adminReview: { total: null } } },
    provenance: {
      'proactive/licensing/decisions': { line: 35, raw: '1130件' },
      'review/adminReview/total': { line: 80, raw: '/' },
      'review/adminReview/other': { line: 80, inferred: true },
    },
  });

  test('shows the value with its source line', () => {
    expect(cellView(record, { table: 'proactive', row: 'licensing', column: 'decisions', key: 'proactive/licensing/decisions' })).toEqual({
      value: 1130,
      text: '1,130',
      line: 35,
      raw: '1130件',
      inferred: false,
    });
  });

  test('shows a dash and the printed text for a null cell', () => {
    const v = cellView(record, { table: 'review', row: 'adminReview', column: 'total', key: 'review/adminReview/total' });
    expect(v).toMatchObject({ value: null, text: '—', raw: '/', line: 80 });
  });

  test('works on a record whose tables are empty (nothing parsed)', () => {
    const v = cellView(makeRecord(), { table: 'requests', row: 'total', column: 'total', key: 'requests/total/total' });
    expect(v).toEqual({ value: null, text: '—', line: null, raw: null, inferred: false });
  });

  test('marks an inferred cell', () => {
    expect(cellView(record, { table: 'review', row: 'adminReview', column: 'other', key: 'review/adminReview/other' }).inferred).toBe(true);
  });

  test('shows a money cell as printed: every decimal, trailing zeros included', () => {
    const amount = { table: 'proactive', row: 'procurement', column: 'amount', key: 'proactive/procurement/amount' } as const;
    const fee = { table: 'proactive', row: 'fees', column: 'amount', key: 'proactive/fees/amount' } as const;
    // 平潭综合实验区自然资源与生态环境局 2019 (政府集中采购 82059.2090万元) and 平潭综合实验区 2023 (收费 5949.088667).
    const procurement = makeRecord({
      template: '2019',
      tables: { proactive: { procurement: { amount: 82059.209 } }, requests: {}, review: {} },
      provenance: { [amount.key]: { line: 10, raw: '82059.2090万元' } },
    });
    const fees = makeRecord({
      template: '2021',
      tables: { proactive: { fees: { amount: 5949.088667 } }, requests: {}, review: {} },
      provenance: { [fee.key]: { line: 10 } },
    });
    expect(cellView(procurement, amount).text).toBe('82,059.2090');
    expect(cellView(fees, fee).text).toBe('5,949.088667');
  });
});
