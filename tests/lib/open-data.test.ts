/**
 * The open data files written by scripts/open-data.ts (streamed, record by record) are byte for byte the
 * documents the former Astro endpoints built in memory: reports.json = JSON.stringify(records by id), cells.csv =
 * cellsCsv(records by id), <slug>/<year>.json|csv per record.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { writeJsonArray, writeOpenData } from '../../scripts/open-data.ts';
import { codebookCsv } from '../../src/lib/csv.ts';
import { cellsCsv } from './helpers.ts';
import { makeRecord } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-open-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const records = [
  makeRecord({ id: 'b-agency/2021', agency: { name: '乙', slug: 'b-agency' }, tables: { proactive: {}, requests: { newReceived: { total: 3 } }, review: {} } }),
  makeRecord({ id: 'a-agency/2020', agency: { name: '甲', slug: 'a-agency' }, year: 2020, template: '2019' }),
  makeRecord({ id: 'unidentified-0123abcd/0', agency: { name: null, slug: 'unidentified-0123abcd' }, year: null }),
];
const byId = [...records].sort((a, b) => a.id.localeCompare(b.id));

describe('writeOpenData', () => {
  test('writes reports.json, cells.csv and one JSON and CSV per record, as the endpoints did', () => {
    writeOpenData(records, join(dir, 'out'));
    const data = join(dir, 'out/data');
    expect(readFileSync(join(data, 'reports.json'), 'utf8')).toBe(`${JSON.stringify(byId)}\n`);
    expect(readFileSync(join(data, 'cells.csv'), 'utf8')).toBe(cellsCsv(byId));
    for (const r of records) {
      const base = join(data, r.agency.slug, String(r.year ?? 0));
      expect(readFileSync(`${base}.json`, 'utf8')).toBe(`${JSON.stringify(r, null, 1)}\n`);
      expect(readFileSync(`${base}.csv`, 'utf8')).toBe(cellsCsv([r]));
    }
    // Per year and per agency (identified reports only), and the codebook; every CSV starts with a BOM.
    expect(readFileSync(join(data, 'by-year/2020.csv'), 'utf8')).toBe(cellsCsv(byId.filter((r) => r.year === 2020 && !r.agency.slug.startsWith('unidentified-'))));
    expect(readFileSync(join(data, 'by-agency/b-agency.csv'), 'utf8')).toBe(cellsCsv(byId.filter((r) => r.agency.slug === 'b-agency')));
    expect(readFileSync(join(data, 'by-agency/a-agency.csv'), 'utf8')).toBe(cellsCsv(byId.filter((r) => r.agency.slug === 'a-agency')));
    expect(() => statSync(join(data, 'by-agency/unidentified-0123abcd.csv'))).toThrow();
    expect(readFileSync(join(data, 'codebook.csv'), 'utf8')).toBe(codebookCsv());
    for (const f of ['cells.csv', 'by-year/2020.csv', 'codebook.csv']) expect(readFileSync(join(data, f), 'utf8').startsWith('\uFEFF'), f).toBe(true);
  });

  test('links the files it is given instead of writing them again', () => {
    const recordFile = (id: string): string => join(dir, `${id.replace('/', '--')}.json`);
    for (const r of records) writeFileSync(recordFile(r.id), `${JSON.stringify(r, null, 1)}\n`);
    writeJsonArray(join(dir, 'all.json'), byId);
    writeOpenData(records, join(dir, 'linked'), { recordJsonFile: (r) => recordFile(r.id), reportsJsonFile: join(dir, 'all.json') });
    expect(statSync(join(dir, 'linked/data/reports.json')).ino).toBe(statSync(join(dir, 'all.json')).ino);
    expect(statSync(join(dir, 'linked/data/a-agency/2020.json')).ino).toBe(statSync(recordFile('a-agency/2020')).ino);
    expect(readFileSync(join(dir, 'linked/data/reports.json'), 'utf8')).toBe(`${JSON.stringify(byId)}\n`);
  });

  test('writeJsonArray is JSON.stringify of the array, with a newline', () => {
    writeJsonArray(join(dir, 'empty.json'), []);
    expect(readFileSync(join(dir, 'empty.json'), 'utf8')).toBe('[]\n');
  });
});
