// The Node server's static handler for the explorer: index.html at `/`, brotli/gzip by Accept-Encoding,
// caching by kind of file, nothing outside the built folder, and a readable answer when it is not built.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticHandler } from '../../src/static';

const INDEX = `<!doctype html><title>explorer</title>${'<p>padding</p>'.repeat(50)}`;
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(2000))});`;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(server: Server, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    // A raw path: `..` reaches the server as typed.
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

function serve(root: string): Promise<Server> {
  const handle = createStaticHandler(root);
  const server = createServer((req, res) => {
    if (!handle(req, res)) res.writeHead(404).end('api');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('static explorer files', () => {
  let dir: string;
  let server: Server;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'web-static-'));
    mkdirSync(join(dir, 'dist', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'dist', 'index.html'), INDEX);
    writeFileSync(join(dir, 'dist', 'assets', 'app-1234.js'), SCRIPT);
    writeFileSync(join(dir, 'secret.txt'), 'outside');
    server = await serve(join(dir, 'dist'));
  });
  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at / with brotli, gzip or nothing, as the client accepts', async () => {
    const br = await get(server, '/', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(br.headers['cache-control']).toBe('no-cache');
    expect(br.headers.vary).toBe('accept-encoding');
    expect(br.body.length).toBeLessThan(INDEX.length);
    expect(brotliDecompressSync(br.body).toString()).toBe(INDEX);

    const gz = await get(server, '/', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(INDEX);

    const plain = await get(server, '/');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(INDEX);
    expect(Number(plain.headers['content-length'])).toBe(Buffer.byteLength(INDEX));
  });

  it('caches hashed assets for a year and answers HEAD without a body', async () => {
    const js = await get(server, '/assets/app-1234.js?v=1', { 'accept-encoding': 'br' });
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(brotliDecompressSync(js.body).toString()).toBe(SCRIPT);
    const head = await get(server, '/assets/app-1234.js', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  it('leaves everything else to the API: other methods, unknown paths, paths outside the folder', async () => {
    expect((await get(server, '/', {}, 'POST')).body.toString()).toBe('api');
    expect((await get(server, '/graphql')).body.toString()).toBe('api');
    expect((await get(server, '/../secret.txt')).body.toString()).toBe('api');
    expect((await get(server, '/assets/../../secret.txt')).body.toString()).toBe('api');
    expect((await get(server, '/%2e%2e/secret.txt')).body.toString()).toBe('api');
  });

  it('says how to build the explorer when there is none', async () => {
    const empty = await serve(join(dir, 'missing'));
    try {
      const res = await get(empty, '/');
      expect(res.status).toBe(503);
      expect(res.body.toString()).toContain('npm run web:build');
      expect((await get(empty, '/graphql')).body.toString()).toBe('api');
    } finally {
      empty.close();
    }
  });
});
