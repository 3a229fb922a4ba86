// Places, documents, projects and English organization names, found over the same token stream and
// claimed spans as the people and organizations of names.ts.
import { COUNTRIES, KO_CITIES, TITLES, VI_PROVINCES } from './lexicon';
import type { Names } from './names';
import { slugify } from './text';

/** English names: a capitalized run holding an organization word ("Ministry of Construction"). */
export function englishOrgs(n: Names): void {
  const re =
    /(?:the\s+)?((?:\p{Lu}[\p{L}-]*\s+(?:(?:of|and|for|on)\s+(?:the\s+)?)?)*?(?:\p{Lu}[\p{L}-]*\s+)*?(?:Ministry|Government|Foundation|Institute|University|Academy|Corporation|Embassy|Agency|Department|Council|Committee|Association|Bank|Company|Center|Centre)(?:\s+(?:of|for|on)\s+(?:the\s+)?\p{Lu}[\p{L}-]*(?:\s+(?:and\s+)?\p{Lu}[\p{L}-]*)*)?)/gu;
  for (const m of n.body.matchAll(re)) {
    let name = (m[1] as string).trim().replace(/^The\s+/u, '');
    const lead = new RegExp(
      `^(?:${TITLES.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\s+of\\s+(?:the\\s+)?`,
      'u',
    ).exec(name);
    if (lead) name = name.slice(lead[0].length);
    const s = (m.index ?? 0) + m[0].indexOf(name);
    if (!n.content.some((r) => s >= r.start && s + name.length <= r.end)) continue;
    if (name.split(/\s+/u).length < 2 || n.claimedBy(s, s + name.length, ['person', 'org'])) continue;
    const kind = /Ministry/u.test(name)
      ? 'MINISTRY'
      : /Government/u.test(name)
        ? 'CITY_GOVERNMENT'
        : /Embassy/u.test(name)
          ? 'EMBASSY'
          : /University/u.test(name)
            ? 'UNIVERSITY'
            : /Institute/u.test(name)
              ? 'RESEARCH_INSTITUTE'
              : 'OTHER';
    n.add('org', name, s, s + name.length, { fields: { kind } });
  }
}

