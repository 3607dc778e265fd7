/**
 * Where the report itself lies in a text that may carry a website around it: saved pages and crawls start with
 * menus, breadcrumbs and share buttons (登录注册, 长者模式, 当前位置, 微信 微博 QQ空间, 全真版/文字版, 相关链接) and end
 * with attachments, related links and a footer (附件下载, 扫一扫, 关闭, 版权所有, ICP备). The narrative runs from the
 * first sentence of prose (or the first part heading, when it comes first) to the last part's end, cut at the first
 * such footer mark after the last heading. Nothing is removed from the source: only the sections are bounded.
 */
import type { Heading } from './sections.ts';

/** The separator a crawler writes between its own header (标题:, 发布时间:, 原文链接:) and the page text. */
const CRAWL_HEADER_END = /^=+\s*正文\s*=+[ \t]*$/m;

/** Marks of a page's footer: after them nothing is the report's narrative (searched after the last heading). */
const FOOTER = new RegExp(
  [
    '附件下载',
    '扫一扫在手机',
    '版权所有',
    '网站标识码',
    'ICP备',
    '公安备案',
    '主办单位[:：]',
    '承办单位[:：]',
    '上一篇[:：]',
    '下一篇[:：]',
    '责任编辑[:：]',
    '【\\s*(?:打印|关闭|返回顶部)\\s*】',
    '打印本页',
    '关闭窗口',
    '^[ \\t]*(?:关闭|打印|返回顶部|分享到[:：]?|相关链接[:：]?)[ \\t]*$',
  ].join('|'),
  'm',
);

/**
 * Han characters in a string: counted by char code where every character is one whose script is sure (ASCII and
 * the like, the unified ideographs, CJK punctuation, full-width forms), else by the regex (no array of matches).
 */
function hanCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x2e80 || (c >= 0xff00 && c <= 0xffef)) continue; // (no Han below the radicals, nor among the full-width forms)
    if (c >= 0x4e00 && c <= 0x9fff) n++;
    else if (c >= 0x3000 && c <= 0x303f) {
      if (c === 0x3005 || c === 0x3007 || (c >= 0x3021 && c <= 0x3029) || (c >= 0x3038 && c <= 0x303b)) n++; // 々 〇 〡…〩 〸…〻
    } else return s.match(/\p{Script=Han}/gu)?.length ?? 0;
  }
  return n;
}

/** A run of prose: a sentence (。；) or a long clause with a comma — never a menu item or a breadcrumb. */
function isSentence(chunk: string): boolean {
  const han = hanCount(chunk);
  return (/[。；]/.test(chunk) && han >= 8) || (/[，,]/.test(chunk) && han >= 20);
}

export interface Bounds {
  /** Offset where the narrative starts (the preamble's first sentence, or the first heading). */
  start: number;
  /** Offset where it ends (a footer mark after the last heading, or the end of the text). */
  end: number;
}

/** Words of a website's header, share bar or page info: a line with one of them is not the report's prose. */
const CHROME_LINE = /当前位置|来源[:：]|发布时间|发布日期|时间[:：]|微信|微博|QQ空间|全真版|文字版|文件下载|相关链接|登录|注册|长者模式|无障碍|字号|打印|分享|浏览次数|部门[:：]|单位[:：]|-->/;

/** Lines longer than this are a crawl's whole page on one line: read in whitespace-delimited runs. */
const ONE_LINE = 300;

/**
 * Where the preamble's prose starts, between `from` and the first heading: the first line that reads as a
 * sentence, moved back over the lines of its sentence printed above it (a PDF's text wraps mid-sentence) — up to
 * a blank line, a title (…报告), a line ending a sentence or a label, or a line of website chrome. In a one-line
 * crawl (or a line holding chrome words), the first run between spaces that reads as a sentence.
 */
function preambleStart(text: string, from: number, first: number): number {
  let lineStart = from;
  let previous: Array<{ start: number; text: string }> = [];
  while (lineStart < first) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > first) lineEnd = first;
    const line = text.slice(lineStart, lineEnd);
    if (line.length > ONE_LINE || CHROME_LINE.test(line)) {
      const chunk = /\S+/g;
      for (let m = chunk.exec(line); m; m = chunk.exec(line)) if (isSentence(m[0])) return lineStart + m.index;
    } else if (isSentence(line)) {
      let at = lineStart + line.length - line.trimStart().length;
      for (let i = previous.length - 1; i >= 0; i--) {
        const p = previous[i]!.text.trim();
        if (!p || hanCount(p) === 0 || /[。；！？:：]$/.test(p) || /报告$/.test(p) || CHROME_LINE.test(p)) break;
        at = previous[i]!.start + previous[i]!.text.length - previous[i]!.text.trimStart().length;
      }
      return at;
    }
    previous.push({ start: lineStart, text: line });
    if (previous.length > 8) previous = previous.slice(-8);
    lineStart = lineEnd + 1;
  }
  return first;
}

/** The narrative's bounds in the normalised text (see the module comment). */
export function narrativeBounds(text: string, headings: readonly Heading[]): Bounds {
  const first = headings[0]?.start ?? text.length;
  const header = CRAWL_HEADER_END.exec(text);
  const from = header && header.index < first ? header.index + header[0].length : 0;
  const start = preambleStart(text, from, first);
  const last = headings[headings.length - 1];
  const tailFrom = last ? last.bodyStart : start;
  const footer = FOOTER.exec(text.slice(tailFrom));
  const end = footer ? tailFrom + footer.index : text.length;
  return { start: Math.min(start, end), end };
}
