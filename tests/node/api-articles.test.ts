// Verifies articles through the real Yoga app against the seed files: metadata (titles incl. 004's English headline, languages, publication time with "+07:00" only where stated, publisher, bylines), content ranges that leave page chrome out, `text` sliced at every mention's offsets, the per-article connections (events, people, organizations, places, documents, projects, quotes, mentions by kind), related articles ranked by shared entities, and the `articles` filters and ordering.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fails,
  gid,
  type Json,
  nodes,
  ok,
  SEED_FILES,
  type SeedId,
  seedText,
  seedYaml,
  slugs,
  spanText,
} from '../helpers/api';
import { createHarness, type Harness } from '../helpers/harness';
import { copySeed } from '../helpers/seed-copy';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const SEED_IDS: SeedId[] = ['000', '001', '002', '003', '004'];
const Y = Object.fromEntries(SEED_IDS.map((id) => [id, seedYaml(id)])) as Record<SeedId, Json>;
const SLUG = Object.fromEntries(SEED_IDS.map((id) => [id, Y[id].article.slug])) as Record<SeedId, string>;
const ALL_KINDS = [
  'ENTITY',
  'QUOTE',
  'ROLE',
  'REPORT',
  'PARTICIPATION',
  'CLAIM',
  'TITLE',
  'DATE',
  'BYLINE',
  'PUBLISHER',
  'PUBLISHED',
];

/** Every mention of an article of the given kinds, page by page (an article has hundreds). */
async function allMentions(slug: string, kinds?: string[]): Promise<Json[]> {
  const out: Json[] = [];
  let after: string | null = null;
  for (let page = 0; page < 50; page++) {
    const data: Json = await ok(
      h,
      `query ($slug: String!, $kinds: [MentionKind!], $after: String) { article(slug: $slug) {
        mentions(kinds: $kinds, first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor }
          edges { node { kind start end text article { slug } subject { __typename } } } } } }`,
      { slug, kinds, after },
    );
    const c = data.article.mentions;
    out.push(...nodes(c));
    if (!c.pageInfo.hasNextPage) {
      expect(out).toHaveLength(c.totalCount);
      return out;
    }
    after = c.pageInfo.endCursor;
  }
  throw new Error('mentions never end');
}

const META = `query ($slug: String!) { article(slug: $slug) {
  id slug sourceFile title en: title(lang: EN) vi: title(lang: VI) titleEn languages
  titleMention { kind start end text }
  publishedAt publishedLocal publishedDate publishedMention { kind text start end }
  publisher { slug name } publisherMention { kind text start end }
  authors { totalCount edges { node { slug name } } }
  content { lang start end text }
} }`;

