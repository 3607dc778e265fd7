import { describe, expect, test } from 'vitest';
import { isSlug, isUnidentifiedSlug, nameKey, pinyinSlug, unidentifiedSlug } from '../../src/lib/slug.ts';

describe('pinyinSlug', () => {
  test('turns an agency name into toneless pinyin syllables joined by hyphens', () => {
    expect(pinyinSlug('聊城市卫生健康委员会')).toBe('liao-cheng-shi-wei-sheng-jian-kang-wei-yuan-hui');
  });

  test('writes ü as v so the slug stays ASCII', () => {
    expect(pinyinSlug('绿化局')).toBe('lv-hua-ju');
  });

  test('keeps Latin letters and digits as lowercase runs', () => {
    expect(pinyinSlug('A区2号')).toBe('a-qu-2-hao');
  });

  test('ignores whitespace and full-width forms in the name', () => {
    expect(pinyinSlug(' 偃师区 卫生健康委员会 ')).toBe(pinyinSlug('偃师区卫生健康委员会'));
  });

  test('drops punctuation instead of leaving stray hyphens', () => {
    expect(pinyinSlug('（度假区）卫计局')).toBe('du-jia-qu-wei-ji-ju');
  });

  test('always produces a well-formed slug or the empty string', () => {
    for (const name of ['石嘴山市卫生健康委员会', '单县', '长寿区', '——', '']) {
      const slug = pinyinSlug(name);
      expect(slug === '' || isSlug(slug)).toBe(true);
    }
  });

  test('is pure: the same name gives the same slug', () => {
    expect(pinyinSlug('杭州市上城区卫生健康局')).toBe(pinyinSlug('杭州市上城区卫生健康局'));
  });
});

describe('unidentified slugs', () => {
  test('use the first eight hex digits of the sha256', () => {
    expect(unidentifiedSlug('D7E31F0DFDFF8FAD0000')).toBe('unidentified-d7e31f0d');
    expect(isUnidentifiedSlug('unidentified-d7e31f0d')).toBe(true);
    expect(isSlug(unidentifiedSlug('d7e31f0dfdff8fad'))).toBe(true);
  });
});

describe('nameKey', () => {
  test('folds full-width characters and spaces so variants of a name match', () => {
    expect(nameKey('聊城市 卫生健康委员会（市）')).toBe(nameKey('聊城市卫生健康委员会(市)'));
  });
});
