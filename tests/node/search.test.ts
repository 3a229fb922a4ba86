// Verifies the search engine on the real seeded database: diacritic-insensitive matching (đ too) with exact-diacritic ranking, acronyms, aliases, type-ahead prefixes, collapsing, type filter, pagination, highlights, no page chrome, scoring, the bounded window of ranked matches, safety on hostile input, one SQL statement per search that never sorts every match, and the index the loader builds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../src/db/client';
import { migrate } from '../../src/db/migrate';
import { SEARCH_TYPES } from '../../src/domain/entities';
import { fold } from '../../src/lib/text';
import { buildSearchDocuments, passages } from '../../src/search/indexer';
import {
  MAX_QUERY_LENGTH,
  parseSearchQuery,
  SEARCH_WINDOW,
  type SearchArgs,
  type SearchHit,
  SearchQueryError,
  type SearchResult,
  searchKnowledgeBase,
} from '../../src/search/query';
import { fieldScorer, rankCandidates } from '../../src/search/rank';
import { makeSnippet, SNIPPET_LENGTH } from '../../src/search/snippet';
import { foldPreserving, lowerWords } from '../../src/search/text';
import { loadSeed, planFromSource, readSeedSource } from '../../src/seed/load';
import type { Plan } from '../../src/seed/plan';
import { countingClient, createHarness, type Harness, type SqlCall } from '../helpers/harness';

let h: Harness;
let db: Db;
let plan: Plan;
const log: string[] = [];
const bodies = new Map<number, string>();

beforeAll(async () => {
  h = await createHarness();
  db = createDb(countingClient(h.client, log));
  plan = planFromSource(await readSeedSource());
  for (const r of (await h.client.execute('SELECT id, body FROM articles')).rows)
    bodies.set(Number(r.id), String(r.body));
});
afterAll(() => h.close());

const search = (query: string, rest: Omit<SearchArgs, 'query'> = {}) => searchKnowledgeBase(db, { query, ...rest });
const key = (x: SearchHit) => `${x.type}:${x.slug}`;
const keys = (r: SearchResult) => r.hits.map(key);

/** Every hit of a query, page by page. */
async function all(query: string, rest: Omit<SearchArgs, 'query' | 'after'> = {}): Promise<SearchHit[]> {
  const out: SearchHit[] = [];
  let after: string | null = null;
  for (let page = 0; page < 100; page++) {
    const r: SearchResult = await search(query, { ...rest, first: rest.first ?? 100, after });
    out.push(...r.hits);
    if (!r.pageInfo.hasNextPage) return out;
    after = r.pageInfo.endCursor;
  }
  throw new Error('pagination does not end');
}

describe('folding', () => {
  it('keeps every offset: one folded unit per original unit, equal to fold() on all seed text', () => {
    const texts = [
      ...bodies.values(),
      ...(plan.tables.people ?? []).map((r) => String(r.name)),
      ...(plan.tables.quotes ?? []).map((r) => String(r.text)),
    ];
    for (const t of texts) {
      const f = foldPreserving(t);
      expect(f.length).toBe(t.length);
      expect(lowerWords(t).length).toBe(t.length);
      expect(f).toBe(fold(t));
    }
    expect(foldPreserving('Lưu ĐỨC Minh, Nguyễn, Thừa Thiên Huế')).toBe('luu duc minh, nguyen, thua thien hue');
  });

  it('stays length-preserving where a plain fold would not', () => {
    // A standalone combining mark, a Hangul syllable (decomposes into jamo), İ (lower-cases to two units), emoji.
    for (const t of ['x\u0303y', '서울 Seoul', 'İstanbul', 'a🙂b', '\uD800 lone']) {
      expect(foldPreserving(t).length).toBe(t.length);
    }
    expect(foldPreserving('서울')).toBe('서울');
  });
});

