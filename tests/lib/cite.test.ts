import { describe, expect, test } from 'vitest';
import { bibtex, bibtexKey, bibtexValue, gbt7714, type CiteInput } from '../../src/lib/cite.ts';
import { yearNeighbours } from '../../src/lib/portal.ts';

const input: CiteInput = {
  agency: '平潭综合实验区',
  title: '平潭综合实验区 2021 年度政府信息公开工作年度报告',
  year: 2021,
  published: '2022-02-08',
  siteName: '公开年报',
  url: 'https://nianbao.example.gov.cn/agencies/pingtan/2021/',
  original: 'https://www.pingtan.gov.cn/zwgk/t1.htm',
  accessed: '2026-12-04',
  id: 'pingtan/2021',
};

describe('引用本页', () => {
  test('GB/T 7714: author. title[EB/OL]. publisher, date[accessed]. URL. and the original', () => {
    expect(gbt7714(input)).toBe(
      '平潭综合实验区. 平潭综合实验区 2021 年度政府信息公开工作年度报告[EB/OL]. 公开年报, 2022-02-08[2026-12-04]. https://nianbao.example.gov.cn/agencies/pingtan/2021/. 原文：https://www.pingtan.gov.cn/zwgk/t1.htm.',
    );
    expect(gbt7714({ ...input, published: null, original: undefined })).toBe(
      '平潭综合实验区. 平潭综合实验区 2021 年度政府信息公开工作年度报告[EB/OL]. 公开年报, 2022[2026-12-04]. https://nianbao.example.gov.cn/agencies/pingtan/2021/.',
    );
  });

  test('BibTeX: a @misc entry with url, urldate and the original in a note', () => {
    expect(bibtex(input)).toBe(
      [
        '@misc{nianbao-pingtan-2021,',
        '  author = {{平潭综合实验区}},',
        '  title = {{平潭综合实验区 2021 年度政府信息公开工作年度报告}},',
        '  howpublished = {公开年报},',
        '  year = {2022},',
        '  date = {2022-02-08},',
        '  url = {https://nianbao.example.gov.cn/agencies/pingtan/2021/},',
        '  urldate = {2026-12-04},',
        '  note = {原文：\\url{https://www.pingtan.gov.cn/zwgk/t1.htm}},',
        '  language = {chinese}',
        '}',
      ].join('\n'),
    );
  });

  test('untrusted names cannot break out of a BibTeX field', () => {
    expect(bibtexValue('a}b{c\\d%e&f_g#h$i^j~k')).toBe('a\\}b\\{c\\textbackslash\\{\\}d\\%e\\&f\\_g\\#h\\$i\\^{}j\\~{}k');
    const entry = bibtex({ ...input, agency: '甲}, title = {伪造' });
    expect(entry.split('\n').filter((l) => l.trimStart().startsWith('title'))).toHaveLength(1);
    expect(bibtexKey('unidentified-0123/0')).toBe('nianbao-unidentified-0123-0');
  });
});

describe('previous and next year', () => {
  const r = (slug: string, year: number | null) => ({ id: `${slug}/${year ?? 0}`, agency: { name: null, slug }, year, published: null });
  const list = [r('a', 2019), r('a', 2021), r('a', 2025), r('b', 2020), r('a', null)];
  test('the nearest earlier and later years of the same agency, skipping gaps', () => {
    expect(yearNeighbours(list, 'a', 2021)).toEqual({ prev: list[0], next: list[2] });
    expect(yearNeighbours(list, 'a', 2019)).toEqual({ prev: null, next: list[1] });
    expect(yearNeighbours(list, 'a', 2025)).toEqual({ prev: list[1], next: null });
    expect(yearNeighbours(list, 'b', 2020)).toEqual({ prev: null, next: null });
    expect(yearNeighbours(list, 'a', null)).toEqual({ prev: null, next: null });
  });
});
