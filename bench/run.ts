// `npm run bench` (1k, 10k, 100k articles) and `npm run bench -- --quick` (1k and 10k, short runs): builds
// any missing corpus, then per corpus starts bench/server.ts, checks that baselines A and B give exactly
// our answers, counts SQL statements per request, load-tests every operation × {ours, A, B} × {1, 16}
// connections, and finally measures the Worker bundle and cold start. Writes bench/results/<date>.json
// and BENCHMARKS.md, and prints the tables.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@libsql/client';
import { BenchServer } from './bench-server';
import { firstDifference } from './compare';
import { CORPUS_DIR, type CorpusInfo, generateCorpus, label, readCorpusInfo, upgradeCorpus } from './corpus/generate';
import { type LoadResult, loadRun, percentile } from './load';
import { renderMarkdown, renderTables } from './report';
import { type BenchResult, MODES, type Mode, type OpResult, type SizeResult } from './types';
import { bundleSize, coldStart } from './worker';
import { OPERATIONS, type OperationName, pickVariables, type Variables } from './workload';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Above this single-request time an operation is not load-tested: its figures are single requests. */
let slowMs = 5000;
/** A single request slower than this is abandoned (the server is restarted to stop it). */
let requestTimeoutMs = 30_000;

function parseArgs(argv: string[]) {
  const quick = argv.includes('--quick');
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const sizes = (value('sizes') ?? (quick ? '1000,10000' : '1000,10000,100000')).split(',').map(Number);
  // autocannon counts whole seconds.
  const duration = Math.max(1, Math.round(Number(value('duration') ?? (quick ? 1 : 5))));
  const timeout = Number(value('timeout') ?? (quick ? 2 : 30));
  // Quick mode keeps its 3-minute budget by giving up on slow pages sooner.
  const slow = Number(value('slow') ?? (quick ? 1.5 : 5));
  // A subset of pages (`--ops=search,timeline`) is for working on one page; it never rewrites BENCHMARKS.md.
  const ops = value('ops')?.split(',') as OperationName[] | undefined;
  const unknown = ops?.filter((o) => !OPERATIONS.some((op) => op.name === o));
  if (unknown?.length) throw new Error(`unknown --ops: ${unknown.join(', ')}`);
  return { quick, sizes, duration, timeout, slow, ops, skipWorker: argv.includes('--no-worker') };
}

const endpoint = (mode: Mode) => (mode === 'ours' ? '/graphql' : mode === 'A' ? '/a' : '/b');
const requestBody = (mode: Mode, op: (typeof OPERATIONS)[number], variables: Variables) =>
  mode === 'A' ? JSON.stringify({ op: op.name, variables }) : JSON.stringify({ query: op.query, variables });

async function ask(
  server: BenchServer,
  mode: Mode,
  body: string,
  count: boolean,
): Promise<{ ms: number; json: unknown }> {
  const t = performance.now();
  const res = await fetch(server.base + endpoint(mode), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      ...(count ? { 'x-bench-count': '1' } : {}),
    },
    body,
    signal: AbortSignal.timeout(requestTimeoutMs),
  });
  const text = await res.text();
  const ms = performance.now() - t;
  if (res.status !== 200) throw new Error(`${mode} answered ${res.status}: ${text.slice(0, 300)}`);
  return { ms, json: JSON.parse(text) };
}

async function statements(server: BenchServer): Promise<number> {
  const res = await fetch(`${server.base}/__statements`);
  return ((await res.json()) as { statements: number }).statements;
}

