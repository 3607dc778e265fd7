/**
 * A tiny static file server for dist/ on 127.0.0.1 (random port), for the e2e tests and scripts/screenshots.ts.
 * Directory URLs serve index.html; unknown paths serve 404.html with status 404. `base` mounts the site under the
 * deployment base path (SITE_BASE), like the real host would.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { CONTENT_TYPES } from '../../scripts/content-types.ts';

export interface StaticServer {
  /** Origin plus base path, ending with a slash, e.g. http://127.0.0.1:41234/ */
  readonly url: string;
  readonly origin: string;
  close(): Promise<void>;
}

export async function serveDir(root: string, base = '/'): Promise<StaticServer> {
  const dir = resolve(root);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (!pathname.startsWith(prefix)) {
      res.writeHead(404).end();
      return;
    }
    const rel = normalize(pathname.slice(prefix.length - 1));
    let file = join(dir, rel);
    if (file !== dir && !file.startsWith(dir + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { Location: `${pathname}/` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    let status = 200;
    if (!existsSync(file)) {
      status = 404;
      file = join(dir, '404.html');
      if (!existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
    }
    res.writeHead(status, { 'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${prefix}`,
    origin,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
