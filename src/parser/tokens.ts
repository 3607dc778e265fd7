import { fold, HEADING_MARK, isHan, isSpace, isWide, lineAt } from './normalize.ts';

/**
 * Tokens of a table region: numbers, null placeholders and label text, each with its source line.
 * Works the same on tab rows, one cell per line, markdown pipes, pdftotext columns and one-line crawls.
 */

export interface Token {
  kind: 'num' | 'null' | 'text';
  /** The printed text of the token. */
  text: string;
  /** Numeric value (kind 'num'). */
  value?: number | undefined;
  /** Unit printed after the number (件, 条, 万元, 元 …). */
  unit?: string | undefined;
  /** True when the number is a bare digit run that could be several glued cells (no sign, separator, decimal or unit). */
  glued?: boolean | undefined;
  /**
   * A blank cell of a delimited row (tab-, pipe- or box-separated: HTML tables, markdown, text-browser grids): an
   * empty cell between two separators, after the row's first non-empty cell, on a row that has values. Kind 'null'.
   */
  blank?: boolean | undefined;
  /**
   * A digit group of a cell holding only digit groups and single spaces (`30 0 0 0 03`): a one-line crawl whose
   * &nbsp; padding put spaces at arbitrary places, so the spaces may fall inside numbers (see `rejoinSpaced`).
   */
  spaced?: boolean | undefined;
  /**
   * The printed number cannot be kept as a number: `inexact` when a double does not hold it exactly (more than 15
   * significant digits: 99999999999999999999 would become 1e20), `notation` for exponent notation (1e309),
   * `garbled` for digits on both sides of a percent sign (`9%5`, OCR's misreading), `grouping` for commas that group
   * no thousands (`489,8520223,897`, cells glued; `27,21`, a number a narrow cell cut short), `point` for digits
   * after a decimal point with no digit before it (`.5`, `12..5`: a number's whole part lost or mistyped), `wrapped`
   * for a number a narrow cell may have wrapped, the digits after its row's label maybe its rest (wrapped-numbers.ts),
   * `centred` for a row whose centred cells may have wrapped numbers above and below it, in columns nothing tells.
   * A cell it fills is null, its text kept as printed (a glued run is still split by its digits).
   */
  problem?: 'inexact' | 'notation' | 'garbled' | 'grouping' | 'point' | 'wrapped' | 'centred' | undefined;
  /** 1-based source line. */
  line: number;
  /**
   * Where a number that fills a cell of its own starts on its line (set only on lines split by spaces: layout
   * text): `at` in characters (pdftotext -layout's column model), `col` in display columns (a wide character
   * takes two: a text browser's model). The readers compare positions between rows of one table.
   */
  at?: number | undefined;
  col?: number | undefined;
  /**
   * A one-line crawl's bare digit run (on a line past MAX_LAYOUT_LINE): the spaces (or &nbsp;) right before and
   * right after it, where counted (0: none). A crawl that turns each empty cell's &nbsp; into a space prints a row's
   * blank cells as that many spaces (`25812  11 ` is 258|12|·|·|1|1|·): marked-runs.ts reads them so.
   */
  spacesBefore?: number | undefined;
  spacesAfter?: number | undefined;
}

/**
 * A new token with every field present, those it does not use undefined (set them after): tokens of one shape keep
 * the readers' property reads monomorphic, where adding fields as they apply makes a shape of each combination.
 */
export function newToken(kind: Token['kind'], text: string, line: number, value?: number): Token {
  return { kind, text, value, unit: undefined, glued: undefined, blank: undefined, spaced: undefined, problem: undefined, line, at: undefined, col: undefined, spacesBefore: undefined, spacesAfter: undefined };
}

/** A blank cell of a delimited row (see Token.blank). */
function blankToken(line: number): Token {
  const t = newToken('null', '', line);
  t.blank = true;
  return t;
}

/** A value that cannot be read as a number, kept as printed (see Token.problem). */
function problemToken(text: string, problem: Token['problem'], line: number): Token {
  const t = newToken('null', text, line);
  t.problem = problem;
  return t;
}

/** Em dashes and nothing else. */
const DASH_RUN = /^—+$/;

/** A text that is a row enumerator and nothing else (`4.`, `（四）`, `四、`). */
const ENUMERATOR_ONLY = /^(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十][）)]|[一二三四五六七八九十]、)$/;

/**
 * Placeholders printed for "no value" (none longer than 3 characters; `--` is docx2txt's —; 持平, 不变 and 无变化 a
 * 2019 report's 本年增/减 cell that prints no number).
 */
const NULL_WORDS = new Set(['/', '-', '--', '—', '——', '－', '–', '无', '不涉及', '/ ', '-/-', '\\', '持平', '不变', '无变化']);
/** The placeholders that are marks, not words: a run of them after a label is that row's cells. */
const DASHES = new Set(['/', '-', '--', '—', '——', '－', '–']);
const PAGE_NUMBER = /^\s*[-—]\s*\d{1,3}\s*[-—]\s*$/;
/**
 * A markdown table's delimiter row: cells of hyphens (a colon at either end for alignment), one of three or more;
 * a converter writes a narrow column's as `-` or `--` and an empty column's as nothing (node-html-markdown:
 * `| ---- | -- | - |  | - |`), and none of those is a placeholder cell.
 */
const MD_SEPARATOR = /^(?=.*---)\s*\|?\s*:?-*:?\s*(?:\|\s*:?-*:?\s*)*\|?\s*$/;
/** Units a number may carry (a one-character unit, or 万元); scanned by nextNumber. */
const UNITS = '元件条项个次份';
/**
 * Characters that, right after digits, mean the digits are part of text (a date, an ordinal, a share): 年月日号期届
 * and % (no statutory cell holds a percentage; an asciidoc table's `cols="^16%,^6%"` is no row of cells).
 */
const isTextSuffix = (c: number): boolean => c === 0x5e74 || c === 0x6708 || c === 0x65e5 || c === 0x53f7 || c === 0x671f || c === 0x5c4a || c === 0x25;

/** True when `t` has a letter or digit; CJK ideographs and ASCII are decided without the Unicode regex. */
function hasWordChar(t: string): boolean {
  const c = t.charCodeAt(0);
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a)) return true;
  return /[\p{L}\p{N}]/u.test(t);
}

/** text.trim(), without the call when there is nothing to trim (most cells). */
function trimmed(text: string): string {
  return text && (isSpace(text.charCodeAt(0)) || isSpace(text.charCodeAt(text.length - 1))) ? text.trim() : text;
}

