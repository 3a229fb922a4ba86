// Verifies `timeline` (events and publications in date order, per subject, paged both ways) and `path`
// (shortest chain between entities with evidence) against the real seed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PATH_MAX_LINKS } from '../../src/graph/path';
import { createHarness, type Harness, LIFTED_LIMITS } from '../helpers/harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

interface Entry {
  date: string;
  kind: 'EVENT' | 'PUBLICATION';
  event: { slug: string } | null;
  article: { slug: string } | null;
}
interface TimelinePage {
  timeline: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
    edges: Array<{ cursor: string; node: Entry }>;
  };
}
const TIMELINE = `query T($subject: ID, $from: Date, $to: Date, $first: Int, $after: String, $last: Int, $before: String, $includePublications: Boolean = true) {
  timeline(subject: $subject, from: $from, to: $to, first: $first, after: $after, last: $last, before: $before, includePublications: $includePublications) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { date kind event { slug } article { slug } } }
  }
}`;
const timeline = async (v: Record<string, unknown>, on = h) => {
  const r = await on.gql<TimelinePage>(TIMELINE, v);
  expect(r.errors).toBeUndefined();
  return (r.data as TimelinePage).timeline;
};
const label = (e: Entry) => `${e.date} ${e.kind} ${e.event?.slug ?? e.article?.slug}`;

