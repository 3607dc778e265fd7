/** The 主动公开 total: the whole body's count for the year, never a breakdown, a channel, another period or a kind. */
import { describe, expect, test } from 'vitest';
import { parseReport } from '../../src/parser/index.ts';
import { quirkText } from './fixtures.ts';

/** A minimal report whose overview is `overview`: the count is read from the prose before 表二. */
function report(overview: string): string {
  return `某市某某局2024年政府信息公开工作年度报告\n一、总体情况\n${overview}\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n三、收到和处理政府信息公开申请情况\n`;
}
const count = (overview: string) => parseReport(report(overview)).facts.proactiveCount;
const finding = (overview: string) => parseReport(report(overview)).findings.find((f) => f.code === 'PROACTIVE_COUNT_MISSING');

describe('the 主动公开 total', () => {
  test('takes the stated total over a sub-category of its breakdown in parentheses', () => {
    const c = count('今年，我区共公布政府信息2599条，(其中机构职能类信息25条，其他应主动公开政府信息856条)。');
    expect(c?.value).toBe(2599);
    expect(c?.evidence).toContain('共公布政府信息2599条');
  });
  test('takes the portal total over one social-media channel, and marks 余 as approximate', () => {
    const c = count('2025年，通过门户网站累计主动公开政府信息7700余条，通过“某某发布”公众号发布信息672条。');
    expect(c).toMatchObject({ value: 7700, approximate: true, unit: '条' });
  });
  test('reads a total grouped by thousands with an ASCII comma as one number, not a clause ending in its first group', () => {
    const c = count('2024年，全市共主动公开政府信息12,345条，其中政策文件类信息1,024条。');
    expect(c?.value).toBe(12345);
    expect(c?.evidence).toContain('12,345条');
  });
  test('reads a total whose digits a stray space splits as one number, not its last group', () => {
    const c = count('今年，我区政府信息公开单位共公布政府信息 2 599 条，(其中机构职能类信息25条)。');
    expect(c?.value).toBe(2599);
  });
  test('reads a total across a line of quotation marks alone (pdfplumber prints a PDF’s quotes a line below their words)', () => {
    const c = count('上网 ，积极主动公开各领域政府信息。全年主动公\n”\n开我区各级单位政府信息2645条，主要通过政府网站发布。');
    expect(c?.value).toBe(2645);
    expect(c?.evidence).toBe('全年主动公开我区各级单位政府信息2645条，主要通过政府网站发布');
  });
  test('reads a total across a line break after quotation marks set apart at the line’s end (pypdf’s layout text)', () => {
    const c = count('开 应上网尽上网 ，积极主动公开各领域政府信息。全年主动公开我区各级单位政府信”“         ”\n息2645条，主要通过政府网站发布。');
    expect(c?.value).toBe(2645);
    expect(c?.evidence).toBe('全年主动公开我区各级单位政府信息2645条，主要通过政府网站发布');
  });
  // (phrasings of department reports: what the sentence counts decides, not its first number)
  test.each([
    ['passing over a count of information made under a heading that names 主动公开', '加大预决算信息的公开力度，2020年主动公开政府信息148份。（一）主动公开政府信息的数量 2020年制作、获取政府信息总数425条，其中主动公开政府信息148条，依申请公开信息数182条。', 148],
    ['taking 其中主动公开 N 条 after the count of all information made', '全年共制作政府信息总数110条，其中主动公开信息20条，依申请公开政府信息86条，不予公开政府信息4条。', 20],
    ['taking no category printed after 其中 a published total', '今年共公布政府信息2599条，其中主动公开的规划类信息28条。', 2599],
    ['taking 其中主动公开 N 份 after the count of all information published', '2024年，我局通过门户网站发布信息607条，其中主动公开380份，依申请公开及不予公开319份。', 380],
    ['counting 其中主动公开 N without a unit in the unit of the count it splits', '全年印发公文类政府信息共510条，其中主动公开信息数169，依申请公开信息数317条，不予公开24条。', 169],
    ['reading 主动公开的 N 条 without the word 信息', '2019年，我局主动公开的173条，其中公示公告类46条、部门文件类33条。', 173],
    ['taking no category 其他应主动公开的政府信息 for a total', '2019年制作、获取政府信息总数330条，其中主动公开政府信息90条。机构设置类信息共1条，工作进展动态和其他应主动公开的政府信息25条。', 90],
    ['reading a total followed by the 依申请 count beside it', '全年共制发政府信息437条，其中，主动公开政府信息55条（涵盖规划计划类3条）、依申请公开341条、不予公开41条。', 55],
    ['preferring, of two statements equally strong, the one that says 主动公开', '2021年，全年主动公开信息数161条，其中机关职能类信息31条。充分发挥微信公众号传递政府声音、回应社会关切的作用，及时公开各类政府信息756条，打造信息公开平台。', 161],
    ['taking no count of one category listed under 主动公开政府信息的类别 for a total', '（一）主动公开政府信息的数量。2019年主动公开文件38份，截止2019年，共公开文件累计296份。（二）主动公开政府信息的主要类别。2019年我局主动公开政府信息的类别主要包括：机构设置、主要职能、办事程序类6条，财政预算、决算报告8条，环境保护、公共卫生、安全生产类信息5条，工作信息19条。', 38],
    ['taking 其中主动公开 N 条 wrapped over a PDF text\'s line break (其 / 中主动公开信息20条) after the count of all information made', '根据要求，细化职责分工。全年共制作政府信息总数110条，其\n中主动公开信息20条，依申请公开政府信息86条，不予公开政府信息4条。', 20],
    ['reading a total wrapped over a page break (主动公 / a form feed, 开政府信息 96 条)', '（一）加强主动公开和依申请公开办理情况。2021 年，我局主动公\n\n\f开政府信息 96 条，公开类别主要涉及机构职能类信息 1 条、重大建设项\n目信息 2 条。', 96],
    ['reading 公文类政府信息 as the documents published, not one category or kind of them', '通过政府门户网站主动公开应主动公开的政府信息，全年公开公文类政府信息共263条，其中政策、规范性文件类信息12条。', 263],
  ])('reads the total %s', (_, overview, value) => {
    expect(count(overview)?.value).toBe(value);
  });
  test('passes over one platform’s posts counted beside its page views', () => {
    const overview = '“上海国际服务门户”新增意大利语网站，目前已覆盖 10 个语种，共发布各类信息 13528 条，总浏览量为 536 万。';
    expect(count(overview)).toBeNull();
    // (but 政府信息 published on the portal is the year's, though the sentence goes on to a channel's followers)
    expect(count('2024年度门户网站全年公开政府信息78条，官方微信全年公开政府信息502条，全年关注用户达564人。')?.value).toBe(78);
  });
  test('reads a total whose breakdown in parentheses names a kind of document', () => {
    expect(count('全年共制发政府信息437条，其中，主动公开政府信息55条（涵盖政策及规范性文件类6条、规划计划类3条）。')?.value).toBe(55);
  });
  test('passes over an all-years cumulative count', () => {
    expect(count('2020年我局主动公开信息141条，历年累计主动公开191条。')?.value).toBe(141);
  });
  test('passes over counts of one kind of document or of requests', () => {
    const f = finding('全年发布规范性文件12件，共收到政府信息公开申请6件。');
    expect(count('全年发布规范性文件12件，共收到政府信息公开申请6件。')).toBeNull();
    expect(f?.message).toContain('未写明');
  });
  test('reads a total whose lines a PDF extractor printed with empty lines between them', () => {
    expect(count('2024 年，我区在政府网站平台主动发布各类政府信息 2428 \n\n条，公开政府常务会议 7\n \n期。')).toMatchObject({ value: 2428, unit: '条' });
    // three empty lines are a paragraph break, not a wrapped line
    expect(count('我区主动发布各类政府信息 2428\n\n\n\n条目清单见附件。')).toBeNull();
  });
  test('passes over the count of review and litigation cases brought over 政府信息公开', () => {
    expect(count('办结依申请公开81件。因政府信息公开引起的行政复议案件2件、行政诉讼案件7件。')).toBeNull();
    expect(count('全年主动公开政府信息1200条。因政府信息公开引起的行政复议案件2件。')?.value).toBe(1200);
  });
  test('reads the count in part two before its table when the overview has none', () => {
    const text = '某局2019年政府信息公开工作年度报告\n一、总体情况\n我局认真贯彻条例。\n二、主动公开政府信息情况\n2019年度，主动公开政府信息475条。历年累计主动公开政府信息2979条。\n第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\n';
    expect(parseReport(text).facts.proactiveCount?.value).toBe(475);
  });
  test('gives null and says why when two equally strong totals disagree', () => {
    expect(count('全年主动公开政府信息120条。全年主动公开政府信息130条。')).toBeNull();
    expect(finding('全年主动公开政府信息120条。全年主动公开政府信息130条。')?.message).toMatch(/120[\s\S]*130/);
  });
  test('reads a total that the text of a PDF wraps over two lines, inside the number too', () => {
    const c = count('持续推进基础信息公开、深化重点领域信息公开，2023年全区共主动公开政府信息135\n  61条，其中政策文件类信息300条。');
    expect(c).toMatchObject({ value: 13561, unit: '条' });
    expect(c?.evidence).toContain('2023年全区共主动公开政府信息13561条');
  });
  test('prefers a one-line clause to a wrapped one and never joins a heading into a sub-item', () => {
    // the wrapped reading of 「五是…」 would make it a whole-area count; the one-line total stays the evidence
    const c = count('全区共主动公开政府信息900条。\n五是开设专栏\n公开信息1654条。');
    expect(c?.value).toBe(900);
    expect(c?.evidence).toBe('全区共主动公开政府信息900条');
  });
  test('reads a breakdown a narrow dump wraps before its verb (其他应 / 主动公开的政府信息19条) as a breakdown, not a second total', () => {
    // lynx -dump at 80 columns: the line starting 「主动公开的政府信息19条」 is the rest of 「其他应主动公开…」
    const c = count('   2022年，主动公开政府信息364条，人事信息17条，公共服务类信息8条，其他应\n   主动公开的政府信息19条。（二）依申请公开情况。');
    expect(c?.value).toBe(364);
    expect(c?.evidence).toContain('主动公开政府信息364条');
  });
  test('passes over a count in one of the year’s numbered points that says no 主动公开, however the text wraps it', () => {
    // catdoc's text of a .doc whose total sentence it lost: the one count left is one point's
    expect(count('四是强化基层政务公开，持续做好稳岗就业、生\n态环境、惠民惠农、公共安全等重点民生领域的信息公\n开，公开信息1654条。五是探索开设特色内容。')).toBeNull();
    expect(count('四是强化基层政务公开，公开信息1654条。')).toBeNull();
    // (a point that says 主动公开 states the total)
    expect(count('一是加强主动公开，全年主动公开政府信息2345条。')?.value).toBe(2345);
  });
  test('reads 万 and 近 as an approximate total', () => {
    expect(count('全年主动公开政府信息近1.2万条。')).toMatchObject({ value: 12000, approximate: true });
  });
  test('an exact count is not flagged approximate', () => {
    expect(count('全年主动公开政府信息2645条。')?.approximate).toBeUndefined();
  });
  test('reads a total whose words a space splits between two ideographs (pdf2json’s text: 主 动公开111份文 件)', () => {
    const c = count('（一 ）主 动公开方 面。2023年 ，市卫 生健康 委严 格OA公文 公开属性审查环节，主 动公开111份文 件，不 公开269份文 件。');
    expect(c?.value).toBe(111);
    expect(c?.evidence).toContain('主 动公开111份文 件');
  });
  test('reads a total across lines that a PDF-to-markdown converter each marks as a heading, with empty lines between', () => {
    // @opendocsg/pdf2md's markdown of a PDF: every line of the overview a `### ` heading
    const c = count('### 取得了一定的成效。（一）基本情况今年，我区共公布政府信息 2599 \n\n### 条，(其中机构职能类信息 25 条，政策类信息 68\n\n### 条)。');
    expect(c?.value).toBe(2599);
    expect(c?.evidence).toContain('我区共公布政府信息 2599条');
    // (a heading of another level is another heading: no sentence runs from one into the other)
    expect(count('### 我区共公布政府信息 2599\n\n## 条，其中机构职能类信息25条。')).toBeNull();
  });
  test('passes over a count that says no 主动公开 in a part of a point numbered with a digit in brackets', () => {
    // a department's count in point （3） of the overview, when the total's sentence was not read
    expect(count('（3）推进食品药品安全信息公开。区市场监督管理局定期发布食品监督抽检信息的公告，全年共发布77条信息。（4）推进教育信息公开。')).toBeNull();
    // (a point numbered with a Chinese numeral in brackets, （一）基本情况, opens the overview's own statements)
    expect(count('（一）基本情况今年，我区政府信息公开单位共公布政府信息2599条。（2）推进扶贫信息公开。')?.value).toBe(2599);
    // (a part that says 主动公开 states its total)
    expect(count('（1）主动公开情况。全年主动公开政府信息321条。')?.value).toBe(321);
  });
  test('reads the total from pdf2md’s markdown of a PDF, every line of the overview a heading (a real rendering)', () => {
    const c = parseReport(quirkText('pdf2md-heading-mark-on-every-line.md')).facts.proactiveCount;
    expect(c?.value).toBe(2599);
    expect(c?.evidence).toContain('共公布政府信息 2599条');
  });
  test('reads a total a web page states in a numbered point of its own, counting the year’s 政府信息 (全年…共, a real page)', () => {
    const c = parseReport(quirkText('html-total-in-a-numbered-point.html'), { format: 'html' }).facts.proactiveCount;
    expect(c?.value).toBe(152);
    expect(c?.evidence).toContain('全年公开公文类政府信息共152条');
    // (a point's count that says neither 主动公开 nor the whole year is still a part)
    expect(count('一是及时梳理应公开事项，通过门户网站公开政府信息152条。')).toBeNull();
  });
  test('reads a count whose 主动公开 verb ends the clause before it as 主动公开 (a real crawl)', () => {
    const c = count('一是通过“中国平潭”政府门户网站的“政府信息公开”专栏主动公开，共公开政府信息34条，信息类别包括区域规划及相关政策1条，其他应主动公开的政府信息14条。');
    expect(c?.value).toBe(34);
    // (the clause after the verb counts something else: a request, no 主动公开)
    expect(count('一是依法主动公开，受理政府信息公开申请5件。')).toBeNull();
  });
  test('reads the total across a page marker pdf-parse sets between two empty lines inside its sentence (a real rendering)', () => {
    const c = parseReport(quirkText('pdf-parse-page-marker-inside-the-total-sentence.txt')).facts.proactiveCount;
    expect(c?.value).toBe(13561);
    expect(c?.evidence).toContain('共主动公开政府信息 13561 条');
  });
});
