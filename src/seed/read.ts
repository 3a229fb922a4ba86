// Reading one validated article file into facts: the article's header and content ranges, then its roles,
// quotes and mentions, each with the span resolved in the article text. Entities are declared in entities.ts.
import type { SeedRef } from '../domain/entities';
import type { Ctx } from './problems';
import {
  type ArticleEntry,
  type MentionEntry,
  parseRef,
  type QuoteEntry,
  type RoleEntry,
  type Salvaged,
} from './schema';
import { ArticleText, resolveSpan, type Span } from './spans';

export type Row = Record<string, string | number | null>;
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/** The raw (unvalidated) item `i` of list `key` of `o`, for rules about which fields are present. */
export const rawItem = (o: unknown, key: string, i: number): Obj => {
  const list = isObj(o) ? o[key] : undefined;
  const item = Array.isArray(list) ? list[i] : undefined;
  return isObj(item) ? item : {};
};

/** Records that `ref` must name an entity some file declares (checked once every file is read). */
export type UseRef = (type: SeedRef, slug: string | undefined, ctx: Ctx) => void;

export interface ArticleFacts {
  id: string;
  slug: string;
  file: string;
  text: ArticleText;
  row: Row;
  authors: Array<{ person: string } & Span>;
  publisher?: { org: string } & Span;
  roles: Array<{ key?: string; person: string; title: string; titleEn?: string; org?: string } & Span>;
  quotes: Array<
    { kind: string; speaker: string; roleKey?: string; event?: string; documents: string[]; ctx: Ctx } & Span
  >;
  mentions: Array<{ type: SeedRef; slug: string } & Span>;
  declared: Array<{ type: SeedRef; slug: string; ctx: Ctx }>;
  eventReports: Array<{ event: string } & Span>;
  participants: Array<{ event: string; type: 'person' | 'org'; slug: string; role: string } & Span>;
}

/** The article's header: slug, content ranges, title, publication, byline. */
export function readArticle(
  src: { id: string; body: string; yaml: { name: string } },
  a: Salvaged<ArticleEntry>,
  ctx: Ctx,
  useRef: UseRef,
): ArticleFacts {
  const body = src.body;
  const languages = a.languages ?? [];

  // Content ranges are located in the whole file (they define what content is).
  const whole = new ArticleText(body, [{ start: 0, end: body.length, lang: 'vi' }]);
  const content: Array<Span & { lang: string }> = [];
  (a.content ?? []).forEach((r, i) => {
    if (!r) return;
    const rc = ctx.at('content').at(i);
    const from = resolveSpan(r.from, whole, rc.at('from'));
    const to = resolveSpan(r.to, whole, rc.at('to'));
    if (!r.lang || !from || !to) return;
    if (to.end <= from.start) {
      rc.fail('`to` ends before `from` starts');
      return;
    }
    content.push({ lang: r.lang, start: from.start, end: to.end });
  });
  if (content.length === 0) ctx.at('content').fail('at least one content range is required');
  content.sort((x, y) => x.start - y.start);
  for (let i = 1; i < content.length; i++) {
    if ((content[i] as Span).start < (content[i - 1] as Span).end) ctx.at('content').fail('content ranges overlap');
  }
  const text = new ArticleText(body, content);

  const spanField = (key: 'title' | 'title_en'): (Span & { text: string }) | undefined => {
    const s = resolveSpan(a[key]?.span, text, ctx.at(key).at('span'));
    return s ? { ...s, text: body.slice(s.start, s.end) } : undefined;
  };
  const title = spanField('title');
  const titleEn = spanField('title_en');

  let published: { local: string; offset: string | null; date: string; span: Span } | undefined;
  if (a.published) {
    const p = a.published;
    const span = resolveSpan(p.span, text, ctx.at('published').at('span'));
    if (p.local && span) published = { local: p.local, offset: p.offset ?? null, date: p.local.slice(0, 10), span };
  }

  const facts: ArticleFacts = {
    id: src.id,
    slug: a.slug ?? src.id,
    file: src.yaml.name,
    text,
    row: {},
    authors: [],
    roles: [],
    quotes: [],
    mentions: [],
    declared: [],
    eventReports: [],
    participants: [],
  };

  if (a.publisher) {
    const pc = ctx.at('publisher');
    const span = resolveSpan(a.publisher.span, text, pc.at('span'));
    useRef('org', a.publisher.org, pc.at('org'));
    if (a.publisher.org && span) facts.publisher = { org: a.publisher.org, ...span };
  }
  (a.authors ?? []).forEach((au, i) => {
    if (!au) return;
    const c = ctx.at('authors').at(i);
    const span = resolveSpan(au.span, text, c.at('span'));
    useRef('person', au.person, c.at('person'));
    if (au.person && span) facts.authors.push({ person: au.person, ...span });
  });

  facts.row = {
    source_file: `${src.id}.txt`,
    body,
    languages: languages.join(','),
    title: title?.text ?? '',
    title_start: title?.start ?? 0,
    title_end: title?.end ?? 0,
    title_en: titleEn?.text ?? null,
    title_en_start: titleEn?.start ?? null,
    title_en_end: titleEn?.end ?? null,
    published_local: published?.local ?? null,
    published_offset: published?.offset ?? null,
    published_date: published?.date ?? null,
    sort_date: published?.date ?? '',
    published_start: published?.span.start ?? null,
    published_end: published?.span.end ?? null,
    publisher_start: facts.publisher?.start ?? null,
    publisher_end: facts.publisher?.end ?? null,
    added: a.added ?? null,
    url: a.url ?? null,
  };
  return facts;
}

