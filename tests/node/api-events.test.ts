// Verifies events through the real Yoga app against the seed: the 12/5/2022 decision is one node reported in two articles, participants with roles and their evidence spans (checked for every event of every article), organizers, the role filter, parent/children, place, quotes at an event, the `events` filters (date range, kinds, participant person/organization, place including places inside it, project, document), DESC order, and dates (precision, inferred year, part of day).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fails, gid, type Json, nodes, ok, type SeedId, seedText, seedYaml, slugs, spanText } from '../helpers/api';
import { createHarness, type Harness, LIFTED_LIMITS } from '../helpers/harness';
import { copySeed, type SeedCopy } from '../helpers/seed-copy';

// `h` serves the real seed. `nested` serves a copy with two events the curated articles no longer
// record (an opening ceremony inside 000's workshop, a year-only milestone in 001), so that a
// three-level event chain and YEAR precision stay exercised.
let h: Harness;
let nested: Harness;
let copy: SeedCopy;
const OPENING_YAML = `
  - slug: khai-mac-hoi-thao-chuyen-doi-so-phat-trien-vung-2023
    kind: CEREMONY
    title: Lễ khai mạc Hội thảo quốc tế
    date: { value: "2023-09-07", precision: DAY, inferred: true, span: "Sau lễ ký kết" }
    parent: hoi-thao-chuyen-doi-so-phat-trien-vung-2023
    span: "khai mạc Hội thảo"
`;
const MILESTONE_YAML = `
  - slug: vkc-hop-phan-4-hoan-thanh-chuong-trinh-dao-tao-2023
    kind: OTHER
    title: Hợp phần 4 Dự án VKC xây dựng chương trình đào tạo
    date: { value: "2023", precision: YEAR, span: "cuối năm 2023" }
    project: du-an-vkc
    span: "Hợp phần 4 cuối năm 2023 đã xây dựng chương trình đào tạo"
`;
beforeAll(async () => {
  h = await createHarness({ limits: LIFTED_LIMITS });
  copy = copySeed();
  copy.edit('articles/000_426948c4ed780aa9.yaml', '\nroles:\n', `${OPENING_YAML}\nroles:\n`);
  copy.edit(
    'articles/000_426948c4ed780aa9.yaml',
    '\nmentions:\n',
    '\nmentions:\n  - { ref: event:khai-mac-hoi-thao-chuyen-doi-so-phat-trien-vung-2023, span: "khai mạc Hội thảo" }\n',
  );
  copy.edit('articles/001_bf81e270833bc859.yaml', '\nroles:\n', `${MILESTONE_YAML}\nroles:\n`);
  copy.edit(
    'articles/001_bf81e270833bc859.yaml',
    '\nmentions:\n',
    '\nmentions:\n  - { ref: event:vkc-hop-phan-4-hoan-thanh-chuong-trinh-dao-tao-2023, span: "đã xây dựng chương trình đào tạo" }\n',
  );
  nested = await createHarness({ seedDir: copy.dir, limits: LIFTED_LIMITS });
});
afterAll(() => {
  h.close();
  nested.close();
  copy.remove();
});

const SEED_IDS: SeedId[] = ['000', '001', '002', '003', '004'];
const ARTICLE_FILE: Record<string, SeedId> = Object.fromEntries(SEED_IDS.map((id) => [seedYaml(id).article.slug, id]));

function expectSpanOfPage(m: { start: number; end: number; text: string; article: { slug: string } }): void {
  expect(seedText(ARTICLE_FILE[m.article.slug] as SeedId).slice(m.start, m.end)).toBe(m.text);
}

const DECISION = 'ky-quyet-dinh-phe-duyet-vkc';
const CONFERENCE = 'hoi-nghi-trien-khai-vkc-2024';
const MOU_SIGNING = 'ky-mou-mang-luoi-hop-tac-vupda-2023';
const WORKSHOP = 'hoi-thao-chuyen-doi-so-phat-trien-vung-2023';
const OPENING = 'khai-mac-hoi-thao-chuyen-doi-so-phat-trien-vung-2023';

