/**
 * 表三 printed in chunks of rows by pdftotext's reading order (readChunkedRequests): a band printed before the rows it
 * belongs to, and the first rows read where the last ones cannot be.
 */
import { describe, expect, test } from 'vitest';
import { TEMPLATES } from '../../src/schema/template.ts';
import { readChunkedRequests } from '../../src/parser/tables/chunks.ts';
import { tokenize } from '../../src/parser/tokens.ts';

const ROWS = TEMPLATES['2021'].requests.rows;
const at = (id: string): number => ROWS.findIndex((r) => r.id === id);
const leaf = (i: number): string => ROWS[i]!.label.split(' / ').pop()!;

/** Seven cells a row: 6 natural persons received, 1 granted and 5 not held, one of them a commercial firm's. */
function table(): number[][] {
  const rows = ROWS.map(() => [0, 0, 0, 0, 0, 0, 0]);
  const add = (id: string, col: number, v: number): void => {
    rows[at(id)]![col]! += v;
    rows[at(id)]![6]! += v;
  };
  add('newReceived', 0, 5);
  add('newReceived', 1, 1);
  add('granted', 0, 1);
  add('unavailable.notHeld', 0, 4);
  add('unavailable.notHeld', 1, 1);
  add('total', 0, 5);
  add('total', 1, 1);
  return rows;
}

const read = (lines: string[]) => readChunkedRequests(tokenize(lines, 0, lines.length), [], '2021');
const values = (got: NonNullable<ReturnType<typeof read>>) => got.rows.map((r) => r.values.map((t) => t.value ?? null));

describe('a band printed before the rows it belongs to', () => {
  test('is the first rows\' other columns: the whole table reads, every identity holding', () => {
    const rows = table();
    const lines = ['申请人情况', '科研机构 社会公益组织 法律服务机构 其他 总计', ...rows.map((r) => r.slice(2).join(' ')), ...rows.map((r, i) => `${leaf(i)} ${r[0]} ${r[1]}`)];
    const got = read(lines);
    expect(got).not.toBeNull();
    expect(values(got!)).toEqual(rows);
    expect(got!.unread).toEqual([]);
  });

  test('is no band when the values before the rows follow the first row\'s own label', () => {
    const rows = table();
    const lines = [`${leaf(0)} ${rows[0]!.slice(2).join(' ')}`, ...rows.slice(1).map((r) => r.slice(2).join(' ')), ...rows.map((r, i) => `${leaf(i)} ${r[0]} ${r[1]}`)];
    const got = read(lines);
    expect(got === null || got.rows.every((r, i) => r.values.map((t) => t.value).join() !== rows[i]!.join())).toBe(true);
  });
});

describe('the first rows of a table whose last rows cannot be read', () => {
  const rows = table();
  const first = [...rows.slice(0, 9).map((r, i) => `${leaf(i)} ${r[0]} ${r[1]}`), '科研机构 社会公益组织 法律服务机构 其他 总计', ...rows.slice(0, 9).map((r) => r.slice(2).join(' '))];
  /** The first nine rows read as printed, the other sixteen left unread for `why`. */
  const expectFirstNine = (got: ReturnType<typeof read>, why: string): void => {
    expect(got).not.toBeNull();
    expect(values(got!)).toEqual(rows.slice(0, 9));
    expect(got!.unread).toEqual(ROWS.slice(9).map((r) => r.id));
    expect(got!.unreadWhy).toBe(why);
  };

  test('are read when the last rows\' cells fit no reading that adds up', () => {
    const lines = [...first, ...ROWS.slice(9).map((_, i) => leaf(9 + i)), ...Array.from({ length: 16 * 7 }, () => '1')];
    expectFirstNine(read(lines), 'order');
  });

  test('are read when a later chunk\'s band inside the table holds another number of cells (a page break inside it)', () => {
    const lines = [...first, ...rows.slice(9).map((r, i) => `${leaf(9 + i)} ${r[0]} ${r[1]}`), ...Array.from({ length: 16 * 5 - 3 }, () => '0')];
    expectFirstNine(read(lines), 'count');
  });

  test('stop before a row whose label names the next row after its own (its cells are the next row\'s)', () => {
    const lines = [...first, `${leaf(9)}${leaf(10)} 0 0 0 0 0 0 0`, ...ROWS.slice(11).map((_, i) => leaf(11 + i))];
    expectFirstNine(read(lines), 'unsure');
  });

  test('are not read when a row\'s label is not its own', () => {
    const lines = [...first, ...ROWS.slice(9).map((_, i) => leaf(9 + i)), ...Array.from({ length: 16 * 7 }, () => '1')];
    lines[3] = `${leaf(5)} ${rows[3]![0]} ${rows[3]![1]}`; // (二)部分公开's cells under 2.其他法律行政法规禁止公开's label
    expect(read(lines)).toBeNull();
  });
});
