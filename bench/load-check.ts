// `npm run load`: the canonical queries (bench/workload.ts: person, event and article pages, search without
// diacritics, organization timeline, path) under load against the real Node server (src/server.ts,
// spawned by scripts/server-process.ts on a free 127.0.0.1 port with a throwaway database and the
// per-client cost budget lifted), at concurrency 50: a warm-up until the server's RSS settles (bounded),
// then two identical rounds. Fails unless both rounds have zero errors and timeouts, zero non-2xx
// answers, no GraphQL `errors` in any body, and the server's resident memory after round 2 is within 10%
// of what it was after round 1 (no leak; read after a full GC in the server). Bounded: every round has a
// fixed duration, a hard deadline ends the run, and the server always goes with this process.
//
//   npm run load                   warm-up (5 s chunks, at most 8), two 20 s rounds at 50 connections
//   npm run load -- --quick        2 s warm-up chunks (at most 3), two 3 s rounds (CI, through
//                                  tests/node/attack-load.test.ts)
//   npm run load -- --duration 60 --connections 50 --warmup 5 --max-warmups 12 --timeout 30 --method GET --json
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createClient } from '@libsql/client';
import autocannon from 'autocannon';
import { type RunningServer, startServer } from '../scripts/server-process';
import { OPERATIONS, pickVariables } from './workload';

export interface LoadOptions {
  /** Seconds per measured round. */
  duration: number;
  /** Seconds per unmeasured warm-up chunk before round 1. */
  warmup: number;
  /**
   * Most warm-up chunks: warming goes on until the server's RSS grows less than 3% over a chunk (V8
   * grows its heap to a steady size under a new load: that is not a leak) or this many chunks ran.
   */
  maxWarmups: number;
  connections: number;
  /** POST (executes every time) or GET (cacheable: exercises the response cache). */
  method: 'POST' | 'GET';
  /**
   * Seconds without an answer after which a request counts as timed out (a failure). Generous: on a
   * 2-core machine running other jobs the tail latency of 50 queued connections reaches seconds.
   */
  timeout: number;
  /** Allowed RSS growth from round 1 to round 2 (0.1 = 10%). */
  rssTolerance: number;
  /** Print progress. */
  verbose: boolean;
}

export const LONG: LoadOptions = {
  duration: 20,
  warmup: 5,
  maxWarmups: 8,
  connections: 50,
  method: 'POST',
  timeout: 30,
  rssTolerance: 0.1,
  verbose: true,
};
export const QUICK: LoadOptions = { ...LONG, duration: 3, warmup: 2, maxWarmups: 3 };

/** RSS growth over one warm-up chunk below which the server counts as warmed up. */
const SETTLED = 0.03;

export interface RoundResult {
  name: string;
  seconds: number;
  requests: number;
  rps: number;
  latencyP50: number;
  latencyP99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Answers whose GraphQL body had `errors` (or was not JSON). */
  graphqlErrors: number;
  /** First few problem bodies, for the report. */
  samples: string[];
  /** Resident set size of the server after the round and a full GC (kB). */
  rssKb: number;
}

export interface LoadReport {
  options: LoadOptions;
  operations: number;
  /** Warm-up chunks run, and whether RSS had settled (grew < 3% over the last one) when they ended. */
  warmups: number;
  settled: boolean;
  rounds: RoundResult[];
  rssGrowth: number;
  failures: string[];
  ok: boolean;
}

// ---------------------------------------------------------------------------------------------------------
// The load.

interface CannedRequest {
  name: string;
  body: string;
  query: string;
  variables: Record<string, string>;
}

/** Every canonical operation with every set of variables the workload picks for this database. */
async function cannedRequests(dbFile: string): Promise<CannedRequest[]> {
  const client = createClient({ url: `file:${dbFile}` });
  try {
    const vars = await pickVariables(client);
    const out: CannedRequest[] = [];
    for (const op of OPERATIONS) {
      for (const v of vars[op.name]) {
        out.push({
          name: op.name,
          query: op.query,
          variables: v,
          body: JSON.stringify({ query: op.query, variables: v }),
        });
      }
    }
    return out;
  } finally {
    client.close();
  }
}

