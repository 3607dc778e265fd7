/**
 * scripts/build-data.ts end to end on a scratch project (--root): one line per report plus a total, the parsed
 * cache reused on the second run, reports without agency or year kept under an unidentified slug, and a build
 * that stops — naming both files — when two reports map to the same agency and year.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from './setup.ts';
import type { ReportRecord } from '../../src/schema/record.ts';

function run(root: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--experimental-strip-types', '--no-warnings', join(ROOT, 'scripts/build-data.ts'), '--root', root], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('build-data', () => {
  let root: string;
  const seeds = readdirSync(join(ROOT, 'content/reports')).filter((f) => f.endsWith('.txt')).sort();

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'nianbao-build-data-'));
    mkdirSync(join(root, 'content/reports/nested'), { recursive: true });
    for (const f of seeds.slice(0, 2)) copyFileSync(join(ROOT, 'content/reports', f), join(root, 'content/reports', f));
    // A report whose agency and year cannot be found.
    writeFileSync(join(root, 'content/reports/nested/scrap.txt'), '这是一段没有标题、没有年份的文字。\n');
    // An empty file: kept too, flagged EMPTY_INPUT.
    writeFileSync(join(root, 'content/reports/nested/empty.md'), '');
    writeFileSync(join(root, 'content/agencies.yaml'), 'agencies: []\n');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('prints one line per report and a total, and writes the record cache', () => {
    const out = run(root);
    expect(out.status, out.stderr).toBe(0);
    const lines = out.stdout.trim().split('\n');
    for (const f of [...seeds.slice(0, 2), 'nested/scrap.txt', 'nested/empty.md']) expect(lines.some((l) => l.includes(`content/reports/${f}`))).toBe(true);
    expect(out.stdout).toMatch(/build-data: 4 reports \(4 parsed, 0 cached\)/);
    const records = JSON.parse(readFileSync(join(root, '.cache/records.json'), 'utf8')) as ReportRecord[];
    expect(records).toHaveLength(4);
    for (const r of records) {
      expect(existsSync(join(root, '.cache/records', `${r.id.replace('/', '--')}.json`))).toBe(true);
      expect(existsSync(join(root, '.cache/sources', `${r.id.replace('/', '--')}.json`))).toBe(true);
      expect(r.id).toMatch(/^[a-z0-9-]+\/\d+$/);
    }
  });

  test('keeps a report without agency or year under an unidentified slug', () => {
    const records = JSON.parse(readFileSync(join(root, '.cache/records.json'), 'utf8')) as ReportRecord[];
    const scrap = records.find((r) => r.source.file === 'content/reports/nested/scrap.txt');
    expect(scrap?.id).toMatch(/^unidentified-[0-9a-f]{8}\/0$/);
    expect(run(root).stdout).toMatch(/2 unidentified/);
    const empty = records.find((r) => r.source.file === 'content/reports/nested/empty.md');
    expect(empty?.id).toMatch(/^unidentified-[0-9a-f]{8}\/0$/);
    expect(empty?.findings.map((f) => f.code)).toContain('EMPTY_INPUT');
  });

  test('re-uses the parsed cache when neither the file nor the parser changed', () => {
    expect(run(root).stdout).toMatch(/build-data: 4 reports \(0 parsed, 4 cached\)/);
  });

  test('stops, naming both files, when two reports map to the same agency and year', () => {
    const first = seeds[0] as string;
    copyFileSync(join(ROOT, 'content/reports', first), join(root, 'content/reports/nested/copy-of-first.txt'));
    const out = run(root);
    expect(out.status).toBe(1);
    expect(out.stderr).toContain(`content/reports/${first}`);
    expect(out.stderr).toContain('content/reports/nested/copy-of-first.txt');
    rmSync(join(root, 'content/reports/nested/copy-of-first.txt'));
  });

  test('applies an agencies.yaml slug and alias override', () => {
    const records = JSON.parse(readFileSync(join(root, '.cache/records.json'), 'utf8')) as ReportRecord[];
    const named = records.find((r) => r.agency.name !== null && !r.agency.slug.startsWith('unidentified-'));
    if (!named?.agency.name) return;
    writeFileSync(join(root, 'content/agencies.yaml'), `agencies:\n  - name: 测试改名后的机构\n    slug: renamed-agency\n    aliases: [${named.agency.name}]\n`);
    const out = run(root);
    expect(out.status, out.stderr).toBe(0);
    const after = JSON.parse(readFileSync(join(root, '.cache/records.json'), 'utf8')) as ReportRecord[];
    expect(after.find((r) => r.source.file === named.source.file)?.id).toBe(`renamed-agency/${named.year}`);
    const agencies = JSON.parse(readFileSync(join(root, '.cache/agencies.json'), 'utf8')) as Array<{ slug: string; name: string }>;
    expect(agencies.find((a) => a.slug === 'renamed-agency')?.name).toBe('测试改名后的机构');
  });
});
