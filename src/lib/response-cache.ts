// The server-side response cache for GET operations. Node: an in-memory LRU. Workers: the same LRU per
// isolate in front of the Cache API (caches.default), so an answer computed by one isolate serves the
// others in the same data center. Keys include the dataset version, so a new version never sees an old
// answer; entries expire with the configured TTL (Cache-Control max-age on the Cache API side).
// The API is public and read-only, so there are no sessions, no private fields and no invalidation: the
// cache only needs a key per operation, a TTL, and to leave out answers with errors and introspection.
import { BREAK, type DocumentNode, type ExecutionResult, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { LRUCache } from './lru';

/** Marks an answer taken from the cache (the hardening plugin charges its cost and reports a HIT). */
export const SERVED_FROM_CACHE = Symbol.for('servedFromResponseCache');

export interface ResponseCache {
  get(key: string): ExecutionResult | undefined | Promise<ExecutionResult | undefined>;
  set(key: string, result: ExecutionResult, ttlMs: number): void;
  /** Resolves when every write started so far has finished (for `ctx.waitUntil`). */
  flush?(): Promise<void>;
}

/** The part of the Workers Cache API this uses (typed structurally: Node code compiles without Workers types). */
export interface CacheApiLike {
  match(request: Request): Promise<Response | undefined>;
  put(request: Request, response: Response): Promise<void>;
}

const KEY_ORIGIN = 'https://response-cache.graphql.internal/';

/** Least recently used answers go first once `max` are kept; expired ones are never returned. */
export function createMemoryCache(max = 1000): ResponseCache {
  const entries = new LRUCache<string, ExecutionResult>({ max });
  return {
    get: (key) => entries.get(key),
    set: (key, result, ttlMs) => void entries.set(key, result, { ttl: ttlMs }),
  };
}

export function createCacheApiStore(
  cacheApi: CacheApiLike,
  memory: ResponseCache = createMemoryCache(),
): ResponseCache & { flush(): Promise<void> } {
  const pending = new Set<Promise<void>>();
  const request = (key: string) => new Request(KEY_ORIGIN + encodeURIComponent(key));
  return {
    async get(key) {
      const hit = await memory.get(key);
      if (hit) return hit;
      try {
        const res = await cacheApi.match(request(key));
        if (!res) return undefined;
        const result = (await res.json()) as ExecutionResult;
        memory.set(key, result, Number(res.headers.get('x-ttl-ms')) || 1000);
        return result;
      } catch {
        return undefined; // the Cache API is a best-effort layer
      }
    },
    set(key, result, ttlMs) {
      memory.set(key, result, ttlMs);
      if (!(ttlMs > 0) || !Number.isFinite(ttlMs)) return;
      const seconds = Math.max(1, Math.floor(ttlMs / 1000));
      const put = cacheApi
        .put(
          request(key),
          new Response(JSON.stringify(result), {
            headers: {
              'content-type': 'application/json',
              'cache-control': `public, max-age=${seconds}`,
              'x-ttl-ms': String(ttlMs),
            },
          }),
        )
        .catch(() => undefined)
        .finally(() => pending.delete(put));
      pending.add(put);
    },
    async flush() {
      await Promise.all([...pending]);
    },
  };
}

export interface ResponseCacheOptions {
  cache: ResponseCache;
  ttlMs: number;
  /** Whether this request may be answered from, and stored in, the cache. */
  enabled: (request: Request) => boolean;
  /** The key of an operation (called for every request, cached or not). */
  key: (operation: {
    documentString: string;
    variableValues?: Record<string, unknown> | null;
    operationName?: string | null;
    request: Request;
  }) => string | Promise<string>;
}

/** Introspection answers are never cached (they are large and GraphiQL asks for them once). */
function readsSchema(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value !== '__schema') return;
      found = true;
      return BREAK;
    },
  });
  return found;
}

/**
 * Looks the operation up once its parameters are known (after persisted operations resolved the hash),
 * before parsing: a hit skips parsing, validation and execution. A successful execution is stored.
 */
export function useResponseCache(opts: ResponseCacheOptions): Plugin {
  const keys = new WeakMap<Request, string>();
  return {
    async onParams({ params, request, setResult }) {
      const key = await opts.key({
        documentString: params.query || '',
        variableValues: params.variables,
        operationName: params.operationName,
        request,
      });
      if (!opts.enabled(request)) return;
      keys.set(request, key);
      const hit = await opts.cache.get(key);
      if (hit) setResult({ ...hit, [SERVED_FROM_CACHE]: true } as ExecutionResult);
    },
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      const key = request && keys.get(request);
      if (!key || readsSchema(args.document)) return;
      return {
        onExecuteDone({ result }) {
          if (Symbol.asyncIterator in result || result.errors?.length) return;
          opts.cache.set(key, result, opts.ttlMs);
        },
      };
    },
  };
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
