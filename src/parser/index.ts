/**
 * parseReport: raw report text in, one record out. Pure: no fs, no Astro, no clock.
 * Stages: normalize → meta → sections → template → tables → facts → validate.
 */
import type { CellSource, Finding, ReportRecord, Section, Tables } from '../schema/record.ts';
import { clauses, proactiveCount, proseNumbers, wrappedClauses, type Clause } from './facts.ts';
import { dropPageNumbers } from './page-numbers.ts';
import { dropAsciidocRoles } from './asciidoc-roles.ts';
import { restoreDisplacedWords } from './displaced-words.ts';
import { procurementCuts, proseCells, statedSum, yuanToWan, type ProseCell } from './prose-cells.ts';
import { key } from './identities.ts';
import { narrativeBounds } from './body.ts';
import { checkPublished } from './dates.ts';
import { readMeta } from './meta.ts';
import { garbledText } from './garbled.ts';
import { citedInFile, pageOrder } from './page-order.ts';
import { lineAt, lineStarts, normalizeText, toLines } from './normalize.ts';
import { spanTables } from './spans.ts';
import { dropSerials } from './serials.ts';
import { joinWrappedNumbers } from './wrapped-numbers.ts';
import { boxRows } from './box-rows.ts';
import { cellLines } from './cell-lines.ts';
import { paragraphCells } from './paragraph-cells.ts';
import { joinBrokenRows } from './broken-rows.ts';
import { catdocRows } from './catdoc-rows.ts';
import { findHeadings, PART_NAMES, toSections, type Heading } from './sections.ts';
import { CellStore, slotOf, type Cell } from './tables/grid.ts';
import { readProactive, readUnsureGroups, startsWithZero } from './tables/proactive.ts';
import { headerColumns } from './tables/header-columns.ts';
import { printsBlankCells, readRequests } from './tables/requests.ts';
import { readReview } from './tables/review.ts';
import { reviewContinued } from './tables/review-continued.ts';
import { reviewFirstColumnMoved } from './tables/review-moved-column.ts';
import { reviewColumns } from './tables/review-columns.ts';
import { splitNumbersLine } from './tables/split-numbers.ts';
import { amountsInYuan } from './tables/yuan-header.ts';
import { unexplainedBlankRows } from './unexplained.ts';
import { detectTemplate, TEMPLATES } from './template.ts';
import { cellLabel, rowLabel } from '../schema/template.ts';
import { rulesAsText, tokenizeRange, unglueLoneNumbers, type Token } from './tokens.ts';
import { checkIdentities } from './validate.ts';

export interface ParseOptions {
  /** Path shown in findings and stored in record.source.file. */
  file?: string;
  /** sha256 of the source bytes (computed by the caller, which owns the bytes). */
  sha256?: string;
  /** Encoding the caller decoded the bytes from. */
  encoding?: string;
  /**
   * What the text was decoded from (src/decode's format). For `html` and `docx` the tab-separated table rows are
   * the document's own grid, so a blank cell between two tabs is a cell (kept null where it stands).
   */
  format?: string;
}


function searchFrom(text: string, re: RegExp, from: number): number {
  const m = re.exec(text.slice(from));
  return m ? from + m.index : -1;
}

type Range = [start: number, end: number];

/** Character ranges of the three tables: from each part's heading, or from an anchor phrase when a heading is missing. */
function tableRanges(text: string, headings: readonly Heading[]): Record<'proactive' | 'requests' | 'review', Range | null> {
  const h = (k: Heading['key']) => headings.find((x) => x.key === k);
  const nextStart = (k: Heading['key']): number => {
    const i = headings.findIndex((x) => x.key === k);
    return i >= 0 && headings[i + 1] ? headings[i + 1]!.start : -1;
  };
  const pStart = h('proactive')?.bodyStart ?? searchFrom(text, /第二十条第/, h('overview')?.end ?? 0);
  const rStart = h('requests')?.bodyStart ?? searchFrom(text, /本年新收|新收政府信息公开申请/, Math.max(pStart, 0));
  // (a text that lost 表四's heading and its first header row still has its other header words)
  const vStart = h('review')?.bodyStart ?? searchFrom(text, /行政复议|未经复议直接起诉|复议后起诉|结果维持/, Math.max(rStart, pStart, 0));
  const endOf = (k: Heading['key'], fallback: number): number => {
    const n = nextStart(k);
    return n >= 0 ? n : fallback;
  };
  const pEnd = h('requests')?.start ?? (rStart >= 0 ? rStart : endOf('proactive', text.length));
  const rEnd = h('review')?.start ?? (vStart >= 0 ? vStart : endOf('requests', text.length));
  const vEnd = endOf('review', vStart >= 0 ? Math.min(text.length, vStart + 3000) : -1);
  return {
    proactive: pStart >= 0 ? [pStart, Math.max(pStart, pEnd)] : null,
    requests: rStart >= 0 ? [rStart, Math.max(rStart, rEnd)] : null,
    review: vStart >= 0 ? [vStart, Math.max(vStart, vEnd)] : null,
  };
}