describe('index', () => {
  const docs = () => buildSearchDocuments(plan.tables);

  it('indexes every type with its searchable fields', () => {
    const fieldsOf = (type: string, slug: string) =>
      docs()
        .filter((d) => d.entity_type === type && d.entity_slug === slug)
        .map((d) => `${d.field}:${d.text}`);
    expect(fieldsOf('PERSON', 'luu-duc-minh')).toEqual(['NAME:Lưu Đức Minh', 'ALIAS:Luu Duc Minh']);
    expect(fieldsOf('ORGANIZATION', 'hoc-vien-amc')).toEqual(
      expect.arrayContaining([
        'ACRONYM:AMC',
        'NAME_EN:Academy of Managers for Construction and Cities',
        'ALIAS:Học viện AMC',
      ]),
    );
    expect(fieldsOf('PLACE', 'thua-thien-hue')).toEqual(['NAME:Thừa Thiên Huế', 'ALIAS:TT-Huế']);
    expect(fieldsOf('DOCUMENT', 'de-an-950')).toEqual(expect.arrayContaining(['CODE:950/QĐ-TTg', 'ALIAS:Đề án 950']));
    expect(fieldsOf('PROJECT', 'du-an-vkc')).toEqual(expect.arrayContaining(['ACRONYM:VKC', 'ALIAS:Dự án VKC']));
    expect(fieldsOf('EVENT', 'hoi-nghi-trien-khai-vkc-2024')).toEqual(['TITLE:Hội nghị triển khai năm 2024 Dự án VKC']);
    expect(fieldsOf('QUOTE', 'ha-noi-seoul-dien-dan-chinh-sach-2025--oh-se-hoon--1')).toEqual([
      'TEXT:ấn tượng trước quá trình phát triển của Hà Nội và khẳng định Thủ đô sẽ còn bứt phá trong thời gian tới',
    ]);
    expect(new Set(docs().map((d) => d.entity_type))).toEqual(new Set(SEARCH_TYPES));
  });

  it('takes article bodies only from their content ranges, paragraph by paragraph, at their real offsets', () => {
    const ranges = plan.tables.article_content ?? [];
    const body = docs().filter((d) => d.field === 'BODY');
    expect(body.length).toBeGreaterThan(50);
    for (const d of body) {
      const text = bodies.get(Number(d.entity_id)) as string;
      const start = Number(d.text_start);
      const value = String(d.text);
      expect(text.slice(start, start + value.length)).toBe(value);
      expect(value).not.toMatch(/\n/);
      const inside = ranges.some(
        (c) => c.article_id === d.entity_id && Number(c.start) <= start && start + value.length <= Number(c.end),
      );
      expect(inside, value).toBe(true);
    }
    expect(body.some((d) => String(d.text).includes('Luật Phòng, chống ma túy'))).toBe(false);
  });

  it('cuts an overlong paragraph into passages at spaces', () => {
    const long = `${'chữ '.repeat(600)}cuối`;
    const parts = passages(long, 0, long.length);
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) {
      expect(p.text.length).toBeLessThanOrEqual(1000);
      expect(long.slice(p.start, p.start + p.text.length)).toBe(p.text);
    }
  });

  it('is what the loader stored, in the full-text index too, and a forced reload changes nothing', async () => {
    const stored = async () =>
      JSON.stringify((await h.client.execute('SELECT * FROM search_documents ORDER BY id')).rows);
    const before = await stored();
    expect(JSON.parse(before)).toHaveLength(docs().length);
    const fts = await h.client.execute("SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH 'vkc'");
    expect(Number(fts.rows[0]?.n)).toBeGreaterThan(5);
    await loadSeed(h.client, { force: true });
    expect(await stored()).toBe(before);
    await h.client.execute("INSERT INTO search_fts (search_fts) VALUES ('integrity-check')");
  });

  it('is rebuilt for a database loaded before the search migration existed', async () => {
    const { createClient } = await import('@libsql/client');
    const client = createClient({ url: ':memory:' });
    try {
      await loadSeed(client);
      // Back to the state of a database loaded by the previous release: no search tables, migration not applied.
      await client.executeMultiple(
        "DROP TABLE search_fts; DROP TABLE search_documents; DELETE FROM _migrations WHERE name = '0003_search.sql';",
      );
      expect(await migrate(client)).toEqual(['0003_search.sql']);
      expect((await loadSeed(client)).skipped).toBe(false);
      const r = await searchKnowledgeBase(createDb(client), { query: 'luu duc minh' });
      expect(r.hits[0]?.slug).toBe('luu-duc-minh');
    } finally {
      client.close();
    }
  });
});

