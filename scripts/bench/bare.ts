/**
 * The bare reference sites: minimal Astro projects that build one page per text (the synthetic reports, ~7 KB of
 * Chinese each, repeated to make up the portal's page count). Built with the same astro binary as the portal, they
 * measure what this machine needs for that many pages at all, so the portal's build time is reported as a ratio
 * that compares across noisy runs. Two flavours:
 *
 * - `collection`: the minimal Astro site as Astro documents it — the texts are Markdown files in a content
 *   collection (glob() loader), one dynamic page renders each entry's <Content />. This is the reference the scale
 *   issue quotes ("bare Astro 7 builds 10k pages in ~68 s at 2.9 GB"); the bench's buildRatio is against it.
 * - `strings`: the floor — one dynamic page whose getStaticPaths hands each text over as a prop and prints it line
 *   by line, no content layer, no Markdown. The bench also prints the ratio against it (buildRatioFloor).
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type BareKind = 'collection' | 'strings';

/** `count` texts: `texts` repeated in order until there are as many as the portal has pages. */
export function textsForPages(texts: readonly string[], count: number): string[] {
  if (texts.length === 0) return [];
  return Array.from({ length: count }, (_, i) => texts[i % texts.length] as string);
}

/** Writes the bare project of `kind` into `dir` (node_modules linked to the project's, its own cacheDir). */
export function writeBareSite(kind: BareKind, dir: string, project: string, texts: readonly string[]): void {
  mkdirSync(join(dir, 'src/pages'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: `bare-bench-${kind}`, private: true, type: 'module' })}\n`);
  writeFileSync(join(dir, 'astro.config.mjs'), `export default { cacheDir: './.astro-cache', build: { format: 'directory' }, devToolbar: { enabled: false } };\n`);
  symlinkSync(join(project, 'node_modules'), join(dir, 'node_modules'), 'dir');
  if (kind === 'collection') writeCollection(dir, texts);
  else writeStrings(dir, texts);
}

function writeCollection(dir: string, texts: readonly string[]): void {
  const textDir = join(dir, 'texts');
  mkdirSync(textDir, { recursive: true });
  texts.forEach((text, i) => {
    // Each text becomes a Markdown document; its first line (the report title) is the front matter title.
    const title = (text.split('\n', 1)[0] ?? '').replace(/^#+\s*/, '').trim();
    writeFileSync(join(textDir, `${i}.md`), `---\ntitle: ${JSON.stringify(title)}\n---\n\n${text}\n`);
  });
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = { texts: defineCollection({ loader: glob({ pattern: '**/*.md', base: './texts' }) }) };
`,
  );
  writeFileSync(
    join(dir, 'src/pages/[id].astro'),
    `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('texts')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<!doctype html>
<html lang="zh-CN">
  <head><meta charset="utf-8" /><title>{entry.data.title}</title></head>
  <body><main><Content /></main></body>
</html>
`,
  );
}

function writeStrings(dir: string, texts: readonly string[]): void {
  writeFileSync(join(dir, 'texts.json'), JSON.stringify(texts));
  writeFileSync(
    join(dir, 'src/pages/[id].astro'),
    `---
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
`,
  );
}