/** A Chinese numeral alone: a row enumerator's first part, its 、 on the next line. */
const LONE_NUMERAL = /^[一二三四五六七八九十]+$/;
/** Text ending with an enumerator's opening bracket and numeral, its closing bracket still to come. */
const OPEN_ENUMERATOR = /[（(][一二三四五六七八九十]+$/;

/** Whether the text tokens ending `out` end with an enumerator's opening bracket and numeral (`（二`, or `（` then `二`). */
function opensEnumerator(out: readonly Token[]): boolean {
  const last = out[out.length - 1]!;
  const prev = out[out.length - 2];
  return OPEN_ENUMERATOR.test(last.text) || (LONE_NUMERAL.test(last.text) && prev?.kind === 'text' && /[（(]$/.test(prev.text));
}

function pushText(out: Token[], text: string, line: number): void {
  // (underscores are a cell's fill, as html2text draws cells `|（七）总计_____|`: never part of a label)
  let t = trimmed(text.includes('_') ? text.replace(/_+/g, ' ') : text);
  if (!t) return;
  // (`5 .属于三类内部事务信息`, `1 . 本机关…`: an enumerator whose point a space parted from its digit reads as `5.`)
  if (t.includes(' .')) t = t.replace(SPACED_ENUMERATOR, '$1$2.');
  const last = out[out.length - 1];
  // (a row enumerator opens its label: `4.   无   0 …`, pdf2json's text of 4.无正当理由大量反复申请 letter-spaced, reads
  // 无 as the label's first word, not a placeholder cell)
  if (t === '无' && last && last.kind === 'text' && last.line === line && ENUMERATOR_ONLY.test(last.text)) {
    last.text += t;
    return;
  }
  if (t.length <= 3 && NULL_WORDS.has(t)) {
    out.push(newToken('null', t, line));
    return;
  }
  // (three dashes or more run together are cells glued, a dash each: `———————` a row of seven empty cells, `1—————1`
  // 1 | — | — | — | — | — | 1, as pdf2json glues a word processor's table cells; a double dash `——` stays one cell)
  if (t.length >= 3 && DASH_RUN.test(t)) {
    for (let k = 0; k < t.length; k++) out.push(newToken('null', '—', line));
    return;
  }
  // a dash right after a number and glued to the next label (`行政事业性收费10—第二十条…`: a one-line crawl of a
  // table whose empty cells print —): the dash is the empty cell, the rest is text
  const glued = t.charCodeAt(0) === 0x2014 ? /^(—{1,2})(?=\p{Script=Han})/u.exec(t) : null;
  if (glued && last && last.kind === 'num' && last.line === line) {
    out.push(newToken('null', glued[1]!, line));
    pushText(out, t.slice(glued[1]!.length), line);
    return;
  }
  // placeholders one space apart (`— —`: a layout keeps one space between two narrow cells): one cell each
  // (both readings below end with a placeholder: a text whose last word is none, most labels, is not split)
  if (t.includes(' ') && endsWithNullWord(t)) {
    const parts = t.split(/\s+/);
    if (parts.length > 1 && parts.every((p) => p.length <= 3 && NULL_WORDS.has(p))) {
      for (const p of parts) out.push(newToken('null', p, line));
      return;
    }
    // a label then dashes one space apart (`二、上年结转政府信息公开申请数量 — — — — — — —`: a row of placeholders in
    // text that keeps one space between cells, which no number splits from its label): the label, then one cell each
    let tail = parts.length;
    while (tail > 1 && DASHES.has(parts[tail - 1]!)) tail--;
    if (tail < parts.length) {
      pushText(out, parts.slice(0, tail).join(' '), line);
      for (const p of parts.slice(tail)) out.push(newToken('null', p, line));
      return;
    }
  }
  if (!hasWordChar(t)) {
    // lone punctuation separates nothing; but an opening bracket alone opens the label the next words go on with
    // (pdfium's text of LibreOffice's print: `（` / `二）部分` / `公开（区分` …, （二）部分公开's enumerator broken)
    if (t === '（' || t === '(') {
      if (last && last.kind === 'text' && last.line === line) last.text += t;
      else out.push(newToken('text', t, line));
    }
    // …and a 、 alone after a numeral alone ends that enumerator (`二` / `、` / `上` / `年结转政府信`: 二、上年结转…)
    else if (t === '、' && last && last.kind === 'text' && LONE_NUMERAL.test(last.text)) last.text += t;
    // …and a closing bracket alone closes an enumerator left open (`（` / `二` / `）` / `部` …: a label a character a line)
    else if ((t === '）' || t === ')') && last && last.kind === 'text' && opensEnumerator(out)) last.text += t;
    return;
  }
  // (the 无 of a letter-spaced group label, `无      法      提`: （四）无法提供 printed a character a cell down the
  // label column, is no placeholder)
  if (last && last.kind === 'null' && last.text === '无' && last.line === line && t.startsWith('法')) {
    last.kind = 'text';
    last.text += t;
    return;
  }
  if (last && last.kind === 'text' && last.line === line) last.text += t;
  else out.push(newToken('text', t, line));
}

/** Whether the last word of a trimmed text (after its last white space) is a placeholder (NULL_WORDS). */
function endsWithNullWord(t: string): boolean {
  let k = t.length;
  while (k > 0 && !isSpace(t.charCodeAt(k - 1))) k--;
  return t.length - k <= 3 && NULL_WORDS.has(t.slice(k));
}

/** True when every character is an ASCII digit (`digits` is a nextNumber match: digits, commas, one '.'). */
function onlyDigits(digits: string): boolean {
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

function hasAsciiDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) return true;
  }
  return false;
}

/**
 * Pushes a number token. `atomic`: the digits fill a cell of a delimited row on their own, so they are one number,
 * never a glued run to split.
 */
function pushNumber(out: Token[], sign: string, digits: string, unit: string | undefined, line: number, atomic = false): void {
  const plain = onlyDigits(digits);
  const value = Number(sign + (plain ? digits : digits.replace(/,/g, '')));
  if (!Number.isFinite(value)) return;
  const token = newToken('num', sign + digits + (unit ?? ''), line, value);
  if (unit) token.unit = unit;
  if (significantDigits(digits) > 15) token.problem = 'inexact';
  else if (!plain && digits.includes(',') && !THOUSANDS.test(digits.replace(/\.\d+$/, ''))) token.problem = 'grouping';
  if (!sign && !unit && plain && digits.length >= 2 && !atomic) token.glued = true;
  if (token.problem && !token.glued) {
    // one number a double cannot hold: a value position that reads as null (a glued run is still split by digits)
    token.kind = 'null';
    token.value = undefined;
  }
  out.push(token);
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** Significant digits of a printed number (commas, the point and leading zeros aside). */
function significantDigits(digits: string): number {
  let n = 0;
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i);
    if (c >= 0x31 && c <= 0x39) n++;
    else if (c === 0x30 && n > 0) n++;
  }
  return n;
}

/** Where exponent notation (e/E, an optional sign, digits) starts at `at`, its end; else -1. */
function exponentEnd(cell: string, at: number): number {
  const c = cell.charCodeAt(at);
  if (c !== 0x65 && c !== 0x45) return -1;
  let q = at + 1;
  if (cell.charCodeAt(q) === 0x2b || cell.charCodeAt(q) === 0x2d) q++;
  if (!isDigit(cell.charCodeAt(q))) return -1;
  while (q < cell.length && isDigit(cell.charCodeAt(q))) q++;
  return q;
}

/** A cell that is only an enumerator: one or two digits and '.', '．' or '、' (`3.`, `12、`). */
function isEnumerator(cell: string): boolean {
  const n = cell.length;
  if (n < 2 || n > 3) return false;
  const last = cell.charCodeAt(n - 1);
  if (last !== 0x2e && last !== 0x3001) return false;
  for (let i = 0; i < n - 1; i++) if (!isDigit(cell.charCodeAt(i))) return false;
  return true;
}

/** Whether a non-empty string is white space only. */
function onlySpaces(s: string): boolean {
  if (!s) return false;
  for (let i = 0; i < s.length; i++) if (!isSpace(s.charCodeAt(i))) return false;
  return true;
}

/**
 * A row's values as one glued digit run, when they are digit groups of one line split by spaces that may fall
 * anywhere (every value a `spaced` token of one cell, a plain digit run: no sign, unit, decimal or placeholder). Null otherwise.
 * The readers try this reading when the groups as printed do not make a row: `1 0 0 0 0 0 1 0` is 10|0|0|0|0|0|10.
 */
export function rejoinSpaced(values: readonly Token[]): Token | null {
  // every group of one cell: groups in cells of their own (two spaces or more apart, as a layout prints columns)
  // are cells, and a cell of two groups beside them (`64   2   4 70`) is two narrow columns, not a broken number
  if (values.length < 2 || !values.every((t) => t.spaced)) return null;
  const line = values[0]!.line;
  let digits = '';
  for (const t of values) {
    if (t.kind !== 'num' || t.line !== line || t.unit || !onlyDigits(t.text)) return null;
    digits += t.text;
  }
  const joined = newToken('num', digits, line, Number(digits));
  joined.glued = true;
  return joined;
}

/** A number printed in a cell: `[+-]?\d[\d,]*(?:\.\d+)?\s*(万元|元|件|条|项|个|次|份)?`, its commas grouping thousands. */
interface NumberMatch {
  start: number;
  /** End of the match, after the white space and unit that follow the digits. */
  end: number;
  sign: string;
  digits: string;
  unit: string | undefined;
}

/** Digits grouped in thousands by commas: 1,291 and 12,345,678. */
const THOUSANDS = /^\d{1,3}(?:,\d{3})+$/;
/** A run of digits and commas. */
const COMMA_RUN = /\d[\d,]*,\d[\d,]*/g;