describe('article metadata', () => {
  it.each(SEED_IDS)('%s: title, languages, publication and bylines are the curated ones', async (id) => {
    const y = Y[id].article;
    const page = seedText(id);
    const a = (await ok(h, META, { slug: y.slug })).article;
    expect(a.id).toBe(gid('Article', y.slug));
    expect(a.sourceFile).toBe(`${SEED_FILES[id]}.txt`);
    expect(a.title).toBe(spanText(y.title.span));
    expect(a.vi).toBe(a.title);
    expect(a.titleMention).toMatchObject({ kind: 'TITLE', text: a.title });
    expect(page.slice(a.titleMention.start, a.titleMention.end)).toBe(a.title);
    expect(a.languages).toEqual(y.languages.map((l: string) => l.toUpperCase()));
    if (y.title_en) {
      expect(a.titleEn).toBe(spanText(y.title_en.span));
      expect(a.en).toBe(a.titleEn);
    } else {
      expect(a.titleEn).toBeNull();
      expect(a.en).toBe(a.title); // no English headline: falls back to Vietnamese
    }
    if (y.published) {
      expect(a.publishedLocal).toBe(y.published.local);
      expect(a.publishedDate).toBe(y.published.local.slice(0, 10));
      expect(a.publishedAt).toBe(y.published.offset ? `${y.published.local}:00${y.published.offset}` : null);
      expect(a.publishedMention).toMatchObject({ kind: 'PUBLISHED', text: spanText(y.published.span) });
      expect(page.slice(a.publishedMention.start, a.publishedMention.end)).toBe(a.publishedMention.text);
    } else {
      expect([a.publishedAt, a.publishedLocal, a.publishedDate, a.publishedMention]).toEqual([null, null, null, null]);
    }
    if (y.publisher) {
      expect(a.publisher.slug).toBe(y.publisher.org);
      expect(a.publisherMention).toMatchObject({ kind: 'PUBLISHER', text: spanText(y.publisher.span) });
      expect(page.slice(a.publisherMention.start, a.publisherMention.end)).toBe(a.publisherMention.text);
    } else {
      expect(a.publisher).toBeNull();
      expect(a.publisherMention).toBeNull();
    }
    expect(slugs(a.authors)).toEqual(y.authors.map((x: Json) => x.person));
    expect(a.authors.totalCount).toBe(y.authors.length);
  });

  it('the literal values: 004 is bilingual, only 002 states its offset, 000 has no date and two bylines', async () => {
    const get = async (id: SeedId) => (await ok(h, META, { slug: SLUG[id] })).article;
    const a004 = await get('004');
    expect(a004).toMatchObject({
      title: 'Đô thị thông minh - Động lực quan trọng thúc đẩy Việt Nam phát triển toàn diện',
      titleEn: "SMART CITY – AN IMPORTANT MOTOR FOR VIETNAM'S COMPREHENSIVE DEVELOPMENT",
      en: "SMART CITY – AN IMPORTANT MOTOR FOR VIETNAM'S COMPREHENSIVE DEVELOPMENT",
      languages: ['VI', 'EN'],
      publishedAt: null,
      publishedLocal: '2022-11-17T15:28', // "17/11/2022 | 03:28 PM"
      publishedDate: '2022-11-17',
      publisher: { slug: 'hoc-vien-amc' },
      publisherMention: { text: '(AMC)' },
      authors: { totalCount: 1, edges: [{ node: { slug: 'luu-duc-minh', name: 'Lưu Đức Minh' } }] },
    });
    const a002 = await get('002');
    // "Thứ sáu, ngày 10/09/2021 19:30 PM (GMT+7)"
    expect(a002).toMatchObject({
      publishedAt: '2021-09-10T19:30:00+07:00',
      publishedLocal: '2021-09-10T19:30',
      publisher: null,
    });
    const a001 = await get('001');
    // "21:36 | 23/01/2024" states no offset.
    expect(a001).toMatchObject({
      publishedAt: null,
      publishedLocal: '2024-01-23T21:36',
      publishedDate: '2024-01-23',
      publisher: { slug: 'bao-xay-dung', name: 'Báo Xây dựng' },
      publisherMention: { text: '(Xây dựng)' },
    });
    const a003 = await get('003');
    expect(a003).toMatchObject({
      publishedAt: null,
      publishedLocal: '2025-12-05T19:37',
      publisher: { slug: 'hnp', name: 'HNP' },
    });
    const a000 = await get('000');
    expect(a000).toMatchObject({
      publishedAt: null,
      publishedLocal: null,
      publishedDate: null,
      publishedMention: null,
      publisher: null,
    });
    expect(slugs(a000.authors)).toEqual(['hue-nguyen', 'moc-co']);
  });
});

