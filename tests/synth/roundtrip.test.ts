/**
 * Round trip of the synthetic corpus: every generated report, in every layout and both templates, must parse back
 * to exactly the numbers it was generated from, with no source anomaly (the generated numbers keep every identity).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { parseReport } from '../../src/parser/index.ts';
import type { ReportRecord } from '../../src/schema/record.ts';
import { generateCorpus, type CorpusEntry } from '../../src/synth/corpus.ts';
import { generateReport, LAYOUTS, type Expected, type Layout } from '../../src/synth/generate.ts';
import { onelineValues } from '../../src/synth/render.ts';
import { APPLICANTS, resultRows, SPEC } from '../../src/synth/spec.ts';

const SEED = 20260122;
const N = 2000;
const ANOMALY_CODES = new Set(['IDENTITY_COLUMN', 'IDENTITY_ROW', 'IDENTITY_RESULTS', 'IDENTITY_REVIEW', 'PROSE_MISMATCH']);

const corpus: CorpusEntry[] = generateCorpus(N, SEED);
const parsed = new Map<CorpusEntry, ReportRecord>();
const ofLayout = (layout: Layout): CorpusEntry[] => corpus.filter((e) => e.expected.layout === layout);

beforeAll(() => {
  for (const e of corpus) parsed.set(e, parseReport(e.text, { file: e.path }));
});

/** Every expected cell the parse got wrong, as `path table/row/column: want X, got Y`. */
function wrongCells(e: CorpusEntry): string[] {
  const rec = parsed.get(e)!;
  const out: string[] = [];
  for (const t of ['proactive', 'requests', 'review'] as const) {
    for (const [row, cols] of Object.entries(e.expected.tables[t])) {
      for (const [col, want] of Object.entries(cols)) {
        const got = rec.tables[t][row]?.[col];
        if (got !== want) out.push(`${e.path} ${t}/${row}/${col}: want ${want}, got ${got}`);
      }
    }
  }
  return out;
}

function cellCount(e: Expected): number {
  let n = 0;
  for (const t of ['proactive', 'requests', 'review'] as const) for (const cols of Object.values(e.tables[t])) n += Object.keys(cols).length;
  return n;
}

