// Verifies documents, projects, conflicts, organizations and places through the real Yoga app against the seed: the VKC decision (no code, a conflict with a claim from 001 and one from 004, each with its article and span), Đề án 950 (950/QĐ-TTg, two articles), the VKC project (acronym, four components with English titles, partners with roles, events, articles, conflicts), the `conflicts` root field, organization parent/children/people/events/projects/issued documents, place containment, and the `documents` text filter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  gid,
  type Json,
  nodes,
  ok,
  type SeedId,
  seedConflicts,
  seedText,
  seedYaml,
  slugs,
  spanText,
} from '../helpers/api';
import { createHarness, type Harness } from '../helpers/harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const SEED_IDS: SeedId[] = ['000', '001', '002', '003', '004'];
const ARTICLE_FILE: Record<string, SeedId> = Object.fromEntries(SEED_IDS.map((id) => [seedYaml(id).article.slug, id]));
const A001 = 'vkc-hoi-nghi-trien-khai-2024';
const A004 = 'do-thi-thong-minh-dong-luc-2022';

function expectSpanOfPage(m: { start: number; end: number; text: string; article: { slug: string } }): void {
  expect(seedText(ARTICLE_FILE[m.article.slug] as SeedId).slice(m.start, m.end)).toBe(m.text);
}

describe('the VKC approving decision', () => {
  let d: Json;
  beforeAll(async () => {
    d = (
      await ok(
        h,
        `{ document(slug: "quyet-dinh-phe-duyet-vkc") {
            id kind code title en: title(lang: EN) aliases date datePrecision issuer { slug name }
            events { edges { node { slug } } }
            articles { totalCount edges { node { slug } } }
            mentions { totalCount edges { node { kind start end text article { slug } } } }
            conflicts { totalCount edges { node { id slug field description
              subject { __typename ... on Document { slug } }
              claims { totalCount edges { node { value conflict { slug } article { slug } mention { kind start end text article { slug } } } } } } } }
          } }`,
      )
    ).document;
  });

  it('has no code, because the two articles disagree on it', () => {
    expect(d).toMatchObject({
      id: gid('Document', 'quyet-dinh-phe-duyet-vkc'),
      kind: 'DECISION',
      code: null,
      date: '2022-05-12',
      datePrecision: 'DAY',
    });
    expect(d.issuer).toEqual({ slug: 'bo-xay-dung', name: 'Bộ Xây dựng' });
    // Both numbers survive as aliases (from 001 and 004), so either finds it.
    expect(d.aliases).toEqual(
      expect.arrayContaining(['38/QĐ-BXD', '388/QĐ-BXD', 'Quyết định số 38/QĐ-BXD', 'Quyết định số 388/QĐ-BXD']),
    );
  });

  it('has the title 004 gives, in Vietnamese and in English', () => {
    const y = seedYaml('004').documents.find((x: Json) => x.slug === 'quyet-dinh-phe-duyet-vkc');
    expect(d.title).toBe(y.title);
    expect(d.en).toBe(y.title_en);
    expect(d.en.startsWith('Approving technical assistance documents')).toBe(true);
  });

  it('has one conflict, "code", with a claim from 001 (38/QĐ-BXD) and one from 004 (388/QĐ-BXD)', () => {
    expect(d.conflicts.totalCount).toBe(1);
    const [c] = nodes(d.conflicts);
    const seed = seedConflicts().conflicts.find((x: Json) => x.slug === 'vkc-decision-code');
    expect(c).toMatchObject({
      id: gid('Conflict', 'vkc-decision-code'),
      slug: 'vkc-decision-code',
      field: 'code',
      subject: { __typename: 'Document', slug: 'quyet-dinh-phe-duyet-vkc' },
    });
    expect(c.description).toBe(seed.description);
    expect(c.claims.totalCount).toBe(2);
    expect(
      nodes(c.claims).map((cl: Json) => ({ article: cl.article.slug, value: cl.value, text: cl.mention.text })),
    ).toEqual(seed.claims.map((cl: Json) => ({ article: cl.article, value: cl.value, text: spanText(cl.span) })));
    expect(nodes(c.claims).map((cl: Json) => `${cl.article.slug}:${cl.value}`)).toEqual([
      `${A001}:38/QĐ-BXD`,
      `${A004}:388/QĐ-BXD`,
    ]);
    for (const cl of nodes(c.claims)) {
      expect(cl.conflict.slug).toBe('vkc-decision-code');
      expect(cl.mention.kind).toBe('CLAIM');
      expect(cl.mention.article.slug).toBe(cl.article.slug);
      expect(cl.mention.text).toContain(cl.value);
      expectSpanOfPage(cl.mention);
    }
  });

  it('is mentioned in both articles, each under its own number, and acted on by the 12/5/2022 signing', () => {
    expect(slugs(d.articles)).toEqual([A001, A004]); // newest first
    expect(nodes(d.mentions).map((m: Json) => `${m.article.slug}|${m.text}`)).toEqual([
      `${A001}|Quyết định số 38/QĐ-BXD`,
      `${A004}|Quyết định số 388/QĐ-BXD`,
      `${A004}|Decision No. 388/QD-BXD`,
    ]);
    for (const m of nodes(d.mentions)) expectSpanOfPage(m);
    expect(slugs(d.events)).toEqual(['ky-quyet-dinh-phe-duyet-vkc']);
  });
});

