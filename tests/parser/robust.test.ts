import { describe, expect, test } from 'vitest';
import { parseReport } from '../../src/parser/index.ts';
import { record } from '../../src/schema/record.ts';
import { loadFixtures } from './fixtures.ts';

const valid = (text: string) => {
  const rec = parseReport(text, { file: 'x.txt' });
  expect(record.safeParse(rec).success).toBe(true);
  return rec;
};

describe('inputs in renderings never seen', () => {
  test('an empty text yields a record with an EMPTY_INPUT error', () => {
    const rec = valid('');
    expect(rec.findings.map((f) => f.code)).toContain('EMPTY_INPUT');
    expect(rec.tables.requests['total']?.['total']).toBeNull();
  });
  test('a narrative with no tables yields every table missing, not an exception', () => {
    const rec = valid('某区民政局2022年政府信息公开工作年度报告\n一、总体情况\n2022年，我局认真落实条例。\n六、其他需要报告的事项\n无。');
    expect(rec.agency.name).toBe('某区民政局');
    expect(rec.year).toBe(2022);
    expect(rec.findings.filter((f) => f.code === 'TABLE_MISSING')).toHaveLength(3);
  });
  test('a CSV rendering of the tables still yields a record with findings', () => {
    const rec = valid('标题,某局2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n本年新收,1,0,0,0,0,0,1\n总计,1,0,0,0,0,0,1\n');
    expect(rec.findings.length).toBeGreaterThan(0);
  });
  test('random bytes-as-text and markup soup yield a record', () => {
    valid('\u0000\u0001<script>alert(1)</script>{{}}---\n|||\t\t\t9999999999999999999999\n'.repeat(50));
    valid('１２３４５６７８９０'.repeat(1000));
  });
  test('every seed and corpus file parses into a record that satisfies the schema', () => {
    for (const fx of [...loadFixtures('seeds'), ...loadFixtures('corpus')]) valid(fx.text);
  });
});