/**
 * `cell` with the commas of a digit run that groups no thousands (`64,0,0,2,0,4,70`: a row's cells comma-separated;
 * `69,3,665`, where `3,665` alone would look like thousands) turned into a separator no number spans (same length).
 * A run grouped in thousands (1,291) keeps its commas.
 */
function separatingCommas(cell: string): string {
  if (!cell.includes(',')) return cell;
  return cell.replace(COMMA_RUN, (run) => (THOUSANDS.test(run.replace(/,$/, '')) || GLUED_THOUSANDS.test(run) || CUT_THOUSANDS.test(run) ? run : run.replace(/,/g, ';')));
}

/**
 * A run whose comma follows a thousands number's first group and precedes more than three digits (`489,8520223,897`:
 * 489,852 | 0 | 223,897 glued by a crawl): thousands commas with cells glued on, which no comma separates. Kept whole,
 * it reads as no number (pushNumber marks it), never as 489 | 8520223 | 897.
 */
const GLUED_THOUSANDS = /(?:^|,)[1-9]\d{0,2},\d{4}/;

/**
 * A thousands number cut short: its last group one or two digits (`27,21`, the rest `4` on the next line, where a
 * narrow cell wrapped 27,214). Two cells comma-separated print no group of three between (`64,0,0,2,0,4,70`); this
 * is one number not all printed here, no number (pushNumber marks it), never 27 | 21. The group is captured: its rest
 * may be on the next line (wrapped-numbers.ts).
 */
export const CUT_THOUSANDS = /^[1-9]\d{0,2}(?:,\d{3})*,(\d{1,2})$/;

/**
 * The leftmost number at or after `from`, exactly as that regex (global, from `from`) would match it, greedy, with
 * the same captures; scanned by hand because this runs on every cell of every table.
 */
function nextNumber(cell: string, from: number): NumberMatch | null {
  const n = cell.length;
  let start = from;
  let digitsStart = -1;
  for (; start < n; start++) {
    const c = cell.charCodeAt(start);
    if (isDigit(c)) digitsStart = start;
    else if ((c === 0x2b || c === 0x2d) && isDigit(cell.charCodeAt(start + 1))) digitsStart = start + 1;
    else continue;
    break;
  }
  if (digitsStart < 0) return null;
  let q = digitsStart + 1;
  while (q < n && (isDigit(cell.charCodeAt(q)) || cell.charCodeAt(q) === 0x2c)) q++;
  if (cell.charCodeAt(q) === 0x2e && isDigit(cell.charCodeAt(q + 1))) {
    q += 2;
    while (q < n && isDigit(cell.charCodeAt(q))) q++;
  }
  const digits = cell.slice(digitsStart, q);
  while (q < n && isSpace(cell.charCodeAt(q))) q++;
  let unit: string | undefined;
  const u = cell.charCodeAt(q);
  if (u === 0x4e07 && cell.charCodeAt(q + 1) === 0x5143) unit = '万元';
  else if (u >= 0x4e00 && UNITS.includes(cell.charAt(q))) unit = cell.charAt(q); // (all units are ideographs)
  const end = q + (unit?.length ?? 0);
  return { start, end, sign: digitsStart > start ? cell.charAt(start) : '', digits, unit };
}

/**
 * Text between two numbers that is a decimal point with spaces on both sides: `166 . 2` (`3. 1` is an enumerator's
 * point and a value: `3.其他`'s, its words elsewhere).
 */
const SPACED_POINT = /^[ \u00a0]*\.[ \u00a0]+$/;

/** A label's enumerator, its point a space apart from its digits (and maybe from the words after it), before the label's words. */
const SPACED_ENUMERATOR = /(^|\s)(\d{1,2}) \. ?(?=[\u4e00-\u9fff])/g;

/** `[.、]\s*[^\d\s]` at `at`: an enumerator, the digit before it numbering the next label. */
function enumeratorAt(cell: string, at: number): boolean {
  const c = cell.charCodeAt(at);
  if (c !== 0x2e && c !== 0x3001) return false;
  let q = at + 1;
  while (q < cell.length && isSpace(cell.charCodeAt(q))) q++;
  // (a second point, `12..5`, starts no label: a number mistyped)
  return q < cell.length && !isDigit(cell.charCodeAt(q)) && cell.charCodeAt(q) !== 0x2e;
}

/**
 * Each number token of `out` from `first` on, with where its text starts in `text` (found in order): a number that
 * cannot be kept as one (a `problem`, a null cell) too, as it stands where its cell does.
 */
function numbersIn(out: Token[], first: number, text: string, found: (t: Token, at: number) => void): void {
  let from = 0;
  for (let j = first; j < out.length; j++) {
    const t = out[j]!;
    if (t.kind !== 'num' && !t.problem) continue;
    const k = text.indexOf(t.text, from);
    if (k < 0) break;
    from = k + t.text.length;
    found(t, k);
  }
}

/** Letters OCR prints for digits: O, o and 〇 for 0; l and I for 1. */
const OCR_LETTER = /[OoIl〇]/;
/** A word made of digits and those letters only, of a count's length (OCR_LETTER finds the letter). */
const OCR_WORD = /^[\dOoIl〇]{1,7}$/;
const NUMBER_WORD = /^\d[\d,]*(?:\.\d+)?$/;
const ocrSwap = (word: string): string => word.replace(/[OoIl〇]/g, (ch) => (ch === 'l' || ch === 'I' ? '1' : '0'));

/**
 * `cell` with OCR's letters for digits read as digits (same length), where a word of digits and those letters
 * stands as a number: the whole cell of a delimited row, or a space-separated word among numbers (a run of such
 * words with at least one plain number, or all zeros, and no other word between them: `705 3 O O 5 O 713`). A letter in a label
 * or in prose stays a letter. `whole`: the cell is one of a row's cells (a delimited row's, or a layout line's
 * whose words make such a run), so a cell that is one such word is a number. Returns `cell` itself when there is
 * nothing to read.
 */
function ocrDigits(cell: string, whole: boolean): string {
  if (!OCR_LETTER.test(cell)) return cell;
  if (OCR_WORD.test(cell)) return whole ? ocrSwap(cell) : cell;
  const words = cell.split(/(\s+)/);
  let changed = false;
  for (let i = 0; i < words.length; ) {
    // a run of number-like words (even indexes are words, odd ones the spaces between them)
    let j = i;
    let plain = 0;
    while (j < words.length && (NUMBER_WORD.test(words[j]!) || OCR_WORD.test(words[j]!))) {
      if (NUMBER_WORD.test(words[j]!)) plain++;
      j += 2;
    }
    // (a run with no plain number is read only when all of it reads 0: a row of zeros, `O O O`; a lone word is read
    // when it ends the line after a label and opens with a digit, a one-value row's value: `行政许可 2l` is 21, not 2)
    const lone = j - i === 2 && i > 0 && j >= words.length - 1 && /^\d/.test(words[i]!) && !NUMBER_WORD.test(words[i]!) && OCR_WORD.test(words[i]!);
    if (lone || (j - i >= 4 && (plain || words.slice(i, j).every((w, k) => k % 2 === 1 || /^[Oo〇0]+$/.test(w))))) {
      for (let k = i; k < j; k += 2) {
        if (!NUMBER_WORD.test(words[k]!)) {
          words[k] = ocrSwap(words[k]!);
          changed = true;
        }
      }
    }
    i = j === i ? i + 2 : j;
  }
  return changed ? words.join('') : cell;
}

/** A cell that says an increase or a decrease in words and nothing else (增加5, 减少2项, 减 2). */
const CHANGE_WORDS = /^\s*(增加|增|减少|减)\s*(\d+)\s*(?:项|件|个)?\s*$/;

/** A cell of one number in thousands grouped by full-width commas (`1，024`, `12，345，678`), and nothing else. */
const FULLWIDTH_GROUPED = /^\s*\d{1,3}(?:，\d{3})+\s*$/;

/** Digit groups one space apart, the last with decimals or not: `3 2`, `1 295`, `9116.3 6`. */
const SPACED_NUMBER = /^\s*\d+(?:[ \u00a0]\d+)+(?:\.\d+)?\s*$|^\s*\d+(?:[ \u00a0]\d+)*\.\d+(?:[ \u00a0]\d+)+\s*$/;

