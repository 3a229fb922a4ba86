import { getIntrospectionQuery, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CostBuckets } from '../../src/lib/bucket';
import { operationCost } from '../../src/lib/cost';
import { schema } from '../../src/schema';
import {
  type App,
  appOver,
  codes,
  get,
  PERSON_QUERY,
  PERSON_QUERY_COST,
  post,
  type Seeded,
  seeded,
  URL_BASE,
} from './hardening-helpers';

let s: Seeded;
let app: App;
beforeAll(async () => {
  s = await seeded();
  app = appOver(s.db);
});
afterAll(() => s.client.close());

function clock(start = 1_000_000) {
  const c = { t: start, now: () => c.t, advance: (ms: number) => (c.t += ms) };
  return c;
}

describe('cost (page-size aware, MAX_QUERY_COST 5000)', () => {
  const cost = (query: string, variables?: Record<string, unknown>) =>
    operationCost(schema, { document: parse(query), variables });

  it('prices scalars 0, objects 1, connections 2 + page size × edge, lists × 10', () => {
    expect(cost('{ __typename }')).toBe(0);
    expect(cost('{ person(slug: "x") { name } }')).toBe(1);
    // 2 + 5 × (node 1) ; totalCount and pageInfo { … } once: 0 + 1
    expect(cost('{ articles(first: 5) { totalCount pageInfo { hasNextPage } edges { cursor node { slug } } } }')).toBe(
      8,
    );
    // Default page size 20; `last` counts like `first`; a variable page size counts its value.
    expect(cost('{ articles { edges { node { slug } } } }')).toBe(22);
    expect(cost('{ articles(last: 3) { edges { node { slug } } } }')).toBe(5);
    expect(cost('query($n: Int) { articles(first: $n) { edges { node { slug } } } }', { n: 50 })).toBe(52);
    expect(cost('query($n: Int = 7) { articles(first: $n) { edges { node { slug } } } }')).toBe(9);
    // A plain list of objects: 10 × (1 + selection).
    expect(cost('{ path(from: "a", to: "b") { hops { via event { slug } } } }')).toBe(1 + 10 * (1 + 1));
    // Nested connections multiply.
    expect(cost('{ articles(first: 10) { edges { node { people(first: 10) { edges { node { slug } } } } } } }')).toBe(
      2 + 10 * (1 + 2 + 10 * 1),
    );
  });

  it('costs the README person example 85', () => {
    expect(cost(PERSON_QUERY)).toBe(PERSON_QUERY_COST);
  });

  it('skips @skip/@include(false) selections and counts fragments where spread', () => {
    expect(cost('{ articles(first: 5) @skip(if: true) { edges { node { slug } } } }')).toBe(0);
    expect(
      cost('query($no: Boolean!) { articles(first: 5) @include(if: $no) { edges { node { slug } } } }', { no: false }),
    ).toBe(0);
    expect(cost('{ articles(first: 5) { ...E } } fragment E on ArticleConnection { edges { node { slug } } }')).toBe(7);
  });

  it("prices introspection linearly: GraphiQL's introspection query stays far below the limit", () => {
    expect(cost(getIntrospectionQuery())).toBeLessThan(200);
  });

  it('refuses a query over MAX_QUERY_COST with COST_LIMIT_EXCEEDED (400), before any SQL', async () => {
    s.statements.length = 0;
    const r = await post(
      app,
      '{ people(first: 100) { edges { node { quotes(first: 100) { edges { node { event { participants(first: 100) { totalCount } } } } } } } } }',
    );
    expect(r.status).toBe(400);
    expect(codes(r)).toEqual(['COST_LIMIT_EXCEEDED']);
    expect(r.body.extensions.cost.requestedQueryCost).toBe(2 + 100 * (1 + 2 + 100 * (1 + 1 + 2)));
    expect(s.statements).toEqual([]);
  });

  it('puts the cost in extensions.cost of every answer: success, client error, parse error, HTTP refusal', async () => {
    const okAnswer = await post(app, PERSON_QUERY);
    expect(okAnswer.body.extensions.cost).toEqual({
      requestedQueryCost: PERSON_QUERY_COST,
      maximumAvailable: 20000,
      currentlyAvailable: expect.any(Number),
      restoreRate: 1000,
    });
    const bad = await post(app, '{ articles(first: 101) { totalCount } }');
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.body.extensions.cost.requestedQueryCost).toBe(2);
    const parseError = await post(app, '{ articles(');
    expect(codes(parseError)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(parseError.body.extensions.cost).toMatchObject({ requestedQueryCost: 0, maximumAvailable: 20000 });
    const refused = await app.fetch(URL_BASE, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { extensions: { cost: unknown } }).extensions.cost).toBeDefined();
  });

  it('caps connections at 100 per page (BAD_USER_INPUT)', async () => {
    expect(codes(await post(app, '{ articles(first: 101) { totalCount } }'))).toEqual(['BAD_USER_INPUT']);
    expect((await post(app, '{ articles(first: 100) { totalCount } }')).status).toBe(200);
  });
});

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
