// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';

/**
 * Deployment knobs (environment variables, all optional):
 *   SITE_URL  — absolute origin used in the sitemap, the Atom feed and OpenGraph tags (default https://example.org)
 *   SITE_BASE — path prefix when the portal is not served from the domain root, e.g. /nianbao/ (default /)
 */
const site = process.env.SITE_URL || 'https://example.org';
const base = process.env.SITE_BASE || '/';

export default defineConfig({
  site,
  base,
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
