// A real database per test file: libSQL in memory, built by the real migrations and the real seed,
// served by the real Yoga app. The client is wrapped only to count the SQL statements a request runs.
import { type Client, createClient, type InArgs, type InStatement } from '@libsql/client';
import { createApp } from '../../src/app';
import { createDb } from '../../src/db/client';
import type { Limits } from '../../src/lib/limits';
import { loadSeed } from '../../src/seed/load';

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
  extensions?: Record<string, unknown>;
}

/** One statement as sent, with its bound arguments (so a test can replay it, e.g. under EXPLAIN QUERY PLAN). */
export interface SqlCall {
  sql: string;
  args: InArgs | undefined;
}

export interface Harness {
  client: Client;
  /** Statements sent to the database since the last `resetStatements()`. */
  statements: string[];
  /** The same statements with their arguments, in the same order. */
  calls: SqlCall[];
  resetStatements(): void;
  yoga: ReturnType<typeof createApp>;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>>;
  close(): void;
}

function callOf(s: InStatement, args?: unknown): SqlCall {
  if (typeof s === 'string') return { sql: s, args: args as InArgs | undefined };
  return { sql: s.sql, args: s.args };
}

/**
 * Counts every statement that reaches the database through execute/batch, whoever sends it: its SQL
 * goes to `log`, and, when `calls` is given, its SQL and arguments go there too.
 */
export function countingClient(inner: Client, log: string[], calls?: SqlCall[]): Client {
  const record = (c: SqlCall) => {
    log.push(c.sql);
    calls?.push(c);
  };
  return new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === 'execute') {
        return (stmt: InStatement | string, args?: unknown) => {
          record(callOf(stmt as InStatement, args));
          // biome-ignore lint/suspicious/noExplicitAny: forwarding both execute overloads unchanged
          return (target.execute as any)(stmt, args);
        };
      }
      if (prop === 'batch') {
        return (stmts: InStatement[], mode?: unknown) => {
          for (const s of stmts) record(callOf(s));
          // biome-ignore lint/suspicious/noExplicitAny: forwarding unchanged
          return (target.batch as any)(stmts, mode);
        };
      }
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

/**
 * Limits lifted for functional tests that fetch whole lists in one deep query: the documented cost model
 * and depth limit (docs/limits-and-caching.md) would refuse those.
 */
export const LIFTED_LIMITS: Partial<Limits> = {
  maxDepth: 100,
  maxQueryCost: 1_000_000_000,
  costBudget: 1_000_000_000,
  costRestoreRate: 1_000_000_000,
};

/**
 * `limits` win over the environment (the app reads the documented variables from process.env); without
 * them the app runs with the documented defaults.
 */
export async function createHarness(
  opts: { seedDir?: string; limits?: Partial<Limits>; log?: Parameters<typeof createApp>[0]['log'] } = {},
): Promise<Harness> {
  const client = createClient({ url: ':memory:' });
  await loadSeed(client, { dir: opts.seedDir });
  const statements: string[] = [];
  const calls: SqlCall[] = [];
  const db = createDb(countingClient(client, statements, calls));
  const yoga = createApp({ getDb: () => db, limits: opts.limits, log: opts.log });
  return {
    client,
    statements,
    calls,
    resetStatements: () => {
      statements.length = 0;
      calls.length = 0;
    },
    yoga,
    async gql(query, variables) {
      const res = await yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as GqlResult;
      return { ...body, status: res.status } as GqlResult<never>;
    },
    close: () => client.close(),
  };
}
