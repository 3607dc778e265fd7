/** 表四's last values printed after the next part's heading, before its words (reviewContinued). */
import { describe, expect, test } from 'vitest';
import { reviewContinued } from '../../src/parser/tables/review-continued.ts';
import { tokenize } from '../../src/parser/tokens.ts';

const tokens = (lines: string[]) => tokenize(lines, 0, lines.length);
const header = ['行政复议 行政诉讼', '结果维持 结果纠正 其他结果 尚未审结 总计'];
const heading = '五、存在的主要问题及改进情况';
const prose = '2025年，我县政府信息公开工作取得一定成效。';
const run = (review: string[], next: string[]) => reviewContinued(tokens([...header, ...review]), () => tokens(next), heading);
const values = (got: ReturnType<typeof run>) => got!.tokens.filter((t) => t.kind !== 'text').map((t) => t.value);

describe('表四\'s values continued after the next part\'s heading', () => {
  test('go back after 表四\'s first values where every group then adds up', () => {
    const got = run(['27 10', '9', '15 61 3', '0'], ['0', '0 3 8', '0', '1', '1 10', prose]);
    expect(got).not.toBeNull();
    expect(values(got)).toEqual([27, 10, 9, 15, 61, 3, 0, 0, 0, 3, 8, 0, 1, 1, 10]);
    expect(got!.note.message).toContain('其余 8 个（0 0 3 8 0 1 1 10）');
  });

  test('stay where they are when a group would not add up with them', () => {
    expect(run(['27 10', '9', '15 61 3', '0'], ['0', '0 3 8', '0', '1', '1 11', prose])).toBeNull();
  });

  test('stay where they are when they are not exactly the cells 表四 lacks, or no words follow them', () => {
    expect(run(['27 10', '9', '15 61 3', '0'], ['0', '0 3 8', '0', '1', '1 10', '0', prose])).toBeNull();
    expect(run(['27 10', '9', '15 61 3', '0'], ['0', '0 3 8', '0', '1', '1 10'])).toBeNull();
  });

  test('are not looked for when 表四 prints all its cells or none', () => {
    let asked = 0;
    const full = reviewContinued(tokens([...header, '0 0 0 0 0 0 0 0 0 0 0 0 0 0 0']), () => (asked++, tokens(['0', prose])), heading);
    expect(full).toBeNull();
    expect(run([], ['0 0 0 0 0 0 0 0 0 0 0 0 0 0 0', prose])).toBeNull();
    expect(asked).toBe(0);
  });

  test('stay where they are when the two pieces the other way round add up to other numbers', () => {
    // (5 5 0 0 10 | 0 … and 0 0 0 0 0 | 5 5 0 0 10 …: both orders hold, with different cells)
    expect(run(['5 5 0 0 10'], ['0 0 0 0 0 0 0 0 0 0', prose])).toBeNull();
  });
});
