import { describe, expect, test } from 'vitest';
import { parseReport } from '../../src/parser/index.ts';
import { labelledCells, loadFixtures, type Fixture } from './fixtures.ts';

type Tables = Record<string, Record<string, Record<string, number | null>>>;

/**
 * Cells of the corpus we knowingly do not read: glued digit runs in one-line crawls that no identity can split.
 * Each is a review item; the parser reports GLUED_AMBIGUOUS for it and keeps it null.
 */
const KNOWN_MISSES: Record<string, string[]> = {
  'pingtan-2019-oneline.txt': [
    'proactive/licensing/prevCount', // "3960181"
    'proactive/otherServices/prevCount', // "100153"
    'proactive/penalty/prevCount', // "26480430"
    'proactive/enforcement/prevCount', // "126025"
  ],
  'pingtan-2021-oneline.txt': [
    'proactive/normativeDocs/issued', // "693665": the label uses next year's report to choose 69/3/665 (in force ≥ issued − repealed still leaves 7 splits)
    'proactive/normativeDocs/repealed',
    'proactive/normativeDocs/inForce',
  ],
  'pingtan-spp-2020-oneline.txt': [
    'proactive/procurement/projects', // 项目数 glued to the amount with its unit
  ],
  'pingtan-zrz-2019-oneline.txt': [
    'proactive/penalty/prevCount', // "88022" (4 splits) and "7020" (2): no identity in these rows
    'proactive/penalty/change',
    'proactive/penalty/decisions',
    'proactive/enforcement/prevCount',
    'proactive/enforcement/change',
    'proactive/enforcement/decisions',
    'proactive/procurement/projects',
    'proactive/procurement/amount',
  ],
};

function wrongCells(fx: Fixture): string[] {
  const rec = parseReport(fx.text, { file: fx.name, format: fx.format });
  const tables = rec.tables as Tables;
  return labelledCells(fx.expected)
    .filter(([t, r, c, v]) => tables[t]?.[r]?.[c] !== v)
    .map(([t, r, c]) => `${t}/${r}/${c}`);
}

const ANOMALY_CODES = new Set(['IDENTITY_COLUMN', 'IDENTITY_ROW', 'IDENTITY_RESULTS', 'IDENTITY_REVIEW', 'PROSE_MISMATCH']);

describe('seed reports', () => {
  for (const fx of loadFixtures('seeds')) {
    test(`reads every labelled cell of seed ${fx.name}`, () => {
      expect(wrongCells(fx)).toEqual([]);
    });
    test(`identifies agency, year, template and 主动公开 count of seed ${fx.name}`, () => {
      const rec = parseReport(fx.text, { file: fx.name, format: fx.format });
      expect([fx.expected.agency, ...fx.expected.agencyAliases]).toContain(rec.agency.name);
      expect(rec.year).toBe(fx.expected.year);
      expect(rec.template).toBe(fx.expected.template);
      expect(rec.facts.proactiveCount?.value ?? null).toBe(fx.expected.facts?.proactiveCount?.value ?? null);
      expect(rec.facts.proactiveCount?.evidence.replace(/\s+/g, '')).toContain((fx.expected.facts?.proactiveCount?.evidence ?? '').replace(/\s+/g, ''));
    });
    test(`reports no false source anomaly for seed ${fx.name}`, () => {
      const rec = parseReport(fx.text, { file: fx.name, format: fx.format });
      expect(rec.findings.filter((f) => ANOMALY_CODES.has(f.code))).toEqual([]);
    });
  }
});

describe('corpus renderings', () => {
  const corpus = loadFixtures('corpus');
  for (const fx of corpus) {
    test(`reads ${fx.name} with no miss beyond the documented ones`, () => {
      expect(wrongCells(fx).filter((k) => !(KNOWN_MISSES[fx.name] ?? []).includes(k))).toEqual([]);
    });
    test(`identifies agency, year and template of ${fx.name}`, () => {
      const rec = parseReport(fx.text, { file: fx.name, format: fx.format });
      expect([fx.expected.agency, ...fx.expected.agencyAliases]).toContain(rec.agency.name);
      expect(rec.year).toBe(fx.expected.year);
      expect(rec.template).toBe(fx.expected.template);
    });
    test(`reads the 主动公开 total of ${fx.name} as labelled (value, approximation, evidence)`, () => {
      const rec = parseReport(fx.text, { file: fx.name, format: fx.format });
      const label = fx.expected.facts?.proactiveCount;
      expect(label, 'every corpus label states proactiveCount').toBeDefined();
      expect(rec.facts.proactiveCount?.value ?? null).toBe(label?.value ?? null);
      expect(rec.facts.proactiveCount?.approximate ?? false).toBe(label?.approximate ?? false);
      if (label?.value !== null && label?.value !== undefined) {
        expect(rec.facts.proactiveCount?.evidence.replace(/\s+/g, '')).toContain((label.evidence ?? '').replace(/\s+/g, ''));
      } else {
        expect(rec.findings.some((f) => f.code === 'PROACTIVE_COUNT_MISSING')).toBe(true);
      }
    });
    test(`reports exactly the labelled source anomalies of ${fx.name}`, () => {
      const rec = parseReport(fx.text, { file: fx.name, format: fx.format });
      const anomalies = rec.findings.filter((f) => ANOMALY_CODES.has(f.code));
      expect(anomalies.length).toBe(fx.expected.sourceAnomalies?.length ?? 0);
    });
  }
  test('reads at least 99% of all labelled corpus cells', () => {
    let total = 0;
    let wrong = 0;
    for (const fx of corpus) {
      total += labelledCells(fx.expected).length;
      wrong += wrongCells(fx).length;
    }
    expect(1 - wrong / total).toBeGreaterThanOrEqual(0.99);
  });
  test('names the 现行有效 mismatch of pingtan 2023 as a prose anomaly on the right cell', () => {
    const fx = corpus.find((f) => f.name === 'pingtan-2023-page.html')!;
    const rec = parseReport(fx.text, { file: fx.name, format: fx.format });
    const f = rec.findings.find((x) => x.code === 'PROSE_MISMATCH');
    expect(f?.cell).toBe('proactive/normativeDocs/inForce');
    expect(f?.message).toContain('393');
    expect(rec.tables.proactive['normativeDocs']?.['inForce']).toBe(470);
  });
  test('keeps an ambiguous glued run null and says so', () => {
    const fx = corpus.find((f) => f.name === 'pingtan-2025-oneline.txt')!;
    const rec = parseReport(fx.text, { file: fx.name, format: fx.format });
    expect(rec.tables.proactive['normativeDocs']).toEqual({ issued: null, repealed: null, inForce: null });
    expect(rec.findings.some((f) => f.code === 'GLUED_AMBIGUOUS' && f.message.includes('5845546'))).toBe(true);
  });
  test('notes a 2021-template report that prints （六）其他处理 as one row', () => {
    const fx = corpus.find((f) => f.name === 'hongze-2024-pdftotext-layout.txt')!;
    const rec = parseReport(fx.text, { file: fx.name, format: fx.format });
    expect(rec.findings.some((f) => f.code === 'OTHER_HANDLING_SINGLE_ROW')).toBe(true);
    expect(rec.tables.requests['otherHandling.noCorrection']?.['total']).toBeNull();
    expect(rec.tables.requests['otherHandling.other']?.['total']).toBe(0);
  });
});
