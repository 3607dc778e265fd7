/**
 * Which files under content/reports/ are reports. Every entry is either read or listed with the reason it was
 * not, so nothing a maintainer adds is dropped in silence: symbolic links (not followed: they may point anywhere),
 * files of other types (a `.docx` before it is supported, a file without an extension), hidden files (.gitkeep,
 * .DS_Store) and anything that is neither a file nor a folder. Extensions are matched case-insensitively and
 * without surrounding white space (`报告.TXT`, `报告.txt `); `.markdown` and `.text` count as Markdown and text.
 */
import { lstatSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { extensionOf, HTML_EXTENSIONS } from '../decode/index.ts';

/** Extensions read as reports (lowercase, without the dot). */
export const REPORT_EXTENSIONS: ReadonlySet<string> = new Set(['txt', 'text', 'md', 'markdown', ...HTML_EXTENSIONS, 'pdf', 'docx']);

export interface Skipped {
  /** Path relative to the content root's parent, as build-data prints it (content/reports/…). */
  readonly file: string;
  /** Why it was not read, in words (Chinese) a maintainer can act on. */
  readonly reason: string;
}

export interface Discovered {
  /** Absolute paths of the report files, sorted. */
  readonly files: string[];
  readonly skipped: Skipped[];
}

/** Walks `dir` (absolute) and sorts its entries into report files and skipped ones; paths shown relative to `root`. */
export function discoverReports(dir: string, root: string): Discovered {
  const files: string[] = [];
  const skipped: Skipped[] = [];
  const shown = (full: string): string => relative(root, full).split(sep).join('/');
  const visit = (current: string): void => {
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch (e) {
      skipped.push({ file: shown(current), reason: `文件夹无法读取（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）` });
      return;
    }
    for (const entry of entries) {
      const full = join(current, entry.name);
      if (entry.isSymbolicLink()) {
        skipped.push({ file: shown(full), reason: '符号链接，不跟随读取：请把报告文件本身复制到 content/reports/' });
      } else if (entry.isDirectory()) {
        if (entry.name.startsWith('.')) skipped.push({ file: shown(full), reason: '隐藏文件夹，不读取' });
        else visit(full);
      } else if (!entry.isFile()) {
        skipped.push({ file: shown(full), reason: '不是普通文件（设备、管道或套接字），不读取' });
      } else if (entry.name.startsWith('.')) {
        skipped.push({ file: shown(full), reason: '隐藏文件，不读取' });
      } else {
        const ext = extensionOf(entry.name);
        if (REPORT_EXTENSIONS.has(ext)) files.push(full);
        else {
          const kinds = [...REPORT_EXTENSIONS].map((x) => `.${x}`).join(' ');
          skipped.push({ file: shown(full), reason: ext ? `不支持的文件类型 .${ext}：请另存为 ${kinds} 之一` : `没有扩展名：请改名为 ${kinds} 之一` });
        }
      }
    }
  };
  try {
    if (lstatSync(dir).isDirectory()) visit(dir);
  } catch {
    // no content/reports/ folder: nothing to read, nothing skipped
  }
  files.sort();
  skipped.sort((a, b) => a.file.localeCompare(b.file));
  return { files, skipped };
}
