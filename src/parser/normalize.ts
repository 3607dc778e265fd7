/**
 * Normalisation: the same text, made comparable. Line structure is preserved (one output line per source line),
 * so line numbers in findings and provenance point at the source as a reader sees it.
 */
import { memoized } from './memo.ts';

/**
 * Full-width forms U+FF01–FF5E except the CJK-style punctuation kept for reading: （ ） ， ： ； ！ ？
 * (FF08 FF09 FF0C FF1A FF1B FF01 FF1F); ． (FF0E) becomes '.'. Leaving those out of the class, rather than testing each match, matters:
 * they are in nearly every line.
 */
const FULLWIDTH_ASCII = /[\uFF02-\uFF07\uFF0A\uFF0B\uFF0D-\uFF19\uFF1C-\uFF1E\uFF20-\uFF5E]/g;

/**
 * Any character one of normalizeText's replacements changes. (A regex: the engine's scan beats a hand-written
 * char-code loop here, there being no cheaper test per character.)
 */
const NEEDS_NORMALIZING = /[\uFEFF\r\u00A0\u2000-\u200D\u2010-\u2012\u202F\u205F\u2060\u2212\u2E80-\u2EFF\u2F00-\u2FDF\u3000\uFE63\uFF02-\uFF07\uFF0A\uFF0B\uFF0D-\uFF19\uFF1C-\uFF1E\uFF20-\uFF5E]/;

/**
 * A CJK radical with a single space on either side and CJK text beyond both (` ⾃ ` in `中国（福建） ⾃ 由贸易`), or
 * opening a line with a single space before CJK text (`⼴ 西壮族自治区…`): a PDF's text item parted at the radical,
 * the spaces no word break. A radical spaced on one side only inside a line may open or end a cell set one space from
 * the next (`⾏政复议 ⾏政诉讼`) and keeps its space.
 */
const RADICAL_SPACE = /(?<=[\u2E80-\u2FDF\u3001-\u303F\u4E00-\u9FFF\uFF01-\uFFEF]) ([\u2E80-\u2EFF\u2F00-\u2FDF]) (?=[\u2E80-\u2FDF\u3001-\u303F\u4E00-\u9FFF\uFF01-\uFFEF])|^([\u2E80-\u2EFF\u2F00-\u2FDF]) (?=[\u2E80-\u2FDF\u3001-\u303F\u4E00-\u9FFF\uFF01-\uFFEF])/gm;
const unspaced = (_: string, inner: string | undefined, first: string | undefined): string => inner ?? first ?? '';

/** A CJK unified ideograph (U+4E00–U+9FFF), by char code. */
export const isHan = (c: number): boolean => c >= 0x4e00 && c <= 0x9fff;

/** A markdown (ATX) heading mark at a line's start (`### `), as PDF-to-markdown converters set before every line. */
export const HEADING_MARK = /^#{1,6}[ \t]+/;

