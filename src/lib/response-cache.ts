// Storage for Yoga's response cache. Node: the plugin's in-memory LRU. Workers: the same LRU per isolate
// in front of the Cache API (caches.default), so an answer computed by one isolate serves the others in
// the same data center. Keys already include the dataset version, so a new version never sees an old
// answer; entries expire with the configured TTL (Cache-Control max-age on the Cache API side).
import { type Cache, createInMemoryCache } from '@graphql-yoga/plugin-response-cache';
import type { ExecutionResult } from 'graphql';

/** The part of the Workers Cache API this uses (typed structurally: Node code compiles without Workers types). */
export interface CacheApiLike {
  match(request: Request): Promise<Response | undefined>;
  put(request: Request, response: Response): Promise<void>;
}

const KEY_ORIGIN = 'https://response-cache.graphql.internal/';

export interface TieredCache extends Cache {
  /** Resolves when every Cache API write started so far has finished (for `ctx.waitUntil`). */
  flush(): Promise<void>;
}

export function createMemoryCache(max = 1000): Cache {
  return createInMemoryCache({ max });
}

export function createCacheApiStore(cacheApi: CacheApiLike, memory: Cache = createMemoryCache()): TieredCache {
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
        await memory.set(key, result, [], Number(res.headers.get('x-ttl-ms')) || 1000);
        return result;
      } catch {
        return undefined; // the Cache API is a best-effort layer
      }
    },
    set(key, data, entities, ttl) {
      memory.set(key, data, entities, ttl);
      if (!(ttl > 0) || !Number.isFinite(ttl)) return;
      const seconds = Math.max(1, Math.floor(ttl / 1000));
      const put = cacheApi
        .put(
          request(key),
          new Response(JSON.stringify(data), {
            headers: {
              'content-type': 'application/json',
              'cache-control': `public, max-age=${seconds}`,
              'x-ttl-ms': String(ttl),
            },
          }),
        )
        .catch(() => undefined)
        .finally(() => pending.delete(put));
      pending.add(put);
    },
    invalidate(entities) {
      return memory.invalidate(entities);
    },
    async flush() {
      await Promise.all([...pending]);
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
