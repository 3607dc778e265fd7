import { describe, expect, test } from 'vitest';
import { kindFromName } from '../../src/lib/agency-kind.ts';
import { dayNumber, deadline, deadlineRuleText, summarizeTimeliness, timeliness, timelinessSummaryText, timelinessText } from '../../src/lib/deadline.ts';

describe('agency kind from the name', () => {
  test('a region’s own government', () => {
    expect(kindFromName('平潭综合实验区')).toBe('government');
    expect(kindFromName('平潭综合实验区管委会')).toBe('government');
    expect(kindFromName('平潭综合实验区管理委员会')).toBe('government');
    expect(kindFromName('淮安市洪泽区人民政府')).toBe('government');
    expect(kindFromName('沭阳县人民政府')).toBe('government');
    expect(kindFromName('河北雄安新区')).toBe('government');
  });
  test('a department', () => {
    expect(kindFromName('平潭综合实验区行政审批局')).toBe('department');
    expect(kindFromName('平潭综合实验区自然资源与生态环境局')).toBe('department');
    expect(kindFromName('偃师区卫生健康委员会')).toBe('department');
    expect(kindFromName('上海市科委')).toBe('department');
    expect(kindFromName(null)).toBe('department');
  });
});

describe('deadline', () => {
  test('第四十九条: departments by 31 January, a government’s own report by 31 March of the next year', () => {
    expect(deadline(2023, 'department')).toEqual({ date: '2024-01-31', basis: '《政府信息公开条例》第四十九条' });
    expect(deadline(2023, 'government')).toEqual({ date: '2024-03-31', basis: '《政府信息公开条例》第四十九条' });
    expect(deadline(2019, 'department')?.date).toBe('2020-01-31');
  });
  test('reports on 2008–2018: every agency by 31 March (2007 条例第三十一条); none before', () => {
    expect(deadline(2018, 'department')).toEqual({ date: '2019-03-31', basis: '《政府信息公开条例》（2007 年）第三十一条' });
    expect(deadline(2008, 'government')?.date).toBe('2009-03-31');
    expect(deadline(2007, 'department')).toBeNull();
  });
});

describe('timeliness', () => {
  test('a government report on either side of 31 March', () => {
    // 平潭综合实验区 2023, published 2024-03-08 (its report says so): on time for a region's own report.
    expect(timeliness({ year: 2023, published: '2024-03-08' }, 'government')).toMatchObject({ kind: 'on-time' });
    expect(timeliness({ year: 2023, published: '2024-03-31' }, 'government')).toMatchObject({ kind: 'on-time' });
    expect(timeliness({ year: 2023, published: '2024-04-01' }, 'government')).toEqual({
      kind: 'late',
      daysLate: 1,
      deadline: { date: '2024-03-31', basis: '《政府信息公开条例》第四十九条' },
    });
  });

  test('a department report on either side of 31 January', () => {
    // 平潭综合实验区行政审批局 2022, published 2023-01-09; 聊城市卫生健康委员会 2020, published 2021-01-28.
    expect(timeliness({ year: 2022, published: '2023-01-09' }, 'department')).toMatchObject({ kind: 'on-time' });
    expect(timeliness({ year: 2020, published: '2021-01-28' }, 'department')).toMatchObject({ kind: 'on-time' });
    expect(timeliness({ year: 2023, published: '2024-01-31' }, 'department')).toMatchObject({ kind: 'on-time' });
    // 2024 is a leap year: 29 days of February + 9 of March.
    expect(timeliness({ year: 2023, published: '2024-03-09' }, 'department')).toMatchObject({ kind: 'late', daysLate: 38 });
    // The same date as 平潭综合实验区 2021 (2022-02-08) would be 8 days late for a department.
    expect(timeliness({ year: 2021, published: '2022-02-08' }, 'department')).toMatchObject({ kind: 'late', daysLate: 8 });
    expect(timeliness({ year: 2021, published: '2022-02-08' }, 'government')).toMatchObject({ kind: 'on-time' });
  });

  test('says nothing without a date, a year or a real calendar date', () => {
    expect(timeliness({ year: 2023, published: null }, 'department')).toEqual({ kind: 'unknown' });
    expect(timeliness({ year: null, published: '2024-01-10' }, 'department')).toEqual({ kind: 'unknown' });
    expect(timeliness({ year: 2023, published: '2024-02-30' }, 'department')).toEqual({ kind: 'unknown' });
    expect(timeliness({ year: 2023, published: '2024年1月' }, 'department')).toEqual({ kind: 'unknown' });
    expect(dayNumber('2024-02-29')).toBe(dayNumber('2024-03-01')! - 1);
  });

  test('the report page’s words', () => {
    expect(timelinessText(timeliness({ year: 2023, published: '2024-03-09' }, 'department'))).toBe('晚于法定期限（2024 年 1 月 31 日）38 天');
    expect(timelinessText(timeliness({ year: 2023, published: '2024-03-08' }, 'government'))).toBe('按期发布');
    expect(timelinessText(timeliness({ year: 2023, published: null }, 'government'))).toBeNull();
  });
});

describe('the year page’s share', () => {
  const of = (year: number, published: string | null, kind: 'government' | 'department') => ({ report: { year, published }, kind });

  test('counts on-time reports over the reports with a date, and says how many have none', () => {
    const s = summarizeTimeliness([
      of(2023, '2024-03-08', 'government'),
      of(2023, '2024-01-09', 'department'),
      of(2023, '2024-01-31', 'department'),
      of(2023, '2024-02-08', 'department'),
      of(2023, null, 'department'),
      of(2023, null, 'government'),
    ]);
    expect(s).toEqual({ known: 4, onTime: 3, undated: 2 });
    expect(timelinessSummaryText(s)).toBe('按期发布 3/4（75.0%），另有 2 份未写明发布日期');
  });

  test('no dates at all, every date, nothing', () => {
    expect(timelinessSummaryText(summarizeTimeliness([of(2024, null, 'department'), of(2024, null, 'department')]))).toBe('2 份报告均未写明发布日期');
    expect(timelinessSummaryText(summarizeTimeliness([of(2020, '2021-01-28', 'department')]))).toBe('按期发布 1/1（100.0%）');
    expect(timelinessSummaryText(summarizeTimeliness([]))).toBeNull();
  });
});

describe('the rule in words', () => {
  test('names the dates and the provision of the year', () => {
    expect(deadlineRuleText(2023)).toBe(
      '法定期限：政府部门的 2023 年度报告应在 2024 年 1 月 31 日前公布，本级人民政府的年度报告应在 2024 年 3 月 31 日前公布（《政府信息公开条例》第四十九条）。',
    );
    expect(deadlineRuleText(2015)).toBe('法定期限：各级行政机关的 2015 年度报告应在 2016 年 3 月 31 日前公布（2007 年《政府信息公开条例》第三十一条）。');
    expect(deadlineRuleText(2005)).toBeNull();
  });
});