/** Full-width digits/latin/punctuation → ASCII (except CJK-style punctuation kept for reading), minus signs and hyphens → '-', CJK radicals → ideographs, odd spaces → space, CRLF → LF. */
export function normalizeText(raw: string): string {
  if (!NEEDS_NORMALIZING.test(raw)) return raw; // one scan instead of five when there is nothing to change
  let text = raw.replace(/^\uFEFF/, '');
  text = text.replace(/\r\n?/g, '\n');
  text = text.replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ');
  text = text.replace(/[\u200B-\u200D\u2060]/g, '');
  // the minus sign and the hyphens a word processor or typesetter prints (− U+2212, ﹣ U+FE63, ‒ U+2010–2012): a
  // hyphen-minus, so that `−3` in a 本年增/减 cell is −3, not 3
  text = text.replace(/[\u2010-\u2012\u2212\uFE63]/g, '-');
  text = text.replace(FULLWIDTH_ASCII, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  // CJK radicals a PDF's font maps its glyphs to (⾏ U+2F8F for 行, ⺠ U+2EA0 for 民): the ideographs they stand for,
  // without the single spaces a PDF's text may set around one in CJK text (pdf.js's items part at the font's
  // radicals: `中国（福建） ⾃ 由贸易试验区平潭 ⽚ 区管理`, `⼴ 西壮族…`)
  text = text.replace(RADICAL_SPACE, unspaced);
  text = text.replace(/[\u2E80-\u2EFF\u2F00-\u2FDF]/g, radicalIdeograph);
  return text;
}

/**
 * The CJK Radicals Supplement (U+2E81–U+2EF3), which NFKC leaves as it is, mapped to the ideographs they are
 * equivalent to, as Unicode's EquivalentUnifiedIdeograph.txt lists them (radical:ideograph, hex code points).
 * (The Kangxi radicals U+2F00–U+2FD5 NFKC maps itself.)
 */
/** The ideograph a CJK radical stands for (itself when it stands for none). */
export const radicalIdeograph = (ch: string): string => RADICAL_SUPPLEMENT.get(ch) ?? ch.normalize('NFKC');

const RADICAL_SUPPLEMENT: ReadonlyMap<string, string> = new Map(
  [
  '2E81:5382,2E82:4E5B,2E83:4E5A,2E84:4E59,2E85:4EBB,2E86:5182,2E87:20628,2E88:5200,2E89:5202,2E8A:535C,2E8B:353E',
  '2E8C:5C0F,2E8D:5C0F,2E8E:5140,2E8F:5C23,2E90:5C22,2E91:21BC2,2E92:5DF3,2E93:5E7A,2E94:5F51,2E95:2B739',
  '2E96:5FC4,2E97:5FC3,2E98:624C,2E99:6535,2E9B:65E1,2E9C:65E5,2E9D:6708,2E9E:6B7A,2E9F:6BCD,2EA0:6C11,2EA1:6C35',
  '2EA2:6C3A,2EA3:706C,2EA4:722B,2EA5:722B,2EA6:4E2C,2EA7:725B,2EA8:72AD,2EA9:738B,2EAA:24D14,2EAB:76EE,2EAC:793A',
  '2EAD:793B,2EAE:25AD7,2EAF:7CF9,2EB0:7E9F,2EB1:7F53,2EB2:7F52,2EB3:34C1,2EB4:5197,2EB5:2626B,2EB6:7F8A',
  '2EB7:2634C,2EB8:2634B,2EB9:8002,2EBA:8080,2EBB:807F,2EBC:8089,2EBD:26951,2EBE:8279,2EBF:8279,2EC0:8279',
  '2EC1:864E,2EC2:8864,2EC3:8980,2EC4:897F,2EC5:89C1,2EC6:89D2,2EC7:278B2,2EC8:8BA0,2EC9:8D1D,2ECA:27FB7',
  '2ECB:8F66,2ECC:8FB6,2ECD:8FB6,2ECE:8FB6,2ECF:9091,2ED0:9485,2ED1:9577,2ED2:9578,2ED3:957F,2ED4:95E8,2ED5:28E0F',
  '2ED6:961D,2ED7:96E8,2ED8:9752,2ED9:97E6,2EDA:9875,2EDB:98CE,2EDC:98DE,2EDD:98DF,2EDE:2967F,2EDF:98E0,2EE0:9963',
  '2EE1:29810,2EE2:9A6C,2EE3:9AA8,2EE4:9B3C,2EE5:9C7C,2EE6:9E1F,2EE7:5364,2EE8:9EA6,2EE9:9EC4,2EEA:9EFE,2EEB:6589',
  '2EEC:9F50,2EED:6B6F,2EEE:9F7F,2EEF:7ADC,2EF0:9F99,2EF1:9F9C,2EF2:4E80,2EF3:9F9F',
  ]
    .join(',')
    .split(',')
    .map((pair) => pair.split(':').map((hex) => String.fromCodePoint(parseInt(hex, 16))) as [string, string]),
);

/**
 * Characters whose NFKC form holds no digit unless they are one: ASCII, general punctuation, CJK symbols, the unified
 * ideographs and the full-width forms other than ０–９ (tests/parser/normalize.test.ts checks each).
 */
const NO_COMPAT_DIGIT = /^[\x00-\x7F\u2000-\u206F\u3000-\u303F\u4E00-\u9FFF\uFF00-\uFF0F\uFF1A-\uFFEF]*$/;

/**
 * Whether a text prints a digit, a compatibility form of one included (full-width ３, circled ③, ㏠): /\d/ of its NFKC
 * form, which most lines (ideographs and ASCII) settle without normalising.
 */
export const printsDigit = (text: string): boolean => (NO_COMPAT_DIGIT.test(text) ? /\d/.test(text) : /\d/.test(text.normalize('NFKC')));

/** A single space between two ideographs: no word break in Chinese (pdf2json's text sets one inside words: `政府信 息公开`). */
const HAN_SPACE = /(?<=\p{Script=Han}) (?=\p{Script=Han})/gu;

/** The text without the single spaces between two ideographs (for matching words; not for display). */
export const withoutHanSpaces = (text: string): string => (mayHaveHanSpace(text) ? text.replace(HAN_SPACE, '') : text);

/**
 * Whether a space stands between two characters that may be ideographs: HAN_SPACE can match only there (every Han
 * character is U+2E80 or above, a surrogate too), and most texts' spaces stand beside ASCII. A scan, not the regex.
 */
function mayHaveHanSpace(text: string): boolean {
  for (let k = text.indexOf(' ', 1); k !== -1; k = text.indexOf(' ', k + 1)) {
    if (text.charCodeAt(k - 1) >= 0x2e80 && text.charCodeAt(k + 1) >= 0x2e80) return true;
  }
  return false;
}

/**
 * Folds a label or a piece of text for matching: no spaces, ASCII parentheses and quotes, a few OCR confusions.
 * Not for display.
 */
export function fold(text: string): string {
  // (TextDecoder would turn a lone surrogate into U+FFFD, so ill-formed text keeps the regex path)
  if (text.length > LONG_TEXT && text.isWellFormed()) return foldLong(text);
  // (labels and cell texts recur, within a report and across reports: each is folded once)
  return memoized(FOLDED, text, foldShort);
}

const FOLDED = new Map<string, string>();
const foldShort = (text: string): string => text.replace(SPACES, '').replace(FOLD_CHARS, (ch) => FOLD_PUNCT[ch] ?? ch);

/**
 * fold() without quotes (fold makes every kind `"`): labels compared so still match when a PDF's text prints the
 * quotes apart from the words they quote (`3.危` `“` `及` `三安` `全一` `稳` `”` `定`).
 */
export function foldBare(text: string): string {
  return fold(text).replace(/"/g, '');
}

/** From this length on (whole table regions), fold() copies char codes instead of running two regex replaces. */
const LONG_TEXT = 512;
const utf16 = new TextDecoder('utf-16le');

/**
 * fold() of a long text, the same result: one pass over the char codes (white space dropped, punctuation mapped)
 * into a buffer decoded once. Two replaces with many matches each cost about twice as much on table regions.
 */
function foldLong(text: string): string {
  const out = new Uint16Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) continue;
    out[n++] = foldCode(c);
  }
  return utf16.decode(out.subarray(0, n));
}

