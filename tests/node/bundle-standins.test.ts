// Verifies the small modules the Worker bundle uses in place of packages (wrangler.toml [alias]) and the
// response cache's memory tier: LRU order and expiry, and base64 equal to Node's on any bytes.
import { describe, expect, it } from 'vitest';
import { LRUCache } from '../../src/lib/lru';
import { createMemoryCache } from '../../src/lib/response-cache';
import { Base64 } from '../../src/worker-stubs/base64';

describe('LRUCache', () => {
  it('evicts the least recently used entry once full', () => {
    const lru = new LRUCache<string, number>({ max: 2 });
    lru.set('a', 1).set('b', 2);
    expect(lru.get('a')).toBe(1); // `a` is now the most recent
    lru.set('c', 3);
    expect([lru.get('a'), lru.get('b'), lru.get('c'), lru.size]).toEqual([1, undefined, 3, 2]);
  });

  it('never returns an expired entry; reading does not extend its life; set does', () => {
    let t = 0;
    const lru = new LRUCache<string, number>({ max: 10, ttl: 100, now: () => t });
    lru.set('a', 1);
    lru.set('b', 2, { ttl: 500 });
    t = 99;
    expect(lru.get('a')).toBe(1);
    t = 100;
    expect(lru.get('a')).toBeUndefined();
    expect(lru.get('b')).toBe(2);
    lru.set('b', 3);
    t = 199;
    expect(lru.get('b')).toBe(3);
    t = 200;
    expect(lru.get('b')).toBeUndefined();
  });

  it('keeps the response cache at its size', async () => {
    const cache = createMemoryCache(2);
    cache.set('x', { data: { n: 1 } }, 60_000);
    cache.set('y', { data: { n: 2 } }, 60_000);
    cache.set('z', { data: { n: 3 } }, 60_000);
    expect([await cache.get('x'), await cache.get('z')]).toEqual([undefined, { data: { n: 3 } }]);
  });
});

describe('Base64 (the libSQL client in the Worker)', () => {
  it('encodes like Node and decodes standard, URL-safe, unpadded and spaced text', () => {
    for (let n = 0; n < 9000; n += 97) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 31 + n) % 256);
      const text = Buffer.from(bytes).toString('base64');
      expect(Base64.fromUint8Array(bytes)).toBe(text);
      for (const variant of [text, text.replace(/=+$/, ''), Buffer.from(bytes).toString('base64url'), ` ${text}\n`]) {
        expect(Buffer.from(Base64.toUint8Array(variant)).equals(Buffer.from(bytes))).toBe(true);
      }
    }
  });
});