async function ensureCorpus(n: number): Promise<{ info: CorpusInfo; path: string; generatedNow: boolean }> {
  mkdirSync(CORPUS_DIR, { recursive: true });
  const path = join(CORPUS_DIR, `${label(n)}.db`);
  const existing = readCorpusInfo(path);
  if (existing) {
    // A corpus from before a migration gets it applied (the migration fills its own derived data).
    const applied = await upgradeCorpus(path);
    if (applied.length > 0) console.error(`corpus ${label(n)}: upgraded with ${applied.join(', ')}`);
    return { info: existing, path, generatedNow: false };
  }
  console.error(`corpus ${label(n)}: generating ${n} articles into ${path}`);
  const tty = process.stderr.isTTY;
  const info = await generateCorpus({
    articles: n,
    path,
    progress: (line) => (tty ? process.stderr.write(`\r${line}   `) : console.error(line)),
    log: (line) => console.error(tty ? `\n${line}` : line),
  });
  if (tty) process.stderr.write('\n');
  console.error(
    `corpus ${label(n)}: ${info.seconds.toFixed(1)} s, ${(info.bytes / 2 ** 20).toFixed(0)} MiB (${info.counts.mentions} mentions, ${info.counts.search_documents} search rows)`,
  );
  return { info, path, generatedNow: true };
}