describe('bylines', () => {
  // KNOWN BUG, left open: `Article.authors` ("Bylines, in order") goes through article_authors to people
  // and is ordered by person id, not by the byline's `ordinal`. The real seed cannot show it (000's two
  // authors have ids in byline order), so this copy of the seed declares them the other way round.
  it('follow the declared byline order, whatever the people’s ids', async () => {
    const copy = copySeed();
    try {
      copy.edit(
        'articles/000_426948c4ed780aa9.yaml',
        '    - { person: hue-nguyen, span: "Huệ Nguyễn" }\n    - { person: moc-co, span: "Mộc Cỏ" }',
        '    - { person: moc-co, span: "Mộc Cỏ" }\n    - { person: hue-nguyen, span: "Huệ Nguyễn" }',
      );
      const other = await createHarness({ seedDir: copy.dir });
      try {
        const a = (await ok(other, `{ article(slug: "${SLUG['000']}") { authors { edges { node { slug } } } } }`))
          .article;
        expect(slugs(a.authors)).toEqual(['moc-co', 'hue-nguyen']);
      } finally {
        other.close();
      }
    } finally {
      copy.remove();
    }
  });
});

describe('content and text', () => {
  /** Text the curators call chrome, one string per article, that must lie outside every content range. */
  const CHROME: Record<SeedId, string[]> = {
    '000': ['Bài viết cũ hơn'],
    '001': ['Hotline: 094 540 6866', 'Trang chủ / Xã hội / Đô thị', 'Cùng chuyên mục', 'Tin bài cuối cùng'],
    '002': ['Vui lòng nhập nội dung bình luận.'],
    '003': ['Tin đọc nhiều', 'Tin cùng chuyên mục', 'Tin khác', 'Kế hoạch tuyển sinh vào lớp 10'],
    '004': ['Lượt xem: 1242', 'Tin có liên quan', 'Loading ...'],
  };

  it.each(SEED_IDS)('%s: the ranges are the curated ones, each `text` the page sliced, chrome outside', async (id) => {
    const page = seedText(id);
    const y = Y[id].article;
    const a = (await ok(h, `{ article(slug: "${y.slug}") { text content { lang start end text } } }`)).article;
    expect(a.text).toBe(page);
    expect(a.content.map((c: Json) => c.lang)).toEqual(y.content.map((c: Json) => c.lang.toUpperCase()));
    for (const [i, c] of a.content.entries()) {
      expect(c.text).toBe(page.slice(c.start, c.end));
      expect(c.text.startsWith(spanText(y.content[i].from))).toBe(true);
      expect(c.text.endsWith(spanText(y.content[i].to))).toBe(true);
      if (i > 0) expect(c.start).toBeGreaterThanOrEqual(a.content[i - 1].end);
    }
    for (const chrome of CHROME[id]) {
      let at = page.indexOf(chrome);
      expect(at, chrome).toBeGreaterThanOrEqual(0);
      for (; at >= 0; at = page.indexOf(chrome, at + 1)) {
        for (const c of a.content) expect(at + chrome.length <= c.start || at >= c.end, `${chrome} @${at}`).toBe(true);
      }
    }
  });

  it('003: the "Tin đọc nhiều" list, and everything after it, is outside the article', async () => {
    const page = seedText('003');
    const a = (await ok(h, `{ article(slug: "${SLUG['003']}") { content { start end text } } }`)).article;
    expect(a.content).toHaveLength(1);
    const [c] = a.content;
    expect(c.start).toBe(0);
    expect(page.indexOf('Tin đọc nhiều')).toBeGreaterThan(c.end);
    expect(c.text.endsWith('tạo nền tảng hợp tác chung sâu rộng hơn cho hai bên trong thời gian tới.')).toBe(true);
    expect(c.text).not.toContain('Tuyển sinh');
  });

  it('004: the view counter between the headline and the lead is chrome, the English version is an EN range', async () => {
    const a = (await ok(h, `{ article(slug: "${SLUG['004']}") { content { lang text } } }`)).article;
    expect(a.content.map((c: Json) => c.lang)).toEqual(['VI', 'VI', 'EN', 'VI']);
    expect(a.content[2].text.startsWith('SMART CITY – AN IMPORTANT MOTOR')).toBe(true);
    expect(a.content[2].text.endsWith('management units of all levels in the localities.')).toBe(true);
    expect(a.content.some((c: Json) => c.text.includes('Lượt xem'))).toBe(false);
  });

  it.each(SEED_IDS)(
    '%s: every mention of every kind is `text` sliced at its offsets, inside the content',
    async (id) => {
      const page = seedText(id);
      const content = (await ok(h, `{ article(slug: "${SLUG[id]}") { content { start end } } }`)).article.content;
      const mentions = await allMentions(SLUG[id], ALL_KINDS);
      expect(mentions.length).toBeGreaterThan(0);
      for (const m of mentions) {
        expect(m.article.slug).toBe(SLUG[id]);
        expect(page.slice(m.start, m.end), `${m.kind} @${m.start}`).toBe(m.text);
        expect(
          content.some((c: Json) => m.start >= c.start && m.end <= c.end),
          `${m.kind} "${m.text}" outside content`,
        ).toBe(true);
        // Only an ENTITY mention names an entity.
        expect(m.subject === null, m.kind).toBe(m.kind !== 'ENTITY');
      }
      // Reading order.
      for (let i = 1; i < mentions.length; i++) expect(mentions[i].start).toBeGreaterThanOrEqual(mentions[i - 1].start);
    },
  );
});

