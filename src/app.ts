// The one GraphQL application. Both entries (Node server, Worker) build it once and differ only in how
// they get a database for a request, who the client is, and where the response cache lives. Limits and
// caching (src/lib/hardening.ts) come from one typed configuration (src/lib/limits.ts).
import { createYoga, type YogaServerOptions } from 'graphql-yoga';
import type { Context } from './context';
import type { Db } from './db/client';
import { CostBuckets } from './lib/bucket';
import { hardeningPlugins, REQUEST_ID_HEADER, RESPONSE_CACHE_HEADER, type RequestLimit } from './lib/hardening';
import { type Limits, readLimits } from './lib/limits';
import { maskClientErrors, UNEXPECTED_MESSAGE, wasMasked } from './lib/mask';
import { PERSISTED_OPERATIONS } from './lib/persisted';
import { createMemoryCache, type ResponseCache } from './lib/response-cache';
import { schema } from './schema';

export interface AppOptions<TServerContext extends Record<string, unknown>> {
  /** The database for a request, from the server context (Node: fixed; Worker: from `env`). */
  getDb: (serverContext: TServerContext) => Db;
  /** GraphiQL renderer; the Node server passes one with inlined assets so it works offline. */
  renderGraphiQL?: YogaServerOptions<TServerContext, Context>['renderGraphiQL'];
  /**
   * Where the documented variables (MAX_DEPTH, COST_BUDGET, …) are read from: the Worker passes its
   * `env`; by default Node's process.env. Unset ones keep their defaults (DEFAULT_LIMITS).
   */
  env?: Record<string, unknown>;
  /** Settings given in code: they win over `env` (tests, benchmarks). */
  limits?: Partial<Limits>;
  /** The client a request counts against (Node: remote address; Worker: cf-connecting-ip). */
  clientKey?: (request: Request, serverContext: TServerContext) => string;
  /** A per-request limiter consulted before anything runs (Worker: the rate-limiting binding). */
  requestLimiter?: (request: Request, serverContext: TServerContext, key: string) => Promise<RequestLimit>;
  /** Where the response cache keeps answers (default: in memory; Worker: memory + Cache API). */
  responseCache?: ResponseCache;
  /** The persisted-operations manifest (default: the committed persisted-operations.json). */
  persistedOperations?: Readonly<Record<string, string>>;
  /** Clock in milliseconds (tests move it instead of sleeping). */
  now?: () => number;
  /** Structured server-side log, one object per line (default: JSON on stderr). */
  log?: (entry: Record<string, unknown>) => void;
}

const jsonLog = (entry: Record<string, unknown>) => {
  console.error(JSON.stringify({ time: new Date().toISOString(), ...entry }));
};

export function createApp<TServerContext extends Record<string, unknown> = Record<string, unknown>>(
  opts: AppOptions<TServerContext>,
) {
  const limits = readLimits(opts.env ?? globalThis.process?.env ?? {}, opts.limits);
  const now = opts.now ?? Date.now;
  const log = opts.log ?? jsonLog;
  const errorText = (args: unknown[]) =>
    args.map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
  return createYoga<TServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // Introspection and GraphiQL stay on: this is a public, read-only API meant to be explored in a
    // playground (docs/limits-and-caching.md). GET serves GraphiQL to browsers (Accept: text/html).
    graphiql: { title: 'Vietnam–Korea smart-city news: GraphQL', defaultQuery: DEFAULT_QUERY },
    renderGraphiQL: opts.renderGraphiQL,
    context: (initial) => ({ db: opts.getDb(initial) }),
    maskedErrors: { maskError: (error, message) => maskClientErrors(error, message), errorMessage: UNEXPECTED_MESSAGE },
    maxRequestBodySize: limits.maxBodyBytes,
    cors: {
      origin: limits.corsOrigins.includes('*') ? '*' : limits.corsOrigins,
      methods: ['GET', 'POST', 'OPTIONS'],
      credentials: false,
      exposedHeaders: [REQUEST_ID_HEADER, 'etag', 'retry-after', RESPONSE_CACHE_HEADER],
      maxAge: 86400,
    },
    // Masked errors are logged by the hardening plugin, once, with their request id; Yoga's logger keeps
    // warnings and any error that did not go through masking, as one JSON line.
    logging: {
      debug: () => {},
      info: () => {},
      warn: (...args: unknown[]) => log({ level: 'warn', message: errorText(args) }),
      error: (...args: unknown[]) => {
        if (args.some(wasMasked)) return;
        const err = args.find((a): a is Error => a instanceof Error);
        log({ level: 'error', message: errorText(args), stack: err?.stack });
      },
    },
    plugins: hardeningPlugins<TServerContext>({
      schema,
      limits,
      getDb: opts.getDb,
      clientKey: opts.clientKey ?? (() => 'anonymous'),
      buckets: new CostBuckets({ capacity: limits.costBudget, restoreRate: limits.costRestoreRate, now }),
      requestLimiter: opts.requestLimiter,
      responseCache: opts.responseCache ?? createMemoryCache(),
      persistedOperations: opts.persistedOperations ?? PERSISTED_OPERATIONS,
      now,
      log,
    }),
  });
}

const DEFAULT_QUERY = `# Articles in the knowledge base, newest first.
{
  articles(first: 5) {
    totalCount
    edges {
      node {
        slug
        title
      }
    }
  }
}
`;