describe('matching and ranking', () => {
  it('ignores diacritics, đ included: luu duc minh finds Lưu Đức Minh first', async () => {
    const r = await search('luu duc minh');
    expect(key(r.hits[0] as SearchHit)).toBe('PERSON:luu-duc-minh');
    expect(r.hits[0]?.snippet).toBe('Lưu Đức Minh');
  });

  it('ranks Lưu Đức Minh first when typed with its diacritics, counting the exact accented words', async () => {
    const r = await search('Lưu Đức Minh');
    expect(r.hits[0]).toMatchObject({ type: 'PERSON', slug: 'luu-duc-minh', field: 'NAME', exactDiacritics: 2 });
  });

  it('puts exact-diacritic matches before folded ones: Hồng before Park Jin Hong', async () => {
    const plain = await all('hong');
    expect(plain.findIndex((x) => x.slug === 'park-jin-hong')).toBeLessThan(3);
    const accented = await all('Hồng');
    const park = accented.findIndex((x) => x.slug === 'park-jin-hong');
    expect(park).toBeGreaterThan(0);
    expect(accented.slice(0, park).every((x) => x.exactDiacritics === 1)).toBe(true);
    expect(accented.slice(park).every((x) => x.exactDiacritics === 0)).toBe(true);
    expect(accented[0]).toMatchObject({ type: 'PLACE', slug: 'song-hong' });
  });

  it('matches đô thị and do thi alike', async () => {
    const accented = await all('đô thị');
    const plain = await all('do thi');
    expect(accented.length).toBeGreaterThan(10);
    expect(new Set(accented.map(key))).toEqual(new Set(plain.map(key)));
    expect(accented.map(key)).toContain('ORGANIZATION:cuc-phat-trien-do-thi');
  });

  it.each([
    ['VKC', 'PROJECT:du-an-vkc'],
    ['KICT', 'ORGANIZATION:kict'],
    ['MOLIT', 'ORGANIZATION:molit'],
    ['LH', 'ORGANIZATION:lh'],
    ['AMC', 'ORGANIZATION:hoc-vien-amc'],
    ['TT-Huế', 'PLACE:thua-thien-hue'],
    ['tt hue', 'PLACE:thua-thien-hue'],
    ['Học viện AMC', 'ORGANIZATION:hoc-vien-amc'],
    ['950/QĐ-TTg', 'DOCUMENT:de-an-950'],
    ['de an 950', 'DOCUMENT:de-an-950'],
    ['06/NQ-TW', 'DOCUMENT:nghi-quyet-06-nq-tw'],
    ['Ministry of Construction', 'ORGANIZATION:bo-xay-dung'],
  ])('finds acronyms, codes and aliases: %s → %s first', async (query, expected) => {
    expect(keys(await search(query))[0]).toBe(expected);
  });

  it('treats the last word as a prefix for type-ahead', async () => {
    expect(keys(await search('nguyen man'))[0]).toBe('PERSON:nguyen-manh-quyen');
    const kim = await all('kim hyun');
    expect(kim.map(key)[0]).toBe('PERSON:kim-hyun-jun');
    expect(kim.map(key)).not.toContain('PERSON:kim-hyeon-ho');
    expect(keys(await search('kim'))).toEqual(expect.arrayContaining(['PERSON:kim-hyun-jun', 'PERSON:kim-hyeon-ho']));
    expect(keys(await search('MOL'))[0]).toBe('ORGANIZATION:molit');
  });

  it('asks the last word as a prefix (one letter through the 2-letter prefix index), matching the same rows', async () => {
    expect(parseSearchQuery('luu duc m').match).toContain('"luu" AND "duc" AND ("m" OR "ma"* OR "mb"*');
    expect(keys(await search('luu duc m'))[0]).toBe('PERSON:luu-duc-minh');
    const rowids = async (match: string) =>
      (
        await h.client.execute({
          sql: 'SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid',
          args: [match],
        })
      ).rows.map((r) => Number(r.rowid));
    for (const [q, plain] of [
      ['m', '("m" OR "m"*)'],
      ['luu duc m', '"luu" AND "duc" AND ("m" OR "m"*)'],
      ['tt-h', '("tt h" OR "tt h"*)'],
      ['han 2', '"han" AND ("2" OR "2"*)'],
      ['tt-hu', '("tt hu" OR "tt hu"*)'],
      ['ha noi', '"ha" AND ("noi" OR "noi"*)'],
    ]) {
      const expected = await rowids(plain as string);
      expect(expected.length, q).toBeGreaterThan(0);
      expect(await rowids(parseSearchQuery(q).match), q).toEqual(expected);
    }
  });

  it('finds Seoul the place and the city government first', async () => {
    expect(keys(await search('seoul')).slice(0, 2)).toEqual([
      'PLACE:seoul',
      'ORGANIZATION:chinh-quyen-thanh-pho-seoul',
    ]);
  });

  it('finds a quote typed without diacritics', async () => {
    const r = await search('an tuong truoc qua trinh phat trien cua ha noi');
    expect(r.hits[0]).toMatchObject({
      type: 'QUOTE',
      slug: 'ha-noi-seoul-dien-dan-chinh-sach-2025--oh-se-hoon--1',
      field: 'TEXT',
    });
    const quote = await search('thu do se con but pha', { types: ['QUOTE'] });
    expect(quote.hits[0]?.slug).toBe('ha-noi-seoul-dien-dan-chinh-sach-2025--oh-se-hoon--1');
  });

  it('collapses the fields of one entity into one hit, from its best field', async () => {
    // Lưu Đức Minh matches by name and by his alias "Luu Duc Minh"; the project VKC by acronym and aliases.
    for (const q of ['luu duc minh', 'vkc', 'do thi', 'han quoc']) {
      const hits = await all(q);
      expect(new Set(hits.map(key)).size).toBe(hits.length);
    }
    expect((await search('vkc')).hits[0]?.field).toBe('ACRONYM');
  });

  it('orders deterministically', async () => {
    const a = await all('ha noi');
    const b = await all('ha noi');
    expect(b.map(key)).toEqual(a.map(key));
    // Same text, different entities (the academy and its building): the tie goes to the type order, then id.
    const tie = (await all('Học viện Cán bộ quản lý xây dựng và đô thị')).slice(0, 2).map(key);
    expect(tie).toEqual(['ORGANIZATION:hoc-vien-amc', 'PLACE:hoc-vien-amc-tru-so']);
  });

  it('never returns page chrome (the "Tin đọc nhiều" list of article 003)', async () => {
    expect(bodies.get(4)).toContain('Luật Phòng, chống ma túy');
    // Words that occur only in chrome (Phú Xuyên, THCS) find nothing at all.
    for (const q of [
      'Luật Phòng, chống ma túy',
      'luat phong chong ma tuy',
      'tuyển sinh vào lớp 10',
      'Phú Xuyên',
      'THCS',
    ]) {
      expect((await search(q)).totalCount, q).toBe(0);
    }
  });
});