describe('an article’s connections are what its YAML declares', () => {
  const CONNECTIONS = `query ($slug: String!) { article(slug: $slug) {
    events(first: 100) { totalCount edges { node { slug date } } }
    people(first: 100) { totalCount edges { node { slug } } }
    organizations(first: 100) { totalCount edges { node { slug } } }
    places(first: 100) { totalCount edges { node { slug } } }
    documents(first: 100) { totalCount edges { node { slug } } }
    projects(first: 100) { totalCount edges { node { slug } } }
    quotes(first: 100) { totalCount edges { node { kind text speaker { slug } article { slug } } } }
    mentions { totalCount }
    entity: mentions(kinds: [ENTITY]) { totalCount }
    quoteSpans: mentions(kinds: [QUOTE], first: 100) { totalCount edges { node { kind text } } }
  } }`;

  it.each(SEED_IDS)('%s', async (id) => {
    const y = Y[id];
    const a = (await ok(h, CONNECTIONS, { slug: y.article.slug })).article;
    const declared = (key: string) => (y[key] ?? []).map((x: Json) => x.slug).sort();
    for (const key of ['people', 'organizations', 'places', 'documents', 'projects', 'events']) {
      expect(slugs(a[key]).sort(), key).toEqual(declared(key));
      expect(a[key].totalCount, key).toBe(declared(key).length);
    }
    // Events oldest first (undated first).
    const dates = nodes(a.events).map((e: Json) => e.date ?? '');
    expect(dates).toEqual([...dates].sort());
    // Quotes in reading order, each as curated.
    const quotes = (y.quotes ?? []).map((q: Json) => ({ kind: q.kind, speaker: q.speaker, text: spanText(q.span) }));
    expect(nodes(a.quotes).map((q: Json) => ({ kind: q.kind, speaker: q.speaker.slug, text: q.text }))).toEqual(quotes);
    expect(nodes(a.quotes).every((q: Json) => q.article.slug === y.article.slug)).toBe(true);
    // `mentions` defaults to ENTITY; `kinds: [QUOTE]` gives the quotes' spans.
    expect(a.mentions.totalCount).toBe(a.entity.totalCount);
    expect(a.quoteSpans.totalCount).toBe(quotes.length);
    expect(nodes(a.quoteSpans).map((m: Json) => m.text)).toEqual(quotes.map((q: Json) => q.text));
    expect(nodes(a.quoteSpans).every((m: Json) => m.kind === 'QUOTE')).toBe(true);
  });

  it('001 in literal values: two events oldest first, five people, the VKC project, six quotes', async () => {
    const a = (await ok(h, CONNECTIONS, { slug: SLUG['001'] })).article;
    expect(nodes(a.events)).toEqual([
      { slug: 'ky-quyet-dinh-phe-duyet-vkc', date: '2022-05-12' },
      { slug: 'hoi-nghi-trien-khai-vkc-2024', date: '2024-01-23' },
    ]);
    expect(slugs(a.people).sort()).toEqual([
      'le-hoang-trung',
      'luu-duc-minh',
      'minh-khanh',
      'park-jin-hong',
      'pham-thi-hong-my',
    ]);
    expect(slugs(a.projects)).toEqual(['du-an-vkc']);
    expect(slugs(a.documents).sort()).toEqual(
      [
        'ban-ghi-nho-bxd-molit-phat-trien-do-thi-ben-vung',
        'de-an-950',
        'huong-dan-do-thi-thong-minh-viet-nam',
        'quyet-dinh-phe-duyet-vkc',
      ].sort(),
    );
    expect(a.quotes.totalCount).toBe(6);
    expect(a.organizations.totalCount).toBe(16);
  });

  it('004 has no quotes (an op-ed): empty connections, not errors', async () => {
    const a = (await ok(h, CONNECTIONS, { slug: SLUG['004'] })).article;
    expect(a.quotes).toEqual({ totalCount: 0, edges: [] });
    expect(a.quoteSpans).toEqual({ totalCount: 0, edges: [] });
  });
});

