/**
 * screenshots: PNGs of every page type (desktop and phone width, plus the report page in print media) into
 * screenshots/ (git-ignored), for a human look at layout and CJK rendering.
 *
 *   npm run screenshots            (builds the site first when dist/ is missing or stale)
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ensureBuilt, HAS_CHROMIUM, CHROMIUM, openSite, pageTypes, publishedRecords, ROOT } from '../e2e/setup.ts';

if (!HAS_CHROMIUM) {
  console.error(`screenshots: ${CHROMIUM} not found (apt-get install -y chromium fonts-noto-cjk)`);
  process.exit(1);
}
await ensureBuilt();
const out = join(ROOT, 'screenshots');
await mkdir(out, { recursive: true });
const site = await openSite();
try {
  const viewports = [
    { name: 'desktop', width: 1280, height: 900 },
    { name: 'phone', width: 390, height: 844 },
  ];
  const pages = pageTypes(publishedRecords());
  for (const vp of viewports) {
    const page = await site.browser.newPage({ viewport: { width: vp.width, height: vp.height }, deviceScaleFactor: 1 });
    for (const p of pages) {
      await page.goto(site.url(p.path), { waitUntil: 'networkidle' });
      if (p.name === 'search') await page.waitForSelector('#search-results a.result-link', { timeout: 10_000 }).catch(() => undefined);
      const file = join(out, `${p.name.replace(/\s+/g, '-')}-${vp.name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(`screenshots: ${file}`);
    }
    await page.close();
  }
  const report = pages.find((p) => p.name === 'report');
  if (report) {
    const page = await site.browser.newPage({ viewport: { width: 800, height: 1100 } });
    await page.emulateMedia({ media: 'print' });
    await page.goto(site.url(report.path), { waitUntil: 'networkidle' });
    await page.screenshot({ path: join(out, 'report-print.png'), fullPage: true });
    const agency = pages.find((p) => p.name === 'agency');
    if (agency) {
      await page.goto(site.url(agency.path), { waitUntil: 'networkidle' });
      await page.screenshot({ path: join(out, 'agency-print.png'), fullPage: true });
    }
    await page.close();
    console.log('screenshots: report-print.png, agency-print.png');
  }
} finally {
  await site.close();
}