describe('scoring', () => {
  const terms = parseSearchQuery('do thi thong minh').terms;
  const score = fieldScorer(terms);

  it('prefers shorter values, more occurrences and heavier fields', () => {
    const name = score('do thi thong minh', 3);
    expect(score('cuc phat trien do thi thong minh', 3)).toBeLessThan(name);
    expect(score('do thi thong minh', 0.5)).toBeCloseTo(name / 6, 9);
    const once = score('ve do thi thong minh o ha noi va ha long', 1);
    expect(score('ve do thi thong minh o ha noi va do thi', 1)).toBeGreaterThan(once);
  });

  it('counts the last word as a prefix, as highlights do', () => {
    const typed = fieldScorer(parseSearchQuery('nguyen man').terms);
    expect(typed('nguyen manh quyen', 3)).toBeGreaterThan(0);
    expect(typed('nguyen manh quyen', 3)).toBeGreaterThan(typed('nguyen quyen', 3));
  });

  it('keeps the best value of each entity and breaks ties by type order, then id', () => {
    const c = (id: number, type: 'PERSON' | 'PLACE', entityId: number, exact: number, score: number) => ({
      id,
      type,
      entityId,
      exact,
      score,
    });
    const ranked = rankCandidates([
      c(1, 'PLACE', 7, 0, 2),
      c(2, 'PERSON', 9, 0, 2),
      c(3, 'PLACE', 7, 0, 5),
      c(4, 'PERSON', 3, 1, 0.1),
      c(5, 'PERSON', 9, 0, 2),
    ]);
    expect(ranked.map((x) => x.id)).toEqual([4, 3, 2]);
  });
});

