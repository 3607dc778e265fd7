/** The agency from the lines around a title: what may join it (a wrapped name) and what may not (a site, a slogan). */
import { describe, expect, test } from 'vitest';
import { parseReport } from '../../src/parser/index.ts';

const BODY = '\n一、总体情况\n2023年，我局主动公开政府信息86条。\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n三、收到和处理政府信息公开申请情况\n';
const agency = (head: string): string | null => parseReport(head + BODY, { file: 'x.txt' }).agency.name;

describe('the agency of a title and the lines above it', () => {
  test('joins the full lines a wrapped title prints its name over, one character left over too', () => {
    expect(agency('中国（福建）自由贸易试验区平潭片区管理\n委员会2023年政府信息公开工作年度报告')).toBe('中国（福建）自由贸易试验区平潭片区管理委员会');
    expect(agency('广西壮族自治区南宁市青秀区市场监督管理\n\n局2023年政府信息公开工作年度报告')).toBe('广西壮族自治区南宁市青秀区市场监督管理局');
  });
  test('joins no site name, slogan or shorter line above a title that names its agency', () => {
    expect(agency('杭州市西湖区人民政府门户网站\n某局2023年政府信息公开年报')).toBe('某局');
    expect(agency('深入贯彻落实党的二十大精神全面推进政务公开\n某局2023年政府信息公开工作年度报告')).toBe('某局');
    expect(agency('杭州市西湖区人民政府\n西湖区卫生健康局2023年政府信息公开工作年度报告')).toBe('西湖区卫生健康局');
  });
  test('takes no site name or page tool above a title that names none for its agency', () => {
    expect(agency('杭州市西湖区人民政府门户网站\n2023年政府信息公开工作年度报告')).toBeNull();
    expect(agency('字号：大 中 小\n2023年政府信息公开工作年度报告')).toBeNull();
    // (a name line above it is the agency, as before)
    expect(agency('西湖区卫生健康局\n2023年政府信息公开工作年度报告')).toBe('西湖区卫生健康局');
  });
  test('reads a title whose words print with spaces inside as words, where the head prints a known word so', () => {
    // (pdf2json's text: a space wherever the PDF's text run breaks, `政府信 息公开`, a title wrapped over two lines)
    expect(agency('度假区卫计局2023年政府信 息公开工作 年度\n报告')).toBe('度假区卫计局');
    expect(agency('宁夏回族自治区石嘴山市卫生健康委员会\n2023年政府信 息公开工作 年度报告')).toBe('宁夏回族自治区石嘴山市卫生健康委员会');
    expect(agency('新疆生产 建设兵团第八师石河子市自然资源\n和规划局2020年政府信息公开工作年度报告\n根据《中华人 民共和国政府信 息公开条例》')).toBe('新疆生产建设兵团第八师石河子市自然资源和规划局');
    // (without such a word a space parts words: a menu's line above a title is no part of its name)
    expect(agency('首页 机构概况\n和规划局2020年政府信息公开工作年度报告')).toBe('和规划局');
  });
});