interface TemplateRowCells {
  table: keyof Tables;
  row: string;
  columns: string[];
  /** `table/row/column` key of each column */
  keys: string[];
  /** CellStore slot of each column */
  slots: number[];
  /** The row with every column null, in order: each record's row starts as a copy, already in its final shape. */
  blank: Record<string, number | null>;
  /** The row from its values in column order, when its columns have a literal shape (see ROW_SHAPES). */
  build: ((values: ReadonlyArray<number | null>) => Record<string, number | null>) | undefined;
}

/**
 * 表三 and 表四 rows built as object literals, one shape each: the same properties in the same order as a copy of
 * the blank row with each column written by name, at a fraction of the cost (copying and named writes into small
 * objects of varied shapes take V8's generic paths). A row uses a shape only when its column ids are exactly these.
 */
const ROW_SHAPES: ReadonlyArray<{ columns: string; build: (v: ReadonlyArray<number | null>) => Record<string, number | null> }> = [
  {
    columns: 'naturalPerson,commercial,research,nonprofit,legalService,other,total',
    build: (v) => ({
      naturalPerson: v[0] ?? null,
      commercial: v[1] ?? null,
      research: v[2] ?? null,
      nonprofit: v[3] ?? null,
      legalService: v[4] ?? null,
      other: v[5] ?? null,
      total: v[6] ?? null,
    }),
  },
  {
    columns: 'upheld,corrected,other,pending,total',
    build: (v) => ({ upheld: v[0] ?? null, corrected: v[1] ?? null, other: v[2] ?? null, pending: v[3] ?? null, total: v[4] ?? null }),
  },
];
const rowLists = new Map<string, TemplateRowCells[]>();

/** Every row of a template in official order, with its cells' keys (built once per template). */
function templateRows(template: ReportRecord['template']): TemplateRowCells[] {
  let list = rowLists.get(template);
  if (!list) {
    const spec = TEMPLATES[template];
    const rows: TemplateRowCells[] = [];
    const add = (table: keyof Tables, row: string, columns: string[]): void => {
      const blank: Record<string, number | null> = {};
      for (const c of columns) blank[c] = null;
      const build = ROW_SHAPES.find((shape) => shape.columns === columns.join(','))?.build;
      const keys = columns.map((c) => key(table, row, c));
      rows.push({ table, row, columns, keys, slots: keys.map(slotOf), blank, build });
    };
    for (const g of spec.proactive.groups) for (const r of g.rows) add('proactive', r.id, g.columns.map((c) => c.id));
    for (const r of spec.requests.rows) add('requests', r.id, spec.requests.columns.map((c) => c.id));
    for (const r of spec.review.rows) add('review', r.id, spec.review.columns.map((c) => c.id));
    rowLists.set(template, (list = rows));
  }
  return list;
}

function cellSource(cell: Cell): CellSource {
  const src: CellSource = { line: cell.line };
  if (cell.raw !== undefined) src.raw = cell.raw;
  if (cell.inferred) src.inferred = true;
  return src;
}

const headingKeys = (Object.keys(PART_NAMES) as Array<Section['key']>).filter((k): k is Heading['key'] => k !== 'preamble' && k !== 'fees');

