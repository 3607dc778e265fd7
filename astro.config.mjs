// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { copyFileSync, createReadStream, existsSync, linkSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Deployment knobs (environment variables, all optional):
 *   SITE_URL  — the public origin (https://nianbao.example.gov.cn), for canonical links, OpenGraph, the sitemap, the
 *               Atom feed and the permanent URL in citations. A production build without it warns once; pages then
 *               carry no canonical/og:url and the sitemap, feed and citations use paths only.
 *   SITE_BASE — path prefix when the portal is not served from the domain root, e.g. /nianbao/ (default /)
 *   CONTENT_ROOT — directory whose .cache/ the site is built from (default: this project; src/components/data.ts)
 *   ASTRO_CACHE_DIR — Astro's own build cache (default node_modules/.astro), so parallel builds of other corpora
 *                     (npm run bench) do not share it
 */
const site = process.env.SITE_URL || undefined;
const base = process.env.SITE_BASE || '/';
// The pages read the cache at render time (src/components/data.ts): default it to this project, wherever astro runs.
process.env.CONTENT_ROOT ||= fileURLToPath(new URL('.', import.meta.url));
const openDataDir = resolve(process.env.CONTENT_ROOT, '.cache/open-data');

/**
 * Warns once per production build when SITE_URL is not set (the dev server needs none).
 * @returns {import('astro').AstroIntegration}
 */
function siteUrlCheck() {
  return {
    name: 'nianbao-site-url',
    hooks: {
      'astro:build:start': ({ logger }) => {
        if (site) return;
        logger.warn(
          'SITE_URL is not set: pages get no canonical link or og:url, and the sitemap, the feed and "引用本页" use paths without a host. ' +
            'Set it to the public origin, e.g. SITE_URL=https://nianbao.example.gov.cn npm run build (and SITE_BASE=/nianbao/ when served under a path).',
        );
      },
    },
  };
}

/**
 * Every file under `dir`, as paths relative to it.
 * @param {string} dir
 */
function filesUnder(dir) {
  const entries = readdirSync(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
}

/**
 * Puts `from` at `to`: a hard link when both are on one file system (build-data replaces the whole folder on its
 * next run, so the published file never changes under the site), else a copy.
 * @param {string} from
 * @param {string} to
 */
function publishFile(from, to) {
  rmSync(to, { force: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/**
 * Publishes the open data files (/data/cells.csv.gz, summaries.json.gz, <slug>/<year>.json.gz|csv.gz …) that scripts/build-data.ts
 * writes to .cache/open-data/ (scripts/open-data.ts): linked (or copied) into the output after the build, served as
 * they are by the dev server. Tens of thousands of files are a link each, not tens of thousands of Astro routes.
 * @returns {import('astro').AstroIntegration}
 */
function openData() {
  return {
    name: 'nianbao-open-data',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        if (!existsSync(openDataDir)) {
          logger.warn(`${openDataDir} is missing: run scripts/build-data.ts first; /data/ has no per-report files`);
          return;
        }
        const out = fileURLToPath(dir);
        const files = filesUnder(openDataDir);
        /** @type {Set<string>} */
        const made = new Set();
        for (const f of files) {
          const target = join(out, f);
          const folder = dirname(target);
          if (!made.has(folder)) {
            mkdirSync(folder, { recursive: true });
            made.add(folder);
          }
          publishFile(join(openDataDir, f), target);
        }
        logger.info(`published ${files.length} open data files from ${openDataDir}`);
      },
      'astro:server:setup': ({ server }) => {
        const prefix = `${base.replace(/\/$/, '')}/data/`;
        server.middlewares.use((req, res, next) => {
          const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
          if (!path.startsWith(prefix)) return next();
          const file = normalize(join(openDataDir, 'data', path.slice(prefix.length)));
          if (!file.startsWith(openDataDir + sep) || !existsSync(file) || !statSync(file).isFile()) return next();
          const type = file.endsWith('.gz') ? 'application/gzip' : file.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8';
          res.writeHead(200, { 'Content-Type': type });
          createReadStream(file).pipe(res);
        });
      },
    },
  };
}

export default defineConfig({
  ...(site ? { site } : {}),
  base,
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  // Every page URL ends with a slash (/agencies/x/2020/); data files keep their extension (/data/x/2020.json).
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // One cached global stylesheet instead of CSS repeated in every page.
    inlineStylesheets: 'never',
  },
  // Astro 7 renders Markdown with Sätteri by default, which ignores remark plugins. The unified processor runs
  // remark-gfm (GFM tables on /about/) for .md, and @astrojs/mdx inherits it for .mdx.
  markdown: {
    processor: unified({ remarkPlugins: [remarkGfm], gfm: true, smartypants: false }),
  },
  integrations: [mdx(), openData(), siteUrlCheck()],
  devToolbar: { enabled: false },
  prefetch: false,
});
