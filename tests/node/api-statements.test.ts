// Verifies how much SQL the real Yoga app sends: exact statement counts for canonical deep queries (a relation-only tree under one root field is one statement; search is one plus one per result type), and, replaying every statement those queries send under EXPLAIN QUERY PLAN with its own arguments, that none scans a large table (mentions, quotes, roles, event_participants, articles, search_documents) without an index.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gid, type Json, ok } from '../helpers/api';
import { createHarness, type Harness, LIFTED_LIMITS, type SqlCall } from '../helpers/harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ limits: LIFTED_LIMITS });
});
afterAll(() => h.close());

/** Runs a query that must succeed and returns its data with the statements it sent. */
async function measure(query: string, variables?: Record<string, unknown>): Promise<{ data: Json; calls: SqlCall[] }> {
  h.resetStatements();
  const data = await ok(h, query, variables);
  const calls = [...h.calls];
  expect(h.statements).toEqual(calls.map((c) => c.sql));
  return { data, calls };
}

/** The canonical deep queries, each under one root field and made only of relations. */
// A speaker with several quotes, so that a per-quote statement would show.
const PERSON_QUOTES_EVENT_PARTICIPANTS = `{ person(slug: "pham-thi-hong-my") { name
  quotes { totalCount edges { node { text kind role { title } event { slug title
    participants { totalCount edges { node { role evidence { text }
      person { slug roles { edges { node { title organization { slug name } article { slug } } } } }
      organization { slug name parent { slug } } } } } } } } } } }`;

const ARTICLE_RELATED_EVENTS = `{ article(slug: "vkc-hoi-nghi-trien-khai-2024") { title
  relatedArticles { totalCount edges { node { rank score sharedCount
    shared { __typename ... on Project { slug } ... on Event { slug } ... on Person { slug } }
    article { slug title publisher { slug } events { totalCount edges { node { slug date place { slug } } } } } } } } } }`;

const EVENT_PARTICIPANTS_REPORTS_QUOTES = `{ event(slug: "hoi-nghi-trien-khai-vkc-2024") { title
  participants { totalCount edges { node { role person { slug name } organization { slug name } evidence { text article { slug } } } } }
  reportedIn { totalCount edges { node { article { slug publishedDate } mention { start end text } } } }
  quotes { totalCount edges { node { kind text speaker { slug } role { title organization { slug } } documents { edges { node { slug } } } } } } } }`;

const SEARCH_WITH_RELATIONS = `{ search(query: "vkc", first: 20) { totalCount edges { type node { __typename
  ... on Project { slug components { edges { node { number title } } } partners { edges { node { organization { slug } } } } }
  ... on Organization { slug parent { slug } people { edges { node { slug } } } }
  ... on Article { slug publisher { slug } authors { edges { node { slug } } } }
  ... on Document { slug issuer { slug } conflicts { edges { node { slug } } } }
  ... on Event { slug place { slug } participants { edges { node { role } } } }
  ... on Quote { slug speaker { slug } event { slug } }
  ... on Person { slug roles { edges { node { title } } } }
  ... on Place { slug parent { slug } } } } } }`;