/** fold() of one char code that is not white space (which fold drops). */
const foldCode = (c: number): number => (c >= 0x2000 && (c < 0x4e00 || c > 0x9fff) ? (FOLD_CODES.get(c) ?? c) : c);

/**
 * fold(text).includes(needle), for a folded needle whose first character is a CJK ideograph (fold keeps those as
 * they are and maps nothing onto them), without folding the text: each place the text has that character is
 * matched against the needle the way fold would read it (white space skipped, punctuation mapped). Folding a whole
 * table region only to look for a few phrases costs far more.
 */
export function foldedIncludes(text: string, needle: string): boolean {
  const first = needle.charCodeAt(0);
  if (!(first >= 0x4e00 && first <= 0x9fff)) return fold(text).includes(needle);
  for (let at = text.indexOf(needle[0]!); at !== -1; at = text.indexOf(needle[0]!, at + 1)) {
    let j = at + 1;
    let k = 1;
    while (k < needle.length && j < text.length) {
      const c = text.charCodeAt(j++);
      if (isSpace(c)) continue;
      if (foldCode(c) !== needle.charCodeAt(k)) break;
      k++;
    }
    if (k === needle.length) return true;
  }
  return false;
}

/** Punctuation fold() unifies, character by character. */
const FOLD_PUNCT: Readonly<Record<string, string>> = {
  '（': '(', '(': '(', '〔': '(', '【': '(', '「': '"',
  '）': ')', ')': ')', '〕': ')', '】': ')', '」': '"',
  '“': '"', '”': '"', '"': '"', '″': '"', '『': '"', '』': '"',
  '，': ',', ',': ',', '：': ':', ':': ':', '．': '.', '。': '.',
};
const SPACES = /[\s\u3000]+/g;
/** The punctuation FOLD_PUNCT unifies (ASCII forms that are already canonical are left out). */
const FOLD_CHARS = /[（〔【「）〕】」“”″『』，：．。]/g;
/** FOLD_PUNCT by char code, for foldLong (the ASCII identities left out: every mapped code is ≥ U+2000). */
const FOLD_CODES = new Map(
  Object.entries(FOLD_PUNCT)
    .filter(([from, to]) => from !== to)
    .map(([from, to]) => [from.charCodeAt(0), to.charCodeAt(0)]),
);

/** Splits text into lines; index 0 is line 1. */
export function toLines(text: string): string[] {
  return text.split('\n');
}

/** Offsets of each line start, for mapping a character offset back to a 1-based line number. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line of a character offset (binary search over lineStarts). */
export function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Whether a char code is \s in a JS regex (white space or a line terminator); for scans done by hand. */
export function isSpace(c: number): boolean {
  // ASCII and CJK text (nearly every character) is decided in two or three comparisons
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  if (c > 0x3000) return c === 0xfeff;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Whether a char code is East Asian wide or full-width: two columns in a monospace layout (text browsers, pdftotext). */
export const isWide = (c: number): boolean =>
  c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6));

/** Display columns of a text, by code point: a wide or full-width character (a glyph one em wide) takes two. */
export function displayColumns(text: string): number {
  let w = 0;
  for (const ch of text) w += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return w;
}