/** A number followed by a bracketed note on it: 22（其中修订16件）, 55（含自然失效29件）, 3(另有1件不予受理). */
const NOTED_NUMBER = /^(\d+)\s*[（(]\s*(?:其中|含|包括|包含|另有?)[^（）()]*[）)]$/;

/** A line ending with a glued run whose last digit and a point number the next line's label: `00000003.`. */
const WRAPPED_ENUMERATOR = /\d(\d\.)[ \t]*$/;

/**
 * Whether a line ends as WRAPPED_ENUMERATOR needs (two digits and a point, then spaces or tabs): read from its end,
 * which tells most lines without the regex (a scan of the whole line).
 */
function mayEndWrappedEnumerator(text: string): boolean {
  let k = text.length;
  while (k > 0 && (text.charCodeAt(k - 1) === 0x20 || text.charCodeAt(k - 1) === 0x09)) k--;
  return k >= 3 && text.charCodeAt(k - 1) === 0x2e && isDigit(text.charCodeAt(k - 2)) && isDigit(text.charCodeAt(k - 3));
}

/** A line starting with a label's words (a CJK character or an opening quote or bracket). */
const LABEL_START = /^[ \t\u3000]*[\u4e00-\u9fff“「（(]/;

/**
 * Tokenizes one cell of text (no cell separators inside); `atomic` as for pushNumber; `ocrRead`: OCR's letters already
 * read as digits; `ocrLetters`: false when the cell's line has none of OCR's letters for digits (nothing to read).
 */
function tokenizeCell(cell: string, line: number, out: Token[], headerRow: boolean, atomic: boolean, ocrRow = false, ocrRead = false, crawl = false, ocrLetters = true): void {
  const read = separatingCommas(ocrLetters ? ocrDigits(cell, atomic || ocrRow) : cell);
  if (read !== cell) {
    // OCR's letters for digits (O for 0, l for 1): read as digits; each number keeps its text as printed
    const first = out.length;
    tokenizeCell(read, line, out, headerRow, atomic, false, true);
    numbersIn(out, first, read, (t, k) => {
      t.text = cell.slice(k, k + t.text.length);
    });
    return;
  }
  if (!hasAsciiDigit(cell)) {
    pushText(out, cell, line); // no number can start here: most label cells
    return;
  }
  if (isEnumerator(cell)) {
    pushText(out, cell, line); // "3." alone: a wrapped row label's enumerator (PDF layouts), not a value
    return;
  }
  if (onlyDigits(cell)) {
    pushNumber(out, '', cell, undefined, line, atomic); // the whole cell is one number: most value cells
    if (crawl) spacesAround(out[out.length - 1]!, cell, 0, cell.length);
    return;
  }
  const change = CHANGE_WORDS.exec(cell);
  if (change) {
    // a 2019 report's 本年增/减 cell in words (增加5, 减少2项): the signed number they say, its text as printed (the
    // cell shows 原文：减少2 beside −2)
    pushNumber(out, change[1]!.startsWith('增') ? '+' : '-', change[2]!, undefined, line, true);
    out[out.length - 1]!.text = cell.trim();
    return;
  }
  if (FULLWIDTH_GROUPED.test(cell)) {
    // a cell holding one number grouped by thousands with the full-width comma a Chinese input method types
    // (`１，０２４` is 1，024 once folded): one number, not 1 and 024 (no cell prints a leading zero)
    pushNumber(out, '', cell.trim().replace(/，/g, ','), undefined, line, true);
    return;
  }
  if (atomic && !ocrRow && !ocrRead && SPACED_NUMBER.test(cell)) {
    // a cell of a delimited row holds one value: digit groups one space apart in it are one number a stray space
    // broke (`| 3 2 |`, &nbsp; padding or an OCR gap), never two cells
    pushNumber(out, '', cell.trim().replace(/[ \u00a0]/g, ''), undefined, line, true);
    return;
  }
  if (atomic) {
    // a cell of a delimited row holding its number and a note on it (22（其中修订16件）, 55（含自然失效29件）):
    // the number is the cell's value, the note's numbers are no cells
    const noted = NOTED_NUMBER.exec(cell);
    if (noted) {
      pushNumber(out, '', noted[1]!, undefined, line, true);
      return;
    }
  }
  let last = 0;
  for (let m = nextNumber(cell, 0); m; m = nextNumber(cell, m.end)) {
    const { start, end, sign, unit } = m;
    let digits = m.digits;
    // `9%5`: digits on both sides of a percent sign, a chunk of its own (OCR's reading of 95's 9 with a stain): no
    // number a report prints, and no 5 either; one value, unreadable, kept as printed
    const garbled = !unit && !sign && cell.charCodeAt(end) === 0x25 ? /^%\d+(?=\s|$)/.exec(cell.slice(end)) : null;
    if (garbled && (start === 0 || isSpace(cell.charCodeAt(start - 1)))) {
      pushText(out, cell.slice(last, start), line);
      out.push(problemToken(cell.slice(start, end + garbled[0].length), 'garbled', line));
      last = end + garbled[0].length;
      m = { ...m, end: last };
      continue;
    }
    if (!unit && isTextSuffix(cell.charCodeAt(end))) {
      // 2020年, 1月: part of the text around it. But a one-line crawl glues a table's last row to the year that opens
      // the prose after it (`四、结转下年度继续办理20000022025年，我局…`): the year is text, the digits before it the row's
      if (cell.charCodeAt(end) === 0x5e74 && !sign && digits.length > 4 && /^(?:19|20)\d\d$/.test(digits.slice(-4)) && /^\d+$/.test(digits)) {
        pushText(out, cell.slice(last, start), line);
        pushNumber(out, '', digits.slice(0, -4), undefined, line);
        last = end - 4;
      }
      continue;
    }
    // `5 .属于三类内部事务信息`, `1 . 本机关…`: a label's enumerator whose point a space parted from its digit (pdf2md's
    // and officeparser's text of a Writer PDF), no value: it stays in the label's text
    if (!unit && !sign && digits.length <= 2 && end === start + digits.length + 1 && (start === 0 || isSpace(cell.charCodeAt(start - 1))) && cell.charCodeAt(end) === 0x2e && (isHan(cell.charCodeAt(end + 1)) || (cell.charCodeAt(end + 1) === 0x20 && isHan(cell.charCodeAt(end + 2))))) continue;
    // 第3: an ordinal (not a run of glued cells after a label wrapped at 第: `4.保护第` `0000000` / `三方合法权益`)
    if (!unit && start > last && cell.charCodeAt(start - 1) === 0x7b2c && digits.length <= 4 && (digits[0] !== '0' || digits.length === 1)) continue;

    const before = cell.slice(last, start);
    if (headerRow && /\p{L}$/u.test(before)) continue; // "数据1" in a markdown header row is a column name
    const exponent = unit ? -1 : exponentEnd(cell, start + sign.length + digits.length);
    if (exponent > 0) {
      // 1e309: exponent notation is no count a report prints; one value, unreadable, kept as printed
      pushText(out, before, line);
      out.push(problemToken(cell.slice(start, exponent), 'notation', line));
      last = exponent;
      m = { ...m, end: exponent };
      continue;
    }
    if (!unit && !digits.includes('.') && enumeratorAt(cell, end)) {
      // "00000002.其他法律…": the final digit numbers the next label.
      pushText(out, before, line);
      const body = digits.slice(0, -1);
      if (body) pushNumber(out, sign, body, undefined, line);
      if (body && crawl && !sign && out[out.length - 1]?.text === body) spacesAround(out[out.length - 1]!, cell, start, -1);
      last = end - 1;
      continue;
    }
    // `101480 .8758`: a decimal point after a stray space (a PDF's text of a number printed in two pieces) joins the
    // digits to the number before it, one number (never a cell of its own: 8758 for 1480.8758)
    const joined = out[out.length - 1];
    if (!unit && !sign && last > 0 && cell.charCodeAt(start - 1) === 0x2e && (start - 1 === last || onlySpaces(cell.slice(last, start - 1))) && joined?.kind === 'num' && joined.line === line && !joined.unit && onlyDigits(joined.text)) {
      out.pop();
      pushNumber(out, '', `${joined.text}.${digits}`, undefined, line, atomic);
      last = end;
      continue;
    }
    // `4 166 . 2 4 161 9`: a decimal point with spaces around it between two numbers of the line (officeparser's text of
    // a Writer PDF, every glyph run apart): one number broken around its point, whose groups no reading can tell
    // apart from cells (4166.241619 was read 4166241619): the number before and these digits are one value, unreadable
    // (the number before was matched with the spaces after it: whether a space stands before the point is there)
    if (!unit && !sign && last > 0 && joined?.kind === 'num' && joined.line === line && !joined.unit && SPACED_POINT.test(cell.slice(last, start)) && (isSpace(cell.charCodeAt(last - 1)) || isSpace(cell.charCodeAt(last)))) {
      out.pop();
      out.push(problemToken(`${joined.text}${isSpace(cell.charCodeAt(last - 1)) ? ' ' : ''}${cell.slice(last, end).trim()}`, 'point', line));
      last = end;
      continue;
    }
    // `.5`, `12..5`: digits after a decimal point with no digit before it: the number's whole part is not here (lost
    // to a wrap or mistyped), so neither 5 nor 0.5 is what was printed; one value, unreadable, kept as printed
    if (!sign && start > 0 && cell.charCodeAt(start - 1) === 0x2e && !isDigit(cell.charCodeAt(start - 2))) {
      pushText(out, cell.slice(last, start - 1), line);
      out.push(problemToken(cell.slice(start - 1, end), 'point', line));
      last = end;
      continue;
    }
    // A number glued to a letter on its left inside a word like "OA2" is still a number for our purposes.
    pushText(out, before, line);
    if (digits.endsWith(',')) digits = digits.slice(0, -1);
    const previous = out[out.length - 1];
    const count = out.length;
    pushNumber(out, sign, digits, unit, line);
    if (crawl && out.length > count && !sign && !unit) spacesAround(out[out.length - 1]!, cell, start, start + digits.length);
    if (out.length > count && last > 0 && previous?.kind === 'num' && previous.line === line && (before === '' || onlySpaces(before))) {
      // digit groups of one cell split by spaces alone: the spaces may fall inside numbers (rejoinSpaced)
      previous.spaced = true;
      out[out.length - 1]!.spaced = true;
    }
    last = end;
  }
  pushText(out, cell.slice(last), line);
}

/** A space or a no-break space (an empty cell's &nbsp;), not a tab or a line's other white space. */
const isCellSpace = (c: number): boolean => c === 0x20 || c === 0xa0;

/**
 * Records on `t` the spaces right before `from` and right after `to` in `cell` (see Token.spacesBefore; -1: that
 * side is left as it is). A number at an edge of its cell gets 0 there: the line's spaces beyond are splitCells's.
 */
function spacesAround(t: Token, cell: string, from: number, to: number): void {
  if (from >= 0) {
    let b = 0;
    while (from - b > 0 && isCellSpace(cell.charCodeAt(from - b - 1))) b++;
    if (b || from === 0) t.spacesBefore = b;
    else t.spacesBefore = undefined;
  }
  if (to >= 0) {
    let a = 0;
    while (to + a < cell.length && isCellSpace(cell.charCodeAt(to + a))) a++;
    if (a || to === cell.length) t.spacesAfter = a;
    else t.spacesAfter = undefined;
  }
}

/**
 * Lines longer than this are no layout text (a one-line crawl prints a whole report on one line): their numbers
 * get no position, which would cost a scan from the line's start for each.
 */
const MAX_LAYOUT_LINE = 400;

/** Header words of cells side by side: 表三's applicant columns, 表四's result columns. */
const SIDE_BY_SIDE = [
  ['商业企业', '科研机构', '社会公益组织', '法律服务机构'],
  ['结果维持', '结果纠正', '其他结果', '尚未审结'],
].map((words) => new RegExp(words.map((w) => [...w].join('\\s*')).join('\\s+')));
/** Per text (its lines), whether it sets its cells apart (see cellsSeparated). */
const separatedTexts = new WeakMap<readonly string[], boolean>();

/**
 * Whether a crawl sets white space between every two cells side by side (a page whose HTML breaks its lines between
 * cells, or a crawler that joins the text of each cell with a space: `商业企业 科研机构 社会公益组织 法律服务机构`): its
 * spaces then part cells, and a blank cell leaves none of its own. A crawl that glues cells (`商业企业科研机构…`)
 * keeps a blank cell's &nbsp; as a space, which places the numbers (marked-runs.ts). Told by the text as a whole,
 * wherever its header prints (a crawl may break its text into lines between the tables and their headers).
 */
function cellsSeparated(lines: readonly string[]): boolean {
  let known = separatedTexts.get(lines);
  if (known === undefined) separatedTexts.set(lines, (known = lines.some((l) => SIDE_BY_SIDE.some((re) => re.test(l)))));
  return known;
}

/** Display columns of text[0, end): East Asian wide and full-width characters take two. */
export function displayWidth(text: string, end: number): number {
  let w = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    w += isWide(c) ? 2 : 1;
  }
  return w;
}

