import { describe, expect, it } from 'vitest';
import { fold, foldedIncludes, normalizeText, printsDigit, radicalIdeograph } from '../../src/parser/normalize.ts';

describe('foldedIncludes', () => {
  it('agrees with fold(text).includes(needle)', () => {
    const alphabet = ['本', '年', '制', '发', '件', '数', '第', '(', '（', '九', ')', '）', '项', ' ', '\u3000', '\n', '\t', '，', ',', 'a', '1', '\uD800'];
    const needles = ['本年制发件数', '第二十条第(九)项', '年(九)', '数,件', '制发'];
    let seed = 7;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let i = 0; i < 5000; i++) {
      const needle = needles[rand(needles.length)]!;
      // build texts around the needle with spaces and unfolded punctuation inserted
      let text = '';
      for (let j = rand(30); j > 0; j--) text += alphabet[rand(alphabet.length)]!;
      if (rand(2)) for (const ch of needle) text += (ch === '(' && rand(2) ? '（' : ch === ')' && rand(2) ? '）' : ch) + (rand(3) ? '' : ' ');
      for (let j = rand(30); j > 0; j--) text += alphabet[rand(alphabet.length)]!;
      if (rand(4) === 0) text = text.repeat(30); // long text: fold's other path
      expect(foldedIncludes(text, needle), JSON.stringify([text, needle])).toBe(fold(text).includes(needle));
    }
  });
});

describe('normalizeText', () => {
  it('prints a minus sign or a hyphen other than ASCII\'s as a hyphen-minus (−3 is -3), leaving dashes as they are', () => {
    expect(normalizeText('本年增/减\t−3\t﹣2\t‒12\t‐1\t‑4')).toBe('本年增/减\t-3\t-2\t-12\t-1\t-4');
    expect(normalizeText('——\t–\t—')).toBe('——\t–\t—');
  });
  it('maps the radicals a PDF font writes for ideographs, from the supplement too (⺠ 民, ⻔ 门, ⼈ 人)', () => {
    expect(normalizeText('淮安市洪泽区⼈⺠政府⻔户⽹站')).toBe('淮安市洪泽区人民政府门户网站');
  });
  it('leaves a text as it is only when no replacement would change it (every code unit)', () => {
    const slow = (raw: string): string =>
      raw
        .replace(/^\uFEFF/, '')
        .replace(/\r\n?/g, '\n')
        .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
        .replace(/[\u200B-\u200D\u2060]/g, '')
        .replace(/[\u2010-\u2012\u2212\uFE63]/g, '-')
        .replace(/[\uFF02-\uFF07\uFF0A\uFF0B\uFF0D-\uFF19\uFF1C-\uFF1E\uFF20-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
        .replace(/[\u2E80-\u2EFF\u2F00-\u2FDF]/g, radicalIdeograph);
    for (let c = 0; c < 0x10000; c++) {
      const text = `a${String.fromCharCode(c)}本`;
      expect(normalizeText(text)).toBe(slow(text));
    }
  });
});

describe('printsDigit', () => {
  it('agrees with /\\d/ of the NFKC form for every code point of the BMP, alone and on a line of ideographs', () => {
    const disagree: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      for (const text of [ch, `本年${ch}新收`]) if (printsDigit(text) !== /\d/.test(text.normalize('NFKC'))) disagree.push(c.toString(16));
    }
    expect(disagree).toEqual([]);
    expect([printsDigit('自然人 法人或其他组织'), printsDigit('结果维持 ３'), printsDigit('③'), printsDigit('㏠'), printsDigit('0 0 1')]).toEqual([false, true, true, true, true]);
  });
});

describe('spaces a PDF’s text sets around a CJK radical', () => {
  it('drops the single spaces around a radical between CJK text, and maps the radical to its ideograph', () => {
    // (pdf.js's text items part at a font's radicals: officeparser's text of a Chromium PDF)
    expect(normalizeText('中国（福建） ⾃ 由贸易试验区平潭 ⽚ 区管理')).toBe('中国（福建）自由贸易试验区平潭片区管理');
    expect(normalizeText('本部 ⻔ 相关情况 ⾃ ⾝ ⼯ 作')).toBe('本部门相关情况自身工作');
    // (a radical opening a line: `⼴ 西壮族…`, a wrapped title's first line)
    expect(normalizeText('⼴ 西壮族自治区南宁市\n⼴ 西')).toBe('广西壮族自治区南宁市\n广西');
  });
  it('keeps spaces next to digits and runs of spaces (a layout text’s cell borders)', () => {
    expect(normalizeText('从 2023 年 1 ⽉ 1 ⽇')).toBe('从 2023 年 1 月 1 日');
    expect(normalizeText('⾏政处罚              0')).toBe('行政处罚              0');
    expect(normalizeText('规章  ⾏政许可')).toBe('规章  行政许可');
    // (a radical spaced on one side only inside a line: cells one space apart, `⾏政复议 ⾏政诉讼`)
    expect(normalizeText('⾏政复议 ⾏政诉讼')).toBe('行政复议 行政诉讼');
    expect(normalizeText('⼀ 、总体情况')).toBe('一、总体情况');
    expect(normalizeText('⼈ 3')).toBe('人 3');
  });
});
