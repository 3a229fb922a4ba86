// `npm run bench:ab -- REV [--http] [--sizes=1000,10000] [--ops=person,search] [--rounds=15]
//   [--batch-ms=500] [--concurrency=1] [--ref-dir=DIR] [--ref-corpus=DIR]`: is this tree slower than REV,
//   page by page?
//
// Separate benchmark runs on a shared two-core machine move by ±30% from one run to the next, more than
// the changes worth catching. Here the two versions are measured in alternating turns (this, REV, REV,
// this, …) so that drift in the machine's load hits both alike; each pair of turns gives a ratio, and the
// median ratio is the answer, with the middle half of the ratios beside it.
// - By default both apps are loaded into this one process and a turn is a batch of requests through the
//   full app (Yoga, every plugin, the schema, libSQL) without HTTP, sized to take in several garbage
//   collections, so that one landing in a batch or not doesn't decide a ratio; `--concurrency` keeps that
//   many requests in flight.
// - With `--http`, each version runs its own bench server (bench/server.ts, as `npm run bench` does), and
//   a turn is a 1-second load run at 1 and at 16 connections: the path `npm run bench` measures. The
//   figure is the server process's CPU time per request: its latency on two shared cores depends on how
//   the scheduler splits them with the load generator and moves by ±40% between turns. CPU time moves
//   less, though still by ±10–20% on a busy host, so give it 25 rounds or more.
//
// REV is checked out in a temporary git worktree with its own `npm ci` (kept for later runs), or given
// as `--ref-dir`. Both read the same corpus unless `--ref-corpus` gives REV its own (e.g. one that its
// migrations built). Before timing, both must give the same `data` for every subject; with two corpora,
// answers that differ are counted and shown instead.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchServer } from './bench-server';
import { firstDifference } from './compare';
import { CORPUS_DIR, label } from './corpus/generate';
import { loadRun, percentile } from './load';
import { OPERATIONS, type Operation, type OperationName, type Variables } from './workload';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const HTTP_SECONDS = 1;

/** One version of the API over one corpus: how to ask it a page, and how long a turn of one page takes. */
interface Version {
  name: string;
  subjects: Record<OperationName, Variables[]>;
  post: (page: OperationName, variables: Variables) => Promise<string>;
  /** One turn of `page`: ms per request in process (`size` requests), server CPU ms per request over HTTP (`size` connections). */
  turn: (page: OperationName, size: number) => Promise<number>;
  close: () => Promise<void>;
}

/** A module of one tree, loaded from that tree (it shares nothing with ours). */
const from = (tree: string, path: string) => import(join(tree, path));

async function load(name: string, tree: string, dbPath: string, http: boolean, concurrency = 1): Promise<Version> {
  const [workload, { openApiClient }] = await Promise.all([
    from(tree, 'bench/workload.ts'),
    from(tree, 'src/lib/readonly.ts'),
  ]);
  if (typeof workload.postInProcess !== 'function')
    throw new Error(`${tree} predates bench/workload.ts's postInProcess: compare with a later commit`);
  const { client } = await openApiClient(`file:${dbPath}`);
  const subjects: Record<OperationName, Variables[]> = await workload.pickVariables(client);
  const queries = new Map<string, string>((workload.OPERATIONS as Operation[]).map((op) => [op.name, op.query]));
  const body = (page: OperationName, variables: Variables) => JSON.stringify({ query: queries.get(page), variables });

  if (http) {
    client.close();
    const server = new BenchServer(dbPath, tree);
    await server.start();
    const url = `${server.base}/graphql`;
    return {
      name,
      subjects,
      post: async (page, variables) =>
        (
          await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', accept: 'application/json' },
            body: body(page, variables),
          })
        ).text(),
      turn: async (page, connections) => {
        const cpu = server.cpuMs();
        const r = await loadRun({
          url,
          bodies: subjects[page].map((v) => body(page, v)),
          connections,
          seconds: HTTP_SECONDS,
        });
        if (r.errors > 0) throw new Error(`${name} ${page}: ${r.errors} failed requests under load`);
        return (server.cpuMs() - cpu) / r.requests;
      },
      close: () => server.stop(),
    };
  }

  // Only the in-process runner loads the app itself; over HTTP it runs in the tree's bench server.
  const [{ createApp }, { createDb }] = await Promise.all([from(tree, 'src/app.ts'), from(tree, 'src/db/client.ts')]);
  const db = createDb(client);
  // Budgets out of the way: the cost plugin still runs and charges, it just never refuses.
  const app = createApp({ getDb: () => db, limits: { costBudget: 1e12, costRestoreRate: 1e12 }, log: () => {} });
  const post = (page: OperationName, variables: Variables): Promise<string> =>
    workload.postInProcess(app, queries.get(page), variables);
  return {
    name,
    subjects,
    post,
    turn: async (page, k) => {
      const start = performance.now();
      let next = 0;
      // `concurrency` requests in flight at a time, as that many clients would keep them.
      const worker = async () => {
        for (let i = next++; i < k; i = next++)
          await post(page, subjects[page][i % subjects[page].length] as Variables);
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      return (performance.now() - start) / k;
    },
    close: async () => client.close(),
  };
}

