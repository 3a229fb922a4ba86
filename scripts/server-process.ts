// Starts the real Node server (src/server.ts) as a child process on a free loopback port with a throwaway
// database, for the checks that need it over real HTTP (the load test, the GraphiQL browser check, the
// GraphQL-over-HTTP audit).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './sqld';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Preloaded into the server when memory is measured: SIGUSR2 runs a full garbage collection, so what is
 * read afterwards is memory the server still holds, not garbage V8 has not collected yet. (src/server.ts
 * itself is unchanged.)
 */
const GC_HOOK = 'data:text/javascript,process.on("SIGUSR2",()=>globalThis.gc())';

export interface RunningServer {
  url: string;
  pid: number;
  dbFile: string;
  /** Full GC in the server (needs `gcHook`), then a moment for it to finish. */
  collectGarbage(): Promise<void>;
  /** Resident set size (kB) from /proc/<pid>/status. */
  rssKb(): number;
  log(): string;
  stop(): Promise<void>;
}

/**
 * Spawns src/server.ts (Node with tsx as a loader, so the pid is the server itself) on a free loopback
 * port with a throwaway database, and resolves once it answers `{ __typename }` with a 200.
 */
export async function startServer(
  env: Record<string, string> = {},
  opts: { timeoutMs?: number; gcHook?: boolean } = {},
): Promise<RunningServer> {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const nodeArgs = opts.gcHook ? ['--expose-gc', '--import', GC_HOOK] : [];
  const dir = mkdtempSync(join(tmpdir(), 'load-'));
  const dbFile = join(dir, 'knowledge.db');
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), LIBSQL_URL: `file:${dbFile}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const collect = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  const killNow = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', killNow);
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      process.off('exit', killNow);
      rmSync(dir, { recursive: true, force: true });
    })();
    return stopping;
  };

  const url = `http://127.0.0.1:${port}/graphql`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`server exited (${child.exitCode ?? child.signalCode}) before answering:\n${log}`);
    }
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
        signal: AbortSignal.timeout(2000),
      });
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`no 200 from ${url} within ${timeoutMs} ms:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const pid = child.pid as number;
  return {
    url,
    pid,
    dbFile,
    rssKb: () => {
      const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (!m) throw new Error(`no VmRSS for pid ${pid}`);
      return Number(m[1]);
    },
    log: () => log,
    collectGarbage: async () => {
      if (!opts.gcHook) throw new Error('the server was started without the GC hook');
      process.kill(pid, 'SIGUSR2');
      await new Promise((r) => setTimeout(r, 1000));
    },
    stop,
  };
}
