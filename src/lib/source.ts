/** How a report's source file is described to visitors: its name, format and encoding in words, the original's host. */

/** The file's own name, without the folders it was kept in: `content/reports/a/b.txt` → `b.txt`. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

const FORMATS: Readonly<Record<string, string>> = { txt: '纯文本', md: '文本（Markdown 格式）', html: '网页', pdf: 'PDF 文件', docx: 'Word 文档' };

/** `html` → 网页; unknown or missing → 文本. */
export function formatLabel(format: string | undefined): string {
  return (format && FORMATS[format]) || '文本';
}

/** The character encoding in words: `utf-8` → UTF-8 编码, `gb18030` → GB18030 编码; a PDF or DOCX has none of its own. */
export function encodingLabel(encoding: string): string {
  if (encoding === 'pdf' || encoding === 'docx') return '由文件的文字层读取';
  if (encoding === 'unknown' || encoding === '') return '编码不详';
  return `${encoding.toUpperCase()} 编码`;
}

/** The host name of a URL (`https://www.pingtan.gov.cn/…` → `www.pingtan.gov.cn`), or the URL when it does not parse. */
export function sourceHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
