/**
 * The record contract: one record per report, the shape of the content collection, of the parser's output and of
 * the open data. Every other type in the project is inferred from these schemas (`z.infer`), never re-declared.
 */
import { z } from 'zod';

/** Every finding code the parser or the site can emit. Anomalies are the agency's errors; doubts are ours. */
export const FINDING_CODES = [
  // source anomalies: the printed numbers disagree with each other
  'IDENTITY_COLUMN', // 表三 column: newReceived + carriedOver ≠ total + carriedForward
  'IDENTITY_ROW', // 表三 row: six applicant columns do not sum to total
  'IDENTITY_RESULTS', // 表三 column: total ≠ sum of result rows
  'IDENTITY_REVIEW', // 表四 row: upheld + corrected + other + pending ≠ total
  'PROSE_MISMATCH', // a number quoted in the prose disagrees with the table
  'CROSS_YEAR_CARRY', // this year's carriedOver ≠ last year's carriedForward (site level)
  // parse doubts: the parser could not read something
  'CELL_UNREADABLE', // a cell is missing or unreadable; kept null
  'CELL_INFERRED', // a missing cell was filled from the identities
  'GLUED_AMBIGUOUS', // a glued digit run has several splits the identities allow; kept null
  'GLUED_REPEATED', // a glued digit run with several splits is one number printed once per cell (898989 = 89 | 89 | 89): read so, to be checked against the source
  'TABLE_MISSING', // a statutory table was not found
  'SECTION_MISSING', // one of the six parts was not found
  'TEMPLATE_UNCERTAIN', // the template could not be told from the tables
  'AGENCY_UNKNOWN', // no agency name found
  'YEAR_UNKNOWN', // no reported year found
  'OTHER_HANDLING_SINGLE_ROW', // 2021 template printed （六）其他处理 as one row
  'TABLE_REORDERED', // a table printed out of reading order (rows column by column, a value away from its label) was rebuilt; the identities or a unique match confirm it
  'EMPTY_INPUT', // the text holds nothing to read
  'DATE_INVALID', // the publication date is not a real date, precedes the reported year or follows the build: dropped
  'SLUG_CONFLICT', // the agency's default URL key was another agency's: tagged with a hash of its name (site level)
  'DECODE_FAILED', // the decoder threw on this file: published unidentified, its bytes kept as text (src/pipeline/read.ts)
  'NUMBER_INEXACT', // a printed number a double cannot hold exactly (99999999999999999999), in exponent notation (1e309) or garbled by a percent sign between digits (9%5, OCR): kept null, its digits kept as printed
  'NEGATIVE_COUNT', // a negative number printed in a cell the template defines as a count (only 本年增/减 may be negative)
  'COUNT_NOT_WHOLE', // a cell the template defines as a count printed with a fraction (517.645: a thousands separator printed as a point, or a misread): kept null, its text kept as printed
  'OCR_DIGIT', // a cell printed with OCR's letters for digits (O for 0, l for 1) was read as those digits, its text kept as printed
  'YEAR_GUESSED', // the title states no year: the year was taken from the text (the year it names most, revision notes and law titles aside)
  'LINES_BOTTOM_UP', // the text prints each page's lines bottom to top (pdf2json): read top to bottom, each line still cited by its line in the file (src/parser/page-order.ts)
  'SERIAL_COLUMN', // the tables print a 序号 column (numbers counting up line by line) that no statutory table has: taken out before reading the cells
  'PARSE_FAILED', // the parser threw on this text: published unidentified, with the source kept (src/lib/safe-parse.ts)
  'UNIT_CONVERTED', // 表二's amount column is headed in 元 (采购总金额（元）): its bare numbers were converted to the template's 万元, the printed number kept as raw (src/parser/tables/yuan-header.ts)
  'TEXT_GARBLED', // the text's characters were decoded wrong (accented Latin letters inside Chinese words: a PDF font mapped to other characters): nothing read from it, published unidentified (src/parser/garbled.ts)
  // informational
  'PROACTIVE_COUNT_MISSING', // the prose states no 主动公开 total for the whole body and year, or two that conflict
] as const;

export const findingCode = z.enum(FINDING_CODES);
export type FindingCode = z.infer<typeof findingCode>;

export const finding = z.object({
  /** Machine-readable code; see FINDING_CODES. */
  code: findingCode,
  /** `error`: the record is unusable as is; `warning`: a number is wrong or doubtful; `info`: worth knowing. */
  severity: z.enum(['error', 'warning', 'info']),
  /** One sentence in Chinese or English a maintainer can act on. */
  message: z.string(),
  /** 1-based line in the normalised source text, or null when the finding is about the whole report. */
  line: z.number().int().nullable(),
  /** The cell concerned, as `table/row/column`, when there is one. */
  cell: z.string().optional(),
});
export type Finding = z.infer<typeof finding>;

/** A cell value: a number (integer, or decimal for money), or null when missing or unreadable. */
export const cellValue = z.number().nullable();
/** rowId -> columnId -> value. Row and column ids are the canonical ids of statutory-template.json. */
export const table = z.record(z.string(), z.record(z.string(), cellValue));
export type Table = z.infer<typeof table>;

