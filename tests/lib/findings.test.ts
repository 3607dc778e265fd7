import { describe, expect, test } from 'vitest';
import { cellsRead, consistency, countBySeverity, findingLabel, isAnomaly, sortFindings } from '../../src/lib/findings.ts';
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
  const read = { proactive: { licensing: { decisions: 3 } }, requests: {}, review: {} };

  test('says 校验通过 when cells were read and no identity fails', () => {
    expect(consistency(makeRecord({ tables: read })).label).toBe('校验通过');
  });

  test('counts anomaly findings only', () => {
    const record = makeRecord({ tables: read, findings: [f('IDENTITY_COLUMN', 'warning', 80), f('PROSE_MISMATCH', 'warning', 9), f('CELL_UNREADABLE', 'warning', 70)] });
    expect(consistency(record)).toEqual({ kind: 'anomalies', count: 2, label: '2 处不一致' });
  });

  test('claims nothing when no table cell was read', () => {
    expect(consistency(makeRecord()).kind).toBe('no-data');
    expect(cellsRead(makeRecord().tables)).toBe(0);
  });
});