async function benchSize(n: number, duration: number, only?: OperationName[]): Promise<SizeResult> {
  const { info, path, generatedNow } = await ensureCorpus(n);
  const reader = createClient({ url: `file:${path}` });
  const variables = await pickVariables(reader);
  reader.close();
  const server = new BenchServer(path);
  await server.start();
  const ops: OpResult[] = [];
  try {
    for (const op of OPERATIONS) {
      if (only && !only.includes(op.name)) continue;
      const subjects = variables[op.name];
      const r: OpResult = {
        op: op.name,
        subjects,
        statements: { ours: [], A: [], B: [] },
        singleMs: { ours: [], A: [], B: [] },
        verified: { A: 'equal', B: 'equal' },
        load: { ours: [], A: [], B: [] },
      };
      // Un-timed single requests: statement counts, equality with our answer, and a time estimate.
      const timedOut = new Set<Mode>();
      for (const v of subjects) {
        let ours: unknown;
        for (const mode of MODES) {
          if (timedOut.has(mode)) {
            // One timeout is enough to know: the remaining subjects are not tried.
            r.singleMs[mode].push(null);
            r.statements[mode].push(Number.NaN);
            continue;
          }
          try {
            await statements(server);
            const { ms, json } = await ask(server, mode, requestBody(mode, op, v), true);
            r.statements[mode].push(await statements(server));
            r.singleMs[mode].push(ms);
            if (mode === 'ours') {
              ours = json;
              if ((json as { errors?: unknown }).errors)
                throw new Error(`errors: ${JSON.stringify(json).slice(0, 300)}`);
            } else {
              // Only `data` is compared: our responses also carry `extensions.cost`.
              const diff =
                ours === undefined
                  ? 'no answer of ours to compare'
                  : firstDifference((ours as { data?: unknown }).data, (json as { data?: unknown }).data);
              if (diff && r.verified[mode] === 'equal') r.verified[mode] = `differs for ${JSON.stringify(v)}: ${diff}`;
            }
          } catch (err) {
            if ((err as Error).name !== 'TimeoutError') throw err;
            console.error(`  ${label(n)} ${op.name} ${mode}: a single request took over ${requestTimeoutMs / 1000} s`);
            r.singleMs[mode].push(null);
            r.statements[mode].push(Number.NaN);
            timedOut.add(mode);
            if (mode !== 'ours') r.verified[mode] = `not all checked (over ${requestTimeoutMs / 1000} s)`;
            await server.restart();
          }
        }
      }
      // One decision per page, so ours, A and B are always measured the same way: a load run needs a few
      // requests per run, so a page whose slowest single request (in any implementation) exceeds the limit
      // is reported as single requests for all three.
      const limit = Math.min(slowMs, (duration * 1000) / 2);
      const slowest = Math.max(...MODES.flatMap((m) => r.singleMs[m].map((t) => t ?? Number.POSITIVE_INFINITY)));
      for (const mode of MODES) {
        const times = r.singleMs[mode];
        if (slowest > limit) {
          // Too slow to load-test in bounded time: report the single requests as they are.
          const done = times.filter((t): t is number => t !== null).sort((a, b) => a - b);
          const single: LoadResult = {
            connections: 1,
            seconds: done.reduce((s, t) => s + t, 0) / 1000,
            requests: done.length,
            p50: percentile(done, 50),
            p99: done.length < times.length ? Number.POSITIVE_INFINITY : percentile(done, 99),
            rps: Number.NaN,
            errors: times.length - done.length,
            single: true,
          };
          r.load[mode] = [single];
          continue;
        }
        const bodies = subjects.map((v) => requestBody(mode, op, v));
        // Untimed warm-up (three passes over the subjects), so no implementation is measured while its code
        // paths are still being compiled.
        for (let pass = 0; pass < 3; pass++) for (const b of bodies) await ask(server, mode, b, false);
        for (const connections of [1, 16]) {
          const res = await loadRun({ url: server.base + endpoint(mode), bodies, connections, seconds: duration });
          // Requests cut off at the end may still run on the server: wait for it to be idle again.
          await fetch(`${server.base}/__ping`);
          res.loadAverage = os.loadavg()[0];
          r.load[mode].push(res);
          console.error(
            `  ${label(n)} ${op.name.padEnd(8)} ${mode.padEnd(4)} c=${String(connections).padEnd(2)} p50 ${res.p50.toFixed(2)} ms  p99 ${res.p99.toFixed(2)} ms  ${res.rps.toFixed(0)} req/s${res.errors ? `  ${res.errors} errors` : ''}`,
          );
        }
      }
      ops.push(r);
    }
  } finally {
    await server.stop();
  }
  return { articles: n, corpus: info, generatedNow, ops };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  requestTimeoutMs = args.timeout * 1000;
  slowMs = args.slow * 1000;
  const started = performance.now();
  const date = new Date().toISOString();
  const result: BenchResult = {
    date,
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    quick: args.quick,
    durationSeconds: args.duration,
    timeoutSeconds: args.timeout,
    slowSeconds: args.slow,
    machine: {
      nproc: os.availableParallelism(),
      cpu: os.cpus()[0]?.model ?? 'unknown',
      memGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.type()} ${os.release()}`,
    },
    loadAverageAtStart: os.loadavg(),
    sizes: [],
    worker: { bundle: null, coldStart: null },
    phaseSeconds: {},
    wallSeconds: 0,
  };
  const phase = async (name: string, fn: () => Promise<void>) => {
    const t = performance.now();
    await fn();
    result.phaseSeconds[name] = (performance.now() - t) / 1000;
  };
  for (const n of args.sizes) {
    console.error(`== ${label(n)} articles`);
    await phase(label(n), async () => {
      result.sizes.push(await benchSize(n, args.duration, args.ops));
    });
  }
  if (!args.skipWorker) {
    console.error('== Worker: bundle and cold start');
    await phase('worker', async () => {
      result.worker.bundle = bundleSize();
      result.worker.coldStart = await coldStart();
    });
  }
  result.wallSeconds = (performance.now() - started) / 1000;

  const resultsDir = join(ROOT, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const suffix = args.ops ? `-${args.ops.join('-')}` : args.quick ? '-quick' : '';
  const jsonPath = join(resultsDir, `${date.slice(0, 10)}${suffix}.json`);
  writeFileSync(jsonPath, `${JSON.stringify(result, null, 2)}\n`);
  if (!args.ops && (!args.quick || process.argv.includes('--write-md'))) {
    writeFileSync(join(ROOT, 'BENCHMARKS.md'), renderMarkdown(result, jsonPath.slice(ROOT.length)));
  }
  console.log(renderTables(result));
  console.error(`results: ${jsonPath} (${result.wallSeconds.toFixed(0)} s)`);
}

// Importing this module (for its helpers or in a test) must not start a run.
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await main();
