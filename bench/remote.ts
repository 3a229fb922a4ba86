// `npm run bench:remote -- [size]`: the three implementations with the database behind HTTP, as the Worker
// has it (libSQL client → sqld over loopback), instead of an embedded file. Every SQL statement becomes a
// round trip, which is what separates one folded statement from per-field resolvers at the edge.
// Single sequential requests (median of 9 warm runs per subject). Writes
// bench/results/<date>-remote-<size>.json and prints a table.
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@libsql/client';
import { createYoga } from 'graphql-yoga';
import { freePort, sqldBinary } from '../scripts/sqld';
import { createApp } from '../src/app';
import { createDb } from '../src/db/client';
import { countingClient } from '../tests/helpers/harness';
import { baselineA } from './baseline-a';
import { baselineBSchema } from './baseline-b';
import { CORPUS_DIR, label, pendingMigrations } from './corpus/generate';
import { percentile } from './load';
import { OPERATIONS, pickVariables, postInProcess } from './workload';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const size = Number(process.argv[2] ?? 10_000);
const corpus = join(CORPUS_DIR, `${label(size)}.db`);
const pending = await pendingMigrations(corpus);
if (pending.length > 0)
  throw new Error(`${corpus} predates ${pending.join(', ')}: run \`npm run bench:corpus -- ${size} --upgrade\` first`);

// sqld opens an existing SQLite file placed where it keeps its default namespace.
const dir = mkdtempSync(join(tmpdir(), 'bench-sqld-'));
mkdirSync(join(dir, 'dbs', 'default'), { recursive: true });
copyFileSync(corpus, join(dir, 'dbs', 'default', 'data'));
const port = await freePort();
const sqld: ChildProcess = spawn(
  sqldBinary(),
  ['--db-path', dir, '--http-listen-addr', `127.0.0.1:${port}`, '--no-welcome', '--disable-metrics'],
  { stdio: 'ignore' },
);
const stop = () => {
  if (sqld.exitCode === null) sqld.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
};
process.on('exit', stop);

try {
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 200) throw new Error('sqld did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
  const log: string[] = [];
  const client = countingClient(createClient({ url }), log);
  const variables = await pickVariables(client);
  const ours = createApp({
    getDb: () => createDb(client),
    limits: { costBudget: 1_000_000_000, costRestoreRate: 1_000_000_000, executionTimeoutMs: 600_000 },
    log: () => {},
  });
  const b = createYoga({ schema: baselineBSchema(client), landingPage: false, graphiql: false });
  const a = baselineA(client);

  const rows: Array<Record<string, unknown>> = [];
  console.log(`${label(size)} articles, database over HTTP (sqld on loopback); median ms of 9 warm runs per subject`);
  console.log('| Operation | ours ms | ours stmts | A ms | A stmts | B ms | B stmts | ours/A | B/ours |');
  console.log('| --- | --: | --: | --: | --: | --: | --: | --: | --: |');
  for (const op of OPERATIONS) {
    const cell: Record<string, { ms: number[]; stmts: number[] }> = {};
    for (const [mode, run] of [
      ['ours', (v: unknown) => postInProcess(ours as never, op.query, v)],
      ['A', (v: unknown) => a[op.name](v as never)],
      ['B', (v: unknown) => postInProcess(b as never, op.query, v)],
    ] as const) {
      const ms: number[] = [];
      const stmts: number[] = [];
      for (const v of variables[op.name]) {
        for (let i = 0; i < 3; i++) await run(v);
        log.length = 0;
        await run(v);
        stmts.push(log.length);
        const times: number[] = [];
        for (let i = 0; i < 9; i++) {
          const t = performance.now();
          await run(v);
          times.push(performance.now() - t);
        }
        ms.push(
          percentile(
            times.sort((x, y) => x - y),
            50,
          ),
        );
      }
      cell[mode] = { ms, stmts };
    }
    const med = (xs: number[]) =>
      percentile(
        [...xs].sort((x, y) => x - y),
        50,
      );
    const [o, aa, bb] = [med(cell.ours?.ms ?? []), med(cell.A?.ms ?? []), med(cell.B?.ms ?? [])];
    const span = (xs: number[] = []) =>
      Math.min(...xs) === Math.max(...xs) ? `${xs[0]}` : `${Math.min(...xs)}–${Math.max(...xs)}`;
    console.log(
      `| ${op.title} | ${o.toFixed(1)} | ${span(cell.ours?.stmts)} | ${aa.toFixed(1)} | ${span(cell.A?.stmts)} | ${bb.toFixed(1)} | ${span(cell.B?.stmts)} | ${(o / aa).toFixed(2)}× | ${(bb / o).toFixed(2)}× |`,
    );
    rows.push({ op: op.name, subjects: variables[op.name], ...cell });
  }
  const out = join(ROOT, 'bench', 'results', `${new Date().toISOString().slice(0, 10)}-remote-${label(size)}.json`);
  writeFileSync(
    out,
    `${JSON.stringify({ date: new Date().toISOString(), size, transport: 'sqld HTTP, loopback', rows }, null, 2)}\n`,
  );
  console.error(`results: ${out}`);
  client.close();
} finally {
  stop();
}