/** Tokenizes lines [from, to) (0-based indexes into `lines`); a line's number is its index + 1. */
export function tokenize(lines: readonly string[], from: number, to: number, firstColumn = 0, lastColumn = Infinity, grid = false, pipes: PipeGrid = false, paged = false): Token[] {
  const out: Token[] = [];
  // (in a text with form feeds, dropPageNumbers took the page numbers by their pages: a `— 1 —` left is cells)
  const notCells = paged ? (text: string): boolean => MD_SEPARATOR.test(text) : notCellsAnywhere;
  // (a row label's enumerator a line break parted from its label: `…禁止公开00000003.` / `危及“三安全一稳定”…`, a
  // wrapped one-line crawl: it goes with the label it numbers, not with the digits before it)
  let carried = '';
  for (let i = from; i < to; i++) {
    let text = lines[i] ?? '';
    if (i === from && firstColumn > 0) text = text.slice(firstColumn);
    if (i === to - 1 && lastColumn !== Infinity) text = text.slice(0, i === from ? lastColumn - firstColumn : lastColumn);
    if (carried) [text, carried] = [carried + text, ''];
    // (a markdown heading mark opening the line, as a PDF-to-markdown converter sets before every line of a table's
    // text, `### 5.属于三类内部事务信` / `### 息` / `### 3 3`: no word of a label)
    if (text.charCodeAt(0) === 0x23) text = text.replace(HEADING_MARK, '');
    const wrapped = i + 1 < to && !text.includes('  ') && mayEndWrappedEnumerator(text) ? WRAPPED_ENUMERATOR.exec(text) : null;
    if (wrapped && LABEL_START.test(lines[i + 1] ?? '')) [text, carried] = [text.slice(0, wrapped.index + 1), wrapped[1]!];
    const long = (lines[i] ?? '').length > MAX_LAYOUT_LINE;
    const separated = long && cellsSeparated(lines);
    if (isSeparator(lines[i + 1] ?? '')) {
      // a markdown header row (rare): whether the line has pipes decides how its cells read
      const marks = lineMarks(text);
      if (marks & DASH && notCells(text)) continue;
      splitCells(text, i + 1, out, (marks & PIPE) !== 0, grid, pipes, long, separated);
      continue;
    }
    // Any other line is tokenized in one scan, which also tells whether it has a dash; a page number or markdown
    // separator (which need one) then takes its tokens back. Only this line's tokens are touched: text merges into
    // the previous token only within a line.
    const before = out.length;
    if (splitCells(text, i + 1, out, false, grid, pipes, long, separated) && notCells(text)) out.length = before;
  }
  return attachUnits(out);
}

/**
 * A unit printed apart from its amount (`75394432.52      元` in a wide cell; `75394432.52` then `元` on a line of its
 * own, as pdftotext's reading order prints a cell): the unit of the number just before it, within two lines, when no
 * number follows it there (`135   元` over `75394432.52`, an amount wrapped below its unit, says nothing certain).
 */
