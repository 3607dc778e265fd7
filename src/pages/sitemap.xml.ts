/** /sitemap.xml — the former single sitemap's address, kept: it now serves the sitemap index (as /sitemap-index.xml does). */
export { GET } from './sitemap-index.xml.ts';
