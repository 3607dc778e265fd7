import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { codeInputs, parseCacheKey } from '../../src/pipeline/cache-key.ts';

const ROOT = resolve(import.meta.dirname, '../..');

describe('the parse cache key', () => {
  test('covers every module the read step imports, and the packages they use, with versions', () => {
    const inputs = codeInputs([join(ROOT, 'src/pipeline/read.ts')], ROOT);
    for (const m of ['src/decode/html.ts', 'src/decode/bytes.ts', 'src/parser/index.ts', 'src/parser/tokens.ts', 'src/schema/record.ts', 'src/lib/narrative.ts', 'src/lib/safe-parse.ts']) {
      expect(inputs.modules).toContain(m);
    }
    expect(inputs.packages.some((p) => /^parse5@\d/.test(p))).toBe(true);
    expect(inputs.packages.some((p) => /^iconv-lite@\d/.test(p))).toBe(true);
  });

  test('changes when any reachable module changes, not when an unrelated one does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-key-'));
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src/entry.ts'), "import { b } from './b.ts';\nexport const a = b;\n");
    writeFileSync(join(dir, 'src/b.ts'), 'export const b = 1;\n');
    writeFileSync(join(dir, 'src/unrelated.ts'), 'export const c = 1;\n');
    const before = codeInputs([join(dir, 'src/entry.ts')], dir).hash;
    writeFileSync(join(dir, 'src/unrelated.ts'), 'export const c = 2;\n');
    expect(codeInputs([join(dir, 'src/entry.ts')], dir).hash).toBe(before);
    writeFileSync(join(dir, 'src/b.ts'), 'export const b = 2;\n');
    expect(codeInputs([join(dir, 'src/entry.ts')], dir).hash).not.toBe(before);
  });

  test('depends on the decoder a file name selects, not only on its bytes', () => {
    const sha = 'ab'.repeat(32);
    expect(parseCacheKey(sha, 'content/reports/page.txt', 'h')).not.toBe(parseCacheKey(sha, 'content/reports/page.html', 'h'));
    expect(parseCacheKey(sha, 'content/reports/a.txt', 'h')).toBe(parseCacheKey(sha, 'content/reports/b.TXT', 'h'));
  });
});
