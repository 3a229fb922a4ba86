// The one GraphQL application. Both entries (Node server, Worker) build it once and differ only in how
// they get a database for a request, who the client is, and where the response cache lives. Limits and
// caching are one plugin per job (src/plugins/), configured from one typed object (src/lib/limits.ts).
import { createYoga, type Plugin, type YogaServerOptions } from 'graphql-yoga';
import type { Context } from './context';
import type { Db } from './db/client';
import { CostBuckets } from './lib/bucket';
import { type Limits, readLimits } from './lib/limits';
import { maskClientErrors, UNEXPECTED_MESSAGE, wasMasked } from './lib/mask';
import { PERSISTED_OPERATIONS } from './lib/persisted';
import { REQUEST_ID_HEADER, RequestStates } from './lib/request-state';
import { useAnyOriginCors } from './plugins/cors';
import { useCostBudget } from './plugins/cost-budget';
import { useCsrfForCookies } from './plugins/csrf';
import { useDatasetVersion } from './plugins/dataset-version';
import { useErrorCodes } from './plugins/error-codes';
import { useExecutionTimeout } from './plugins/execution-timeout';
import { useHttpCaching } from './plugins/http-caching';
import { usePersisted } from './plugins/persisted-operations';
import { useQueryLimits } from './plugins/query-limits';
import { type RequestLimit, useRateLimit } from './plugins/rate-limit';
import { useReadOnlyOperations } from './plugins/read-only';
import { useRequestId } from './plugins/request-id';
import { useRequestShape } from './plugins/request-shape';
import {
  createMemoryStore,
  RESPONSE_CACHE_HEADER,
  type ResponseCacheStore,
  useDatasetResponseCache,
} from './plugins/response-cache';
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
  responseCache?: ResponseCacheStore;
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
    // Masked errors are logged by useErrorCodes, once, with their request id; Yoga's logger keeps
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
    plugins: plugins(opts, limits, now, log),
  });
}

/**
 * The plugins, in the order they run (each hook runs in this order: onRequest top to bottom, then
 * onParams, validation, execution, result processing and onResponse).
 */
function plugins<TServerContext extends Record<string, unknown>>(
  opts: AppOptions<TServerContext>,
  limits: Limits,
  now: () => number,
  log: (entry: Record<string, unknown>) => void,
): Plugin[] {
  const states = new RequestStates<TServerContext>(opts.clientKey ?? (() => 'anonymous'));
  const buckets = new CostBuckets({ capacity: limits.costBudget, restoreRate: limits.costRestoreRate, now });
  const list: Array<Plugin<Record<string, unknown>, TServerContext> | Plugin | false | undefined> = [
    // Request id and client first: every later step, and every response, can say which request it was.
    useRequestId(states),
    // The per-request limiter (Worker: the rate-limiting binding), before anything reads or parses.
    opts.requestLimiter && limits.rateLimitBinding && useRateLimit({ limiter: opts.requestLimiter, states, buckets }),
    // GET operations read the dataset version: the key of cached answers and ETags.
    useDatasetVersion({ getDb: opts.getDb, states, ttlMs: limits.datasetVersionTtlMs, now }),
    // Requests with cookies must show a CSRF header.
    useCsrfForCookies(),
    // Unreadable requests and over-long documents are refused with a code.
    useRequestShape(limits),
    // A persisted operation's hash becomes its document (or, in persisted-only mode, nothing else runs).
    usePersisted(opts.persistedOperations ?? PERSISTED_OPERATIONS, limits.persistedOperationsOnly),
    // The cost budget notes the operation here and charges it at execution, or on a cache hit; before
    // the response cache, so a refused operation never reaches the cache's executor.
    useCostBudget({ schema, limits, buckets, states }),
    // GET answers from the response cache: a hit skips parsing, validation and execution.
    ...useDatasetResponseCache({
      store: opts.responseCache ?? createMemoryStore(),
      ttlMs: limits.responseCacheTtlMs,
      states,
    }),
    // Query limits: tokens while parsing; directives, aliases and depth while validating.
    ...useQueryLimits(limits),
    // No mutations or subscriptions: a validation error, not an execution one.
    useReadOnlyOperations(),
    // Execution stops after EXECUTION_TIMEOUT_MS.
    useExecutionTimeout(limits.executionTimeoutMs),
    // Stable codes and request ids on every error; masked failures and outages logged once.
    useErrorCodes(states, log),
    // `Access-Control-Allow-Origin: *` without `Vary: Origin` when any origin is allowed.
    useAnyOriginCors(limits.corsOrigins.includes('*')),
    // Cache-Control, ETag and 304 for GET answers; `no-store` for everything else.
    useHttpCaching(limits, states),
  ];
  return list.filter(Boolean) as Plugin[];
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
