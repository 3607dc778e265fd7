/** 表四's first column printed inside 表三 by reading order (reviewFirstColumnMoved). */
import { describe, expect, test } from 'vitest';
import { reviewFirstColumnMoved } from '../../src/parser/tables/review-moved-column.ts';
import { tokenize } from '../../src/parser/tokens.ts';

const requests = (extra: string[]): string[] => ['3.其他', '1 0 0 0 0 0 1', ...extra, '（七）总计', '63 0 0 2 0 4 69', '四、结转下年度继续办理', '1 0 0 0 0 0 1'];
const review = ['行政复议', '结果纠正 其他结果 尚未审结 总计', '0 2 0 3 12 0 0 0 12 0 0 0 0 0'];
const run = (extra: string[], reviewLines = review, taken: (line: number) => boolean = () => false) => {
  const r = requests(extra);
  return reviewFirstColumnMoved(tokenize(r, 0, r.length), tokenize(reviewLines, 0, reviewLines.length), taken);
};
const values = (tokens: readonly { kind: string; value?: number | undefined }[]) => tokens.filter((t) => t.kind !== 'text').map((t) => t.value);

describe('表四\'s first column printed among 表三\'s rows', () => {
  test('goes back in front of 表四\'s fourteen values where every group then adds up', () => {
    const got = run(['结', '果', '维', '持', '1']);
    expect(got).not.toBeNull();
    expect(values(got!.tokens)).toEqual([1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]);
    expect(got!.note.line).toBe(7);
  });

  test('stays where it is when a group would not add up with it', () => {
    expect(run(['结', '果', '维', '持', '2'])).toBeNull();
  });

  test('stays where it is when 表三 read a cell from its line', () => {
    expect(run(['结', '果', '维', '持', '1'], review, (line) => line === 7)).toBeNull();
  });

  test('is not looked for when 表四 prints all its fifteen values, or when the words come twice', () => {
    expect(run(['结', '果', '维', '持', '1'], ['行政复议', '1 0 2 0 3 12 0 0 0 12 0 0 0 0 0'])).toBeNull();
    expect(run(['结', '果', '维', '持', '1', '结果维持', '1'])).toBeNull();
  });
});
