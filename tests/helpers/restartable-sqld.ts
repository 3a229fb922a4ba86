// A local sqld that can be stopped and started again on the same port and data (scripts/sqld.ts's servers
// get a fresh port and directory each time): what a database outage under a running server looks like.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, sqldBinary } from '../../scripts/sqld';

export interface RestartableSqld {
  url: string;
  /** Stops the server (SIGTERM, then SIGKILL); its data stays. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data; resolves once it answers. */
  start(): Promise<void>;
  /** Stops it for good and removes its data. */
  close(): Promise<void>;
}

export async function restartableSqld(): Promise<RestartableSqld> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'sqld-outage-'));
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;

  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    const timer = setTimeout(() => running.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  };

  const start = async () => {
    if (child) return;
    const started = spawn(
      sqldBinary(),
      [
        '--db-path',
        join(dir, 'data.sqld'),
        '--http-listen-addr',
        `127.0.0.1:${port}`,
        '--no-welcome',
        '--disable-metrics',
      ],
      { stdio: 'ignore' },
    );
    child = started;
    const deadline = Date.now() + 15_000;
    for (;;) {
      if (started.exitCode !== null) throw new Error(`sqld exited (${started.exitCode}) before answering`);
      try {
        if ((await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) })).ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`sqld did not answer on ${url} in time`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  const close = async () => {
    await stop();
    rmSync(dir, { recursive: true, force: true });
  };

  process.once('exit', () => child?.kill('SIGKILL'));
  await start();
  return { url, stop, start, close };
}
