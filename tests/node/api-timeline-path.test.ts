// Verifies `timeline` (events and publications in date order, per subject, paged both ways) and `path`
// (shortest chain between entities with evidence) against the real seed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness';

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
const TIMELINE = `query T($subject: ID, $from: Date, $to: Date, $first: Int, $after: String, $last: Int, $before: String) {
  timeline(subject: $subject, from: $from, to: $to, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { date kind event { slug } article { slug } } }
  }
}`;
const timeline = async (v: Record<string, unknown>) => {
  const r = await h.gql<TimelinePage>(TIMELINE, v);
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
    const t = await timeline({ subject: id, from: '2023-01-01', to: '2024-12-31' });
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
  it('links the Korean embassy counsellor (2024 conference) to the Seoul mayor (2025 forum) through the embassy', async () => {
    const r = await h.gql<PathData>(PATH, { from: 'park-jin-hong', to: 'oh-se-hoon' });
    const p = (r.data as PathData).path;
    expect(p.found).toBe(true);
    expect(p.length).toBe(2);
    expect(p.hops.map((x) => [x.from.slug, x.via, x.to.slug])).toEqual([
      ['park-jin-hong', 'EVENT', 'dai-su-quan-han-quoc'],
      ['dai-su-quan-han-quoc', 'ARTICLE', 'oh-se-hoon'],
    ]);
    expect(p.hops[0]?.event?.slug).toBe('hoi-nghi-trien-khai-vkc-2024');
    expect(p.hops[1]?.article?.slug).toBe('ha-noi-seoul-dien-dan-chinh-sach-2025');
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
