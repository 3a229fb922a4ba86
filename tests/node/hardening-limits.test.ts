// Verifies each document and request limit through the real app: its stable code and HTTP status, the __schema bypasses that depth limits are known for (graphql-armor before 2.4.2 had them), the cost model, and `extensions.cost` on every answer.
import { getIntrospectionQuery, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

/** `levels` hops person → quotes → speaker: depth 1 + 4 × levels + 1. */
function deep(levels: number): string {
  let inner = 'slug';
  for (let i = 0; i < levels; i++) inner = `quotes(first: 1) { edges { node { speaker { ${inner} } } } }`;
  return `{ person(slug: "luu-duc-minh") { ${inner} } }`;
}

describe('depth (graphql-armor max-depth, MAX_DEPTH 12)', () => {
  it('accepts depth 12 and refuses depth 14 with DEPTH_LIMIT_EXCEEDED (400)', async () => {
    const twelve = `{ person(slug: "luu-duc-minh") { quotes(first: 1) { edges { node { speaker {
      quotes(first: 1) { edges { node { speaker { quotes(first: 1) { edges { cursor } } } } } } } } } } } }`;
    const ok = await post(app, twelve);
    expect(ok.body.errors).toBeUndefined();
    const r = await post(app, deep(3));
    expect(r.status).toBe(400);
    expect(codes(r)).toEqual(['DEPTH_LIMIT_EXCEEDED']);
    expect(r.body.errors[0].message).toBe('Query depth limit of 12 exceeded, found 14.');
  });

  it('answers 400 to a legacy application/json client too (limits are not plain validation errors)', async () => {
    const r = await post(app, deep(3), undefined, { accept: 'application/json' });
    expect(r.status).toBe(400);
    expect(codes(r)).toEqual(['DEPTH_LIMIT_EXCEEDED']);
  });

  it('counts a deep selection hidden in a fragment named __schema (advisory: fixed in 2.4.2)', async () => {
    const hidden = `{ person(slug: "luu-duc-minh") { ...__schema } }
      fragment __schema on Person { quotes(first: 1) { edges { node { speaker { quotes(first: 1) { edges { node {
        speaker { quotes(first: 1) { edges { node { speaker { slug } } } } } } } } } } } } }`;
    const r = await post(app, hidden);
    expect(codes(r)).toEqual(['DEPTH_LIMIT_EXCEEDED']);
  });

  it('counts an operation named __schema', async () => {
    const r = await post(app, `query __schema ${deep(3)}`);
    expect(codes(r)).toEqual(['DEPTH_LIMIT_EXCEEDED']);
  });

  it('counts depth through nested fragments and inline fragments', async () => {
    const frags = `{ node(id: "UGVyc29uOmx1dS1kdWMtbWluaA==") { ... on Person { ...A } } }
      fragment A on Person { quotes(first: 1) { edges { node { speaker { ...B } } } } }
      fragment B on Person { quotes(first: 1) { edges { node { speaker { ...C } } } } }
      fragment C on Person { quotes(first: 1) { edges { node { speaker { slug } } } } }`;
    expect(codes(await post(app, frags))).toEqual(['DEPTH_LIMIT_EXCEEDED']);
  });

  it("lets GraphiQL's introspection query through (15 deep) but bounds introspection at MAX_INTROSPECTION_DEPTH", async () => {
    const full = await post(app, getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }));
    expect(full.status).toBe(200);
    expect(full.body.data.__schema.queryType.name).toBe('Query');
    let inner = 'name';
    for (let i = 0; i < 30; i++) inner = `ofType { ${inner} }`;
    const r = await post(app, `{ __schema { types { ${inner} } } }`);
    expect(r.status).toBe(400);
    expect(codes(r)).toEqual(['DEPTH_LIMIT_EXCEEDED']);
  });

  it("maps graphql-js's introspection cycle guard to DEPTH_LIMIT_EXCEEDED", async () => {
    const r = await post(app, '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }');
    expect(codes(r)).toEqual(['DEPTH_LIMIT_EXCEEDED']);
  });
});

