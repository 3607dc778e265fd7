import { describe, expect, test } from 'vitest';
import { codebookCsv, csvField, recordCellLines, recordCellRefs } from '../../src/lib/csv.ts';
import { cellsCsv } from './helpers.ts';
import { templateCells } from '../../src/lib/template.ts';
import { makeRecord } from './helpers.ts';

describe('csvField', () => {
  test('quotes commas, quotes and line breaks', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('x\ny')).toBe('"x\ny"');
    expect(csvField('plain')).toBe('plain');
  });
  test('writes numbers plainly and null as an empty field', () => {
    expect(csvField(1480.8758)).toBe('1480.8758');
    expect(csvField(5949.088667)).toBe('5949.088667');
    expect(csvField(1e21)).toBe('1000000000000000000000');
    expect(csvField(-2)).toBe('-2');
    expect(csvField(null)).toBe('');
  });
  test('defuses a leading formula character in text', () => {
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
  });
});

describe('cells of a record', () => {
  const record = makeRecord({
    id: 'liaocheng-weijian/2020',
    agency: { name: '聊城市卫生健康委员会', slug: 'liaocheng-weijian' },
    year: 2020,
    template: '2019',
    tables: { proactive: { rules: { made: 0, published: 0, totalPublic: 0 } }, requests: { newReceived: { total: 11 } }, review: {} },
  });

  test('lists every template cell in official order, unread ones empty', () => {
    const lines = recordCellLines(record);
    expect(lines).toHaveLength(templateCells('2019').length);
    expect(lines[0]).toBe('liaocheng-weijian,聊城市卫生健康委员会,2020,2019,proactive,表二,rules,第二十条第（一）项 规章,made,本年新制作数量,0');
    expect(lines).toContain('liaocheng-weijian,聊城市卫生健康委员会,2020,2019,requests,表三,newReceived,一、本年新收政府信息公开申请数量,total,总计,11');
    expect(lines).toContain('liaocheng-weijian,聊城市卫生健康委员会,2020,2019,review,表四,adminReview,行政复议,upheld,结果维持,');
  });

  test('keeps a cell the record has outside the template', () => {
    const extra = makeRecord({ tables: { proactive: {}, requests: { surprise: { total: 1 } }, review: {} } });
    expect(recordCellRefs(extra).at(-1)?.key).toBe('requests/surprise/total');
  });

  test('builds one document with a header and CRLF line ends', () => {
    const csv = cellsCsv([record, record]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('\uFEFFagency,agency_name,year,template,table,table_label,row,row_label,column,column_label,value');
    expect(lines).toHaveLength(1 + 2 * templateCells('2019').length + 1);
    expect(lines.at(-1)).toBe('');
  });

  test('stays linear for many records', () => {
    const many = Array.from({ length: 2000 }, () => record);
    const started = performance.now();
    const csv = cellsCsv(many);
    expect(csv.length).toBeGreaterThan(2000 * 198 * 30);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe('labels beside the ids', () => {
  test('every template cell has its table, row and column label', () => {
    for (const template of ['2019', '2021'] as const) {
      const r = makeRecord({ template, year: 2020 });
      for (const line of recordCellLines(r)) {
        const fields = line.split(',');
        expect(fields).toHaveLength(11);
        for (const i of [5, 7, 9]) expect(fields[i], line).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  test('the codebook maps every row and column id of both templates to its printed label', () => {
    const book = codebookCsv();
    expect(book.startsWith('\uFEFFtemplate,table,table_label,kind,id,label,row_group\r\n')).toBe(true);
    const rows = book.slice(1).trim().split('\r\n').slice(1).map((l) => l.split(','));
    for (const template of ['2019', '2021'] as const) {
      for (const c of templateCells(template)) {
        expect(rows.some((f) => f[0] === template && f[1] === c.table && f[3] === 'row' && f[4] === c.row), `${template} ${c.key}`).toBe(true);
        expect(rows.some((f) => f[0] === template && f[1] === c.table && f[3] === 'column' && f[4] === c.column), `${template} ${c.key}`).toBe(true);
      }
    }
    expect(rows.find((f) => f[0] === '2021' && f[4] === 'otherHandling.feeUnpaid')?.[5]).toContain('逾期未按收费通知要求缴纳费用');
  });
});