describe('Đề án 950', () => {
  it('has the code 004 gives (950/QĐ-TTg), is named in 001 and 004, and is cited by Lê Hoàng Trung', async () => {
    const d = (
      await ok(
        h,
        `{ document(slug: "de-an-950") { kind code title aliases issuer { slug }
            articles { totalCount edges { node { slug } } }
            mentions(first: 100) { totalCount edges { node { text article { slug } } } }
            quotes { totalCount edges { node { speaker { slug } text } } } conflicts { totalCount } } }`,
      )
    ).document;
    expect(d).toMatchObject({
      kind: 'SCHEME',
      code: '950/QĐ-TTg',
      issuer: { slug: 'chinh-phu-viet-nam' },
      conflicts: { totalCount: 0 },
    });
    expect(d.title).toBe(
      'Phát triển đô thị thông minh bền vững Việt Nam giai đọan 2018-2025 và định hướng đến năm 2030',
    );
    expect(d.aliases).toEqual(
      expect.arrayContaining(['Đề án 950', 'Quyết định 950/QĐ-TTg', 'Decision 950/QD-TTg', 'Project 950']),
    );
    expect(d.articles).toEqual({ totalCount: 2, edges: [{ node: { slug: A001 } }, { node: { slug: A004 } }] });
    // 001: "Đề án 950" four times, its full title once, "Đề án này" once; 004: one each of
    // "Quyết định 950/QĐ-TTg", "Đề án 950", "Decision 950/QD-TTg", "Project 950".
    const p001 = seedText('001');
    expect(p001.split('Đề án 950').length - 1).toBe(4);
    const byArticle = (slug: string) =>
      nodes(d.mentions)
        .filter((m: Json) => m.article.slug === slug)
        .map((m: Json) => m.text);
    expect(byArticle(A001).sort()).toEqual(
      [
        'Đề án 950',
        'Đề án 950',
        'Đề án 950',
        'Đề án 950',
        'Đề án này',
        'Phát triển đô thị thông minh bền vững Việt Nam giai đọan 2018-2025 và định hướng đến năm 2030',
      ].sort(),
    );
    expect(byArticle(A004).sort()).toEqual(
      ['Decision 950/QD-TTg', 'Project 950', 'Quyết định 950/QĐ-TTg', 'Đề án 950'].sort(),
    );
    expect(d.mentions.totalCount).toBe(10);
    expect(nodes(d.quotes).map((q: Json) => q.speaker.slug)).toEqual(['le-hoang-trung']);
    expect(nodes(d.quotes)[0].text).toContain('Đề án 950 của Chính phủ');
  });
});