describe('the 12/5/2022 decision: one event, two reports', () => {
  let e: Json;
  beforeAll(async () => {
    const data = await ok(
      h,
      `{ event(slug: "${DECISION}") {
          id slug kind title en: title(lang: EN) titleEn date datePrecision dateInferred partOfDay online
          dateMention { kind text start end article { slug } }
          place { slug } parent { slug } children { totalCount } project { slug acronyms }
          documents { totalCount edges { node { slug code } } }
          reportedIn { totalCount edges { node { article { slug } event { slug } mention { kind start end text article { slug } } } } }
          participants { totalCount edges { node { role person { slug } organization { slug } event { slug }
            evidence { kind start end text article { slug } } } } }
          organizers { totalCount }
          people { totalCount } organizations { totalCount edges { node { slug } } }
          quotes { totalCount }
          mentions { totalCount edges { node { kind start end text article { slug } subject { ... on Event { slug } } } } }
        } }`,
    );
    e = data.event;
  });

  it('is one node, of kind DECISION, dated 12/5/2022 by the text itself', () => {
    expect(e).toMatchObject({
      id: gid('Event', DECISION),
      kind: 'DECISION',
      title: 'Bộ trưởng Bộ Xây dựng ký Quyết định phê duyệt văn kiện dự án VKC',
      date: '2022-05-12',
      datePrecision: 'DAY',
      dateInferred: false,
      partOfDay: null,
      online: false,
      place: null,
      parent: null,
      children: { totalCount: 0 },
      project: { slug: 'du-an-vkc', acronyms: ['VKC'] },
    });
    // No article gives it an English title: EN falls back to the Vietnamese one.
    expect(e.titleEn).toBeNull();
    expect(e.en).toBe(e.title);
    // 001 reads the date from "ngày 12/5/2022", 004 from "Ngày 12/5/2022".
    expect(e.dateMention.kind).toBe('DATE');
    expect(e.dateMention.text.toLowerCase()).toBe('ngày 12/5/2022');
    expectSpanOfPage(e.dateMention);
  });

  it('is reported in 001 and 004, each report with its own span', () => {
    const expected = (['001', '004'] as const).map((id) => {
      const y = seedYaml(id);
      const ev = y.events.find((x: Json) => x.slug === DECISION);
      return { article: y.article.slug, text: spanText(ev.span) };
    });
    expect(e.reportedIn.totalCount).toBe(2);
    expect(nodes(e.reportedIn).map((r: Json) => ({ article: r.article.slug, text: r.mention.text }))).toEqual(expected);
    for (const r of nodes(e.reportedIn)) {
      expect(r.event.slug).toBe(DECISION);
      expect(r.mention.kind).toBe('REPORT');
      expect(r.mention.article.slug).toBe(r.article.slug);
      expectSpanOfPage(r.mention);
    }
    // The two reports disagree on the number: that is the point of the conflict on the document.
    expect(nodes(e.reportedIn)[0].mention.text).toContain('Quyết định số 38/QĐ-BXD');
    expect(nodes(e.reportedIn)[1].mention.text).toContain('Quyết định số 388/QĐ-BXD');
    // 004's page has no-break spaces inside the sentence; the span keeps them.
    expect(nodes(e.reportedIn)[1].mention.text).toContain('388/QĐ-BXD\u00a0Phê duyệt');
  });

  it('has one participant, Bộ Xây dựng as SIGNATORY, with evidence in both articles', () => {
    expect(e.participants.totalCount).toBe(1);
    const [p] = nodes(e.participants);
    expect(p).toMatchObject({
      role: 'SIGNATORY',
      person: null,
      organization: { slug: 'bo-xay-dung' },
      event: { slug: DECISION },
    });
    expect(p.evidence.map((m: Json) => `${m.article.slug}|${m.kind}|${m.text}`)).toEqual([
      'vkc-hoi-nghi-trien-khai-2024|PARTICIPATION|Bộ trưởng Bộ Xây dựng đã ký',
      'do-thi-thong-minh-dong-luc-2022|PARTICIPATION|Bộ trưởng Bộ Xây dựng đã ký',
    ]);
    for (const m of p.evidence) expectSpanOfPage(m);
    expect(e.organizers.totalCount).toBe(0);
    expect(e.people.totalCount).toBe(0);
    expect(e.organizations).toEqual({ totalCount: 1, edges: [{ node: { slug: 'bo-xay-dung' } }] });
    expect(e.quotes.totalCount).toBe(0);
  });

  it('acted on the approving decision, whose code the sources disagree on (so null)', () => {
    expect(e.documents).toEqual({ totalCount: 1, edges: [{ node: { slug: 'quyet-dinh-phe-duyet-vkc', code: null } }] });
  });

  it('is named three times: the signing phrases of 001 and, in Vietnamese and English, of 004', () => {
    expect(e.mentions.totalCount).toBe(3);
    expect(nodes(e.mentions).map((m: Json) => `${m.article.slug}|${m.text}`)).toEqual([
      'vkc-hoi-nghi-trien-khai-2024|đã ký Quyết định số 38/QĐ-BXD',
      'do-thi-thong-minh-dong-luc-2022|đã ký Quyết định số 388/QĐ-BXD',
      'do-thi-thong-minh-dong-luc-2022|signed Decision No. 388/QD-BXD',
    ]);
    for (const m of nodes(e.mentions)) {
      expect(m.kind).toBe('ENTITY');
      expect(m.subject).toEqual({ slug: DECISION });
      expectSpanOfPage(m);
    }
  });
});