export const tableIds = ['proactive', 'requests', 'review'] as const;
export type TableId = (typeof tableIds)[number];

export const tables = z.object({
  /** 表二 主动公开政府信息情况. */
  proactive: table,
  /** 表三 收到和处理政府信息公开申请情况. */
  requests: table,
  /** 表四 政府信息公开行政复议、行政诉讼情况. */
  review: table,
});
export type Tables = z.infer<typeof tables>;

/** Where one cell's value came from. Keyed by `table/row/column` in `record.provenance`. */
export const cellSource = z.object({
  /** 1-based line of the normalised source where the value was printed (or the row it belongs to). */
  line: z.number().int(),
  /** The printed text of the cell, when it differs from the number (e.g. `+2`, `1480.8758万元`, `/`). */
  raw: z.string().optional(),
  /** True when the value was not printed but follows uniquely from the identities. */
  inferred: z.boolean().optional(),
});
export type CellSource = z.infer<typeof cellSource>;

export const sectionKeys = ['preamble', 'overview', 'proactive', 'requests', 'review', 'fees', 'problems', 'other'] as const;
export const section = z.object({
  /** Which of the six statutory parts (or the preamble before part one, or a part some reports add: 信息处理费收取情况). */
  key: z.enum(sectionKeys),
  /** The heading as printed. */
  heading: z.string(),
  /** The part's text, tables included, as normalised. */
  text: z.string(),
  /** 1-based line of the heading. */
  line: z.number().int(),
});
export type Section = z.infer<typeof section>;

export const fact = z.object({
  /** The number the prose states. */
  value: z.number(),
  /** Its unit as printed (条, 件, 份). */
  unit: z.string(),
  /** The clause it came from. */
  evidence: z.string(),
  /** 1-based line of the evidence. */
  line: z.number().int(),
  /** True when the prose gives the number as approximate (7700余条, 近 500 条): shown as 约 7,700. */
  approximate: z.boolean().optional(),
});
export type Fact = z.infer<typeof fact>;

/**
 * A maintainer's correction from content/corrections.yaml, applied after parsing. The source is never edited:
 * the printed value is kept here next to the corrected one, with the maintainer's reason.
 */
export const correction = z.object({
  /** The corrected cell `table/row/column`, for a cell correction. */
  cell: z.string().optional(),
  /** The corrected identity field, for an agency name, slug or year correction. */
  field: z.enum(['agency', 'slug', 'year']).optional(),
  /** The value as read from the source (null when it was not read; for `slug`, the slug the site assigned). */
  printed: z.union([z.number(), z.string()]).nullable(),
  /** The value the record now carries. */
  corrected: z.union([z.number(), z.string()]).nullable(),
  /** Why, as the maintainer wrote it. */
  reason: z.string(),
});
export type Correction = z.infer<typeof correction>;

export const template = z.enum(['2019', '2021']);
export type TemplateId = z.infer<typeof template>;

export const record = z.object({
  /** Stable URL key `<agency-slug>/<year>`, ASCII. */
  id: z.string(),
  agency: z.object({
    /** The agency's name as the report gives it (or as a maintainer corrected it). */
    name: z.string().nullable(),
    /** ASCII slug; empty until the site assigns one. */
    slug: z.string(),
  }),
  /** The reported year (not the publication year); null when not found. */
  year: z.number().int().nullable(),
  /** Which statutory template the tables follow. */
  template: template,
  /** Publication date `YYYY-MM-DD` when the report states it. */
  published: z.string().nullable(),
  /** The report's title line as printed, when found. */
  title: z.string().nullable(),
  source: z.object({
    /** Path of the source file relative to the project (or as given on the command line). */
    file: z.string(),
    /** sha256 of the source bytes. */
    sha256: z.string(),
    /** Encoding the bytes were decoded from. */
    encoding: z.string(),
    /** Number of lines in the normalised text. */
    lines: z.number().int(),
    /**
     * The original publication's URL (shown as 原文), when the file names it: a crawler's `原文链接:` header line or a
     * saved page's own address (src/decode/source-url.ts). Absent when it names none.
     */
    url: z.url({ protocol: /^https?$/ }).optional(),
  }),
  /** The six parts (and the preamble), in source order. */
  sections: z.array(section),
  /** The three statutory tables, canonical ids, every template cell present (null when unread). */
  tables: tables,
  /** Provenance per cell `table/row/column`: source line, raw text, inferred flag. */
  provenance: z.record(z.string(), cellSource),
  facts: z.object({
    /** The year's 主动公开 count as the prose states it, or null. */
    proactiveCount: fact.nullable(),
  }),
  /** Everything the parser doubts and every identity the source breaks. */
  findings: z.array(finding),
  /**
   * Maintainer corrections applied to this record (content/corrections.yaml), in file order; absent when none.
   * `tables`, `agency` and `year` carry the corrected values; the identities are re-checked after correcting.
   */
  corrections: z.array(correction).optional(),
});
export type ReportRecord = z.infer<typeof record>;
