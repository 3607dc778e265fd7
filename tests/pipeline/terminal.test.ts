import { describe, expect, test } from 'vitest';
import { terminalSafe } from '../../src/pipeline/terminal.ts';

describe('terminalSafe', () => {
  test('turns an ESC sequence that would retitle and recolour the terminal into visible text', () => {
    expect(terminalSafe('\u001b]0;pwned\u0007\u001b[31m红区')).toBe('\\x1b]0;pwned\\x07\\x1b[31m红区');
  });
  test('keeps a forged build-report line on the same line', () => {
    expect(terminalSafe('bad/evil\nbuild-data: 0 errors.txt')).toBe('bad/evil\\nbuild-data: 0 errors.txt');
  });
  test('shows bidi overrides and C1 controls instead of obeying them', () => {
    expect(terminalSafe('甲\u202e区\u2066乙\u009b')).toBe('甲\\u202e区\\u2066乙\\x9b');
  });
  test('leaves Chinese text, punctuation and spaces untouched', () => {
    const line = '偃师区卫生健康委员会      2024  2021版  cells 200/200  （表三）“引号”';
    expect(terminalSafe(line)).toBe(line);
  });
});