describe('documents(filter)', () => {
  const DOCS = `query ($filter: DocumentsFilter) { documents(filter: $filter, first: 100) { totalCount edges { node { slug } } } }`;
  const find = async (filter: Record<string, unknown>) => {
    const data = await ok(h, DOCS, { filter });
    expect(data.documents.totalCount).toBe(data.documents.edges.length);
    return slugs(data.documents);
  };

  it('text: a code typed without diacritics finds the document under either number', async () => {
    expect(await find({ text: '388/QD-BXD' })).toEqual(['quyet-dinh-phe-duyet-vkc']);
    expect(await find({ text: '388/QĐ-BXD' })).toEqual(['quyet-dinh-phe-duyet-vkc']);
    expect(await find({ text: '38/QD-BXD' })).toEqual(['quyet-dinh-phe-duyet-vkc']);
    expect(await find({ text: 'de an 950' })).toEqual(['de-an-950']);
    expect(await find({ text: '950/qd-ttg' })).toEqual(['de-an-950']);
    expect(await find({ text: 'nothing like this' })).toEqual([]);
  });

  it('kind and issuer', async () => {
    // Memoranda: 000's network MoU, 001's BXD–MOLIT memorandum, 002's Huế–LH memorandum.
    expect(await find({ kind: 'MEMORANDUM' })).toEqual([
      'ban-ghi-nho-bxd-molit-phat-trien-do-thi-ben-vung',
      'bien-ban-ghi-nho-hue-lh-2021',
      'mou-thiet-lap-mang-luoi-hop-tac-2023',
    ]);
    // Bộ Chính trị issued Nghị quyết 06/NQ-TW (000) and 52-NQ/TW (004).
    expect(await find({ issuer: 'bo-chinh-tri' })).toEqual(['nghi-quyet-06-nq-tw', 'nghi-quyet-52-nq-tw']);
    expect(await find({ issuer: gid('Organization', 'bo-xay-dung') })).toEqual(['quyet-dinh-phe-duyet-vkc']);
    expect(await find({ issuer: 'bo-chinh-tri', kind: 'RESOLUTION', text: '52' })).toEqual(['nghi-quyet-52-nq-tw']);
  });
});

describe('the VKC project', () => {
  let p: Json;
  beforeAll(async () => {
    p = (
      await ok(
        h,
        `{ project(slug: "du-an-vkc") { id name nameEn en: name(lang: EN) acronyms aliases funding periodStart periodEnd
            components { totalCount edges { node { number title en: title(lang: EN) project { slug } } } }
            partners { totalCount edges { node { role organization { slug } project { slug } } } }
            events { totalCount edges { node { slug } } }
            articles { totalCount edges { node { slug } } }
            conflicts { totalCount edges { node { slug field subject { ... on Project { slug } }
              claims { edges { node { value article { slug } mention { kind start end text article { slug } } } } } } } }
          } }`,
      )
    ).project;
  });

  it('one project across 001 and 004: acronym VKC, funding, end of period', () => {
    expect(p).toMatchObject({
      id: gid('Project', 'du-an-vkc'),
      name: 'Thành lập Trung tâm hợp tác Việt Nam - Hàn Quốc về đô thị thông minh và công nghệ xây dựng',
      nameEn: 'Establishment of Vietnam - Korea cooperation center on smart cities and construction technology',
      acronyms: ['VKC'],
      funding: 'vốn ODA không hoàn lại của Chính phủ Hàn Quốc',
      periodStart: null,
      periodEnd: '2024', // "Năm 2024 là năm cuối để triển khai dự án"
    });
    expect(p.en).toBe(p.nameEn);
    expect([...p.aliases].sort()).toEqual(['Dự án VKC', 'VKC Project']);
  });

  it('has the four components 004 lists, with their English titles', () => {
    const y = seedYaml('004').projects.find((x: Json) => x.slug === 'du-an-vkc');
    expect(p.components.totalCount).toBe(4);
    expect(nodes(p.components)).toEqual(
      y.components.map((c: Json) => ({
        number: c.number,
        title: c.title,
        en: c.title_en,
        project: { slug: 'du-an-vkc' },
      })),
    );
    expect(nodes(p.components)[2]).toMatchObject({
      number: 3,
      title: 'Thành lập Trung tâm VKC',
      en: 'Establishment of VKC Center',
    });
  });

  it('has the nine partners 001 names, each with its stated role', () => {
    const y = seedYaml('001').projects.find((x: Json) => x.slug === 'du-an-vkc');
    expect(p.partners.totalCount).toBe(9);
    const got = nodes(p.partners).map((x: Json) => ({ org: x.organization.slug, role: x.role }));
    expect(got.sort((a: Json, b: Json) => a.org.localeCompare(b.org))).toEqual(
      y.partners
        .map((x: Json) => ({ org: x.org, role: x.role }))
        .sort((a: Json, b: Json) => a.org.localeCompare(b.org)),
    );
    expect(got).toContainEqual({ org: 'kict', role: 'chủ dự án phía Hàn Quốc' });
    expect(nodes(p.partners).every((x: Json) => x.project.slug === 'du-an-vkc')).toBe(true);
  });

  it('has three events, oldest first (the undated study tour first), and is named in two articles', () => {
    expect(slugs(p.events)).toEqual([
      'hoc-tap-kinh-nghiem-do-thi-thong-minh-han-quoc-vkc',
      'ky-quyet-dinh-phe-duyet-vkc',
      'hoi-nghi-trien-khai-vkc-2024',
    ]);
    expect(p.articles).toEqual({ totalCount: 2, edges: [{ node: { slug: A001 } }, { node: { slug: A004 } }] });
  });

  it('has the elapsed-duration conflict: "hơn 2 năm" vs "gần 03 năm", both in 001', () => {
    expect(p.conflicts.totalCount).toBe(1);
    const [c] = nodes(p.conflicts);
    expect(c).toMatchObject({
      slug: 'vkc-project-elapsed-duration',
      field: 'duration',
      subject: { slug: 'du-an-vkc' },
    });
    expect(nodes(c.claims).map((cl: Json) => `${cl.value}|${cl.mention.text}`)).toEqual([
      'hơn 2 năm|Dự án đã trải qua hơn 2 năm triển khai',
      'gần 03 năm|Dự án đã trải qua gần 03 năm thực hiện',
    ]);
    for (const cl of nodes(c.claims)) {
      expect(cl.article.slug).toBe(A001);
      expectSpanOfPage(cl.mention);
    }
  });

  it('projects(filter: { name }) is diacritic-insensitive over names, acronyms and aliases', async () => {
    const find = async (name?: string) =>
      slugs(
        (
          await ok(h, `query ($n: String) { projects(filter: { name: $n }) { edges { node { slug } } } }`, {
            n: name,
          })
        ).projects,
      );
    expect(await find('vkc')).toEqual(['du-an-vkc']);
    expect(await find('song hong')).toEqual(['quy-hoach-hai-bo-song-hong']);
    expect(await find('an van duong')).toEqual(['khu-do-thi-thong-minh-truyen-thong-an-van-duong']);
    expect((await find()).sort()).toEqual([
      'du-an-vkc',
      'khu-do-thi-thong-minh-truyen-thong-an-van-duong',
      'phuc-hung-song-han',
      'quy-hoach-hai-bo-song-hong',
    ]);
  });
});

