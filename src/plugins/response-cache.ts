// The server-side response cache (@graphql-yoga/plugin-response-cache) for GET operations: a hit skips
// parsing, validation and execution (its cost is still charged: src/plugins/cost-budget.ts). Keys are the
// SHA-256 of dataset version, document, operation name and variables (keys sorted), so a new dataset
// load never sees an old answer; the API is read-only, so nothing else invalidates. Answers with errors
// and introspection (`__schema`, the plugin's default) are never stored. Stores: the plugin's in-memory
// LRU on Node; on the Worker, isolate memory in front of the Cache API (src/lib/cache-api-store.ts).
// `x-response-cache: HIT|MISS` says which on every GET answer. The plugin's own ETag (its cache key) is
// not used: the HTTP validator is an ETag of the answer itself (src/plugins/http-caching.ts).
import { type Cache, createInMemoryCache, useResponseCache } from '@graphql-yoga/plugin-response-cache';
import type { Plugin } from 'graphql-yoga';
import { sha256Hex } from '../lib/persisted';
import type { RequestStates } from '../lib/request-state';

export const RESPONSE_CACHE_HEADER = 'x-response-cache';
/** How @graphql-yoga/plugin-response-cache marks an answer it served. */
export const SERVED_FROM_CACHE = Symbol.for('servedFromResponseCache');

/** A response-cache store; `flush` resolves once its background writes are done (Worker: waitUntil). */
export interface ResponseCacheStore extends Cache {
  flush?(): Promise<void>;
}

export const createMemoryStore = (max = 1000): ResponseCacheStore => createInMemoryCache({ max });

export interface ResponseCacheOptions<TServerContext> {
  store: ResponseCacheStore;
  /** RESPONSE_CACHE_TTL_MS; 0 turns the cache off. */
  ttlMs: number;
  states: RequestStates<TServerContext>;
}

/** JSON with object keys sorted at every level: equal variables give equal cache keys. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`)
    .join(',')}}`;
}

export function useDatasetResponseCache<TServerContext extends Record<string, unknown>>(
  opts: ResponseCacheOptions<TServerContext>,
): Plugin[] {
  const { store, ttlMs, states } = opts;
  const answered = new WeakSet<Request>();
  // GET only: those are the cacheable requests, and POST answers keep measuring the database.
  const enabled = (request: Request) => request.method === 'GET' && ttlMs > 0 && !!states.of(request).version;
  return [
    useResponseCache({
      cache: store,
      ttl: ttlMs,
      enabled,
      session: () => null,
      buildResponseCacheKey: async ({ documentString, variableValues, operationName, request }) => {
        const version = states.of(request).version;
        if (!enabled(request) || !version) return '';
        return sha256Hex(
          [version, documentString, operationName ?? '', stableStringify(variableValues ?? {})].join('|'),
        );
      },
      // No entity tracking: nothing is invalidated by id (there are no mutations), and asking every
      // object for its `id` would only add work.
      idFields: [],
      invalidateViaMutation: false,
      includeExtensionMetadata: false,
    }),
    {
      onResultProcess({ request, result, setResult }) {
        answered.add(request);
        const r = result as { extensions?: Record<string, unknown> };
        if (typeof r !== 'object' || r === null || !r.extensions?.http) return;
        // The plugin's ETag and Last-Modified headers ride in `extensions.http`: drop them.
        const { http: _http, ...extensions } = r.extensions;
        setResult({ ...r, extensions } as never);
      },
      onResponse({ request, response, serverContext }) {
        if (!answered.has(request)) return;
        if (request.method === 'GET') {
          response.headers.set(RESPONSE_CACHE_HEADER, states.of(request).cacheHit ? 'HIT' : 'MISS');
        }
        if (store.flush) (serverContext as { waitUntil?: (p: Promise<unknown>) => void }).waitUntil?.(store.flush());
      },
    },
  ];
}
