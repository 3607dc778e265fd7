/** 表二's amount column headed in 元: bare numbers under it are converted to the template's 万元, once. */
import { describe, expect, test } from 'vitest';
import { parseReport } from '../../src/parser/index.ts';

/** A 2019-template 表二 whose 第二十条第（九）项 header and row are `header` and `row` (tab-separated, as a page's grid). */
function report(header: string, row: string): string {
  return [
    '某某局2019年政府信息公开工作年度报告',
    '二、主动公开政府信息情况',
    '第二十条第（一）项',
    '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量',
    '规章\t0\t0\t0',
    '规范性文件\t5\t5\t5',
    '第二十条第（九）项',
    `信息内容\t采购项目数量\t${header}`,
    `政府集中采购\t${row}`,
    '三、收到和处理政府信息公开申请情况',
  ].join('\n');
}
const read = (header: string, row: string) => parseReport(report(header, row), { format: 'html' });

describe('an amount column headed in 元', () => {
  test('converts a bare amount to 万元, keeping the printed number', () => {
    const rec = read('采购总金额（元）', '17\t8810055');
    expect(rec.tables.proactive.procurement).toEqual({ projects: 17, amount: 881.0055 });
    expect(rec.provenance['proactive/procurement/amount']?.raw).toBe('8810055');
    expect(rec.findings.find((f) => f.code === 'UNIT_CONVERTED')?.message).toContain('按 881.0055 万元记');
  });
  test('reads 单位：元 the same way', () => {
    expect(read('采购总金额（单位：元）', '3\t120000').tables.proactive.procurement?.amount).toBe(12);
  });
  test('leaves an amount headed in 万元 as printed', () => {
    const rec = read('采购总金额（万元）', '17\t881.0055');
    expect(rec.tables.proactive.procurement?.amount).toBe(881.0055);
    expect(rec.findings.some((f) => f.code === 'UNIT_CONVERTED')).toBe(false);
  });
  test('converts an amount printing its own unit once, where it is read', () => {
    const rec = read('采购总金额（元）', '17\t8810055元');
    expect(rec.tables.proactive.procurement?.amount).toBe(881.0055);
    expect(rec.findings.some((f) => f.code === 'UNIT_CONVERTED')).toBe(false);
  });
});
