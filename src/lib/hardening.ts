// The limits and the caching of the public API, as Yoga plugins (one place for the order they run in):
//   request id, per-request limiter (Worker binding), dataset version (GET) → CSRF (requests with cookies)
//   → query type and length → persisted operations → response cache lookup (GET) → document limits (tokens
//   while parsing; depth, aliases, directives while validating) → cost and budget (at execute, over the
//   validated document and the variables; cache hits are charged too) → execution timeout → error codes,
//   request ids, `extensions.cost`, masked-error log → Cache-Control, ETag, 304, x-request-id.
// POST requests never read the database here: only GET requests read the (cached) dataset version.
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import {
  type ASTVisitor,
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  type OperationTypeNode,
  parse,
  type ValidationContext,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Db } from '../db/client';
import type { BucketStatus, CostBuckets } from './bucket';
import { operationCost } from './cost';
import { DatasetVersionCache } from './dataset-version';
import { documentLimitPlugins } from './document-limits';
import { ErrorCode, httpError, LIMIT_CODES } from './errors';
import type { Limits } from './limits';
import { originalOf } from './mask';
import { sha256Hex } from './persisted';
import { type ResponseCache, SERVED_FROM_CACHE, stableStringify, useResponseCache } from './response-cache';

export const REQUEST_ID_HEADER = 'x-request-id';
export const RESPONSE_CACHE_HEADER = 'x-response-cache';
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The outcome of a per-request limiter (the Workers rate-limiting binding). */
export type RequestLimit = { ok: true } | { ok: false; retryAfter: number };

export interface HardeningOptions<TServerContext> {
  schema: GraphQLSchema;
  limits: Limits;
  getDb: (serverContext: TServerContext) => Db;
  /** Who is asking: the key of the client's cost bucket. */
  clientKey: (request: Request, serverContext: TServerContext) => string;
  buckets: CostBuckets;
  requestLimiter?: (request: Request, serverContext: TServerContext, key: string) => Promise<RequestLimit>;
  responseCache: ResponseCache;
  persistedOperations: Readonly<Record<string, string>>;
  now: () => number;
  log: (entry: Record<string, unknown>) => void;
}

interface Operation {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

interface RequestState {
  id: string;
  key: string;
  /** Dataset version, read for GET operations only (null: unknown, nothing cacheable). */
  version?: string | null;
  cost?: number;
  budget?: BucketStatus;
  operation?: Operation;
  etag?: string;
  cacheHit?: boolean;
  hasResult?: boolean;
}

interface Result {
  data?: unknown;
  errors?: readonly unknown[];
  extensions?: Record<string, unknown>;
}

function isPlainResult(r: unknown): r is Result {
  return typeof r === 'object' && r !== null && !Array.isArray(r) && !(Symbol.asyncIterator in r);
}

function isGraphQLGet(request: Request, url: URL): boolean {
  return request.method === 'GET' && (url.searchParams.has('query') || url.searchParams.has('extensions'));
}

/** `If-None-Match` holds `tag` (weak comparison, lists and `*` allowed). */
function matchesEtag(header: string | null, tag: string): boolean {
  if (!header) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || bare(t) === bare(tag));
}

/** graphql-js 16 only notices a missing root type while executing; say it while validating (400). */
function ReadOnlyOperationsRule(ctx: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (node.operation !== 'query' && !ctx.getSchema().getRootType(node.operation as OperationTypeNode)) {
        ctx.reportError(
          new GraphQLError(`This API is read-only: it has no ${node.operation} operations.`, { nodes: node }),
        );
      }
    },
  };
}

