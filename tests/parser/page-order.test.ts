/** Pages whose lines an extractor prints bottom to top (pdf2json), read top to bottom and cited by the file's lines. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseReport } from '../../src/parser/index.ts';
import { citedInFile, pageOrder } from '../../src/parser/page-order.ts';
import { loadFixtures } from './fixtures.ts';

const QUIRKS = join(import.meta.dirname, '..', 'fixtures', 'quirks');
const BREAK = '----------------Page (0) Break----------------';

describe('pages printed bottom to top', () => {
  test('reverses each page whose numbered labels count down, markers kept as page breaks, lines mapped to the file', () => {
    const file = ['四、结转', '三、本年度', '二、上年结转', '一、本年新收', '（二）部分公开', '（一）予以公开', BREAK, '六、其他', '五、问题'].join('\n');
    const order = pageOrder(file);
    expect(order.text.split('\n')).toEqual(['（一）予以公开', '（二）部分公开', '一、本年新收', '二、上年结转', '三、本年度', '四、结转', '\f', '五、问题', '六、其他']);
    expect(order.lineOf).toEqual([6, 5, 4, 3, 2, 1, 7, 9, 8]);
  });

  test('leaves a text whose labels count up as it is, and reads a pdf-parse page marker as a page break', () => {
    const file = ['一、总体情况', '二、主动公开', '-- 1 of 2 --', '三、收到和处理', '（一）予以公开', '（二）部分公开', '四、行政复议'].join('\n');
    const order = pageOrder(file);
    expect(order.lineOf).toBeNull();
    expect(order.text.split('\n')[2]).toBe('\f');
    expect(order.text.split('\n').length).toBe(7);
  });

  test('reads every seed and corpus report in its own order', () => {
    const fixtures = [...loadFixtures('seeds'), ...loadFixtures('corpus')];
    expect(fixtures.length).toBe(20);
    const reordered = fixtures.filter((fx) => pageOrder(fx.text).lineOf !== null).map((fx) => fx.name);
    expect(reordered).toEqual([]);
  });

  test("cites each cell and finding of pdf2json's text by its line in the file", () => {
    const text = readFileSync(join(QUIRKS, 'pdf2json-pages-bottom-up.txt'), 'utf8');
    const fileLines = text.split('\n');
    const rec = parseReport(text, { file: 'pdf2json.txt' });
    expect(rec.findings.some((f) => f.code === 'LINES_BOTTOM_UP')).toBe(true);
    // (（七）总计 prints its cells glued, 82000010: 8 | 2 | 0 | 0 | 0 | 0 | 10)
    const total = rec.provenance['requests/total/total']!;
    expect(fileLines[total.line - 1]).toContain('（七）总计');
    expect(rec.tables.requests.total).toMatchObject({ naturalPerson: 8, commercial: 2, total: 10 });
    const rules = rec.provenance['proactive/rules/made']!;
    expect(fileLines[rules.line - 1]).toMatch(/^规章/);
    const glued = rec.findings.find((f) => f.code === 'GLUED_AMBIGUOUS')!;
    expect(fileLines[glued.line! - 1]).toContain('其他对外管');
    const title = rec.sections.find((s) => s.key === 'overview')!;
    expect(fileLines[title.line - 1]).toContain('一、总体情况');
  });

  test('maps the lines a finding message cites, one or several, to the file', () => {
    const rec = parseReport('', { file: 'x.txt' });
    const read = { ...rec, findings: [{ code: 'CELL_UNREADABLE' as const, severity: 'warning' as const, message: '表三第 1、3 行的数字；正文第 2 行「…」', line: 3 }] };
    const cited = citedInFile(read, [9, 8, 7]);
    expect(cited.findings.map((f) => [f.code, f.line, f.message])).toEqual([
      ['LINES_BOTTOM_UP', null, expect.stringContaining('自下而上')],
      ['CELL_UNREADABLE', 7, '表三第 9、7 行的数字；正文第 8 行「…」'],
    ]);
  });
});