export function parseReport(raw: string, options: ParseOptions = {}): ReportRecord {
  const order = pageOrder(normalizeText(raw));
  const rec = parseText(order.text, options, order.lines);
  return order.lineOf ? citedInFile(rec, order.lineOf) : rec;
}

/** parseReport of normalised text in reading order (`split`: its lines, when pageOrder has them). */
function parseText(normalized: string, options: ParseOptions, split?: string[]): ReportRecord {
  const findings: Finding[] = [];
  const text = restoreDisplacedWords(dropPageNumbers(dropAsciidocRoles(normalized)));
  // A text whose characters were decoded wrong may print a digit for a punctuation mark: nothing is read from it
  const garbled = garbledText(text);
  if (garbled) {
    const none = parseText('', options);
    const message = `文字提取成乱码：正文中有 ${garbled.letters} 处带附加符号的拉丁字母夹在汉字之间（如「${garbled.sample}」），PDF 的字体编码未能正确还原，数字也可能是别的字符误读而成；机构、年度和表格均未读取。请用 pdftotext 等工具重新提取文字，或从原件复制文字另存为 .txt`;
    return { ...none, source: { ...none.source, lines: toLines(text).length }, findings: [{ code: 'TEXT_GARBLED', severity: 'error', message, line: garbled.line }, ...none.findings.filter((f) => f.code !== 'EMPTY_INPUT')] };
  }
  // (the text as pageOrder split it, where the steps above left it as it was: most texts)
  const lines = paragraphCells(cellLines(catdocRows(joinBrokenRows(spanTables(boxRows(split && text === normalized ? split : toLines(text))), text))), text);
  const starts = lineStarts(text);
  const meta = readMeta(lines, text);
  const headings = findHeadings(text);
  const sections = toSections(text, headings, starts, narrativeBounds(text, headings));
  const ranges = tableRanges(text, headings);

  const tableSpan = [ranges.proactive?.[0], ranges.requests?.[1], ranges.review?.[0]].filter((x): x is number => x !== undefined);
  const tableText = tableSpan.length ? text.slice(Math.min(...tableSpan), Math.max(...tableSpan)) : '';
  const guess = detectTemplate(tableText, meta.year);
  const template = guess.template;

  // Prose before 表二 (the overview and part two's words before its table): the 主动公开 total, and the numbers it
  // states for table cells (compared with the tables, and constraints where a glued run has several splits).
  const proseEnd = proactiveProseEnd(text, headings, ranges.proactive);
  const proseText = text.slice(0, proseEnd);
  const prose = clauses(proseText, 0);
  const stated = proseCells(prose, starts, template);

  const cells = new CellStore();
  const hasText = text.trim() !== '';
  const grid = options.format === 'html' || options.format === 'docx';
  const paged = lines.some((l) => l.charCodeAt(0) === 12); // (pdftotext starts each page's first line with a form feed)
  let requestsHold = false;
  if (!hasText) {
    findings.push({ code: 'EMPTY_INPUT', severity: 'error', message: '文件没有可读的文字', line: null });
  } else {
    // the three tables' tokens, 表三's numbers a narrow cell wrapped over two lines of layout text joined
    // (wrapped-numbers.ts), a 序号 column's numbers (counting up through the tables) taken out first (serials.ts)
    const regions = [ranges.proactive, ranges.requests, ranges.review];
    const regionTokensOf = (r: readonly [number, number]): Token[] => {
      const tokens = tokenizeRange(lines, starts, ...r, grid, paged);
      // (a page's or document's table is a grid of whole cells; a page with no table, its text in lines, is read as
      // text: pdftohtml's HTML of a PDF)
      return grid && text.slice(...r).includes('\t') ? tokens : joinWrappedNumbers(tokens, lines);
    };
    const serials = dropSerials(regions.map((r) => (r ? regionTokensOf(r) : [])));
    const regionTokens = serials.lists;
    for (const run of serials.runs) {
      findings.push({
        code: 'SERIAL_COLUMN',
        severity: 'info',
        message: `表格各行前印有一列序号（${run.first}–${run.last}）：序号不是单元格，读表前已略去`,
        line: run.line,
      });
    }
    const tokensOf = (k: number): Token[] | null => (regions[k] ? regionTokens[k]! : null);
    const [proactiveTokens, requestTokens, reviewTokens] = [tokensOf(0), tokensOf(1), tokensOf(2)];
    // pdftotext's reading order can print 表三's last columns after the table, ahead of 表四's header: 表三 may take them
    const after = reviewTokens ? { tokens: reviewTokens, used: new Set<Token>() } : null;
    const gluedElsewhere = (requestTokens ?? []).some(startsWithZero) || (after?.tokens ?? []).some(startsWithZero);
    // (表三's glued rows shorter than its cells say the report leaves cells blank, read before a table whose every
    // number stands alone on its line has its numbers taken for single cells: pdf.js's text glues a row's cells)
    const blanksElsewhere = requestTokens !== null && printsBlankCells(requestTokens);
    if (requestTokens) unglueLoneNumbers(requestTokens);
    // (a 表三 row of more digit groups than cells adding up only with neighbours joined: the text splits numbers)
    const splitsNumbers = requestTokens ? splitNumbersLine(requestTokens) : null;
    const unsure = proactiveTokens ? readProactive(proactiveTokens, template, cells, findings, stated, gluedElsewhere, blanksElsewhere, paged, procurementCuts(prose, starts), splitsNumbers) : [];
    if (!proactiveTokens) findings.push({ code: 'TABLE_MISSING', severity: 'error', message: '未找到表二（主动公开政府信息情况）的数据', line: null });
    const header = ranges.requests ? headerColumns(lines, lineAt(starts, ranges.requests[0]) - 1, lineAt(starts, ranges.requests[1] - 1)) : null;
    const ruled = ranges.requests ? rulesAsText(lines, starts, ...ranges.requests) : false;
    const requestsRead = requestTokens ? readRequests(requestTokens, template, cells, findings, stated, after, header, ruled, grid && text.slice(...ranges.requests!).includes('\t')) : null;
    if (!requestsRead) findings.push({ code: 'TABLE_MISSING', severity: 'error', message: '未找到表三（收到和处理政府信息公开申请情况）的数据', line: null });
    requestsHold = requestsRead?.hold ?? false;
    readUnsureGroups(unsure, template, cells, findings, requestsRead?.byColumn ?? false);
    if (proactiveTokens) amountsInYuan(proactiveTokens, template, cells, findings);
    const reviewHeader = ranges.review ? reviewColumns(lines, lineAt(starts, ranges.review[0]) - 1, lineAt(starts, ranges.review[1] - 1)) : [];
    if (ranges.review) {
      const own = after!.used.size ? after!.tokens.filter((t) => !after!.used.has(t)) : after!.tokens;
      // (表四's first column, header and value, printed among 表三's rows by reading order: put back where 表四 then adds up)
      const taken = (line: number): boolean => templateRows(template).some((r) => r.table === 'requests' && r.slots.some((s) => cells.getAt(s)?.line === line));
      const moved = requestTokens ? reviewFirstColumnMoved(requestTokens, own, taken) : null;
      // (表四's last values printed after the next part's heading, before its words: put back where 表四 then adds up)
      const reviewEnd = ranges.review[1];
      const next = moved ? null : headings.find((x) => x.start >= reviewEnd);
      const continued = next ? reviewContinued(own, () => tokenizeRange(lines, starts, next.bodyStart, Math.min(text.length, next.bodyStart + 400), false, paged), next.text) : null;
      const read = moved ?? continued;
      if (read) findings.push(read.note);
      readReview(read ? read.tokens : own, cells, findings, reviewHeader, stated);
    } else findings.push({ code: 'TABLE_MISSING', severity: 'error', message: '未找到表四（行政复议、行政诉讼）的数据', line: null });
    for (const k of headingKeys) {
      if (!headings.some((x) => x.key === k)) findings.push({ code: 'SECTION_MISSING', severity: 'info', message: `未找到「${PART_NAMES[k]}」部分的标题`, line: null });
    }
    if (guess.votes['2019'] === guess.votes['2021']) {
      findings.push({ code: 'TEMPLATE_UNCERTAIN', severity: 'info', message: `表格未显示属于哪一版格式，按年份推定为 ${template} 年格式`, line: null });
    }
  }
  if (hasText && !meta.agency) findings.push({ code: 'AGENCY_UNKNOWN', severity: 'error', message: '未能从标题、「部门：」行或落款识别发布机关；请在 content/agencies.yaml 或 corrections 中指定', line: meta.titleLine });
  if (meta.yearGuess) {
    const g = meta.yearGuess;
    findings.push({
      code: 'YEAR_GUESSED',
      severity: 'info',
      message: `标题未写年度：按正文推定为 ${meta.year} 年（正文提到该年 ${g.mentions} 次，首见第 ${g.line} 行${g.passedOver ? `；另有 ${g.passedOver} 处法规修订、日期、文件标题中或“将”字前的年份未计` : ''}），请核对；如有误，在 corrections 中指定年度`,
      line: g.line,
    });
  }
  if (hasText && meta.year === null) findings.push({ code: 'YEAR_UNKNOWN', severity: 'error', message: '未能识别报告年度；请在 corrections 中指定', line: meta.titleLine });

  // (a row no reader read and no finding speaks of: never a silent gap)
  if (hasText) findings.push(...unexplainedBlankRows(template, templateRows(template), (k) => cells.get(k), findings));
  findings.push(...numberChecks(cells, template));

  // Every template cell present, null when unread; provenance for every read cell.
  const tables: Tables = { proactive: {}, requests: {}, review: {} };
  const provenance: Record<string, CellSource> = {};
  // (the cached template keys are reused as property names, which keeps building these objects cheap)
  const values: Array<number | null> = [];
  for (const { table, row, columns, keys, slots, blank, build } of templateRows(template)) {
    if (build) {
      for (let x = 0; x < keys.length; x++) {
        const cell = cells.getAt(slots[x]!);
        values[x] = cell ? cell.value : null;
        if (cell) provenance[keys[x]!] = cellSource(cell);
      }
      tables[table][row] = build(values);
      continue;
    }
    const out = { ...blank };
    for (let x = 0; x < keys.length; x++) {
      const cell = cells.getAt(slots[x]!);
      if (!cell) continue;
      out[columns[x]!] = cell.value;
      provenance[keys[x]!] = cellSource(cell);
    }
    tables[table][row] = out;
  }

  const lineOf = (k: string): number | null => provenance[k]?.line ?? null;
  // (表三's identities were evaluated while reading it: when they all held, only 表四's are left to check)
  findings.push(...checkIdentities((k) => cells.get(k)?.value, template, lineOf, requestsHold));

  // (and the clauses a PDF's text wraps over lines, which only this count reads: a prose number for a table cell is
  // compared with the table, and a sentence joined across a line break may be a sub-unit's)
  // A clause that starts a line inside a sentence wrapped over lines is the rest of the wrapped clause, not a
  // clause of its own (`…其他应` / `主动公开的政府信息19条` is 其他应主动公开…, a breakdown, no total): only the
  // wrapped one is read. (A wrapped clause that starts its line may be a heading joined to the next line: the
  // clause after it stands.)
  const joined = wrappedClauses(proseText, 0);
  const midLine = joined.filter((c) => proseText.slice(proseText.lastIndexOf('\n', c.start - 1) + 1, c.start).trim() !== '');
  // (both lists in text order, the wrapped clauses apart: the one that may hold a clause is the first not ended before it)
  let w = 0;
  const whole = midLine.length
    ? prose.filter((c) => {
        while (w < midLine.length && midLine[w]!.end <= c.start) w++;
        return !(w < midLine.length && midLine[w]!.start < c.start);
      })
    : prose;
  const proactive = proactiveCount([...whole, ...joined], proseText, 0, starts);
  if (!proactive.fact && hasText) findings.push({ code: 'PROACTIVE_COUNT_MISSING', severity: 'info', message: proactive.reason, line: proactive.line });
  findings.push(...proseChecks(prose, starts, tables, stated));

  const date = checkPublished(meta.published, meta.year);
  if (date.finding) findings.push(date.finding);

  findings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return {
    id: '',
    agency: { name: meta.agency, slug: '' },
    year: meta.year,
    template,
    published: date.published,
    title: meta.title,
    source: { file: options.file ?? '', sha256: options.sha256 ?? '', encoding: options.encoding ?? 'utf-8', lines: lines.length },
    sections,
    tables,
    provenance,
    facts: { proactiveCount: proactive.fact },
    findings,
  };
}