async function round(
  name: string,
  server: RunningServer,
  canned: CannedRequest[],
  opts: LoadOptions,
  seconds: number,
): Promise<RoundResult> {
  let graphqlErrors = 0;
  const samples: string[] = [];
  const onResponse = (status: number, body: string) => {
    let bad = status < 200 || status >= 300;
    if (!bad) {
      try {
        const parsed = JSON.parse(body) as { errors?: unknown; data?: unknown };
        bad = parsed.errors !== undefined || parsed.data === undefined;
      } catch {
        bad = true;
      }
    }
    if (bad) {
      graphqlErrors++;
      if (samples.length < 5) samples.push(`${status} ${body.slice(0, 300)}`);
    }
  };
  const requests = canned.map((c) =>
    opts.method === 'POST'
      ? { method: 'POST' as const, path: '/graphql', body: c.body, onResponse }
      : {
          method: 'GET' as const,
          path: `/graphql?${new URLSearchParams({ query: c.query, variables: JSON.stringify(c.variables) })}`,
          onResponse,
        },
  );
  const instance = autocannon({
    url: server.url,
    connections: opts.connections,
    duration: seconds,
    timeout: opts.timeout,
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    requests,
  }) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>;
  const r = await instance;
  // Let the answers in flight settle, collect the garbage, then read the memory.
  await new Promise((res) => setTimeout(res, 300));
  await server.collectGarbage();
  return {
    name,
    seconds,
    requests: r.requests.total,
    rps: Math.round(r.requests.average),
    latencyP50: r.latency.p50,
    latencyP99: r.latency.p99,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    graphqlErrors,
    samples,
    rssKb: server.rssKb(),
  };
}

/** Runs warm-up, round 1 and round 2 against a fresh server and judges them; always stops the server. */
export async function runLoad(opts: LoadOptions): Promise<LoadReport> {
  const say = (s: string) => {
    if (opts.verbose) console.log(s);
  };
  // One client on 127.0.0.1 is one budget: lift it so throttling is not counted as failure. Everything
  // else runs with the production defaults.
  const server = await startServer({ COST_BUDGET: '1000000000', COST_RESTORE_RATE: '1000000000' }, { gcHook: true });
  try {
    const canned = await cannedRequests(server.dbFile);
    say(
      `load: server pid ${server.pid} at ${server.url}; ${canned.length} canonical requests ` +
        `(${[...new Set(canned.map((c) => c.name))].join(', ')}), ${opts.method}, ${opts.connections} connections`,
    );
    // Every canned request must succeed on its own before it is multiplied.
    for (const c of canned) {
      const res = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: c.body,
        signal: AbortSignal.timeout(30_000),
      });
      const text = await res.text();
      if (res.status !== 200 || /"errors"/.test(text)) {
        throw new Error(
          `canonical ${c.name} ${JSON.stringify(c.variables)} fails on its own: ${res.status} ${text.slice(0, 500)}`,
        );
      }
    }
    const rounds: RoundResult[] = [];
    let warmups = 0;
    let settled = opts.warmup === 0;
    let rss = server.rssKb();
    while (!settled && warmups < opts.maxWarmups) {
      const w = await round(`warm-up ${++warmups}`, server, canned, opts, opts.warmup);
      say(line(w));
      settled = (w.rssKb - rss) / rss < SETTLED;
      rss = w.rssKb;
    }
    if (!settled) say(`load: RSS still growing after ${warmups} warm-up chunks; measuring anyway`);
    for (const name of ['round 1', 'round 2']) {
      const r = await round(name, server, canned, opts, opts.duration);
      rounds.push(r);
      say(line(r));
    }
    const [r1, r2] = rounds as [RoundResult, RoundResult];
    const rssGrowth = (r2.rssKb - r1.rssKb) / r1.rssKb;
    const failures: string[] = [];
    for (const r of rounds) {
      if (r.requests === 0) failures.push(`${r.name}: no requests completed`);
      if (r.errors > 0) failures.push(`${r.name}: ${r.errors} connection errors`);
      if (r.timeouts > 0) failures.push(`${r.name}: ${r.timeouts} timeouts`);
      if (r.non2xx > 0) failures.push(`${r.name}: ${r.non2xx} non-2xx answers`);
      if (r.graphqlErrors > 0) failures.push(`${r.name}: ${r.graphqlErrors} bodies with errors, e.g. ${r.samples[0]}`);
    }
    if (rssGrowth > opts.rssTolerance) {
      failures.push(
        `RSS grew ${(rssGrowth * 100).toFixed(1)}% from round 1 (${r1.rssKb} kB) to round 2 (${r2.rssKb} kB); ` +
          `allowed ${opts.rssTolerance * 100}%`,
      );
    }
    say(`load: RSS round 1 ${mb(r1.rssKb)}, round 2 ${mb(r2.rssKb)} (${signed(rssGrowth * 100)}%)`);
    return {
      options: opts,
      operations: canned.length,
      warmups,
      settled,
      rounds,
      rssGrowth,
      failures,
      ok: failures.length === 0,
    };
  } finally {
    await server.stop();
  }
}