function attachUnits(tokens: Token[]): Token[] {
  let dropped = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (
      t.kind === 'text' &&
      (t.text === '元' || t.text === '万元') &&
      prev?.kind === 'num' &&
      prev.unit === undefined &&
      !prev.problem &&
      prev.line >= t.line - 2 &&
      !(next && next.kind === 'num' && next.line <= t.line + 2)
    ) {
      prev.unit = t.text;
      prev.text += t.text;
      prev.glued = false;
      dropped++;
      continue;
    }
    if (dropped) tokens[i - dropped] = t;
  }
  tokens.length -= dropped;
  return tokens;
}

/** A page number or a markdown separator line (both have a dash): no cells. */
const notCellsAnywhere = (text: string): boolean => PAGE_NUMBER.test(text) || MD_SEPARATOR.test(text);

/** MD_SEPARATOR.test(line), skipping the regex for the many lines without the '---' it needs. */
const isSeparator = (line: string): boolean => line.includes('---') && MD_SEPARATOR.test(line);

const DASH = 1;
const PIPE = 2;

/** Whether a line has '-' or '—' (DASH: it may be a page number or markdown separator) and '|' (PIPE), in one scan. */
function lineMarks(text: string): number {
  let marks = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2d || c === 0x2014) marks |= DASH;
    else if (c === 0x7c) marks |= PIPE;
  }
  return marks;
}

/** Whether text[a, b) is white space only (or empty). */
function blankBetween(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** Whether text[a, b) is underscores only. */
function underscores(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (text.charCodeAt(i) !== 0x5f) return false;
  return true;
}

/** A cell separator of a delimited row: tab, '|', or a box-drawing vertical (w3m's table grid). */
const isBar = (c: number): boolean => c === 0x09 || c === 0x7c || c === 0x2502 || c === 0x2503 || c === 0x2551;

/**
 * Tokenizes the cells of one line: `text.split(/\t|\||\s{2,}/)` done by hand (a regex split is slow and this runs
 * on every line). Like the regex, a tab or '|' (or a box-drawing bar) is a one-character separator, else a run of
 * two or more \s. On a delimited row (one with a tab or bar), a number filling its cell is atomic, and a blank
 * cell after the row's first non-empty cell is a blank token (dropped again when the row has no value at all;
 * after a row's last '|' or box bar nothing is a cell, except in a pipe table whose bars open cells, and a flattened
 * grid's label columns hold none). Returns whether the line has '-' or '—'.
 */
function splitCells(text: string, line: number, out: Token[], headerRow: boolean, grid: boolean, pipes: PipeGrid, longLine = false, separated = false): boolean {
  // (a one-line crawl's line, of which `text` may be a table's stretch: its numbers keep the spaces around them,
  // unless the crawl sets a space between every two cells, where a space marks no blank cell)
  const crawl = !separated && (longLine || text.length > MAX_LAYOUT_LINE);
  let from = 0;
  let i = 0;
  let dash = false; // (returned: whether the line has '-' or '—', as lineMarks's DASH)
  const first = out.length;
  let delimited = false; // a tab or bar seen on this line so far
  let leftBar = true; // the current cell starts at the line start or right after a tab or bar
  let leftGrid = false; // … right after a separator whose blank cells hold a position (see `gridBar`)
  let content = false; // a non-empty cell seen on this line
  let blanks = 0;
  let leading = 0; // blank cells of a grid before the line's first non-empty cell
  let texts = 0; // non-empty cells on this line
  let values = 0; // value cells (numbers and blanks) since the line's last text cell
  /** A separator whose blank cells are cells: a box-drawing bar, a tab of a grid, a '|' of a regular pipe table. */
  const gridBar = (c: number): boolean => c > 0x2000 || (c === 0x09 && grid) || (c === 0x7c && pipes !== false);
  // (which cell of a pipe row a cell is: the text before a row's first bar is cell 0 only where it holds text)
  let cellNo = pipes && text.trimStart().startsWith('|') ? -1 : 0;
  // a layout row whose words run as numbers with OCR's letters for digits among them: such a cell is a number
  const ocrLetters = OCR_LETTER.test(text);
  const ocrRow = ocrLetters && ocrDigits(text, false) !== text;
  const cell = (to: number, rightBar: boolean, rightGrid: boolean): void => {
    let a = from;
    let b = to;
    while (a < b && isSpace(text.charCodeAt(a))) a++;
    while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
    if (a < b && delimited && leftBar && rightBar && underscores(text, a, b)) {
      // a cell drawn as a blank line to fill in (`|____|`, as html2text draws a table's empty cells): a blank cell
      if (content) {
        out.push(blankToken(line));
        blanks++;
      }
    } else if (a < b && !content && !delimited && b - a === 1 && text.charCodeAt(a) === 0x5c) {
      // a lone backslash opening a line: reStructuredText's mark for an empty first cell (a row continued under
      // its group label), no null placeholder of a value cell
    } else if (a < b) {
      const before = out.length;
      const body = a === 0 && b === text.length ? text : text.slice(a, b);
      tokenizeCell(body, line, out, headerRow, delimited && leftBar && rightBar, ocrRow, false, crawl && !(delimited && leftBar && rightBar), ocrLetters);
      values = out[out.length - 1]?.kind === 'text' ? 0 : values + 1; // (a label's text may join the token before)
      if (!delimited && text.length <= MAX_LAYOUT_LINE) {
        // where each number starts on the line (a number after its label, one space apart, too: `1.属于国家秘密 0`)
        numbersIn(out, before, body, (t, k) => {
          if (a + k === 0) return;
          t.at = a + k;
          t.col = displayWidth(text, a + k);
        });
      }
      if (crawl && !(delimited && leftBar && rightBar) && out.length > before) {
        // a one-line crawl: the spaces around the cell's first and last bare digit runs, where two or more spaces
        // parted this cell from the next (blank cells, where a crawl keeps them; tokenizeCell counts those inside)
        // (tokenizeCell marked those at the cell's edges with 0 spaces: the cell's own text ends there)
        for (let j = before; j < out.length; j++) {
          const t = out[j]!;
          if (t.spacesBefore === 0) spacesAround(t, text, a, -1);
          if (t.spacesAfter === 0) spacesAround(t, text, -1, b);
        }
      }
      content = true;
      texts++;
    } else if (content && leftGrid && rightGrid && !(pipes && (cellNo < pipes.labels || values >= (pipes.width ?? Infinity)))) {
      out.push(blankToken(line));
      blanks++;
      values++;
    } else if (rightGrid && (leftGrid || (from === 0 && grid && text.charCodeAt(to) === 0x09))) leading++; // (a tab grid's first cell starts the line)
  };
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if ((c > 0x3000 && c !== 0xfeff) || (c > 0x2d && c < 0x7c)) {
      i++; // an ideograph, digit or letter (most characters): neither a separator, a space nor a dash
      continue;
    }
    let end = i;
    const bar = isBar(c);
    if (bar) {
      end = i + 1;
      delimited = true;
    } else if (isSpace(c) && i + 1 < text.length && isSpace(text.charCodeAt(i + 1))) {
      end = i + 2;
      while (end < text.length && isSpace(text.charCodeAt(end))) end++;
      if (from === i) {
        from = i = end; // spaces padding the start of a cell
        continue;
      }
      if (end < text.length && isBar(text.charCodeAt(end))) {
        i = end; // spaces padding a cell before its bar: part of the cell
        continue;
      }
    } else if (c === 0x2d || c === 0x2014) dash = true;
    if (end === i) {
      i++;
      continue;
    }
    cell(i, bar, bar && gridBar(c));
    if (bar) cellNo++;
    leftBar = bar;
    leftGrid = bar && gridBar(c);
    from = i = end;
  }
  // after the line's last separator: a cell if it holds text, or (a tab row's last column) a blank cell
  const lastIsTab = from > 0 && text.charCodeAt(from - 1) === 0x09;
  let tail = from;
  while (tail < text.length && isSpace(text.charCodeAt(tail))) tail++;
  if (tail < text.length || lastIsTab) cell(text.length, true, lastIsTab);
  else if (pipes && pipes.open && content && text.trimEnd().endsWith('|')) {
    // (a table whose bars open cells, not close rows: a row ending with a bar ends with a blank cell)
    out.push(blankToken(line));
    blanks++;
  }
  // A row of values alone (two or more, no label on its line: 表四's one row, `\t\t\t\t\t2\t\t1\t\t3\t…`) keeps the blank cells
  // before its first value too: they are columns of values (fitBlanks drops those past the table's width)
  if (leading && texts >= 2 && hasValue(out, first) && !out.slice(first).some((t) => t.kind === 'text')) {
    out.splice(first, 0, ...Array.from({ length: leading }, () => blankToken(line)));
    blanks += leading;
  }
  // A row with no value keeps its blank cells only when it is a row label followed by blanks (a table row left
  // blank, whose place the readers must keep), not a header row with a blank corner.
  if (blanks > 0 && !hasValue(out, first) && blanks <= texts) {
    let k = first;
    for (let j = first; j < out.length; j++) if (!out[j]!.blank) out[k++] = out[j]!;
    out.length = k;
  }
  return dash;
}

