/**
 * Bytes → text. Detects UTF-8 (with or without BOM), UTF-16LE/BE (BOM required) and falls back to GB18030 when
 * the bytes are not valid UTF-8. Node-only layer (iconv-lite); the parser itself never sees bytes.
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

/** Decodes `bytes`, choosing the encoding from the BOM, else UTF-8 when valid, else GB18030. */
export function decodeBytes(bytes: Uint8Array): DecodedBytes {
  const bom = detectBom(bytes);
  if (bom === 'utf-8') return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bom === 'utf-16le') return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bom === 'utf-16be') return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: stripBom(iconv.decode(Buffer.from(bytes), 'gb18030')), encoding: 'gb18030' };
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** How many leading bytes `looksBinary` inspects. */
const SNIFF_BYTES = 8192;

/**
 * True when the bytes are not text: a NUL byte, or more than 10% control bytes other than tab, newline, carriage
 * return, form feed and escape, in the first 8 KB. Text with a UTF-16 BOM is never binary (it is full of NULs).
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const bom = detectBom(bytes);
  if (bom === 'utf-16le' || bom === 'utf-16be') return false;
  const head = bytes.subarray(0, SNIFF_BYTES);
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return head.length > 0 && control / head.length > 0.1;
}
