import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { summarize } from '../../src/lib/summary.ts';
import { cellsRead, consistency, countBySeverity, findingLabel, isAnomaly, sortFindings } from '../../src/lib/findings.ts';
import { parseReport } from '../../src/parser/index.ts';
import { templateCells } from '../../src/lib/template.ts';
import { FINDING_CODES, type Finding } from '../../src/schema/record.ts';
import { makeRecord } from './helpers.ts';

const f = (code: Finding['code'], severity: Finding['severity'], line: number | null): Finding => ({ code, severity, message: code, line });

describe('findings', () => {
  test('tells source anomalies from parse doubts', () => {
    expect(isAnomaly({ code: 'IDENTITY_COLUMN' })).toBe(true);
    expect(isAnomaly({ code: 'CROSS_YEAR_CARRY' })).toBe(true);
    expect(isAnomaly({ code: 'CELL_UNREADABLE' })).toBe(false);
    expect(isAnomaly({ code: 'CELL_INFERRED' })).toBe(false);
  });

  test('has a label for every finding code', () => {
    for (const code of FINDING_CODES) expect(findingLabel(code)).not.toBe('');
  });

  test('counts findings by severity', () => {
    expect(countBySeverity([f('CELL_UNREADABLE', 'warning', 1), f('EMPTY_INPUT', 'error', null), f('CELL_INFERRED', 'info', 2), f('IDENTITY_ROW', 'warning', 3)])).toEqual({
      error: 1,
      warning: 2,
      info: 1,
    });
  });

  test('lists anomalies first, then by source line', () => {
    const sorted = sortFindings([f('CELL_UNREADABLE', 'warning', 5), f('IDENTITY_ROW', 'warning', 90), f('IDENTITY_COLUMN', 'warning', 40), f('SECTION_MISSING', 'info', null)]);
    expect(sorted.map((x) => x.code)).toEqual(['IDENTITY_COLUMN', 'IDENTITY_ROW', 'SECTION_MISSING', 'CELL_UNREADABLE']);
  });
});

describe('consistency badge', () => {
  // 偃师区卫生健康委员会 2024 (seed 001): every cell of the 2021 template printed, every identity holding.
  const seed = readFileSync('tests/fixtures/seeds/001_32ee79c535f7b1d7.txt', 'utf8');
  const parse = (text: string) => parseReport(text, { file: 'content/reports/x.txt', sha256: 'cd'.repeat(32) });
  /** The seed with 行政事业性收费 and 行政强制 printed as “/” (nothing read). */
  const twoBlank = seed.replace('行政事业性收费\t0', '行政事业性收费\t/').replace('行政强制\t1', '行政强制\t/');
  /** The seed with 一、本年新收 总计 printed as 7 where its row adds up to 6. */
  const badTotal = (text: string) => text.replace('一、本年新收政府信息公开申请数量\t\t6\t0\t0\t0\t0\t0\t6', '一、本年新收政府信息公开申请数量\t\t6\t0\t0\t0\t0\t0\t7');

  test('says 校验通过 only when every template cell was read and no identity fails', () => {
    const record = parse(seed);
    expect(cellsRead(record)).toEqual({ read: 200, total: 200 });
    expect(consistency(summarize(record))).toEqual({ kind: 'ok', unread: 0, anomalies: 0, label: '校验通过' });
  });

  test('says how many cells are unread when identities hold', () => {
    const record = parse(twoBlank);
    expect(cellsRead(record)).toEqual({ read: 198, total: 200 });
    expect(consistency(summarize(record))).toEqual({ kind: 'incomplete', unread: 2, anomalies: 0, label: '2 格未读取' });
  });

  test('counts anomaly findings, not parse doubts', () => {
    const record = parse(badTotal(seed));
    expect(record.findings.map((x) => x.code).sort()).toEqual(['IDENTITY_COLUMN', 'IDENTITY_ROW']);
    expect(consistency(summarize(record))).toEqual({ kind: 'anomalies', unread: 0, anomalies: 2, label: '2 处不一致' });
    const doubt = { ...record, findings: [...record.findings, f('CELL_UNREADABLE', 'warning', 70)] };
    expect(consistency(summarize(doubt)).label).toBe('2 处不一致');
  });

  test('says both when cells are unread and identities fail', () => {
    const record = parse(badTotal(seed).replace('行政事业性收费\t0', '行政事业性收费\t/'));
    expect(consistency(summarize(record))).toEqual({ kind: 'anomalies', unread: 1, anomalies: 2, label: '1 格未读取，2 处不一致' });
  });

  test('counts the cells of the template only', () => {
    const extra = makeRecord({ template: '2019', tables: { proactive: { licensing: { decisions: 3 } }, requests: { surprise: { total: 1 } }, review: {} } });
    expect(cellsRead(extra)).toEqual({ read: 1, total: templateCells('2019').length });
  });

  test('claims nothing when no table cell was read', () => {
    expect(consistency(summarize(makeRecord()))).toEqual({ kind: 'no-data', unread: 200, anomalies: 0, label: '未读取到表格数据' });
    expect(cellsRead(makeRecord())).toEqual({ read: 0, total: 200 });
  });
});
