// Verifies Relay object identification through the real Yoga app: for every node type a global ID round-trips (id → node → same slug), a well-formed ID that names nothing is null without an error, a malformed ID is BAD_USER_INPUT, `nodes` keeps order with nulls in place, and every root `x(slug)` lookup finds the right node or null.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fails, fromGid, gid, type Json, ok } from '../helpers/api';
import { createHarness, type Harness } from '../helpers/harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

/**
 * One node of every type, each with a value read from the seed that only that node has. Quote slugs are
 * derived by the loader as `<article>--<speaker>--<n>`; Lê Hoàng Trung has exactly one quote in 001.
 */
const SAMPLES: Array<{ type: string; slug: string; field: string; value: string }> = [
  {
    type: 'Article',
    slug: 'vkc-hoi-nghi-trien-khai-2024',
    field: 'title',
    value:
      'Triển khai dự án Thành lập Trung tâm hợp tác Việt Nam - Hàn Quốc về đô thị thông minh và công nghệ xây dựng',
  },
  { type: 'Person', slug: 'luu-duc-minh', field: 'name', value: 'Lưu Đức Minh' },
  { type: 'Organization', slug: 'vu-hop-tac-quoc-te', field: 'name', value: 'Vụ Hợp tác quốc tế' },
  { type: 'Place', slug: 'khach-san-lotte-ha-noi', field: 'name', value: 'Khách sạn Lotte Hà Nội' },
  { type: 'Document', slug: 'de-an-950', field: 'code', value: '950/QĐ-TTg' },
  {
    type: 'Project',
    slug: 'du-an-vkc',
    field: 'name',
    value: 'Thành lập Trung tâm hợp tác Việt Nam - Hàn Quốc về đô thị thông minh và công nghệ xây dựng',
  },
  {
    type: 'Event',
    slug: 'ky-quyet-dinh-phe-duyet-vkc',
    field: 'title',
    value: 'Bộ trưởng Bộ Xây dựng ký Quyết định phê duyệt văn kiện dự án VKC',
  },
  {
    type: 'Quote',
    slug: 'vkc-hoi-nghi-trien-khai-2024--le-hoang-trung--1',
    field: 'text',
    value:
      'Thời gian tới, Cục Phát triển đô thị sẽ nghiên cứu tổng kết, đánh giá Đề án 950 của Chính phủ và hy vọng dự án sẽ tiếp tục đóng góp vào quá trình nghiên cứu, xây dựng, chỉnh sửa, phát triển Đề án này trong giai đoạn tiếp theo',
  },
  { type: 'Conflict', slug: 'vkc-decision-code', field: 'field', value: 'code' },
];

/** Selects `slug` and the sample's field on any node type. */
const NODE_FIELDS = `__typename id
  ... on Article { slug title } ... on Person { slug name } ... on Organization { slug name }
  ... on Place { slug name } ... on Document { slug code } ... on Project { slug name }
  ... on Event { slug title } ... on Quote { slug text } ... on Conflict { slug field }`;

const NODE = `query ($id: ID!) { node(id: $id) { ${NODE_FIELDS} } }`;
const NODES = `query ($ids: [ID!]!) { nodes(ids: $ids) { ${NODE_FIELDS} } }`;

/** How each type's ID is read back from the API itself (not computed), so the round trip is real. */
const ID_SOURCE: Record<string, (slug: string) => string> = {
  Article: (s) => `{ x: article(slug: "${s}") { id } }`,
  Person: (s) => `{ x: person(slug: "${s}") { id } }`,
  Organization: (s) => `{ x: organization(slug: "${s}") { id } }`,
  Place: (s) => `{ x: place(slug: "${s}") { id } }`,
  Document: (s) => `{ x: document(slug: "${s}") { id } }`,
  Project: (s) => `{ x: project(slug: "${s}") { id } }`,
  Event: (s) => `{ x: event(slug: "${s}") { id } }`,
  // No root lookup by slug for these two: their lists carry the ID.
  Quote: () => `{ x: quotes(filter: { speaker: "le-hoang-trung" }) { edges { node { id slug } } } }`,
  Conflict: () => `{ x: conflicts { edges { node { id slug } } } }`,
};

async function idFromApi(type: string, slug: string): Promise<string> {
  const data = await ok(h, (ID_SOURCE[type] as (s: string) => string)(slug));
  if ('edges' in data.x) return data.x.edges.find((e: Json) => e.node.slug === slug).node.id;
  return data.x.id;
}