describe('conflicts', () => {
  it('lists every disagreement of conflicts.yaml, each with its subject and every claim', async () => {
    const data = await ok(
      h,
      `{ conflicts { totalCount edges { node { slug field description
          subject { __typename ... on Document { slug } ... on Project { slug } }
          claims { totalCount edges { node { value article { slug } mention { text } } } } } } } }`,
    );
    const seed = seedConflicts().conflicts;
    expect(data.conflicts.totalCount).toBe(seed.length);
    const TYPE: Record<string, string> = { document: 'Document', project: 'Project' };
    expect(nodes(data.conflicts).map((c: Json) => c.slug)).toEqual(seed.map((c: Json) => c.slug).sort());
    for (const c of nodes(data.conflicts)) {
      const s = seed.find((x: Json) => x.slug === c.slug);
      const [kind, slug] = s.subject.split(':');
      expect(c).toMatchObject({
        field: s.field,
        description: s.description,
        subject: { __typename: TYPE[kind], slug },
      });
      expect(c.claims.totalCount).toBe(s.claims.length);
      expect(nodes(c.claims).map((cl: Json) => [cl.article.slug, cl.value, cl.mention.text])).toEqual(
        s.claims.map((cl: Json) => [cl.article, cl.value, spanText(cl.span)]),
      );
    }
  });
});

