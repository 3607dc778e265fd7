import { describe, expect, it } from 'vitest';
import { tokenize, tokenizeRange } from '../../src/parser/tokens.ts';

/** The tokens of every line, as `line:kind:text`. */
function tokens(lines: string[]): string[] {
  const starts: number[] = [];
  let at = 0;
  for (const l of lines) {
    starts.push(at);
    at += l.length + 1;
  }
  return tokenizeRange(lines, starts, 0, at - 1).map((t) => `${t.line}:${t.kind}:${t.text}`);
}

describe('markdown pipe tables', () => {
  it("reads no placeholder cell in a delimiter row whose narrow columns are '-' or '--' and whose empty one is blank", () => {
    const out = tokens(['| 行政复议 | 行政诉讼 |   |  |', '| ---- | -- | - |  |', '| 1 | 1 |   | 2 |']);
    expect(out.filter((t) => t.startsWith('2:'))).toEqual([]);
  });

  it("keeps a padded flattened grid's blank cells up to the row's width, and none of the padding after them", () => {
    const out = tokens([
      '| 一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 |   |  |',
      '| 三、本年度办理结果 | （一）予以公开 | 1 | 0 | 0 | 0 | 0 | 0 |  |',
      '| （二）部分公开 | 0 | 0 | 0 | 0 | 0 | 0 |   |  |',
      '| （三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 |  |',
    ]);
    for (const line of [1, 2, 3, 4]) {
      const row = out.filter((t) => t.startsWith(`${line}:`) && !t.includes(':text:'));
      expect(row).toHaveLength(7);
      expect(row[6]).toBe(`${line}:null:`);
    }
  });
});

describe('a percent sign between digits', () => {
  it('is one unreadable value kept as printed, where a percentage after a number stays text', () => {
    const garbled = tokenize(['一、本年新收政府信 9%5 0 95'], 0, 1);
    expect(garbled.map((t) => [t.kind, t.text, t.problem ?? null])).toEqual([
      ['text', '一、本年新收政府信', null],
      ['null', '9%5', 'garbled'],
      ['num', '0', null],
      ['num', '95', null],
    ]);
    expect(tokenize(['同比增长9%，共 5 件'], 0, 1).filter((t) => t.kind !== 'text').map((t) => t.text)).toEqual(['5件']);
  });
});

describe('a decimal point with no digit before it', () => {
  it('keeps `.5` and the `.5` of `12..5` as printed, unreadable, never 5; `12.` before a second point numbers no label', () => {
    const lone = tokenize(['行政事业性收费\t.5'], 0, 1).filter((t) => t.kind !== 'text');
    expect(lone).toMatchObject([{ kind: 'null', text: '.5', problem: 'point' }]);
    const twice = tokenize(['行政事业性收费\t12..5'], 0, 1).filter((t) => t.kind !== 'text');
    expect(twice.map((t) => [t.kind, t.text, t.problem])).toEqual([['num', '12', undefined], ['null', '.5', 'point']]);
    // (a decimal number and an enumerator before a label are read as before)
    expect(tokenize(['收费\t0.5 2.其他'], 0, 1).filter((t) => t.kind === 'num').map((t) => t.text)).toEqual(['0.5']);
  });
});

describe('numbers printed in pieces', () => {
  it('joins digits after a decimal point that follows a stray space to the number before them', () => {
    const out = tokens(['政府集中 采购101480 .8758']);
    expect(out.filter((t) => t.includes(':num:'))).toEqual(['1:num:101480.8758']);
  });

  it('keeps two numbers apart when no decimal point stands between them', () => {
    const out = tokens(['政府集中采购10 1480.8758']);
    expect(out.filter((t) => t.includes(':num:'))).toEqual(['1:num:10', '1:num:1480.8758']);
  });
});

describe('markdown from a PDF-to-markdown converter', () => {
  it('reads an enumerator whose point a space sets apart from its digit as the label’s, not a value', () => {
    expect(tokens(['5 .属于三类内部事务信息 3 3'])).toEqual(['1:text:5.属于三类内部事务信息', '1:num:3', '1:num:3']);
    // (a decimal point after a space still joins digits: `1480 .8758`; a point before no ideograph opens no label)
    expect(tokens(['1 2 .5']).filter((t) => t.includes(':num:'))).toEqual(['1:num:1', '1:num:2.5']);
  });
  it('takes a heading mark opening a line for no word of a label', () => {
    expect(tokens(['### 5.属于三类内部事务信', '', '### 息', '', '### 3 3'])).toEqual(['1:text:5.属于三类内部事务信', '3:text:息', '5:num:3', '5:num:3']);
  });
});

describe('numbers broken around a decimal point set apart', () => {
  it('reads the number before a point with a space after it and the digits after as one unreadable value', () => {
    // officeparser's text of a Writer PDF: 4166.241619 printed `4 166 . 2 4 161 9`
    expect(tokens(['行政事业性收费 4 166 . 2 4 161 9'])).toEqual(['1:text:行政事业性收费', '1:num:4', '1:null:166 . 2', '1:num:4', '1:num:161', '1:num:9']);
    // (a point right before the digits joins them: `101480 .8758`)
    expect(tokens(['政府集中采购 101480 .8758']).filter((t) => t.includes(':num:'))).toEqual(['1:num:101480.8758']);
  });
  it('reads an enumerator set apart on both sides of its point as the label’s', () => {
    expect(tokens(['1 . 本机关不掌握相关政府信息 31 31'])).toEqual(['1:text:1.本机关不掌握相关政府信息', '1:num:31', '1:num:31']);
  });
});
