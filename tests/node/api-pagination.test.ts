// Verifies Relay pagination through the real Yoga app: every connection in the schema has the edges/cursor/node, pageInfo, totalCount shape and answers consistently on real data; walking `people` forward (first/after) and backward (last/before) visits every person exactly once with a stable totalCount; out-of-range page sizes, first+last, unreadable cursors, oversized nested pages and IDs of the wrong type are BAD_USER_INPUT; malformed GraphQL is a client error, never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fails, gid, type Json, ok, type SeedId, seedYaml, slugs } from '../helpers/api';
import { createHarness, type Harness } from '../helpers/harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

/** Every person of the seed: the union of the `people` of the five YAML files. */
const ALL_PEOPLE = [
  ...new Set(
    (['000', '001', '002', '003', '004'] as SeedId[]).flatMap((id) =>
      (seedYaml(id).people ?? []).map((p: Json) => p.slug as string),
    ),
  ),
].sort();

const PAGE = `totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { __typename } }`;

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
const named = (t: TypeRef): string => (t.name ?? named(t.ofType as TypeRef)) as string;
const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }';

describe('connection shape', () => {
  let types: Json[];
  beforeAll(async () => {
    const data = await ok(
      h,
      `{ __schema { types { name kind fields { name args { name type { ${TYPE_REF} } } type { ${TYPE_REF} } } } } }`,
    );
    types = data.__schema.types;
  });
  const type = (name: string) => types.find((t) => t.name === name);

  it('every *Connection type has edges: [Edge!]!, pageInfo: PageInfo!, totalCount: Int!; every edge a cursor and a node', () => {
    const connections = types.filter((t) => t.kind === 'OBJECT' && t.name.endsWith('Connection'));
    // One connection type per listed type, shared by the fields that list it: more than 50 such fields.
    const connectionFields = types
      .filter((t) => t.kind === 'OBJECT' && t.fields)
      .flatMap((t) => t.fields.filter((f: Json) => named(f.type).endsWith('Connection')));
    expect(connectionFields.length).toBeGreaterThan(50);
    expect(new Set(connectionFields.map((f: Json) => named(f.type)))).toEqual(new Set(connections.map((c) => c.name)));
    for (const c of connections) {
      const f = Object.fromEntries(c.fields.map((x: Json) => [x.name, x.type]));
      expect(f.edges, c.name).toMatchObject({
        kind: 'NON_NULL',
        ofType: { kind: 'LIST', ofType: { kind: 'NON_NULL' } },
      });
      expect(f.pageInfo, c.name).toMatchObject({ kind: 'NON_NULL', ofType: { name: 'PageInfo' } });
      expect(f.totalCount, c.name).toMatchObject({ kind: 'NON_NULL', ofType: { name: 'Int' } });
      const edge = type(named(f.edges));
      const ef = Object.fromEntries(edge.fields.map((x: Json) => [x.name, x.type]));
      expect(ef.cursor, edge.name).toMatchObject({ kind: 'NON_NULL', ofType: { name: 'String' } });
      expect(ef.node, edge.name).toMatchObject({ kind: 'NON_NULL' });
    }
    const pageInfo = Object.fromEntries(type('PageInfo').fields.map((x: Json) => [x.name, named(x.type)]));
    expect(pageInfo).toEqual({
      hasNextPage: 'Boolean',
      hasPreviousPage: 'Boolean',
      startCursor: 'String',
      endCursor: 'String',
    });
  });

  it('every connection field takes first/after/last/before', () => {
    for (const t of types.filter((x) => x.kind === 'OBJECT' && x.fields)) {
      for (const f of t.fields.filter((x: Json) => named(x.type).endsWith('Connection'))) {
        expect(
          f.args.map((a: Json) => a.name),
          `${t.name}.${f.name}`,
        ).toEqual(expect.arrayContaining(['first', 'after', 'last', 'before']));
      }
    }
  });

  /** A node of every type that has connections, chosen for having data in most of them. */
  const SAMPLES: Record<string, string> = {
    Article: 'vkc-hoi-nghi-trien-khai-2024',
    Person: 'luu-duc-minh',
    Organization: 'bo-xay-dung',
    Place: 'ha-noi',
    Document: 'quyet-dinh-phe-duyet-vkc',
    Project: 'du-an-vkc',
    Event: 'hoi-nghi-trien-khai-vkc-2024',
    Quote: 'vupda-mou-mang-luoi-hop-tac-2023--tran-ngoc-chinh--1',
    Conflict: 'vkc-decision-code',
  };

  /** Checks one page of `first: 2` against its totalCount. */
  function checkPage(where: string, c: Json): void {
    expect(c.totalCount, where).toBeGreaterThanOrEqual(c.edges.length);
    expect(c.edges.length, where).toBe(Math.min(2, c.totalCount));
    expect(c.pageInfo.hasNextPage, where).toBe(c.totalCount > 2);
    expect(c.pageInfo.hasPreviousPage, where).toBe(false);
    expect(c.pageInfo.startCursor, where).toBe(c.edges[0]?.cursor ?? null);
    expect(c.pageInfo.endCursor, where).toBe(c.edges.at(-1)?.cursor ?? null);
    for (const e of c.edges) {
      expect(typeof e.cursor, where).toBe('string');
      expect(e.cursor.length, where).toBeGreaterThan(0);
      expect(typeof e.node.__typename, where).toBe('string');
    }
    expect(new Set(c.edges.map((e: Json) => e.cursor)).size, where).toBe(c.edges.length);
  }

  it('every connection of every node type answers a consistent first page on real data', async () => {
    let checked = 0;
    let nonEmpty = 0;
    for (const [typeName, slug] of Object.entries(SAMPLES)) {
      const fields = type(typeName).fields.filter((x: Json) => named(x.type).endsWith('Connection'));
      expect(fields.length, typeName).toBeGreaterThan(0);
      const selection = fields.map((f: Json) => `${f.name}(first: 2) { ${PAGE} }`).join('\n');
      const data = await ok(h, `query ($id: ID!) { node(id: $id) { ... on ${typeName} { ${selection} } } }`, {
        id: gid(typeName, slug),
      });
      for (const f of fields) {
        checkPage(`${typeName}.${f.name}`, data.node[f.name]);
        checked++;
        if (data.node[f.name].totalCount > 0) nonEmpty++;
      }
    }
    // CoParticipant.sharedEvents, reached through a person.
    const co = await ok(
      h,
      `{ person(slug: "luu-duc-minh") { coParticipants(first: 2) { edges { node { sharedEvents(first: 2) { ${PAGE} } } } } } }`,
    );
    for (const e of co.person.coParticipants.edges) checkPage('CoParticipant.sharedEvents', e.node.sharedEvents);
    expect(checked).toBeGreaterThanOrEqual(50);
    expect(nonEmpty).toBeGreaterThanOrEqual(40);
  });

  it('every root connection answers a consistent first page', async () => {
    const fields = type('Query').fields.filter((x: Json) => named(x.type).endsWith('Connection'));
    const selection = fields
      .map((f: Json) => `${f.name}(first: 2${f.name === 'search' ? ', query: "vkc"' : ''}) { ${PAGE} }`)
      .join('\n');
    const data = await ok(h, `{ ${selection} }`);
    for (const f of fields) {
      checkPage(`Query.${f.name}`, data[f.name]);
      expect(data[f.name].totalCount, f.name).toBeGreaterThan(0);
    }
  });
});

