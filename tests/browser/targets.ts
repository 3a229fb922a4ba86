// The two servers the explorer is tested against, each on a free loopback port with its own data:
// the Node entry (src/server.ts over a throwaway libSQL file) and the Worker under `wrangler dev`
// reading a throwaway sqld, migrated and seeded over HTTP exactly as `npm run dev` does.
import { type ChildProcess, spawn } from 'node:child_process';
import { createClient } from '@libsql/client';
import { startServer } from '../../scripts/server-process';
import { freePort, startSqld } from '../../scripts/sqld';
import { ROOT, wranglerCommand, wranglerEnv } from '../../scripts/wrangler';
import { migrate } from '../../src/db/migrate';
import { loadSeed } from '../../src/seed/load';

export interface Target {
  name: string;
  /** Origin with a trailing slash: the explorer is at `${base}`, the API at `${base}graphql`. */
  base: string;
  stop(): Promise<void>;
}

export async function startNode(env: Record<string, string> = {}): Promise<Target> {
  const server = await startServer(env);
  return { name: 'node', base: server.url.replace(/graphql$/, ''), stop: () => server.stop() };
}

export async function startWorker(): Promise<Target> {
  const sqld = await startSqld();
  let wrangler: ChildProcess | undefined;
  const stop = async () => {
    if (wrangler && wrangler.exitCode === null && wrangler.signalCode === null) {
      const exited = new Promise((r) => wrangler?.once('exit', r));
      wrangler.kill('SIGTERM');
      const timer = setTimeout(() => wrangler?.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await sqld.stop();
  };
  try {
    const client = createClient({ url: sqld.url });
    try {
      await migrate(client);
      await loadSeed(client);
    } finally {
      client.close();
    }
    const port = await freePort();
    const [cmd, argv] = wranglerCommand([
      'dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--inspector-port',
      String(await freePort()),
      '--var',
      `LIBSQL_URL:${sqld.url}`,
      '--show-interactive-dev-session=false',
    ]);
    const proc = spawn(cmd, argv, { cwd: ROOT, env: wranglerEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    wrangler = proc;
    let log = '';
    const collect = (c: Buffer) => {
      log = (log + c.toString()).slice(-6000);
    };
    proc.stdout?.on('data', collect);
    proc.stderr?.on('data', collect);
    process.once('exit', () => proc.kill('SIGKILL'));
    const base = `http://127.0.0.1:${port}/`;
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`wrangler dev exited (${proc.exitCode}):\n${log}`);
      try {
        const res = await fetch(`${base}graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ __typename }' }),
          signal: AbortSignal.timeout(5000),
        });
        if (res.status === 200) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`wrangler dev did not answer in time:\n${log}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    return { name: 'worker', base, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