describe('participants of every event match the curated YAML', () => {
  it('each (who, role) once, with one evidence span per stating article', async () => {
    // (event, who, role) → the spans that state it, across every article that reports the event.
    const expected = new Map<string, string[]>();
    for (const id of SEED_IDS) {
      const y = seedYaml(id);
      for (const ev of y.events ?? []) {
        for (const p of ev.participants ?? []) {
          const who = p.person ? `person:${p.person}` : `org:${p.org}`;
          const key = `${ev.slug}|${who}|${p.role}`;
          expected.set(key, [...(expected.get(key) ?? []), `${y.article.slug}|${spanText(p.span)}`]);
        }
      }
    }
    const data = await ok(
      h,
      `{ events(first: 100) { totalCount edges { node { slug participants(first: 100) { totalCount edges { node {
          role person { slug } organization { slug } evidence { start end text article { slug } } } } } } } } }`,
    );
    const got = new Map<string, string[]>();
    for (const ev of nodes(data.events)) {
      expect(ev.participants.totalCount).toBe(ev.participants.edges.length);
      for (const p of nodes(ev.participants)) {
        const who = p.person ? `person:${p.person.slug}` : `org:${p.organization.slug}`;
        const key = `${ev.slug}|${who}|${p.role}`;
        expect(got.has(key), key).toBe(false);
        got.set(
          key,
          p.evidence.map((m: Json) => `${m.article.slug}|${m.text}`),
        );
        for (const m of p.evidence) expectSpanOfPage(m);
      }
    }
    expect(got.size).toBe(expected.size);
    for (const [key, spans] of expected) expect([...(got.get(key) ?? [])].sort(), key).toEqual([...spans].sort());
  });
});

