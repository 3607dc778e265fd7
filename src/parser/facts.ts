/** Facts stated in the prose: the year's 主动公开 count, and numbers the validator compares with the tables. */
import type { Fact } from '../schema/record.ts';
import { HEADING_MARK, isHan, lineAt, withoutHanSpaces } from './normalize.ts';

export interface Clause {
  text: string;
  start: number;
  /** Offset just past the clause's last character, as printed. */
  end: number;
  /** True for a clause read across a line break (see `clauses`). */
  wrapped?: boolean;
}

/** A line break inside a wrapped sentence, with the white space and page break (form feed) around it. */
// (and the heading mark a PDF-to-markdown converter sets before every line of a paragraph: `### …政府信息 2599` / `` /
// `### 条，…`; wrapsAcross takes a line on past it only where the line before has the same mark)
const LINE_BREAK = /[ \t\u3000\f]*\n[ \t\u3000\f]*(?:#{1,6}[ \t]+)?/g;
/**
 * A line of quotation marks alone inside a wrapped sentence: pdfplumber prints a PDF's quotes a line below their words
 * (`…全年主动公` / `”` / `开我区各级单位政府信息2645条`), the marks of the line above, no words of the sentence.
 */
const QUOTES_LINE = /\n[ \t\u3000\f]*[“”‘’"]+(?:[ \t]+[“”‘’"]+)*[ \t\u3000\f]*(?=\n)/g;
/**
 * Quotation marks set apart by spaces at a line's end: pypdf's layout text prints a PDF's quotes after the line's words
 * (`…全年主动公开我区各级单位政府信”“         ”` / `息2645条`), the marks of the line's holes, no words of the sentence.
 */
const QUOTES_AT_END = /[“”‘’"]+(?:[ \t\u3000\f]+[“”‘’"]+)+[ \t\u3000\f]*(?=\n)/g;
const isQuote = (c: number): boolean => c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0x22;

/** A character that ends a clause: ，。；;,！？ or a line break. */
const endsClause = (c: number): boolean => c === 0xff0c || c === 0x3002 || c === 0xff1b || c === 0x3b || c === 0x2c || c === 0xff01 || c === 0xff1f || c === 0x0a;

/** Where the next clause end is at or after `from` (the text's length when none): a scan, no regex match to allocate. */
function clauseEnd(text: string, from: number): number {
  let at = from;
  while (at < text.length && !endsClause(text.charCodeAt(at))) at++;
  return at;
}

/** Whether the ASCII comma at `i` groups a number's thousands (`12,345条`): a digit before it, three after, then no digit. */
const thousands = (text: string, i: number): boolean =>
  text.charCodeAt(i) === 0x2c && /\d/.test(text[i - 1] ?? '') && /^\d{3}(?!\d)/.test(text.slice(i + 1, i + 5));

/** A CJK ideograph or an ASCII digit: text a line may wrap inside of (a sentence, a number). */
const wraps = (c: number): boolean => isHan(c) || (c >= 0x30 && c <= 0x39);

/**
 * The prose between two offsets cut into clauses (at ，。；, and line ends), each with its start offset. With
 * `acrossLines`, a line end between two ideographs or digits is no clause end: a PDF's text wraps its paragraphs
 * anywhere, even inside a number (`…主动公开政府信息135` / `61条`), and such a clause then reads as one, its line
 * break and indent dropped, marked `wrapped`.
 */
export function clauses(text: string, offset: number, acrossLines = false): Clause[] {
  return cut(text, offset, acrossLines, false);
}

/** The clauses read across a line break (`clauses` across lines, those marked `wrapped`), the others not copied out. */
export function wrappedClauses(text: string, offset: number): Clause[] {
  return cut(text, offset, true, true);
}

