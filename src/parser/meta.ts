/** Title, agency, reported year and publication date, from the title line, a 部门: line, the 统计期限 sentence or the signature. */
import { isSpace } from './normalize.ts';

export interface Meta {
  title: string | null;
  titleLine: number | null;
  agency: string | null;
  year: number | null;
  published: string | null;
}

const TITLE_HINT = /(政府信息公开|政务公开)[^。]*报告[)）]?$|年度报告$/;
const DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const ISO_DATE = /(\d{4})-(\d{1,2})-(\d{1,2})/;

/** A line without its markdown prefix (#, >, *) and 标题:/题目: label, trimmed. */
function clean(s: string): string {
  const c = s.charCodeAt(0);
  // fast path for most lines: nothing to strip at the start (an empty line gives NaN, and '' either way)
  // (nothing to trim at the start, so trim() is trimEnd(), and a line not ending in white space is already trimmed)
  if (!(isSpace(c) || c === 0x23 || c === 0x2a || c === 0x3e || c === 0x6807 || c === 0x9898)) return isSpace(s.charCodeAt(s.length - 1)) ? s.trimEnd() : s;
  return (s.trim() === '' ? '' : s).replace(/^[#\s>*]+/, '').replace(/^(标题|题目)\s*[:：]\s*/, '').trim();
}
const isShortLine = (s: string): boolean => s.length > 0 && s.length <= 40 && !/[。，,；;]/.test(s);
const pad = (n: string): string => n.padStart(2, '0');
const validYear = (y: number): boolean => y >= 2007 && y <= 2100;

function nonEmpty(lines: readonly string[], limit: number): Array<{ text: string; line: number }> {
  const out: Array<{ text: string; line: number }> = [];
  // titles sit near the top: look at no more than the first 400 lines, however empty
  for (let i = 0; i < lines.length && i < 400 && out.length < limit; i++) {
    const text = clean(lines[i] ?? '');
    if (text) out.push({ text, line: i + 1 });
  }
  return out;
}

/** The first 80 non-empty lines, cleaned: where the title and the publication date are looked for. */
const HEAD_LINES = 80;
/** The first 40 of them: where the publication date is looked for. */
const DATE_LINES = 40;

function findTitle(head: ReadonlyArray<{ text: string; line: number }>): { title: string; line: number; previous: string | null } | null {
  for (let i = 0; i < head.length; i++) {
    const cur = head[i]!;
    const text = cur.text.length > 80 ? '' : cur.text;
    if (!text || /[。，,；]/.test(text) || !/报告/.test(text)) continue;
    const prev = head[i - 1];
    if (TITLE_HINT.test(text)) {
      // A title printed over two lines: "…政府信息公开工作" + "年度报告", or agency line + "2020年度…报告".
      const joinable = prev && isShortLine(prev.text) && cur.line - prev.line <= 3 && !/^\d{4}\s*年\s*\d{1,2}\s*月/.test(prev.text);
      if (joinable && (/^(\d{4}\s*年|年度报告|公开工作|工作年度报告)/.test(text) || /(政府信息|公开工作|政务公开)$/.test(prev.text))) {
        return { title: `${prev.text}${/^\d/.test(text) ? ' ' : ''}${text}`, line: prev.line, previous: null };
      }
      return { title: text, line: cur.line, previous: prev?.text ?? null };
    }
  }
  return null;
}

/** The agency named in a title: whatever precedes the year or the report words. */
export function agencyFromTitle(title: string): string | null {
  let t = title.replace(/^\d{4}\s*年度?\s*/, '');
  t = t.replace(/\s*(关于)?\s*\d{4}\s*年度?[\s\S]*$/, '');
  t = t.replace(/\s*(关于)?\s*(政府信息公开|政务公开|年度报告|工作报告)[\s\S]*$/, '');
  t = t.replace(/\s+/g, '').trim();
  return t.length >= 2 && t.length <= 40 ? t : null;
}

function signature(lines: readonly string[]): { agency: string | null; date: string | null } {
  const tail: Array<{ text: string; line: number }> = [];
  for (let i = lines.length - 1; i >= 0 && i >= lines.length - 400 && tail.length < 8; i--) {
    const text = clean(lines[i] ?? '');
    if (text && !/^[-—\s\d]+$/.test(text)) tail.unshift({ text, line: i + 1 });
  }
  for (let i = tail.length - 1; i >= 0; i--) {
    const m = DATE.exec(tail[i]!.text);
    if (m && tail[i]!.text.length <= 20) {
      const date = `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
      const prev = tail[i - 1]?.text ?? '';
      const agency = isShortLine(prev) && /[\u4e00-\u9fff]{2,}/.test(prev) && !/\d/.test(prev) && !/^[一二三四五六七八九十]+、/.test(prev) ? prev.replace(/\s+/g, '') : null;
      return { agency, date };
    }
  }
  return { agency: null, date: null };
}

const DEPT = /^[ \t]*(部门|单位)[ \t]*[:：][ \t]*(\S[^\n]{1,38})$/m;

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
  if (first('部门') >= end && first('单位') >= end) return null;
  return DEPT.exec(text.slice(0, end));
}

export function readMeta(lines: readonly string[], text: string): Meta {
  // The date is looked for in the first 40 non-empty lines and the title in the first 80: the title is nearly always
  // among the first 40 (findTitle takes the first match, so a longer list gives the same one), so 80 are cleaned
  // only when it is not.
  let head = nonEmpty(lines, DATE_LINES);
  let found = findTitle(head);
  if (!found && head.length === DATE_LINES) found = findTitle((head = nonEmpty(lines, HEAD_LINES)));
  const title = found ? found.title : null;
  let agency: string | null = null;
  if (title) agency = agencyFromTitle(title);
  const dept = deptLine(lines, text);
  if (!agency && dept) agency = dept[2]!.trim();
  if (!agency && found?.previous && isShortLine(found.previous) && !/\d/.test(found.previous)) agency = found.previous.replace(/\s+/g, '');
  const sig = signature(lines);
  if (!agency) agency = sig.agency;

  let year: number | null = null;
  const ty = title ? /(\d{4})\s*年/.exec(title) : null;
  if (ty && validYear(Number(ty[1]))) year = Number(ty[1]);
  if (year === null) {
    const period = /统计(?:期限|周期|时限|时间)[^。\n]{0,12}?(\d{4})\s*年/.exec(text);
    if (period && validYear(Number(period[1]))) year = Number(period[1]);
  }
  if (year === null) {
    const m = /(\d{4})\s*年度?/.exec(text);
    if (m && validYear(Number(m[1]))) year = Number(m[1]);
  }

  let published: string | null = null;
  for (const { text: l } of head.slice(0, DATE_LINES)) {
    // (each pattern runs only on lines starting as it requires: most lines start otherwise)
    const c = l.charCodeAt(0);
    const m = c === 0xff08 || c === 0x28 || (c >= 0x30 && c <= 0x39) || isSpace(c) ? /^[（(]?\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[）)]?$/.exec(l) : null;
    if (m) {
      published = `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
      break;
    }
    const iso = (c === 0x53d1 || c === 0x65f6) && /^(发布时间|发布日期|时间)\s*[:：]\s*/.test(l) ? ISO_DATE.exec(l) : null;
    if (iso) {
      published = `${iso[1]}-${pad(iso[2]!)}-${pad(iso[3]!)}`;
      break;
    }
  }
  if (!published) published = sig.date;
  return { title, titleLine: found?.line ?? null, agency, year, published };
}
