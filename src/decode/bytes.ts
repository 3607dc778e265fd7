/**
 * Bytes → text. Detects UTF-8 (with or without BOM), UTF-16LE/BE (with a BOM, or without one when the NUL bytes
 * say so: see `sniffUtf16`) and falls back to GB18030 when the bytes are not valid UTF-8. Node-only layer
 * (iconv-lite); the parser itself never sees bytes.
 */
import iconv from 'iconv-lite';

export interface DecodedBytes {
  /** The text, BOM removed. */
  text: string;
  /** `utf-8`, `utf-16le`, `utf-16be` or `gb18030`. */
  encoding: string;
}

/** Which byte-order mark the bytes start with, if any. */
export function detectBom(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** Decodes `bytes`, choosing the encoding from the BOM, else UTF-16 when sniffed, else UTF-8 when valid, else GB18030. */
export function decodeBytes(bytes: Uint8Array): DecodedBytes {
  const bom = detectBom(bytes);
  if (bom === 'utf-8') return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bom === 'utf-16le') return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bom === 'utf-16be') return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be' };
  const utf16 = sniffUtf16(bytes);
  if (utf16 === 'utf-16le') return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (utf16 === 'utf-16be') return { text: iconv.decode(Buffer.from(bytes), 'utf-16be'), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/\u0000/g, ''), encoding: 'utf-8' };
  } catch {
    return { text: stripBom(iconv.decode(Buffer.from(bytes), 'gb18030')), encoding: 'gb18030' };
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** How many leading bytes `looksBinary` and `sniffUtf16` inspect. */
const SNIFF_BYTES = 8192;

/** A 16-bit unit that report text is made of: ASCII text, CJK ideographs and punctuation, full-width forms. */
function plausibleUnit(u: number): boolean {
  return (
    u === 0x09 || u === 0x0a || u === 0x0d || (u >= 0x20 && u <= 0x7e) || (u >= 0xa0 && u <= 0xff) ||
    (u >= 0x2000 && u <= 0x27bf) || (u >= 0x3000 && u <= 0x30ff) || (u >= 0x3400 && u <= 0x4dbf) ||
    (u >= 0x4e00 && u <= 0x9fff) || (u >= 0xf900 && u <= 0xfaff) || (u >= 0xfe30 && u <= 0xfe4f) || (u >= 0xff00 && u <= 0xffef)
  );
}

/**
 * UTF-16 without a BOM (some Windows tools save it so). Report text has line breaks, digits and ASCII punctuation,
 * whose high byte is 0, so it holds NUL bytes; read in the right byte order, (nearly) every 16-bit unit is ASCII,
 * CJK or full-width, while in the wrong order or for binary data only about a third are. Decides from the first
 * 8 KB: NULs in at least 0.5% of the bytes and at least 90% plausible units in one order. Null when not UTF-16.
 */
export function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const head = bytes.subarray(0, Math.min(bytes.length, SNIFF_BYTES) & ~1);
  const units = head.length / 2;
  if (units < 2) return null;
  let nul = 0;
  let le = 0;
  let be = 0;
  for (let i = 0; i < head.length; i += 2) {
    const a = head[i] as number;
    const b = head[i + 1] as number;
    if (a === 0) nul++;
    if (b === 0) nul++;
    if (plausibleUnit(a | (b << 8))) le++;
    if (plausibleUnit((a << 8) | b)) be++;
  }
  if (nul < head.length * 0.005) return null;
  if (le >= units * 0.9 && le > be) return 'utf-16le';
  if (be >= units * 0.9 && be > le) return 'utf-16be';
  return null;
}

/**
 * True when the bytes are not text: a NUL byte, or more than 10% control bytes other than tab, newline, carriage
 * return, form feed and escape, in the first 8 KB. UTF-16 text (with a BOM, or sniffed) is never binary although
 * it is full of NULs, and neither is valid UTF-8 text with a stray NUL or two (under 0.1% of the bytes: a copy-paste
 * accident, not an image); `decodeBytes` drops those NULs.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const bom = detectBom(bytes);
  if (bom === 'utf-16le' || bom === 'utf-16be' || sniffUtf16(bytes) !== null) return false;
  const head = bytes.subarray(0, SNIFF_BYTES);
  let control = 0;
  let nul = 0;
  for (const b of head) {
    if (b === 0) nul++;
    else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  if (nul > 0 && !(nul <= Math.max(1, head.length / 1000) && isUtf8(head))) return true;
  return head.length > 0 && control / head.length > 0.1;
}

/** True when the bytes are valid UTF-8 (a character cut at the end of the slice is allowed). */
function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}
