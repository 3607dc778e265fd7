import { describe, expect, test } from 'vitest';
import { garbledText, GARBLED_LETTERS } from '../../src/parser/garbled.ts';
import { parseReport } from '../../src/parser/index.ts';

describe('garbled text (a font mapped to other characters)', () => {
  test('finds accented Latin letters inside Chinese words, with the first one\'s line and a sample without control characters', () => {
    const text = `标题\n${'ÿ一Ā\u0080予以公开，'.repeat(5)}\n`;
    expect(garbledText(text)).toEqual({ letters: 10, line: 2, sample: expect.stringContaining('ÿ一Ā予以公开') });
  });

  test('leaves a text with a stray letter or two, or accented letters in Latin words, alone', () => {
    expect(garbledText(`2023年工作报告ÿ，其余正常。${'Píngtán Zōnghé '.repeat(20)}`)).toBeNull();
    expect(garbledText('一、本年新收政府信息公开申请数量 3 × 2 ÷ 1')).toBeNull();
  });

  test(`reads nothing from a garbled text and says why (${GARBLED_LETTERS} letters or more)`, () => {
    const rec = parseReport(`平潭综合实验区2023年政府信息公开工作年度报告\n${'ÿ一Ā予以公开 4 4 4\n'.repeat(10)}`, { file: 'x.txt' });
    expect(rec.agency.name).toBeNull();
    expect(rec.year).toBeNull();
    expect(rec.findings.map((f) => f.code)).toEqual(['TEXT_GARBLED']);
    expect(rec.findings[0]!.line).toBe(2);
    expect(rec.source.lines).toBe(12);
  });
});