describe('timeline', () => {
  it('puts everything dated in date order, events before publications on the same day', async () => {
    const t = await timeline({ first: 100 });
    const dates = t.edges.map((e) => e.node.date);
    expect(dates).toEqual([...dates].sort());
    // The VKC conference on the morning of 23/1/2024 and the article reporting it that evening.
    const day = t.edges.filter((e) => e.node.date === '2024-01-23').map((e) => label(e.node));
    expect(day).toEqual([
      '2024-01-23 EVENT hoi-nghi-trien-khai-vkc-2024',
      '2024-01-23 PUBLICATION vkc-hoi-nghi-trien-khai-2024',
    ]);
    // Article 000 states no publication date, so it has no PUBLICATION entry.
    expect(t.edges.some((e) => e.node.article?.slug === 'vupda-mou-mang-luoi-hop-tac-2023')).toBe(false);
    expect(t.totalCount).toBe(t.edges.length);
  });

  it('follows one subject: the VKC project, from the 2022 decision to the 2024 conference', async () => {
    const t = await timeline({ subject: 'du-an-vkc' });
    const labels = t.edges.map((e) => label(e.node));
    expect(labels[0]).toBe('2022-05-12 EVENT ky-quyet-dinh-phe-duyet-vkc');
    expect(labels).toContain('2022-11-17 PUBLICATION do-thi-thong-minh-dong-luc-2022');
    expect(labels).toContain('2024-01-23 EVENT hoi-nghi-trien-khai-vkc-2024');
    expect(labels.some((l) => l.includes('ha-noi-seoul'))).toBe(false);
  });

  it('accepts a global ID as subject and applies date filters', async () => {
    const id = btoa('Person:luu-duc-minh');
    h.resetStatements();
    const t = await timeline({ subject: id, from: '2023-01-01', to: '2024-12-31' });
    // The page (an index range of the subject's links, with its total), then its events and its articles.
    expect(h.statements).toHaveLength(3);
    expect(t.edges.map((e) => label(e.node))).toEqual([
      '2024-01-23 EVENT hoi-nghi-trien-khai-vkc-2024',
      '2024-01-23 PUBLICATION vkc-hoi-nghi-trien-khai-2024',
    ]);
  });

  it('pages forward and backward over the same entries', async () => {
    const all = (await timeline({ first: 100 })).edges.map((e) => e.cursor);
    const forward: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await timeline({ first: 3, after });
      forward.push(...page.edges.map((e) => e.cursor));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(forward).toEqual(all);
    const backward: string[] = [];
    let before: string | null = null;
    for (;;) {
      const page = await timeline({ last: 4, before });
      backward.unshift(...page.edges.map((e) => e.cursor));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(backward).toEqual(all);
  });

  it('refuses a subject that cannot have a timeline, and a bad cursor', async () => {
    const quoteId = btoa('Quote:x');
    const r = await h.gql(TIMELINE, { subject: quoteId });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const c = await h.gql(TIMELINE, { after: 'not-a-cursor' });
    expect(c.errors?.[0]).toMatchObject({ message: 'Invalid cursor.', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('gives every subject exactly its dated events and the articles that name it, in order, paged both ways', async () => {
    // Hundreds of requests: a harness of its own, without the per-client cost budget.
    const lifted = await createHarness({ limits: LIFTED_LIMITS });
    // The entries as the facts define them, straight from the fact and link tables (not entity_links).
    const expected = async (type: string, slug: string) => {
      const subject: Record<string, { table: string; events: string; articles: string }> = {
        Person: {
          table: 'people',
          events: 'SELECT event_id FROM event_people WHERE person_id = s.id',
          articles: 'SELECT article_id FROM article_people WHERE person_id = s.id',
        },
        Organization: {
          table: 'organizations',
          events: 'SELECT event_id FROM event_organizations WHERE organization_id = s.id',
          articles: 'SELECT article_id FROM article_organizations WHERE organization_id = s.id',
        },
        Project: {
          table: 'projects',
          events: 'SELECT id FROM events WHERE project_id = s.id',
          articles: 'SELECT article_id FROM article_projects WHERE project_id = s.id',
        },
        Document: {
          table: 'documents',
          events: 'SELECT event_id FROM event_documents WHERE document_id = s.id',
          articles: 'SELECT article_id FROM article_documents WHERE document_id = s.id',
        },
        Place: {
          table: 'places',
          events:
            'WITH RECURSIVE inside(id) AS (SELECT s.id UNION SELECT p.id FROM places p JOIN inside ON p.parent_id = inside.id) SELECT e.id FROM events e WHERE e.place_id IN inside',
          articles:
            'WITH RECURSIVE inside(id) AS (SELECT s.id UNION SELECT p.id FROM places p JOIN inside ON p.parent_id = inside.id) SELECT article_id FROM article_places WHERE place_id IN inside',
        },
      };
      const q = subject[type] as { table: string; events: string; articles: string };
      const rs = await h.client.execute({
        sql: `SELECT * FROM (
          SELECT e.date AS d, 0 AS k, e.id AS id, 'EVENT' AS kind, e.slug AS slug FROM ${q.table} s, events e
          WHERE s.slug = ? AND e.date IS NOT NULL AND e.id IN (${q.events})
          UNION ALL
          SELECT a.published_date, 1, a.id, 'PUBLICATION', a.slug FROM ${q.table} s, articles a
          WHERE s.slug = ? AND a.published_date IS NOT NULL AND a.id IN (${q.articles})
        ) ORDER BY d, k, id`,
        args: [slug, slug],
      });
      return rs.rows.map((r) => `${r.d} ${r.kind} ${r.slug}`);
    };
    const subjects = await h.client.execute(`
      SELECT 'Person' AS t, slug FROM people UNION ALL SELECT 'Organization', slug FROM organizations
      UNION ALL SELECT 'Project', slug FROM projects UNION ALL SELECT 'Document', slug FROM documents
      UNION ALL SELECT 'Place', slug FROM places`);
    let nonEmpty = 0;
    for (const row of subjects.rows) {
      const subject = btoa(`${row.t}:${row.slug}`);
      const want = await expected(String(row.t), String(row.slug));
      const t = await timeline({ subject, first: 100 }, lifted);
      expect(
        t.edges.map((e) => label(e.node)),
        subject,
      ).toEqual(want);
      expect(t.totalCount).toBe(want.length);
      if (want.length > 0) nonEmpty++;
      if (want.length < 3) continue;
      // Forward two at a time, then backward two at a time, from the ends.
      const forward: string[] = [];
      let after: string | null = null;
      do {
        const page: TimelinePage['timeline'] = await timeline({ subject, first: 2, after }, lifted);
        expect(page.totalCount).toBe(want.length);
        forward.push(...page.edges.map((e) => label(e.node)));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(forward).toEqual(want);
      const backward: string[] = [];
      let before: string | null = null;
      do {
        const page: TimelinePage['timeline'] = await timeline({ subject, last: 2, before }, lifted);
        backward.unshift(...page.edges.map((e) => label(e.node)));
        before = page.pageInfo.hasPreviousPage ? page.pageInfo.startCursor : null;
      } while (before);
      expect(backward).toEqual(want);
      // Events only.
      const events = await timeline({ subject, first: 100, includePublications: false }, lifted);
      const wantEvents = want.filter((l) => l.includes(' EVENT '));
      expect(events.edges.map((e) => label(e.node))).toEqual(wantEvents);
      expect(events.totalCount).toBe(wantEvents.length);
      // A date window, and a cursor inside it.
      const [from, to] = [want[1]?.slice(0, 10) as string, want[want.length - 2]?.slice(0, 10) as string];
      const window = want.filter((l) => l.slice(0, 10) >= from && l.slice(0, 10) <= to);
      const first = await timeline({ subject, from, to, first: 1 }, lifted);
      expect(first.totalCount).toBe(window.length);
      const rest = await timeline({ subject, from, to, first: 100, after: first.pageInfo.endCursor }, lifted);
      expect([...first.edges, ...rest.edges].map((e) => label(e.node))).toEqual(window);
    }
    expect(nonEmpty).toBeGreaterThan(20);
    lifted.close();
  });

  it('gives an empty timeline for an unknown subject slug', async () => {
    const t = await timeline({ subject: 'no-such-thing' });
    expect(t).toMatchObject({ totalCount: 0, edges: [] });
  });
});

const PATH = `query P($from: ID!, $to: ID!, $maxHops: Int) {
  path(from: $from, to: $to, maxHops: $maxHops) {
    found length
    hops {
      via
      from { __typename ... on Person { slug } ... on Organization { slug } ... on Event { slug } }
      to { __typename ... on Person { slug } ... on Organization { slug } ... on Event { slug } }
      event { slug } article { slug }
      evidence { text start end article { slug text } }
    }
  }
}`;
interface PathData {
  path: {
    found: boolean;
    length: number;
    hops: Array<{
      via: string;
      from: { slug: string };
      to: { slug: string };
      event: { slug: string } | null;
      article: { slug: string } | null;
      evidence: Array<{ text: string; start: number; end: number; article: { slug: string; text: string } }>;
    }>;
  };
}

describe('path', () => {
  it('links LH’s chief executive (2021 Huế signing) to the Korean embassy counsellor (2024 conference) through LH', async () => {
    h.resetStatements();
    const r = await h.gql<PathData>(PATH, { from: 'kim-hyun-jun', to: 'park-jin-hong' });
    const p = (r.data as PathData).path;
    expect(p.found).toBe(true);
    expect(p.length).toBe(2);
    // Both ends' keys, their link counts, one statement per step (2), the evidence, then the nodes, one
    // statement per type (people, organization, event, article, mentions).
    expect(h.statements).toHaveLength(11);
    expect(p.hops.map((x) => [x.from.slug, x.via, x.to.slug])).toEqual([
      ['kim-hyun-jun', 'EVENT', 'lh'],
      ['lh', 'ARTICLE', 'park-jin-hong'],
    ]);
    expect(p.hops[0]?.event?.slug).toBe('ky-ket-mou-hue-lh-2021');
    expect(p.hops[1]?.article?.slug).toBe('vkc-hoi-nghi-trien-khai-2024');
  });

  it('backs every hop with spans of real article text', async () => {
    const r = await h.gql<PathData>(PATH, { from: 'luu-duc-minh', to: 'kim-hyun-jun' });
    const p = (r.data as PathData).path;
    expect(p.found).toBe(true);
    for (const hop of p.hops) {
      expect(hop.evidence.length).toBeGreaterThanOrEqual(2);
      for (const m of hop.evidence) expect(m.article.text.slice(m.start, m.end)).toBe(m.text);
    }
    // The chain ends at the 2021 Huế–LH signing, where Kim Hyun Jun spoke for LH.
    expect(p.hops[p.hops.length - 1]).toMatchObject({
      via: 'EVENT',
      to: { slug: 'kim-hyun-jun' },
      event: { slug: 'ky-ket-mou-hue-lh-2021' },
    });
  });

  it('never steps through a country (they are named in every article), but may through a city', async () => {
    const r = await h.gql(
      `{ path(from: "tran-ngoc-chinh", to: "oh-se-hoon") { found hops { to { __typename ... on Place { slug kind } } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const ends = (r.data as { path: { found: boolean; hops: Array<{ to: { slug?: string; kind?: string } }> } }).path;
    expect(ends.found).toBe(true);
    expect(ends.hops.map((x) => x.to.kind).filter(Boolean)).not.toContain('COUNTRY');
    // Trần Ngọc Chính spoke at Hà Nội's architecture university; Oh Se-hoon spoke at the Hà Nội forum.
    expect(ends.hops[0]?.to).toEqual({ __typename: 'Place', slug: 'ha-noi', kind: 'CITY' });
  });

  it('never steps through a hub (an entity with over PATH_MAX_LINKS links), though a hub may be an end', async () => {
    // No seed entity is a hub: make the Communist Party one. The counsellor's shortest chain to the Seoul
    // mayor runs through it (001 → 004 → 000 → 003); the Political Bureau also links 000 and 004.
    const through = (await h.gql<PathData>(PATH, { from: 'park-jin-hong', to: 'oh-se-hoon' })).data as PathData;
    expect(through.path.hops.map((x) => x.to.slug)).toContain('dang-cong-san-viet-nam');
    const key = String(
      (await h.client.execute(`SELECT 'o:' || id AS k FROM organizations WHERE slug = 'dang-cong-san-viet-nam'`))
        .rows[0]?.k,
    );
    const links = (
      await h.client.execute({ sql: 'SELECT links FROM entity_link_counts WHERE entity = ?', args: [key] })
    ).rows[0]?.links as number;
    const set = (n: number) =>
      h.client.execute({ sql: 'UPDATE entity_link_counts SET links = ? WHERE entity = ?', args: [n, key] });
    await set(PATH_MAX_LINKS + 1);
    try {
      // Not the first test's query text, which the response cache holds.
      const HUB = `query Hub($from: ID!, $to: ID!) { path(from: $from, to: $to, maxHops: 6) { found length hops {
        from { ... on Person { slug } ... on Organization { slug } ... on Place { slug } ... on Event { slug } ... on Document { slug } ... on Project { slug } }
        to { ... on Person { slug } ... on Organization { slug } ... on Place { slug } ... on Event { slug } ... on Document { slug } ... on Project { slug } }
      } } }`;
      type HubPath = {
        path: { found: boolean; length: number; hops: Array<{ from: { slug: string }; to: { slug: string } }> };
      };
      const around = await h.gql<HubPath>(HUB, { from: 'park-jin-hong', to: 'oh-se-hoon' });
      expect(around.errors).toBeUndefined();
      const p = (around.data as HubPath).path;
      expect(p.found).toBe(true);
      expect(p.length).toBeGreaterThan(2);
      expect(p.hops.slice(1).map((x) => x.from.slug)).not.toContain('dang-cong-san-viet-nam');
      const end = await h.gql<HubPath>(HUB, { from: 'dang-cong-san-viet-nam', to: 'tran-ngoc-chinh' });
      expect((end.data as HubPath).path).toMatchObject({ found: true, length: 1 });
    } finally {
      await set(links);
    }
  });

  it('gives an empty result, not an error, for unknown or unreachable ends', async () => {
    for (const v of [
      { from: 'nobody-at-all', to: 'oh-se-hoon' },
      { from: 'park-jin-hong', to: 'oh-se-hoon', maxHops: 1 },
    ]) {
      const r = await h.gql<PathData>(PATH, v);
      expect(r.errors).toBeUndefined();
      expect((r.data as PathData).path).toEqual({ found: false, length: 0, hops: [] });
    }
  });

  it('refuses out-of-range maxHops and IDs of types a path cannot visit', async () => {
    const a = await h.gql(PATH, { from: 'park-jin-hong', to: 'oh-se-hoon', maxHops: 50 });
    expect(a.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const b = await h.gql(PATH, { from: btoa('Article:vkc-hoi-nghi-trien-khai-2024'), to: 'oh-se-hoon' });
    expect(b.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