/** The article's roles, quotes and mentions. `raw` is the file as written, for presence rules. */
export function readFacts(
  doc: {
    roles?: Array<Salvaged<RoleEntry> | undefined>;
    quotes?: Array<Salvaged<QuoteEntry> | undefined>;
    mentions?: Array<Salvaged<MentionEntry> | undefined>;
  },
  raw: unknown,
  root: Ctx,
  facts: ArticleFacts,
  useRef: UseRef,
): void {
  const roleKeys = new Set<string>();
  (doc.roles ?? []).forEach((r, i) => {
    if (!r) return;
    const c = root.at('roles').at(i);
    if (r.key !== undefined) {
      if (roleKeys.has(r.key)) c.at('key').fail(`duplicate identifier: role key '${r.key}'`);
      roleKeys.add(r.key);
    }
    const span = resolveSpan(r.span, facts.text, c.at('span'));
    useRef('person', r.person, c.at('person'));
    useRef('org', r.org, c.at('org'));
    if (r.person && r.title && span)
      facts.roles.push({ key: r.key, person: r.person, title: r.title, titleEn: r.title_en, org: r.org, ...span });
  });

  (doc.quotes ?? []).forEach((q, i) => {
    if (!q) return;
    const c = root.at('quotes').at(i);
    const documents = q.documents ?? [];
    const span = resolveSpan(q.span, facts.text, c.at('span'));
    useRef('person', q.speaker, c.at('speaker'));
    useRef('event', q.event, c.at('event'));
    for (const d of documents) useRef('document', d, c.at('documents'));
    if (q.kind && q.speaker && span)
      facts.quotes.push({
        kind: q.kind,
        speaker: q.speaker,
        roleKey: q.role,
        event: q.event,
        documents,
        ctx: c,
        ...span,
      });
  });

  const found: Array<{ type: SeedRef; slug: string } & Span> = [];
  (doc.mentions ?? []).forEach((m, i) => {
    const ref = m?.ref ? parseRef(m.ref) : null;
    if (!m || !ref) return;
    const c = root.at('mentions').at(i);
    useRef(ref.type, ref.slug, c.at('ref'));
    const given = rawItem(raw, 'mentions', i);
    if ((given.forms === undefined) === (given.span === undefined)) {
      c.fail('needs exactly one of forms or span');
      return;
    }
    if (given.span !== undefined) {
      const s = resolveSpan(m.span, facts.text, c.at('span'));
      if (s) found.push({ ...ref, ...s });
      return;
    }
    for (const form of m.forms ?? []) {
      const hits = facts.text.formOccurrences(form);
      if (hits.length === 0) {
        c.at('forms').fail(`form "${form}" does not occur (at word boundaries) in the article content`);
        continue;
      }
      for (const o of hits) found.push({ ...ref, ...o });
    }
  });
  // One mention per occurrence: drop exact duplicates and occurrences inside a longer one of the same entity.
  found.sort((x, y) => x.start - y.start || y.end - x.end);
  for (const m of found) {
    const inside = facts.mentions.some(
      (o) => o.type === m.type && o.slug === m.slug && o.start <= m.start && o.end >= m.end,
    );
    if (!inside) facts.mentions.push(m);
  }
}
