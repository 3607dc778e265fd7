/**
 * generateReport: one synthetic 政府信息公开工作年度报告, deterministic from a seed, with the cells it must parse to.
 * Pure: no fs, no clock, no Math.random.
 */
import { parseAgencyName } from './names.ts';
import { narrative } from './prose.ts';
import { drawStyle, renderReport } from './render.ts';
import { mixSeed, Rng } from './rng.ts';
import type { Layout, SynthTables, TemplateId } from './spec.ts';
import { drawTables, profileOf } from './tables.ts';

export type { Layout, SynthTables, TemplateId } from './spec.ts';
export { LAYOUTS, templateForYear } from './spec.ts';

/** What a parser must read from a generated report. */
export interface Expected {
  agency: string;
  year: number;
  template: TemplateId;
  /** rowId → colId → number, canonical ids of statutory-template.json, every cell of the template. */
  tables: SynthTables;
  /** The 主动公开 count the prose states (全年主动公开政府信息N条). */
  proactiveCount: number;
  /** How the text is laid out. */
  layout: Layout;
  /** Publication date YYYY-MM-DD, as the signature (and a one-line crawl's header) states it. */
  published: string;
}

export interface GenerateOptions {
  agency: string;
  year: number;
  template: TemplateId;
  layout: Layout;
  /**
   * The same agency's report on the previous year, when there is one: its carriedForward becomes this year's
   * carriedOver, its 2021-template inForce carries on, its 2019-template item counts carry on.
   */
  previous?: Expected;
}

export interface GeneratedReport {
  text: string;
  expected: Expected;
}

/** FNV-1a hash of a string (a stable per-agency seed). */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function publicationDate(rng: Rng, year: number): string {
  const feb = rng.chance(0.15);
  const month = feb ? 2 : 1;
  const day = feb ? rng.int(1, 14) : rng.int(6, 31);
  return `${year + 1}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function generateReport(seed: number, opts: GenerateOptions): GeneratedReport {
  const { agency, year, template, layout, previous } = opts;
  const name = parseAgencyName(agency);
  const profile = profileOf(hashString(agency), name.body === '人民政府');
  // Separate streams, so a change in the prose banks does not change the numbers.
  const numbers = new Rng(mixSeed(seed, 1));
  const words = new Rng(mixSeed(seed, 2));
  const tables = drawTables(numbers, profile, template, previous?.tables, previous?.template);
  const proactiveCount = Math.max(1, Math.round(profile.proactive * (0.6 + numbers.next() * 0.8)));
  const published = publicationDate(numbers, year);
  const story = narrative(words, { agency, year, template, tables, proactiveCount, published });
  const style = drawStyle(words, layout);
  const text = renderReport({ narrative: story, template, tables, layout, style, rng: words, published });
  return { text, expected: { agency, year, template, tables, proactiveCount, layout, published } };
}
