/**
 * The original publication's URL, when the saved file names it: a crawler's header line (`原文链接: https://…`, in
 * the first lines of a text file) or a saved web page's own address (`<meta name="Url">`, `og:url`, or
 * `<link rel="canonical">`). Only http(s) URLs are taken; anything else (a relative path, `javascript:`) is not.
 */

/** How many leading lines of a text file may hold the header line. */
export const HEADER_LINES = 20;

const HEADER = /^\s*(?:原文链接|原文地址|原文网址|来源链接|链接)\s*[:：]\s*(\S+)\s*$/;
const META = [
  /<meta\s[^>]*name\s*=\s*["']?url["']?[^>]*content\s*=\s*["']([^"']+)["']/i,
  /<meta\s[^>]*content\s*=\s*["']([^"']+)["'][^>]*name\s*=\s*["']?url["']?/i,
  /<meta\s[^>]*property\s*=\s*["']og:url["'][^>]*content\s*=\s*["']([^"']+)["']/i,
  /<link\s[^>]*rel\s*=\s*["']canonical["'][^>]*href\s*=\s*["']([^"']+)["']/i,
];

/** An absolute http(s) URL with a dotted host name, or null. */
export function httpUrl(text: string | undefined): string | null {
  if (!text) return null;
  try {
    const u = new URL(text.trim().replace(/&amp;/g, '&'));
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.includes('.') ? u.href : null;
  } catch {
    return null;
  }
}

/** The URL a text file's header names (`原文链接: …` in its first HEADER_LINES lines), or null. */
export function headerUrl(text: string): string | null {
  const lines = text.split(/\r\n|\r|\n/, HEADER_LINES);
  for (const line of lines) {
    const m = HEADER.exec(line.replace(/^\uFEFF/, ''));
    if (m) return httpUrl(m[1]);
  }
  return null;
}

/** The address a saved web page states for itself (in its head), or null. */
export function pageUrl(html: string): string | null {
  const head = html.slice(0, 200_000);
  for (const re of META) {
    const url = httpUrl(re.exec(head)?.[1]);
    if (url) return url;
  }
  return null;
}
