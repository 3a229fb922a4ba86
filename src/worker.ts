// Cloudflare Worker entry: the same app, with the database from `env` over HTTP (Turso / libSQL server),
// limits from `env` vars, the per-client cost budget per isolate plus the Workers rate-limiting binding
// (when bound) per request, and the response cache in isolate memory backed by the Cache API.
// The HTTP client only (README: the Worker takes http(s)/libsql URLs): `/web` also bundles the WebSocket one.
import { createClient } from '@libsql/client/http';
import { createApp } from './app';
import { createDb, type Db } from './db/client';
import { renderGraphiQLFromAssets } from './graphiql-assets';
import { type CacheApiLike, createCacheApiStore } from './lib/cache-api-store';

/** The Workers rate-limiting binding (typed structurally: it is optional). */
interface RateLimiterBinding {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

export interface Env {
  LIBSQL_URL: string;
  LIBSQL_AUTH_TOKEN?: string;
  /** [[ratelimits]] in wrangler.toml; absent in tests and local runs without it. */
  RATE_LIMITER?: RateLimiterBinding;
  /** The documented limits (MAX_DEPTH, COST_BUDGET, …) as vars; unset ones keep their defaults. */
  [name: string]: unknown;
}

/** The binding's window (wrangler.toml `period`): how long a refused client should wait at most. */
const RATE_LIMIT_PERIOD_S = 60;

// One client per isolate and URL: creating it per request would throw away its HTTP connection.
const dbs = new Map<string, Db>();
function dbFor(env: Env): Db {
  if (!env.LIBSQL_URL) throw new Error('LIBSQL_URL is not configured');
  const key = `${env.LIBSQL_URL}\0${env.LIBSQL_AUTH_TOKEN ?? ''}`;
  let db = dbs.get(key);
  if (!db) {
    db = createDb(createClient({ url: env.LIBSQL_URL, authToken: env.LIBSQL_AUTH_TOKEN }));
    dbs.set(key, db);
  }
  return db;
}

const clientIp = (request: Request) => request.headers.get('cf-connecting-ip');

function build(env: Env) {
  const cacheApi = (globalThis as { caches?: { default?: CacheApiLike } }).caches?.default;
  return createApp<Env>({
    getDb: dbFor,
    env,
    clientKey: (request) => clientIp(request) ?? 'anonymous',
    // Cloudflare sets cf-connecting-ip on every request it forwards; without it (tests, local runs)
    // there is no client to count and the binding is not consulted.
    requestLimiter: async (request, ctx) => {
      const ip = clientIp(request);
      if (!ctx.RATE_LIMITER || !ip) return { ok: true };
      const { success } = await ctx.RATE_LIMITER.limit({ key: ip });
      return success ? { ok: true } : { ok: false, retryAfter: RATE_LIMIT_PERIOD_S };
    },
    responseCache: cacheApi ? createCacheApiStore(cacheApi) : undefined,
    // GraphiQL from the project's static assets ([assets] in wrangler.toml), not from a CDN.
    renderGraphiQL: renderGraphiQLFromAssets,
  });
}

// Built on the first request (the limits are vars in `env`), then reused by the isolate.
let app: ReturnType<typeof build> | undefined;

export default {
  fetch(request: Request, env: Env, ctx: { waitUntil(promise: Promise<unknown>): void }): Response | Promise<Response> {
    app ??= build(env);
    return app.fetch(request, env, ctx);
  },
};