describe('the 2024 VKC conference', () => {
  let e: Json;
  beforeAll(async () => {
    const data = await ok(
      h,
      `{ event(slug: "${CONFERENCE}") {
          kind date datePrecision dateInferred partOfDay online
          dateMention { kind text start end article { slug publishedDate } }
          place { slug name kind } project { slug }
          organizers { totalCount edges { node { role organization { slug } person { slug } evidence { text } } } }
          speakers: participants(role: SPEAKER) { totalCount edges { node { role person { slug } evidence { text } } } }
          attendees: participants(role: ATTENDEE) { totalCount edges { node { role organization { slug } } } }
          chairs: participants(role: CHAIR) { totalCount edges { node { role } } }
          participants { totalCount }
          people { totalCount edges { node { slug } } }
          organizations { totalCount edges { node { slug } } }
          quotes { totalCount edges { node { kind text speaker { slug } event { slug } } } }
          reportedIn { totalCount edges { node { article { slug } } } }
        } }`,
    );
    e = data.event;
  });

  it('"Sáng ngày 23/1": day precision, year inferred from the publication date, in the morning', () => {
    expect(e).toMatchObject({
      kind: 'CONFERENCE',
      date: '2024-01-23',
      datePrecision: 'DAY',
      dateInferred: true,
      partOfDay: 'MORNING',
      online: false,
    });
    expect(e.dateMention).toMatchObject({
      kind: 'DATE',
      text: 'Sáng ngày 23/1',
      article: { slug: 'vkc-hoi-nghi-trien-khai-2024', publishedDate: '2024-01-23' },
    });
    expectSpanOfPage(e.dateMention);
    // The text states no year: it is the publication's ("21:36 | 23/01/2024").
    expect(e.dateMention.text).not.toMatch(/\d{4}/);
    expect(e.date.slice(0, 4)).toBe(e.dateMention.article.publishedDate.slice(0, 4));
  });

  it('was held at the Academy (AMC) premises, as part of the VKC project', () => {
    expect(e.place).toEqual({
      slug: 'hoc-vien-amc-tru-so',
      name: 'Học viện Cán bộ quản lý xây dựng và đô thị',
      kind: 'VENUE',
    });
    expect(e.project).toEqual({ slug: 'du-an-vkc' });
    expect(e.reportedIn).toEqual({
      totalCount: 1,
      edges: [{ node: { article: { slug: 'vkc-hoi-nghi-trien-khai-2024' } } }],
    });
  });

  it('organizers: the two ministries, both stated by one span', () => {
    expect(e.organizers.totalCount).toBe(2);
    expect(
      nodes(e.organizers)
        .map((p: Json) => p.organization.slug)
        .sort(),
    ).toEqual(['bo-xay-dung', 'molit']);
    for (const p of nodes(e.organizers)) {
      expect(p.role).toBe('ORGANIZER');
      expect(p.person).toBeNull();
      expect(p.evidence).toEqual([
        { text: 'Bộ Xây dựng Việt Nam và Bộ Đất đai, hạ tầng, giao thông Hàn Quốc tổ chức' },
      ]);
    }
  });

  it('participants(role:) filters by role; 11 participations in all', () => {
    expect(e.participants.totalCount).toBe(11);
    expect(e.speakers.totalCount).toBe(4);
    const speakers = Object.fromEntries(
      nodes(e.speakers).map((p: Json) => [p.person.slug, p.evidence.map((m: Json) => m.text)]),
    );
    expect(speakers).toEqual({
      'park-jin-hong': ['Ông Park Jin Hong - Tham tán Đại sứ quán Hàn Quốc khẳng định'],
      'pham-thi-hong-my': ['Bà Phạm Thị Hồng My, Phó Vụ trưởng Vụ Hợp tác quốc tế (Bộ Xây dựng) khẳng định'],
      'luu-duc-minh': [
        'Đại diện phía Học viện AMC, ông Lưu Đức Minh - Phó Giám đốc Học viện, Giám đốc dự án VKC phía Việt Nam cũng đồng quan điểm',
      ],
      'le-hoang-trung': ['Tiếp lời, ông Lê Hoàng Trung - Phó Cục trưởng Cục phát triển đô thị (Bộ Xây dựng) mong muốn'],
    });
    expect(nodes(e.speakers).every((p: Json) => p.role === 'SPEAKER')).toBe(true);
    expect(
      nodes(e.attendees)
        .map((p: Json) => p.organization.slug)
        .sort(),
    ).toEqual(
      [
        'ban-quan-ly-du-an-vkc',
        'cuc-phat-trien-do-thi',
        'dai-su-quan-han-quoc',
        'hoc-vien-amc',
        'vu-hop-tac-quoc-te',
      ].sort(),
    );
    expect(nodes(e.attendees).every((p: Json) => p.role === 'ATTENDEE')).toBe(true);
    expect(e.chairs).toEqual({ totalCount: 0, edges: [] });
  });

  it('people and organizations are the distinct participants', () => {
    expect(slugs(e.people).sort()).toEqual(['le-hoang-trung', 'luu-duc-minh', 'park-jin-hong', 'pham-thi-hong-my']);
    expect(e.organizations.totalCount).toBe(7);
    expect(slugs(e.organizations).sort()).toEqual(
      [
        'ban-quan-ly-du-an-vkc',
        'bo-xay-dung',
        'cuc-phat-trien-do-thi',
        'dai-su-quan-han-quoc',
        'hoc-vien-amc',
        'molit',
        'vu-hop-tac-quoc-te',
      ].sort(),
    );
  });

  it('quotes said at it: every quote 001 records, in reading order', () => {
    const y = seedYaml('001');
    const expected = y.quotes
      .filter((q: Json) => q.event === CONFERENCE)
      .map((q: Json) => ({ kind: q.kind, speaker: q.speaker, text: spanText(q.span) }));
    expect(expected).toHaveLength(6);
    expect(e.quotes.totalCount).toBe(6);
    expect(nodes(e.quotes).map((q: Json) => ({ kind: q.kind, speaker: q.speaker.slug, text: q.text }))).toEqual(
      expected,
    );
    expect(nodes(e.quotes).every((q: Json) => q.event.slug === CONFERENCE)).toBe(true);
  });
});