function cut(text: string, offset: number, acrossLines: boolean, onlyWrapped: boolean): Clause[] {
  const out: Clause[] = [];
  let start = -1;
  let wrapped = false;
  const push = (end: number): void => {
    if (wrapped) {
      const t = text.slice(start, end);
      out.push({ text: t.replace(QUOTES_LINE, '').replace(QUOTES_AT_END, '').replace(LINE_BREAK, '').trim(), start: offset + start, end: offset + end, wrapped });
    } else if (!onlyWrapped) out.push({ text: text.slice(start, end).trim(), start: offset + start, end: offset + end });
    start = -1;
    wrapped = false;
  };
  // (from one clause end to the next: the characters between only open a clause, if none is open)
  for (let i = 0; i < text.length; ) {
    const at = clauseEnd(text, i);
    if (at > i && start < 0) start = i;
    if (at === text.length) break;
    const next = acrossLines && text.charCodeAt(at) === 0x0a && start >= 0 ? wrapsAcross(text, start, at) : -1;
    if (next >= 0) {
      wrapped = true;
      i = next; // past the empty lines between the wrapped lines
      continue;
    }
    if (thousands(text, at)) {
      if (start < 0) start = at;
    } else if (start >= 0) push(at);
    i = at + 1;
  }
  if (start >= 0) push(text.length);
  return out;
}

/** White space inside a line; a form feed too (a PDF's page break inside a sentence: `…我局主动公` / `\f开政府信息 96 条`). */
const blank = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x3000 || c === 0x0c;

/**
 * How many empty lines a wrapped sentence may have between its lines (a PDF extractor's text boxes: pdfminer, MuPDF);
 * a line of quotation marks alone counts as one (see QUOTES_LINE).
 */
const MAX_EMPTY_LINES = 2;

/**
 * Where the sentence goes on when the line break at `at` falls inside a wrapped sentence (an ideograph or digit on
 * either side of it, with at most MAX_EMPTY_LINES empty lines between, a page break's line not counted: `…各类政府信息 2428` /
 * `` / `条，公开…`), else -1.
 */
function wrapsAcross(text: string, start: number, at: number): number {
  let b = at - 1;
  while (b >= start && blank(text.charCodeAt(b))) b--;
  // (past quotation marks set apart by spaces at the line's end, two groups or more: see QUOTES_AT_END)
  let q = b;
  let groups = 0;
  while (q >= start && (isQuote(text.charCodeAt(q)) || blank(text.charCodeAt(q)))) {
    if (isQuote(text.charCodeAt(q)) && !isQuote(text.charCodeAt(q + 1))) groups++;
    q--;
  }
  if (groups >= 2) b = q;
  let a = at + 1;
  for (let empty = 0; ; ) {
    // (a page break's line is no empty line: pdf-parse sets its page marker, read as a form feed, between two empty
    // lines: `…全区共主动公` / `` / `-- 1 of 6 --` / `` / `开政府信息 13561 条`)
    // (the form feed looked for among the blanks passed over, not back through the text before them)
    let pageBreak = false;
    while (a < text.length && blank(text.charCodeAt(a))) {
      if (text.charCodeAt(a) === 0x0c) pageBreak = true;
      a++;
    }
    // (a line of quotation marks alone: skipped like an empty line, when a line follows it; see QUOTES_LINE)
    let lineEnd = a;
    while (lineEnd < text.length && (isQuote(text.charCodeAt(lineEnd)) || blank(text.charCodeAt(lineEnd)))) lineEnd++;
    if (lineEnd > a && isQuote(text.charCodeAt(a)) && text.charCodeAt(lineEnd) === 0x0a && empty < MAX_EMPTY_LINES) {
      empty++;
      a = lineEnd + 1;
      continue;
    }
    if (text.charCodeAt(a) !== 0x0a || (!pageBreak && ++empty > MAX_EMPTY_LINES)) break;
    a++;
  }
  // (a line opening with a markdown heading mark goes on a line with the same mark: every line of the paragraph a heading)
  const mark = headingMark(text, a);
  if (mark && headingMark(text, text.lastIndexOf('\n', at - 1) + 1) === mark) a += mark.length;
  return b >= start && a < text.length && wraps(text.charCodeAt(b)) && wraps(text.charCodeAt(a)) ? a : -1;
}

