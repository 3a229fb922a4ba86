// The Worker's side of the figures: the deployable bundle's size (wrangler's own dry-run build, minified,
// gzip as Cloudflare counts it) and its cold start under workerd (`wrangler dev`, local only): time from
// spawning wrangler to the first answered `{ __typename }`, that first request's own latency, and the
// latency of warm requests after it. `{ __typename }` touches no database, so no libSQL server is needed.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { freePort } from '../scripts/sqld';
import { ROOT, wranglerCommand, wranglerEnv } from '../scripts/wrangler';
import { percentile } from './load';

export interface BundleSize {
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

export function bundleSize(): BundleSize {
  const out = mkdtempSync(join(tmpdir(), 'bench-bundle-'));
  try {
    const [cmd, argv] = wranglerCommand(['deploy', '--dry-run', '--outdir', out, '--minify']);
    const run = spawnSync(cmd, argv, { cwd: ROOT, env: wranglerEnv(), encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`wrangler deploy --dry-run failed: ${run.stderr || run.stdout}`);
    const files = readdirSync(out).filter((f) => /\.(m?js|wasm)$/.test(f));
    let rawBytes = 0;
    let gzipBytes = 0;
    for (const f of files) {
      const bytes = readFileSync(join(out, f));
      rawBytes += bytes.length;
      gzipBytes += gzipSync(bytes, { level: 9 }).length;
    }
    return { files, rawBytes, gzipBytes };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export interface ColdStart {
  /** Spawning `wrangler dev` to the end of the first successful `{ __typename }` response. */
  readyMs: number;
  /** That first successful request's own latency (isolate start and module evaluation included). */
  firstRequestMs: number;
  /** Median of the next 20 requests. */
  warmMs: number;
}

const killGroup = (child: ChildProcess) => {
  // wrangler runs workerd as its own child: end the whole group this run created.
  if (child.pid !== undefined && child.exitCode === null) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
};

export async function coldStart(timeoutMs = 90_000): Promise<ColdStart> {
  const port = await freePort();
  const [cmd, argv] = wranglerCommand([
    'dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--var',
    'LIBSQL_URL:http://127.0.0.1:9',
    '--show-interactive-dev-session=false',
  ]);
  const started = performance.now();
  const child = spawn(cmd, argv, { cwd: ROOT, env: wranglerEnv(), stdio: 'ignore', detached: true });
  const url = `http://127.0.0.1:${port}/graphql`;
  const ask = async () => {
    const t = performance.now();
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    if (res.status !== 200 || !text.includes('Query')) throw new Error(`unexpected answer ${res.status}: ${text}`);
    return performance.now() - t;
  };
  let last: unknown;
  try {
    for (;;) {
      if (performance.now() - started > timeoutMs) throw new Error(`wrangler dev did not answer in time: ${last}`);
      if (child.exitCode !== null) throw new Error(`wrangler dev exited (${child.exitCode})`);
      try {
        const firstRequestMs = await ask();
        const readyMs = performance.now() - started;
        const warm: number[] = [];
        for (let i = 0; i < 20; i++) warm.push(await ask());
        warm.sort((a, b) => a - b);
        return { readyMs, firstRequestMs, warmMs: percentile(warm, 50) };
      } catch (err) {
        // Not listening yet, or the proxy is up before the Worker: keep asking.
        last = (err as Error).cause ?? err;
        await new Promise((r) => setTimeout(r, 25));
      }
    }
  } finally {
    killGroup(child);
  }
}