describe('statement counts', () => {
  it('person → quotes → event → participants → person roles / organization: 1 statement', async () => {
    const { data, calls } = await measure(PERSON_QUOTES_EVENT_PARTICIPANTS);
    expect(data.person.quotes.totalCount).toBe(3);
    expect(data.person.quotes.edges[0].node.event.participants.totalCount).toBe(11);
    expect(calls).toHaveLength(1);
  });

  it('article → relatedArticles → article → events: 1 statement', async () => {
    const { data, calls } = await measure(ARTICLE_RELATED_EVENTS);
    expect(data.article.relatedArticles.totalCount).toBe(4);
    expect(data.article.relatedArticles.edges[0].node.article.events.totalCount).toBe(3);
    expect(calls).toHaveLength(1);
  });

  it('event → participants / reportedIn / quotes: 1 statement', async () => {
    const { data, calls } = await measure(EVENT_PARTICIPANTS_REPORTS_QUOTES);
    expect([
      data.event.participants.totalCount,
      data.event.reportedIn.totalCount,
      data.event.quotes.totalCount,
    ]).toEqual([11, 1, 6]);
    expect(calls).toHaveLength(1);
  });

  it('search → results → their relations: 1 for the search + 1 per result type present', async () => {
    const { data, calls } = await measure(SEARCH_WITH_RELATIONS);
    const types = new Set(data.search.edges.map((e: Json) => e.type));
    expect(data.search.edges.length).toBeGreaterThan(5);
    expect(calls).toHaveLength(1 + types.size);
    // Measured on the seed: the first 20 hits for "vkc" are projects, organizations, articles, events and quotes.
    expect([...types].sort()).toEqual(['ARTICLE', 'EVENT', 'ORGANIZATION', 'PROJECT', 'QUOTE']);
    expect(calls).toHaveLength(6);
    // Narrowing to one type narrows the loads to one statement.
    const one = await measure(
      `{ search(query: "vkc", types: [PROJECT]) { edges { node { ... on Project { slug components { totalCount } } } } } }`,
    );
    expect(one.calls).toHaveLength(2);
  });

  it('node(id) with a deep selection: 1 statement', async () => {
    const { data, calls } = await measure(
      `query ($id: ID!) { node(id: $id) { ... on Person { slug quotes { edges { node { event { participants { edges { node { person { slug } } } } } } } } } } }`,
      { id: gid('Person', 'luu-duc-minh') },
    );
    expect(data.node.slug).toBe('luu-duc-minh');
    expect(calls).toHaveLength(1);
  });

  it('nodes(ids): 1 statement to see which exist + 1 per type present', async () => {
    const ids = [
      gid('Person', 'luu-duc-minh'),
      gid('Article', 'do-thi-thong-minh-dong-luc-2022'),
      gid('Person', 'nobody'),
      gid('Person', 'oh-se-hoon'),
    ];
    const { data, calls } = await measure(
      `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Person { slug roles { edges { node { title } } } } ... on Article { slug events { edges { node { slug } } } } } }`,
      { ids },
    );
    expect(data.nodes.map((n: Json) => n?.slug ?? null)).toEqual([
      'luu-duc-minh',
      'do-thi-thong-minh-dong-luc-2022',
      null,
      'oh-se-hoon',
    ]);
    expect(calls).toHaveLength(3);
  });

  it('a root list: 1 statement for the page, +1 when totalCount is asked for', async () => {
    const q = (total: string) =>
      `{ people(first: 3) { ${total} edges { node { slug roles { edges { node { title organization { slug } } } } } } } }`;
    expect((await measure(q(''))).calls).toHaveLength(1);
    expect((await measure(q('totalCount'))).calls).toHaveLength(2);
    expect(
      (
        await measure(
          `{ events(filter: { participant: "bo-xay-dung", from: "2022-01-01" }) { totalCount edges { node { slug participants { edges { node { role } } } } } } }`,
        )
      ).calls,
    ).toHaveLength(2);
    expect(
      (
        await measure(
          `{ conflicts { totalCount edges { node { subject { __typename ... on Document { issuer { slug } } } claims { edges { node { article { slug } mention { text } } } } } } } }`,
        )
      ).calls,
    ).toHaveLength(2);
  });

  it('an article’s mentions with their polymorphic subjects and the subjects’ relations: 1 statement', async () => {
    const { data, calls } =
      await measure(`{ article(slug: "vkc-hoi-nghi-trien-khai-2024") { content { start end } mentions(first: 100) { totalCount edges { node { text
      subject { __typename ... on Person { slug roles { totalCount } } ... on Organization { slug parent { slug } } ... on Place { slug }
        ... on Document { slug } ... on Project { slug } ... on Event { slug } } } } } } }`);
    expect(data.article.mentions.edges).toHaveLength(100);
    expect(calls).toHaveLength(1);
  });

  it('a project with components, partners’ people, events’ reports and conflicts’ claims: 1 statement', async () => {
    const { calls } = await measure(`{ project(slug: "du-an-vkc") { components { edges { node { number } } }
      partners { edges { node { role organization { slug people { edges { node { slug } } } } } } }
      events { edges { node { slug reportedIn { edges { node { article { slug } } } } } } }
      conflicts { edges { node { claims { edges { node { value } } } } } } } }`);
    expect(calls).toHaveLength(1);
  });

  it('each root field is its own statement; the same relation aliased with different arguments costs one more each', async () => {
    expect(
      (
        await measure(
          `{ a: person(slug: "pham-thi-hong-my") { slug } b: event(slug: "hoi-nghi-trien-khai-vkc-2024") { slug } }`,
        )
      ).calls,
    ).toHaveLength(2);
    // A Pothos-drizzle limit: one relation can be folded in once per parent; an alias with other arguments is loaded apart.
    expect(
      (
        await measure(
          `{ person(slug: "pham-thi-hong-my") { quotes { totalCount } direct: quotes(kind: DIRECT) { totalCount } } }`,
        )
      ).calls,
    ).toHaveLength(2);
    expect(
      (
        await measure(
          `{ event(slug: "hoi-nghi-trien-khai-vkc-2024") { participants { totalCount } organizers { totalCount } } }`,
        )
      ).calls,
    ).toHaveLength(2);
  });

  it('requests refused for bad input send no SQL at all', async () => {
    for (const q of [
      '{ people(first: 101) { totalCount } }',
      '{ people(first: 1, last: 1) { totalCount } }',
      '{ people(first: 1, after: "garbage") { edges { cursor } } }',
      `{ quotes(filter: { speaker: "${gid('Article', 'vkc-hoi-nghi-trien-khai-2024')}" }) { totalCount } }`,
      `{ node(id: "garbage!!") { id } }`,
      '{ people( ',
    ]) {
      h.resetStatements();
      const r = await h.gql<Json>(q);
      expect(r.errors?.length, q).toBeGreaterThan(0);
      expect(h.statements, q).toEqual([]);
    }
  });
});