describe('000: the MoU signing, the workshop after it (and, in the seed copy, the workshop’s opening)', () => {
  it('the workshop is the signing’s only child and has none of its own', async () => {
    const data = await ok(
      h,
      `{ s: event(slug: "${MOU_SIGNING}") { children { totalCount edges { node { slug } } } }
         w: event(slug: "${WORKSHOP}") { parent { slug parent { slug } } children { totalCount edges { node { slug } } } } }`,
    );
    expect(data.s.children).toEqual({ totalCount: 1, edges: [{ node: { slug: WORKSHOP } }] });
    expect(data.w).toEqual({ parent: { slug: MOU_SIGNING, parent: null }, children: { totalCount: 0, edges: [] } });
  });

  it('parent and children link the three events of the seed copy', async () => {
    const data = await ok(
      nested,
      `{ s: event(slug: "${MOU_SIGNING}") { kind date dateInferred dateMention { text } parent { slug }
            place { slug kind parent { slug name } } documents { edges { node { slug kind } } }
            children { totalCount edges { node { slug kind date dateInferred dateMention { text } parent { slug }
              children { totalCount edges { node { slug kind parent { slug } children { totalCount } } } } } } } }
         o: event(slug: "${OPENING}") { parent { slug parent { slug parent { slug } } } } }`,
    );
    const s = data.s;
    expect(s).toMatchObject({
      kind: 'SIGNING',
      date: '2023-09-07',
      dateInferred: false,
      dateMention: { text: 'Ngày 7/9/2023' },
      parent: null,
      place: { slug: 'dai-hoc-kien-truc-ha-noi-tru-so', kind: 'VENUE', parent: { slug: 'ha-noi', name: 'Hà Nội' } },
    });
    expect(nodes(s.documents)).toEqual([{ slug: 'mou-thiet-lap-mang-luoi-hop-tac-2023', kind: 'MEMORANDUM' }]);
    expect(s.children.totalCount).toBe(1);
    const [w] = nodes(s.children);
    // "Sau lễ ký kết": the workshop has the signing's day, inferred.
    expect(w).toMatchObject({
      slug: WORKSHOP,
      kind: 'WORKSHOP',
      date: '2023-09-07',
      dateInferred: true,
      dateMention: { text: 'Sau lễ ký kết' },
      parent: { slug: MOU_SIGNING },
    });
    expect(w.children).toEqual({
      totalCount: 1,
      edges: [{ node: { slug: OPENING, kind: 'CEREMONY', parent: { slug: WORKSHOP }, children: { totalCount: 0 } } }],
    });
    expect(data.o.parent).toEqual({ slug: WORKSHOP, parent: { slug: MOU_SIGNING, parent: null } });
  });

  it('quotes at the workshop’s opening: Kim Hyeon Ho (reported) and Trần Ngọc Chính (direct, citing two party documents)', async () => {
    const data = await ok(
      h,
      `{ event(slug: "${WORKSHOP}") { quotes { edges { node { kind text speaker { slug } role { title organization { slug } }
          documents { edges { node { slug } } } } } } } }`,
    );
    const y = seedYaml('000');
    const expected = y.quotes.map((q: Json) => ({
      kind: q.kind,
      speaker: q.speaker,
      text: spanText(q.span),
      documents: q.documents ?? [],
    }));
    expect(
      nodes(data.event.quotes).map((q: Json) => ({
        kind: q.kind,
        speaker: q.speaker.slug,
        text: q.text,
        documents: slugs(q.documents).sort(),
      })),
    ).toEqual(expected.map((q: Json) => ({ ...q, documents: [...q.documents].sort() })));
    expect(nodes(data.event.quotes).map((q: Json) => q.role)).toEqual([
      { title: 'Chủ tịch', organization: { slug: 'krda' } },
      { title: 'Chủ tịch', organization: { slug: 'vupda' } },
    ]);
  });
});

