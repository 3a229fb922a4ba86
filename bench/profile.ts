// `npm run bench:profile -- [size] [operation]`: where one page's time goes, in process (no HTTP): the same
// request through the full app (createApp: Yoga + hardening plugins + schema), through a bare Yoga over
// the same schema (no hardening), straight through graphql-js `execute` (no Yoga), and the SQL statements
// alone (captured from the request, then re-run on the client). Medians of repeated warm runs.
import type { Client, InStatement } from '@libsql/client';
import { execute, parse } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { createApp } from '../src/app';
import { createDb } from '../src/db/client';
import { openApiClient } from '../src/lib/readonly';
import { schema } from '../src/schema';
import { countingClient } from '../tests/helpers/harness';
import { baselineA } from './baseline-a';
import { CORPUS_DIR, label, pendingMigrations } from './corpus/generate';
import { percentile } from './load';
import { OPERATIONS, type OperationName, pickVariables, postInProcess } from './workload';

const size = Number(process.argv[2] ?? 1000);
const only = process.argv[3] as OperationName | undefined;
const path = `${CORPUS_DIR}/${label(size)}.db`;
const pending = await pendingMigrations(path);
if (pending.length > 0)
  throw new Error(`${path} predates ${pending.join(', ')}: run \`npm run bench:corpus -- ${size} --upgrade\` first`);
// The Node server's read handle (query-only, statements kept), for ours and both baselines alike.
const { client } = await openApiClient(`file:${path}`);
const ROUNDS = 60;

/** Captures the full statements (SQL and arguments) a request sends. */
function capturing(inner: Client, into: InStatement[]): Client {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === 'execute')
        return (s: InStatement | string, args?: unknown) => {
          into.push(typeof s === 'string' ? { sql: s, args: (args as never) ?? [] } : s);
          // biome-ignore lint/suspicious/noExplicitAny: forwarding both overloads unchanged
          return (target.execute as any)(s, args);
        };
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

async function median(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 5; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return percentile(
    times.sort((a, b) => a - b),
    50,
  );
}

const db = createDb(client);
const full = createApp({ getDb: () => db, limits: { costBudget: 1e9, costRestoreRate: 1e9 }, log: () => {} });
const bare = createYoga({ schema, context: () => ({ db }), landingPage: false, graphiql: false });
const A = baselineA(client);
const variables = await pickVariables(client);

console.log(`${label(size)} articles, median of ${ROUNDS} warm runs per cell (ms), first subject of each page`);
console.log('operation  full app  bare Yoga  execute()  SQL only  statements  baseline A');
for (const op of OPERATIONS) {
  if (only && op.name !== only) continue;
  const v = variables[op.name][0];
  const captured: InStatement[] = [];
  const log: string[] = [];
  const capDb = createDb(capturing(countingClient(client, log), captured));
  const document = parse(op.query);
  await execute({ schema, document, variableValues: v, contextValue: { db: capDb } });
  const stmts = [...captured];
  const cells = [
    await median(() => postInProcess(full as never, op.query, v)),
    await median(() => postInProcess(bare as never, op.query, v)),
    await median(() => Promise.resolve(execute({ schema, document, variableValues: v, contextValue: { db } }))),
    await median(async () => {
      for (const s of stmts) await client.execute(s);
    }),
  ];
  const a = await median(() => A[op.name](v as never));
  console.log(
    `${op.name.padEnd(9)} ${cells.map((c) => c.toFixed(2).padStart(9)).join(' ')} ${String(stmts.length).padStart(11)} ${a.toFixed(2).padStart(11)}`,
  );
}
client.close();
