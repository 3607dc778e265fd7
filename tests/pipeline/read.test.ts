import { describe, expect, test } from 'vitest';
import { readReport } from '../../src/pipeline/read.ts';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('readReport: one safety net around decoding and parsing', () => {
  test('an empty file is kept as an empty report with EMPTY_INPUT', async () => {
    const r = await readReport(new Uint8Array(), 'content/reports/blank.txt', 'e3'.repeat(32));
    expect(r.record.findings.map((f) => f.code)).toContain('EMPTY_INPUT');
    expect(r.problems).toEqual([]);
  });
  test('a report reads as the parser reads it, with its lines', async () => {
    const r = await readReport(utf8('某某局2024年政府信息公开工作年度报告\n一、总体情况\n本年主动公开政府信息12条。\n'), 'content/reports/a.txt', 'ab'.repeat(32));
    expect(r.record.agency.name).toBe('某某局');
    expect(r.lines).toHaveLength(4);
    expect(r.format).toBe('txt');
  });
});
