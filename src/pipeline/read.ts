/**
 * One report file, bytes in, record out, behind one safety net: whatever throws while decoding (an HTML page
 * nested too deep, a decoder bug) or parsing publishes the report as unidentified with its text, and says why —
 * an empty or binary file gets EMPTY_INPUT, a decoder failure DECODE_FAILED (its bytes read as UTF-8, lossily), a
 * parser failure PARSE_FAILED. Nothing here writes or prints: build-data does the I/O and the console.
 */
import { decodeBytes, decodeReport, DecodeError, NO_TEXT_LAYER, type SourceFormat } from '../decode/index.ts';
import { sourceLines } from '../lib/narrative.ts';
import { parseOrKeep } from '../lib/safe-parse.ts';
import type { Finding, ReportRecord } from '../schema/record.ts';

export interface ReadReport {
  record: ReportRecord;
  /** The decoded text's lines, as the record's line numbers count them (what the report page lists). */
  lines: string[];
  encoding: string;
  format: SourceFormat;
  /** Problems for the console: the decoder's or the parser's exception, when one was caught. */
  problems: string[];
}

/** Reads a report file's bytes (`file` as shown, e.g. content/reports/x.txt, .pdf or .docx). Never rejects. */
export async function readReport(bytes: Uint8Array, file: string, sha256: string): Promise<ReadReport> {
  const problems: string[] = [];
  let decoded: { text: string; encoding: string; format: SourceFormat; url?: string };
  let inputFinding: Finding | null = null;
  try {
    decoded = await decodeReport(bytes, file);
  } catch (e) {
    if (e instanceof DecodeError) {
      // An empty or binary file is still a report the maintainer added: kept, unidentified, with EMPTY_INPUT.
      const reason = e.message.slice(e.file.length + 2);
      const what = reason === 'empty file' ? '空文件' : reason === NO_TEXT_LAYER ? '扫描件，没有文字层' : /^not a readable/.test(reason) ? '无法打开的文件' : '不是文本文件';
      const fix = reason === NO_TEXT_LAYER ? '请另存一份识别（OCR）后的文字 .txt' : '请换成报告正文，或删除该文件';
      inputFinding = { code: 'EMPTY_INPUT', severity: 'error', message: `${what}（${reason}）：${fix}`, line: null };
      decoded = { text: '', encoding: 'unknown', format: 'txt' };
    } else {
      const error = e instanceof Error ? e : new Error(String(e));
      problems.push(`the decoder failed (${error.message}); published unidentified with its bytes read as text, see DECODE_FAILED`);
      inputFinding = { code: 'DECODE_FAILED', severity: 'error', message: `文件解码出错（${error.message}）：原文按文本照常公开，表格数据未能读取；请把该文件报告给项目维护者`, line: null };
      let text = '';
      try {
        text = decodeBytes(bytes).text;
      } catch {
        text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
      }
      decoded = { text, encoding: 'utf-8', format: 'txt' };
    }
  }
  const options = { file, sha256, encoding: decoded.encoding, format: decoded.format };
  const parsed = parseOrKeep(inputFinding?.code === 'DECODE_FAILED' ? '' : decoded.text, options);
  if (parsed.error) problems.push(`the parser failed (${parsed.error.message}); published unidentified with its text, see PARSE_FAILED`);
  const lines = sourceLines(decoded.text);
  let record = parsed.record;
  if (decoded.url) record = { ...record, source: { ...record.source, url: decoded.url } };
  if (inputFinding) {
    record = { ...record, source: { ...record.source, lines: lines.length }, findings: [...record.findings.filter((f) => f.code !== 'EMPTY_INPUT'), inputFinding] };
  }
  return { record, lines, encoding: decoded.encoding, format: decoded.format, problems };
}
