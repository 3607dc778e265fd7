/**
 * The parser behind a safety net for the build: a report whose parsing throws is still published — as an
 * unidentified report with its source text kept (every line listed on its page) and a PARSE_FAILED error finding
 * that names the exception — instead of stopping the build or being dropped. The fuzz suites have never made the
 * parser throw; this is for the input nobody has thought of yet.
 */
import { normalizeText, toLines } from '../parser/normalize.ts';
import { parseReport, type ParseOptions } from '../parser/index.ts';
import type { ReportRecord } from '../schema/record.ts';

export interface SafeParse {
  record: ReportRecord;
  /** The parser's exception, when it threw (the record is then the empty fallback). */
  error: Error | null;
}

/** parseReport(text, options), or, when `parse` throws, an empty record for the same source with PARSE_FAILED. */
export function parseOrKeep(text: string, options: ParseOptions, parse: typeof parseReport = parseReport): SafeParse {
  try {
    return { record: parse(text, options), error: null };
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    const empty = parseReport('', options);
    const where = error.stack?.split('\n')[1]?.trim() ?? '';
    return {
      error,
      record: {
        ...empty,
        source: { ...empty.source, lines: toLines(normalizeText(text)).length },
        findings: [
          {
            code: 'PARSE_FAILED',
            severity: 'error',
            message: `解析器出错（${error.message}${where ? `，${where}` : ''}）：原文照常公开，表格数据未能读取；请把该文件报告给项目维护者`,
            line: null,
          },
        ],
      },
    };
  }
}