const signedKeys = new Map<ReportRecord['template'], Set<string>>();

/** Cells of a template that may hold a negative number (2019's 本年增/减), once per template. */
function signedOf(template: ReportRecord['template']): Set<string> {
  let set = signedKeys.get(template);
  if (!set) {
    set = new Set();
    for (const g of TEMPLATES[template].proactive.groups) for (const r of g.rows) for (const c of g.columns) if (c.signed) set.add(key('proactive', r.id, c.id));
    signedKeys.set(template, set);
  }
  return set;
}

/** Letters OCR prints for digits (tokens.ts reads them as digits where they stand among numbers). */
const OCR_LETTERS = /[OoIl〇]/;

/**
 * Numbers a cell cannot hold (kept null, the printed digits in provenance), counts printed with a fraction (kept
 * null, likewise), cells read from OCR's letters for digits, and negative numbers where the template defines a count
 * (kept as printed: the source's anomaly, reported).
 */
function numberChecks(cells: CellStore, template: ReportRecord['template']): Finding[] {
  const out: Finding[] = [];
  const signed = signedOf(template);
  const ocr: Array<[string, Cell]> = [];
  /** Rows of centred cells that may have wrapped numbers (one finding a row), by table and row: first cell and raws. */
  const centred = new Map<string, { k: string; cell: Cell; raws: string[] }>();
  cells.forEach((cell, k) => {
    if (cell.problem === 'centred') {
      const [table, row] = keyParts(k);
      const seen = centred.get(`${table}/${row}`);
      if (seen) seen.raws.push(cell.raw ?? '');
      else centred.set(`${table}/${row}`, { k, cell, raws: [cell.raw ?? ''] });
    } else if (cell.problem) {
      out.push({
        code: 'NUMBER_INEXACT',
        severity: 'warning',
        message:
          cell.problem === 'notation'
            ? `单元格「${cellLabel(template, k)}」印为「${cell.raw}」（指数记数法），不是报告的计数，保留为空，原文照录`
            : cell.problem === 'garbled'
              ? `单元格「${cellLabel(template, k)}」印为「${cell.raw}」（数字中间夹着百分号，多为识别错误），不是一个数，保留为空，原文照录`
              : cell.problem === 'wrapped'
                ? `单元格「${cellLabel(template, k)}」印为「${cell.raw}」；本行行名之后另印有几个数字，可能是窄格折行的末几位（接上与不接，本行之和都成立），是多少无从确定，保留为空，原文照录`
              : cell.problem === 'point'
                ? `单元格「${cellLabel(template, k)}」印为「${cell.raw}」（小数点前没有数字：整数部分折行到了别处、提取时丢失或录入有误），读不出是多少，保留为空，原文照录`
              : cell.problem === 'grouping'
                ? `单元格「${cellLabel(template, k)}」印为「${cell.raw}」：逗号不是按千位分组的（几格的数字连印、其间夹着千位逗号），各格无从确定，保留为空，原文照录`
              : `单元格「${cellLabel(template, k)}」印为「${cell.raw}」，超过 15 位有效数字，无法作为数字精确保存，保留为空，原文照录`,
        line: cell.line,
        cell: k,
      });
    } else if (cell.value !== null && !Number.isInteger(cell.value) && !k.endsWith('/amount')) {
      // a count with a fraction is no count: `517.645` is a thousands separator printed as a point, or a misread
      const raw = cell.raw ?? String(cell.value);
      cells.set(k, { ...cell, value: null, raw });
      out.push({
        code: 'COUNT_NOT_WHOLE',
        severity: 'warning',
        message: `单元格「${cellLabel(template, k)}」印为「${raw}」，而该栏是件数（应为整数）：可能是千位分隔符印成了小数点，或识别有误；保留为空，原文照录`,
        line: cell.line,
        cell: k,
      });
      return;
    } else if (cell.value !== null && cell.raw !== undefined && OCR_LETTERS.test(cell.raw)) {
      ocr.push([k, cell]);
    }
    if (cell.value !== null && cell.value < 0 && !signed.has(k)) {
      out.push({ code: 'NEGATIVE_COUNT', severity: 'warning', message: `单元格「${cellLabel(template, k)}」印为负数 ${cell.raw ?? cell.value}，而该栏是件数（或金额），不应为负；数字按原文保留`, line: cell.line, cell: k });
    }
  });
  for (const { k, cell, raws } of centred.values()) {
    const [table, id] = keyParts(k);
    out.push({
      code: 'NUMBER_INEXACT',
      severity: 'warning',
      message: `表三「${rowLabel(template, table, id) ?? id}」行印出的数字（${raws.join(' ')}）前几个在行名所在行、后几个单独印在下一行，上方一行另印有同样多的数字：可能是窄格里折成上下两段的数字（单元格居中，折行的数字分印在本行上下），接上后本行之和不止一种排法都成立，哪几格折了行无从确定，本行保留为空，原文照录`,
      line: cell.line,
      cell: k,
    });
  }
  if (ocr.length) {
    const [k, cell] = ocr[0]!;
    out.push({
      code: 'OCR_DIGIT',
      severity: 'info',
      message: `${ocr.length} 个单元格印的是字母而非数字（如「${cellLabel(template, k)}」印为「${cell.raw}」）：文字识别常把 0 认作 O、把 1 认作 l 或 I；这些字母位于数字之间，已按数字读（${cell.raw} 读作 ${cell.value}），原文照录`,
      line: cell.line,
      cell: k,
    });
  }
  return out;
}

