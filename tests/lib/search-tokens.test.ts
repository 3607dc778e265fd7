import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { nameQuery, queryTerms, spell, termWords, textQuery, textTokens, unspell, wholeWord } from '../../src/lib/search-tokens.ts';

const words = (text: string): string[] => textTokens(text).map(unspell);

describe('index words', () => {
  test('a Han run is its overlapping pairs; other runs are words of their own, lower-cased', () => {
    expect(words('行政许可')).toEqual(['行政', '政许', '许可']);
    expect(words('全年公开174条，APP上线')).toEqual(['全年', '年公', '公开', '174', 'app', '上线']);
    expect(words('第12345号')).toEqual(['12345']);
  });

  test('a lone Han character between punctuation is left out (it would answer a missing pair)', () => {
    expect(words('（一）主动公开')).toEqual(['主动', '动公', '公开']);
    expect(words('我、你')).toEqual([]);
  });

  test('Han characters never join a run of digits or Latin letters', () => {
    expect(words('2023年度')).toEqual(['2023', '年度']);
    expect(words('http://www.pingtan.gov.cn平潭')).toEqual(['http', 'www', 'pingtan', 'gov', 'cn', '平潭']);
  });

  test('spellings are ASCII letters and digits that no segmenter cuts, and keep prefixes', () => {
    for (const w of ['行政', '平潭综合实验区', '2023', 'app', '𠀋𠀋']) {
      expect(spell(w)).toMatch(/^[a-z0-9]+$/);
      expect(unspell(spell(w))).toBe(w.toLowerCase());
    }
    expect(spell('行政').startsWith(spell('行'))).toBe(true);
    expect(spell('平潭综合实验区').startsWith(spell('平潭'))).toBe(true);
    // Han and other words never share a prefix.
    expect(spell('2023')[0]).not.toBe(spell('年度')[0]);
  });

  test('any Han text of two or more characters: its own pairs are among the pairs of a text holding it', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'行政许可公开平潭综合实验区依申请，。 '), minLength: 0, maxLength: 40 }), fc.nat(40), fc.integer({ min: 2, max: 8 }), (text, at, len) => {
        const han = [...text.replace(/[，。 ]/g, '')];
        const term = han.slice(at % Math.max(1, han.length), (at % Math.max(1, han.length)) + len).join('');
        fc.pre([...term].length >= 2);
        const indexed = new Set(textTokens(han.join('')));
        for (const w of termWords(term)) expect(indexed.has(spell(w))).toBe(true);
      }),
    );
  });
});

describe('query', () => {
  test('terms are separated by white space, punctuation dropped, each kept whole, repeats once', () => {
    expect(queryTerms('  行政许可   依申请公开 ')).toEqual(['行政许可', '依申请公开']);
    expect(queryTerms('“平潭”，')).toEqual(['平潭']);
    expect(queryTerms('行政许可 行政许可')).toEqual(['行政许可']);
    expect(queryTerms('APP')).toEqual(['app']);
    expect(queryTerms(' ，。 ')).toEqual([]);
  });

  test('a term is looked up by pairs that cover it, at half the lookups of all pairs', () => {
    expect(termWords('平')).toEqual(['平']);
    expect(termWords('平潭')).toEqual(['平潭']);
    expect(termWords('行政许可')).toEqual(['行政', '许可']);
    expect(termWords('依申请公开')).toEqual(['依申', '请公', '公开']);
    expect(termWords('2023年度')).toEqual(['2023', '年度']);
  });

  test('the text query spells every term’s words once; the name query is the whole terms, for a long Han term only', () => {
    expect(textQuery(['行政许可', '许可']).split(' ').map(unspell)).toEqual(['行政', '许可']);
    expect(nameQuery(['平潭'])).toBeNull();
    expect(nameQuery(['app'])).toBeNull();
    expect(nameQuery(['平潭综合实验区'])).toBe(spell('平潭综合实验区'));
    expect(wholeWord('平潭综合实验区（筹）')).toBe('平潭综合实验区筹');
  });
});
