/**
 * The open data files written by scripts/open-data.ts: gzip files that decompress to the documents the former
 * endpoints built in memory (cells.csv.gz = cellsCsv(records by id), <slug>/<year>.json.gz|csv.gz per record,
 * by year and by agency), a summary per report, and a run after one changed record that rewrites only that
 * record's files and the bulk files it belongs to.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { writeJsonArray, writeOpenData } from '../../scripts/open-data.ts';
import { codebookCsv } from '../../src/lib/csv.ts';
import { summarize } from '../../src/lib/summary.ts';
import { cellsCsv, makeRecord } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-open-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const records = [
  makeRecord({ id: 'b-agency/2021', agency: { name: '乙', slug: 'b-agency' }, tables: { proactive: {}, requests: { newReceived: { total: 3 } }, review: {} } }),
  makeRecord({ id: 'a-agency/2020', agency: { name: '甲', slug: 'a-agency' }, year: 2020, template: '2019' }),
  makeRecord({ id: 'a-agency/2021', agency: { name: '甲', slug: 'a-agency' }, year: 2021 }),
  makeRecord({ id: 'unidentified-0123abcd/0', agency: { name: null, slug: 'unidentified-0123abcd' }, year: null }),
];
const byId = [...records].sort((a, b) => a.id.localeCompare(b.id));
const gunzip = (path: string): string => gunzipSync(readFileSync(path)).toString('utf8');
/** Every file under `root`, path → modification time in ms. */
const mtimes = (root: string): Map<string, number> =>
  new Map(
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [join(e.parentPath, e.name).slice(root.length + 1), statSync(join(e.parentPath, e.name)).mtimeMs]),
  );

