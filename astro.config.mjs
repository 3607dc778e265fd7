// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';

/**
 * Deployment knobs (environment variables, all optional):
 *   SITE_URL  — absolute origin used in the sitemap, the Atom feed and OpenGraph tags (default https://example.org)
 *   SITE_BASE — path prefix when the portal is not served from the domain root, e.g. /nianbao/ (default /)
 *   CONTENT_ROOT — directory whose .cache/ the site is built from (default: this project; see src/content.config.ts)
 *   ASTRO_CACHE_DIR — Astro's own build cache (default node_modules/.astro), so parallel builds of other corpora
 *                     (npm run bench) do not share it
 */
const site = process.env.SITE_URL || 'https://example.org';
const base = process.env.SITE_BASE || '/';

export default defineConfig({
  site,
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
  integrations: [mdx()],
  devToolbar: { enabled: false },
  prefetch: false,
});