function mb(kb: number): string {
  return `${(kb / 1024).toFixed(1)} MB`;
}

function signed(n: number): string {
  return `${n >= 0 ? '+' : ''}${n.toFixed(1)}`;
}

function line(r: RoundResult): string {
  return (
    `load: ${r.name.padEnd(10)} ${r.seconds}s  ${String(r.requests).padStart(7)} requests  ${String(r.rps).padStart(5)} req/s  ` +
    `p50 ${r.latencyP50} ms  p99 ${r.latencyP99} ms  errors ${r.errors}  timeouts ${r.timeouts}  ` +
    `non-2xx ${r.non2xx}  GraphQL errors ${r.graphqlErrors}  RSS ${mb(r.rssKb)}`
  );
}

// ---------------------------------------------------------------------------------------------------------
// CLI.

function optionsFromArgv(argv: string[]): LoadOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      'max-warmups': { type: 'string' },
      connections: { type: 'string' },
      method: { type: 'string' },
      timeout: { type: 'string' },
      'rss-tolerance': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const base = values.quick ? QUICK : LONG;
  const num = (name: string, raw: string | undefined, fallback: number, min: number, max: number) => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min || n > max) throw new Error(`--${name} must be a number from ${min} to ${max}`);
    return n;
  };
  const method = (values.method ?? base.method).toUpperCase();
  if (method !== 'POST' && method !== 'GET') throw new Error('--method must be POST or GET');
  return {
    duration: num('duration', values.duration, base.duration, 1, 600),
    warmup: num('warmup', values.warmup, base.warmup, 0, 120),
    maxWarmups: num('max-warmups', values['max-warmups'], base.maxWarmups, 1, 50),
    connections: num('connections', values.connections, base.connections, 1, 500),
    method,
    timeout: num('timeout', values.timeout, base.timeout, 1, 600),
    rssTolerance: num('rss-tolerance', values['rss-tolerance'], base.rssTolerance, 0, 10),
    verbose: !values.json,
  };
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const opts = optionsFromArgv(process.argv.slice(2));
  // Hard deadline: the rounds, the warm-up, startup and slack; then everything stops.
  const limitMs = (opts.warmup * opts.maxWarmups + 2 * opts.duration + 120) * 1000;
  const deadline = setTimeout(() => {
    console.error(`load: FAILED: still running after ${limitMs / 1000} s`);
    process.exit(1);
  }, limitMs);
  deadline.unref();
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => process.exit(128 + constants.signals[sig]));
  try {
    const report = await runLoad(opts);
    if (!opts.verbose) console.log(JSON.stringify(report));
    if (report.ok) console.log('load: ok');
    else console.error(`load: FAILED:\n  ${report.failures.join('\n  ')}`);
    process.exit(report.ok ? 0 : 1);
  } catch (err) {
    console.error(`load: FAILED: ${(err as Error).stack ?? err}`);
    process.exit(1);
  }
}
