import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, looksBinary, sniffUtf16 } from '../src/decode/bytes.ts';
import { collapse, htmlToText, markdownEscapes, markdownInlineHtml, markdownSpans, markdownTables } from '../src/decode/html.ts';
import { DecodeError, decodeFile, decodeReport, detectFormat, sha256Hex } from '../src/decode/index.ts';
import { pdfFile } from './pdf-file.ts';

const seedPath = 'tests/fixtures/seeds/002_437bbae1d74230cf.txt';
/** The opening of a real report (聊城市卫生健康委员会 2020), as UTF-8 text. */
const seed = readFileSync(seedPath, 'utf8').slice(0, 2000);
const gbFixture = 'tests/fixtures/decode/liaocheng-2020-head.gb18030.txt';

function concat(...parts: Uint8Array[]): Uint8Array {
  return Buffer.concat(parts);
}

function decodeError(run: () => unknown): DecodeError {
  try {
    run();
  } catch (error) {
    if (error instanceof DecodeError) return error;
    throw error;
  }
  throw new Error('expected a DecodeError');
}

describe('decodeBytes', () => {
  it('reads UTF-8 without a BOM as utf-8', () => {
    expect(decodeBytes(Buffer.from(seed, 'utf8'))).toEqual({ text: seed, encoding: 'utf-8' });
  });

  it('reads UTF-8 with a BOM as utf-8 and strips the BOM', () => {
    const { text, encoding } = decodeBytes(concat(Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seed, 'utf8')));
    expect(encoding).toBe('utf-8');
    expect(text.startsWith('聊城市卫生健康委员会')).toBe(true);
    expect(text).toBe(seed);
  });

  it('falls back to gb18030 for GB bytes that are not valid UTF-8', () => {
    const bytes = iconv.encode(seed, 'gb18030');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decodeBytes(bytes)).toEqual({ text: seed, encoding: 'gb18030' });
  });

  it('reads the stored gb18030 fixture back to the seed text it was made from', () => {
    const bytes = readFileSync(gbFixture);
    expect(Buffer.compare(bytes, iconv.encode(seed, 'gb18030'))).toBe(0);
    const { text, encoding } = decodeBytes(bytes);
    expect(encoding).toBe('gb18030');
    expect(text).toContain('特公布聊城市卫生健康委员会2020年度政府信息公开工作报告');
  });

  it('reads UTF-16LE with a BOM and strips the BOM', () => {
    const bytes = concat(Buffer.from([0xff, 0xfe]), Buffer.from(seed, 'utf16le'));
    expect(decodeBytes(bytes)).toEqual({ text: seed, encoding: 'utf-16le' });
  });

  it('reads UTF-16BE with a BOM and strips the BOM', () => {
    const bytes = concat(Buffer.from([0xfe, 0xff]), iconv.encode(seed, 'utf-16be'));
    expect(decodeBytes(bytes)).toEqual({ text: seed, encoding: 'utf-16be' });
  });

  it('reads UTF-16LE and UTF-16BE without a BOM, sniffed from where the NUL bytes fall', () => {
    expect(decodeBytes(Buffer.from(seed, 'utf16le'))).toEqual({ text: seed, encoding: 'utf-16le' });
    expect(decodeBytes(iconv.encode(seed, 'utf-16be'))).toEqual({ text: seed, encoding: 'utf-16be' });
  });
});

describe('sniffUtf16', () => {
  it('tells BOM-less UTF-16 from UTF-8, GB18030 and binary bytes', () => {
    expect(sniffUtf16(Buffer.from(seed, 'utf16le'))).toBe('utf-16le');
    expect(sniffUtf16(iconv.encode(seed, 'utf-16be'))).toBe('utf-16be');
    expect(sniffUtf16(Buffer.from(seed, 'utf8'))).toBeNull();
    expect(sniffUtf16(readFileSync(gbFixture))).toBeNull();
    expect(sniffUtf16(readFileSync(process.execPath).subarray(0, 8192))).toBeNull();
    expect(sniffUtf16(new Uint8Array(4096))).toBeNull();
  });
});