describe('dates', () => {
  it('the Huế signing was online, in the afternoon, its year inferred ("Chiều ngày 10/9")', async () => {
    const data = await ok(
      h,
      `{ event(slug: "ky-ket-mou-hue-lh-2021") { date datePrecision dateInferred partOfDay online place { slug } dateMention { text } } }`,
    );
    expect(data.event).toEqual({
      date: '2021-09-10',
      datePrecision: 'DAY',
      dateInferred: true,
      partOfDay: 'AFTERNOON',
      online: true,
      place: null,
      dateMention: { text: 'Chiều ngày 10/9' },
    });
  });

  it('a year-only date ("cuối năm 2023", seed copy) is stored as its first day with YEAR precision', async () => {
    const data = await ok(
      nested,
      `{ event(slug: "vkc-hop-phan-4-hoan-thanh-chuong-trinh-dao-tao-2023") { date datePrecision dateInferred dateMention { text } } }`,
    );
    expect(data.event).toEqual({
      date: '2023-01-01',
      datePrecision: 'YEAR',
      dateInferred: false,
      dateMention: { text: 'cuối năm 2023' },
    });
  });

  it('an undated event has no date, precision or date mention, and is not inferred', async () => {
    const data = await ok(
      h,
      `{ event(slug: "luu-duc-minh-lam-viec-tai-kict") { date datePrecision dateInferred partOfDay dateMention { text } } }`,
    );
    expect(data.event).toEqual({
      date: null,
      datePrecision: null,
      dateInferred: false,
      partOfDay: null,
      dateMention: null,
    });
  });

  it('every event’s date and precision are the seed’s (first day of a coarser period)', async () => {
    const expected = new Map<string, { date: string | null; datePrecision: string | null; dateInferred: boolean }>();
    for (const id of SEED_IDS) {
      for (const ev of seedYaml(id).events ?? []) {
        const d = ev.date;
        const value = d ? String(d.value).padEnd(10, '-01-01').slice(0, 10) : null;
        const e = { date: value, datePrecision: d?.precision ?? null, dateInferred: Boolean(d?.inferred) };
        if (expected.has(ev.slug)) expect(expected.get(ev.slug), ev.slug).toEqual(e);
        expected.set(ev.slug, e);
      }
    }
    const data = await ok(
      h,
      '{ events(first: 100) { totalCount edges { node { slug date datePrecision dateInferred } } } }',
    );
    expect(data.events.totalCount).toBe(expected.size);
    for (const ev of nodes(data.events))
      expect({ date: ev.date, datePrecision: ev.datePrecision, dateInferred: ev.dateInferred }, ev.slug).toEqual(
        expected.get(ev.slug),
      );
  });
});

