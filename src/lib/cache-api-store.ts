// The Worker's response-cache store: answers in isolate memory, in front of the Cache API (caches.default),
// so an answer computed by one isolate serves the others in the same location. Cache API entries expire
// with Cache-Control max-age; one read back into memory lives only what is left of its TTL.
import type { ExecutionResult } from 'graphql';
import type { ResponseCacheStore } from '../plugins/response-cache';
import { createMemoryStore } from '../plugins/response-cache';

/** The part of the Workers Cache API this uses (typed structurally: Node code compiles without Workers types). */
export interface CacheApiLike {
  match(request: Request): Promise<Response | undefined>;
  put(request: Request, response: Response): Promise<void>;
}

const KEY_ORIGIN = 'https://response-cache.graphql.internal/';
/** Our keys are SHA-256 hex; the plugin also looks up any If-None-Match value, which is never one. */
const KEY = /^[0-9a-f]{64}$/;

export function createCacheApiStore(
  cacheApi: CacheApiLike,
  memory: ResponseCacheStore = createMemoryStore(),
): ResponseCacheStore & { flush(): Promise<void> } {
  const pending = new Set<Promise<void>>();
  const request = (key: string) => new Request(KEY_ORIGIN + key);
  return {
    async get(key) {
      if (!KEY.test(key)) return null;
      const hit = await memory.get(key);
      if (hit) return hit;
      try {
        const res = await cacheApi.match(request(key));
        if (!res) return null;
        const left = Number(res.headers.get('x-expires-at')) - Date.now();
        const result = (await res.json()) as ExecutionResult;
        if (left > 0) await memory.set(key, result, [], left);
        return result;
      } catch {
        return null; // the Cache API is a best-effort layer
      }
    },
    async set(key, result, entities, ttl) {
      await memory.set(key, result, entities, ttl);
      if (!KEY.test(key) || !(ttl > 0) || !Number.isFinite(ttl)) return;
      const put = cacheApi
        .put(
          request(key),
          new Response(JSON.stringify(result), {
            headers: {
              'content-type': 'application/json',
              'cache-control': `public, max-age=${Math.max(1, Math.floor(ttl / 1000))}`,
              'x-expires-at': String(Date.now() + ttl),
            },
          }),
        )
        .catch(() => undefined)
        .finally(() => pending.delete(put));
      pending.add(put);
    },
    // Read-only data: a new dataset version changes every key, nothing is invalidated by entity.
    invalidate() {},
    async flush() {
      await Promise.all([...pending]);
    },
  };
}