/** Whether tokens from `first` on include a number or a printed null placeholder. */
function hasValue(out: readonly Token[], first: number): boolean {
  for (let j = first; j < out.length; j++) if (out[j]!.kind !== 'text' && !out[j]!.blank) return true;
  return false;
}

/** A run of values with the label text printed before it. */
export interface Segment {
  label: string;
  labelLine: number;
  /** Where in `label` its last line's text starts (the label text on the line of its last text token). */
  tailAt?: number;
  /** The line of the label's last text token. */
  tailLine?: number;
  /** Where in `label` each of its lines' text starts, with the line. */
  lines?: Array<{ at: number; line: number }>;
  /** Where in `label` the text printed below its values starts (a label wrapped around them: labelsBelowValues). */
  below?: number;
  values: Token[];
}

/** The words of some tokens (their text tokens), joined and folded: what a table prints besides its numbers. */
export function foldedWords(tokens: readonly Token[]): string {
  return fold(tokens.filter((t) => t.kind === 'text').map((t) => t.text).join(''));
}

/** Value runs of a token list: consecutive value tokens with no label text between them. */
export function valueRuns(tokens: readonly Token[]): Token[][] {
  const runs: Token[][] = [];
  let cur: Token[] = [];
  for (const t of tokens) {
    if (t.kind !== 'text') cur.push(t);
    else if (cur.length) {
      runs.push(cur);
      cur = [];
    }
  }
  if (cur.length) runs.push(cur);
  return runs;
}

/** Groups tokens into segments: label text, then the values that follow it. */
export function segment(tokens: readonly Token[]): Segment[] {
  const out: Segment[] = [];
  let label = '';
  let labelLine = tokens[0]?.line ?? 1;
  let tailAt = 0;
  let tailLine = labelLine;
  let values: Token[] = [];
  let lines: Array<{ at: number; line: number }> = [];
  for (const t of tokens) {
    if (t.kind === 'text') {
      if (values.length) {
        out.push({ label, labelLine, tailAt, tailLine, lines, values });
        values = [];
        label = '';
        lines = [];
      }
      if (!label) labelLine = t.line;
      if (!label || t.line !== tailLine) {
        tailAt = label.length;
        tailLine = t.line;
        lines.push({ at: label.length, line: t.line });
      }
      label += t.text;
    } else {
      values.push(t);
    }
  }
  if (values.length || label) out.push({ label, labelLine, tailAt, tailLine, lines, values });
  return out;
}

/**
 * Tokens of the text between two character offsets. `paged`: the text's pages start with a form feed (pdftotext), so
 * dropPageNumbers took its page numbers by page and a `— 1 —` left is cells.
 */
export function tokenizeRange(lines: readonly string[], starts: readonly number[], start: number, end: number, grid = false, paged = false): Token[] {
  if (end <= start) return [];
  const lineIndex = (offset: number): number => lineAt(starts, offset) - 1;
  const from = lineIndex(start);
  const to = lineIndex(end - 1);
  return tokenize(lines, from, to + 1, start - (starts[from] ?? 0), end - (starts[to] ?? 0), grid || tabGrid(lines, from, to + 1), pipeGrid(lines, from, to + 1), paged);
}

/**
 * Whether the text between two character offsets draws its table's rules as characters without being a pipe table:
 * three lines or more hold a '|' among their numbers, and the bars do not border every cell (OCR of a ruled table,
 * `一、本年新收政府信息公开申请数量 |64    0|0 |l2 |o 4 170`). Such text can read a rule as a digit (`|70` as 170, `|l2`
 * as 12), so a row that does not add up there is no printed row to keep as it reads.
 */
export function rulesAsText(lines: readonly string[], starts: readonly number[], start: number, end: number): boolean {
  if (end <= start) return false;
  const from = lineAt(starts, start) - 1;
  const to = lineAt(starts, end - 1);
  let ruled = 0;
  for (let i = from; i < to; i++) if (lines[i]!.includes('|') && hasAsciiDigit(lines[i]!)) ruled++;
  return ruled >= 3 && !pipeGrid(lines, from, to);
}

const NUMBER_CELL = /^[+-]?\d[\d,]*(\.\d+)?$/;

/**
 * A pipe table: `open` where each bar opens a cell and the text after a row's last bar, empty or not, is its last cell
 * (asciidoc; bare markdown rows), else a row's last bar closes it (markdown); `labels`: how many columns every row
 * gives its label (a grid flattened from merged cells: their blank cells are no value cells); `width`: how many cells
 * after its labels each row gives its values, where rows flattened from merged cells are padded to the widest (the
 * empty cells past them are no value cells); false: no pipe grid.
 */
export type PipeGrid = false | { open: boolean; labels: number; width?: number };

/**
 * Whether the '|' of lines [from, to) border every cell of a table drawn whole, blank cells included (`links -dump`,
 * html2text: `| 9 | 2 |  |  |  |  | 11 |   |`), so that an empty cell between two bars is a blank cell. A markdown
 * table from a PDF converter instead drops and shifts cells (`| 1 | 0 | 0 | 0 | 0 | 0 |  |`, a row one cell short);
 * so every labelled row with a number must hold, after its label, a statutory row's width of cells, or that and one
 * empty cell more (a frame's closing column, which some rows of the same table lack), and at least three rows must.
 * Or every such row has the same number of cells, its labels in the first columns and its numbers in the last W (a
 * table flattened from merged cells). An empty cell between bars in a row that fits nothing of this is no evidence
 * of a blank cell.
 */
function pipeGrid(lines: readonly string[], from: number, to: number): PipeGrid {
  // (表三's lines are asked twice, by tokenizeRange and rulesAsText: answered once per parse, by its lines)
  let known = pipeGrids.get(lines);
  if (!known) pipeGrids.set(lines, (known = []));
  for (const k of known) if (k.from === from && k.to === to) return k.grid;
  const grid = readPipeGrid(lines, from, to);
  known.push({ from, to, grid });
  return grid;
}
/** pipeGrid's answers per text (its lines, one array per parse), a few ranges each. */
const pipeGrids = new WeakMap<readonly string[], Array<{ from: number; to: number; grid: PipeGrid }>>();

