/** Website chrome around a saved report page is kept out of the sections (and so of the narrative and search). */
import { describe, expect, test } from 'vitest';
import { parseReport } from '../../src/parser/index.ts';

const CHROME = ['登录注册', '长者模式', '当前位置', 'QQ空间', '全真版', '文字版', '相关链接', '附件下载', '扫一扫', '版权所有', 'ICP备'];
const body = '一、总体情况\n2024年，我局认真贯彻落实条例，主动公开政府信息120条。\n六、其他需要报告的事项\n本年度未收取信息处理费。\n';
const sectionsText = (text: string) => parseReport(text).sections.map((s) => `${s.heading}\n${s.text}`).join('\n');

describe('the narrative without website chrome', () => {
  test('a saved page: menus and breadcrumbs before, share bar, attachments and footer after', () => {
    const page = `登录注册 长者模式\n当前位置：\n首页\n政府信息公开年报\n某某局2024年政府信息公开工作年度报告\n来源：某某局时间：2025-01-20 10:00\n微信微博 QQ空间\n全真版\n文字版\n相关链接：\n本报告根据《中华人民共和国政府信息公开条例》编制，数据统计期限为2024年1月1日至12月31日。\n${body}附件下载\n扫一扫在手机上查看当前页面\n关闭\n版权所有：某某局 闽ICP备0000号\n`;
    const text = sectionsText(page);
    for (const w of CHROME) expect(text, w).not.toContain(w);
    expect(text).toContain('本报告根据《中华人民共和国政府信息公开条例》编制');
    expect(text).toContain('本年度未收取信息处理费。');
  });
  test('a one-line crawl: the chrome on the same line as the report', () => {
    const crawl = `标题: 某某局2024年政府信息公开工作年度报告\n发布时间: 2025-01-20 10:00\n==================== 正文 ====================\n当前位置： 首页政务公开政府信息公开年报 某某局2024年政府信息公开工作年度报告 来源： 时间：2025-01-20 10:00 --> 微信 微博 QQ空间 全真版 文字版 文件下载 相关链接： 根据《中华人民共和国政府信息公开条例》要求，编制本报告。${body.replace(/\n/g, '')} 附件下载\n`;
    const rec = parseReport(crawl);
    const text = sectionsText(crawl);
    for (const w of CHROME) expect(text, w).not.toContain(w);
    expect(text).toContain('根据《中华人民共和国政府信息公开条例》要求，编制本报告。');
    expect(rec.published).toBe('2025-01-20');
  });
  test('a PDF text whose first sentence wraps over lines keeps the sentence whole', () => {
    const pdf = `某某区人民政府\n2024 年政府信息公开工作年度报告\n\n本报告由某某区人民政府办公室根据《中华人民共和\n国政府信息公开条例》（以下简称《条例》）\n要求编制此报告。报告中所列数据统计期限自 2024 年 1 月 1 日\n${body}`;
    expect(parseReport(pdf).sections[0]).toMatchObject({ key: 'preamble', line: 4 });
    expect(parseReport(pdf).sections[0]?.text.startsWith('本报告由某某区人民政府办公室')).toBe(true);
  });
});
