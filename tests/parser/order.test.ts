/**
 * The parser keeps no state from one report to the next: a report reads the same whatever was parsed before it in
 * the same process (the build parses every report in one). A regex with the global flag whose lastIndex one report
 * left behind once changed how the next report's labels were cut.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, vi } from 'vitest';
import { decodeFile } from '../../src/decode/index.ts';
import { FIXTURES, loadFixtures } from './fixtures.ts';

type Parse = (typeof import('../../src/parser/index.ts'))['parseReport'];

/** A parser with module state of its own (its caches and regexes fresh). */
async function freshParser(): Promise<Parse> {
  vi.resetModules();
  return (await import('../../src/parser/index.ts')).parseReport;
}

test('every fixture reads the same parsed after all the others as parsed before them', async () => {
  const quirks = join(FIXTURES, 'quirks');
  const inputs = [
    ...loadFixtures('seeds'),
    ...loadFixtures('corpus'),
    ...readdirSync(quirks)
      .filter((f) => /\.(txt|md|html)$/.test(f))
      .map((f) => ({ name: f, ...decodeFile(readFileSync(join(quirks, f)), join(quirks, f)) })),
  ];
  expect(inputs.length).toBeGreaterThan(100);
  const run = (parse: Parse, order: typeof inputs): Map<string, string> =>
    new Map(order.map((x) => [x.name, JSON.stringify(parse(x.text, { file: x.name, format: x.format }))]));
  const forward = run(await freshParser(), inputs);
  const backward = run(await freshParser(), [...inputs].reverse());
  const differ = inputs.filter((x) => forward.get(x.name) !== backward.get(x.name)).map((x) => x.name);
  expect(differ).toEqual([]);
}, 60_000);
