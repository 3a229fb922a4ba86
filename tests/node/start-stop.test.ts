// Verifies that `npm start` stops when its own pid gets SIGTERM or SIGINT (as a service manager, `kill <pid>` or a script would send): the server answers, the signal goes to npm's pid alone, npm exits, and the port is closed, with no server process left behind.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/sqld';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dirs: string[] = [];
const groups: number[] = [];

afterAll(() => {
  // Whatever a failed run left behind: the whole process group of each `npm start` this file began.
  for (const pgid of groups) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // already gone, as it should be
    }
  }
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function startNpm(): Promise<{ child: ChildProcess; port: number; log: () => string }> {
  const dir = mkdtempSync(join(tmpdir(), 'start-stop-'));
  dirs.push(dir);
  const port = await freePort();
  // Its own process group, only so that cleanup can reach a server that outlived npm.
  const child = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), LIBSQL_URL: `file:${join(dir, 'knowledge.db')}` },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  groups.push(child.pid as number);
  let log = '';
  child.stdout?.on('data', (c: Buffer) => {
    log += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    log += c.toString();
  });
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${log}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
        signal: AbortSignal.timeout(2000),
      });
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`npm start did not answer within 90 s:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, port, log: () => log };
}

describe('npm start stops on a signal to its pid', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal}: npm exits and the port closes`, { timeout: 120_000 }, async () => {
      const { child, port, log } = await startNpm();
      expect(await portOpen(port)).toBe(true);
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      process.kill(child.pid as number, signal);
      await exited;
      // The server may take a moment to release the socket after npm is gone.
      const deadline = Date.now() + 5000;
      while ((await portOpen(port)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(await portOpen(port), log()).toBe(false);
    });
  }
});
