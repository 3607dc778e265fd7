import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseReport } from '../../src/parser/index.ts';
import { record as recordSchema } from '../../src/schema/record.ts';
import { recordHintSubject, unidentifiedHint } from '../../src/lib/build-report.ts';
import { parseOrKeep } from '../../src/lib/safe-parse.ts';

const seed = readFileSync(join(import.meta.dirname, '../fixtures/seeds/000_d7e31f0dfdff8fad.txt'), 'utf8');
const options = { file: 'content/reports/000.txt', sha256: 'ab'.repeat(32), encoding: 'utf-8' };

describe('parseOrKeep', () => {
  test('returns the parser\'s record when it parses', () => {
    const { record, error } = parseOrKeep(seed, options);
    expect(error).toBeNull();
    expect(record).toEqual(parseReport(seed, options));
  });

  test('keeps a report the parser throws on: unidentified, its lines counted, a PARSE_FAILED error naming the exception', () => {
    const crashing = (): never => {
      throw new RangeError('boom at 表三');
    };
    const { record, error } = parseOrKeep(seed, options, crashing);
    expect(error?.message).toBe('boom at 表三');
    expect(recordSchema.safeParse(record).success).toBe(true);
    expect(record.agency.name).toBeNull();
    expect(record.year).toBeNull();
    expect(record.source).toEqual({ ...options, lines: parseReport(seed, options).source.lines });
    expect(record.findings).toHaveLength(1);
    expect(record.findings[0]).toMatchObject({ code: 'PARSE_FAILED', severity: 'error', line: null });
    expect(record.findings[0]?.message).toContain('boom at 表三');
    expect(unidentifiedHint(recordHintSubject({ ...record, id: 'unidentified-abababab/0' }))).toEqual([
      '# content/reports/000.txt made the parser fail (now unidentified-abababab/0, its text published as it is): please report it with the file',
    ]);
  });
});