function readPipeGrid(lines: readonly string[], from: number, to: number): PipeGrid {
  const widths = new Set<number>();
  let rows = 0;
  /** Each labelled row's cell count, its last label cell and its first and last number cells (a flattened grid, below). */
  const shapes: Array<{ cells: number; label: number; first: number; last: number }> = [];
  let unlabelled = 0;
  // asciidoc opens each cell with a bar and closes none (`|一、本年新收… | | |9 |2 | | | | |11`): the text after a
  // row's last bar is its last cell, where markdown's closing bar has nothing after it
  // (and its tables are fenced by `|===`, so a table whose every row ends with a blank cell is still one); rows
  // without a first bar (html2text's markdown: `一、本年新收…| 0| 0| 0| 0| 0| 0| `) likewise end with a cell, blank after
  // a last bar
  let open = 0;
  let closed = 0;
  let fenced = false;
  let barred = 0;
  for (let i = from; i < to; i++) {
    if (lines[i]!.indexOf('|') < 0) continue; // (each count below is of lines with a bar)
    const t = lines[i]!.trim();
    if (t.startsWith('|===')) fenced = true;
    else if (t.startsWith('|')) t.endsWith('|') ? closed++ : open++;
    else if (t.includes('|') && !MD_SEPARATOR.test(t)) barred++;
  }
  const asciidoc = fenced || open > closed;
  const openEnded = asciidoc || (barred > 0 && open + closed === 0);
  for (let i = from; i < to; i++) {
    const text = lines[i]!;
    if (text.indexOf('|') < 0) continue;
    // (the outer bars are optional: html2text's markdown draws `一、本年新收…| 0| | | | | | 0`)
    const t = text.trim();
    const cells = t
      .split('|')
      .slice(t.startsWith('|') ? 1 : 0, !openEnded && t.endsWith('|') ? -1 : undefined)
      .map((c) => (c.includes('_') ? c.replace(/_+/g, '') : c).trim());
    let label = -1;
    let numbers = 0;
    cells.forEach((c, x) => {
      if (NUMBER_CELL.test(c)) numbers++;
      else if (c !== '') label = x;
    });
    if (numbers > 0 && label < 0) unlabelled++;
    if (numbers === 0 || label < 0) continue;
    if (cells.slice(0, label).some((c) => NUMBER_CELL.test(c))) return false; // a number before a label: not one row
    const after = cells.length - label - 1;
    widths.add(cells[cells.length - 1] === '' ? -after : after); // (negative: its last cell is empty)
    shapes.push({ cells: cells.length, label, first: cells.findIndex((c) => NUMBER_CELL.test(c)), last: cells.findLastIndex((c) => NUMBER_CELL.test(c)) });
    rows++;
  }
  if (rows < 3) return false;
  // a grid flattened from merged cells (pandoc's gfm): every row the same number of cells, the labels (spread over
  // as many columns as the deepest label needs, blank where a row's label is shallower) in the first columns and
  // every number in the last W, a statutory width
  // (one line a row: a row wrapped over lines, its numbers on a line with no label, as links draws a tall cell, is
  // not this; its label's line of empty cells is no row left blank)
  const n = shapes[0]!.cells;
  if (!unlabelled && shapes.every((r) => r.cells === n)) {
    for (const w of ROW_WIDTHS) if (w < n && shapes.every((r) => r.label < n - w && r.first >= n - w)) return { open: openEnded, labels: n - w };
    // or each row's values in the W cells right after its labels, the rest padding: the rows of the deepest label
    // fill the grid to its last cell, and a row with a shallower label (a merged cell's row) ends with empty cells
    // (node-html-markdown: `| 2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 |  |  |` beside `| （五）不予处理 | 1.信访… | 0 | … |  |`)
    const deepest = Math.max(...shapes.map((r) => r.label));
    const w = n - deepest - 1;
    if (ROW_WIDTHS.has(w) && shapes.some((r) => r.label < deepest) && shapes.every((r) => r.last <= r.label + w)) return { open: openEnded, labels: 0, width: w };
  }
  // one width W for every row: W cells, or W + 1 whose last is empty (a frame's closing column); where rows have that
  // column, a row of W whose last is empty lacks it and lost a cell (a converter's shifted row), no blank 总计
  const w = Math.min(...[...widths].map(Math.abs));
  const framed = widths.has(-(w + 1));
  return ROW_WIDTHS.has(w) && [...widths].every((x) => x === w || x === -(w + 1) || (x === -w && !framed)) ? { open: openEnded, labels: 0 } : false;
}

/** How many cells a statutory table row holds from its first value on: 表二 (1–3), 表三 (7), 表四 (15, or 5 and 10). */
const ROW_WIDTHS = new Set([1, 2, 3, 5, 7, 10, 15]);

/**
 * Whether the tabs of lines [from, to) are a table's cell borders, one tab per border, as a browser's innerText or
 * Word's plain-text export prints a table: then two tabs in a row enclose a blank cell. Tabs that pad text to a tab
 * stop instead would give rows of uneven widths; so every line with a number after a tab must hold, from its first
 * number on, as many cells as some statutory row has (表三's 7 or 表四's 15 counting its blank last cells), and at
 * least three lines must be such rows.
 */
function tabGrid(lines: readonly string[], from: number, to: number): boolean {
  let rows = 0;
  for (let i = from; i < to; i++) {
    const text = lines[i]!;
    if (text.indexOf('\t') < 0) continue;
    // the fields between tabs, scanned in place (no split): how many, the first that is a number, the last not blank
    let fields = 0;
    let first = -1;
    let filled = -1;
    for (let a = 0; ; ) {
      const tab = text.indexOf('\t', a);
      const b = tab < 0 ? text.length : tab;
      if (!blankBetween(text, a, b)) {
        filled = fields;
        if (first < 0 && NUMBER_CELL.test(text.slice(a, b).trim())) first = fields;
      }
      fields++;
      if (tab < 0) break;
      a = tab + 1;
    }
    if (first < 1) continue;
    const last = filled + 1; // (a row's trailing tabs before its line break end no cell)
    if (!ROW_WIDTHS.has(last - first) && !(fields - first === 7 || fields - first === 15)) return false;
    rows++;
  }
  return rows >= 3;
}

/** A number token's value; null for anything else (a placeholder, a blank cell, text) or a number it cannot hold. */
export const numberOf = (t: Token): number | null => (t.kind === 'num' && !t.problem ? (t.value ?? null) : null);

/** A placeholder printed for an empty cell (— / 无 …), as opposed to a grid's blank cell (empty text) or a number. */
export const isPlaceholder = (t: Token): boolean => t.kind === 'null' && t.text !== '';

/** Whether the tokens all stand on one line (a row printed on its line, not a stream over several). */
export const oneLine = (vals: readonly Token[]): boolean => vals.every((t) => t.line === vals[0]!.line);

/** Whether two numbers stand on one line in cells apart: two spaces or more between them (a layout's columns). */
export const cellsApart = (a: Token, b: Token): boolean => a.line === b.line && a.at !== undefined && b.at !== undefined && b.at - (a.at + a.text.length) >= 2;

/** Whether each token stands on a line of its own (values one a line: a PDF extractor's cell-a-line text). */
export const eachOnItsLine = (vals: readonly Token[]): boolean => {
  // (tokens come in reading order: lines rising one by one settle it without a set)
  for (let i = 1; i < vals.length; i++) if (vals[i]!.line <= vals[i - 1]!.line) return new Set(vals.map((t) => t.line)).size === vals.length;
  return true;
};

/** Whether a number prints a leading zero (`01`): no cell's number does; it is two cells glued (0 | 1). */
export const leadingZero = (t: Token): boolean => /^0\d/.test(t.text);

/** What a cell adds to a sum that checks it: a placeholder printed for an empty cell (— /) 0, else its number. */
export const addsAs = (t: Token): number | null => (isPlaceholder(t) ? 0 : numberOf(t));

/**
 * Whether a row's values may be glued cells to split: some is a bare digit run, and none is a placeholder (a row that
 * prints a placeholder for an empty cell, `49 1 — — — — 50`, delimits its cells).
 */
export const mayBeGlued = (values: readonly Token[]): boolean => values.some((t) => t.glued) && !values.some(isPlaceholder);

/**
 * Tokens of a table whose every number stands on a line with no other number, most of them on a line of their own (a
 * PDF extractor's cell-by-cell text, a label beside a number here and there: `（七）总计 33` with the row's other
 * cells elsewhere): a number there is one cell, not cells glued together, unless the table shows glued cells
 * somewhere (a run that starts with a 0 is no single number). A crawl that prints each row's cells glued after its
 * label (`行政事业性收费10`) puts every number beside text: its runs stay glued. Clears `glued` on such tokens, in
 * place (the tokens are this parse's own).
 */
export function unglueLoneNumbers(tokens: readonly Token[]): void {
  // (the lines with a number, each holding one: a second number on a line settles it, no need to read on)
  const numbers = new Set<number>();
  const texts = new Set<number>();
  for (const t of tokens) {
    if (t.kind === 'text') {
      texts.add(t.line);
      continue;
    }
    if (t.kind !== 'num') continue;
    if (t.glued && t.text.length > 1 && t.text[0] === '0') return;
    if (numbers.has(t.line)) return;
    numbers.add(t.line);
  }
  let alone = 0;
  for (const line of numbers) if (!texts.has(line)) alone++;
  if (alone * 2 <= numbers.size) return;
  for (const t of tokens) if (t.glued) t.glued = false;
}
