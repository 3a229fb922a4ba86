// Verifies the per-client cost budget (leaky bucket): 429 RATE_LIMITED with Retry-After once spent, recovery as time passes (injected clock), per-client keys, the per-request limiter hook (the Worker's binding), and bounded memory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CostBuckets } from '../../src/lib/bucket';
import { appOver, codes, get, PERSON_QUERY, PERSON_QUERY_COST, post, type Seeded, seeded } from './hardening-helpers';

let s: Seeded;
beforeAll(async () => {
  s = await seeded();
});
afterAll(() => s.client.close());

function clock(start = 1_000_000) {
  const c = { t: start, now: () => c.t, advance: (ms: number) => (c.t += ms) };
  return c;
}

describe('leaky bucket per client', () => {
  it('answers 429 with Retry-After once the budget is spent, and serves again after the wait', async () => {
    const time = clock();
    const app = appOver(s.db, { env: { COST_BUDGET: '100', COST_RESTORE_RATE: '10' }, now: time.now });

    const first = await post(app, PERSON_QUERY);
    expect(first.status).toBe(200);
    expect(first.body.extensions.cost).toEqual({
      requestedQueryCost: PERSON_QUERY_COST,
      maximumAvailable: 100,
      currentlyAvailable: 100 - PERSON_QUERY_COST,
      restoreRate: 10,
    });

    s.statements.length = 0;
    const limited = await post(app, PERSON_QUERY);
    expect(limited.status).toBe(429);
    expect(codes(limited)).toEqual(['RATE_LIMITED']);
    // 85 needed, 15 left, 10 come back per second: 7 s.
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.body.errors[0].message).toMatch(/Retry in 7 s/);
    expect(limited.body.extensions.cost).toEqual({
      requestedQueryCost: PERSON_QUERY_COST,
      maximumAvailable: 100,
      currentlyAvailable: 15,
      restoreRate: 10,
    });
    expect(limited.body.data).toBeUndefined();
    expect(s.statements).toEqual([]); // refused before any SQL

    time.advance(6_000);
    expect((await post(app, PERSON_QUERY)).status).toBe(429);
    time.advance(1_000);
    const again = await post(app, PERSON_QUERY);
    expect(again.status).toBe(200);
    expect(again.body.extensions.cost.currentlyAvailable).toBe(0);

    // Refilling stops at the capacity.
    time.advance(3_600_000);
    expect((await post(app, '{ __typename }')).body.extensions.cost.currentlyAvailable).toBe(100);
  });

  it('keeps one bucket per client', async () => {
    const time = clock();
    const app = appOver(s.db, {
      env: { COST_BUDGET: '100', COST_RESTORE_RATE: '1' },
      now: time.now,
      clientKey: (request) => request.headers.get('x-test-client') ?? 'anonymous',
    });
    expect((await post(app, PERSON_QUERY, undefined, { 'x-test-client': 'a' })).status).toBe(200);
    expect((await post(app, PERSON_QUERY, undefined, { 'x-test-client': 'a' })).status).toBe(429);
    const b = await post(app, PERSON_QUERY, undefined, { 'x-test-client': 'b' });
    expect(b.status).toBe(200);
    expect(b.body.extensions.cost.currentlyAvailable).toBe(100 - PERSON_QUERY_COST);
  });

  it('charges responses served from the response cache too', async () => {
    const time = clock();
    const app = appOver(s.db, { env: { COST_BUDGET: '200', COST_RESTORE_RATE: '1' }, now: time.now });
    const params = { query: PERSON_QUERY };
    const miss = await get(app, params);
    expect(miss.headers.get('x-response-cache')).toBe('MISS');
    const hit = await get(app, params);
    expect(hit.headers.get('x-response-cache')).toBe('HIT');
    expect(hit.body.extensions.cost).toMatchObject({
      requestedQueryCost: PERSON_QUERY_COST,
      currentlyAvailable: 200 - 2 * PERSON_QUERY_COST,
    });
    const refused = await get(app, params);
    expect(refused.status).toBe(429);
    expect(codes(refused)).toEqual(['RATE_LIMITED']);
    expect(refused.headers.get('etag')).toBeNull();
    expect(refused.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses a query that could never fit the budget with COST_LIMIT_EXCEEDED, not 429', async () => {
    const app = appOver(s.db, { env: { COST_BUDGET: '50' } });
    const r = await post(app, PERSON_QUERY);
    expect(r.status).toBe(400);
    expect(codes(r)).toEqual(['COST_LIMIT_EXCEEDED']);
    expect(r.body.errors[0].message).toMatch(/client budget of 50/);
  });

  it('consults the per-request limiter (the Worker binding) before anything runs, unless RATE_LIMIT_BINDING=false', async () => {
    const seen: string[] = [];
    const requestLimiter = async (_request: Request, _ctx: unknown, key: string) => {
      seen.push(key);
      return { ok: false as const, retryAfter: 60 };
    };
    const app = appOver(s.db, { requestLimiter, clientKey: () => '203.0.113.9' });
    s.statements.length = 0;
    const r = await post(app, '{ __typename }');
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('60');
    expect(codes(r)).toEqual(['RATE_LIMITED']);
    expect(r.body.errors[0].extensions.requestId).toBe(r.headers.get('x-request-id'));
    expect(r.body.extensions.cost).toMatchObject({ requestedQueryCost: 0 });
    expect(seen).toEqual(['203.0.113.9']);
    expect(s.statements).toEqual([]);

    const off = appOver(s.db, { requestLimiter, env: { RATE_LIMIT_BINDING: 'false' } });
    expect((await post(off, '{ __typename }')).status).toBe(200);
    expect(seen).toHaveLength(1);
  });
});

describe('CostBuckets', () => {
  it('remembers a bounded number of clients, dropping refilled ones first, then the least recently used', () => {
    const time = clock();
    const buckets = new CostBuckets({ capacity: 100, restoreRate: 1, now: time.now, maxClients: 10 });
    for (let i = 0; i < 10; i++) buckets.take(`c${i}`, 50);
    expect(buckets.size).toBe(10);
    buckets.take('c0', 1); // c0 is now the most recently used
    buckets.take('new', 50);
    expect(buckets.size).toBeLessThanOrEqual(10);
    // The least recently used (c1 …) were dropped, c0 was kept with its spent budget.
    expect(buckets.peek('c0').currentlyAvailable).toBe(49);
    expect(buckets.peek('c1').currentlyAvailable).toBe(100);
    // A full bucket is not stored at all.
    time.advance(1_000_000);
    for (let i = 0; i < 20; i++) buckets.take(`d${i}`, 1);
    expect(buckets.size).toBeLessThanOrEqual(10);
  });
});