export function hardeningPlugins<TServerContext extends Record<string, unknown>>(
  opts: HardeningOptions<TServerContext>,
): Plugin[] {
  const { limits, buckets, schema } = opts;
  const states = new WeakMap<Request, RequestState>();
  const versions = new DatasetVersionCache(limits.datasetVersionTtlMs, opts.now);
  const documents = new Map<string, DocumentNode>();
  const effectiveMaxCost = Math.min(limits.maxQueryCost, limits.costBudget);

  const stateOf = (request: Request, serverContext?: TServerContext): RequestState => {
    let s = states.get(request);
    if (!s) {
      const incoming = request.headers.get(REQUEST_ID_HEADER);
      s = {
        id: incoming && SANE_REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID(),
        key: serverContext ? opts.clientKey(request, serverContext) : 'anonymous',
      };
      states.set(request, s);
    }
    return s;
  };

  /** A document already validated once (it is in the response cache), parsed again for its cost. */
  const parsedOnce = (query: string): DocumentNode => {
    let doc = documents.get(query);
    if (!doc) {
      doc = parse(query);
      if (documents.size >= 500) documents.delete(documents.keys().next().value as string);
      documents.set(query, doc);
    }
    return doc;
  };

  const costMessage = (cost: number) =>
    cost > limits.maxQueryCost
      ? `Query cost ${cost} exceeds the maximum of ${limits.maxQueryCost}: ask for smaller pages or fewer nested lists.`
      : `Query cost ${cost} exceeds the client budget of ${limits.costBudget}.`;

  /** Takes the cost from the client's bucket; an error when it cannot (cost limit, or budget spent). */
  const charge = (state: RequestState, cost: number): GraphQLError | null => {
    state.cost = cost;
    if (cost > effectiveMaxCost) {
      state.budget = buckets.peek(state.key);
      return httpError(costMessage(cost), ErrorCode.COST_LIMIT_EXCEEDED, 400);
    }
    const taken = buckets.take(state.key, cost);
    state.budget = taken;
    if (!taken.ok) {
      return httpError(
        `Rate limited: this query costs ${cost}, ${taken.currentlyAvailable} of ${taken.maximumAvailable} points are left (${taken.restoreRate} come back per second). Retry in ${taken.retryAfter} s.`,
        ErrorCode.RATE_LIMITED,
        429,
        { 'Retry-After': String(taken.retryAfter) },
      );
    }
    return null;
  };

  const csrf = useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf', 'apollo-require-preflight'] });

  const core: Plugin<Record<string, unknown>, TServerContext> = {
    async onRequest({ request, serverContext, endResponse, fetchAPI, url }) {
      const state = stateOf(request, serverContext);
      if (request.method === 'OPTIONS') return;
      if (opts.requestLimiter && limits.rateLimitBinding) {
        const limit = await opts.requestLimiter(request, serverContext, state.key);
        if (!limit.ok) {
          state.budget = buckets.peek(state.key);
          const body = {
            errors: [
              {
                message: `Rate limited: too many requests. Retry in ${limit.retryAfter} s.`,
                extensions: { code: ErrorCode.RATE_LIMITED, requestId: state.id },
              },
            ],
            extensions: { cost: { requestedQueryCost: 0, ...state.budget } },
          };
          endResponse(
            new fetchAPI.Response(JSON.stringify(body), {
              status: 429,
              headers: {
                'content-type': 'application/json; charset=utf-8',
                'retry-after': String(limit.retryAfter),
              },
            }),
          );
          return;
        }
      }
      if (isGraphQLGet(request, url as URL)) {
        state.version = await versions.get(opts.getDb(serverContext));
      }
    },

    onRequestParse({ requestParser, setRequestParser }) {
      // A request the parser cannot read (e.g. GET `variables=` that is not JSON) is the client's error.
      if (!requestParser) return;
      setRequestParser(async (req) => {
        try {
          return await requestParser(req);
        } catch (err) {
          if (err instanceof GraphQLError) throw err;
          throw httpError(
            `The request could not be read: ${err instanceof SyntaxError ? 'a parameter is not valid JSON' : 'malformed request'}.`,
            ErrorCode.BAD_REQUEST,
            400,
          );
        }
      });
    },

    onParams({ params, request }) {
      const query = params.query as unknown;
      // Checked before the persisted-operations plugin, which treats a falsy `query` (0, false) as absent.
      if (query != null && typeof query !== 'string') {
        const kind = Array.isArray(query) ? 'array' : typeof query;
        throw httpError(`Expected "query" param to be a string, but given ${kind}.`, ErrorCode.BAD_REQUEST, 400);
      }
      if (typeof query === 'string' && query.length > limits.maxQueryLength) {
        throw httpError(
          `Query is ${query.length} characters long; the limit is ${limits.maxQueryLength}.`,
          ErrorCode.PAYLOAD_TOO_LARGE,
          400,
        );
      }
      stateOf(request);
    },

    onValidate({ addValidationRule }) {
      addValidationRule(ReadOnlyOperationsRule);
    },

    onExecute({ args, setResultAndStopExecution }) {
      const context = args.contextValue as { request?: Request };
      if (!context.request) return;
      const state = stateOf(context.request);
      const cost = operationCost(args.schema, {
        document: args.document,
        operationName: args.operationName,
        variables: args.variableValues as Record<string, unknown> | undefined,
      });
      const refused = charge(state, cost);
      if (refused) {
        setResultAndStopExecution({ errors: [refused] });
        return;
      }
      // The execution timeout: the executor stops resolving and answers with the abort reason.
      const controller = new AbortController();
      const timer = setTimeout(
        () =>
          controller.abort(
            httpError(
              `Execution took longer than ${limits.executionTimeoutMs} ms and was stopped.`,
              ErrorCode.TIMEOUT,
              503,
            ),
          ),
        limits.executionTimeoutMs,
      );
      (timer as { unref?: () => void }).unref?.();
      const signals = [controller.signal, context.request.signal].filter(
        (s): s is AbortSignal => s instanceof AbortSignal,
      );
      (args as { signal?: AbortSignal }).signal = signals.length > 1 ? AbortSignal.any(signals) : controller.signal;
      return {
        onExecuteDone() {
          clearTimeout(timer);
        },
      };
    },

    onExecutionResult({ result, setResult, request }) {
      const state = stateOf(request);
      // Served by the response cache before execution: charge its cost all the same.
      if (isPlainResult(result) && SERVED_FROM_CACHE in result && state.cost === undefined && state.operation) {
        const cost = operationCost(schema, {
          document: parsedOnce(state.operation.query),
          operationName: state.operation.operationName,
          variables: state.operation.variables,
        });
        const refused = charge(state, cost);
        if (refused) setResult({ errors: [refused] });
        else state.cacheHit = true;
      }
    },

    async onResultProcess({ request, result, setResult }) {
      const state = stateOf(request);
      state.hasResult = true;
      if (!isPlainResult(result)) return;
      const errors = result.errors?.map((e) => normalizeError(e, state, opts.log));
      const budget = state.budget ?? buckets.peek(state.key);
      const { [SERVED_FROM_CACHE]: _hit, ...rest } = result as Result & { [SERVED_FROM_CACHE]?: unknown };
      const out: Result = {
        ...rest,
        ...(errors ? { errors } : {}),
        extensions: {
          ...result.extensions,
          cost: {
            requestedQueryCost: state.cost ?? 0,
            maximumAvailable: budget.maximumAvailable,
            currentlyAvailable: budget.currentlyAvailable,
            restoreRate: budget.restoreRate,
          },
        },
      };
      if (request.method === 'GET' && state.version && !errors?.length && 'data' in result) {
        // The ETag covers the answer and the dataset version, never `extensions` (the budget changes).
        const hash = await sha256Hex(JSON.stringify({ data: result.data }));
        state.etag = `W/"${state.version}-${hash.slice(0, 32)}"`;
      }
      setResult(out as never);
    },

    onResponse({ request, response, setResponse, fetchAPI, serverContext }) {
      const state = stateOf(request);
      const headers = response.headers;
      headers.set(REQUEST_ID_HEADER, state.id);
      if (limits.corsOrigins.includes('*') && headers.has('access-control-allow-origin')) {
        // Any origin, no credentials: the literal `*` keeps shared caches from splitting per origin.
        headers.set('access-control-allow-origin', '*');
        const vary = (headers.get('vary') ?? '')
          .split(',')
          .map((v) => v.trim())
          .filter((v) => v && v.toLowerCase() !== 'origin');
        if (vary.length) headers.set('vary', vary.join(', '));
        else headers.delete('vary');
      }
      if (!state.hasResult) return;
      if (opts.responseCache.flush) {
        const waitUntil = (serverContext as { waitUntil?: (p: Promise<unknown>) => void }).waitUntil;
        waitUntil?.(opts.responseCache.flush());
      }
      headers.delete('last-modified'); // the response cache's; our validator is the ETag
      if (request.method === 'GET') headers.set(RESPONSE_CACHE_HEADER, state.cacheHit ? 'HIT' : 'MISS');
      if (state.etag && response.status === 200) {
        headers.set('etag', state.etag);
        headers.set(
          'cache-control',
          `public, max-age=${limits.cacheMaxAge}, stale-while-revalidate=${limits.cacheStaleWhileRevalidate}`,
        );
        headers.set('vary', [headers.get('vary'), 'Accept'].filter(Boolean).join(', '));
        if (matchesEtag(request.headers.get('if-none-match'), state.etag)) {
          const notModified = new fetchAPI.Headers(headers);
          notModified.delete('content-type');
          notModified.delete('content-length');
          setResponse(new fetchAPI.Response(null, { status: 304, headers: notModified }));
        }
      } else {
        headers.set('cache-control', 'no-store');
        headers.delete('etag');
      }
    },
  };

  return [
    core as Plugin,
    {
      // CSRF prevention applies to requests that carry credentials (cookies): only those can ride on a
      // user's session. This API sets no cookies and allows no credentials in CORS, so it is defence in
      // depth for deployments next to cookie-using sites.
      onRequestParse(payload) {
        if (payload.request.headers.has('cookie')) return csrf.onRequestParse?.(payload as never);
      },
    } as Plugin,
    usePersistedOperations({
      getPersistedOperation: (key) => opts.persistedOperations[key] ?? null,
      allowArbitraryOperations: !limits.persistedOperationsOnly,
      customErrors: {
        notFound: {
          message: 'PersistedQueryNotFound',
          extensions: { code: ErrorCode.PERSISTED_QUERY_NOT_FOUND, http: { status: 400, spec: false } },
        },
        persistedQueryOnly: {
          message: 'Only persisted operations are accepted here: send extensions.persistedQuery.sha256Hash.',
          extensions: { code: ErrorCode.PERSISTED_QUERY_NOT_FOUND, http: { status: 400, spec: false } },
        },
        keyNotFound: {
          message: 'Must provide query string.',
          extensions: { code: ErrorCode.BAD_REQUEST, http: { status: 400, spec: false } },
        },
      },
    }) as Plugin,
    useResponseCache({
      cache: opts.responseCache,
      ttlMs: limits.responseCacheTtlMs,
      // GET operations only: they are the cacheable ones, and POST answers keep measuring the database.
      enabled: (request) => request.method === 'GET' && limits.responseCacheTtlMs > 0 && !!states.get(request)?.version,
      key: ({ documentString, variableValues, operationName, request }) => {
        const state = stateOf(request);
        state.operation = { query: documentString, variables: variableValues, operationName };
        if (request.method !== 'GET' || !state.version) return 'uncached';
        return sha256Hex(
          [state.version, documentString, operationName ?? '', stableStringify(variableValues ?? {})].join('|'),
        );
      },
    }),
    ...documentLimitPlugins(limits),
  ];
}