describe('node: global ID round trip', () => {
  it.each(SAMPLES)(
    '$type $slug: id → node → the same $type with the same slug',
    async ({ type, slug, field, value }) => {
      const id = await idFromApi(type, slug);
      expect(fromGid(id)).toEqual({ type, slug });
      expect(id).toBe(gid(type, slug));
      const data = await ok(h, NODE, { id });
      expect(data.node).toMatchObject({ __typename: type, id, slug, [field]: value });
    },
  );

  it.each(SAMPLES)('$type: a well-formed ID whose slug names nothing is null, without an error', async ({ type }) => {
    const r = await h.gql<Json>(NODE, { id: gid(type, 'no-such-slug') });
    expect(r.errors).toBeUndefined();
    expect(r.data.node).toBeNull();
  });

  it('a well-formed ID of a type that has no nodes is null too (as `nodes` answers it)', async () => {
    for (const id of [gid('Foo', 'bar'), gid('Mention', '1'), gid('Role', 'luu-duc-minh')]) {
      const r = await h.gql<Json>(NODE, { id });
      expect(r.errors, id).toBeUndefined();
      expect(r.data.node).toBeNull();
    }
  });

  it.each([
    ['not base64 at all', 'garbage!!'],
    ['base64 without a type separator', Buffer.from('nocolon').toString('base64')],
    ['a type with an empty id', Buffer.from('Person:').toString('base64')],
    ['the empty string', ''],
  ])('a malformed ID (%s) is BAD_USER_INPUT', async (_label, id) => {
    const e = await fails(h, NODE, 'BAD_USER_INPUT', { id });
    expect(e.path).toEqual(['node']);
    expect(e.message).toMatch(/global ID/i);
    expect(e.response.data).toEqual({ node: null });
  });

  it('a syntactically invalid ID literal is still a client error, never a 500', async () => {
    const r = await h.gql<Json>('{ node(id: 12) { id } }');
    expect(r.status).not.toBe(500);
    expect(r.errors?.length).toBeGreaterThan(0);
  });
});

describe('nodes', () => {
  it('loads one node of every type in the order asked', async () => {
    const ids = SAMPLES.map((s) => gid(s.type, s.slug));
    const data = await ok(h, NODES, { ids });
    expect(data.nodes.map((n: Json) => `${n.__typename}:${n.slug}`)).toEqual(SAMPLES.map((s) => `${s.type}:${s.slug}`));
    for (const [i, s] of SAMPLES.entries()) expect(data.nodes[i][s.field]).toBe(s.value);
  });

  it('answers null in place for IDs that name nothing, keeping the others in order', async () => {
    const ids = [
      gid('Person', 'no-such-person'),
      gid('Person', 'luu-duc-minh'),
      gid('Foo', 'bar'),
      gid('Event', 'ky-quyet-dinh-phe-duyet-vkc'),
      gid('Quote', 'no-such-quote'),
      gid('Person', 'luu-duc-minh'),
      gid('Conflict', 'vkc-project-elapsed-duration'),
    ];
    const data = await ok(h, NODES, { ids });
    expect(data.nodes.map((n: Json) => n && `${n.__typename}:${n.slug}`)).toEqual([
      null,
      'Person:luu-duc-minh',
      null,
      'Event:ky-quyet-dinh-phe-duyet-vkc',
      null,
      'Person:luu-duc-minh',
      'Conflict:vkc-project-elapsed-duration',
    ]);
  });

  it('answers all nulls when nothing exists, and [] for no IDs', async () => {
    expect((await ok(h, NODES, { ids: [gid('Place', 'atlantis'), gid('Article', 'nope')] })).nodes).toEqual([
      null,
      null,
    ]);
    expect((await ok(h, NODES, { ids: [] })).nodes).toEqual([]);
  });

  it('a malformed ID anywhere in the list is BAD_USER_INPUT for the whole field', async () => {
    const e = await fails(h, NODES, 'BAD_USER_INPUT', { ids: [gid('Person', 'luu-duc-minh'), 'xx!'] });
    expect(e.path).toEqual(['nodes']);
    expect(e.message).toMatch(/global ID/i);
  });
});

describe('root lookups by slug', () => {
  const LOOKUPS: Array<[string, string, string, string]> = [
    ['article', 'Article', 'do-thi-thong-minh-dong-luc-2022', 'slug title'],
    ['person', 'Person', 'pham-thi-hong-my', 'slug name'],
    ['organization', 'Organization', 'hoc-vien-amc', 'slug name'],
    ['place', 'Place', 'ha-noi', 'slug name'],
    ['document', 'Document', 'quyet-dinh-phe-duyet-vkc', 'slug kind'],
    ['project', 'Project', 'du-an-vkc', 'slug acronyms'],
    ['event', 'Event', 'hoi-nghi-trien-khai-vkc-2024', 'slug kind'],
  ];
  // Each expected value below is the seed's: 004's headline, 001's people/organizations, 000's Hà Nội,
  // the decision (kind DECISION), VKC's acronym and the 2024 conference (kind CONFERENCE).
  const EXPECTED: Record<string, Json> = {
    article: { title: 'Đô thị thông minh - Động lực quan trọng thúc đẩy Việt Nam phát triển toàn diện' },
    person: { name: 'Phạm Thị Hồng My' },
    organization: { name: 'Học viện Cán bộ quản lý xây dựng và đô thị' },
    place: { name: 'Hà Nội' },
    document: { kind: 'DECISION' },
    project: { acronyms: ['VKC'] },
    event: { kind: 'CONFERENCE' },
  };

  it.each(LOOKUPS)('%s(slug) returns that %s', async (field, type, slug, selection) => {
    const data = await ok(h, `{ x: ${field}(slug: "${slug}") { __typename id ${selection} } }`);
    expect(data.x).toEqual({ __typename: type, id: gid(type, slug), slug, ...EXPECTED[field] });
  });

  it.each(LOOKUPS)('%s(slug) of an unknown slug is null, without an error', async (field) => {
    const r = await h.gql<Json>(`{ x: ${field}(slug: "no-such-slug") { id } y: ${field}(slug: "") { id } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ x: null, y: null });
  });

  it('a slug is not a global ID: passing an ID to a slug lookup finds nothing', async () => {
    const data = await ok(h, `{ person(slug: "${gid('Person', 'luu-duc-minh')}") { id } }`);
    expect(data.person).toBeNull();
  });
});