describe('relatedArticles', () => {
  const ENTITY_KEYS: Array<[string, string]> = [
    ['people', 'Person'],
    ['organizations', 'Organization'],
    ['places', 'Place'],
    ['documents', 'Document'],
    ['projects', 'Project'],
    ['events', 'Event'],
  ];
  /** Entities an article names, as "Type:slug", from its YAML. */
  const entitiesOf = (id: SeedId) =>
    new Set(ENTITY_KEYS.flatMap(([key, type]) => (Y[id][key] ?? []).map((x: Json) => `${type}:${x.slug}`)));
  const E = Object.fromEntries(SEED_IDS.map((id) => [id, entitiesOf(id)])) as Record<SeedId, Set<string>>;
  const articlesNaming = (entity: string) => SEED_IDS.filter((id) => E[id].has(entity)).length;

  const RELATED = `query ($slug: String!) { article(slug: $slug) { relatedArticles { totalCount edges { node {
    rank score sharedCount article { slug }
    shared { __typename ... on Person { slug } ... on Organization { slug } ... on Place { slug } ... on Document { slug }
      ... on Project { slug } ... on Event { slug } } } } } } }`;

  it('001 and 004 are each other’s most related article, sharing the VKC project and the decision', async () => {
    const r001 = nodes((await ok(h, RELATED, { slug: SLUG['001'] })).article.relatedArticles);
    const r004 = nodes((await ok(h, RELATED, { slug: SLUG['004'] })).article.relatedArticles);
    expect(r001[0]).toMatchObject({ rank: 1, article: { slug: SLUG['004'] } });
    expect(r004[0]).toMatchObject({ rank: 1, article: { slug: SLUG['001'] } });
    const shared = r001[0].shared.map((e: Json) => `${e.__typename}:${e.slug}`);
    expect(shared).toEqual(
      expect.arrayContaining([
        'Project:du-an-vkc',
        'Event:ky-quyet-dinh-phe-duyet-vkc',
        'Document:quyet-dinh-phe-duyet-vkc',
        'Document:de-an-950',
        'Person:luu-duc-minh',
        'Organization:hoc-vien-amc',
      ]),
    );
    // 13 entities named only by these two (1/2 each) plus Việt Nam and Hàn Quốc, named by all five (1/5 each).
    expect(r001[0].sharedCount).toBe(15);
    expect(r001[0].score).toBeCloseTo(13 / 2 + 2 / 5, 9);
    expect(r004[0].score).toBeCloseTo(r001[0].score, 9);
    expect(r001[0].score).toBeGreaterThan(r001[1].score);
    expect(r004[0].score).toBeGreaterThan(r004[1].score);
  });

  it.each(SEED_IDS)('%s: shared entities and scores follow from the YAML of both articles', async (id) => {
    const rel = (await ok(h, RELATED, { slug: SLUG[id] })).article.relatedArticles;
    const others = SEED_IDS.filter((o) => o !== id && [...E[id]].some((e) => E[o].has(e)));
    expect(rel.totalCount).toBe(others.length);
    const got = nodes(rel);
    expect(got.map((r: Json) => r.rank)).toEqual(got.map((_: Json, i: number) => i + 1));
    for (let i = 1; i < got.length; i++) expect(got[i].score).toBeLessThanOrEqual(got[i - 1].score);
    for (const r of got) {
      const other = SEED_IDS.find((o) => SLUG[o] === r.article.slug) as SeedId;
      const shared = [...E[id]].filter((e) => E[other].has(e)).sort();
      expect(r.shared.map((e: Json) => `${e.__typename}:${e.slug}`).sort(), `${id}~${other}`).toEqual(shared);
      expect(r.sharedCount).toBe(shared.length);
      expect(r.score).toBeCloseTo(
        shared.reduce((s, e) => s + 1 / articlesNaming(e), 0),
        9,
      );
    }
  });
});