describe('organizations', () => {
  it('Vụ Hợp tác quốc tế belongs to Bộ Xây dựng; its people, events and mentions come from 001', async () => {
    const o = (
      await ok(
        h,
        `{ organization(slug: "vu-hop-tac-quoc-te") { name kind country parent { slug name } children { totalCount }
            people { edges { node { slug } } } events { edges { node { slug } } } projects { totalCount } documents { totalCount }
            articles { edges { node { slug } } } mentions { totalCount edges { node { text article { slug } } } } } }`,
      )
    ).organization;
    expect(o).toMatchObject({
      name: 'Vụ Hợp tác quốc tế',
      kind: 'DEPARTMENT',
      country: 'VN',
      parent: { slug: 'bo-xay-dung', name: 'Bộ Xây dựng' },
    });
    expect(o.children.totalCount).toBe(0);
    expect(slugs(o.people)).toEqual(['pham-thi-hong-my']); // "Phó Vụ trưởng Vụ Hợp tác quốc tế"
    expect(slugs(o.events)).toEqual(['hoi-nghi-trien-khai-vkc-2024']); // ATTENDEE: "đại diện Vụ Hợp tác quốc tế"
    expect([o.projects.totalCount, o.documents.totalCount]).toEqual([0, 0]);
    expect(slugs(o.articles)).toEqual([A001]);
    // The page names it three times, all in 001's content.
    expect(seedText('001').split('Vụ Hợp tác quốc tế').length - 1).toBe(3);
    expect(nodes(o.mentions).map((m: Json) => m.text)).toEqual([
      'Vụ Hợp tác quốc tế',
      'Vụ Hợp tác quốc tế',
      'Vụ Hợp tác quốc tế',
    ]);
  });

  it('Bộ Xây dựng: its two departments as children, events in three roles, the project, the decision it issued', async () => {
    const o = (
      await ok(
        h,
        `{ organization(slug: "bo-xay-dung") { name nameEn en: name(lang: EN) parent { slug }
            children { totalCount edges { node { slug parent { slug } } } }
            people { totalCount } events { edges { node { slug } } } projects { edges { node { slug } } }
            documents { edges { node { slug code } } } articles { edges { node { slug } } } published { totalCount } } }`,
      )
    ).organization;
    expect(o).toMatchObject({
      name: 'Bộ Xây dựng',
      nameEn: 'Ministry of Construction',
      en: 'Ministry of Construction',
      parent: null,
    });
    expect(nodes(o.children)).toEqual(
      expect.arrayContaining([
        { slug: 'vu-hop-tac-quoc-te', parent: { slug: 'bo-xay-dung' } },
        { slug: 'cuc-phat-trien-do-thi', parent: { slug: 'bo-xay-dung' } },
      ]),
    );
    expect(o.children.totalCount).toBe(2);
    expect(o.people.totalCount).toBe(0);
    expect(slugs(o.events)).toEqual([
      'hoc-tap-kinh-nghiem-do-thi-thong-minh-han-quoc-vkc',
      'ky-quyet-dinh-phe-duyet-vkc',
      'hoi-nghi-trien-khai-vkc-2024',
    ]);
    expect(slugs(o.projects)).toEqual(['du-an-vkc']);
    expect(nodes(o.documents)).toEqual([{ slug: 'quyet-dinh-phe-duyet-vkc', code: null }]);
    expect(slugs(o.articles)).toEqual([A001, A004]);
    expect(o.published.totalCount).toBe(0);
  });

  it('Học viện AMC: Lưu Đức Minh via his roles, publisher of 004, partner of VKC; the Government issued Đề án 950', async () => {
    const data = await ok(
      h,
      `{ amc: organization(slug: "hoc-vien-amc") { acronyms people { edges { node { slug } } } published { edges { node { slug } } }
            projects { edges { node { slug } } } events { edges { node { slug } } } }
         gov: organization(slug: "chinh-phu-viet-nam") { documents { edges { node { slug code } } } } }`,
    );
    expect(data.amc).toEqual({
      acronyms: ['AMC'],
      people: { edges: [{ node: { slug: 'luu-duc-minh' } }] },
      published: { edges: [{ node: { slug: A004 } }] },
      projects: { edges: [{ node: { slug: 'du-an-vkc' } }] },
      events: { edges: [{ node: { slug: 'hoi-nghi-trien-khai-vkc-2024' } }] },
    });
    expect(nodes(data.gov.documents)).toEqual([{ slug: 'de-an-950', code: '950/QĐ-TTg' }]);
  });

  it('organizations(filter): parent, country, kind, name (acronyms too)', async () => {
    const find = async (filter: Record<string, unknown>) =>
      slugs(
        (
          await ok(
            h,
            `query ($f: OrganizationsFilter) { organizations(filter: $f, first: 100) { edges { node { slug } } } }`,
            { f: filter },
          )
        ).organizations,
      ).sort();
    expect(await find({ parent: 'bo-xay-dung' })).toEqual(['cuc-phat-trien-do-thi', 'vu-hop-tac-quoc-te']);
    expect(await find({ parent: gid('Organization', 'dang-cong-san-viet-nam') })).toEqual(['bo-chinh-tri']);
    expect(await find({ kind: 'MEDIA' })).toEqual(['bao-xay-dung', 'hnp', 'tap-chi-xay-dung-va-do-thi']);
    expect(await find({ name: 'molit' })).toEqual(['molit']);
    expect(await find({ name: 'bo dat dai' })).toEqual(['molit']);
    // Korean organizations: KRDA, LOFA (000); MOLIT, KICT, KRIHS, LH, KAIA, the embassy, the government (001); Seoul (003).
    expect(await find({ country: 'KR' })).toEqual([
      'chinh-phu-han-quoc',
      'chinh-quyen-thanh-pho-seoul',
      'dai-su-quan-han-quoc',
      'kaia',
      'kict',
      'krda',
      'krihs',
      'lh',
      'lofa',
      'molit',
    ]);
  });
});

