// Verifies people through the real Yoga app against the seed: Lưu Đức Minh's roles in two articles (title, organization, article, and a mention whose text is the curated span at the right offsets), quotes with the kind filter, events, articles, organizations, co-participants with shared events, mentions; the `people` filters (diacritic-insensitive name incl. đ, country, organization by slug or ID); and `lang: EN` falling back to Vietnamese.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fails, gid, type Json, nodes, ok, type SeedId, seedText, seedYaml, slugs, spanText } from '../helpers/api';
import { createHarness, type Harness } from '../helpers/harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

/** Article slug → its seed file, so a mention can be checked against the captured page. */
const ARTICLE_FILE: Record<string, SeedId> = {
  'vupda-mou-mang-luoi-hop-tac-2023': '000',
  'vkc-hoi-nghi-trien-khai-2024': '001',
  'hue-lh-mou-do-thi-thong-minh-2021': '002',
  'ha-noi-seoul-dien-dan-chinh-sach-2025': '003',
  'do-thi-thong-minh-dong-luc-2022': '004',
};

/** A mention's text is the captured page sliced at its offsets. */
function expectSpanOfPage(m: { start: number; end: number; text: string; article: { slug: string } }): void {
  const page = seedText(ARTICLE_FILE[m.article.slug] as SeedId);
  expect(page.slice(m.start, m.end)).toBe(m.text);
}