describe('walking people', () => {
  const PEOPLE = `query ($first: Int, $after: String, $last: Int, $before: String) {
    people(first: $first, after: $after, last: $last, before: $before) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { slug name } } } }`;

  it('forward with first: 3 + after visits every person exactly once; totalCount is stable', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const c: Json = (await ok(h, PEOPLE, { first: 3, after })).people;
      pages++;
      expect(c.totalCount).toBe(ALL_PEOPLE.length);
      expect(c.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...slugs(c));
      if (!c.pageInfo.hasNextPage) break;
      expect(c.edges).toHaveLength(3);
      after = c.pageInfo.endCursor;
      expect(pages).toBeLessThan(20);
    }
    expect(pages).toBe(Math.ceil(ALL_PEOPLE.length / 3));
    expect(seen).toHaveLength(ALL_PEOPLE.length);
    expect([...seen].sort()).toEqual(ALL_PEOPLE);
    // The order is the documented one (by name), the same as one big page.
    const one = (await ok(h, PEOPLE, { first: 100 })).people;
    expect(one.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    expect(one.edges.map((e: Json) => e.node.slug)).toEqual(seen);
  });

  it('backward with last: 3 + before visits the same people in the same order', async () => {
    const forward = (await ok(h, PEOPLE, { first: 100 })).people.edges.map((e: Json) => e.node.slug);
    const pages: string[][] = [];
    let before: string | null = null;
    for (;;) {
      const c: Json = (await ok(h, PEOPLE, { last: 3, before })).people;
      expect(c.totalCount).toBe(ALL_PEOPLE.length);
      expect(c.pageInfo.hasNextPage).toBe(before !== null);
      pages.unshift(c.edges.map((e: Json) => e.node.slug));
      if (!c.pageInfo.hasPreviousPage) break;
      before = c.pageInfo.startCursor;
      expect(pages.length).toBeLessThan(20);
    }
    expect(pages.flat()).toEqual(forward);
    // The last page backwards ends where the forward walk ends.
    expect(pages.at(-1)).toEqual(forward.slice(-3));
  });

  it('a cursor from the middle resumes exactly after that person, in both directions', async () => {
    const all = (await ok(h, PEOPLE, { first: 100 })).people.edges;
    const mid = all[7];
    const after = (await ok(h, PEOPLE, { first: 2, after: mid.cursor })).people;
    expect(after.edges.map((e: Json) => e.node.slug)).toEqual([all[8].node.slug, all[9].node.slug]);
    const before = (await ok(h, PEOPLE, { last: 2, before: mid.cursor })).people;
    expect(before.edges.map((e: Json) => e.node.slug)).toEqual([all[5].node.slug, all[6].node.slug]);
  });

  it('first: 0 is an empty page with the full totalCount; first: 100 is not clamped', async () => {
    const zero = (await ok(h, PEOPLE, { first: 0 })).people;
    expect(zero.edges).toEqual([]);
    expect(zero.totalCount).toBe(ALL_PEOPLE.length);
    expect((await ok(h, PEOPLE, { first: 100 })).people.edges).toHaveLength(ALL_PEOPLE.length);
  });

  it('a nested connection pages the same way (an article’s mentions, 100 at a time)', async () => {
    const Q = `query ($after: String) { article(slug: "vkc-hoi-nghi-trien-khai-2024") { mentions(first: 100, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { start } } } } }`;
    const starts: number[] = [];
    let after: string | null = null;
    let total = -1;
    for (let i = 0; i < 10; i++) {
      const c: Json = (await ok(h, Q, { after })).article.mentions;
      if (total >= 0) expect(c.totalCount).toBe(total);
      total = c.totalCount;
      starts.push(...c.edges.map((e: Json) => e.node.start));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThan(100);
    expect(starts).toHaveLength(total);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});

describe('page-size and cursor errors', () => {
  it.each([
    ['first: 101', '{ people(first: 101) { totalCount } }', 'first'],
    ['first: -1', '{ people(first: -1) { totalCount } }', 'first'],
    ['last: 101', '{ people(last: 101) { totalCount } }', 'last'],
    ['last: -5', '{ events(last: -5) { totalCount } }', 'last'],
  ])('%s is BAD_USER_INPUT, not a silent clamp', async (_label, query, argument) => {
    const e = await fails(h, query, 'BAD_USER_INPUT');
    expect(e.extensions?.argument).toBe(argument);
    expect(e.message).toMatch(/between 0 and 100/);
    expect(e.response.data).toBeNull();
  });

  it('first and last together are BAD_USER_INPUT', async () => {
    const e = await fails(h, '{ people(first: 1, last: 1) { edges { node { slug } } } }', 'BAD_USER_INPUT');
    expect(e.message).toMatch(/either `first` or `last`/);
  });

  it.each([
    ['after', 'garbage'],
    ['before', 'garbage'],
    ['after', Buffer.from('not a cursor').toString('base64')],
  ])('%s: %j is BAD_USER_INPUT "Invalid cursor."', async (arg, cursor) => {
    const e = await fails(
      h,
      `query ($c: String) { people(first: 2, ${arg}: $c) { edges { node { slug } } } }`,
      'BAD_USER_INPUT',
      { c: cursor },
    );
    expect(e.message).toBe('Invalid cursor.');
    expect(e.path).toEqual(['people']);
  });

  it('a garbage cursor on a nested connection is BAD_USER_INPUT (raised where its SQL is planned: the parent field)', async () => {
    const e = await fails(
      h,
      '{ person(slug: "luu-duc-minh") { roles(first: 1, after: "garbage") { edges { cursor } } } }',
      'BAD_USER_INPUT',
    );
    expect(e.message).toBe('Invalid cursor.');
    expect(e.path).toEqual(['person']);
  });

  // A page that asks for its totalCount alone loads no rows, so nothing would read the cursor: it is still
  // refused, as the README promises, on root, nested, join-table, timeline and search connections.
  it.each([
    ['people', '{ people(after: "garbage") { totalCount } }'],
    ['events (before)', '{ events(before: "garbage") { totalCount } }'],
    [
      'people (base64, not a cursor)',
      `{ people(after: "${Buffer.from('not a cursor').toString('base64')}") { totalCount } }`,
    ],
    ['Person.roles', '{ person(slug: "luu-duc-minh") { roles(after: "garbage") { totalCount } } }'],
    [
      'Organization.people',
      '{ organization(slug: "bo-xay-dung") { people(first: 1, after: "garbage") { totalCount } } }',
    ],
    [
      'Article.authors',
      '{ article(slug: "vkc-hoi-nghi-trien-khai-2024") { authors(after: "garbage") { totalCount } } }',
    ],
    ['timeline', '{ timeline(after: "garbage") { totalCount } }'],
    [
      'search',
      '{ search(query: "vkc", after: "garbage") { totalCount } }',
      /^The `after` cursor is not one this search/,
    ],
  ])('%s: a garbage cursor with only totalCount selected is BAD_USER_INPUT', async (_l, query, message?: RegExp) => {
    const e = await fails(h, query, 'BAD_USER_INPUT');
    expect(e.message).toMatch(message ?? /^Invalid cursor\.$/);
  });

  it('a readable cursor with only totalCount selected gives the whole count, as with edges', async () => {
    const first = (await ok(h, '{ people(first: 1) { totalCount edges { cursor } } }')).people;
    const c = first.edges[0].cursor;
    const only = (await ok(h, 'query ($c: String) { people(after: $c) { totalCount } }', { c })).people;
    const withEdges = (await ok(h, 'query ($c: String) { people(after: $c) { totalCount edges { cursor } } }', { c }))
      .people;
    expect(only.totalCount).toBe(first.totalCount);
    expect(withEdges.totalCount).toBe(first.totalCount);
    const roles = `{ person(slug: "luu-duc-minh") { roles(first: 1) { totalCount edges { cursor } } } }`;
    const r = (await ok(h, roles)).person.roles;
    const after = await ok(
      h,
      `query ($c: String) { person(slug: "luu-duc-minh") { roles(after: $c) { totalCount } } }`,
      {
        c: r.edges[0].cursor,
      },
    );
    expect(after.person.roles.totalCount).toBe(r.totalCount);
  });

  it('a nested first: 1000 is BAD_USER_INPUT at that path', async () => {
    const e = await fails(
      h,
      '{ person(slug: "luu-duc-minh") { name mentions(first: 1000) { totalCount } } }',
      'BAD_USER_INPUT',
    );
    expect(e.path).toEqual(['person', 'mentions']);
    expect(e.extensions?.argument).toBe('first');
    const deep = await fails(
      h,
      '{ event(slug: "hoi-nghi-trien-khai-vkc-2024") { participants(role: SPEAKER, first: 1) { edges { node { person { quotes(first: 1000) { totalCount } } } } } } }',
      'BAD_USER_INPUT',
    );
    expect(deep.path).toEqual(['event', 'participants', 'edges', 0, 'node', 'person', 'quotes']);
  });

  it('search pages forward only', async () => {
    const e = await fails(h, '{ search(query: "vkc", last: 2) { totalCount } }', 'BAD_USER_INPUT');
    expect(e.message).toMatch(/forward only/);
  });
});

describe('filter arguments naming an entity', () => {
  it.each([
    ['quotes', 'speaker', 'QuotesFilter', gid('Article', 'vkc-hoi-nghi-trien-khai-2024'), 'Person'],
    ['quotes', 'event', 'QuotesFilter', gid('Person', 'luu-duc-minh'), 'Event'],
    ['quotes', 'article', 'QuotesFilter', gid('Event', 'ky-quyet-dinh-phe-duyet-vkc'), 'Article'],
    ['people', 'organization', 'PeopleFilter', gid('Article', 'vkc-hoi-nghi-trien-khai-2024'), 'Organization'],
    ['events', 'participant', 'EventsFilter', gid('Article', 'vkc-hoi-nghi-trien-khai-2024'), 'Person or Organization'],
    ['events', 'place', 'EventsFilter', gid('Organization', 'bo-xay-dung'), 'Place'],
    ['events', 'project', 'EventsFilter', gid('Document', 'de-an-950'), 'Project'],
    ['events', 'document', 'EventsFilter', gid('Project', 'du-an-vkc'), 'Document'],
    ['articles', 'publisher', 'ArticlesFilter', gid('Person', 'luu-duc-minh'), 'Organization'],
    ['documents', 'issuer', 'DocumentsFilter', gid('Place', 'ha-noi'), 'Organization'],
    ['organizations', 'parent', 'OrganizationsFilter', gid('Person', 'luu-duc-minh'), 'Organization'],
    ['places', 'within', 'PlacesFilter', gid('Organization', 'bo-xay-dung'), 'Place'],
  ])('%s(filter: { %s: <an ID of the wrong type> }) is BAD_USER_INPUT', async (field, arg, input, id, wanted) => {
    const q = `query ($f: ${input}) { ${field}(filter: $f) { totalCount edges { cursor } } }`;
    const e = await fails(h, q, 'BAD_USER_INPUT', { f: { [arg]: id } });
    expect(e.extensions?.argument).toBe(`filter.${arg}`);
    expect(e.message).toContain(wanted);
  });

  it('neither a slug nor a global ID is BAD_USER_INPUT too', async () => {
    const e = await fails(h, 'query ($f: QuotesFilter) { quotes(filter: $f) { totalCount } }', 'BAD_USER_INPUT', {
      f: { speaker: 'Lưu Đức Minh!' },
    });
    expect(e.message).toMatch(/global ID or a slug/);
  });

  it('the right type by ID or by slug gives the same page', async () => {
    const q = 'query ($f: QuotesFilter) { quotes(filter: $f) { totalCount edges { node { slug } } } }';
    const byId = await ok(h, q, { f: { speaker: gid('Person', 'pham-thi-hong-my') } });
    const bySlug = await ok(h, q, { f: { speaker: 'pham-thi-hong-my' } });
    expect(byId).toEqual(bySlug);
    expect(byId.quotes.totalCount).toBe(3);
  });
});

describe('malformed requests', () => {
  it.each([
    ['unbalanced braces', '{ people( { '],
    ['an unknown field', '{ nope }'],
    ['a missing required argument', '{ person { slug } }'],
    ['a wrong argument type', '{ people(first: "ten") { totalCount } }'],
    ['an unknown enum value', '{ events(order: SIDEWAYS) { totalCount } }'],
    ['an empty document', ''],
  ])('%s: a GraphQL error response, never a 500', async (_label, query) => {
    const r = await h.gql<Json>(query);
    expect([200, 400]).toContain(r.status);
    expect(r.errors?.length).toBeGreaterThan(0);
    expect(r.data ?? null).toBeNull();
  });

  it('a variable of the wrong type is a client error', async () => {
    const r = await h.gql<Json>('query ($n: Int) { people(first: $n) { totalCount } }', { n: 'many' });
    expect([200, 400]).toContain(r.status);
    expect(r.errors?.[0]?.message).toMatch(/Int/);
  });

  it('a body that is not JSON is a 400', async () => {
    const res = await h.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: '{"query": ',
    });
    expect(res.status).toBe(400);
  });
});
