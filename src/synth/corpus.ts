/**
 * generateCorpus: n synthetic reports spread over about n/5 agencies, each with a contiguous run of years in
 * 2019–2025, layouts rotating over all four. Cross-year identities hold within an agency (carriedOver = last year's
 * carriedForward; 2021 inForce carries on). Pure and deterministic from the seed.
 */
import { generateReport, type Expected } from './generate.ts';
import { agencyNames } from './names.ts';
import { mixSeed, Rng } from './rng.ts';
import { LAYOUTS, templateForYear } from './spec.ts';

export interface CorpusEntry {
  /** synthetic/<agency-index>-<year>.txt */
  path: string;
  text: string;
  expected: Expected;
}

export const FIRST_YEAR = 2019;
export const LAST_YEAR = 2025;
export const YEARS_PER_AGENCY = 5;

export function generateCorpus(n: number, seed: number): CorpusEntry[] {
  if (!Number.isInteger(n) || n < 0) throw new Error(`n must be a non-negative integer, got ${n}`);
  const agencies = Math.ceil(n / YEARS_PER_AGENCY);
  const names = agencyNames(agencies, mixSeed(seed, 0x5a17));
  const rng = new Rng(mixSeed(seed, 0xc0de));
  const digits = Math.max(4, String(agencies).length);
  const out: CorpusEntry[] = [];
  for (let a = 0; a < agencies && out.length < n; a++) {
    const years = Math.min(YEARS_PER_AGENCY, n - out.length);
    const first = rng.int(FIRST_YEAR, LAST_YEAR - years + 1);
    let previous: Expected | undefined;
    for (let year = first; year < first + years; year++) {
      const layout = LAYOUTS[out.length % LAYOUTS.length]!;
      const opts = { agency: names[a]!, year, template: templateForYear(year), layout };
      const report = generateReport(mixSeed(seed, a, year), previous ? { ...opts, previous } : opts);
      out.push({ path: `synthetic/${String(a).padStart(digits, '0')}-${year}.txt`, text: report.text, expected: report.expected });
      previous = report.expected;
    }
  }
  return out;
}