function countOf(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

describe('Lưu Đức Minh', () => {
  let minh: Json;
  beforeAll(async () => {
    const data = await ok(
      h,
      `{ person(slug: "luu-duc-minh") {
          id slug name asciiName honorifics aliases country
          roles { totalCount edges { node {
            title titleEn: title(lang: EN) person { slug }
            organization { slug name nameEn: name(lang: EN) }
            article { slug }
            mention { kind start end text article { slug } }
          } } }
          quotes { totalCount edges { node { slug kind text event { slug } role { title } article { slug } speaker { slug }
            mention { kind start end text article { slug } } } } }
          direct: quotes(kind: DIRECT) { totalCount edges { node { slug } } }
          indirect: quotes(kind: INDIRECT) { totalCount edges { node { slug } } }
          events { totalCount edges { node { slug date } } }
          articles { totalCount edges { node { slug publishedDate } } }
          organizations { totalCount edges { node { slug } } }
          coParticipants { totalCount edges { node { sharedCount person { slug } sharedEvents { totalCount edges { node { slug } } } } } }
          mentions(first: 100) { totalCount edges { node { kind start end text article { slug } subject { ... on Person { slug } } } } }
        } }`,
    );
    minh = data.person;
  });

  it('is one person across both articles, with the name, folded name and honorifics the seed gives', () => {
    expect(minh).toMatchObject({
      slug: 'luu-duc-minh',
      name: 'Lưu Đức Minh',
      asciiName: 'luu duc minh',
      country: 'VN',
    });
    expect(minh.id).toBe(gid('Person', 'luu-duc-minh'));
    // 001 writes "ông"; 004 writes "TS. KTS" (and "Dr. Architect" in English): the loader unites them.
    expect([...minh.honorifics].sort()).toEqual(['Architect', 'Dr.', 'KTS', 'TS.', 'ông'].sort());
    expect(minh.aliases).toEqual(['Luu Duc Minh']);
  });

  it('has his roles from both articles: title, organization, article and the stated span', () => {
    // Expected straight from the curated YAML of 001 and 004.
    const expected = (['001', '004'] as const).flatMap((id) => {
      const y = seedYaml(id);
      return y.roles
        .filter((r: Json) => r.person === 'luu-duc-minh')
        .map((r: Json) => ({
          article: y.article.slug,
          title: r.title,
          titleEn: r.title_en ?? null,
          org: r.org ?? null,
          span: spanText(r.span),
        }));
    });
    expect(expected).toHaveLength(3);
    expect(minh.roles.totalCount).toBe(3);
    const got = nodes(minh.roles).map((r: Json) => ({
      article: r.article.slug,
      title: r.title,
      titleEn: r.titleEn === r.title ? null : r.titleEn,
      org: r.organization?.slug ?? null,
      span: r.mention.text,
    }));
    expect(got).toEqual(expect.arrayContaining(expected));
    expect(new Set(got.map((r: Json) => r.article))).toEqual(
      new Set(['vkc-hoi-nghi-trien-khai-2024', 'do-thi-thong-minh-dong-luc-2022']),
    );
    for (const r of nodes(minh.roles)) {
      expect(r.person.slug).toBe('luu-duc-minh');
      expect(r.mention.kind).toBe('ROLE');
      expect(r.mention.article.slug).toBe(r.article.slug);
      expectSpanOfPage(r.mention);
    }
  });

  it('his roles spell out what each article says: Phó Giám đốc of Học viện AMC (twice) and the project post without an organization', () => {
    const byText = Object.fromEntries(nodes(minh.roles).map((r: Json) => [r.mention.text, r]));
    expect(byText['ông Lưu Đức Minh - Phó Giám đốc Học viện']).toMatchObject({
      title: 'Phó Giám đốc',
      organization: { slug: 'hoc-vien-amc', name: 'Học viện Cán bộ quản lý xây dựng và đô thị' },
      article: { slug: 'vkc-hoi-nghi-trien-khai-2024' },
    });
    expect(byText['ông Lưu Đức Minh - Phó Giám đốc Học viện, Giám đốc dự án VKC phía Việt Nam']).toMatchObject({
      title: 'Giám đốc dự án VKC phía Việt Nam',
      organization: null,
    });
    expect(byText['Phó Giám đốc Học viện Cán bộ QL xây dựng và đô thị']).toMatchObject({
      title: 'Phó Giám đốc',
      titleEn: 'Deputy Director',
      organization: { slug: 'hoc-vien-amc' },
      article: { slug: 'do-thi-thong-minh-dong-luc-2022' },
    });
  });

  it('has the one reported quote 001 gives him, at the 2024 conference, in his Phó Giám đốc role', () => {
    const y = seedYaml('001');
    const spans = y.quotes.filter((q: Json) => q.speaker === 'luu-duc-minh').map((q: Json) => spanText(q.span));
    expect(spans).toHaveLength(1);
    expect(minh.quotes.totalCount).toBe(1);
    expect(nodes(minh.quotes).map((q: Json) => q.text)).toEqual(spans);
    for (const q of nodes(minh.quotes)) {
      expect(q).toMatchObject({
        kind: 'INDIRECT',
        event: { slug: 'hoi-nghi-trien-khai-vkc-2024' },
        role: { title: 'Phó Giám đốc' },
        article: { slug: 'vkc-hoi-nghi-trien-khai-2024' },
        speaker: { slug: 'luu-duc-minh' },
      });
      expect(q.mention).toMatchObject({ kind: 'QUOTE', text: q.text });
      expectSpanOfPage(q.mention);
    }
    expect(slugs(minh.quotes)).toEqual(['vkc-hoi-nghi-trien-khai-2024--luu-duc-minh--1']);
  });

  it('filters his quotes by kind: none DIRECT, the one INDIRECT', () => {
    expect(minh.direct).toEqual({ totalCount: 0, edges: [] });
    expect(minh.indirect.totalCount).toBe(1);
    expect(slugs(minh.indirect)).toEqual(slugs(minh.quotes));
  });

  it('took part in the KICT working session (undated, so first) and the 2024 conference', () => {
    expect(minh.events.totalCount).toBe(2);
    expect(nodes(minh.events)).toEqual([
      { slug: 'luu-duc-minh-lam-viec-tai-kict', date: null },
      { slug: 'hoi-nghi-trien-khai-vkc-2024', date: '2024-01-23' },
    ]);
  });

  it('is named in 001 (2024) and 004 (2022), newest first', () => {
    expect(nodes(minh.articles)).toEqual([
      { slug: 'vkc-hoi-nghi-trien-khai-2024', publishedDate: '2024-01-23' },
      { slug: 'do-thi-thong-minh-dong-luc-2022', publishedDate: '2022-11-17' },
    ]);
    expect(minh.articles.totalCount).toBe(2);
  });

  it('holds a role in one organization only (the project post names none)', () => {
    expect(minh.organizations).toEqual({ totalCount: 1, edges: [{ node: { slug: 'hoc-vien-amc' } }] });
  });

  it('shares the conference with its three other speakers, one shared event each', () => {
    // The 2024 conference's person participants in 001 are Park Jin Hong, Phạm Thị Hồng My, Lưu Đức Minh
    // and Lê Hoàng Trung; the KICT session has no other person.
    expect(minh.coParticipants.totalCount).toBe(3);
    const co = nodes(minh.coParticipants);
    expect(co.map((c: Json) => c.person.slug).sort()).toEqual(['le-hoang-trung', 'park-jin-hong', 'pham-thi-hong-my']);
    for (const c of co) {
      expect(c.sharedCount).toBe(1);
      expect(c.sharedEvents).toEqual({ totalCount: 1, edges: [{ node: { slug: 'hoi-nghi-trien-khai-vkc-2024' } }] });
    }
  });

  it('is mentioned at every occurrence of his name forms, each a true slice of the page', () => {
    const p001 = seedText('001');
    const p004 = seedText('004');
    // forms: 001 ["Lưu Đức Minh"]; 004 ["Lưu Đức Minh", "Luu Duc Minh"]; all occurrences are in content.
    const expected = countOf(p001, 'Lưu Đức Minh') + countOf(p004, 'Lưu Đức Minh') + countOf(p004, 'Luu Duc Minh');
    expect(expected).toBe(5);
    expect(minh.mentions.totalCount).toBe(expected);
    for (const m of nodes(minh.mentions)) {
      expect(m.kind).toBe('ENTITY');
      expect(['Lưu Đức Minh', 'Luu Duc Minh']).toContain(m.text);
      expect(m.subject).toEqual({ slug: 'luu-duc-minh' });
      expectSpanOfPage(m);
    }
    expect(nodes(minh.mentions).map((m: Json) => m.article.slug)).toEqual([
      'vkc-hoi-nghi-trien-khai-2024',
      'vkc-hoi-nghi-trien-khai-2024',
      'do-thi-thong-minh-dong-luc-2022',
      'do-thi-thong-minh-dong-luc-2022',
      'do-thi-thong-minh-dong-luc-2022',
    ]);
  });
});

describe('other people', () => {
  it('Phạm Thị Hồng My: three quotes in 001, two DIRECT and one INDIRECT, in reading order', async () => {
    const y = seedYaml('001');
    const hers = y.quotes.filter((q: Json) => q.speaker === 'pham-thi-hong-my');
    const data = await ok(
      h,
      `{ person(slug: "pham-thi-hong-my") {
          quotes { totalCount edges { node { kind text } } }
          direct: quotes(kind: DIRECT) { totalCount edges { node { kind text } } }
          indirect: quotes(kind: INDIRECT) { totalCount edges { node { kind text } } }
        } }`,
    );
    const p = data.person;
    expect(nodes(p.quotes)).toEqual(hers.map((q: Json) => ({ kind: q.kind, text: spanText(q.span) })));
    const of = (kind: string) =>
      hers.filter((q: Json) => q.kind === kind).map((q: Json) => ({ kind, text: spanText(q.span) }));
    expect(p.direct.totalCount).toBe(2);
    expect(nodes(p.direct)).toEqual(of('DIRECT'));
    expect(p.indirect.totalCount).toBe(1);
    expect(nodes(p.indirect)).toEqual(of('INDIRECT'));
  });

  it('Oh Se-hoon is both attendee and speaker at the forum: one event, two co-participants sharing it once', async () => {
    const data = await ok(
      h,
      `{ person(slug: "oh-se-hoon") { honorifics country events { totalCount edges { node { slug } } }
          coParticipants { totalCount edges { node { sharedCount person { slug } sharedEvents { edges { node { slug } } } } } } } }`,
    );
    const p = data.person;
    expect(p).toMatchObject({ honorifics: ['ngài'], country: 'KR' });
    expect(slugs(p.events)).toEqual(['dien-dan-chinh-sach-do-thi-ha-noi-seoul-2025']);
    expect(
      nodes(p.coParticipants)
        .map((c: Json) => `${c.person.slug}:${c.sharedCount}:${slugs(c.sharedEvents).join()}`)
        .sort(),
    ).toEqual([
      'choi-young-san:1:dien-dan-chinh-sach-do-thi-ha-noi-seoul-2025',
      'nguyen-manh-quyen:1:dien-dan-chinh-sach-do-thi-ha-noi-seoul-2025',
    ]);
  });

  it('Kim Hyeon Ho: role at KRDA in 000, a reported quote at the workshop (its opening), Trần Ngọc Chính as co-participant', async () => {
    const data = await ok(
      h,
      `{ person(slug: "kim-hyeon-ho") {
          roles { edges { node { title organization { slug acronyms } article { slug } mention { text } } } }
          quotes { edges { node { kind event { slug } } } }
          events { edges { node { slug } } }
          coParticipants { edges { node { person { slug } sharedEvents { edges { node { slug } } } } } } } }`,
    );
    const p = data.person;
    expect(nodes(p.roles)).toEqual([
      {
        title: 'Chủ tịch',
        organization: { slug: 'krda', acronyms: ['KRDA'] },
        article: { slug: 'vupda-mou-mang-luoi-hop-tac-2023' },
        mention: { text: 'ông Kim Hyeon Ho, Chủ tịch Hội Phát triển vùng Hàn Quốc' },
      },
    ]);
    expect(nodes(p.quotes)).toEqual([
      { kind: 'INDIRECT', event: { slug: 'hoi-thao-chuyen-doi-so-phat-trien-vung-2023' } },
    ]);
    expect(slugs(p.events).sort()).toEqual(['hoi-thao-chuyen-doi-so-phat-trien-vung-2023']);
    expect(nodes(p.coParticipants)).toEqual([
      {
        person: { slug: 'tran-ngoc-chinh' },
        sharedEvents: { edges: [{ node: { slug: 'hoi-thao-chuyen-doi-so-phat-trien-vung-2023' } }] },
      },
    ]);
  });

  it('a byline author with no role, quote or event has empty connections, not errors', async () => {
    const data = await ok(
      h,
      `{ person(slug: "minh-khanh") { country roles { totalCount } quotes { totalCount } events { totalCount }
          coParticipants { totalCount } organizations { totalCount } articles { edges { node { slug } } } } }`,
    );
    expect(data.person).toEqual({
      country: null,
      roles: { totalCount: 0 },
      quotes: { totalCount: 0 },
      events: { totalCount: 0 },
      coParticipants: { totalCount: 0 },
      organizations: { totalCount: 0 },
      articles: { edges: [{ node: { slug: 'vkc-hoi-nghi-trien-khai-2024' } }] },
    });
  });
});

describe('people(filter)', () => {
  const PEOPLE = `query ($filter: PeopleFilter) { people(filter: $filter, first: 100) { totalCount edges { node { slug } } } }`;
  const find = async (filter: Record<string, unknown>) => {
    const data = await ok(h, PEOPLE, { filter });
    expect(data.people.totalCount).toBe(data.people.edges.length);
    return slugs(data.people);
  };

  it('name: diacritic-insensitive, đ = d, any case', async () => {
    for (const name of ['luu duc', 'Lưu Đức', 'LƯU ĐỨC', 'đuc minh', 'LUU DUC MINH', '  luu duc  ']) {
      expect(await find({ name }), name).toEqual(['luu-duc-minh']);
    }
  });

  it('name: part of a name matches every person who has it', async () => {
    // Kim Hyeon Ho (000) and Kim Hyun Jun (002).
    expect(await find({ name: 'kim' })).toEqual(['kim-hyeon-ho', 'kim-hyun-jun']);
    // Huệ Nguyễn (000's byline), Nguyễn Mạnh Quyền (003), Nguyễn Văn Phương (002): by name.
    expect(await find({ name: 'nguyen' })).toEqual(['hue-nguyen', 'nguyen-manh-quyen', 'nguyen-van-phuong']);
    expect(await find({ name: 'nobody at all' })).toEqual([]);
  });

  it('name: surrounding whitespace of any kind is ignored; a control character inside matches nobody', async () => {
    expect(await find({ name: '\t luu duc\n' })).toEqual(['luu-duc-minh']);
    const everyone = await find({});
    expect(await find({ name: ' ' })).toEqual(everyone);
    expect(await find({ name: '\t\n' })).toEqual(everyone);
    expect(await find({ name: 'luu\tduc' })).toEqual([]);
  });

  it('name: LIKE wildcards are plain text', async () => {
    expect(await find({ name: '%' })).toEqual([]);
    expect(await find({ name: '_' })).toEqual([]);
  });

  it('country: the five Korean people of the seed (upper or lower case)', async () => {
    // 000 Kim Hyeon Ho, 001 Park Jin Hong, 002 Kim Hyun Jun, 003 Choi Young San and Oh Se-hoon.
    const kr = ['choi-young-san', 'kim-hyeon-ho', 'kim-hyun-jun', 'oh-se-hoon', 'park-jin-hong'];
    expect(await find({ country: 'KR' })).toEqual(kr);
    expect(await find({ country: 'kr' })).toEqual(kr);
    expect(await find({ country: 'JP' })).toEqual([]);
  });

  it('organization: by slug or by global ID, people holding a role there', async () => {
    expect(await find({ organization: 'hoc-vien-amc' })).toEqual(['luu-duc-minh']);
    expect(await find({ organization: gid('Organization', 'hoc-vien-amc') })).toEqual(['luu-duc-minh']);
    expect(await find({ organization: gid('Organization', 'vu-hop-tac-quoc-te') })).toEqual(['pham-thi-hong-my']);
    // Nobody's role names Bộ Xây dựng itself (its departments do), and an unknown slug matches nobody.
    expect(await find({ organization: 'bo-xay-dung' })).toEqual([]);
    expect(await find({ organization: 'no-such-org' })).toEqual([]);
  });

  it('all conditions must hold', async () => {
    expect(await find({ name: 'kim', country: 'KR' })).toEqual(['kim-hyeon-ho', 'kim-hyun-jun']);
    expect(await find({ name: 'kim', country: 'VN' })).toEqual([]);
    expect(await find({ name: 'minh', organization: 'hoc-vien-amc', country: 'VN' })).toEqual(['luu-duc-minh']);
  });

  it('organization: an ID of another type is BAD_USER_INPUT naming the argument', async () => {
    const e = await fails(h, PEOPLE, 'BAD_USER_INPUT', { filter: { organization: gid('Person', 'luu-duc-minh') } });
    expect(e.extensions?.argument).toBe('filter.organization');
    expect(e.message).toContain('Person ID');
  });
});

describe('lang: EN falls back to Vietnamese', () => {
  it('Role.title and Organization.name: English where an article gives it, Vietnamese otherwise', async () => {
    const data = await ok(
      h,
      `{ my: person(slug: "pham-thi-hong-my") { roles { edges { node { title en: title(lang: EN) vi: title(lang: VI)
            organization { name nameEn en: name(lang: EN) parent { name nameEn en: name(lang: EN) } } } } } }
         minh: person(slug: "luu-duc-minh") { roles { edges { node { title en: title(lang: EN) article { slug } } } } } }`,
    );
    // 001 gives no English title for "Phó Vụ trưởng" and no English name for Vụ Hợp tác quốc tế; 004 names
    // Bộ Xây dựng "Ministry of Construction".
    expect(nodes(data.my.roles)).toEqual([
      {
        title: 'Phó Vụ trưởng',
        en: 'Phó Vụ trưởng',
        vi: 'Phó Vụ trưởng',
        organization: {
          name: 'Vụ Hợp tác quốc tế',
          nameEn: null,
          en: 'Vụ Hợp tác quốc tế',
          parent: { name: 'Bộ Xây dựng', nameEn: 'Ministry of Construction', en: 'Ministry of Construction' },
        },
      },
    ]);
    // The same title, "Phó Giám đốc": English only where 004 states it ("Deputy Director").
    const en = nodes(data.minh.roles).map((r: Json) => `${r.article.slug}:${r.title}:${r.en}`);
    expect(en).toContain('do-thi-thong-minh-dong-luc-2022:Phó Giám đốc:Deputy Director');
    expect(en).toContain('vkc-hoi-nghi-trien-khai-2024:Phó Giám đốc:Phó Giám đốc');
    expect(en).toContain(
      'vkc-hoi-nghi-trien-khai-2024:Giám đốc dự án VKC phía Việt Nam:Giám đốc dự án VKC phía Việt Nam',
    );
  });
});