describe('query plans', () => {
  /** Tables that grow with the articles; a full scan of one is a problem. Small lookup tables may be scanned. */
  const LARGE = new Set(['mentions', 'quotes', 'roles', 'event_participants', 'articles', 'search_documents']);
  const KEYWORDS = new Set([
    'where',
    'on',
    'inner',
    'left',
    'join',
    'order',
    'group',
    'limit',
    'using',
    'natural',
    'cross',
    'union',
    'as',
    'select',
  ]);

  /** Table (or alias) name → the tables it may stand for in this statement (drizzle aliases d0, d1, tr0 …). */
  function aliases(sql: string): Map<string, Set<string>> {
    const map = new Map<string, Set<string>>();
    const add = (name: string, table: string) => map.set(name, (map.get(name) ?? new Set()).add(table));
    const re = /\b(?:from|join)\s+"?([a-z_][a-z0-9_]*)"?(?:\s+(?:as\s+)?"?([a-z_][a-z0-9_]*)"?)?/gi;
    for (const m of sql.matchAll(re)) {
      const table = (m[1] as string).toLowerCase();
      add(table, table);
      const alias = m[2]?.toLowerCase();
      if (alias && !KEYWORDS.has(alias)) add(alias, table);
    }
    return map;
  }

  interface Scan {
    detail: string;
    tables: string[];
  }

  /** Replays a statement under EXPLAIN QUERY PLAN with its own arguments; returns every unindexed scan. */
  async function unindexedScans(call: SqlCall): Promise<{ plan: string[]; scans: Scan[] }> {
    const rs = await h.client.execute({ sql: `EXPLAIN QUERY PLAN ${call.sql}`, args: call.args ?? [] });
    const plan = rs.rows.map((r) => String(r.detail));
    const map = aliases(call.sql);
    const scans: Scan[] = [];
    for (const detail of plan) {
      const m = /^SCAN (\S+)(.*)$/.exec(detail);
      if (!m) continue;
      if (/USING (COVERING )?INDEX|PRIMARY KEY|VIRTUAL TABLE/.test(m[2] as string)) continue;
      const name = (m[1] as string).toLowerCase();
      scans.push({ detail, tables: [...(map.get(name) ?? [])] });
    }
    return { plan, scans };
  }

  const largeScans = (scans: Scan[]) => scans.filter((s) => s.tables.some((t) => LARGE.has(t)));

  it('the detector itself: a lookup by an unindexed column is a large-table scan; by an indexed one it is not', async () => {
    const bad = await unindexedScans({
      sql: 'SELECT id FROM "mentions" AS "d1" WHERE "d1"."text" = ?',
      args: ['Lưu Đức Minh'],
    });
    expect(largeScans(bad.scans).map((s) => s.tables)).toEqual([['mentions']]);
    const good = await unindexedScans({
      sql: 'SELECT id FROM "mentions" AS "d1" WHERE "d1"."person_id" = ?',
      args: [1],
    });
    expect(good.scans).toEqual([]);
    expect(good.plan.join('\n')).toMatch(/USING (COVERING )?INDEX mentions_person_idx/);
    // A scan of a small table in the outer loop is fine.
    const small = await unindexedScans({ sql: 'SELECT * FROM "places" WHERE "kind" = ?', args: ['CITY'] });
    expect(small.scans.map((s) => s.tables)).toEqual([['places']]);
    expect(largeScans(small.scans)).toEqual([]);
  });

  const CANONICAL: Array<[string, string]> = [
    ['person → quotes → event → participants → roles', PERSON_QUOTES_EVENT_PARTICIPANTS],
    ['article → relatedArticles → article → events', ARTICLE_RELATED_EVENTS],
    ['event → participants / reportedIn / quotes', EVENT_PARTICIPANTS_REPORTS_QUOTES],
    ['search → results → relations', SEARCH_WITH_RELATIONS],
    [
      'search restricted to quotes and people',
      '{ search(query: "luu duc minh", types: [QUOTE, PERSON], first: 5) { totalCount edges { node { ... on Quote { slug } ... on Person { slug } } } } }',
    ],
    [
      'an article’s mentions of several kinds',
      '{ article(slug: "vkc-hoi-nghi-trien-khai-2024") { mentions(kinds: [QUOTE, ROLE, CLAIM], first: 50) { totalCount edges { node { text } } } quotes { totalCount } } }',
    ],
    [
      'a person’s connections',
      '{ person(slug: "luu-duc-minh") { roles { totalCount } quotes(kind: INDIRECT) { totalCount } events { totalCount } articles { totalCount } mentions { totalCount edges { node { text } } } coParticipants { totalCount edges { node { sharedEvents { totalCount } } } } organizations { totalCount } } }',
    ],
    [
      'an organization’s connections',
      '{ organization(slug: "bo-xay-dung") { children { totalCount } people { totalCount } events { totalCount } projects { totalCount } documents { totalCount } articles { totalCount } published { totalCount } mentions { totalCount } } }',
    ],
    [
      'a document’s connections',
      '{ document(slug: "de-an-950") { events { totalCount } quotes { totalCount } articles { totalCount } mentions { totalCount } conflicts { totalCount } } }',
    ],
    [
      'a place’s connections',
      '{ place(slug: "ha-noi") { children { totalCount } events { totalCount } articles { totalCount } mentions { totalCount } } }',
    ],
    [
      'articles, filtered',
      '{ articles(filter: { from: "2021-01-01", to: "2025-12-31", publisher: "bao-xay-dung", language: VI }) { totalCount edges { node { slug authors { totalCount } } } } }',
    ],
    [
      'articles by date range',
      '{ articles(filter: { from: "2022-01-01", to: "2024-12-31" }) { totalCount edges { node { slug } } } }',
    ],
    ['articles by language', '{ articles(filter: { language: EN }) { totalCount edges { node { slug } } } }'],
    ['quotes by kind', '{ quotes(filter: { kind: DIRECT }, first: 5) { totalCount edges { node { text } } } }'],
    [
      'articles, newest first',
      '{ articles(first: 5) { totalCount edges { node { slug quotes(first: 3) { edges { node { text } } } } } } }',
    ],
    [
      'quotes by speaker',
      '{ quotes(filter: { speaker: "pham-thi-hong-my", kind: DIRECT }) { totalCount edges { node { text } } } }',
    ],
    [
      'quotes by event',
      '{ quotes(filter: { event: "hoi-nghi-trien-khai-vkc-2024" }) { totalCount edges { node { text } } } }',
    ],
    [
      'quotes by article',
      '{ quotes(filter: { article: "vkc-hoi-nghi-trien-khai-2024" }, first: 5) { totalCount edges { node { text } } } }',
    ],
    [
      'events, every filter',
      '{ events(filter: { participant: "luu-duc-minh", place: "viet-nam", project: "du-an-vkc", document: "quyet-dinh-phe-duyet-vkc", kinds: [CONFERENCE], from: "2020-01-01", to: "2030-01-01" }) { totalCount edges { node { slug } } } }',
    ],
    ['events, descending', '{ events(order: DESC, first: 5) { totalCount edges { node { slug } } } }'],
    [
      'people, every filter',
      '{ people(filter: { name: "minh", country: "VN", organization: "hoc-vien-amc" }) { totalCount edges { node { slug } } } }',
    ],
    ['documents by text', '{ documents(filter: { text: "388/QD-BXD" }) { totalCount edges { node { slug } } } }'],
    ['conflicts', '{ conflicts { totalCount edges { node { claims { edges { node { mention { text } } } } } } } }'],
    [
      'nodes of several types',
      `{ nodes(ids: ["${gid('Person', 'luu-duc-minh')}", "${gid('Quote', 'vkc-hoi-nghi-trien-khai-2024--le-hoang-trung--1')}", "${gid('Article', 'do-thi-thong-minh-dong-luc-2022')}"]) { id } }`,
    ],
  ];

  it.each(CANONICAL)('%s: no unindexed scan of a large table', async (_label, query) => {
    const { calls } = await measure(query);
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      const { plan, scans } = await unindexedScans(call);
      expect(plan.length).toBeGreaterThan(0);
      expect(largeScans(scans), `${call.sql.slice(0, 200)}\n${plan.join('\n')}`).toEqual([]);
    }
  });

  it('the canonical deep queries reach their rows through the indexes built for them', async () => {
    const plans = async (query: string) => {
      const { calls } = await measure(query);
      const out: string[] = [];
      for (const c of calls) out.push(...(await unindexedScans(c)).plan);
      return out.join('\n');
    };
    const a = await plans(PERSON_QUOTES_EVENT_PARTICIPANTS);
    expect(a).toContain('quotes_speaker_idx');
    expect(a).toContain('participations_event_idx');
    expect(a).toContain('roles_person_idx');
    const b = await plans(ARTICLE_RELATED_EVENTS);
    expect(b).toContain('related_articles_rank_idx');
    expect(b).toContain('event_reports_article_idx');
    const c = await plans(EVENT_PARTICIPANTS_REPORTS_QUOTES);
    expect(c).toContain('event_participants_participation_idx');
    expect(c).toContain('quotes_event_idx');
    const d = await plans(SEARCH_WITH_RELATIONS);
    expect(d).toMatch(/SCAN search_fts VIRTUAL TABLE/);
    expect(d).not.toMatch(/SCAN search_documents\b/);
  });
});
