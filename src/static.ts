// The Node server's static files: the built explorer (web/dist, `npm run web:build`) at `/`, compressed
// with brotli or gzip when the client accepts it (node:zlib, once per file, kept in memory: the whole
// app is a few hundred KiB), hashed assets cached for a year, index.html revalidated every time.
// Only files that exist under web/dist at startup are served, so no request path can reach elsewhere.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.txt']);

interface StaticFile {
  type: string;
  body: Buffer;
  immutable: boolean;
  encoded: Partial<Record<'br' | 'gzip', Buffer>>;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Handles GET/HEAD for the explorer's files; returns false for anything else (the API, unknown paths). */
export function createStaticHandler(root: string): (req: IncomingMessage, res: ServerResponse) => boolean {
  const files = new Map<string, StaticFile>();
  let built = true;
  try {
    for (const path of walk(root)) {
      const url = `/${relative(root, path).split(sep).join('/')}`;
      files.set(url, {
        type: TYPES[extname(path)] ?? 'application/octet-stream',
        body: readFileSync(path),
        immutable: url.startsWith('/assets/'),
        encoded: {},
      });
    }
  } catch {
    built = false;
  }
  const index = files.get('/index.html');

  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/' && !index) {
      res
        .writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
        .end(
          built
            ? 'The explorer has no index.html: run `npm run web:build`. The API is at /graphql.\n'
            : 'The explorer is not built: run `npm run web:build`. The API is at /graphql.\n',
        );
      return true;
    }
    const file = path === '/' ? index : files.get(path);
    if (!file) return false;
    const headers: Record<string, string> = {
      'content-type': file.type,
      'cache-control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
      vary: 'accept-encoding',
    };
    let body = file.body;
    const ext = extname(path === '/' ? '/index.html' : path);
    const accept = String(req.headers['accept-encoding'] ?? '');
    const encoding = !COMPRESSIBLE.has(ext)
      ? null
      : /\bbr\b/.test(accept)
        ? 'br'
        : /\bgzip\b/.test(accept)
          ? 'gzip'
          : null;
    if (encoding) {
      file.encoded[encoding] ??=
        encoding === 'br'
          ? brotliCompressSync(file.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } })
          : gzipSync(file.body, { level: 9 });
      body = file.encoded[encoding];
      headers['content-encoding'] = encoding;
    }
    headers['content-length'] = String(body.length);
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}
