import { describe, expect, test } from 'vitest';
import { agencyResolver, overrideFor, parseAgenciesYaml } from '../../src/lib/agencies.ts';
import { pinyinSlug } from '../../src/lib/slug.ts';

const yaml = `
agencies:
  - name: 单县卫生健康局
    slug: shan-xian-wei-sheng-jian-kang-ju
    aliases: [单县卫生和计划生育局]
    region: 山东省菏泽市
    level: 县级
  - name: 重庆市长寿区卫生健康委员会
    slug: changshou-weijian
  - name: 平潭综合实验区
    slug: pingtan
    aliases: [平潭综合实验区管委会]
  - name: 某市人民政府办公室
    kind: department
overrides:
  - file: content/reports/x.txt
    agency: 单县卫生健康局
    year: 2019
  - sha256: d7e31f0d
    year: 2023
`;

describe('agencies.yaml', () => {
  test('an override slug wins over the pinyin guess for a polyphone', () => {
    const resolve = agencyResolver(parseAgenciesYaml(yaml));
    expect(pinyinSlug('单县卫生健康局').startsWith('dan-')).toBe(true);
    expect(resolve('单县卫生健康局').slug).toBe('shan-xian-wei-sheng-jian-kang-ju');
    expect(resolve('重庆市长寿区卫生健康委员会').slug).toBe('changshou-weijian');
  });

  test('an alias merges a renamed agency into the same slug and canonical name', () => {
    const resolve = agencyResolver(parseAgenciesYaml(yaml));
    const old = resolve('单县卫生和计划生育局');
    expect(old.slug).toBe('shan-xian-wei-sheng-jian-kang-ju');
    expect(old.name).toBe('单县卫生健康局');
    expect(old.region).toBe('山东省菏泽市');
    expect(old.level).toBe('县级');
    expect(old.configured).toBe(true);
  });

  test('an agency not in the file gets the pinyin slug and no group', () => {
    const resolve = agencyResolver(parseAgenciesYaml(yaml));
    expect(resolve('偃师区卫生健康委员会')).toEqual({
      slug: 'yan-shi-qu-wei-sheng-jian-kang-wei-yuan-hui',
      name: '偃师区卫生健康委员会',
      region: null,
      level: null,
      kind: 'department',
      configured: false,
    });
  });

  test('kind: as the file says, else from the canonical name, else from the name as given', () => {
    const resolve = agencyResolver(parseAgenciesYaml(yaml));
    expect(resolve('平潭综合实验区管委会').kind).toBe('government');
    expect(resolve('平潭综合实验区').kind).toBe('government');
    expect(resolve('单县卫生健康局').kind).toBe('department');
    expect(resolve('某市人民政府办公室').kind).toBe('department');
    expect(resolve('淮安市洪泽区人民政府').kind).toBe('government');
    expect(resolve('平潭综合实验区行政审批局').kind).toBe('department');
  });

  test('an unknown kind is rejected with its path', () => {
    expect(() => parseAgenciesYaml('agencies:\n  - name: 某局\n    kind: bureau\n')).toThrow(/agencies\.0\.kind/);
  });

  test('an empty file is a valid configuration', () => {
    expect(parseAgenciesYaml('')).toEqual({ agencies: [], overrides: [] });
  });

  test('a malformed slug is rejected with its path', () => {
    expect(() => parseAgenciesYaml('agencies:\n  - name: 某局\n    slug: Bad_Slug\n')).toThrow(/agencies\.0\.slug/);
  });

  test('two agencies claiming the same alias are rejected', () => {
    const bad = 'agencies:\n  - name: 甲局\n    aliases: [乙局]\n  - name: 乙局\n';
    expect(() => agencyResolver(parseAgenciesYaml(bad))).toThrow(/乙局/);
  });

  test('two agencies with the same slug are rejected', () => {
    const bad = 'agencies:\n  - name: 甲局\n    slug: same\n  - name: 乙局\n    slug: same\n';
    expect(() => agencyResolver(parseAgenciesYaml(bad))).toThrow(/same/);
  });

  test('report overrides match by file path or by sha256 prefix', () => {
    const config = parseAgenciesYaml(yaml);
    expect(overrideFor(config, './content/reports/x.txt', 'ff')?.year).toBe(2019);
    expect(overrideFor(config, 'content/reports/other.txt', 'd7e31f0dfdff8fad')?.year).toBe(2023);
    expect(overrideFor(config, 'content/reports/other.txt', 'ffff')).toBeNull();
  });
});