describe('snippets and offsets', () => {
  const queries = ['Lưu Đức Minh', 'nguyen man', 'seoul', 'do thi thong minh', 'TT-Huế', 'kict', 'phat trien ha noi'];

  it.each(queries)('highlights exactly the matched words: %s', async (q) => {
    const terms = parseSearchQuery(q).terms;
    const r = await search(q, { first: 20 });
    expect(r.hits.length).toBeGreaterThan(0);
    for (const hit of r.hits) {
      expect(hit.highlights.length, `${key(hit)}: ${hit.snippet}`).toBeGreaterThan(0);
      expect(hit.snippet.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 2);
      for (const hl of hit.highlights) {
        const word = fold(hit.snippet.slice(hl.start, hl.end));
        expect(terms.some((t) => word === t.folded)).toBe(true);
      }
    }
  });

  it('reports match offsets in the article body for paragraph hits, and in the value otherwise', async () => {
    const r = await search('Lưu Đức Minh', { types: ['ARTICLE'] });
    expect(r.hits.length).toBeGreaterThan(0);
    for (const hit of r.hits) {
      expect(hit.field).toBe('BODY');
      const body = bodies.get(hit.entityId) as string;
      expect(hit.matches.map((m) => body.slice(m.start, m.end))).toEqual(['Lưu', 'Đức', 'Minh']);
    }
    const person = (await search('luu duc minh')).hits[0] as SearchHit;
    expect(person.matches).toEqual([
      { start: 0, end: 3 },
      { start: 4, end: 7 },
      { start: 8, end: 12 },
    ]);
  });

  it('cuts long texts around the densest matches, on spaces, with ellipses', () => {
    const text = `${'mở đầu '.repeat(40)}Viện Kỹ thuật KICT hợp tác${' kết thúc'.repeat(40)}`;
    const s = makeSnippet(text, [{ folded: 'kict', prefix: false }]);
    expect(s.snippet.startsWith('…')).toBe(true);
    expect(s.snippet.endsWith('…')).toBe(true);
    expect(s.highlights.map((x) => s.snippet.slice(x.start, x.end))).toEqual(['KICT']);
    expect(s.matches.map((x) => text.slice(x.start, x.end))).toEqual(['KICT']);
    expect(s.snippet.slice(1, 2)).not.toBe(' ');
  });
});

describe('filter and pagination', () => {
  it('filters by type', async () => {
    const everything = await search('seoul');
    const people = await all('seoul', { types: ['QUOTE', 'ARTICLE'] });
    expect(people.length).toBeGreaterThan(0);
    expect(people.length).toBeLessThan(everything.totalCount);
    expect(new Set(people.map((x) => x.type))).toEqual(new Set(['QUOTE', 'ARTICLE']));
    const persons = await search('minh', { types: ['PERSON'] });
    expect(persons.hits.every((x) => x.type === 'PERSON')).toBe(true);
    expect(persons.hits.map((x) => x.slug)).toEqual(expect.arrayContaining(['luu-duc-minh', 'minh-khanh']));
  });

  it('pages with opaque cursors: no overlap, nothing lost, stable totalCount', async () => {
    const whole = await search('do thi', { first: 100 });
    expect(whole.totalCount).toBeGreaterThan(20);
    expect(whole.hits).toHaveLength(whole.totalCount);
    const first = await search('do thi', { first: 7 });
    const next = await search('do thi', { first: 7, after: first.pageInfo.endCursor });
    expect(first.totalCount).toBe(whole.totalCount);
    expect(next.totalCount).toBe(whole.totalCount);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(next.pageInfo.hasPreviousPage).toBe(true);
    expect(keys(first).filter((k) => keys(next).includes(k))).toEqual([]);
    expect([...keys(first), ...keys(next)]).toEqual(keys(whole).slice(0, 14));
    expect((await all('do thi', { first: 5 })).map(key)).toEqual(keys(whole));
    // Past the end: no hits, the count is still known.
    const beyond = await search('do thi', { first: 5, after: whole.pageInfo.endCursor });
    expect(beyond).toMatchObject({ totalCount: whole.totalCount, hits: [], pageInfo: { hasNextPage: false } });
  });
});