describe('events(filter, order)', () => {
  const EVENTS = `query ($filter: EventsFilter, $order: OrderDirection) {
    events(filter: $filter, order: $order, first: 100) { totalCount edges { node { slug date } } } }`;
  const find = async (filter: Record<string, unknown>, order?: string) => {
    const data = await ok(h, EVENTS, { filter, order });
    expect(data.events.totalCount).toBe(data.events.edges.length);
    return slugs(data.events);
  };

  // All eight events, ascending by date (undated first), ties by insertion.
  let all: string[];
  beforeAll(async () => {
    all = await find({});
  });

  it('ascending by date, undated first; DESC is exactly the reverse (undated last)', async () => {
    expect(all).toHaveLength(8);
    expect(all.slice(0, 2).sort()).toEqual([
      'hoc-tap-kinh-nghiem-do-thi-thong-minh-han-quoc-vkc',
      'luu-duc-minh-lam-viec-tai-kict',
    ]);
    expect(all.slice(2)).toEqual([
      'ky-ket-mou-hue-lh-2021',
      DECISION,
      ...all.slice(4, 6),
      CONFERENCE,
      'dien-dan-chinh-sach-do-thi-ha-noi-seoul-2025',
    ]);
    expect(all.slice(4, 6).sort()).toEqual([WORKSHOP, MOU_SIGNING].sort());
    expect(await find({}, 'DESC')).toEqual([...all].reverse());
    expect(await find({}, 'ASC')).toEqual(all);
  });

  it('date range: from/to are inclusive and compare real dates', async () => {
    expect(await find({ from: '2022-01-01', to: '2023-12-31' })).toEqual(
      all.filter((s) => ![...all.slice(0, 3), CONFERENCE, 'dien-dan-chinh-sach-do-thi-ha-noi-seoul-2025'].includes(s)),
    );
    expect(await find({ from: '2022-05-12', to: '2022-05-12' })).toEqual([DECISION]);
    expect((await find({ from: '2023-09-07', to: '2023-09-07' })).sort()).toEqual([WORKSHOP, MOU_SIGNING].sort());
    expect(await find({ from: '2024-01-01' })).toEqual([CONFERENCE, 'dien-dan-chinh-sach-do-thi-ha-noi-seoul-2025']);
    expect(await find({ to: '2021-12-31' })).toEqual(['ky-ket-mou-hue-lh-2021']);
    expect(await find({ from: '2026-01-01' })).toEqual([]);
    expect(await find({ from: '2024-01-01' }, 'DESC')).toEqual([
      'dien-dan-chinh-sach-do-thi-ha-noi-seoul-2025',
      CONFERENCE,
    ]);
  });

  it('an impossible date is rejected before anything runs', async () => {
    const r = await h.gql<Json>(EVENTS, { filter: { from: '2023-02-30' } });
    expect(r.status).not.toBe(500);
    expect(r.errors?.[0]?.message).toMatch(/date/i);
  });

  it('kinds: any of the given kinds', async () => {
    expect(await find({ kinds: ['SIGNING'] })).toEqual(['ky-ket-mou-hue-lh-2021', MOU_SIGNING]);
    expect(await find({ kinds: ['SIGNING', 'WORKSHOP'] })).toEqual([
      'ky-ket-mou-hue-lh-2021',
      ...all.filter((s) => s === WORKSHOP || s === MOU_SIGNING),
    ]);
    expect(await find({ kinds: ['FORUM', 'DECISION', 'STUDY_TOUR'] })).toEqual([
      'hoc-tap-kinh-nghiem-do-thi-thong-minh-han-quoc-vkc',
      DECISION,
      'dien-dan-chinh-sach-do-thi-ha-noi-seoul-2025',
    ]);
    expect(await find({ kinds: ['EXHIBITION'] })).toEqual([]);
  });

  it('participant: a person, by slug or ID', async () => {
    const expected = ['luu-duc-minh-lam-viec-tai-kict', CONFERENCE];
    expect(await find({ participant: 'luu-duc-minh' })).toEqual(expected);
    expect(await find({ participant: gid('Person', 'luu-duc-minh') })).toEqual(expected);
    expect(await find({ participant: gid('Person', 'oh-se-hoon') })).toEqual([
      'dien-dan-chinh-sach-do-thi-ha-noi-seoul-2025',
    ]);
  });

  it('participant: an organization, by slug or ID, in any role', async () => {
    // Bộ Xây dựng: ATTENDEE of the study tour (004), SIGNATORY of the decision (001, 004), ORGANIZER of the conference (001).
    const expected = ['hoc-tap-kinh-nghiem-do-thi-thong-minh-han-quoc-vkc', DECISION, CONFERENCE];
    expect(await find({ participant: 'bo-xay-dung' })).toEqual(expected);
    expect(await find({ participant: gid('Organization', 'bo-xay-dung') })).toEqual(expected);
    // KICT hosted Lưu Đức Minh's working session.
    expect(await find({ participant: 'kict' })).toEqual(['luu-duc-minh-lam-viec-tai-kict']);
    expect(await find({ participant: 'no-such-participant' })).toEqual([]);
  });

  it('participant: an ID of another type is BAD_USER_INPUT', async () => {
    const e = await fails(h, EVENTS, 'BAD_USER_INPUT', { filter: { participant: gid('Place', 'ha-noi') } });
    expect(e.extensions?.argument).toBe('filter.participant');
  });

  it('place: held there or at a place inside it', async () => {
    const inHanoi = [MOU_SIGNING, 'dien-dan-chinh-sach-do-thi-ha-noi-seoul-2025'];
    // The two Hà Nội venues: Trường Đại học Kiến trúc Hà Nội (000) and Khách sạn Lotte Hà Nội (003).
    expect(await find({ place: 'ha-noi' })).toEqual(inHanoi);
    expect(await find({ place: gid('Place', 'ha-noi') })).toEqual(inHanoi);
    // Two levels down from Việt Nam (the Academy's premises have no stated parent, so the conference is not in it).
    expect(await find({ place: 'viet-nam' })).toEqual(inHanoi);
    expect(await find({ place: 'khach-san-lotte-ha-noi' })).toEqual(['dien-dan-chinh-sach-do-thi-ha-noi-seoul-2025']);
    expect(await find({ place: 'hoc-vien-amc-tru-so' })).toEqual([CONFERENCE]);
    expect(await find({ place: 'han-quoc' })).toEqual(['hoc-tap-kinh-nghiem-do-thi-thong-minh-han-quoc-vkc']);
    expect(await find({ place: 'seoul' })).toEqual([]);
  });

  it('project and document', async () => {
    const vkc = ['hoc-tap-kinh-nghiem-do-thi-thong-minh-han-quoc-vkc', DECISION, CONFERENCE];
    expect(await find({ project: 'du-an-vkc' })).toEqual(vkc);
    expect(await find({ project: gid('Project', 'du-an-vkc') })).toEqual(vkc);
    expect(await find({ project: 'phuc-hung-song-han' })).toEqual([]);
    expect(await find({ document: 'quyet-dinh-phe-duyet-vkc' })).toEqual([DECISION]);
    expect(await find({ document: gid('Document', 'mou-thiet-lap-mang-luoi-hop-tac-2023') })).toEqual([MOU_SIGNING]);
    expect(await find({ document: 'bien-ban-ghi-nho-hue-lh-2021' })).toEqual(['ky-ket-mou-hue-lh-2021']);
  });

  it('all conditions must hold', async () => {
    expect(await find({ project: 'du-an-vkc', from: '2023-01-01' })).toEqual([CONFERENCE]);
    expect(await find({ participant: 'bo-xay-dung', kinds: ['CONFERENCE', 'DECISION'], to: '2023-01-01' })).toEqual([
      DECISION,
    ]);
    expect(await find({ place: 'ha-noi', kinds: ['FORUM'] }, 'DESC')).toEqual([
      'dien-dan-chinh-sach-do-thi-ha-noi-seoul-2025',
    ]);
    expect(await find({ participant: 'luu-duc-minh', project: 'du-an-vkc' })).toEqual([CONFERENCE]);
  });
});