describe('the synthetic corpus', () => {
  test(`has ${N} reports spread over all four layouts and both templates`, () => {
    expect(corpus).toHaveLength(N);
    for (const layout of LAYOUTS) {
      for (const template of ['2019', '2021'] as const) {
        expect(corpus.filter((e) => e.expected.layout === layout && e.expected.template === template).length, `${layout}/${template}`).toBeGreaterThanOrEqual(15);
      }
    }
  });

  test('gives each report every cell of its template', () => {
    for (const e of corpus) {
      const spec = SPEC[e.expected.template];
      const proactive = spec.proactive.groups.reduce((s, g) => s + g.rows.length * g.columns.length, 0);
      expect(cellCount(e.expected)).toBe(proactive + spec.requests.rows.length * 7 + 15);
    }
  });

  test('is the same text for the same seed and different text for another seed', () => {
    const again = generateCorpus(60, SEED);
    expect(again.map((e) => e.text)).toEqual(corpus.slice(0, 60).map((e) => e.text));
    expect(again.map((e) => e.path)).toEqual(corpus.slice(0, 60).map((e) => e.path));
    const other = generateCorpus(60, SEED + 1);
    expect(other.filter((e, i) => e.text === corpus[i]!.text)).toEqual([]);
    const opts = { agency: '聊城市城关区卫生健康局', year: 2022, template: '2021', layout: 'oneline' } as const;
    expect(generateReport(7, opts)).toEqual(generateReport(7, opts));
  });

  test('names each agency uniquely and gives it a contiguous run of years', () => {
    const years = new Map<string, number[]>();
    const index = new Map<string, string>();
    for (const e of corpus) {
      const a = e.path.split('/')[1]!.split('-')[0]!;
      expect(index.get(a) ?? e.expected.agency).toBe(e.expected.agency);
      index.set(a, e.expected.agency);
      years.set(e.expected.agency, [...(years.get(e.expected.agency) ?? []), e.expected.year]);
      expect(e.path).toBe(`synthetic/${a}-${e.expected.year}.txt`);
      expect(e.expected.template).toBe(e.expected.year <= 2020 ? '2019' : '2021');
    }
    expect(new Set(index.values()).size).toBe(index.size);
    for (const ys of years.values()) {
      ys.forEach((y, i) => expect(y).toBe(ys[0]! + i));
      expect(ys[0]).toBeGreaterThanOrEqual(2019);
      expect(ys[ys.length - 1]).toBeLessThanOrEqual(2025);
    }
  });

  test('keeps every 表三 and 表四 identity in the generated numbers', () => {
    for (const e of corpus) {
      const r = e.expected.tables.requests;
      for (const [id, row] of Object.entries(r)) expect(APPLICANTS.reduce((s, c) => s + row[c]!, 0), `${e.path} ${id}`).toBe(row['total']);
      for (const c of [...APPLICANTS, 'total']) {
        expect(r['newReceived']![c]! + r['carriedOver']![c]!, `${e.path} ${c}`).toBe(r['total']![c]! + r['carriedForward']![c]!);
        expect(resultRows(e.expected.template).reduce((s, id) => s + r[id]![c]!, 0), `${e.path} ${c}`).toBe(r['total']![c]);
      }
      for (const [id, row] of Object.entries(e.expected.tables.review)) {
        expect(row['upheld']! + row['corrected']! + row['other']! + row['pending']!, `${e.path} ${id}`).toBe(row['total']);
      }
    }
  });

  test('carries carriedForward into next year’s carriedOver and 2021 inForce into next year’s stock', () => {
    let checked = 0;
    for (let i = 1; i < corpus.length; i++) {
      const [prev, cur] = [corpus[i - 1]!.expected, corpus[i]!.expected];
      if (prev.agency !== cur.agency) continue;
      expect(cur.year).toBe(prev.year + 1);
      expect(cur.tables.requests['carriedOver']).toEqual(prev.tables.requests['carriedForward']);
      if (prev.template === '2021') {
        for (const id of ['rules', 'normativeDocs']) {
          const p = cur.tables.proactive[id]!;
          expect(p['inForce'], `${corpus[i]!.path} ${id}`).toBe(prev.tables.proactive[id]!['inForce']! + p['issued']! - p['repealed']!);
        }
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(N / 2);
  });

  test('glues many 表三 and 表四 rows of one-line reports into digit runs, non-zero rows included', () => {
    let gluedNonZero = 0;
    let reviewGlued = 0;
    for (const e of ofLayout('oneline')) {
      for (const row of Object.values(e.expected.tables.requests)) {
        const values = Object.values(row);
        if (!onelineValues(values, 'request').includes(' ') && values.some((v) => v > 0)) gluedNonZero++;
      }
      const review = Object.values(e.expected.tables.review).flatMap((row) => Object.values(row));
      if (!onelineValues(review, 'review').includes(' ')) reviewGlued++;
    }
    expect(gluedNonZero).toBeGreaterThan(100);
    expect(reviewGlued).toBeGreaterThan(ofLayout('oneline').length / 2);
  });

  test('opens with the title line and the 统计期限 sentence and closes with the signature', () => {
    for (const e of corpus) {
      const { agency, year, published } = e.expected;
      const [y, m, d] = published.split('-').map(Number);
      expect(e.text).toContain(`${agency}${year}年政府信息公开工作年度报告`);
      expect(e.text).toMatch(new RegExp(`统计(期限|数据的期限)[^。]*${year}年1月1日`));
      expect(e.text.trimEnd()).toMatch(new RegExp(`${agency}\\s+${y}年${m}月${d}日(\\s|附件下载|【|】|打印本页|关闭窗口)*$`));
    }
  });

  test('states in the prose the number of new requests that 表三 holds', () => {
    for (const e of corpus) expect(e.text).toContain(`共收到政府信息公开申请${e.expected.tables.requests['newReceived']!['total']}件`);
  });

  test('writes reports of realistic size (about 6–8 KB)', () => {
    const sizes = corpus.map((e) => Buffer.byteLength(e.text, 'utf8'));
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    expect(mean).toBeGreaterThan(6000);
    expect(mean).toBeLessThan(8500);
    expect(Math.min(...sizes)).toBeGreaterThan(4000);
  });
});

describe('parsing the synthetic corpus', () => {
  for (const layout of LAYOUTS) {
    test(`reads back every table cell of every ${layout} report`, () => {
      const entries = ofLayout(layout);
      expect(entries.length).toBeGreaterThanOrEqual(N / 4 - 1);
      expect(entries.flatMap(wrongCells)).toEqual([]);
    });

    test(`reads back agency, year, template and 主动公开 count of every ${layout} report`, () => {
      const wrong = ofLayout(layout).flatMap((e) => {
        const rec = parsed.get(e)!;
        const got = { agency: rec.agency.name, year: rec.year, template: rec.template, proactiveCount: rec.facts.proactiveCount?.value };
        const want = { agency: e.expected.agency, year: e.expected.year, template: e.expected.template, proactiveCount: e.expected.proactiveCount };
        return JSON.stringify(got) === JSON.stringify(want) ? [] : [{ path: e.path, got, want }];
      });
      expect(wrong).toEqual([]);
    });

    test(`finds no identity or prose anomaly in any ${layout} report`, () => {
      const anomalies = ofLayout(layout).flatMap((e) =>
        parsed
          .get(e)!
          .findings.filter((f) => ANOMALY_CODES.has(f.code))
          .map((f) => `${e.path}: ${f.code} ${f.message}`),
      );
      expect(anomalies).toEqual([]);
    });
  }

  test('takes the 主动公开 count from the sentence 全年主动公开政府信息N条', () => {
    for (const e of corpus) expect(parsed.get(e)!.facts.proactiveCount?.evidence).toContain(`全年主动公开政府信息${e.expected.proactiveCount}条`);
  });
});
