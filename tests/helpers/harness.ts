// A real database per test file: libSQL in memory, built by the real migrations and the real seed,
// served by the real Yoga app. The client is wrapped only to count the SQL statements a request runs.
import { type Client, createClient, type InStatement } from '@libsql/client';
import { createApp } from '../../src/app';
import { createDb } from '../../src/db/client';
import { loadSeed } from '../../src/seed/load';

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
  extensions?: Record<string, unknown>;
}

export interface Harness {
  client: Client;
  /** Statements sent to the database since the last `resetStatements()`. */
  statements: string[];
  resetStatements(): void;
  yoga: ReturnType<typeof createApp>;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>>;
  close(): void;
}

function sqlOf(s: InStatement): string {
  return typeof s === 'string' ? s : s.sql;
}

/** Counts every statement that reaches the database through execute/batch, whoever sends it. */
export function countingClient(inner: Client, log: string[]): Client {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === 'execute') {
        return (stmt: InStatement | string, args?: unknown) => {
          log.push(sqlOf(stmt as InStatement));
          // biome-ignore lint/suspicious/noExplicitAny: forwarding both execute overloads unchanged
          return (target.execute as any)(stmt, args);
        };
      }
      if (prop === 'batch') {
        return (stmts: InStatement[], mode?: unknown) => {
          for (const s of stmts) log.push(sqlOf(s));
          // biome-ignore lint/suspicious/noExplicitAny: forwarding unchanged
          return (target.batch as any)(stmts, mode);
        };
      }
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

export async function createHarness(opts: { seedDir?: string } = {}): Promise<Harness> {
  const client = createClient({ url: ':memory:' });
  await loadSeed(client, { dir: opts.seedDir });
  const statements: string[] = [];
  const db = createDb(countingClient(client, statements));
  const yoga = createApp({ getDb: () => db });
  return {
    client,
    statements,
    resetStatements: () => {
      statements.length = 0;
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
