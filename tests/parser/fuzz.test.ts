/**
 * Property-based fuzzing: mutated seed and corpus reports always parse into a schema-valid record, never an
 * exception. Bounded so the suite stays well under a minute; timeouts here guard against hangs, they are not
 * performance targets (those live in `npm run bench`).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseReport } from '../../src/parser/index.ts';
import { record } from '../../src/schema/record.ts';
import { loadFixtures } from './fixtures.ts';

const sources = [...loadFixtures('seeds'), ...loadFixtures('corpus')].map((f) => f.text);

type Mutation =
  | { kind: 'flip'; at: number; char: string }
  | { kind: 'deleteLines'; at: number; count: number }
  | { kind: 'whitespace'; seed: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'repeat'; at: number; length: number; times: number }
  | { kind: 'insert'; at: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), char: fc.oneof(fc.string({ minLength: 1, maxLength: 1 }), fc.constantFrom('\t', '\n', '|', '0', '9', '、', '（', '.', '-', '\u3000', '\uFFFD')) }),
  fc.record({ kind: fc.constant('deleteLines' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('whitespace' as const), seed: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }), times: fc.integer({ min: 2, max: 300 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom('<script>alert(1)</script>', '{}', '---', '```', '1234567890123456789012345', '一、总体情况\n', '（七）总计', '\u0000', '| 0 | 0 |\n|---|---|') }),
);

function apply(text: string, m: Mutation): string {
  const at = text.length ? m.kind === 'whitespace' ? 0 : (m as { at: number }).at % text.length : 0;
  switch (m.kind) {
    case 'flip':
      return text.slice(0, at) + m.char + text.slice(at + 1);
    case 'deleteLines': {
      const lines = text.split('\n');
      const i = lines.length ? at % lines.length : 0;
      lines.splice(i, m.count);
      return lines.join('\n');
    }
    case 'whitespace': {
      let n = m.seed;
      const pool = [' ', '\t', '  ', '\n', '', '\u3000'];
      return text.replace(/[ \t\u3000]+/g, () => pool[(n = (n * 1103515245 + 12345) >>> 0) % pool.length]!);
    }
    case 'truncate':
      return text.slice(0, at);
    case 'repeat':
      return text.slice(0, at) + text.slice(at, at + m.length).repeat(m.times) + text.slice(at);
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
  }
}

describe('fuzzing the parser with mutated real reports', () => {
  test('always returns a schema-valid record for up to four stacked mutations', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.nat(sources.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 }), (i, ms) => {
        const text = ms.reduce(apply, sources[i]!);
        const rec = parseReport(text, { file: 'fuzz.txt' });
        expect(record.safeParse(rec).success).toBe(true);
      }),
      { numRuns: 1500, seed: 20261122 },
    );
  });

  test('parses a megabyte of adversarial input of each kind without hanging', { timeout: 30_000 }, () => {
    const MB = 1 << 20;
    const fill = (s: string): string => s.repeat(Math.ceil(MB / s.length)).slice(0, MB);
    const kinds = [
      fill(sources[0]!),
      fill('1234567890'),
      fill('（一）予以公开270020130'),
      fill('1.属于国家秘密0000000'),
      fill('一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n'),
      fill('| 0 | 0 |\n|---|---|\n'),
      fill('\n'),
      fill('\t'),
      fill('政府信息公开'),
      `三、收到和处理政府信息公开申请情况（一）予以公开${'7'.repeat(300)}四、政府信息公开行政复议情况${'1'.repeat(300)}`,
    ];
    for (const text of kinds) {
      const rec = parseReport(text);
      expect(record.safeParse(rec).success).toBe(true);
    }
  });
});
