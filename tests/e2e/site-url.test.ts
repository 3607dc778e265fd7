/**
 * The site URL (issue #15 item 7): no built file carries a placeholder host; a production build without SITE_URL
 * warns once and leaves canonical/og:url out; with SITE_URL (and SITE_BASE) the canonical link, og:url, the sitemap
 * and the citation's permanent URL use it.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { DIST, ensureBuilt, ROOT } from './setup.ts';
import { buildData, buildSite, scratch } from './scratch-site.ts';

/** Every HTML, XML and JSON file under `dir`. */
function textFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(html|xml|json)$/.test(e.name) && !e.parentPath.includes('pagefind'))
    .map((e) => join(e.parentPath, e.name));
}

describe('site URL', () => {
  const root = scratch('site-url');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('no page, feed or sitemap of the default build carries example.org', async () => {
    await ensureBuilt();
    const files = textFiles(DIST);
    expect(files.length).toBeGreaterThan(20);
    expect(files.filter((f) => readFileSync(f, 'utf8').includes('example.org'))).toEqual([]);
  });

  test('without SITE_URL the build warns once and states no canonical; with it every absolute URL uses it', () => {
    mkdirSync(join(root, 'content/reports'), { recursive: true });
    for (const f of ['pingtan-2019-page.html', 'pingtan-2021-page.html']) copyFileSync(join(ROOT, 'content/reports', f), join(root, 'content/reports', f));
    copyFileSync(join(ROOT, 'content/agencies.yaml'), join(root, 'content/agencies.yaml'));
    expect(buildData(root).status).toBe(0);

    const plain = buildSite(root, { SITE_URL: '', SITE_BASE: '' });
    expect(plain.status, plain.stderr).toBe(0);
    const warnings = `${plain.stdout}\n${plain.stderr}`.split('\n').filter((l) => l.includes('SITE_URL is not set'));
    expect(warnings).toHaveLength(1);
    const page = readFileSync(join(root, 'dist/agencies/pingtan/2021/index.html'), 'utf8');
    expect(page).not.toContain('rel="canonical"');
    expect(page).not.toContain('og:url');

    // Vitest sets BASE_URL (import.meta.env's) in process.env, which would override the base for the child build.
    const baseUrl = process.env['BASE_URL'];
    delete process.env['BASE_URL'];
    const configured = buildSite(root, { SITE_URL: 'https://nianbao.test', SITE_BASE: '/nianbao/' });
    if (baseUrl !== undefined) process.env['BASE_URL'] = baseUrl;
    expect(configured.status, configured.stderr).toBe(0);
    expect(`${configured.stdout}\n${configured.stderr}`).not.toContain('SITE_URL is not set');
    const report = readFileSync(join(root, 'dist/agencies/pingtan/2021/index.html'), 'utf8');
    const url = 'https://nianbao.test/nianbao/agencies/pingtan/2021/';
    expect(report).toContain(`<link rel="canonical" href="${url}">`);
    expect(report).toContain(`<meta property="og:url" content="${url}">`);
    expect(report).toMatch(new RegExp(`\\[EB/OL\\][^<]*${url.replace(/[.]/g, '\\.')}`));
    expect(report).toContain(`url = {${url}}`);
    expect(readFileSync(join(root, 'dist/sitemap-1.xml'), 'utf8')).toContain(`<loc>${url}</loc>`);
    expect(readFileSync(join(root, 'dist/sitemap-index.xml'), 'utf8')).toContain('<loc>https://nianbao.test/nianbao/sitemap-1.xml</loc>');
    expect(readFileSync(join(root, 'dist/robots.txt'), 'utf8')).toContain('Sitemap: https://nianbao.test/nianbao/sitemap-index.xml');
    expect(report).toContain('href="/nianbao/agencies/pingtan/2019/" rel="prev"');
  }, 240_000);
});