describe('articles(filter, order)', () => {
  const ARTICLES = `query ($filter: ArticlesFilter, $order: OrderDirection) {
    articles(filter: $filter, order: $order) { totalCount edges { node { slug publishedDate } } } }`;
  const find = async (filter?: Record<string, unknown>, order?: string) => {
    const data = await ok(h, ARTICLES, { filter, order });
    expect(data.articles.totalCount).toBe(data.articles.edges.length);
    return slugs(data.articles);
  };

  it('newest first by default, the undated 000 last; ASC is the reverse', async () => {
    // 003 2025-12-05, 001 2024-01-23, 004 2022-11-17, 002 2021-09-10, 000 undated.
    const desc = [SLUG['003'], SLUG['001'], SLUG['004'], SLUG['002'], SLUG['000']];
    expect(await find()).toEqual(desc);
    expect(await find(undefined, 'DESC')).toEqual(desc);
    expect(await find(undefined, 'ASC')).toEqual([...desc].reverse());
  });

  it('date range: inclusive, undated articles never match', async () => {
    expect(await find({ from: '2022-01-01', to: '2024-12-31' })).toEqual([SLUG['001'], SLUG['004']]);
    expect(await find({ from: '2022-11-17', to: '2022-11-17' })).toEqual([SLUG['004']]);
    expect(await find({ to: '2022-11-16' })).toEqual([SLUG['002']]);
    expect(await find({ from: '2025-01-01' }, 'ASC')).toEqual([SLUG['003']]);
    expect(await find({ from: '2030-01-01' })).toEqual([]);
  });

  it('publisher: by slug or ID', async () => {
    expect(await find({ publisher: 'bao-xay-dung' })).toEqual([SLUG['001']]);
    expect(await find({ publisher: gid('Organization', 'hnp') })).toEqual([SLUG['003']]);
    expect(await find({ publisher: 'hoc-vien-amc' })).toEqual([SLUG['004']]);
    expect(await find({ publisher: 'bo-xay-dung' })).toEqual([]);
  });

  it('publisher: an ID of another type is BAD_USER_INPUT', async () => {
    const e = await fails(h, ARTICLES, 'BAD_USER_INPUT', { filter: { publisher: gid('Person', 'huy-kien') } });
    expect(e.extensions?.argument).toBe('filter.publisher');
  });

  it('language: EN gives only the bilingual 004; VI gives all five', async () => {
    expect(await find({ language: 'EN' })).toEqual([SLUG['004']]);
    expect(await find({ language: 'VI' })).toHaveLength(5);
  });

  it('all conditions must hold', async () => {
    expect(await find({ language: 'EN', from: '2023-01-01' })).toEqual([]);
    expect(await find({ language: 'VI', publisher: 'bao-xay-dung', from: '2024-01-23', to: '2024-01-23' })).toEqual([
      SLUG['001'],
    ]);
  });
});
