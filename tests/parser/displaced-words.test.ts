/** Words a PDF extractor prints a line below their own line (src/parser/displaced-words.ts), and the facts read once they are back. */
import { describe, expect, test } from 'vitest';
import { restoreDisplacedWords } from '../../src/parser/displaced-words.ts';
import { parseReport } from '../../src/parser/index.ts';
import { quirkText as quirk } from './fixtures.ts';

const TABLE = '\n二、主动公开政府信息情况\n第二十条第（一）项\n';

describe('words printed a line below their own', () => {
  test('go back into the holes of the line above, in order, the words’ line left empty', () => {
    const text = '今年，我区政府信息公开单位共公布政府信息 条， 其中机构职\n2599 (\n能类信息 条，政策、规范性文件类信息 条，规划计划类信息 条，行\n25 68 28' + TABLE;
    const lines = restoreDisplacedWords(text).split('\n');
    expect(lines.slice(0, 4)).toEqual(['今年，我区政府信息公开单位共公布政府信息2599条，(其中机构职', '', '能类信息25条，政策、规范性文件类信息68条，规划计划类信息28条，行', '']);
  });

  test('in layout text, each word goes into the run of spaces it stands under', () => {
    const text = '     公开我区各级单位政府信息                   条，主要通过政府网站\n                               2645          ' + TABLE;
    expect(restoreDisplacedWords(text).split('\n').slice(0, 2)).toEqual(['     公开我区各级单位政府信息2645条，主要通过政府网站', '']);
  });

  test('stay where they are when the holes and the words are not as many', () => {
    const text = '能类信息 条，政策、规范性文件类信息 条，规划计划类信息 条，行\n25 68' + TABLE;
    expect(restoreDisplacedWords(text)).toBe(text);
  });

  test('a line of prose ending with a space runs on into the next: pypdf’s `不 予公开答复 ` over `2` stays', () => {
    const text = '申请中同意公开答复 9 件，部分公开答复 0 件，不 予公开答复 \n2\n件。' + TABLE;
    expect(restoreDisplacedWords(text)).toBe(text);
  });

  test('a line of quotation marks alone stays: a mark fits any hole, and one put in the wrong hole would change the words', () => {
    const text = '经验做法在 政务\n”' + TABLE;
    expect(restoreDisplacedWords(text)).toBe(text);
  });

  test('a space beside a digit or a Latin letter is the word’s own, no hole: pdftotext’s `信息 2645 条` and a page number stay', () => {
    const text = '全年主动公开政府信息 2645 条，其中\n3' + TABLE;
    expect(restoreDisplacedWords(text)).toBe(text);
  });

  test('only the prose before 表二 is read: a table’s header over its values stays as printed', () => {
    const text = '某局2024年年度报告\n一、总体情况\n主动公开信息12条。' + TABLE + '信息内容 本年制发件数 本年废止件数 现行有效件数\n0 0 0\n';
    expect(restoreDisplacedWords(text)).toBe(text);
  });

  test('pdfplumber’s text of a page: the 主动公开 total is read, cited at its sentence’s first line, past a line of quotation marks', () => {
    // (`全年主动` on line 60, `“ ”“ ”` on 61, `公开我区各级单位政府信息 条，…` on 62 over `2645`)
    const rec = parseReport(quirk('pdfplumber-digits-a-line-below-their-words.txt'));
    expect(rec.facts.proactiveCount).toMatchObject({ value: 2645, line: 60 });
    expect(rec.facts.proactiveCount?.evidence).toContain('全年主动公开我区各级单位政府信息2645条');
  });

  test('pdfplumber’s layout text of a page: the 主动公开 total is read', () => {
    const rec = parseReport(quirk('pdfplumber-layout-digits-under-their-holes.txt'));
    expect(rec.facts.proactiveCount).toMatchObject({ value: 2599, line: 118 });
  });
});
