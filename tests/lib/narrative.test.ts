import { describe, expect, test } from 'vitest';
import { capNarrative, hasWords, isProse, listingSegments, narrative, sourceLines } from '../../src/lib/narrative.ts';
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

describe('listingSegments and capNarrative (runaway files)', () => {
  test('a normal source is one segment holding every line', () => {
    const lines = ['标题', '', '正文。'];
    expect(listingSegments(lines, new Set())).toEqual({ segments: [{ start: 1, lines, cut: [0, 0, 0] }], omitted: 0 });
  });

  test('beyond the budget only the linked lines are kept, in runs of consecutive lines', () => {
    const lines = Array.from({ length: 10 }, (_, i) => `line ${i + 1}`); // 7 characters + newline each
    const { segments, omitted } = listingSegments(lines, new Set([6, 7, 10]), 8 * 3);
    expect(segments).toEqual([
      { start: 1, lines: ['line 1', 'line 2', 'line 3'], cut: [0, 0, 0] },
      { start: 6, lines: ['line 6', 'line 7'], cut: [0, 0] },
      { start: 10, lines: ['line 10'], cut: [0] },
    ]);
    expect(omitted).toBe(4);
  });

  test('a one-line runaway file lists its linked line only up to the line budget, and says how much is left', () => {
    const line = '甲'.repeat(10 * 1024 * 1024);
    const { segments } = listingSegments([line], new Set([1]));
    expect(segments).toHaveLength(1);
    expect(segments[0]!.lines[0]).toHaveLength(20_000);
    expect(segments[0]!.cut).toEqual([line.length - 20_000]);
  });

  test('capNarrative keeps paragraphs up to the budget and counts the rest', () => {
    const blocks = [
      { key: 'overview' as const, heading: '一', line: 1, paragraphs: ['甲'.repeat(5), '乙'.repeat(5)] },
      { key: 'other' as const, heading: '六', line: 9, paragraphs: ['丙'.repeat(5)] },
    ];
    expect(capNarrative(blocks, 100)).toEqual({ blocks, omitted: 0 });
    const cut = capNarrative(blocks, 7);
    expect(cut.omitted).toBe(2);
    expect(cut.blocks.map((b) => b.paragraphs)).toEqual([['甲甲甲甲甲'], []]);
  });
});
