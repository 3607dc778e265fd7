import { describe, expect, test } from 'vitest';
import { indexKeys, interleavedKeys, labelKey, lastNamed, scoreAll } from '../../src/parser/labels.ts';
import { TEMPLATES } from '../../src/parser/template.ts';

const rows = TEMPLATES['2021'].requests.rows;
const keys = rows.map((r) => labelKey(r.label));
const index = indexKeys(keys);
const scoreOf = (scores: ArrayLike<number>, id: string): number => scores[rows.findIndex((r) => r.id === id)]!;

describe('row labels', () => {
  test('a label whose quotes print apart from their words names its row in full', () => {
    const scores = scoreAll('3.危“及三安全一稳”定', index);
    expect(scoreOf(scores, 'denied.threeSecurityOneStability')).toBe(1);
  });

  test('of several rows a label names in full, the one named last scores highest', () => {
    const label = '二、上年结转政府信息公开申请数量三、本年度办理结果（一）予以公开';
    const scores = lastNamed(label, keys, scoreAll(label, index));
    expect(scoreOf(scores, 'granted')).toBe(1);
    expect(scoreOf(scores, 'carriedOver')).toBeLessThan(1);
    expect(scoreOf(scores, 'carriedOver')).toBeGreaterThan(0.9);
  });

  test('a label naming one row in full keeps its scores as they are', () => {
    const label = '（一）予以公开';
    const scores = scoreAll(label, index);
    expect(lastNamed(label, keys, scores)).toBe(scores);
  });
});

describe('two labels interleaved character by character', () => {
  test('tells 行政处罚 and 行政强制 merged into one line by a PDF-to-markdown converter', () => {
    expect(interleavedKeys('行 行政政处强罚制 (^', '行政处罚', '行政强制')).toBe(true);
    expect(interleavedKeys('行 行政政处强罚制', '行政强制', '行政处罚')).toBe(true);
  });
  test('a label printed whole, or one whose other characters are no second label, is not interleaved', () => {
    expect(interleavedKeys('行政处罚', '行政处罚', '行政强制')).toBe(false);
    expect(interleavedKeys('行政处理罚', '行政处罚', '行政强制')).toBe(false);
    // (a wrapped label's characters in order with a stray character among them leave no second key)
    expect(interleavedKeys('行政许x可', '行政许可', '行政强制')).toBe(false);
  });
});
