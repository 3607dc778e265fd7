/** Parse benchmark: ms per report over ≥1,000 parses of the bundled seeds and corpus. Prints numbers; asserts nothing. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeFile } from '../src/decode/index.ts';
import { parseReport } from '../src/parser/index.ts';

const root = join(import.meta.dirname, '..');
const files = ['tests/fixtures/seeds', 'tests/fixtures/corpus'].flatMap((d) =>
  readdirSync(join(root, d))
    .filter((f) => /\.(txt|md|html)$/.test(f))
    .map((f) => join(root, d, f)),
);
const texts = files.map((p) => decodeFile(readFileSync(p), p).text);
const iterations = Number(process.argv.find((a) => a.startsWith('--n='))?.slice(4) ?? 2000);
for (let i = 0; i < 200; i++) parseReport(texts[i % texts.length]!); // warm-up
const t0 = performance.now();
for (let i = 0; i < iterations; i++) parseReport(texts[i % texts.length]!);
const ms = (performance.now() - t0) / iterations;
const bytes = texts.reduce((s, t) => s + t.length, 0) / texts.length;
const result = { parses: iterations, files: texts.length, avgChars: Math.round(bytes), parseMsPerReport: Number(ms.toFixed(4)) };
if (process.argv.includes('--json')) console.log(JSON.stringify(result));
else console.log(`parsed ${iterations} reports (${texts.length} distinct files, avg ${result.avgChars} chars): ${result.parseMsPerReport} ms per report`);
