/** The collection's stored summary is the summary with its figures as one array, and expands back unchanged. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseReport } from '../../src/parser/index.ts';
import { summarize } from '../../src/lib/summary.ts';
import { fromStored, reportSummary, storedSummary, toStored } from '../../src/schema/summary.ts';

const SEEDS = join(import.meta.dirname, '..', 'fixtures', 'seeds');

describe('stored summaries', () => {
  for (const file of ['001_32ee79c535f7b1d7.txt', '002_437bbae1d74230cf.txt']) {
    test(`a seed's summary survives storing and expanding (${file})`, () => {
      const summary = summarize({ ...parseReport(readFileSync(join(SEEDS, file), 'utf8')), id: 'x/2020' });
      const stored = toStored(summary);
      expect(storedSummary.parse(stored)).toEqual(stored);
      expect(fromStored(stored)).toEqual(reportSummary.parse(summary));
      expect(summary.figures.newReceived).not.toBeNull();
    });
  }
  test('stores fewer bytes than the summary it stands for', () => {
    const summary = summarize({ ...parseReport(readFileSync(join(SEEDS, '001_32ee79c535f7b1d7.txt'), 'utf8')), id: 'x/2024' });
    expect(JSON.stringify(toStored(summary)).length).toBeLessThan(JSON.stringify(summary).length * 0.75);
  });
});
