/**
 * The bare reference site: a minimal Astro project with one dynamic page, src/pages/[id].astro, whose
 * getStaticPaths returns one entry per text (the synthetic reports, ~7 KB of Chinese each). Built with the same
 * astro binary as the portal, it measures what this machine needs for N pages of that size at all, so the
 * portal's build time is reported as a ratio that compares across noisy runs.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes the bare project into `dir` (texts in dir/texts.json, node_modules linked to the project's, its own cacheDir). */
export function writeBareSite(dir: string, project: string, texts: readonly string[]): void {
  mkdirSync(join(dir, 'src/pages'), { recursive: true });
  writeFileSync(join(dir, 'texts.json'), JSON.stringify(texts));
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'bare-bench', private: true, type: 'module' })}\n`);
  writeFileSync(join(dir, 'astro.config.mjs'), `export default { cacheDir: './.astro-cache', build: { format: 'directory' }, devToolbar: { enabled: false } };\n`);
  symlinkSync(join(project, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const page = `---
import { readFileSync } from 'node:fs';
export function getStaticPaths() {
  const texts = JSON.parse(readFileSync(${JSON.stringify(join(dir, 'texts.json'))}, 'utf8'));
  return texts.map((text, i) => ({ params: { id: String(i) }, props: { text } }));
}
const { text } = Astro.props;
const lines = text.split('\\n');
---
<!doctype html>
<html lang="zh-CN">
  <head><meta charset="utf-8" /><title>{lines[0]}</title></head>
  <body><main>{lines.map((l) => <p>{l}</p>)}</main></body>
</html>
`;
  writeFileSync(join(dir, 'src/pages/[id].astro'), page);
}