/** A checkout of `rev` in the temporary directory, with its dependencies installed; reused by later runs. */
function checkout(rev: string): string {
  const sha = execFileSync('git', ['rev-parse', '--short', `${rev}^{commit}`], { cwd: ROOT, encoding: 'utf8' }).trim();
  const dir = join(tmpdir(), 'kb-bench-ab', sha);
  if (existsSync(join(dir, 'node_modules', '.package-lock.json'))) return dir;
  mkdirSync(join(tmpdir(), 'kb-bench-ab'), { recursive: true });
  execFileSync('git', ['worktree', 'prune'], { cwd: ROOT });
  if (!existsSync(dir)) execFileSync('git', ['worktree', 'add', '--detach', dir, sha], { cwd: ROOT, stdio: 'inherit' });
  // No install scripts: the API needs no build step, only its packages.
  execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
  return dir;
}

/** The 25th, 50th and 75th percentiles. */
function quartiles(xs: number[]): [number, number, number] {
  const sorted = [...xs].sort((a, b) => a - b);
  return [percentile(sorted, 25), percentile(sorted, 50), percentile(sorted, 75)];
}
const pct = (ratio: number) => `${ratio >= 1 ? '+' : ''}${((ratio - 1) * 100).toFixed(1)}%`;

/** Alternating turns of the two versions; the medians of each and of the pairs' ratios (ours / ref). */
async function paired(ref: () => Promise<number>, ours: () => Promise<number>, rounds: number) {
  const refMs: number[] = [];
  const ourMs: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    // Who goes first alternates, so neither always runs on a machine the other just warmed or loaded.
    const [x, y] = r % 2 ? [await ref(), await ours()] : [await ours(), await ref()].reverse();
    refMs.push(x as number);
    ourMs.push(y as number);
    ratios.push((y as number) / (x as number));
  }
  return { ref: quartiles(refMs)[1], ours: quartiles(ourMs)[1], ratios: quartiles(ratios) };
}

async function main() {
  const argv = process.argv.slice(2);
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const rev = argv.find((a) => !a.startsWith('--'));
  const refDir = value('ref-dir');
  if (!rev && !refDir) throw new Error('usage: npm run bench:ab -- REV (a commit to compare with) or --ref-dir=DIR');
  const http = argv.includes('--http');
  const sizes = (value('sizes') ?? '1000,10000').split(',').map(Number);
  const pages = (value('ops')?.split(',') ?? OPERATIONS.map((o) => o.name)) as OperationName[];
  const unknown = pages.filter((p) => !OPERATIONS.some((o) => o.name === p));
  if (unknown.length) throw new Error(`unknown --ops: ${unknown.join(', ')}`);
  const rounds = Number(value('rounds') ?? 15);
  const batchMs = Number(value('batch-ms') ?? 500);
  const concurrency = Number(value('concurrency') ?? 1);
  if (![rounds, batchMs, concurrency].every((n) => Number.isInteger(n) && n > 0))
    throw new Error('--rounds, --batch-ms and --concurrency take positive whole numbers');
  const refTree = refDir ?? checkout(rev as string);
  const refName = rev ?? refDir ?? '';

  console.log(
    http
      ? `server CPU ms per request over HTTP; median of ${rounds} alternating pairs of ${HTTP_SECONDS}-second load runs`
      : `ms per request in process, ${concurrency} at a time; median of ${rounds} alternating pairs of ~${batchMs} ms batches`,
  );
  console.log(`reference: ${refName}`);
  console.log('corpus  page      conn   reference   this tree   change   (middle half of pairs)');
  for (const size of sizes) {
    const db = join(CORPUS_DIR, `${label(size)}.db`);
    const refDb = join(value('ref-corpus') ?? CORPUS_DIR, `${label(size)}.db`);
    for (const path of new Set([db, refDb]))
      if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run bench:corpus -- ${size}\` first`);
    const ref = await load(refName, refTree, refDb, http, concurrency);
    // A failure must not leave bench servers running behind it.
    const ours = await load('this tree', ROOT, db, http, concurrency).catch(async (err) => {
      await ref.close();
      throw err;
    });
    try {
      // Two corpora may hold different data (a generator change); then differing answers are reported.
      const differ: string[] = [];
      for (const page of pages) {
        for (const [i, variables] of ours.subjects[page].entries()) {
          const a = JSON.parse(await ref.post(page, ref.subjects[page][i] as Variables));
          const b = JSON.parse(await ours.post(page, variables));
          if (a.errors || b.errors || !b.data)
            throw new Error(`${label(size)} ${page}: ${JSON.stringify(a.errors ?? b.errors).slice(0, 300)}`);
          const diff = firstDifference(a.data, b.data);
          if (diff && refDb === db)
            throw new Error(`${label(size)} ${page}: the answers differ, so the work does (${diff})`);
          if (diff) differ.push(`${page} #${i + 1}: ${diff}`);
        }
        // Warm-up (the JIT, SQLite's page cache); in process it also sizes the batches.
        const warm = Math.max(await ref.turn(page, http ? 1 : 30), await ours.turn(page, http ? 1 : 30));
        for (const n of http ? [1, 16] : [Math.max(30, Math.ceil(batchMs / warm))]) {
          const r = await paired(
            () => ref.turn(page, n),
            () => ours.turn(page, n),
            rounds,
          );
          const [q1, mid, q3] = r.ratios;
          console.log(
            `${label(size).padEnd(7)} ${page.padEnd(9)} ${String(http ? n : concurrency).padStart(4)} ${r.ref.toFixed(2).padStart(11)} ${r.ours.toFixed(2).padStart(11)} ${pct(mid).padStart(8)}   (${pct(q1)} to ${pct(q3)})`,
          );
        }
      }
      if (differ.length) console.log(`        (the corpora differ: ${differ.length} answers, e.g. ${differ[0]})`);
    } finally {
      await ref.close();
      await ours.close();
    }
  }
}

await main();
