/**
 * The one static server of the project, for a built site (dist/ or a scratch build): `npm run serve` to look at the
 * site, the e2e tests and the benchmark. sirv serves the files (directory URLs → index.html, content types, no
 * caching); unknown paths get 404.html with status 404; `base` mounts the site under its deployment base path
 * (SITE_BASE) as the real host would; `gzip` compresses text responses as a production host does (the `compression`
 * middleware; Pagefind's chunks are gzip streams already and are sent as they are). The open data's .gz files are
 * sent as application/gzip files, as static hosts do.
 *
 *   node --experimental-strip-types scripts/serve.ts [DIR] [--base /path/] [--port N]
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import compression from 'compression';
import sirv from 'sirv';

export interface StaticServer {
  /** Origin plus base path, ending with a slash, e.g. http://127.0.0.1:41234/ */
  readonly url: string;
  readonly origin: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Deployment base path the site was built with (default `/`). */
  base?: string;
  /** Compress text responses (what the benchmark measures a first search with). */
  gzip?: boolean;
  /** Port (default: a free one). */
  port?: number;
}

export async function serveDir(root: string, options: ServeOptions = {}): Promise<StaticServer> {
  const dir = resolve(root);
  const base = options.base ?? '/';
  const prefix = base.endsWith('/') ? base : `${base}/`;
  // The open data downloads (/data/**.gz) are files to save, not a compressed transfer of a CSV: sirv would send
  // them as text/csv with Content-Encoding: gzip (a browser then unpacks them and saves a CSV named .gz).
  const gzFile = (res: ServerResponse, pathname: string): void => {
    if (!pathname.endsWith('.gz')) return;
    res.setHeader('Content-Type', 'application/gzip');
    res.setHeader('Content-Encoding', 'identity');
  };
  const files = sirv(dir, { dev: true, dotfiles: false, etag: false, setHeaders: gzFile });
  const gzip = options.gzip ? compression() : null;
  const notFound = (res: ServerResponse): void => {
    const page = join(dir, '404.html');
    if (!existsSync(page)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(readFileSync(page));
  };
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (!path.startsWith(prefix) && `${path}/` !== prefix) {
      notFound(res);
      return;
    }
    // sirv sees the site's own paths: the base path is the host's business.
    req.url = (req.url ?? '/').slice(prefix.length - 1) || '/';
    files(req, res, () => notFound(res));
  };
  const server = createServer((req, res) => {
    if (gzip) gzip(req as never, res as never, () => handle(req, res));
    else handle(req, res);
  });
  await new Promise<void>((ok) => server.listen(options.port ?? 0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return { url: `${origin}${prefix}`, origin, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { base: { type: 'string' }, port: { type: 'string' } } });
  const dir = positionals[0] ?? 'dist';
  if (!existsSync(dir)) {
    console.error(`serve: ${dir} does not exist: run npm run build first`);
    process.exit(1);
  }
  const server = await serveDir(dir, { base: values.base ?? process.env['SITE_BASE'] ?? '/', gzip: true, port: values.port ? Number(values.port) : 4321 });
  console.log(`serve: ${dir} at ${server.url} (Ctrl-C to stop)`);
}
