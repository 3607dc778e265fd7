/** Segmentation into the six statutory parts (and an optional fee part), by meaning of the heading rather than its numeral. */
import type { Section } from '../schema/record.ts';
import { lineAt } from './normalize.ts';

type PartKey = Exclude<Section['key'], 'preamble'>;

/** The statutory heading of each part (and a name for the text before part one). */
export const PART_NAMES: Readonly<Record<Section['key'], string>> = {
  preamble: '报告开头',
  overview: '一、总体情况',
  proactive: '二、主动公开政府信息情况',
  requests: '三、收到和处理政府信息公开申请情况',
  review: '四、政府信息公开行政复议、行政诉讼情况',
  fees: '信息处理费收取情况',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项',
};

const NUM = '[一二三四五六七八九十]\\s*[、.．]\\s*';
/** Heading patterns, in statutory order. Restarted numbering, ## prefixes and one-line crawls are all found. */
const PARTS: ReadonlyArray<[PartKey, RegExp]> = [
  ['overview', new RegExp(`${NUM}总\\s*体\\s*情\\s*况`, 'g')],
  ['proactive', new RegExp(`${NUM}主动公开政府信息(?:的)?情况`, 'g')],
  ['requests', new RegExp(`${NUM}收到和处理政府信息公开申请(?:的)?情况`, 'g')],
  // (`四、政府信息公开行政复议、行政诉讼情况`, also misprinted `行政法复议`)
  ['review', new RegExp(`${NUM}[^\\n。；\\d]{0,24}?行政(?:法)?复议[^\\n。；\\d]{0,24}?情况`, 'g')],
  // not statutory: some reports print their 信息处理费 table as a numbered part of its own (`五、信息处理费收取情况`
  // 通知收取件数 … 000), which must end 表四's part rather than add its numbers to it
  ['fees', new RegExp(`${NUM}信息处理费(?:的)?收取(?:的)?情况`, 'g')],
  // (`五、存在的主要问题及改进情况`, also `五、当前存在的突出问题`, `五、主要问题和改进措施`)
  ['problems', new RegExp(`${NUM}[^\\n。；\\d]{0,16}?(?:存在的?(?:主要|突出)?问题|主要问题)[^\\n。；\\d]{0,14}`, 'g')],
  // (`六、其他需要报告的事项`, also `七、其他需说明事项`)
  ['other', new RegExp(`${NUM}其他需(?:要)?(?:报告|说明)的?事项`, 'g')],
];

export interface Heading {
  key: PartKey;
  start: number;
  end: number;
  /** Where the part's body starts (after the heading and, when short, the rest of its line). */
  bodyStart: number;
  text: string;
}

/** Finds each part's heading after the previous one (so a heading-like phrase in the preamble is not taken). */
export function findHeadings(text: string): Heading[] {
  const out: Heading[] = [];
  let from = 0;
  for (const [key, re] of PARTS) {
    re.lastIndex = from;
    let m = re.exec(text);
    // prefer a heading at the start of a line when the text has lines
    while (m) {
      const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
      const before = text.slice(lineStart, m.index);
      const atLineStart = /^[\s#*>|]*$/.test(before);
      const oneLine = text.indexOf('\n', m.index) - lineStart > 400 || text.indexOf('\n', m.index) === -1;
      if (atLineStart || oneLine) break;
      m = re.exec(text);
    }
    if (!m) continue;
    const lineEnd = text.indexOf('\n', m.index);
    const restOfLine = text.slice(m.index + m[0].length, lineEnd === -1 ? text.length : lineEnd);
    const short = restOfLine.length < 20;
    const headingText = short ? (m[0] + restOfLine).trim() : m[0].trim();
    const end = m.index + m[0].length;
    out.push({ key, start: m.index, end, bodyStart: short ? end + restOfLine.length : end, text: headingText });
    from = m.index + m[0].length;
  }
  return out;
}

/**
 * The parts as record sections (text runs to the next found heading); the text before part one is the preamble.
 * `bounds` (src/parser/body.ts) keeps a website's menus before the report and its footer after it out of the
 * preamble and the last part.
 */
export function toSections(text: string, headings: readonly Heading[], starts: readonly number[], bounds: { start: number; end: number } = { start: 0, end: text.length }): Section[] {
  const out: Section[] = [];
  const first = headings[0]?.start ?? bounds.end;
  const preambleStart = Math.min(bounds.start, first);
  const raw = text.slice(preambleStart, first);
  const preamble = raw.trim();
  if (preamble) out.push({ key: 'preamble', heading: '', text: preamble, line: lineAt(starts, preambleStart + raw.length - raw.trimStart().length) });
  headings.forEach((h, i) => {
    const end = headings[i + 1]?.start ?? Math.max(bounds.end, h.bodyStart);
    out.push({ key: h.key, heading: h.text, text: text.slice(h.bodyStart, end).trim(), line: lineAt(starts, h.start) });
  });
  return out;
}
