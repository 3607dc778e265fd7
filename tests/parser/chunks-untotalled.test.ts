/**
 * 表三 with its 总计 blank on every row, printed by pdftotext's reading order with each row's 自然人 beside its label
 * and the other five columns after 表四's heading, a column a block (readChunkedRequests, untotalled).
 */
import { describe, expect, test } from 'vitest';
import { TEMPLATES } from '../../src/schema/template.ts';
import { readChunkedRequests } from '../../src/parser/tables/chunks.ts';
import { tokenize } from '../../src/parser/tokens.ts';

const ROWS = TEMPLATES['2021'].requests.rows;
const at = (id: string): number => ROWS.findIndex((r) => r.id === id);

/** Six applicant cells a row: 5 natural persons and 2 其他 received and granted, 1 commercial not held. */
function sixes(): number[][] {
  const rows = ROWS.map(() => [0, 0, 0, 0, 0, 0]);
  const add = (id: string, col: number, v: number): void => void (rows[at(id)]![col]! += v);
  for (const [col, v] of [[0, 5], [5, 2]] as const) {
    add('newReceived', col, v);
    add('granted', col, v);
    add('total', col, v);
  }
  add('newReceived', 1, 1);
  add('unavailable.notHeld', 1, 1);
  add('total', 1, 1);
  return rows;
}

function read(rows: number[][], blocks: number[][]) {
  const table = ROWS.map((r, i) => `${r.label.split(' / ').pop()} ${rows[i]![0]}`);
  // each block a column of its own, a blank line between blocks
  const after = ['四、政府信息公开行政复议、行政诉讼情况', '申请人情况', ...blocks.flatMap((b) => [...b.map(String), '']), '行政复议'];
  return readChunkedRequests(tokenize(table, 0, table.length), tokenize(after, 0, after.length), '2021', true);
}

describe('an untotalled 表三 whose last five columns come after the table, a column a block', () => {
  test('is read as six cells a row, 总计 blank', () => {
    const rows = sixes();
    const got = read(rows, [1, 2, 3, 4, 5].map((c) => rows.map((r) => r[c]!)));
    expect(got).not.toBeNull();
    expect(got!.untotalled).toBe(true);
    expect(got!.rows.map((r) => r.values.map((t) => t.value ?? null))).toEqual(rows);
    expect(got!.used.size).toBe(5 * ROWS.length);
  });

  test('is not read so when the last block is every row\'s sum (a totalled table whose 其他 is blank)', () => {
    const rows = sixes().map((r) => [...r.slice(0, 5), 0]);
    const totals = rows.map((r) => r.reduce((a, b) => a + b, 0));
    expect(read(rows, [...[1, 2, 3, 4].map((c) => rows.map((r) => r[c]!)), totals])).toBeNull();
  });

  test('is not read when a whole column more follows the last block (总计 printed as a block of its own)', () => {
    const rows = sixes();
    const blocks = [1, 2, 3, 4, 5].map((c) => rows.map((r) => r[c]!));
    const totals = rows.map((r) => r.reduce((a, b) => a + b, 0));
    const table = ROWS.map((r, i) => `${r.label.split(' / ').pop()} ${rows[i]![0]}`);
    const after = ['四、政府信息公开行政复议、行政诉讼情况', ...blocks.flatMap((b) => [...b.map(String), '']).slice(0, -1), ...totals.map(String), '行政复议'];
    expect(readChunkedRequests(tokenize(table, 0, table.length), tokenize(after, 0, after.length), '2021', true)).toBeNull();
  });
});