describe('looksBinary', () => {
  it('calls the node executable binary', () => {
    expect(looksBinary(readFileSync(process.execPath).subarray(0, 8192))).toBe(true);
  });

  it('does not call UTF-16 text binary although it is full of NUL bytes', () => {
    const bytes = concat(Buffer.from([0xff, 0xfe]), Buffer.from(seed, 'utf16le'));
    expect(bytes.includes(0)).toBe(true);
    expect(looksBinary(bytes)).toBe(false);
  });

  it('does not call UTF-8 text with a stray NUL binary, and drops the NUL when decoding', () => {
    const bytes = Buffer.from(`${seed.slice(0, 500)}\u0000${seed.slice(500)}`, 'utf8');
    expect(looksBinary(bytes)).toBe(false);
    expect(decodeBytes(bytes)).toEqual({ text: seed, encoding: 'utf-8' });
    expect(looksBinary(Buffer.from('\u0000'.repeat(20) + seed, 'utf8'))).toBe(true);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000100000001008060000001ff3ff61', 'hex');
    expect(looksBinary(png)).toBe(true);
  });

  it('does not call UTF-8 or GB18030 report text binary', () => {
    expect(looksBinary(Buffer.from(seed, 'utf8'))).toBe(false);
    expect(looksBinary(readFileSync(gbFixture))).toBe(false);
  });
});

