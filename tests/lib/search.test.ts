import { describe, expect, test } from 'vitest';
import { nameKeywords } from '../../src/lib/search.ts';

describe('nameKeywords', () => {
  test('lists the name and every two- to four-character piece of it', () => {
    const words = nameKeywords(['聊城市卫健委']).split(' ');
    expect(words).toContain('聊城市卫健委');
    expect(words).toContain('聊城');
    expect(words).toContain('聊城市');
    expect(words).toContain('卫健委');
    expect(words).not.toContain('聊');
  });

  test('skips missing names, non-Han text and duplicates', () => {
    expect(nameKeywords([null, undefined, 'ABC', '山东', '山东'])).toBe('山东');
  });
});
