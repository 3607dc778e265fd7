/**
 * decodeFile: a report file's bytes in, normalised text out (txt and md as decoded, HTML as text lines). Node-only
 * layer between the file system and the pure parser: it owns the bytes, so it also computes their sha256.
 */
import { createHash } from 'node:crypto';
import { decodeBytes, looksBinary } from './bytes.ts';
import { docxToText } from './docx.ts';
import { htmlToText, markdownEscapes, markdownInlineHtml, markdownSpans, markdownTables } from './html.ts';
import { NoTextLayerError, pdfToText } from './pdf.ts';
import { headerUrl, pageUrl } from './source-url.ts';

export { decodeBytes, looksBinary } from './bytes.ts';
export { htmlToText } from './html.ts';
export { NO_TEXT_LAYER } from './pdf.ts';

export type SourceFormat = 'txt' | 'md' | 'html' | 'pdf' | 'docx';

/** The extension of a file name or path, lowercased, white space around the name ignored; '' when there is none. */
export function extensionOf(name: string): string {
  const m = /\.([^.\s/\\]+)$/.exec(name.trim());
  return m ? m[1]!.toLowerCase() : '';
}

export interface DecodedFile {
  text: string;
  encoding: string;
  format: SourceFormat;
  /** The original publication's URL when the file names it (src/decode/source-url.ts). */
  url?: string;
}

/** A file that cannot be read as a report; `message` starts with the file's path. */
export class DecodeError extends Error {
  readonly file: string;

  constructor(file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'DecodeError';
    this.file = file;
  }
}

/** Lowercase hex sha256 of the bytes. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A web page's extensions: `.shtml` (server-side includes, the pages many government sites serve) and `.xhtml`
 * besides `.html`/`.htm`, as a crawler saves a page under its address's name.
 */
export const HTML_EXTENSIONS: ReadonlySet<string> = new Set(['html', 'htm', 'shtml', 'xhtml']);

const XML_DECLARATION = /^<\?xml[^>]*\?>\s*/;

/**
 * Format from the extension, else HTML when the text opens with a doctype, `<html` or an HTML element (a CMS
 * article body saved as it is: `<div class=…>`, `<p style=…>`, `<table`), else txt.
 */
export function detectFormat(path: string, text: string): SourceFormat {
  const ext = extensionOf(path);
  if (HTML_EXTENSIONS.has(ext)) return 'html';
  if (ext === 'md' || ext === 'markdown') return 'md';
  // (an XHTML page opens with its XML declaration: `<?xml version="1.0" encoding="UTF-8"?>`, LibreOffice's export)
  const head = text.slice(0, 1024).trimStart().toLowerCase().replace(XML_DECLARATION, '');
  if (/^(<!doctype html|<html|<!--[\s\S]*?-->\s*<html)/.test(head)) return 'html';
  return /^<(?:table|div|p|span|section|article|body|head|meta|style|font|center|h[1-6])[\s>]/.test(head) ? 'html' : 'txt';
}

/**
 * Decodes a report file of any kind the build reads: a PDF by its text layer (pdf.ts), a Word .docx through the
 * HTML grid reader (docx.ts), anything else as decodeFile does. Throws DecodeError for an empty or binary file, a
 * PDF without a text layer (NO_TEXT_LAYER) and a .pdf/.docx that cannot be opened.
 */
export async function decodeReport(bytes: Uint8Array, path: string): Promise<DecodedFile> {
  const ext = extensionOf(path);
  if (ext !== 'pdf' && ext !== 'docx') return decodeFile(bytes, path);
  if (bytes.length === 0) throw new DecodeError(path, 'empty file');
  let text: string;
  try {
    text = ext === 'pdf' ? await pdfToText(bytes) : await docxToText(bytes);
  } catch (e) {
    if (e instanceof NoTextLayerError) throw new DecodeError(path, e.message);
    throw new DecodeError(path, `not a readable ${ext === 'pdf' ? 'PDF' : 'Word (.docx)'} file (${(e as Error).message})`);
  }
  if (text.trim() === '') throw new DecodeError(path, 'empty file');
  return { text, encoding: ext, format: ext };
}

/** A markdown table's delimiter row (`| --- | :-: |`), on a line of its own. */
const MD_TABLE = /^\s*\|?\s*:?-{3,}:?\s*\|/m;

/** Decodes a report file; throws DecodeError for an empty or binary file. */
export function decodeFile(bytes: Uint8Array, path: string): DecodedFile {
  if (bytes.length === 0) throw new DecodeError(path, 'empty file');
  if (looksBinary(bytes)) throw new DecodeError(path, 'binary file (not text)');
  const { text, encoding } = decodeBytes(bytes);
  if (text.trim() === '') throw new DecodeError(path, 'empty file');
  const format = detectFormat(path, text);
  const url = format === 'html' ? pageUrl(text) : headerUrl(text);
  // (a text file with an HTML table in it, a crawl that kept the table's markup, is read as markdown keeps one; one
  // with a markdown table, a converter's markdown saved as .txt, has its backslash escapes read as markdown's)
  const markup = format === 'md' || (format === 'txt' && /<table\b/i.test(text) && /<td\b/i.test(text));
  const escaped = format === 'md' ? markdownEscapes(markdownSpans(text)) : format === 'txt' && MD_TABLE.test(text) ? markdownEscapes(text) : text;
  const decoded = format === 'html' ? htmlToText(text) : markup ? markdownInlineHtml(markdownTables(escaped)) : escaped;
  return { text: decoded, encoding, format, ...(url ? { url } : {}) };
}
