import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const script = join(root, 'scripts/parse.ts');
const html = 'tests/fixtures/corpus/pingtan-2023-page.html';
const gb = 'tests/fixtures/decode/liaocheng-2020-head.gb18030.txt';
const htmlSha = '1920296141274983b2052019248ba9f345a9d2c548f07a5e087d8244cf9f207b';
const gbSha = 'f296c36ca4da0c5311012401223333daad8bf378ee1918f4b73e26e0ae09a404';

const scratch = mkdtempSync(join(tmpdir(), 'parse-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function run(args: string[], cwd = root): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--experimental-strip-types', '--no-warnings', script, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface SourceOnly {
  source: { file: string; sha256: string; encoding: string };
}

describe('scripts/parse.ts --json', () => {
  it('prints one record per file in input order with the path as given, its sha256 and encoding', () => {
    const { status, stdout } = run(['--json', html, gb]);
    expect(status).toBe(0);
    const records = JSON.parse(stdout) as SourceOnly[];
    expect(records.map((r) => r.source)).toEqual([
      expect.objectContaining({ file: html, sha256: htmlSha, encoding: 'utf-8' }),
      expect.objectContaining({ file: gb, sha256: gbSha, encoding: 'gb18030' }),
    ]);
  });

  it('gives each record its id <agency-slug>/<year> as the site does', () => {
    const { status, stdout } = run(['--json', 'content/reports/002_437bbae1d74230cf.txt', html]);
    expect(status).toBe(0);
    const records = JSON.parse(stdout) as Array<{ id: string; agency: { name: string; slug: string } }>;
    expect(records.map((r) => r.id)).toEqual(['liaocheng-weijian/2020', 'pingtan/2023']);
    expect(records[0]?.agency).toEqual({ name: '聊城市卫生健康委员会', slug: 'liaocheng-weijian' });
  });

  it('exits 1 naming a missing file and still prints the record of the other file', () => {
    const missing = 'tests/fixtures/decode/no-such-report.txt';
    const { status, stdout, stderr } = run(['--json', missing, gb]);
    expect(status).toBe(1);
    expect(stderr).toContain(`${missing}: no such file`);
    const records = JSON.parse(stdout) as SourceOnly[];
    expect(records.map((r) => r.source.file)).toEqual([gb]);
  });

  it('exits 1 naming a binary file', () => {
    const binary = join(scratch, 'report.txt');
    writeFileSync(binary, readFileSync(process.execPath).subarray(0, 65536));
    const { status, stdout, stderr } = run(['--json', binary]);
    expect(status).toBe(1);
    expect(stderr).toContain(`${binary}: binary file (not text)`);
    expect(JSON.parse(stdout)).toEqual([]);
  });

  it('reads a file outside the project, from another working directory, with spaces in its name', () => {
    const copy = join(scratch, '聊城 2020 报告.txt');
    copyFileSync(join(root, gb), copy);
    const { status, stdout } = run(['--json', copy], scratch);
    expect(status).toBe(0);
    const [record] = JSON.parse(stdout) as SourceOnly[];
    expect(record?.source).toMatchObject({ file: copy, sha256: gbSha, encoding: 'gb18030' });
  });
});

describe('scripts/parse.ts without --json', () => {
  it('prints a summary per file naming the file and its encoding', () => {
    const { status, stdout } = run([gb]);
    expect(status).toBe(0);
    expect(stdout).toContain(`${gb} (gb18030, `);
    expect(stdout).toMatch(/template: (2019|2021)/);
    expect(stdout).toMatch(/findings: \d+ error, \d+ warning, \d+ info/);
  });

  it('exits 2 with the usage when given no files', () => {
    const { status, stdout, stderr } = run(['--json']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('usage: parse [--json] FILE...');
  });
});

describe('command lines are strict (node:util parseArgs)', () => {
  const node = (script: string, args: string[]) =>
    spawnSync(process.execPath, ['--experimental-strip-types', '--no-warnings', resolve(root, script), ...args], { cwd: root, encoding: 'utf8' });

  it('parse refuses an unknown flag, naming it', () => {
    const r = node('scripts/parse.ts', ['--jsn', gb]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Unknown option '--jsn'");
  });

  it('build-data refuses an unknown flag and a --root without its folder, before touching anything', () => {
    const unknown = node('scripts/build-data.ts', ['--forse']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--forse'");
    expect(unknown.stderr).toContain('usage: build-data');
    const bare = node('scripts/build-data.ts', ['--root']);
    expect(bare.status).toBe(2);
    expect(bare.stderr).toContain("Option '--root <value>' argument missing");
  });
});