describe('window', () => {
  it("ranks and counts only the first SEARCH_WINDOW matching values, the entities' own names first", async () => {
    const { createClient } = await import('@libsql/client');
    const client = createClient({ url: ':memory:' });
    try {
      await loadSeed(client);
      const sdb = createDb(client);
      const before = await searchKnowledgeBase(sdb, { query: 'do thi thong minh', first: 100 });
      // More matching paragraphs than the window holds, loaded after everything else.
      const top = Number((await client.execute('SELECT max(id) AS n FROM search_documents')).rows[0]?.n);
      const text = 'Đô thị thông minh và đô thị số';
      for (let i = 1; i <= 2 * SEARCH_WINDOW; i++)
        await client.execute({
          sql: `INSERT INTO search_documents (id, entity_type, entity_id, entity_slug, field, ordinal, weight, text, text_lower, text_folded)
                VALUES (?, 'ARTICLE', ?, ?, 'BODY', 1, 0.5, ?, ?, ?)`,
          args: [top + i, 10_000 + i, `extra-${i}`, text, lowerWords(text), foldPreserving(text)],
        });
      await client.execute("INSERT INTO search_fts (search_fts) VALUES ('rebuild')");

      const after = await searchKnowledgeBase(sdb, { query: 'do thi thong minh', first: 100 });
      const window = await client.execute({
        sql: `SELECT count(DISTINCT d.entity_type || ':' || d.entity_id) AS n FROM (
                SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid LIMIT ${SEARCH_WINDOW}
              ) w JOIN search_documents d ON d.id = w.rowid`,
        args: [parseSearchQuery('do thi thong minh').match],
      });
      expect(after.totalCount).toBe(Number(window.rows[0]?.n));
      expect(after.totalCount).toBeLessThan(before.totalCount + 2 * SEARCH_WINDOW);
      // The seed's own results sit before the extra paragraphs in the index: they keep their order.
      const seedOnly = after.hits.filter((x) => !x.slug.startsWith('extra-')).map(key);
      expect(seedOnly).toEqual(keys(before).slice(0, seedOnly.length));
      expect(after.hits[0]).toEqual(before.hits[0]);
    } finally {
      client.close();
    }
  });
});

