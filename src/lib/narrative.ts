/**
 * The narrative of a report as shown (and indexed for search) on its page: the statutory parts' prose, without
 * the numeric table grids (those are rendered as tables and kept out of the search index). Report text is
 * untrusted: this returns plain strings, which templates escape.
 */
import type { ReportRecord, Section } from '../schema/record.ts';
import { PART_NAMES } from '../parser/sections.ts';

/** Heading shown for a part whose printed heading is empty (the preamble has none). */
export { PART_NAMES };

export interface NarrativeBlock {
  readonly key: Section['key'];
  readonly heading: string;
  /** Source line of the heading, or null for the whole-text fallback. */
  readonly line: number | null;
  readonly paragraphs: readonly string[];
}

/** Parts whose text holds one of the statutory tables. */
const TABLE_PARTS: ReadonlySet<Section['key']> = new Set(['proactive', 'requests', 'review']);

/** True when a line has at least one letter (Han or Latin): pure digit/punctuation runs are table cells. */
export function hasWords(line: string): boolean {
  return /[\p{Script=Han}A-Za-z]/u.test(line);
}

/** True for a line of prose (a sentence), as opposed to a table label: it ends a clause or is long. */
export function isProse(line: string): boolean {
  const han = line.match(/\p{Script=Han}/gu)?.length ?? 0;
  return /[。；！？]/.test(line) || han >= 30;
}

function paragraphs(text: string, heading: string, tablePart: boolean): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && l !== heading.trim() && hasWords(l) && (!tablePart || isProse(l)));
}

/**
 * Narrative blocks of a record: one per section, table parts reduced to their prose. When the parser found no
 * sections, one fallback block holds every worded line of the source, so the report stays readable and findable.
 */
export function narrative(record: Pick<ReportRecord, 'sections'>, sourceLines: readonly string[]): NarrativeBlock[] {
  if (record.sections.length === 0) {
    const lines = sourceLines.map((l) => l.trim()).filter((l) => l !== '' && hasWords(l));
    return lines.length === 0 ? [] : [{ key: 'preamble', heading: '报告正文（未能分节）', line: null, paragraphs: lines }];
  }
  return record.sections.map((s) => ({
    key: s.key,
    heading: s.heading.trim() || PART_NAMES[s.key],
    line: s.line,
    paragraphs: paragraphs(s.text, s.heading, TABLE_PARTS.has(s.key)),
  }));
}

/** Splits decoded source text into lines exactly as the parser numbers them (1-based index = line number). */
export function sourceLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
}

/** Characters of source text a report page lists in full; beyond, only the lines the page links to. */
export const LISTING_MAX_CHARS = 500_000;
/** Characters of narrative a report page shows (and indexes for search). */
export const NARRATIVE_MAX_CHARS = 500_000;

/** Characters of one line a runaway file's listing shows (a one-line 10 MB file would otherwise be listed whole). */
export const LISTING_LINE_MAX_CHARS = 20_000;

export interface ListingSegment {
  /** 1-based line number of the segment's first line. */
  readonly start: number;
  readonly lines: readonly string[];
  /** Per line: characters left out at its end (0 when listed whole). */
  readonly cut: readonly number[];
}

/**
 * The source lines a page lists: every line while the text stays within `maxChars`, then only the lines in `keep`
 * (the lines tables, findings and headings link to), in runs of consecutive lines. A real report (a few hundred
 * KB at most) is one segment holding every line; a runaway file (10 MB) keeps its page small and its links whole.
 */
export function listingSegments(
  lines: readonly string[],
  keep: ReadonlySet<number>,
  maxChars = LISTING_MAX_CHARS,
  lineMax = LISTING_LINE_MAX_CHARS,
): { segments: ListingSegment[]; omitted: number } {
  const segments: Array<{ start: number; lines: string[]; cut: number[] }> = [];
  let used = 0;
  let omitted = 0;
  let current: { start: number; lines: string[]; cut: number[] } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    used += line.length + 1;
    const within = used <= maxChars;
    if (within || keep.has(i + 1)) {
      if (current === null || current.start + current.lines.length !== i + 1) {
        current = { start: i + 1, lines: [], cut: [] };
        segments.push(current);
      }
      // A linked line past the budget is listed up to lineMax characters (the rest is in the downloadable source).
      const cut = !within && line.length > lineMax ? line.length - lineMax : 0;
      current.lines.push(cut > 0 ? line.slice(0, lineMax) : line);
      current.cut.push(cut);
    } else omitted++;
  }
  return { segments, omitted };
}

/** Narrative blocks cut to `maxChars` of paragraph text in total, and how many paragraphs were left out. */
export function capNarrative(blocks: readonly NarrativeBlock[], maxChars = NARRATIVE_MAX_CHARS): { blocks: NarrativeBlock[]; omitted: number } {
  let used = 0;
  let omitted = 0;
  const out = blocks.map((b) => {
    const kept: string[] = [];
    for (const p of b.paragraphs) {
      used += p.length;
      if (used <= maxChars) kept.push(p);
      else omitted++;
    }
    return kept.length === b.paragraphs.length ? b : { ...b, paragraphs: kept };
  });
  return { blocks: out, omitted };
}