/** The markdown heading mark (`### `) opening the line at `at`, or ''. */
function headingMark(text: string, at: number): string {
  if (text.charCodeAt(at) !== 0x23) return '';
  return HEADING_MARK.exec(text.slice(at, at + 8))?.[0] ?? '';
}

/** A count in a clause: digits (with 万), an approximation word before or 余/多 after, and its unit. */
// (digit groups a stray space splits are one number: a PDF's text of `2599` may read `2 599`)
const COUNT_RE = /(近|约|超过|逾|达)?\s*(\d[\d,]*(?:[ \u00a0]\d[\d,]*)*(?:\.\d+)?)\s*(万)?\s*(余|多)?\s*(条|件|份)/g;
/** Publishing verbs, in the clause before the number. `不公开` is not one. */
const ACTIVE_VERB = /主动(?:公开|发布|公布)/;
const VERB = /(?<!不|不予|依申请)(?:公开|公布|发布)/;
/** Sub-categories of a breakdown: `其中…`, `其他应主动公开…`, `包括…`, a topic's `X类信息` or `X相关信息`. */
const PART_OF = /^[(（\s]*(?:其中|其他|其余|包括|含|另)|(?<!各|公文)类(?:政府)?信息|相关(?:政府)?信息|领域(?:政府)?信息|其他应(?:当)?主动公开/;
/** A count named by its category: `…的类别主要包括：…办事程序类6条`, the number right after a category's 类. */
const CATEGORY = /类别|类\s*$/;
/** A single channel or platform rather than the whole body's output. */
const CHANNEL = /公众号|微信|微博|抖音|头条|客户端|视频号|新媒体|小程序|APP|app|短信|公开栏|电子屏|显示屏|报纸|报刊|电视|广播|热线/;
/** Another period: all years so far, up to a date, last year, a change on last year. */
const OTHER_PERIOD = /历年|截至|截止|(?<!今年|\d{4}年)以来|上年|去年|上一年|同比/;
/** Counts of one kind of document, of requests or of cases (行政复议案件), not of information published. */
const OTHER_KIND = /申请|规范性文件|规章|政策文件|解读|公文(?!类政府信息)|会议|建议|提案|回应|留言|咨询|来信|信件|办件|复议|诉讼|案件/;
/** Signs that the clause speaks of the whole body for the whole year. */
const WHOLE = /共|全年|全区|全县|全市|全省|全委|全局|本年|当年|今年|年度|各类|累计|\d{4}年/;

interface Candidate {
  fact: Fact;
  score: number;
  /** Counted after 主动公开 (not merely 公开 or 发布). */
  active: boolean;
  /** Read across a line break (see `clauses`). */
  wrapped?: boolean;
}

/**
 * The sentence (between 。；！？ or line breaks) around a clause: the evidence shown for a fact. For a clause read
 * across line breaks, the sentence across them too, its breaks and indents dropped (and lines of quotation marks alone).
 */
function sentenceAround(text: string, offset: number, start: number, end: number, wrapped = false): string {
  const a = sentenceStart(text, start - offset, !wrapped);
  let b = end - offset;
  while (b < text.length && !endsSentence(text.charCodeAt(b), !wrapped)) b++;
  const s = text.slice(a, b);
  return (wrapped ? s.replace(QUOTES_LINE, '').replace(QUOTES_AT_END, '').replace(LINE_BREAK, '') : s).trim();
}

/**
 * Whether a position of the text lies in one of a report's numbered points (`四是…`): the point opens the sentence
 * the position is in, or a line of it (the sentence read across line breaks: a fixed-width text wraps anywhere).
 */
function inNumberedPoint(text: string, at: number): boolean {
  const a = sentenceStart(text, at, false, at - 400);
  return /(?:^|\n)[ \t\u3000]*[一二三四五六七八九十]+是/.test(text.slice(a, at)) || inSubPoint(text, at);
}

/** An enumerator of a point or of a point's part: （一）, 一、, 1., （1）. */
const ENUMERATOR = /[（(]\s*(?:[一二三四五六七八九十]+|\d{1,2})\s*[）)]|[一二三四五六七八九十]+、|(?<![\d.])\d{1,2}[.．、](?!\d)/g;

/**
 * Whether the last enumerator before a position, on its line and within 400 characters, numbers a point's part with
 * a digit in brackets (`（3）推进食品药品安全信息公开。区市场监督管理局…全年共发布77条信息`): the count is that part's,
 * one unit's or one topic's, not the year's total (`（一）基本情况今年，…共公布政府信息2599条` is read).
 */
function inSubPoint(text: string, at: number): boolean {
  const from = Math.max(text.lastIndexOf('\n', at - 1) + 1, at - 400);
  let last = '';
  ENUMERATOR.lastIndex = 0;
  const stretch = text.slice(from, at);
  for (let m = ENUMERATOR.exec(stretch); m; m = ENUMERATOR.exec(stretch)) last = m[0];
  return /^[（(]\s*\d/.test(last);
}

/** Whether a char code ends a sentence: 。；;！？, and a line break where `lineEnds` (read by code, no string a character). */
const endsSentence = (c: number, lineEnds: boolean): boolean =>
  c === 0x3002 || c === 0xff1b || c === 0x3b || c === 0xff01 || c === 0xff1f || (lineEnds && c === 0x0a);

/** Where the sentence holding position `at` starts: after the last sentence end before it (`lineEnds`: a line break too), not before `from`. */
function sentenceStart(text: string, at: number, lineEnds: boolean, from = 0): number {
  let a = at;
  while (a > 0 && a > from && !endsSentence(text.charCodeAt(a - 1), lineEnds)) a--;
  return a;
}

/** Whether a position of the text lies inside (…) or （…）: a breakdown in parentheses. */
function insideParentheses(text: string, at: number): boolean {
  let depth = 0;
  for (let i = at - 1; i >= 0 && i > at - 400; i--) {
    const c = text.charCodeAt(i); // (\n 。 ) ） ( （)
    if (c === 0x0a || c === 0x3002) break;
    if (c === 0x29 || c === 0xff09) depth--;
    else if (c === 0x28 || c === 0xff08) {
      if (depth === 0) return true;
      depth++;
    }
  }
  return false;
}

/** A verb of making or receiving: a count after one (制作、获取政府信息总数 N 条) is of what was made, not published. */
const MADE = /制作|获取|制发|印发|收到|受理/;

/**
 * Whether a clause splits the information the one before it counts as made by how it was disclosed (`制作政府信息
 * 总数 110 条，其中主动公开信息 20 条，依申请公开…`): that 其中 names the 主动公开 total, not a category of it.
 */
const byDisclosure = (t: string, prev: string | undefined): boolean =>
  /^其中[，,]?\s*主动(?:公开|发布|公布)/.test(t) && !!prev && /信息|文件/.test(prev) && /\d\s*(?:条|件|份)/.test(prev);

/** Words of a platform's reach: a sentence counting page views or followers counts a platform's posts, not the year's disclosure. */
const TRAFFIC = /浏览量|访问量|点击量|阅读量|粉丝|关注/;

/** A count said to be of the whole year: 全年 or 本年 before it, 共 right before the number. */
const YEAR_ALL = /(?:全年|本年)[^，,。；]*共\s*$/;

/** Text without its bracketed parts (a breakdown in parentheses, its closing bracket maybe lost). */
const unbracketed = (s: string): string => s.replace(/[（(][^）)]*[）)]?/g, '');

const DIGIT = /\d/;

/** A clause ending with the 主动公开 verb (its object in the clause after it). */
const ACTIVE_AT_END = /主动(?:公开|发布|公布)\s*$/;


/** `主动公开的173条`: what was 主动公开ed, counted, names its object. */
const PUBLISHED_COUNT = /主动公开的\s*\d/;

function candidate(c: Clause, text: string, offset: number, starts: readonly number[], prevOf: () => string | undefined): Candidate | null {
  if (!DIGIT.test(c.text)) return null; // (a count has digits: most clauses have none)
  // (`发布信息607条，其中主动公开380份，依申请公开…`: the 其中 names the information of the clause before, whose unit a
  // count printed without one shares: `共510条，其中主动公开信息数169，依申请公开信息数317条`)
  // (a space between two ideographs is no word break: pdf2json's text sets one inside words, `主 动公开111份文 件`)
  const words = withoutHanSpaces(c.text);
  const prev = /^其中/.test(words) ? prevOf() : undefined;
  const split = byDisclosure(words, prev);
  const t = split && /\d\s*$/.test(words) ? words + /\d\s*(条|件|份)/.exec(prev!)![1]! : words;
  if (!t.includes('条') && !t.includes('件') && !t.includes('份')) return null;
  if (!split && !t.includes('信息') && !t.includes('文件') && !PUBLISHED_COUNT.test(t)) return null;
  // (a breakdown in parentheses after the count, `主动公开政府信息55条（涵盖规范性文件类6条…）`, is no word of the clause's own)
  const own = unbracketed(t);
  COUNT_RE.lastIndex = 0;
  for (let m = COUNT_RE.exec(t), first = true; m; m = COUNT_RE.exec(t), first = false) {
    const before = t.slice(0, m.index);
    // (or, for the clause's first count, the clause before ends with the verb, its object this count:
    // `一是通过…政府信息公开专栏主动公开，共公开政府信息34条`)
    const active = ACTIVE_VERB.test(before) || (first && ACTIVE_AT_END.test(prevOf() ?? ''));
    if (!active && !VERB.test(before)) continue;
    // (the count is the object of the last verb before it: `（一）主动公开政府信息的数量 制作、获取政府信息总数425条`)
    if (MADE.test(before.slice(before.search(/(?:公开|公布|发布)(?!.*(?:公开|公布|发布))/)))) continue;
    const object = /政府信息/.test(t) || split ? 3 : /信息|文件/.test(t) || PUBLISHED_COUNT.test(t) ? 1 : 0;
    // (the kind of document counted is named before the count: `主动公开政府信息55条（…）、依申请公开341条` counts
    // what was 主动公开ed, the 依申请 after it another count)
    const ownBefore = unbracketed(before);
    if (!object) continue;
    if (PART_OF.test(split ? own.replace(/^其中[，,]?/, '') : own) || CHANNEL.test(own) || OTHER_PERIOD.test(own) || OTHER_KIND.test(ownBefore)) return null;
    // (a count of one category: `主动公开政府信息的类别主要包括：机构设置、主要职能、办事程序类6条，财政预算…8条`)
    if (CATEGORY.test(ownBefore)) return null;
    if (insideParentheses(text, c.start - offset)) return null;
    const evidence = c.wrapped ? sentenceAround(text, offset, c.start, c.start + 1, true) : sentenceAround(text, offset, c.start, c.start + t.length + c.text.length - words.length);
    // (`“上海国际服务门户”…，共发布各类信息 13528 条，总浏览量为 536 万`: one platform's posts, neither 主动公开 nor
    // 政府信息)
    if (!active && object < 3 && TRAFFIC.test(evidence)) return null;
    // (`四是强化基层政务公开，…的信息公开，公开信息1654条`: a count in one of the year's numbered points, saying no
    // 主动公开, counts that point's information, a part of the total; unless it counts the year's 政府信息, `一是…，全年
    // 公开公文类政府信息共152条，其中…其他应主动公开的政府信息68条`, as a one-line crawl of the same page reads it)
    if (!active && !(object === 3 && YEAR_ALL.test(ownBefore)) && inNumberedPoint(text, c.start - offset)) return null;
    const digits = Number(m[2]!.replace(/[, \u00a0]/g, ''));
    const value = m[3] ? Math.round(digits * 10000) : digits;
    if (!Number.isSafeInteger(value)) return null;
    const fact: Fact = { value, unit: m[5]!, evidence, line: lineAt(starts, c.start) };
    if (m[1] || m[4]) fact.approximate = true;
    const found: Candidate = { fact, score: (active ? 4 : 2) + object + (WHOLE.test(t) ? 1 : 0), active };
    if (c.wrapped) found.wrapped = true;
    return found;
  }
  return null;
}

/** The year's 主动公开 total, or null with the reason (an info finding's message). */
export type ProactiveCountResult = { fact: Fact; reason?: undefined } | { fact: null; reason: string; line: number | null };

/**
 * The 主动公开 total: the count the report states for the whole body for the year (共公布/主动公开/发布政府信息 N
 * 条/件/份). Clauses of a breakdown (其中…, in parentheses, X类信息), of one channel (公众号, 微博…), of another period
 * (历年累计, 截至, 上年) or of one kind of document (规范性文件, 申请) are passed over. The strongest statement wins
 * (主动公开 over 发布, 政府信息 over 信息, a whole-year word); two equally strong statements of different numbers
 * give null, with the reason. `text` is the prose read (overview and the part on 主动公开 before its table), whose
 * first character is at `offset` of the normalised text.
 */
export function proactiveCount(all: readonly Clause[], text: string, offset: number, starts: readonly number[]): ProactiveCountResult {
  let best: Candidate[] = [];
  // the clause printed before another (`all` holds a text's clauses of one line, then those wrapped over lines: a
  // wrapped clause's neighbour in the list is no neighbour in the text)
  const prevOf = (c: Clause) => (): string | undefined => {
    let prev: Clause | undefined;
    for (const o of all) if (o.end <= c.start && (!prev || o.end > prev.end)) prev = o;
    return prev?.text;
  };
  for (const c of all) {
    const found = candidate(c, text, offset, starts, prevOf(c));
    if (!found) continue;
    if (!best.length || found.score > best[0]!.score) best = [found];
    else if (found.score === best[0]!.score) best.push(found);
  }
  // a clause read across line breaks that says what a clause of one line says: the one line is the evidence
  best = best.filter((b) => !b.wrapped || !best.some((o) => !o.wrapped && o.fact.value === b.fact.value));
  if (!best.length) return { fact: null, reason: '正文未写明本年主动公开政府信息的总数（分类、单一渠道或历年累计的数字不计）', line: null };
  // (of equally strong statements, those saying 主动公开 say what the total is of: `全年主动公开信息数161条` over
  // `及时公开各类政府信息756条` on a WeChat account)
  if (best.some((b) => b.active) && best.some((b) => !b.active)) best = best.filter((b) => b.active);
  const values = [...new Set(best.map((b) => b.fact.value))];
  if (values.length > 1) {
    return {
      fact: null,
      reason: `正文有 ${values.length} 个同样可能的主动公开总数（${best.map((b) => `第 ${b.fact.line} 行「${b.fact.evidence.slice(0, 40)}」`).join('；')}），未采用`,
      line: best[0]!.fact.line,
    };
  }
  return { fact: best[0]!.fact };
}

/** A number the prose states for comparison with a table cell. */
export interface ProseNumber {
  value: number;
  evidence: string;
  line: number;
}

/**
 * Every match of `pattern` (first group = the number) in the prose before the tables. `required` is text every
 * match contains: clauses without it are passed over without running the pattern (most clauses).
 */
export function proseNumbers(all: readonly Clause[], pattern: RegExp, starts: readonly number[], required = ''): ProseNumber[] {
  const out: ProseNumber[] = [];
  for (const c of all) {
    if (required && !c.text.includes(required)) continue;
    const m = pattern.exec(c.text);
    const digits = m?.slice(1).find((g) => g !== undefined);
    if (digits) out.push({ value: Number(digits.replace(/,/g, '')), evidence: c.text, line: lineAt(starts, c.start) });
  }
  return out;
}