describe('places', () => {
  it('containment: Hà Nội is in Việt Nam and contains two venues; the rivers are in no city', async () => {
    const data = await ok(
      h,
      `{ hn: place(slug: "ha-noi") { name kind country parent { slug parent { slug } } children { totalCount edges { node { slug kind parent { slug } } } }
            events { totalCount } articles { edges { node { slug } } } }
         vn: place(slug: "viet-nam") { nameEn en: name(lang: EN) parent { slug } children { edges { node { slug } } } }
         lotte: place(slug: "khach-san-lotte-ha-noi") { kind parent { slug parent { slug } } events { edges { node { slug } } } }
         seoul: place(slug: "song-han-seoul") { name en: name(lang: EN) parent { slug parent { slug } } } }`,
    );
    expect(data.hn).toMatchObject({
      name: 'Hà Nội',
      kind: 'CITY',
      country: 'VN',
      parent: { slug: 'viet-nam', parent: null },
    });
    expect(slugs(data.hn.children).sort()).toEqual(['dai-hoc-kien-truc-ha-noi-tru-so', 'khach-san-lotte-ha-noi']);
    expect(nodes(data.hn.children).every((c: Json) => c.parent.slug === 'ha-noi')).toBe(true);
    // Events are held at the venues, not at the city itself.
    expect(data.hn.events.totalCount).toBe(0);
    expect(slugs(data.hn.articles)).toEqual([
      'ha-noi-seoul-dien-dan-chinh-sach-2025',
      'vupda-mou-mang-luoi-hop-tac-2023',
    ]);
    expect(data.vn).toMatchObject({ nameEn: 'Vietnam', en: 'Vietnam', parent: null });
    expect(slugs(data.vn.children).sort()).toEqual([
      'ha-noi',
      'thua-thien-hue',
      'vung-kinh-te-trong-diem-mien-trung',
      'vung-kinh-te-trong-diem-phia-bac',
      'vung-kinh-te-trong-diem-phia-nam',
    ]);
    expect(data.lotte).toEqual({
      kind: 'VENUE',
      parent: { slug: 'ha-noi', parent: { slug: 'viet-nam' } },
      events: { edges: [{ node: { slug: 'dien-dan-chinh-sach-do-thi-ha-noi-seoul-2025' } }] },
    });
    expect(data.seoul).toEqual({
      name: 'sông Hàn',
      en: 'sông Hàn',
      parent: null,
    });
  });

  it('places(filter): within is direct containment; name is diacritic-insensitive', async () => {
    const find = async (filter: Record<string, unknown>) =>
      slugs(
        (
          await ok(h, `query ($f: PlacesFilter) { places(filter: $f, first: 100) { edges { node { slug } } } }`, {
            f: filter,
          })
        ).places,
      ).sort();
    expect(await find({ within: 'ha-noi' })).toEqual(['dai-hoc-kien-truc-ha-noi-tru-so', 'khach-san-lotte-ha-noi']);
    expect(await find({ within: gid('Place', 'thua-thien-hue') })).toEqual([
      'khu-do-thi-moi-an-van-duong',
      'khu-kinh-te-chan-may-lang-co',
    ]);
    expect(await find({ kind: 'RIVER' })).toEqual(['song-han-seoul', 'song-hong']);
    expect(await find({ name: 'ha noi' })).toEqual([
      'dai-hoc-kien-truc-ha-noi-tru-so',
      'ha-noi',
      'khach-san-lotte-ha-noi',
    ]);
    expect(await find({ name: 'TT-Hue' })).toEqual(['thua-thien-hue']);
  });
});