describe('hostile input', () => {
  const hostile = [
    '"',
    '"unclosed phrase',
    'say "hello',
    'AND',
    'OR',
    'NOT',
    'NEAR',
    'vkc AND',
    'OR seoul',
    'NOT kict',
    'NEAR(seoul ha noi, 2)',
    'seoul NEAR/2 hanoi',
    '*',
    'vkc*',
    '*vkc',
    '^seoul',
    '(((seoul',
    'seoul)))',
    '()',
    'text_folded: seoul',
    'search_fts:vkc',
    '{text_folded}: vkc',
    ':',
    'a:b:c',
    "'; DROP TABLE search_documents; --",
    "vkc' OR '1'='1",
    '🙂',
    'seoul 🙂🙂 ha noi',
    '👩‍👩‍👧 gia đình',
    '\u0000seoul\u0007',
    'sê\u0000oul',
    '\t\n\r seoul \u200B',
    '\uD800',
    'seo\uDC00ul',
    '\uDBFF\uDFFF',
    'x'.repeat(10_000),
    'đ'.repeat(MAX_QUERY_LENGTH),
    'a '.repeat(100),
    '',
    '   ',
    '\n\t',
    '-',
    '+ - * / \\ | & % $ # @ !',
    '서울',
    'Ｓｅｏｕｌ',
    'İstanbul',
    'x\u0303',
  ];

  it.each(hostile.map((q) => [JSON.stringify(q.length > 40 ? `${q.slice(0, 20)}…(${q.length})` : q), q]))(
    '%s gives results or a SearchQueryError, never a crash',
    async (_label, q) => {
      try {
        const r = await search(q);
        expect(r.totalCount).toBeGreaterThanOrEqual(0);
        expect(r.hits.length).toBeLessThanOrEqual(r.totalCount);
      } catch (err) {
        expect(err).toBeInstanceOf(SearchQueryError);
        expect((err as Error).message).not.toMatch(/fts5|syntax|SQL/i);
      }
    },
  );

  it('finds through the noise: operators and punctuation are ordinary characters', async () => {
    expect(keys(await search('"VKC"'))[0]).toBe('PROJECT:du-an-vkc');
    expect(keys(await search('(KICT)*'))[0]).toBe('ORGANIZATION:kict');
    expect(keys(await search('\u0000seoul\u0007'))[0]).toBe('PLACE:seoul');
    expect(keys(await search('🙂 seoul 🙂'))[0]).toBe('PLACE:seoul');
    expect((await search('seoul AND')).totalCount).toBe(0); // "and" is a word to find, not an operator
  });

  it.each([
    ['', 'EMPTY_QUERY', /Enter something to search for/],
    [' \n\t ', 'EMPTY_QUERY', /Enter something to search for/],
    ['x'.repeat(10_000), 'QUERY_TOO_LONG', /too long \(10000 characters\); use at most 200/],
    ['x'.repeat(MAX_QUERY_LENGTH + 1), 'QUERY_TOO_LONG', /at most 200/],
    ['🙂 *** ()', 'NO_SEARCH_TERMS', /at least one letter or digit/],
  ])('refuses %j with %s', async (q, code, message) => {
    log.length = 0;
    const err = await search(q).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SearchQueryError);
    expect(err).toMatchObject({ code, extensions: { code: 'BAD_USER_INPUT', reason: code } });
    expect((err as Error).message).toMatch(message);
    expect(log).toEqual([]); // refused before touching the database
  });

  it('refuses a bad page size, cursor or type', async () => {
    await expect(search('vkc', { first: 0 })).rejects.toMatchObject({ code: 'INVALID_FIRST' });
    await expect(search('vkc', { first: 101 })).rejects.toMatchObject({ code: 'INVALID_FIRST' });
    await expect(search('vkc', { first: 1.5 })).rejects.toMatchObject({ code: 'INVALID_FIRST' });
    for (const after of ['nope', '!!!', btoa('search:-1'), btoa('other:3'), '']) {
      await expect(search('vkc', { after })).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
    }
    await expect(search('vkc', { types: ['NOPE' as never] })).rejects.toMatchObject({ code: 'INVALID_TYPE' });
  });

  it('accepts a query of exactly the maximum length', async () => {
    const r = await search(`seoul ${'x'.repeat(MAX_QUERY_LENGTH - 6)}`);
    expect(r.totalCount).toBe(0);
  });
});

describe('cost', () => {
  it.each(['luu duc minh', 'do thi', 'Lưu Đức Minh', 'nguyen man'])(
    'runs one SQL statement per search: %s',
    async (q) => {
      log.length = 0;
      const r = await search(q, { types: ['PERSON', 'ARTICLE'], first: 3 });
      expect(r.hits.length).toBeGreaterThan(0);
      expect(log).toHaveLength(1);
      log.length = 0;
      await search(q, { first: 3, after: r.pageInfo.endCursor });
      expect(log).toHaveLength(1);
    },
  );

  it('walks the full-text index in rowid order and stops at the window: no sort of every match', async () => {
    const calls: SqlCall[] = [];
    await searchKnowledgeBase(createDb(countingClient(h.client, [], calls)), { query: 'do thi', types: ['ARTICLE'] });
    expect(calls).toHaveLength(1);
    const call = calls[0] as SqlCall;
    const plan = await h.client.execute({ sql: `EXPLAIN QUERY PLAN ${call.sql}`, args: call.args ?? [] });
    const detail = plan.rows.map((r) => String(r.detail)).join('\n');
    expect(detail).toMatch(/SCAN search_fts VIRTUAL TABLE/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
    expect(call.sql).toMatch(new RegExp(`LIMIT\\s+\\?|LIMIT\\s+${SEARCH_WINDOW}`));
  });

  it('counts through the harness client too', async () => {
    h.resetStatements();
    const hdb = createDb(countingClient(h.client, h.statements));
    await searchKnowledgeBase(hdb, { query: 'seoul', first: 5 });
    expect(h.statements.length).toBeGreaterThanOrEqual(1);
    expect(h.statements.length).toBeLessThanOrEqual(2);
  });
});
