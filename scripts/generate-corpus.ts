/**
 * Writes a synthetic corpus of 政府信息公开工作年度报告 to a directory.
 *
 *   node --experimental-strip-types --no-warnings scripts/generate-corpus.ts --n 1000 --seed 42 --out <dir> [--expected]
 *
 * One <agency-index>-<year>.txt per report; with --expected also <agency-index>-<year>.json holding the cells the
 * report must parse to, in the shape of tests/fixtures/seeds/*.json (file, agency, year, template, tables, facts).
 * Prints the number of reports and their total size.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from '../src/synth/corpus.ts';

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: generate-corpus.ts --n <count> --seed <int> --out <dir> [--expected]\n`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '42' },
    out: { type: 'string' },
    expected: { type: 'boolean', default: false },
  },
  strict: true,
});

const n = Number(values.n);
const seed = Number(values.seed);
if (!Number.isInteger(n) || n < 0) usage(`--n must be a non-negative integer, got ${values.n}`);
if (!Number.isInteger(seed)) usage(`--seed must be an integer, got ${values.seed}`);
if (!values.out) usage('--out <dir> is required');
const out = values.out;

const started = performance.now();
const corpus = generateCorpus(n, seed);
mkdirSync(out, { recursive: true });
let bytes = 0;
for (const entry of corpus) {
  const name = basename(entry.path);
  const text = Buffer.from(entry.text, 'utf8');
  bytes += text.length;
  writeFileSync(join(out, name), text);
  if (values.expected) {
    const e = entry.expected;
    const json = {
      file: name,
      agency: e.agency,
      agencyAliases: [],
      year: e.year,
      template: e.template,
      layout: e.layout,
      published: e.published,
      tables: e.tables,
      facts: { proactiveCount: { value: e.proactiveCount } },
    };
    writeFileSync(join(out, name.replace(/\.txt$/, '.json')), `${JSON.stringify(json, null, 1)}\n`);
  }
}
const seconds = (performance.now() - started) / 1000;
console.log(`wrote ${corpus.length} reports (${bytes} bytes of text${values.expected ? ', with expected JSON' : ''}) to ${out} in ${seconds.toFixed(1)} s`);
