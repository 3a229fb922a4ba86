import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, appOver, codes, post, type Seeded, seeded } from './hardening-helpers';

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

describe('field suggestions', () => {
  it('are shown: the schema is public (introspection is on), so "Did you mean …" helps and hides nothing', async () => {
    const r = await post(app, '{ articl(first: 1) { totalCount } }');
    expect(r.status).toBe(400);
    expect(codes(r)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(r.body.errors[0].message).toMatch(
      /^Cannot query field "articl" on type "Query"\. Did you mean "article".*\?$/,
    );
    expect(r.text).not.toMatch(/Suggestion hidden/);
  });
});