export function places(n: Names): void {
  const lex: Array<[string, string, string | undefined]> = [
    ...Object.entries(COUNTRIES).map(([name, c]) => [name, 'COUNTRY', c] as [string, string, string]),
    ...[...VI_PROVINCES].map(
      (name) =>
        [name, name === 'Hà Nội' || name === 'Hồ Chí Minh' ? 'CITY' : 'PROVINCE', 'VN'] as [string, string, string],
    ),
    ...[...KO_CITIES].map((name) => [name, 'CITY', 'KR'] as [string, string, string]),
  ];
  lex.sort((a, b) => b[0].length - a[0].length);
  for (const [nm, kind, country] of lex) {
    if (nm.length < 3 && !/^\p{Lu}\p{Ll}+$/u.test(nm)) continue;
    const re = new RegExp(`(?<![\\p{L}\\p{N}-])${nm.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
    for (const m of n.body.matchAll(re)) {
      const s = m.index ?? 0;
      if (!n.content.some((r) => s >= r.start && s + nm.length <= r.end)) continue;
      if (
        n.isPersonAt(s) ||
        n.claimed.some((c) => c.key.startsWith('place:') && s >= c.start && s < c.end && c.end - c.start > nm.length)
      )
        continue;
      if (['Anh', 'Đức', 'Mỹ', 'Úc', 'Lào', 'Pháp'].includes(nm) && !/(nước|tại|với|của|và)\s+$/u.test(n.before(s, 8)))
        continue;
      const parent = kind === 'COUNTRY' ? undefined : country === 'VN' ? 'Việt Nam' : 'Hàn Quốc';
      n.add('place', nm, s, s + nm.length, { fields: { kind, country, ...(parent ? { parentName: parent } : {}) } });
    }
  }
  const PATS: Array<[RegExp, string]> = [
    [/(?:Khu kinh tế|khu kinh tế) (?:\p{Lu}[\p{L}\p{M}]*[- ]*){1,5}/gu, 'ECONOMIC_ZONE'],
    [/(?:Khu công nghiệp|khu công nghiệp) (?:\p{Lu}[\p{L}\p{M}]*[- ]*){1,4}/gu, 'INDUSTRIAL_ZONE'],
    [/(?:khu đô thị|Khu đô thị)(?: mới)? (?:\p{Lu}[\p{L}\p{M}]* ?){1,4}/gu, 'URBAN_AREA'],
    [/(?:Khách sạn|khách sạn|Trung tâm Hội nghị) (?:\p{Lu}[\p{L}\p{M}]* ?){1,4}/gu, 'VENUE'],
    [/sông (?:\p{Lu}[\p{L}\p{M}]* ?){1,2}/gu, 'RIVER'],
  ];
  for (const [re, kind] of PATS) {
    for (const m of n.body.matchAll(re)) {
      const s = m.index ?? 0;
      const text = m[0].replace(/[- ]+$/u, '');
      if (!n.content.some((r) => s >= r.start && s + text.length <= r.end)) continue;
      const region = [...VI_PROVINCES].find((p) => text.endsWith(p));
      n.add('place', text, s, s + text.length, {
        fields: {
          kind,
          country: [...KO_CITIES].some((c) => text.includes(c)) ? 'KR' : 'VN',
          ...(region ? { parentName: region } : {}),
        },
      });
    }
  }
}

export function documents(n: Names): void {
  const inContent = (s: number, e: number) => n.content.some((r) => s >= r.start && e <= r.end);
  const CODE =
    /(Quyết định|Nghị quyết|Nghị định|Thông tư|Chỉ thị|Kế hoạch|Luật|Đề án|Decision|Resolution)(?: (?:số|No\.))? (\d+(?:[-/][\p{L}\d.]+)+|\d{2,4})(?![\p{L}\d/])/gu;
  for (const m of n.body.matchAll(CODE)) {
    const s = m.index ?? 0;
    if (!inContent(s, s + m[0].length)) continue;
    const head = m[1] as string;
    const code = m[2] as string;
    const kind =
      {
        'Quyết định': 'DECISION',
        Decision: 'DECISION',
        'Nghị quyết': 'RESOLUTION',
        Resolution: 'RESOLUTION',
        'Đề án': 'SCHEME',
        'Kế hoạch': 'PLAN',
        Luật: 'LAW',
      }[head] ?? 'OTHER';
    const hasCode = /[-/]/u.test(code);
    const key = hasCode ? code.split(/[-/]/u)[0] : code;
    const viHead = { DECISION: 'Quyết định', RESOLUTION: 'Nghị quyết' }[kind as 'DECISION'] ?? head;
    const slug = slugify(`${viHead} ${hasCode ? code : key}`);
    const e = n.add('document', m[0], s, s + m[0].length, { fields: { kind, ...(hasCode ? { code } : {}) } }, slug);
    if (!e.aliases.includes(m[0])) e.aliases.push(m[0]);
    const after = n.body.slice(s + m[0].length, s + m[0].length + 80);
    const of = /^ của /u.exec(after);
    const issuer = of && n.claimed.find((c) => c.key.startsWith('org:') && c.start === s + m[0].length + of[0].length);
    if (issuer) e.fields.issuerKey = issuer.key.slice(4);
    const quoted = /^\s*“([^”]{5,200})”/u.exec(
      after.length < 80 ? after : n.body.slice(s + m[0].length, s + m[0].length + 220),
    );
    if (quoted) e.fields.title = quoted[1];
  }
  for (const m of n.body.matchAll(/Văn kiện Đại hội [IVXLC]+(?: của (?:\p{Lu}[\p{L}\p{M}]* ?){2,6})?/gu)) {
    const s = m.index ?? 0;
    if (!inContent(s, s + m[0].length)) continue;
    const short = /Văn kiện Đại hội [IVXLC]+/u.exec(m[0])?.[0] as string;
    const of = n.claimed.find((c) => c.key.startsWith('org:') && c.start === s + short.length + 5);
    const title = of ? n.body.slice(s, of.end) : short;
    const e = n.add(
      'document',
      short,
      s,
      s + short.length,
      { fields: { kind: 'PARTY_DOCUMENT', title, ...(of ? { issuerKey: of.key.slice(4) } : {}) } },
      slugify(short),
    );
    if (!e.aliases.includes(short)) e.aliases.push(short);
  }
  for (const m of n.body.matchAll(/([Bb]iên bản ghi nhớ|[Bb]ản ghi nhớ)(?: về)?\s*“([^”]{3,150})”/gu)) {
    const s = m.index ?? 0;
    if (!inContent(s, s + m[0].length)) continue;
    n.add(
      'document',
      m[2] as string,
      s,
      s + m[0].length,
      { fields: { kind: 'MEMORANDUM', title: m[2] } },
      slugify(`bien ban ghi nho ${m[2]}`),
    );
  }
  for (const m of n.body.matchAll(/([Bb]iên bản ghi nhớ) (hợp tác[^.,;“”()]*?)(?= với | giữa |[.,;(])/gu)) {
    const s = m.index ?? 0;
    if (!inContent(s, s + m[0].length) || n.isClaimed(s, s + m[0].length)) continue;
    // a memorandum already named in the article: this is another way of naming it
    const memo = n.entities.find((e) => e.type === 'document' && e.fields.kind === 'MEMORANDUM');
    if (memo) n.add('document', memo.name, s, s + m[0].length, {}, memo.slug);
    else n.add('document', m[0], s, s + m[0].length, { fields: { kind: 'MEMORANDUM', title: m[0] } }, slugify(m[0]));
  }
  // Titled guidance and strategies named mid-sentence: "xây dựng Hướng dẫn về đô thị thông minh tại Việt Nam".
  for (const m of n.body.matchAll(
    /(?<=\p{Ll}[ ,]*\s)(Hướng dẫn|Chiến lược|Khung|khung tham chiếu|Tài liệu hướng dẫn)( [^,.;:()“”\n]{5,70}?)(?=[,.;:()]| và | thông qua | để | nhằm | cho | đã | sẽ |\n)/gu,
  )) {
    const s = m.index ?? 0;
    if (!inContent(s, s + m[0].length) || n.claimedBy(s, s + m[0].length, ['document', 'org', 'person'])) continue;
    if (m[0].split(/\s+/u).length < 3) continue;
    const kind = /Chiến lược/u.test(m[1] as string) ? 'STRATEGY' : 'GUIDELINE';
    n.add('document', m[0], s, s + m[0].length, { fields: { kind, title: m[0] } });
  }
  // "Đề án 950" and "Quyết định 950/QĐ-TTg": the scheme and the decision that approves it share the number.
  for (const scheme of n.entities.filter(
    (e) => e.type === 'document' && e.fields.kind === 'SCHEME' && !e.fields.code,
  )) {
    const num = /(\d+)$/u.exec(scheme.forms[0] ?? '')?.[1];
    const dec = n.entities.find(
      (e) =>
        e.type === 'document' &&
        e !== scheme &&
        typeof e.fields.code === 'string' &&
        (e.fields.code as string).startsWith(`${num}/`),
    );
    if (!num || !dec) continue;
    scheme.fields.code = dec.fields.code;
    for (const f of dec.forms) if (!scheme.forms.includes(f)) scheme.forms.push(f);
    for (const a of dec.aliases) if (!scheme.aliases.includes(a)) scheme.aliases.push(a);
    for (const c of n.claimed) if (c.key === `document:${dec.slug}`) c.key = `document:${scheme.slug}`;
    n.entities.splice(n.entities.indexOf(dec), 1);
  }
}

export function projects(n: Names): void {
  const inContent = (s: number, e: number) => n.content.some((r) => s >= r.start && e <= r.end);
  for (const m of n.body.matchAll(
    /[Dd]ự án(?: hỗ trợ kỹ thuật)?\s*“([^”]{5,200})”(?:\s*\((?:gọi tắt là\s*)?(?:[Dd]ự án\s+)?(\p{Lu}{2,8})\))?/gu,
  )) {
    const s = (m.index ?? 0) + m[0].indexOf('“') + 1;
    const name = m[1] as string;
    if (!inContent(s, s + name.length)) continue;
    const acr = m[2];
    const existing = acr ? n.entities.find((e) => e.type === 'project' && e.acronyms.includes(acr)) : undefined;
    const e = n.add('project', name, s, s + name.length, {}, existing?.slug ?? slugify(acr ? `du an ${acr}` : name));
    if (acr && !e.acronyms.includes(acr)) e.acronyms.push(acr);
  }
  for (const m of n.body.matchAll(/(?<![\p{L}])[Dd]ự án (\p{Lu}{2,8})(?![\p{L}])/gu)) {
    const s = m.index ?? 0;
    if (!inContent(s, s + m[0].length)) continue;
    const acr = m[1] as string;
    const existing = n.entities.find((e) => e.type === 'project' && e.acronyms.includes(acr));
    const e = n.add(
      'project',
      existing?.name ?? `Dự án ${acr}`,
      s,
      s + m[0].length,
      {},
      existing?.slug ?? slugify(`du an ${acr}`),
    );
    if (!e.acronyms.includes(acr)) e.acronyms.push(acr);
  }
}
