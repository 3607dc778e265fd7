import { describe, expect, test } from 'vitest';
import { csvField, recordCellLines, recordCellRefs } from '../../src/lib/csv.ts';
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
    expect(lines[0]).toBe('liaocheng-weijian,2020,proactive,rules,made,0');
    expect(lines).toContain('liaocheng-weijian,2020,requests,newReceived,total,11');
    expect(lines).toContain('liaocheng-weijian,2020,review,adminReview,upheld,');
  });

  test('keeps a cell the record has outside the template', () => {
    const extra = makeRecord({ tables: { proactive: {}, requests: { surprise: { total: 1 } }, review: {} } });
    expect(recordCellRefs(extra).at(-1)?.key).toBe('requests/surprise/total');
  });

  test('builds one document with a header and CRLF line ends', () => {
    const csv = cellsCsv([record, record]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('agency,year,table,row,column,value');
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
