import { describe, expect, test } from 'vitest';
import { headerUrl, httpUrl, pageUrl } from '../../src/decode/source-url.ts';
import { encodingLabel, fileName, formatLabel, sourceHost } from '../../src/lib/source.ts';

describe('the original publication’s URL', () => {
  test('a crawler header line names it', () => {
    expect(headerUrl('标题: 某某报告\n原文链接: https://www.pingtan.gov.cn/a/t1.htm\n正文')).toBe('https://www.pingtan.gov.cn/a/t1.htm');
    expect(headerUrl('原文链接：http://x.gov.cn/b.html')).toBe('http://x.gov.cn/b.html');
  });
  test('only in the first lines, only http(s), only absolute', () => {
    expect(headerUrl(`${'正文\n'.repeat(30)}原文链接: https://x.gov.cn/`)).toBeNull();
    expect(headerUrl('原文链接: javascript:alert(1)')).toBeNull();
    expect(headerUrl('原文链接: /zwgk/a.htm')).toBeNull();
    expect(headerUrl('正文没有链接')).toBeNull();
    expect(httpUrl('https://localhost/')).toBeNull();
  });
  test('a saved page states its own address', () => {
    expect(pageUrl('<head><meta name="Url" content="https://www.pingtan.gov.cn/zwgk/t2.htm"/></head>')).toBe('https://www.pingtan.gov.cn/zwgk/t2.htm');
    expect(pageUrl('<meta property="og:url" content="https://a.gov.cn/p?x=1&amp;y=2">')).toBe('https://a.gov.cn/p?x=1&y=2');
    expect(pageUrl('<link rel="canonical" href="https://b.gov.cn/c.htm">')).toBe('https://b.gov.cn/c.htm');
    expect(pageUrl('<a href="https://www.gov.cn/">国务院</a>')).toBeNull();
  });
});

describe('the source described in words', () => {
  test('file name, format, encoding, host', () => {
    expect(fileName('content/reports/pingtan/2019.html')).toBe('2019.html');
    expect(formatLabel('html')).toBe('网页');
    expect(formatLabel(undefined)).toBe('文本');
    expect(encodingLabel('gb18030')).toBe('GB18030 编码');
    expect(encodingLabel('pdf')).toBe('由文件的文字层读取');
    expect(sourceHost('https://www.pingtan.gov.cn/a.htm')).toBe('www.pingtan.gov.cn');
  });
});