describe('decodeFile', () => {
  it('rejects a zero-byte file as empty, naming the file', () => {
    const error = decodeError(() => decodeFile(new Uint8Array(0), 'reports/a.txt'));
    expect(error.file).toBe('reports/a.txt');
    expect(error.message).toBe('reports/a.txt: empty file');
  });

  it('rejects a file holding only whitespace and a BOM as empty', () => {
    const bytes = concat(Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(' \r\n\t\u3000\n', 'utf8'));
    expect(decodeError(() => decodeFile(bytes, 'blank.md')).message).toBe('blank.md: empty file');
  });

  it('rejects a binary file with a clear message', () => {
    const bytes = readFileSync(process.execPath).subarray(0, 65536);
    const error = decodeError(() => decodeFile(bytes, 'report.txt'));
    expect(error.message).toBe('report.txt: binary file (not text)');
  });

  it('keeps txt and md text as decoded', () => {
    const txt = decodeFile(readFileSync(gbFixture), gbFixture);
    expect(txt).toEqual({ text: seed, encoding: 'gb18030', format: 'txt' });
    const md = decodeFile(Buffer.from(seed, 'utf8'), 'x/report.md');
    expect(md.format).toBe('md');
    expect(md.text).toBe(seed);
  });

  it('converts an .html file to text lines', () => {
    const bytes = readFileSync('tests/fixtures/corpus/pingtan-2023-page.html');
    const { text, encoding, format } = decodeFile(bytes, 'pingtan-2023-page.html');
    expect([encoding, format]).toEqual(['utf-8', 'html']);
    expect(text.split('\n')).toContain('一、本年新收政府信息公开申请数量\t80\t1\t0\t0\t0\t0\t81');
  });

  it('converts a GB18030-encoded HTML page as well', () => {
    const html = readFileSync('tests/fixtures/corpus/pingtan-2023-page.html', 'utf8');
    const { text, encoding } = decodeFile(iconv.encode(html, 'gb18030'), 'page.htm');
    expect(encoding).toBe('gb18030');
    expect(text.split('\n')).toContain('行政规范性文件\t77\t132\t470');
  });

  it('sniffs HTML in a file without an HTML extension', () => {
    expect(detectFormat('page.txt', '\n  <!DOCTYPE html><html><body>x</body></html>')).toBe('html');
    expect(detectFormat('download', '<table><tr><td>1</td></tr></table>')).toBe('html');
    expect(detectFormat('report.txt', seed)).toBe('txt');
    // an article body saved with its markup: no <html>, but it opens with an element
    expect(detectFormat('report.txt', '<div class="article-content">\n<h1>某县2023年政府信息公开工作年度报告</h1>')).toBe('html');
    expect(detectFormat('report.txt', '<p style="text-align:center">某县</p>')).toBe('html');
    expect(detectFormat('report.txt', '<10 件申请')).toBe('txt');
    // an XHTML page: its XML declaration first (LibreOffice's XHTML export)
    expect(detectFormat('report.txt', '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "x"><html xmlns="http://www.w3.org/1999/xhtml">')).toBe('html');
    expect(detectFormat('report.txt', '<?xml version="1.0"?><root/>')).toBe('txt');
  });

  it('reads a page saved under its address’s extension, .shtml or .xhtml, as HTML', () => {
    expect(detectFormat('art_1229.shtml', '某县2023年政府信息公开工作年度报告')).toBe('html');
    expect(detectFormat('report.XHTML', '<html/>')).toBe('html');
  });

  it('hashes bytes as lowercase hex sha256', () => {
    expect(sha256Hex(readFileSync(gbFixture))).toBe('f296c36ca4da0c5311012401223333daad8bf378ee1918f4b73e26e0ae09a404');
    expect(sha256Hex(new Uint8Array(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

describe('htmlToText on small documents', () => {
  it('drops script, style and head content and decodes entities', () => {
    const html =
      '<html><head><title>站点</title><style>p{}</style></head><body><script>var a="x";</script>' +
      '<p>申请&amp;答复&nbsp;&nbsp;共6件</p><noscript>启用脚本</noscript></body></html>';
    expect(htmlToText(html)).toBe('申请&答复 共6件');
  });

  it('puts each row on one line with its cells tab-separated and unpadded despite colspan', () => {
    const html =
      '<table><tr><td colspan="4">第二十条第（一）项</td></tr>' +
      '<tr><td>  规章 </td><td>0</td><td></td><td>\n 3\n</td></tr></table><p>后文</p>';
    expect(htmlToText(html)).toBe('第二十条第（一）项\n规章\t0\t\t3\n后文');
  });

  it('joins a cell label wrapped over several paragraphs without spurious spaces between Chinese characters', () => {
    const html = '<table><tr><td><p>社会</p><p>公益&nbsp; &nbsp;</p><p>组织</p></td><td><p>a</p><p>b</p></td></tr></table>';
    expect(htmlToText(html)).toBe('社会公益组织\ta b');
  });

  it('ends lines at blocks and br, keeping at most one blank line in a row', () => {
    const html = '<div>一、总体情况<br>（一）主动公开<br><br><br><p></p><p>&nbsp;</p>二、主动公开</div>';
    expect(htmlToText(html)).toBe('一、总体情况\n（一）主动公开\n\n二、主动公开');
  });

  it('keeps the grid: blank cells stay empty cells, an empty colspan gives one per column, a rowspan covers the rows below', () => {
    const html =
      '<table><tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td>258</td><td>12</td><td><p><span><o:p>&nbsp;</o:p></span></p></td>' +
      '<td colspan="2"></td><td>1</td><td rowspan="2">9</td></tr>' +
      '<tr><td>2.其他</td><td>3</td><td></td><td></td><td></td><td></td><td>4</td></tr></table>';
    expect(htmlToText(html).split('\n')).toEqual(['（三）不予公开\t1.属于国家秘密\t258\t12\t\t\t\t1\t9', '2.其他\t3\t\t\t\t\t4\t']);
  });

  it('reads 5,000 nested elements without overflowing the stack (issue #11 item 1)', () => {
    const html = `<html><body>${'<div>'.repeat(5000)}<p>戊一区卫生健康委员会 2024 年政府信息公开工作年度报告</p>${'</div>'.repeat(5000)}</body></html>`;
    expect(htmlToText(html)).toBe('戊一区卫生健康委员会 2024 年政府信息公开工作年度报告');
    const cells = `<table><tr><td>${'<span>'.repeat(5000)}0${'</span>'.repeat(5000)}</td></tr></table>`;
    expect(htmlToText(cells)).toBe('0');
  });

  it('collapses whitespace the way a browser renders it', () => {
    expect(collapse('  共收到\n  申请 81\u00a0件 \n')).toBe('共收到申请 81 件');
    expect(collapse('2023\nyear')).toBe('2023 year');
  });
});

/** Expected 表三/表四 values for one pingtan page, from its hand-checked .json. */
interface Expected {
  year: number;
  tables: {
    requests: Record<string, Record<string, number | null>>;
    review: Record<string, Record<string, number | null>>;
    proactive: Record<string, Record<string, number | null>>;
  };
}

const requestColumns = ['naturalPerson', 'commercial', 'research', 'nonprofit', 'legalService', 'other', 'total'];
const reviewColumns = ['upheld', 'corrected', 'other', 'pending', 'total'];

function cells(row: Record<string, number | null> | undefined, columns: string[]): string {
  if (row === undefined) throw new Error('expected row missing from the .json');
  return columns.map((c) => String(row[c])).join('\t');
}

describe.each([2019, 2021, 2023, 2025])('htmlToText on the pingtan %i page', (year) => {
  const text = htmlToText(readFileSync(`tests/fixtures/corpus/pingtan-${year}-page.html`, 'utf8'));
  const lines = text.split('\n');
  const expected = JSON.parse(readFileSync(`tests/fixtures/corpus/pingtan-${year}-page.json`, 'utf8')) as Expected;
  const { requests, review } = expected.tables;

  it('keeps the report title on a line and the part headings on lines of their own', () => {
    expect(expected.year).toBe(year);
    expect(text).toMatch(new RegExp(`平潭综合实验区${year}年(度)?\\n?政府信息公开工作年度报告`));
    for (const heading of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况']) {
      expect(lines).toContain(heading);
    }
  });

  it('prints the 表三 new, total and carried-forward rows with the values of the .json', () => {
    expect(lines).toContain(`一、本年新收政府信息公开申请数量\t${cells(requests['newReceived'], requestColumns)}`);
    expect(lines).toContain(`（七）总计\t${cells(requests['total'], requestColumns)}`);
    expect(lines).toContain(`四、结转下年度继续办理\t${cells(requests['carriedForward'], requestColumns)}`);
  });

  it('prints the 表四 numbers as one row of fifteen cells matching the .json', () => {
    const row = ['adminReview', 'litigationDirect', 'litigationAfterReview']
      .map((id) => cells(review[id], reviewColumns))
      .join('\t');
    expect(lines).toContain(row);
  });

  it('stays a readable number of lines, with no blank runs and no spaces at line ends', () => {
    expect(lines.length).toBeGreaterThan(100);
    expect(lines.length).toBeLessThan(250);
    expect(text).not.toMatch(/\n\n\n/);
    expect(lines.filter((l) => l.includes('\t')).length).toBeGreaterThanOrEqual(40);
    expect(lines.filter((l) => /^ | $/.test(l))).toEqual([]);
  });
});

describe('htmlToText on table details verified by hand', () => {
  it('keeps the 2019 procurement amount in yuan as printed', () => {
    const lines = htmlToText(readFileSync('tests/fixtures/corpus/pingtan-2019-page.html', 'utf8')).split('\n');
    expect(lines).toContain('信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量');
    expect(lines).toContain('政府集中采购\t135\t75394432.52元');
  });

  it('keeps the empty leading cell of the 2021 applicant header row, and the 总计 column the row above covers', () => {
    const lines = htmlToText(readFileSync('tests/fixtures/corpus/pingtan-2021-page.html', 'utf8')).split('\n');
    expect(lines).toContain('\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t');
    expect(lines).toContain('（四）无法提供\t1.本机关不掌握相关政府信息\t22\t0\t0\t0\t0\t3\t25');
  });

  it('joins the 2025 header labels the editor wrapped over several paragraphs', () => {
    const lines = htmlToText(readFileSync('tests/fixtures/corpus/pingtan-2025-page.html', 'utf8')).split('\n');
    expect(lines).toContain('商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t');
    expect(lines).toContain('三、本年度办理结果\t（一）予以公开\t33\t0\t0\t0\t0\t0\t33');
  });
});

describe('markdownTables', () => {
  it('writes each raw HTML table of a markdown text as grid lines with box bars, keeping the text around it', () => {
    const md = '# 标题\n\n正文一段。\n\n<table><tr><td>新收</td><td>64</td><td></td><td>70</td></tr></table>\n\n## 下一节\n';
    const out = markdownTables(md);
    expect(out).toContain('正文一段。');
    expect(out).toContain('新收 │ 64 │  │ 70 │');
    expect(out).toContain('## 下一节');
    expect(out).not.toContain('<table');
  });
  it('reads a table with a table nested in a cell as one block, up to its own closing tag', () => {
    const md = '前\n<table><tr><td><table><tr><td>内</td></tr></table></td></tr></table>\n后';
    const out = markdownTables(md);
    expect(out).not.toMatch(/<\/?table/);
    expect(out.startsWith('前')).toBe(true);
    expect(out.trimEnd().endsWith('后')).toBe(true);
  });
  it('leaves markdown without raw tables as it is', () => {
    const md = '| a | b |\n|---|---|\n| 1 | 2 |';
    expect(markdownTables(md)).toBe(md);
  });
  it('is what decodeFile gives for a .md file that holds a raw table', () => {
    const md = '<table><tr><td>新收</td><td>1</td></tr></table>';
    expect(decodeFile(Buffer.from(md), 'r.md').text).toContain('新收 │ 1 │');
  });
});

/** A one-page PDF (Helvetica) with each text drawn at its x, y. */
function textPdf(texts: Array<[number, number, string]>): Buffer {
  const stream = texts.map(([x, y, t]) => `BT /F1 10 Tf ${x} ${y} Td (${t}) Tj ET`).join('\n');
  return pdfFile('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>', stream, [
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);
}

describe('the PDF decoder', () => {
  it('prints a table cell at the column of its x position, the same on every line whatever the label before it', async () => {
    const pdf = textPdf([
      [72, 700, 'Short'],
      [300, 700, '5'],
      [400, 700, '9'],
      [72, 680, 'A much longer row label'],
      [400, 680, '7'],
    ]);
    const lines = (await decodeReport(pdf, 'r.pdf')).text.split('\n');
    const first = lines.find((l) => l.startsWith('Short'))!;
    const second = lines.find((l) => l.startsWith('A much'))!;
    expect(first.indexOf('9')).toBe(second.indexOf('7'));
    expect(first.indexOf('5')).toBeLessThan(first.indexOf('9'));
  });
  it("indents a line that starts two ems or more in from the page's left text edge to the column of its x", async () => {
    const pdf = textPdf([
      [72, 700, 'Label'],
      [300, 700, '5'],
      [300, 680, '7'],
    ]);
    const lines = (await decodeReport(pdf, 'r.pdf')).text.split('\n');
    const first = lines.find((l) => l.startsWith('Label'))!;
    const second = lines.find((l) => l.trim() === '7')!;
    expect(second.indexOf('7')).toBe(first.indexOf('5'));
  });
});

describe('markdownSpans', () => {
  it("keeps a pandoc span's text and drops its attributes, so no digit of a style (仿宋_GB2312, 12pt) reads as a number", () => {
    const out = markdownSpans('[一、本年新收]{style="FONT-FAMILY: 仿宋_GB2312; FONT-SIZE: 12pt"}  [23]{style="FONT-SIZE: 12pt"}');
    expect(out).not.toMatch(/2312|12pt|[[\]{}]/);
    expect(out.trim().split(/\s+/)).toEqual(['一、本年新收', '23']);
  });
  it("joins a number a Word export split into two styled runs ([2]{…}[3]{…} is 23) and keeps the line's width", () => {
    const line = '[2]{style="a"}[3]{style="b"}   [0]{style="c"}';
    const out = markdownSpans(line);
    expect(out.trim().split(/\s+/)).toEqual(['23', '0']);
    expect(out.length).toBe(line.length);
  });
  it("drops an attribute list pandoc wrapped over lines, its line break with it: the sentence's styled runs stay one line", () => {
    const md = [
      '[条，其中主动公开信息]{style="mso-spacerun:\'yes\';font-family:仿宋_GB2312;letter-spacing:-0.3000pt;',
      'font-size:16.0000pt;mso-font-kerning:1.0000pt;"}[20]{style="mso-spacerun:\'yes\';font-family:仿宋_GB2312;letter-spacing:-0.3000pt;',
      'font-size:16.0000pt;mso-font-kerning:1.0000pt;"}[条，依申请公开政府信息8]{style="letter-spacing:-0.3000pt;',
      'font-size:16.0000pt;"}[6]{style="font-size:16.0000pt;"}[条]{style="font-size:16.0000pt;"}',
    ].join('\n');
    const out = markdownSpans(md);
    expect(out).not.toMatch(/2312|16\.0000pt|[[\]{}]/);
    expect(out.trim()).toBe('条，其中主动公开信息20条，依申请公开政府信息86条');
  });
  it('unwraps nested spans', () => {
    expect(markdownSpans('[[（]{style="a"}4）]{style="b"}').trim()).toBe('（4）');
  });
  it("keeps the markup's display width, as pandoc lays a simple table out: a CJK font name is two columns a character", () => {
    const line = '[6]{style="font-family:宋体"}   [1]{style="a"}';
    const out = markdownSpans(line);
    // 宋体 is four columns wide in two characters: the 1 stays in the column pandoc put it in, two past its index
    expect(out.indexOf('1')).toBe(line.indexOf('[1]') + 2);
    expect(out.trim().split(/\s+/)).toEqual(['6', '1']);
  });
});

describe('markdownEscapes', () => {
  it('reads a converter\'s escaped punctuation as printed: \\-1 is -1, \\# is #, 1\\. is 1.', () => {
    expect(markdownEscapes('| 行政许可 | 14 | \\-1 | 3121 |\n\\### 一是\n1\\.属于国家秘密').split('\n')).toEqual(['| 行政许可 | 14 | -1  | 3121 |', '###  一是', '1.属于国家秘密 ']);
  });
  it('reads a .txt file\'s escapes as markdown\'s only where it has a markdown table', () => {
    const table = '| 信息内容 | 上一年项目数量 | 本年增/减 |\n| --- | --- | --- |\n| 行政许可 | 14 | \\-1 |';
    expect(decodeFile(Buffer.from(table), 'crawl.txt').text.split('\n')[2]).toBe('| 行政许可 | 14 | -1  |');
    expect(decodeFile(Buffer.from('行政许可 14 \\-1'), 'crawl.txt').text).toBe('行政许可 14 \\-1');
  });
  it('keeps each line\'s width, an escaped pipe and a backslash before a letter or digit', () => {
    const line = '  \\-1      3   a\\|b  C:\\x \\1';
    const out = markdownEscapes(line);
    expect(out.length).toBe(line.length);
    expect(out.trim().split(/\s+/)).toEqual(['-1', '3', 'a\\|b', 'C:\\x', '\\1']);
  });
});

describe('markdownInlineHtml', () => {
  it("drops raw inline tags from headings and pipe-table cells, so no style's digits (仿宋_GB2312, 12pt) read as numbers", () => {
    const out = markdownInlineHtml('<span style="FONT-FAMILY: 仿宋_GB2312; FONT-SIZE: 12pt">二、主动公开政府信息情况</span>\n| <span style="FONT-SIZE: 12pt">规章</span> | 0 | <font size="3">2</font> |');
    expect(out).not.toMatch(/2312|12pt|<|>/);
    expect(out.split('\n')).toEqual(['二、主动公开政府信息情况', '| 规章 | 0 | 2 |']);
  });
  it('puts a line break for a block tag, a space for <br> (a cell keeps its row), and reads &amp; &lt; &#39;', () => {
    expect(markdownInlineHtml('<div>一、总体情况</div><p>甲&amp;乙 &lt;丙&gt; &#39;丁&#39;</p>| a<br>b | 1 |')).toBe("\n一、总体情况\n\n甲&乙 <丙> '丁'\n| a b | 1 |");
  });
  it('keeps what is no formatting tag as printed: <script>, <img …>, a component, a comment', () => {
    const line = '附注：<script>alert(1)</script> 与 <img src=x onerror=alert(1)> 与 <Component /> 与 <!-- 注释 -->';
    expect(markdownInlineHtml(`<span>${line}</span>`)).toBe(line);
  });
  it('leaves a comparison in the text alone (<10 is no tag)', () => {
    expect(markdownInlineHtml('少于 <10 件')).toBe('少于 <10 件');
  });
});
