/** A 序号 column before the labels (serials.ts): its numbers counting up through the tables are no cells. */
import { describe, expect, test } from 'vitest';
import { dropSerials } from '../../src/parser/serials.ts';
import { tokenize, type Token } from '../../src/parser/tokens.ts';

const tokens = (...lines: string[]): Token[] => tokenize(lines, 0, lines.length);
const texts = (list: readonly Token[]): string[] => list.map((t) => t.text);

describe('a 序号 column', () => {
  test('drops the numbers before the labels that count up by one, line by line', () => {
    const lines = ['1 规章', '0', '0', '0', '2 行政规范性文件', '58', '45', '546', '3', '第二十条第（五）项', '4 信息内容', '5 行政许可', '1291', '6', '7 信息内容', '8 行政处罚', '31'];
    const [out] = dropSerials([tokens(...lines)]).lists;
    expect(texts(out!)).toEqual(['规章', '0', '0', '0', '行政规范性文件', '58', '45', '546', '第二十条第（五）项', '信息内容', '行政许可', '1291', '信息内容', '行政处罚', '31']);
  });

  test("cuts a serial glued onto the previous row's values in a one-line crawl", () => {
    const crawl =
      '情况1第二十条第（一）项2信息内容本年制发件数3规章0004行政规范性文件0005第二十条第（五）项6信息内容7行政许可08第二十条第（六）项9信息内容10行政处罚011行政强制012第二十条第（八）项13信息内容14行政事业性收费015第二十条第（九）项16信息内容17政府集中采购0018三、收到和处理';
    const [out] = dropSerials([tokens(crawl)]).lists;
    expect(out!.filter((t) => t.kind === 'num').map((t) => t.text)).toEqual(['000', '000', '0', '0', '0', '0', '00']);
    expect(out!.find((t) => t.text === '000')!.value).toBe(0);
  });

  test('takes a whole number for a serial before the end of another (19, then 9 on its own line)', () => {
    const lines = ['6 信息内容', '7 行政许可', '0', '8 其他对外管理服务事项', '19', '9', '第二十条第（六）项', '10 信息内容', '11 行政处罚', '12 行政强制', '13'];
    const [out] = dropSerials([tokens(...lines)]).lists;
    expect(out!.filter((t) => t.kind === 'num').map((t) => t.text)).toEqual(['0', '19']);
  });

  test('drops two chains that reading order parts by many tokens, across the tables', () => {
    const first = ['1 规章', '2 行政许可', '3 行政处罚', '4 信息内容', '5 行政强制', '6 信息内容', '7 行政事业性收费', '8 信息内容'];
    const between = Array.from({ length: 14 }, () => '100');
    const second = ['9 一、本年新收', '10 二、上年结转', '11 （一）予以公开', '12 （二）部分公开', '13 1.属于国家秘密', '14 2.其他法律', '15 3.危及', '16 4.保护'];
    const { lists: [a, b], runs } = dropSerials([tokens(...first, ...between), tokens(...second)]);
    expect(runs.map((r) => [r.first, r.last])).toEqual([[1, 8], [9, 16]]);
    expect(a!.filter((t) => t.kind === 'num').map((t) => t.text)).toEqual(between);
    expect(b!.some((t) => t.kind === 'num')).toBe(false);
  });

  test("leaves eight values' last digits that count up in a crawl as they are: a column cut from other numbers numbers a whole table", () => {
    // (表三 of a synthetic report's crawl: 11, 2 … 13, 316 … 364, 15 … 16, 47 … 52 end in 1 … 8 within a dozen runs)
    const crawl =
      '一、本年新收政府信息公开申请数量452 43 0 5 30 0 530二、上年结转政府信息公开申请数量11900000119三、本年度办理结果（一）予以公开0000000（二）部分公开（区分处理的，只计这一情形，不计其他情形）22 1 0 0 1 0 24（三）不予公开1.属于国家秘密50000052.其他法律行政法规禁止公开11 0 0 0 1 0 123.危及“三安全一稳定”20000024.保护第三方合法权益16 2 0 1 2 0 215.属于三类内部事务信息1400020166.属于四类过程性信息2910040347.属于行政执法案卷51000068.属于行政查询事项11 0 0 0 2 0 13（四）无法提供1.本机关不掌握相关政府信息316 28 0 3 17 0 3642.没有现成信息需要另行制作15 1 0 0 0 0 163.补正后申请内容仍不明确0000000（五）不予处理1.信访举报投诉类申请00000002.重复申请47 4 0 0 1 0 523.要求提供公开出版物00000004.无正当理由大量反复申请60000065.要求行政机关确认或重新出具已获取信息162000018（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请28 2 0 0 0 0 302.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请10000013.其他271000028（七）总计571 43 0 4 30 0 648四、结转下年度继续办理0001001';
    const list = tokens(crawl);
    const { lists, runs } = dropSerials([list]);
    expect(runs).toEqual([]);
    expect(lists[0]).toBe(list);
  });

  test('leaves numbers that count up over fewer lines than a column takes as they are', () => {
    const list = tokens('1 规章', '2 行政许可', '3 行政处罚', '4 行政强制', '5 行政事业性收费', '6 政府集中采购', '7 其他');
    expect(dropSerials([list]).lists[0]).toBe(list);
    expect(dropSerials([list]).runs).toEqual([]);
  });

  test('takes out at most six runs, however many a text holds (three tables, each parted in two at most)', () => {
    const lines = Array.from({ length: 400 }, (_, k) => `${(k % 10) + 1} 行政许可 ${k}`);
    const { runs } = dropSerials([tokens(...lines)]);
    expect(runs.length).toBe(6);
    for (const r of runs) expect(r.last - r.first + 1).toBeGreaterThanOrEqual(8);
  });
});
