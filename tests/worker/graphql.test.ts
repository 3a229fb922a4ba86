// Verifies the real Worker module inside workerd, reading the seeded local sqld: queries, real data, errors, GraphiQL.
import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, inject, it } from 'vitest';

interface GqlBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

// The host is irrelevant: exports.default.fetch calls the Worker's fetch handler directly.
const ENDPOINT = 'http://worker.test/graphql';

async function post(query: string, accept = 'application/graphql-response+json') {
  const res = await exports.default.fetch(ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, body: (await res.json()) as GqlBody };
}

// The first request evaluates the whole bundle and opens the HTTP connection to sqld: seconds.
beforeAll(async () => {
  await post('{ __typename }');
}, 60_000);

describe('Worker /graphql', () => {
  it('reads from the sqld the globalSetup started', () => {
    expect(env.LIBSQL_URL).toBe(inject('libsqlUrl'));
  });

  it('answers { __typename }', async () => {
    const { status, body } = await post('{ __typename }');
    expect(status).toBe(200);
    expect(body.data).toEqual({ __typename: 'Query' });
    expect(body.errors).toBeUndefined();
  });

  it('serves the seeded articles', async () => {
    const { status, body } = await post('{ articles(first: 100) { totalCount edges { node { slug title } } } }');
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const articles = body.data?.articles as {
      totalCount: number;
      edges: Array<{ node: { slug: string; title: string } }>;
    };
    expect(articles.totalCount).toBe(inject('seedArticleCount'));
    expect(articles.edges).toHaveLength(articles.totalCount);
    // Straight from seed/articles/000_426948c4ed780aa9.txt (the captured pages are never edited).
    expect(articles.edges.map((e) => e.node)).toContainEqual({
      slug: 'vupda-mou-mang-luoi-hop-tac-2023',
      title: 'VUPDA ký biên bản ghi nhớ “Thiết lập mạng lưới hợp tác” với các đối tác Hàn Quốc',
    });
  });

  it('answers a cross-article query folded into one statement, with search and timeline, as on Node', async () => {
    const { status, body } = await post(`{
      person(slug: "luu-duc-minh") { name articles { totalCount } roles { edges { node { article { slug } mention { text } } } } }
      search(query: "luu duc minh", first: 1) { edges { node { ... on Person { slug } } } }
      timeline(subject: "du-an-vkc", first: 1) { edges { node { date event { slug } } } }
    }`);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const data = body.data as {
      person: {
        name: string;
        articles: { totalCount: number };
        roles: { edges: Array<{ node: { article: { slug: string }; mention: { text: string } } }> };
      };
      search: { edges: Array<{ node: { slug: string } }> };
      timeline: { edges: Array<{ node: { date: string; event: { slug: string } } }> };
    };
    expect(data.person.name).toBe('Lưu Đức Minh');
    expect(data.person.articles.totalCount).toBe(2);
    // Stated in 004's byline note as well as in 001's body.
    expect(data.person.roles.edges.map((e) => e.node.article.slug)).toEqual(
      expect.arrayContaining(['vkc-hoi-nghi-trien-khai-2024', 'do-thi-thong-minh-dong-luc-2022']),
    );
    expect(data.search.edges[0]?.node.slug).toBe('luu-duc-minh');
    expect(data.timeline.edges[0]?.node).toEqual({
      date: '2022-05-12',
      event: { slug: 'ky-quyet-dinh-phe-duyet-vkc' },
    });
  });

  it('answers a malformed query with a GraphQL error, not a 5xx', async () => {
    const strict = await post('{ articles(first: ');
    expect(strict.status).toBe(400);
    expect(strict.body.errors?.[0]?.message).toMatch(/Syntax Error/);
    expect(strict.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');

    // Legacy clients asking for plain JSON get the same error with a 200, per the GraphQL-over-HTTP spec.
    const legacy = await post('{ nope }', 'application/json');
    expect(legacy.status).toBe(200);
    expect(legacy.body.errors?.[0]?.message).toMatch(/Cannot query field "nope"/);
  });

  it('serves GraphiQL to a browser', async () => {
    const res = await exports.default.fetch(ENDPOINT, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('<title>Vietnam–Korea smart-city news: GraphQL</title>');
    expect(html).toMatch(/graphiql/i);
  });
});
