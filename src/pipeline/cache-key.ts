/**
 * The parse cache's key, derived from every input that shapes a parsed record — never a hand-bumped version:
 * the file's bytes, the decoder the file's name selects (its extension), the source of every module reachable by
 * import from the read step (src/pipeline/read.ts: decoder, parser, schema, safe-parse, narrative…) and the
 * version of every package those modules import (parse5, iconv-lite, zod…). Change any of them and every report is
 * parsed again; change nothing and none is.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { extensionOf } from '../decode/index.ts';

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;

/** The package a bare specifier names: `parse5`, `@scope/pkg`, `iconv-lite` (from `iconv-lite/lib/x`). */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

export interface CodeInputs {
  /** Project-relative paths of the modules reached, sorted. */
  readonly modules: string[];
  /** `name@version` of the packages they import, sorted. */
  readonly packages: string[];
  /** sha256 over both, the modules' contents included. */
  readonly hash: string;
}

/** Every module reachable from `entries` (absolute paths) by relative imports, and the packages they import. */
export function codeInputs(entries: readonly string[], project: string): CodeInputs {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const queue = [...entries.map((e) => resolve(e))];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(SPECIFIER)) {
      const spec = m[1]!;
      if (spec.startsWith('node:')) continue;
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec);
        if (existsSync(target)) queue.push(target);
        continue;
      }
      const name = packageName(spec);
      const manifest = join(project, 'node_modules', name, 'package.json');
      const version = existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version : undefined;
      packages.add(`${name}@${version ?? 'missing'}`);
    }
  }
  const modules = [...seen].map((f) => relative(project, f).split('\\').join('/')).sort();
  const hash = createHash('sha256');
  for (const m of modules) hash.update(`${m}\n`).update(readFileSync(join(project, m)));
  for (const p of [...packages].sort()) hash.update(`${p}\n`);
  return { modules, packages: [...packages].sort(), hash: hash.digest('hex') };
}

/** The cache key of one file: its bytes' sha256, its decoder (extension) and the code's hash. */
export function parseCacheKey(sha256: string, file: string, codeHash: string): string {
  return createHash('sha256').update(`${sha256}\n${extensionOf(file)}\n${codeHash}`).digest('hex');
}
