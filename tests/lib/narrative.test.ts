import { describe, expect, test } from 'vitest';
import { hasWords, isProse, narrative, sourceLines } from '../../src/lib/narrative.ts';
import { makeRecord } from './helpers.ts';

describe('narrative', () => {
  test('drops pure number runs, which are table cells', () => {
    expect(hasWords('0\t0\t0\t0')).toBe(false);
    expect(hasWords('2,073 | 11')).toBe(false);
    expect(hasWords('行政许可\t1130')).toBe(true);
  });

  test('recognises a sentence as prose and a table label as not', () => {
    expect(isProse('2023年，市卫生健康委严格审查，主动公开111份文件。')).toBe(true);
    expect(isProse('本年新制作数量')).toBe(false);
  });

  test('keeps the prose of each part and leaves table grids out of the table parts', () => {
    const record = makeRecord({
      sections: [
        { key: 'overview', heading: '一、总体情况', text: '一、总体情况\n2020年，主动公开信息2073条。\n\n', line: 5 },
        { key: 'proactive', heading: '二、主动公开政府信息情况', text: '二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n0\n全年共制发规范性文件2件，均已公开。', line: 20 },
      ],
    });
    expect(narrative(record, [])).toEqual([
      { key: 'overview', heading: '一、总体情况', line: 5, paragraphs: ['2020年，主动公开信息2073条。'] },
      { key: 'proactive', heading: '二、主动公开政府信息情况', line: 20, paragraphs: ['全年共制发规范性文件2件，均已公开。'] },
    ]);
  });

  test('falls back to the worded source lines when the parser found no sections', () => {
    const blocks = narrative(makeRecord(), ['标题', '', '0 0 0', '正文一句。']);
    expect(blocks).toEqual([{ key: 'preamble', heading: '报告正文（未能分节）', line: null, paragraphs: ['标题', '正文一句。'] }]);
    expect(narrative(makeRecord(), ['', '1 2'])).toEqual([]);
  });
});

describe('sourceLines', () => {
  test('numbers lines the way the parser does, whatever the line ends', () => {
    expect(sourceLines('\uFEFFa\r\nb\rc\nd')).toEqual(['a', 'b', 'c', 'd']);
    expect(sourceLines('a\n')).toEqual(['a', '']);
  });
});
