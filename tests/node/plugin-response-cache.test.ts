// Verifies the server-side response cache (@graphql-yoga/plugin-response-cache) for GET operations: HIT on the second request without SQL, same data, x-response-cache on every GET answer; answers with errors, introspection and POST requests never stored; RESPONSE_CACHE_TTL_MS=0 turns it off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, appOver, codes, get, PERSON_QUERY, post, type Seeded, seeded } from './hardening-helpers';

let s: Seeded;
let app: App;
beforeAll(async () => {
  s = await seeded();
  app = appOver(s.db);
});
afterAll(() => s.client.close());

describe('response cache', () => {
  it('answers the second GET from the cache, with the same data and no SQL', async () => {
    const query = '{ articles(first: 2) { totalCount edges { node { slug title } } } }';
    const miss = await get(app, { query });
    expect(miss.headers.get('x-response-cache')).toBe('MISS');
    s.statements.length = 0;
    const hit = await get(app, { query });
    expect(hit.headers.get('x-response-cache')).toBe('HIT');
    expect(hit.body.data).toEqual(miss.body.data);
    expect(s.statements).toEqual([]);
    // Equal variables in another key order are the same entry.
    const vars = 'query($n: Int, $a: String) { articles(first: $n, after: $a) { totalCount } }';
    await get(app, { query: vars, variables: { n: 1, a: null } });
    expect((await get(app, { query: vars, variables: { a: null, n: 1 } })).headers.get('x-response-cache')).toBe('HIT');
  });

  it('never stores answers with errors, introspection, or POST answers', async () => {
    for (let i = 0; i < 2; i++) {
      const failed = await get(app, { query: '{ articles(first: 101) { totalCount } }' });
      expect(codes(failed)).toEqual(['BAD_USER_INPUT']);
      expect(failed.headers.get('x-response-cache')).toBe('MISS');
      const introspection = await get(app, { query: '{ __schema { queryType { name } } }' });
      expect(introspection.body.data.__schema.queryType.name).toBe('Query');
      expect(introspection.headers.get('x-response-cache')).toBe('MISS');
    }
    await post(app, PERSON_QUERY);
    s.statements.length = 0;
    const again = await post(app, PERSON_QUERY);
    expect(again.headers.get('x-response-cache')).toBeNull();
    expect(s.statements.length).toBeGreaterThan(0);
  });

  it('is off with RESPONSE_CACHE_TTL_MS=0', async () => {
    const off = appOver(s.db, { env: { RESPONSE_CACHE_TTL_MS: '0' } });
    await get(off, { query: PERSON_QUERY });
    s.statements.length = 0;
    const second = await get(off, { query: PERSON_QUERY });
    expect(second.headers.get('x-response-cache')).toBe('MISS');
    expect(s.statements.length).toBeGreaterThan(0);
  });
});
