import { firstSearch, launchBrowser } from './scripts/bench/browser.ts';
import { serveDir } from './scripts/serve.ts';
const server = await serveDir(process.argv[2]!, { gzip: true });
const browser = await launchBrowser();
for (const q of (process.argv[3] ?? '公开,行政许可').split(',')) {
  const r = await firstSearch(browser, server.url, q);
  console.log(q, (r.bytes / 1000).toFixed(1), 'KB', r.requests, 'requests', r.results, 'results', JSON.stringify(Object.fromEntries(Object.entries(r.breakdown).map(([k, v]) => [k, (v / 1000).toFixed(1)]))));
}
await browser.close(); await server.close();
