/**
 * The compare view (/compare/): its state in the URL (`?m=<measure>&a=<agency>&a=<agency>`), the data file it reads
 * (/compare/data.json, made at build time by src/lib/compare-data.ts) and everything it shows computed from the two:
 * the table (years × agencies, rates with their denominators, small denominators marked), the chart spec (a real
 * year axis) and the CSV of exactly that selection. Pure and small: the browser runs it (no schema, no templates).
 */
import type { ChartSpec, Source } from './chart-spec.ts';
import { csvLine } from './csv-line.ts';
import { formatNumber, formatShare } from './format.ts';

/** A rate whose denominator is below this is marked 分母较小 (the same number as src/lib/measures.ts). */
export const SMALL = 10;
/** At most this many agencies at once (a chart of more lines is unreadable). */
export const MAX_AGENCIES = 8;

export interface CompareMeasure {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly kind: 'count' | 'rate';
  readonly source: Source;
}

/** One value of a measure: [value, numerator, denominator] (the last two null for a count). */
export type Cell = readonly [number | null, number | null, number | null];

export interface CompareAgency {
  readonly slug: string;
  readonly name: string;
  readonly region: string | null;
  readonly level: string | null;
  /** The years with a report, oldest first. */
  readonly years: readonly number[];
  /** Per measure id, one cell per year of `years`. */
  readonly values: Readonly<Record<string, readonly Cell[]>>;
}

export interface CompareData {
  readonly measures: readonly CompareMeasure[];
  readonly agencies: readonly CompareAgency[];
}

export interface CompareState {
  readonly measure: string;
  readonly agencies: readonly string[];
}

/** The state a query string names: known measure (else the first), known agencies in order, each once, at most MAX_AGENCIES. */
export function parseQuery(search: string, data: Pick<CompareData, 'measures' | 'agencies'>): CompareState {
  const params = new URLSearchParams(search);
  const m = params.get('m');
  const measure = data.measures.some((x) => x.id === m) ? (m as string) : (data.measures[0]?.id ?? '');
  const known = new Set(data.agencies.map((a) => a.slug));
  const agencies = [...new Set(params.getAll('a').flatMap((a) => a.split(',')).filter((a) => known.has(a)))].slice(0, MAX_AGENCIES);
  return { measure, agencies };
}

/** `?m=newReceived&a=x&a=y`: the query string of a state (the form submits the same shape without JavaScript). */
export function toQuery(state: CompareState): string {
  const params = new URLSearchParams();
  params.set('m', state.measure);
  for (const a of state.agencies) params.append('a', a);
  return `?${params.toString()}`;
}

/** Agencies whose name, region or level contain every word of `query` (spaces separate words), in the data's order. */
export function filterAgencies<A extends Pick<CompareAgency, 'name' | 'region' | 'level'>>(agencies: readonly A[], query: string): A[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...agencies];
  return agencies.filter((a) => {
    const text = `${a.name} ${a.region ?? ''} ${a.level ?? ''}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

export interface TableCell {
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  /** True for a rate whose denominator is below SMALL. */
  readonly small: boolean;
  /** False when the agency has no report that year. */
  readonly reported: boolean;
  /** As shown: `1,234`, `85.7%（6/7）`, `—`, `无报告`. */
  readonly text: string;
}

export interface SelectionTable {
  readonly measure: CompareMeasure;
  readonly agencies: readonly CompareAgency[];
  /** Every year any selected agency has a report for, oldest first. */
  readonly years: readonly number[];
  /** One row per year, one cell per agency. */
  readonly rows: ReadonlyArray<readonly TableCell[]>;
  /** True when some rate's denominator is small. */
  readonly anySmall: boolean;
}

/** The cell's text: a count, or a rate with its numerator and denominator. */
export function cellText(measure: Pick<CompareMeasure, 'kind'>, cell: Cell | undefined, reported: boolean): string {
  if (!reported) return '无报告';
  const [value, numerator, denominator] = cell ?? [null, null, null];
  if (measure.kind === 'count') return formatNumber(value);
  if (value === null) return denominator === 0 ? '—（分母为 0）' : '—';
  return `${formatShare(value)}（${formatNumber(numerator)}/${formatNumber(denominator)}）`;
}

/** The table of a selection; null when the measure is unknown. */
export function selectionTable(data: CompareData, state: CompareState): SelectionTable | null {
  const measure = data.measures.find((m) => m.id === state.measure);
  if (!measure) return null;
  const bySlug = new Map(data.agencies.map((a) => [a.slug, a]));
  const agencies = state.agencies.map((s) => bySlug.get(s)).filter((a): a is CompareAgency => a !== undefined);
  const years = [...new Set(agencies.flatMap((a) => a.years))].sort((a, b) => a - b);
  let anySmall = false;
  const rows = years.map((year) =>
    agencies.map((a): TableCell => {
      const i = a.years.indexOf(year);
      const cell = i >= 0 ? a.values[measure.id]?.[i] : undefined;
      const [value, numerator, denominator] = cell ?? [null, null, null];
      const small = measure.kind === 'rate' && i >= 0 && denominator !== null && denominator < SMALL;
      anySmall ||= small;
      return { value, numerator, denominator, small, reported: i >= 0, text: cellText(measure, cell, i >= 0) };
    }),
  );
  return { measure, agencies, years, rows, anySmall };
}

/** The line chart of a selection: one series per agency on a real year axis. */
export function selectionSpec(t: SelectionTable): ChartSpec {
  return {
    kind: 'line',
    axis: 'year',
    labels: t.years.map(String),
    unit: t.measure.unit,
    series: t.agencies.map((a, j) => ({ key: a.slug, label: a.name, source: t.measure.source, values: t.rows.map((row) => row[j]?.value ?? null) })),
  };
}

/**
 * The CSV of exactly the selection, with a BOM: one row per year and agency with the agency's code and name, the
 * measure, its value, and for a rate the numerator, the denominator and whether the denominator is small.
 */
export function selectionCsv(t: SelectionTable): string {
  const rate = t.measure.kind === 'rate';
  const header = ['year', 'agency', 'agency_name', 'measure', 'measure_label', 'unit', 'source', 'value', ...(rate ? ['numerator', 'denominator', 'small_denominator'] : [])];
  const lines = [csvLine(header)];
  t.years.forEach((year, i) => {
    t.agencies.forEach((a, j) => {
      const c = t.rows[i]?.[j];
      if (!c?.reported) return;
      const value = c.value === null ? null : rate ? Math.round(c.value * 1e6) / 1e4 : c.value;
      lines.push(
        csvLine([year, a.slug, a.name, t.measure.id, t.measure.label, rate ? '%' : t.measure.unit, t.measure.source, value, ...(rate ? [c.numerator, c.denominator, c.small ? '是' : '否'] : [])]),
      );
    });
  });
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
