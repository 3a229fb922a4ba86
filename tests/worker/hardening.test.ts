// Verifies the Worker's side of limits and caching inside workerd: cost in extensions, request ids, limits from the same app, GET caching through isolate memory and the Cache API (ETag, 304), persisted operations, the optional rate-limiting binding from wrangler.toml, and a database outage (503 DATABASE_UNAVAILABLE, then recovery).
import { env, exports } from 'cloudflare:workers';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PERSISTED_OPERATIONS, sha256Hex } from '../../src/lib/persisted';
import { stableStringify } from '../../src/plugins/response-cache';
import worker from '../../src/worker';

const ENDPOINT = 'http://worker.test/graphql';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field
type Body = any;

async function call(url: string, init: RequestInit = {}) {
  const res = await exports.default.fetch(url, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: (text ? JSON.parse(text) : undefined) as Body };
}

const post = (query: string) =>
  call(ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query }),
  });

const getUrl = (params: Record<string, unknown>) => {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) search.set(k, typeof v === 'string' ? v : JSON.stringify(v));
  return `${ENDPOINT}?${search}`;
};

beforeAll(async () => {
  await post('{ __typename }');
}, 60_000);

describe('Worker limits and caching', () => {
  it('puts the cost and the request id on every answer', async () => {
    const r = await post('{ articles(first: 2) { edges { node { slug } } } }');
    expect(r.status).toBe(200);
    expect(r.body.extensions.cost).toMatchObject({ requestedQueryCost: 4, maximumAvailable: 20000, restoreRate: 1000 });
    expect(r.headers.get('x-request-id')).toBeTruthy();
    expect(r.headers.get('cache-control')).toBe('no-store');
  });

  it('applies the document limits', async () => {
    const aliases = await post(`{ ${Array.from({ length: 16 }, (_, i) => `a${i}: __typename`).join(' ')} }`);
    expect(aliases.status).toBe(400);
    expect(aliases.body.errors.map((e: Body) => e.extensions.code)).toEqual(['ALIAS_LIMIT_EXCEEDED']);
    const cost = await post(
      '{ people(first: 100) { edges { node { quotes(first: 100) { edges { node { event { slug } } } } } } } }',
    );
    expect(cost.body.errors.map((e: Body) => e.extensions.code)).toEqual(['COST_LIMIT_EXCEEDED']);
  });

  it('serves GET with Cache-Control and ETag, from the response cache the second time, and 304 on If-None-Match', async () => {
    const url = getUrl({ query: '{ dataset { version counts { articles } } }' });
    const first = await call(url, { headers: { accept: 'application/graphql-response+json' } });
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag') as string;
    expect(etag).toMatch(new RegExp(`^W/"${first.body.data.dataset.version}-`));
    expect(first.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=600');
    const second = await call(url, { headers: { accept: 'application/graphql-response+json' } });
    expect(second.headers.get('x-response-cache')).toBe('HIT');
    expect(second.headers.get('etag')).toBe(etag);
    const notModified = await call(url, { headers: { 'if-none-match': etag } });
    expect(notModified.status).toBe(304);
    expect(notModified.text).toBe('');
  });

  it('keeps GET answers in the Cache API too (shared by the isolates of a location)', async () => {
    const query = '{ articles(first: 1) { totalCount } }';
    const first = await call(getUrl({ query }));
    expect(first.status).toBe(200);
    const version = (await post('{ dataset { version } }')).body.data.dataset.version;
    const key = await sha256Hex([version, query, '', stableStringify({})].join('|'));
    const cacheApi = (caches as unknown as { default: Cache }).default;
    let stored: Response | undefined;
    for (let i = 0; i < 20 && !stored; i++) {
      stored = await cacheApi.match(`https://response-cache.graphql.internal/${key}`);
      if (!stored) await new Promise((r) => setTimeout(r, 50));
    }
    if (!stored) throw new Error('the answer never reached the Cache API');
    expect(stored.headers.get('cache-control')).toBe('public, max-age=60');
    expect(((await stored.json()) as Body).data).toEqual(first.body.data);
  });

  it('runs persisted operations by hash over GET', async () => {
    const hash = Object.entries(PERSISTED_OPERATIONS).find(([, doc]) => doc.includes('query PersonPage'))?.[0];
    const r = await call(
      getUrl({
        extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
        variables: { slug: 'luu-duc-minh' },
      }),
    );
    expect(r.status).toBe(200);
    expect(r.body.data.person.name).toBe('Lưu Đức Minh');
  });

  it('has the rate-limiting binding from wrangler.toml (consulted only for requests with cf-connecting-ip)', async () => {
    const binding = (
      env as unknown as { RATE_LIMITER?: { limit: (o: { key: string }) => Promise<{ success: boolean }> } }
    ).RATE_LIMITER;
    expect(typeof binding?.limit).toBe('function');
    const r = await call(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cf-connecting-ip': '203.0.113.7' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(r.status).toBe(200);
  });
});

// The database outage: the same Worker module, with its own sqld (stopped and started again through
// tests/helpers/outage-global-setup.ts) so the other Worker tests keep theirs running.
const outageEnv = { ...env, LIBSQL_URL: inject('outageLibsqlUrl') };
const ctx = { waitUntil() {}, passThroughOnException() {} };

async function callOutage(url: string, init: RequestInit = {}) {
  const res = await worker.fetch(new Request(url, init), outageEnv, ctx);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : undefined) as Body };
}

const outagePost = (query: string) =>
  callOutage('http://worker.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query }),
  });
const outageGet = (query: string) =>
  callOutage(`http://worker.test/graphql?query=${encodeURIComponent(query)}`, {
    headers: { accept: 'application/graphql-response+json' },
  });

async function sqld(action: 'stop' | 'start') {
  const res = await fetch(`${inject('outageControlUrl')}/${action}`, { method: 'POST' });
  expect(res.status, await res.text()).toBe(204);
}

afterAll(() => sqld('start'));

const QUERY = '{ person(slug: "luu-duc-minh") { name } }';

describe('Worker: database outage', () => {
  it('answers 503 DATABASE_UNAVAILABLE with Retry-After while sqld is stopped, and recovers', async () => {
    const before = await outagePost(QUERY);
    expect(before.status).toBe(200);
    expect(before.body.data.person.name).toBe('Lưu Đức Minh');
    await sqld('stop');
    for (const r of [await outagePost(QUERY), await outageGet('{ articles(first: 1) { totalCount } }')]) {
      expect(r.status, JSON.stringify(r.body)).toBe(503);
      expect(r.headers.get('retry-after')).toBe('5');
      expect(r.headers.get('cache-control')).toBe('no-store');
      expect(r.headers.get('etag')).toBeNull();
      expect(r.body.errors.map((e: Body) => e.extensions.code)).toEqual(['DATABASE_UNAVAILABLE']);
      expect(r.body.errors[0].extensions.requestId).toBe(r.headers.get('x-request-id'));
    }
    await sqld('start');
    const after = await outagePost(QUERY);
    expect(after.status).toBe(200);
    expect(after.body.data).toEqual(before.body.data);
  }, 60_000);
});
