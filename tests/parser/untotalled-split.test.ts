/**
 * 表三 with its 总计 column blank on every row, as pdftotext's reading order prints it: each row's first five cells
 * beside its label, the 其他 column after the table under the header's 其他 and 总计 words (readUntotalledSplit).
 */
import { describe, expect, test } from 'vitest';
import { TEMPLATES } from '../../src/schema/template.ts';
import { readUntotalledSplit } from '../../src/parser/tables/column-major.ts';
import { tokenize } from '../../src/parser/tokens.ts';

const ROWS = TEMPLATES['2021'].requests.rows;
const at = (id: string): number => ROWS.findIndex((r) => r.id === id);

/** Six applicant cells a row: 5 natural persons received and granted, 2 commercial carried forward, 1 其他 not held. */
function sixes(): number[][] {
  const rows = ROWS.map(() => [0, 0, 0, 0, 0, 0]);
  const add = (id: string, col: number, v: number): void => void (rows[at(id)]![col]! += v);
  add('newReceived', 0, 5);
  add('newReceived', 1, 2);
  add('newReceived', 5, 1);
  add('granted', 0, 5);
  add('unavailable.notHeld', 5, 1);
  add('total', 0, 5);
  add('total', 5, 1);
  add('carriedForward', 1, 2);
  return rows;
}

function read(rows: number[][], afterLines: string[]) {
  const table = ROWS.map((r, i) => `${r.label.split(' / ').pop()} ${rows[i]!.slice(0, 5).join(' ')}`);
  return readUntotalledSplit(tokenize(table, 0, table.length), tokenize(afterLines, 0, afterLines.length), '2021');
}

const after = (other: number[], more: string[] = []): string[] => ['四、政府信息公开行政复议、行政诉讼情况', '其 总', '他 计', ...other.map(String), '行政复议', ...more];

describe('an untotalled 表三 with its 其他 column printed after the table', () => {
  test('is read as six applicant cells a row, the 其他 column from after the table', () => {
    const rows = sixes();
    const got = read(rows, after(rows.map((r) => r[5]!)));
    expect(got).not.toBeNull();
    expect(got!.rows.map((r) => r.values.map((t) => t.value))).toEqual(rows);
    expect(got!.used.size).toBe(ROWS.length);
  });

  test('reads only the first five columns when every row is zeros: the column after the table may be 其他 or 总计', () => {
    const rows = ROWS.map(() => [0, 0, 0, 0, 0, 0]);
    const got = read(rows, after(rows.map((r) => r[5]!)));
    expect(got!.sixthUnsure).toBe(true);
    expect(got!.rows.map((r) => r.values.map((t) => t.value))).toEqual(rows.map((r) => r.slice(0, 5)));
    // (the column is taken from 表四 all the same: it is 表三's, whichever of the two it is)
    expect(got!.used.size).toBe(ROWS.length);
  });

  test("reads only the first five columns when a row's sixth number is the sum of its five (a 总计 beside a blank 其他)", () => {
    const rows = sixes();
    rows[at('granted')]![5] = 5; // 5 0 0 0 0 | 5
    const got = read(rows, after(rows.map((r) => r[5]!)));
    expect(got!.sixthUnsure).toBe(true);
    expect(got!.rows.map((r) => r.values.map((t) => t.value))).toEqual(rows.map((r) => r.slice(0, 5)));
  });

  test("is not read at all when a row's sixth number is the sum of its five and the five columns' identities fail", () => {
    const rows = sixes();
    rows[at('granted')]![5] = 5;
    rows[at('granted')]![0] = 4; // 新收 + 结转 ≠ 办理结果 + 结转下年 in 自然人 now
    rows[at('granted')]![1] = 1;
    expect(read(rows, after(rows.map((r) => r[5]!)))).toBeNull();
  });

  test('is not read when another column of as many values follows (a totalled table: 其他 and 总计 as blocks)', () => {
    const rows = sixes();
    const totals = rows.map((r) => r.reduce((a, b) => a + b, 0));
    expect(read(rows, after(rows.map((r) => r[5]!), ['总计', ...totals.map(String)]))).toBeNull();
  });

  test('is not read when the column identities fail for the six columns', () => {
    const rows = sixes();
    const other = rows.map((r) => r[5]!);
    other[at('granted')] = 3;
    expect(read(rows, after(other))).toBeNull();
  });

  test('is read from the table\'s own last run when the 其他 column comes before the next part\'s heading', () => {
    const rows = sixes();
    const table = [...ROWS.map((r, i) => `${r.label.split(' / ').pop()} ${rows[i]!.slice(0, 5).join(' ')}`), '其 总', '他 计', ...rows.map((r) => String(r[5]))];
    const after = ['四、政府信息公开行政复议、行政诉讼情况', '行政复议', '0', '0'];
    const got = readUntotalledSplit(tokenize(table, 0, table.length), tokenize(after, 0, after.length), '2021');
    expect(got!.rows.map((r) => r.values.map((t) => t.value))).toEqual(rows);
    expect(got!.used.size).toBe(0);
  });

  test("takes only its rows' count from a run that 表四's values continue", () => {
    const rows = sixes();
    const got = read(rows, ['四、政府信息公开行政复议、行政诉讼情况', '其 总', '他 计', ...rows.map((r) => String(r[5])), '0', '0', '0', '0']);
    expect(got!.rows.map((r) => r.values.map((t) => t.value))).toEqual(rows);
    expect(got!.used.size).toBe(ROWS.length);
  });

  test("is not read under 表四's header words alone (其他结果 names no 表三 column)", () => {
    const rows = sixes();
    const lines = ['四、政府信息公开行政复议、行政诉讼情况', '行政复议', '结果维持 结果纠正 其他结果 尚未审结 总计', ...rows.map((r) => String(r[5]))];
    expect(read(rows, lines)).toBeNull();
  });
});

