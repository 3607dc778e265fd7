/** Title, agency, reported year and publication date, from the title line, a 部门: line, the 统计期限 sentence or the signature. */
import { displayColumns, isSpace, withoutHanSpaces } from './normalize.ts';

export interface Meta {
  title: string | null;
  titleLine: number | null;
  agency: string | null;
  year: number | null;
  /**
   * Where the year came from when the title does not state it and no 统计期限 sentence does: the text's most
   * named year (see `yearFromText`), with the line of its first mention. Null when the title or the period says it.
   */
  yearGuess: { line: number; mentions: number; passedOver: number } | null;
  /** The publication date as printed, not yet validated (see dates.ts). */
  published: PrintedDate | null;
}

const TITLE_HINT = /(政府信息公开|政务公开)[^。]*报告[)）]?(?:的函|的通知|的报告)?(?:\s*[（(]\s*\d{4}\s*(?:年度?)?\s*[)）])?$|年度报告$|\d{4}\s*年度?\s*(?:政府信息公开|政务公开)(?:工作)?年报$/;

/** A breadcrumb's separator. */
const BREADCRUMB_MARK = /[>＞»›]/;
/**
 * A site's breadcrumb before a title on its line (`首页 > 政务公开 > 年报 > 某局2023年…年度报告`): everything up to the
 * last separator goes.
 */
const BREADCRUMB = new RegExp(`^.*${BREADCRUMB_MARK.source}\\s*`);

/**
 * A year written in Chinese numerals (二〇二三年, 二零二三年度, 二○二三年: many type the circle ○ U+25CB for 〇), as some
 * titles print it.
 */
const HAN_YEAR = /([〇○零一二三四五六七八九]{4})\s*年/;
const HAN_DIGITS = '〇一二三四五六七八九';

/** The year a title's Chinese numerals write (二〇二三 is 2023; 零 and ○ are 〇). */
function hanYear(title: string): number | null {
  const m = HAN_YEAR.exec(title);
  return m ? Number([...m[1]!].map((c) => (c === '零' || c === '○' ? 0 : HAN_DIGITS.indexOf(c))).join('')) : null;
}

const DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;

/**
 * The label cell of a page's info table (名称 | 报告标题), or a 标题:/题目: label, before a title: 标题, 题目, 名称,
 * 文件名称, 信息名称, 公文标题, with a colon, a tab or bar (a table cell) or spaces (a text browser's cells) after it, or
 * nothing before a report's title (pypdf's text of the page joins the cells: `名称沭阳县发展和改革局2023年…年度报告`).
 */
const FIELD_LABEL = /^(?:标\s*题|题\s*目|名\s*称|文件名称|信息名称|公文标题|题(?=\s*[:：]))(?:\s*[:：|│]\s*|\s+|(?=[^\s:：|│].*报告))(?=\S)/;
/**
 * A list item's bullet before a page's info field (`• 标 题： …`, `-   标    题： …`): what a text browser, pandoc or a
 * Word document's list (a Symbol font's U+F0B7) prints for the page's list of fields.
 */
const BULLET = /^[-•·▪◦●\uf0b7]\s*(?=标\s*题|题\s*目|名\s*称|文件名称|信息名称|公文标题)/;

