/**
 * Reads a sitemap or sitemap index with a real XML parser (Python's xml.etree.ElementTree, which rejects a document
 * that is not well formed): the root element, and for each child its element name and the text of its <loc>.
 */
import { spawnSync } from 'node:child_process';

export interface SitemapDoc {
  /** `{namespace}name` of the root element. */
  root: string;
  /** Each child of the root: `{namespace}name`, and its children's names and its <loc> text. */
  entries: Array<{ tag: string; children: string[]; loc: string | null }>;
}

const SCRIPT = `
import json, sys, xml.etree.ElementTree as ET
root = ET.fromstring(sys.stdin.buffer.read())
ns = '{http://www.sitemaps.org/schemas/sitemap/0.9}'
out = {'root': root.tag, 'entries': [{'tag': c.tag, 'children': [g.tag for g in c], 'loc': c.findtext(ns + 'loc')} for c in root]}
print(json.dumps(out, ensure_ascii=False))
`;

/** The parsed document; throws with the parser's message when the XML is not well formed. */
export function parseSitemap(xml: string): SitemapDoc {
  const run = spawnSync('python3', ['-c', SCRIPT], { input: xml, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`not well-formed XML: ${run.stderr.trim().split('\n').at(-1)}`);
  return JSON.parse(run.stdout) as SitemapDoc;
}

export const SITEMAP_NS = '{http://www.sitemaps.org/schemas/sitemap/0.9}';
