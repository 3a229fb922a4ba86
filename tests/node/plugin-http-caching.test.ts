import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, appOver, codes, get, PERSON_QUERY, post, type Seeded, seeded } from './hardening-helpers';

let s: Seeded;
let app: App;
beforeAll(async () => {
  s = await seeded();
  app = appOver(s.db, { env: { DATASET_VERSION_TTL_MS: '0' } });
});
afterAll(() => s.client.close());

const DATASET_QUERY = '{ dataset { version loadedAt counts { articles people events mentions } } }';

describe('GET responses', () => {
  it('carry Cache-Control (max-age, stale-while-revalidate) and a weak ETag of dataset version and answer', async () => {
    const r = await get(app, { query: DATASET_QUERY });
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=600');
    const version = r.body.data.dataset.version;
    expect(r.headers.get('etag')).toMatch(new RegExp(`^W/"${version}-[0-9a-f]{32}"$`));
    expect(r.headers.get('vary')).toMatch(/Accept/);
    expect(r.body.data.dataset.counts.articles).toBeGreaterThan(0);
    expect(r.body.data.dataset.loadedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('answer 304 Not Modified, with no body, to If-None-Match with the current ETag', async () => {
    const first = await get(app, { query: PERSON_QUERY });
    const etag = first.headers.get('etag') as string;
    const again = await get(app, { query: PERSON_QUERY }, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('cache-control')).toMatch(/max-age=60/);
    expect(again.headers.get('x-request-id')).toBeTruthy();
    // A list of tags, the strong form of the same tag and `*` match too; another tag does not.
    expect((await get(app, { query: PERSON_QUERY }, { 'if-none-match': `"x", ${etag.slice(2)}` })).status).toBe(304);
    expect((await get(app, { query: PERSON_QUERY }, { 'if-none-match': '*' })).status).toBe(304);
    expect((await get(app, { query: PERSON_QUERY }, { 'if-none-match': 'W/"other"' })).status).toBe(200);
  });

  it('keep their ETag when only the budget changes (extensions are not part of it), also without the response cache', async () => {
    // A stopped clock: no points come back between the two requests, however slow the machine.
    const now = () => 0;
    const cached = appOver(s.db, { env: { DATASET_VERSION_TTL_MS: '0' }, now });
    const noCache = appOver(s.db, { env: { RESPONSE_CACHE_TTL_MS: '0', DATASET_VERSION_TTL_MS: '0' }, now });
    for (const a of [cached, noCache]) {
      const one = await get(a, { query: PERSON_QUERY });
      const two = await get(a, { query: PERSON_QUERY });
      expect(two.body.extensions.cost.currentlyAvailable).toBeLessThan(one.body.extensions.cost.currentlyAvailable);
      expect(two.headers.get('etag')).toBe(one.headers.get('etag'));
    }
    expect((await get(noCache, { query: PERSON_QUERY })).headers.get('x-response-cache')).toBe('MISS');
  });

  it('change their ETag when the answer changes', async () => {
    const a = await get(app, { query: '{ articles(first: 1) { edges { node { slug } } } }' });
    const b = await get(app, { query: '{ articles(first: 2) { edges { node { slug } } } }' });
    expect(a.headers.get('etag')).not.toBe(b.headers.get('etag'));
    const c = await get(app, {
      query: 'query($n: Int) { articles(first: $n) { edges { node { slug } } } }',
      variables: { n: 1 },
    });
    expect(c.headers.get('etag')).toBe(a.headers.get('etag')); // same answer, same tag
  });

  it('are not cacheable when they carry errors', async () => {
    const r = await get(app, { query: '{ articles(first: 101) { totalCount } }' });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.headers.get('etag')).toBeNull();
    expect(r.headers.get('cache-control')).toBe('no-store');
  });
});

describe('POST responses', () => {
  it('are no-store, carry no ETag, never come from the response cache and read nothing but the query', async () => {
    const query = '{ person(slug: "luu-duc-minh") { name roles { totalCount } } }';
    s.statements.length = 0;
    const one = await post(app, query);
    const first = [...s.statements];
    s.statements.length = 0;
    const two = await post(app, query);
    expect(two.body.data).toEqual(one.body.data);
    expect(s.statements).toEqual(first); // executed again, same statements
    expect(first.some((q) => /FROM dataset/i.test(q))).toBe(false);
    expect(two.headers.get('cache-control')).toBe('no-store');
    expect(two.headers.get('etag')).toBeNull();
    expect(two.headers.get('x-response-cache')).toBeNull();
  });
});
