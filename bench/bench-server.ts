// The bench's HTTP server (bench/server.ts) as a child process: started over one corpus file, restarted to
// abandon a request that runs too long, stopped at the end. `tree` is the checkout whose server runs
// (another commit's, when two are compared).
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** /proc counts CPU time in clock ticks: USER_HZ, 100 on Linux. */
const CLOCK_TICKS = 100;

export class BenchServer {
  private child: ChildProcess | null = null;
  base = '';
  constructor(
    private readonly db: string,
    private readonly tree = ROOT,
  ) {}

  async start(): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', join(this.tree, 'bench', 'server.ts'), this.db], {
      cwd: this.tree,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    this.child = child;
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /READY (\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      child.once('exit', (code) => reject(new Error(`bench server exited (${code}) before it was ready`)));
    });
    this.base = `http://127.0.0.1:${port}`;
  }

  /** CPU milliseconds the server process has used so far (user + system, from /proc on Linux). */
  cpuMs(): number {
    const pid = this.child?.pid;
    if (!pid) throw new Error('the bench server is not running');
    // Fields after the command name (which is in parentheses and may hold spaces): utime is the 12th, stime the 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }
}