/** A copy of an error with its stable code, HTTP status and the request id; logs masked ones. */
function normalizeError(
  raw: unknown,
  state: RequestState,
  log: (entry: Record<string, unknown>) => void,
): GraphQLError {
  const e =
    raw instanceof GraphQLError
      ? raw
      : new GraphQLError(String((raw as { message?: unknown })?.message ?? raw), {
          extensions: (raw as { extensions?: Record<string, unknown> })?.extensions,
        });
  const ext = { ...(e.extensions as Record<string, unknown>) };
  const http = ext.http as { status?: number; spec?: boolean; headers?: Record<string, string> } | undefined;
  let code = typeof ext.code === 'string' ? ext.code : undefined;
  if (code === 'REQUEST_ENTITY_TOO_LARGE') code = ErrorCode.PAYLOAD_TOO_LARGE;
  else if (code === 'OPERATION_RESOLUTION_FAILURE') code = ErrorCode.GRAPHQL_VALIDATION_FAILED;
  else if (code === ErrorCode.GRAPHQL_VALIDATION_FAILED && /^Maximum introspection depth exceeded/.test(e.message)) {
    code = ErrorCode.DEPTH_LIMIT_EXCEEDED;
  } else if (code === undefined) {
    if (ext.unexpected) code = ErrorCode.INTERNAL_SERVER_ERROR;
    // An HTTP-level refusal (no place in the document): CSRF, unreadable request.
    else if (http?.status && !e.locations?.length) code = ErrorCode.BAD_REQUEST;
    // Otherwise it is about the operation's values: variable coercion, an unknown operation name.
    else code = ErrorCode.BAD_USER_INPUT;
  } else if (!(Object.values(ErrorCode) as string[]).includes(code)) {
    code = http?.status && http.status >= 500 ? ErrorCode.INTERNAL_SERVER_ERROR : ErrorCode.BAD_REQUEST;
  }
  ext.code = code;
  if (LIMIT_CODES.has(code)) ext.http = { ...http, status: 400, spec: false };
  ext.requestId = state.id;
  if (code === ErrorCode.INTERNAL_SERVER_ERROR) {
    const original = originalOf(e);
    const err = original instanceof Error ? original : undefined;
    log({
      level: 'error',
      msg: 'masked error',
      requestId: state.id,
      message: (err?.message ?? String(original ?? e.message)).slice(0, 2000),
      ...(err?.cause instanceof Error ? { cause: err.cause.message.slice(0, 2000) } : {}),
      stack: err?.stack?.slice(0, 4000),
      path: e.path,
    });
  }
  return new GraphQLError(e.message, {
    nodes: e.nodes,
    source: e.source,
    positions: e.positions,
    path: e.path,
    extensions: ext,
  });
}