/** A line without its markdown or asciidoc prefix (#, >, *, = ) and 标题:/题目: label, trimmed. */
function clean(s: string): string {
  const c = s.charCodeAt(0);
  // fast path for most lines: nothing to strip at the start (an empty line gives NaN, and '' either way)
  // (nothing to trim at the start, so trim() is trimEnd(), and a line not ending in white space is already trimmed)
  if (!(isSpace(c) || c === 0x23 || c === 0x2a || c === 0x3d || c === 0x3e || c === 0x7c || c === 0x2502 || c === 0x6807 || c === 0x9898 || c === 0x540d || c === 0x6587 || c === 0x4fe1 || c === 0x516c || c === 0x2d || c === 0x2022 || c === 0xb7 || c === 0x25aa || c === 0x25e6 || c === 0x25cf || c === 0xf0b7)) {
    return isSpace(s.charCodeAt(s.length - 1)) ? s.trimEnd() : s;
  }
  // a markdown table row of a page's info table (| 名称 | 报告标题 |): its label cell goes, the bars around it too
  if ((c === 0x7c || c === 0x2502) && /^[|│]\s*(?:标\s*题|题\s*目|名\s*称|文件名称|信息名称|公文标题)\s*[|│][^|│]+[|│]?\s*$/.test(s)) {
    return s.replace(/^[|│]\s*/, '').replace(FIELD_LABEL, '').replace(/\s*[|│]?\s*$/, '');
  }
  // (`=` opens an asciidoc heading: `== 某县2023年政府信息公开工作年度报告`)
  return (s.trim() === '' ? '' : s).replace(/^(?:[#\s>*]|=+\s)+/, '').replace(BULLET, '').replace(FIELD_LABEL, '').trim();
}
const isShortLine = (s: string): boolean => s.length > 0 && s.length <= 40 && !/[。，,；;]/.test(s);
/**
 * A line that can be an agency's name: Chinese characters (and brackets) only, not a site's name (`…门户网站`) nor
 * a page's tools (`字号：大 中 小`) nor a field with its label (`来源：某局 发布时间：…`).
 */
const isNameLine = (s: string): boolean => /^[\u4e00-\u9fff（）()]{2,40}$/.test(s.replace(/\s+/g, '')) && !/(?:网站|门户|网|平台|客户端|公众号|首页)$/.test(s);
const pad = (n: string): string => n.padStart(2, '0');
const validYear = (y: number): boolean => y >= 2007 && y <= 2100;

const SPACE_RUN = /[ \t\u3000]{2,}/g;
/** SPACE_RUN without its global flag, for test() (a global regex's test() keeps a lastIndex). */
const HAS_SPACE_RUN = new RegExp(SPACE_RUN.source);
/** A reStructuredText directive's option (`:name: …` under `.. rubric:: …`): markup, like the directive. */
const RST_OPTION = /^:[a-z-]+:(?:\s|$)/;

function nonEmpty(lines: readonly string[], limit: number): Array<{ text: string; line: number }> {
  const out: Array<{ text: string; line: number }> = [];
  // titles sit near the top: look at no more than the first 400 lines, however empty
  for (let i = 0; i < lines.length && i < 400 && out.length < limit; i++) {
    const text = clean(lines[i] ?? '');
    // (a pandoc fenced div's fence, `::: {.article_title}`, and a reStructuredText directive, `.. container::
    // article_title`, and its options are markup: a page's many divs would push the title out)
    // (runs of spaces are one: a text laid out by fixed character cells spreads a title's words across its line,
    // `偃师区卫生健康委员会          2024        年政府信`)
    // (a site's breadcrumb goes: the title may end it, `首页 > 政务公开 > 某局2023年…年度报告`)
    if (text && !text.startsWith(':::') && !text.startsWith('.. ') && !RST_OPTION.test(text)) {
      // (each replace only where its mark stands: BREADCRUMB's match backtracks over the whole line)
      const spaced = HAS_SPACE_RUN.test(text) ? text.replace(SPACE_RUN, ' ') : text;
      const shown = BREADCRUMB_MARK.test(spaced) ? spaced.replace(BREADCRUMB, '') : spaced;
      if (shown) out.push({ text: shown, line: i + 1 });
    }
  }
  return out;
}

/** The first 80 non-empty lines, cleaned: where the title and the publication date are looked for. */
const HEAD_LINES = 80;
/** The first 40 of them: where the publication date is looked for. */
const DATE_LINES = 40;

/** Words every report prints (global: counted). */
const KNOWN_WORDS = /政府信息公开|中华人民共和国|年度报告|主动公开/g;

/**
 * Whether the lines set spaces inside words, as pdf2json's text does (`2023年政府信 息公开工作 年度报告`,
 * `《中华人 民共和国…`): some line prints a word every report prints only with the spaces between its ideographs taken
 * out. Elsewhere a space between two ideographs parts words (a menu's, `首页 机构概况`) and is kept.
 */
function spacedWords(head: ReadonlyArray<{ text: string }>): boolean {
  return head.some((h) => {
    const words = withoutHanSpaces(h.text);
    return words !== h.text && (words.match(KNOWN_WORDS)?.length ?? 0) > (h.text.match(KNOWN_WORDS)?.length ?? 0);
  });
}

function findTitle(lines: ReadonlyArray<{ text: string; line: number }>): { title: string; line: number; previous: string | null } | null {
  // (a text that sets spaces inside words is read as words: its title and the name lines above it too)
  const head = spacedWords(lines) ? lines.map((h) => ({ text: withoutHanSpaces(h.text), line: h.line })) : lines;
  for (let i = 0; i < head.length; i++) {
    const cur = head[i]!;
    const wrapped = wrappedTitle(head, i);
    if (wrapped) return wrapped;
    const text = cur.text.length > 80 ? '' : cur.text;
    // (a site's menu line ending 政府工作报告, the government's work report, names no annual disclosure report:
    // `政府信息公开 领导之窗 政府机构 要闻 … 政府工作报告`)
    if (!text || /[。，,；]/.test(text) || !/报告|年报/.test(text) || /政府工作报告$/.test(text)) continue;
    const prev = head[i - 1];
    if (TITLE_HINT.test(text)) {
      const name = wrappedName(head, i, text);
      if (name) return name;
      // A title printed over two lines: "…政府信息公开工作" + "年度报告", or agency line + "2020年度…报告".
      const joinable = prev && isShortLine(prev.text) && cur.line - prev.line <= 3 && !/^\d{4}\s*年\s*\d{1,2}\s*月/.test(prev.text);
      // (a line above a title opening with its year is its agency only if it can be a name)
      const nameAbove = joinable && isNameLine(prev.text);
      // (a title opening with its year that names the agency after it needs no line before it: `办公厅` over
      // `2019年江北市人民政府办公厅…年度报告` is an info table's cell wrapped above the title)
      const named = /^\d{4}\s*年/.test(text) && agencyFromTitle(text) !== null;
      // (a fixed-width text wraps inside the year: `…规划局202` / `0年政府信息公开工作年度报告`, catdoc)
      if (joinable && /\d$/.test(prev.text) && /^\d{1,3}\s*年/.test(text)) return { title: prev.text + text, line: prev.line, previous: head[i - 2]?.text ?? null };
      // (a menu line or a breadcrumb's last item above a title, `政务公开`, continues no title that names its year)
      if (joinable && !named && ((nameAbove && /^\d{4}\s*年/.test(text)) || /^(年度报告|公开工作|工作年度报告)/.test(text) || (/(政府信息|公开工作|政务公开)$/.test(prev.text) && !/\d{4}\s*年/.test(text)))) {
        return { title: `${prev.text}${/^\d/.test(text) ? ' ' : ''}${text}`, line: prev.line, previous: null };
      }
      return { title: text, line: cur.line, previous: prev?.text ?? null };
    }
  }
  return null;
}

/**
 * A title a page wraps inside its agency's name (a 22pt title on A4 holds about twenty characters a line:
 * `中国（福建）自由贸易试验区平潭片区管理` / `委员会2023年政府信息公开工作年度报告`): the line or two right above the
 * title line (maybe an empty line between, as mutool prints lines), each all Chinese characters (brackets too), no
 * narrower than the line below it, as a paragraph's full lines are above its last. A site's name or heading above a
 * title prints narrower than the title; a menu or a breadcrumb has spaces or separators. Null when the title line
 * opens with its year (read by findTitle) or names nothing before it.
 */
function wrappedName(head: ReadonlyArray<{ text: string; line: number }>, i: number, text: string): { title: string; line: number; previous: string | null } | null {
  // (the name's rest may be one character: `…市场监督管理` / `局2023年…`)
  if (!/^[\u4e00-\u9fff（）()]+\s*\d{4}\s*年/.test(text)) return null;
  let title = text;
  let k = i;
  while (k > 0 && k > i - 2) {
    const above = head[k - 1]!;
    const words = above.text.trimEnd();
    // (a wrapped title's line holds no more than a line of a title's type, and is no site's name nor a slogan about
    // 政务公开 over the page; its width is its characters', not the spaces an extractor sets around the year)
    if (head[k]!.line - above.line > 2 || words.length > 26 || /\s/.test(words) || !isNameLine(words) || /政府信息公开|政务公开/.test(words) || displayColumns(words) < displayColumns(head[k]!.text.replace(/\s/g, ''))) break;
    title = words + title;
    k--;
  }
  if (k === i) return null;
  const agency = agencyFromTitle(title);
  return agency && agency.length <= 40 ? { title, line: head[k]!.line, previous: head[k - 1]?.text ?? null } : null;
}

/**
 * A title inside a long line, as a one-line crawl glues a page's text (`…政府信息公开年报 平潭综合实验区2023年度政府信息
 * 公开工作年度报告 来源：…`): the first `<name><year>年（度）政府信息公开工作年度报告` (or `<year>年<name>政府信息…`) in
 * the text's first characters that starts the line or follows white space or a colon, the name holding no
 * punctuation (so no 《…》 quotation) but a short part in brackets (`中国（福建）自由贸易试验区…`), maybe a space
 * before the year (`平潭综合实验区行政审批局 2019年…`).
 */
const EMBEDDED_TITLE = /(?:^|[\s:：>|│])((?:(?:[^\s:：，。；、,;《》“”"（）()>|│]|[（(][^\s:：，。；、,;《》“”"（）()>|│]{1,12}[）)]){2,40}? ?\d{4}\s*年度?|\d{4}\s*年度?[^\s:：，。；、,;《》“”"（）()>|│\d]{2,40}?)(?:政府信息公开|政务公开)(?:工作)?年度报告)/m;
const EMBEDDED_SCAN = 4000;

function embeddedTitle(text: string): { title: string; line: number; previous: string | null } | null {
  const head = text.slice(0, EMBEDDED_SCAN);
  const m = EMBEDDED_TITLE.exec(head);
  if (!m) return null;
  const at = m.index + m[0].length - m[1]!.length;
  let line = 1;
  for (let i = head.indexOf('\n'); i >= 0 && i < at; i = head.indexOf('\n', i + 1)) line++;
  return { title: m[1]!, line, previous: null };
}

/**
 * A title a narrow page wraps anywhere, over two or three lines (`平潭综合实验区2019年政府信息公开工作年` / `度报告`,
 * `…2023年政府信息公` / `开工作年度报告`): short lines without a sentence's punctuation or quotation marks, the first
 * not a title by itself, which joined name a year and end as a report's title does.
 */
function wrappedTitle(head: ReadonlyArray<{ text: string; line: number }>, i: number): { title: string; line: number; previous: string | null } | null {
  const first = head[i]!;
  const plain = (t: string): boolean => isShortLine(t) && !/[《》“”"]/.test(t);
  if (!plain(first.text) || TITLE_HINT.test(first.text) || !/\d{4}/.test(first.text) || /^\d{4}\s*年\s*\d{1,2}\s*月/.test(first.text)) return null;
  let joined = first.text;
  for (let k = i + 1; k < head.length && k <= i + 2; k++) {
    const next = head[k]!;
    // (a continuation names no year: `某某局` over `2024年…年度报告` is a name line and a title, read below)
    if (!plain(next.text) || next.line - head[k - 1]!.line > 2 || next.text.length > 20 || /\d{4}\s*年/.test(next.text)) return null;
    joined += next.text;
    if (TITLE_HINT.test(joined) && /\d{4}\s*年/.test(joined) && /(政府信息公开|政务公开)/.test(joined)) return { title: joined, line: first.line, previous: head[i - 1]?.text ?? null };
  }
  return null;
}

/** The agency named in a title: whatever precedes the year or the report words. */
export function agencyFromTitle(title: string): string | null {
  // (a title whose year a PDF's reading order printed apart, `年上海市人民政府办公厅…` below `2019`, starts with 年)
  // (no agency's name opens with an info table's label: `名称江北市…` is a crawl that glued the label cell to the title)
  let t = title.replace(/^附\s*件\s*\d*\s*[:：]?\s*/, '').replace(/^(?:标\s*题|题\s*目|名\s*称)\s*[:：]?\s*/, '').replace(/^(?:\d{4}\s*)?年度?\s*/, '');
  // (`关于某局2023年度…年度报告`, a title worded as a letter's subject, names its agency after 关于; a cover letter's
  // 关于报送… names none)
  t = t.replace(/^【[^【】]*(?:报告|年报|公开)[^【】]*】\s*/, '').replace(/^关于(?!报送|印发|公布|发布|上报|提交)(?=[^\d\s]{2})/, '');
  t = t.replace(/\s*关于(?:报送|印发|公布|发布|上报|提交)?[\s\S]*$/, '');
  // (the year maybe after another, `2022-2023年`, or with OCR's letter for a digit, `2O23年`)
  t = t.replace(/\s*(?:\d{4}\s*[-—–~至到]\s*)?\d[\dOoIl]{3}\s*年度?[\s\S]*$/, '').replace(/\s*[〇○零一二三四五六七八九]{4}\s*年度?[\s\S]*$/, '');
  t = t.replace(/\s*(关于)?\s*(政府信息公开|政务公开|年度报告|工作报告)[\s\S]*$/, '');
  // (a name in brackets, `【某局】2023年…`, a site's tag before it, `【年度报告】某局2023年…`, or a name joined to the
  // year by a file name's `_` or a dash)
  t = t.replace(/\s+/g, '').replace(/[_\-—–|｜:：]+$/, '').replace(/^[【\[「『]([^【】\[\]「」『』]+)[】\]」』]$/, '$1').trim();
  // (no name opens with a year's last digits: `0年…` is a title wrapped inside its year)
  return t.length >= 2 && t.length <= 40 && !/^\d+年/.test(t) ? t : null;
}

function signature(lines: readonly string[]): { agency: string | null; date: PrintedDate | null } {
  const tail: Array<{ text: string; line: number }> = [];
  for (let i = lines.length - 1; i >= 0 && i >= lines.length - 400 && tail.length < 8; i--) {
    const text = clean(lines[i] ?? '');
    if (text && !/^[-—\s\d]+$/.test(text)) tail.unshift({ text, line: i + 1 });
  }
  for (let i = tail.length - 1; i >= 0; i--) {
    const m = DATE.exec(tail[i]!.text);
    if (m && tail[i]!.text.length <= 20) {
      const date = { date: `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`, line: tail[i]!.line };
      const prev = tail[i - 1]?.text ?? '';
      const agency = isShortLine(prev) && /[\u4e00-\u9fff]{2,}/.test(prev) && !/\d/.test(prev) && !/^[一二三四五六七八九十]+、/.test(prev) ? prev.replace(/\s+/g, '') : null;
      return { agency, date };
    }
  }
  return { agency: null, date: null };
}

/**
 * The agency signing under a title that names none (`2023年政府信息公开工作年度报告` / `某局` / `2024年1月20日`, as a
 * PDF prints the sender and date under the title): the line right below the title, a name, with a date alone on the
 * line after it. Null when none.
 */
function nameUnderTitle(head: ReadonlyArray<{ text: string; line: number }>, titleLine: number): string | null {
  const i = head.findIndex((h) => h.line > titleLine);
  const name = head[i];
  const date = head[i + 1];
  if (!name || !date || name.line - titleLine > 3 || date.line - name.line > 3 || !isNameLine(name.text) || !DATE_LINE.test(date.text)) return null;
  return name.text.replace(/\s+/g, '');
}

/**
 * The sender signing a cover letter: between the letter's title and the report's own title, the short line right
 * above a date alone on its line (not the addressee, which ends in a colon, nor an 附件: line). Null when none.
 */
function letterSender(head: ReadonlyArray<{ text: string; line: number }>, from: number, to: number): string | null {
  const body = head.filter((h) => h.line > from && h.line < to);
  for (let i = 1; i < body.length; i++) {
    const m = DATE.exec(body[i]!.text);
    if (!m || body[i]!.text.length > 20) continue;
    const prev = body[i - 1]!.text;
    if (isShortLine(prev) && /^[\u4e00-\u9fff（）()]{4,40}$/.test(prev) && !/[:：]$/.test(prev) && !/^附件/.test(prev)) return prev;
    return null;
  }
  return null;
}

/** A 部门:/单位:/发布机构: field at a line's start; its value ends at white space (`发布机构：某局 发布时间：…`). */
const DEPT = /^[ \t]*(部门|单位|发布机构|发文机关)[ \t]*[:：][ \t]*([^\s:：]{2,39})(?=[ \t]|$)/m;

/**
 * A 部门:/单位: line among the first 40 lines (`lines` is `text` split at line breaks). Those lines joined are the text up to its 40th line break; the
 * pattern runs only when 部门 or 单位 occurs there (most reports have neither near the top).
 */
function deptLine(lines: readonly string[], text: string): RegExpExecArray | null {
  let end = text.length;
  if (lines.length > 40) {
    end = -1;
    for (let n = 0; n < 40; n++) end = text.indexOf('\n', end + 1);
  }
  const first = (word: string): number => {
    const at = text.indexOf(word);
    return at === -1 ? end : at;
  };
  if (first('部门') >= end && first('单位') >= end && first('发布机构') >= end && first('发文机关') >= end) return null;
  return DEPT.exec(text.slice(0, end));
}

/** A labelled date in a page's header: 发布时间/发布日期/成文日期/时间/日期: 2024-03-08 (or 2024年3月8日, 2024/3/8). */
const LABELLED_DATE = /(?:发布时间|发布日期|成文日期|发文日期|印发日期|时间|日期)\s*[:：]\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;
/** A date alone on a line under the title, optionally in brackets: （2024年1月20日）. */
const DATE_LINE = /^[（(]?\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[）)]?$/;

/** A printed date, as it was printed (`2024-13-45` stays so: validation is separate). */
export interface PrintedDate {
  /** `YYYY-MM-DD`, zero-padded, as printed. */
  date: string;
  /** 1-based source line, or null when unknown. */
  line: number | null;
}

/**
 * The publication date: a labelled header date (发布时间/发布日期/成文日期/时间), else a date alone on a line near
 * the top (under the title), else the signature's date. Only where each pattern can start: most lines are passed
 * over by their first character or by a substring test.
 */
function publicationDate(head: ReadonlyArray<{ text: string; line: number }>, sig: { date: PrintedDate | null }): PrintedDate | null {
  const iso = (m: RegExpExecArray, line: number): PrintedDate => ({ date: `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`, line });
  for (const { text: l, line } of head) {
    if (!l.includes('时间') && !l.includes('日期')) continue;
    const m = LABELLED_DATE.exec(l.length > 400 ? l.slice(0, 400) : l);
    if (m) return iso(m, line);
  }
  for (const { text: l, line } of head) {
    const c = l.charCodeAt(0);
    const m = c === 0xff08 || c === 0x28 || (c >= 0x30 && c <= 0x39) || isSpace(c) ? DATE_LINE.exec(l) : null;
    if (m) return iso(m, line);
  }
  return sig.date;
}

/**
 * A year mention that is no evidence of the reported year: a law's or rule's revision or issue note (（2019年修订）,
 * 2008年5月1日起施行, 2019年版), a date (2025年1月20日: publication dates fall in the next year), a year inside a
 * document title (《…2019年…》) or a document number (〔2021〕).
 */
const NOT_THE_YEAR_AFTER = /^\s*年度?\s*(?:\d{1,2}\s*月|修订|修正|修改|颁布|施行|公布|印发|发布|版|第)/;

/**
 * A year the clause after it plans for (`2024 年，我区将采取以下措施加以改进`, 将 within the clause's first words): the
 * year after the reported one, as a report's part on problems and improvements names it.
 */
const PLANNED_YEAR_AFTER = /^\s*年度?\s*[，,]?\s*[^，,。；;\n\d]{0,6}将/;

/**
 * The year a text names most (年 or 年度 after four digits), passing over revision notes, dates, document titles
 * and numbers (NOT_THE_YEAR_AFTER, 《…》) and years planned for (PLANNED_YEAR_AFTER): the reported year of a report whose title states none. Ties go to the
 * year named first. Null when no year is named that way.
 */
export function yearFromText(text: string): { year: number; line: number; mentions: number; passedOver: number } | null {
  const counts = new Map<number, { n: number; at: number }>();
  let passedOver = 0;
  const re = /(\d{4})(?=\s*年)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const y = Number(m[1]);
    if (!validYear(y) || /\d/.test(text.charAt(m.index - 1))) continue;
    const after = text.slice(m.index + 4, m.index + 16);
    const open = text.lastIndexOf('《', m.index);
    const inTitle = open >= 0 && m.index - open < 80 && text.indexOf('》', open) > m.index;
    if (NOT_THE_YEAR_AFTER.test(after) || PLANNED_YEAR_AFTER.test(after) || inTitle) {
      passedOver++;
      continue;
    }
    const c = counts.get(y);
    if (c) c.n++;
    else counts.set(y, { n: 1, at: m.index });
  }
  let best: { year: number; n: number; at: number } | null = null;
  for (const [year, c] of counts) if (!best || c.n > best.n || (c.n === best.n && c.at < best.at)) best = { year, ...c };
  if (!best) return null;
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < best.at; i = text.indexOf('\n', i + 1)) line++;
  return { year: best.year, line, mentions: best.n, passedOver };
}

/**
 * A field of a page's info table other than its title: 索引号, 发布机构, 公开日期 … on a short line (a renderer may put
 * two cells on one line, `014314799/20 发布机构`, or keep the table's bars, `|索引号 |…`), or 文号, 时效 opening one.
 */
const INFO_FIELD = /索\s*引\s*号|发布机构|发文机关|发文单位|公开日期|发文日期|成文日期|生成日期|主题分类|信息分类|^[|│\s]*(?:文\s*号|有效性|时\s*效)/;
const INFO_FIELDS = new RegExp(INFO_FIELD.source, 'g');
const INFO_LINE = 60;

/**
 * The lines of a page's info table (名称 … 索引号 … 发布机构 …) at the head, first to last field, or null: a
 * renderer may wrap its title cell over lines among the fields, cut anywhere (`江北市人民政府` `办公厅 2019 年`
 * `政府信息公开工` `作年度报告`), or join the label to it (`名称江北市…`).
 */
function infoBlock(head: ReadonlyArray<{ text: string; line: number }>, lines: readonly string[]): [number, number] | null {
  const fields = head.filter((h) => h.text.length <= INFO_LINE && INFO_FIELD.test(h.text));
  const count = fields.reduce((n, h) => n + h.text.match(INFO_FIELDS)!.length, 0);
  if (count < 2 || fields.at(-1)!.line - fields[0]!.line > 12) return null;
  // (the label as printed: cleaning took it off its line)
  const label = head.find((h) => h.line <= fields[0]!.line && h.line >= fields[0]!.line - 6 && /^[|│\s]*(?:名\s*称|标\s*题)/.test(lines[h.line - 1] ?? ''));
  // (a title cell centred beside its label wraps above it too)
  return [label ? label.line - 2 : fields[0]!.line, fields.at(-1)!.line];
}

export function readMeta(lines: readonly string[], text: string): Meta {
  // The date is looked for in the first 40 non-empty lines and the title in the first 80: the title is nearly always
  // among the first 40 (findTitle takes the first match, so a longer list gives the same one), so 80 are cleaned
  // only when it is not.
  let head = nonEmpty(lines, DATE_LINES);
  let found = findTitle(head);
  // (a title read inside a page's info table gives way to one below it that names an agency: the report's own)
  const block = found && infoBlock(head, lines);
  if (found && block && found.line >= block[0] && found.line <= block[1]) {
    const below = findTitle(head.filter((x) => x.line > block[1]));
    if (below && agencyFromTitle(below.title)) found = below;
  }
  if (!found && head.length === DATE_LINES) found = findTitle((head = nonEmpty(lines, HEAD_LINES)));
  if (!found) found = embeddedTitle(text);
  const title = found ? found.title : null;
  let agency: string | null = null;
  if (title) agency = agencyFromTitle(title);
  if (!agency && found && /^关于/.test(title ?? '')) {
    // a cover letter with no sender before 关于: the report's own title inside it names the agency
    // (an 附件: line naming the report is the letter's, not the report's title)
    const inner = findTitle(head.filter((h) => h.line > found.line && !/^附\s*件/.test(h.text)));
    if (inner) agency = agencyFromTitle(inner.title);
    // nor in the report's own title: the letter's sender signs it (a short line over its date) before the report
    if (!agency) agency = letterSender(head, found.line, inner?.line ?? Infinity);
  }
  const dept = deptLine(lines, text);
  if (!agency && dept) agency = dept[2]!.trim();
  if (!agency && found?.previous && isNameLine(found.previous)) agency = found.previous.replace(/\s+/g, '');
  if (!agency && found) agency = nameUnderTitle(head, found.line);
  const sig = signature(lines);
  if (!agency) agency = sig.agency;

  let year: number | null = null;
  let yearGuess: Meta['yearGuess'] = null;
  const ty = title ? /(\d{4})\s*年/.exec(title) ?? /[（(]\s*(\d{4})\s*[)）]\s*$/.exec(title) : null;
  if (ty && validYear(Number(ty[1]))) year = Number(ty[1]);
  const han = title && !ty ? hanYear(title) : null;
  if (han !== null && validYear(han)) year = han;
  if (year === null) {
    const period = /统计(?:期限|周期|时限|时间)[^。\n]{0,12}?(\d{4})\s*年/.exec(text);
    if (period && validYear(Number(period[1]))) year = Number(period[1]);
  }
  if (year === null && found) {
    // a cover letter (关于报送…的函) names the report's year inside it: the report's own title further down
    const inner = findTitle(head.filter((h) => h.line > found.line));
    const iy = inner ? /(\d{4})\s*年/.exec(inner.title) : null;
    if (iy && validYear(Number(iy[1]))) year = Number(iy[1]);
  }
  if (year === null) {
    const guess = yearFromText(text);
    if (guess) {
      year = guess.year;
      yearGuess = { line: guess.line, mentions: guess.mentions, passedOver: guess.passedOver };
    }
  }

  const published = publicationDate(head.slice(0, DATE_LINES), sig);
  return { title, titleLine: found?.line ?? null, agency, year, yearGuess, published };
}
