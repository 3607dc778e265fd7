import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { extensionOf } from '../../src/decode/index.ts';
import { discoverReports } from '../../src/pipeline/discover.ts';

describe('discoverReports', () => {
  test('reads every report file and lists every other entry with its reason', () => {
    const root = mkdtempSync(join(tmpdir(), 'nianbao-discover-'));
    const dir = join(root, 'content/reports');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    mkdirSync(join(dir, '.git'), { recursive: true });
    for (const name of ['a.txt', 'B.TXT', 'c.markdown', 'd.text ', 'sub/e.HTM', 'sub/g.shtml', 'noext', 'f.rtf', '.gitkeep']) writeFileSync(join(dir, name), '甲');
    symlinkSync(join(dir, 'a.txt'), join(dir, 'link.txt'));
    const found = discoverReports(dir, root);
    expect(found.files.map((f) => f.slice(dir.length + 1)).sort()).toEqual(['B.TXT', 'a.txt', 'c.markdown', 'd.text ', 'sub/e.HTM', 'sub/g.shtml']);
    expect(found.skipped).toEqual([
      { file: 'content/reports/.git', reason: '隐藏文件夹，不读取' },
      { file: 'content/reports/.gitkeep', reason: '隐藏文件，不读取' },
      { file: 'content/reports/f.rtf', reason: expect.stringContaining('不支持的文件类型 .rtf') },
      { file: 'content/reports/link.txt', reason: expect.stringContaining('符号链接') },
      { file: 'content/reports/noext', reason: expect.stringContaining('没有扩展名') },
    ]);
  });
  test('a missing folder reads nothing and skips nothing', () => {
    expect(discoverReports('/nonexistent/content/reports', '/nonexistent')).toEqual({ files: [], skipped: [] });
  });
  test('extensions are compared lowercased, without white space around the name', () => {
    expect(extensionOf('报告.TXT ')).toBe('txt');
    expect(extensionOf('报告')).toBe('');
    expect(extensionOf('v1.2/报告')).toBe('');
  });
});