describe('aliases, tokens, directives', () => {
  it('refuses 16 aliases (MAX_ALIASES 15), __typename ones included', async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    expect((await post(app, aliases(15))).status).toBe(200);
    const r = await post(app, aliases(16));
    expect(r.status).toBe(400);
    expect(codes(r)).toEqual(['ALIAS_LIMIT_EXCEEDED']);
  });

  it('refuses more than 3000 tokens (MAX_TOKENS) while parsing', async () => {
    const r = await post(app, `{ ${'a '.repeat(3000)}}`);
    expect(r.status).toBe(400);
    expect(codes(r)).toEqual(['TOKEN_LIMIT_EXCEEDED']);
    expect(r.body.errors[0].message).toBe('Token limit of 3000 exceeded.');
  });

  it('refuses more than 10 directives (MAX_DIRECTIVES), with that one error only', async () => {
    const fields = Array.from({ length: 11 }, (_, i) => `f${i}: __typename @include(if: true)`).join(' ');
    const r = await post(app, `{ ${fields} }`);
    expect(r.status).toBe(400);
    expect(codes(r)).toEqual(['DIRECTIVE_LIMIT_EXCEEDED']);
  });

  it('takes its limits from configuration', async () => {
    const strict = appOver(s.db, { env: { MAX_DEPTH: '3', MAX_ALIASES: '1' } });
    expect(
      codes(await post(strict, '{ person(slug: "luu-duc-minh") { roles { edges { node { title } } } } }')),
    ).toEqual(['DEPTH_LIMIT_EXCEEDED']);
    expect(codes(await post(strict, '{ a: __typename b: __typename }'))).toEqual(['ALIAS_LIMIT_EXCEEDED']);
  });
});

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

describe('request size', () => {
  it('refuses a body over MAX_BODY_BYTES with 413 PAYLOAD_TOO_LARGE', async () => {
    const r = await post(app, '{ __typename }', { pad: 'x'.repeat(70_000) });
    expect(r.status).toBe(413);
    expect(codes(r)).toEqual(['PAYLOAD_TOO_LARGE']);
  });

  it('refuses a query document over MAX_QUERY_LENGTH with 400 PAYLOAD_TOO_LARGE, on POST and GET', async () => {
    const long = `{ search(query: "${'x'.repeat(20_000)}") { totalCount } }`;
    const r = await post(app, long);
    expect(r.status).toBe(400);
    expect(codes(r)).toEqual(['PAYLOAD_TOO_LARGE']);
    expect(r.body.errors[0].message).toMatch(/limit is 20000/);
    const small = appOver(s.db, { env: { MAX_QUERY_LENGTH: '30' } });
    const g = await get(small, { query: '{ articles(first: 1) { totalCount } }' });
    expect(g.status).toBe(400);
    expect(codes(g)).toEqual(['PAYLOAD_TOO_LARGE']);
  });
});

describe('timeout', () => {
  it('stops an execution after EXECUTION_TIMEOUT_MS with TIMEOUT (503)', async () => {
    const { countingClient } = await import('../helpers/harness');
    const { createDb } = await import('../../src/db/client');
    const slowClient = new Proxy(s.client, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver);
        if (prop !== 'execute' && prop !== 'batch') return typeof v === 'function' ? v.bind(target) : v;
        return async (...args: unknown[]) => {
          await new Promise((r) => setTimeout(r, 300));
          return (v as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const slow = appOver(createDb(countingClient(slowClient, [])), { env: { EXECUTION_TIMEOUT_MS: '50' } });
    const started = performance.now();
    const r = await post(slow, '{ person(slug: "luu-duc-minh") { name } }');
    expect(performance.now() - started).toBeLessThan(280);
    expect(r.status).toBe(503);
    expect(codes(r)).toEqual(['TIMEOUT']);
    expect(r.body.extensions.cost.requestedQueryCost).toBe(1);
  });
});

describe('no writes', () => {
  it('has no Mutation type; a mutation (or subscription) is a validation error', async () => {
    expect(schema.getMutationType()).toBeUndefined();
    expect(schema.getSubscriptionType()).toBeUndefined();
    for (const op of ['mutation', 'subscription']) {
      const r = await post(app, `${op} { __typename }`);
      expect(r.status).toBe(400);
      expect(codes(r)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(r.body.errors[0].message).toBe(`This API is read-only: it has no ${op} operations.`);
    }
  });
});