describe('writeOpenData', () => {
  test('writes gzip files that decompress to cells.csv, each record’s JSON and CSV, and the per-year and per-agency CSVs', () => {
    writeOpenData(records, join(dir, 'out'));
    const data = join(dir, 'out/data');
    expect(gunzip(join(data, 'cells.csv.gz'))).toBe(cellsCsv(byId));
    for (const r of records) {
      const base = join(data, r.agency.slug, String(r.year ?? 0));
      expect(JSON.parse(gunzip(`${base}.json.gz`))).toEqual(r);
      expect(gunzip(`${base}.csv.gz`)).toBe(cellsCsv([r]));
    }
    // Per year and per agency (identified reports only, oldest year first), and the codebook; every CSV starts with a BOM.
    expect(gunzip(join(data, 'by-year/2020.csv.gz'))).toBe(cellsCsv(byId.filter((r) => r.year === 2020 && !r.agency.slug.startsWith('unidentified-'))));
    expect(gunzip(join(data, 'by-year/2021.csv.gz'))).toBe(cellsCsv(byId.filter((r) => r.year === 2021 && !r.agency.slug.startsWith('unidentified-'))));
    expect(gunzip(join(data, 'by-agency/b-agency.csv.gz'))).toBe(cellsCsv(byId.filter((r) => r.agency.slug === 'b-agency')));
    expect(gunzip(join(data, 'by-agency/a-agency.csv.gz'))).toBe(cellsCsv([records[1]!, records[2]!]));
    expect(() => statSync(join(data, 'by-agency/unidentified-0123abcd.csv.gz'))).toThrow();
    expect(readFileSync(join(data, 'codebook.csv'), 'utf8')).toBe(codebookCsv());
    for (const f of ['cells.csv.gz', 'by-year/2020.csv.gz']) expect(gunzip(join(data, f)).startsWith('\uFEFF'), f).toBe(true);
    expect(readFileSync(join(data, 'codebook.csv'), 'utf8').startsWith('\uFEFF')).toBe(true);
  });

  test('publishes one summary per report, by id, instead of every full record again', () => {
    const summaries = JSON.parse(gunzip(join(dir, 'out/data/summaries.json.gz'))) as unknown[];
    expect(summaries).toEqual(JSON.parse(JSON.stringify(byId.map(summarize))));
    expect(() => statSync(join(dir, 'out/data/reports.json'))).toThrow();
  });

  test('a run after one changed record rewrites only its files and the bulk files holding it', async () => {
    const root = join(dir, 'incremental');
    writeOpenData(records, root);
    const first = mtimes(root);
    await new Promise((r) => setTimeout(r, 20));
    const changed = makeRecord({ id: 'b-agency/2021', agency: { name: '乙', slug: 'b-agency' }, tables: { proactive: {}, requests: { newReceived: { total: 4 } }, review: {} } });
    const next = records.map((r) => (r.id === changed.id ? changed : r));
    const result = writeOpenData(next, root, { unchanged: (r) => r.id !== changed.id, previousIds: records.map((r) => r.id) });
    const second = mtimes(root);
    const rewritten = [...second].filter(([f, t]) => first.get(f) !== t).map(([f]) => f).sort();
    expect(rewritten).toEqual(['data/b-agency/2021.csv.gz', 'data/b-agency/2021.json.gz', 'data/by-agency/b-agency.csv.gz', 'data/by-year/2021.csv.gz', 'data/cells.csv.gz', 'data/codebook.csv', 'data/summaries.json.gz']);
    expect(result.kept).toBe(6);
    expect(gunzip(join(root, 'data/cells.csv.gz'))).toBe(cellsCsv([...next].sort((a, b) => a.id.localeCompare(b.id))));
    expect(gunzip(join(root, 'data/by-year/2021.csv.gz'))).toBe(cellsCsv([next[0]!, next[2]!].sort((a, b) => a.id.localeCompare(b.id))));
  });

  test('files of an older layout (reports.json, cells.csv, <year>.json) are removed', () => {
    const root = join(dir, 'older');
    writeOpenData(records, root);
    for (const f of ['data/reports.json', 'data/cells.csv', 'data/a-agency/2020.json', 'data/by-year/2020.csv']) writeFileSync(join(root, f), 'old');
    writeOpenData(records, root, { unchanged: () => true, previousIds: records.map((r) => r.id) });
    for (const f of ['data/reports.json', 'data/cells.csv', 'data/a-agency/2020.json', 'data/by-year/2020.csv']) expect(() => statSync(join(root, f)), f).toThrow();
    expect(gunzip(join(root, 'data/cells.csv.gz'))).toBe(cellsCsv(byId));
  });

  test('a record no longer published loses its files, and its agency and year files are rewritten without it', () => {
    const root = join(dir, 'removed');
    writeOpenData(records, root);
    const left = records.filter((r) => r.id !== 'a-agency/2021');
    writeOpenData(left, root, { unchanged: () => true, previousIds: records.map((r) => r.id) });
    expect(() => statSync(join(root, 'data/a-agency/2021.json.gz'))).toThrow();
    expect(() => statSync(join(root, 'data/a-agency/2021.csv.gz'))).toThrow();
    expect(gunzip(join(root, 'data/by-agency/a-agency.csv.gz'))).toBe(cellsCsv([records[1]!]));
    expect(gunzip(join(root, 'data/by-year/2021.csv.gz'))).toBe(cellsCsv([records[0]!]));
    expect(gunzip(join(root, 'data/cells.csv.gz'))).toBe(cellsCsv([...left].sort((a, b) => a.id.localeCompare(b.id))));
  });

  test('writeJsonArray is JSON.stringify of the array, with a newline', () => {
    writeJsonArray(join(dir, 'empty.json'), []);
    expect(readFileSync(join(dir, 'empty.json'), 'utf8')).toBe('[]\n');
    writeJsonArray(join(dir, 'two.json'), [{ a: 1 }, '乙']);
    expect(readFileSync(join(dir, 'two.json'), 'utf8')).toBe(`${JSON.stringify([{ a: 1 }, '乙'])}\n`);
  });
});
