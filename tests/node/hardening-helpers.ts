// Shared by the hardening-*.test.ts files: the real app over a real seeded in-memory database, built with
// chosen settings (never from process.env), plus small GET/POST helpers that keep status and headers.
import { type Client, createClient } from '@libsql/client';
import { type AppOptions, createApp } from '../../src/app';
import { createDb, type Db } from '../../src/db/client';
import { loadSeed } from '../../src/seed/load';
import { countingClient } from '../helpers/harness';

export const URL_BASE = 'http://localhost/graphql';

export interface Seeded {
  client: Client;
  db: Db;
  /** SQL statements sent through `db` since the last reset. */
  statements: string[];
}

export async function seeded(): Promise<Seeded> {
  const client = createClient({ url: ':memory:' });
  await loadSeed(client);
  const statements: string[] = [];
  return { client, db: createDb(countingClient(client, statements)), statements };
}

type Options = Partial<AppOptions<Record<string, unknown>>>;

/** The app with `opts`; settings come from `opts.env` / `opts.limits` only, never from process.env. */
export function appOver(db: Db, opts: Options = {}) {
  return createApp({ getDb: () => db, env: {}, log: () => {}, ...opts });
}

export type App = ReturnType<typeof appOver>;

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field
export type Body = any;

export interface Answer {
  status: number;
  headers: Headers;
  body: Body;
  text: string;
}

async function answer(res: Response): Promise<Answer> {
  const text = await res.text();
  let body: Body;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, body, text };
}

export async function post(
  app: App,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return answer(
    await app.fetch(URL_BASE, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
      body: JSON.stringify({ query, variables }),
    }),
  );
}

/** A GraphQL-over-HTTP GET: `params` values that are objects are sent as JSON. */
export function getUrl(params: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined) search.set(k, typeof v === 'string' ? v : JSON.stringify(v));
  }
  return `${URL_BASE}?${search}`;
}

export async function get(app: App, params: Record<string, unknown>, headers: Record<string, string> = {}) {
  return answer(
    await app.fetch(getUrl(params), { headers: { accept: 'application/graphql-response+json', ...headers } }),
  );
}

export const codes = (a: Answer): unknown[] => (a.body?.errors ?? []).map((e: Body) => e.extensions?.code);

/** The README's first example ("One person across articles"): cost 85 under the default page size. */
export const PERSON_QUERY = `{
  person(slug: "luu-duc-minh") {
    name
    articles { totalCount }
    roles { edges { node { title(lang: EN) organization { name(lang: EN) } article { slug } mention { text } } } }
  }
}`;
export const PERSON_QUERY_COST = 85;