/** Where 表二 itself starts: its first header words after part two's heading, else the heading, else the table range. */
function proactiveProseEnd(text: string, headings: readonly Heading[], range: Range | null): number {
  const heading = headings.find((x) => x.key === 'proactive');
  if (!heading) return range?.[0] ?? text.length;
  const limit = headings.find((x) => x.start > heading.start)?.start ?? text.length;
  const table = searchFrom(text.slice(0, limit), /第二十条|信息内容|本年(?:新)?制[发作]|表二/, heading.bodyStart);
  return table >= 0 ? table : heading.start;
}

const partsOfKeys = new Map<string, [keyof Tables, string, string]>();

/** A template cell key's `table/row/column` parts, split once per key (the keys are the templates'). */
function keyParts(k: string): [keyof Tables, string, string] {
  let parts = partsOfKeys.get(k);
  if (!parts) partsOfKeys.set(k, (parts = k.split('/') as [keyof Tables, string, string]));
  return parts;
}

function proseChecks(prose: readonly Clause[], starts: readonly number[], tables: Tables, stated: readonly ProseCell[]): Finding[] {
  const out: Finding[] = [];
  const received = tables.requests['newReceived']?.['total'] ?? null;
  const carried = tables.requests['carriedOver']?.['total'] ?? null;
  if (received !== null) {
    const said = proseNumbers(prose, /(?:收到|受理|新收)[^\d]{0,16}?申请[^\d]{0,4}?(\d[\d,]*)\s*件|(?:收到|受理|新收)\s*(\d[\d,]*)\s*件[^\d]{0,6}申请/, starts, '申请');
    for (const s of said) {
      const ok = s.value === received || (carried !== null && s.value === received + carried);
      if (!ok) {
        out.push({ code: 'PROSE_MISMATCH', severity: 'warning', message: `正文「${s.evidence}」与表三本年新收申请总计 ${received} 不一致`, line: s.line, cell: 'requests/newReceived/total' });
      }
    }
  }
  // every other number the prose states for a cell (or a sum of cells), against what the table printed
  const valueOf = (k: string): number | null => {
    const [t, r, c] = keyParts(k);
    return tables[t][r]?.[c] ?? null;
  };
  for (const s of stated) {
    const sum = statedSum(s, valueOf);
    if (sum === null || sum === s.value) continue;
    if (s.money && sum >= 0 && yuanToWan(String(sum)) === s.value) continue; // the table's amount in 元
    out.push({ code: 'PROSE_MISMATCH', severity: 'warning', message: `正文「${s.evidence}」与${s.name} ${sum} 不一致`, line: s.line, cell: s.keys[0]! });
  }
  return out;
}
