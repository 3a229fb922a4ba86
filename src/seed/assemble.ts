// Assembly: turns the checked facts into rows (snake_case columns, ready for INSERT). Ids follow slug
// and file order, so the same seed always yields the same rows.
import { ENTITY_KINDS, KINDS, SEED_REFS, type SeedRef } from '../domain/entities';
import { fold } from '../lib/text';
import type { ConflictRows } from './conflicts';
import type { Entities } from './entities';
import type { ArticleFacts, Row } from './read';
import type { Span } from './spans';

export interface Plan {
  tables: Record<string, Row[]>;
}

// The column naming an entity of each kind in `mentions` and `conflicts` (`person_id`, `organization_id` …).
const SUBJECT_COLUMN = Object.fromEntries(
  ENTITY_KINDS.map((k) => [KINDS[k].seed.ref, `${KINDS[k].typename.toLowerCase()}_id`]),
) as Record<SeedRef, string>;
const NO_SUBJECT: Row = Object.fromEntries(Object.values(SUBJECT_COLUMN).map((c) => [c, null]));

/** Orders rows so that a parent is inserted before its children (foreign keys are checked on insert). */
function parentsFirst<T extends { slug: string; parent?: string }>(items: T[]): T[] {
  const bySlug = new Map(items.map((x) => [x.slug, x]));
  const out: T[] = [];
  const done = new Set<string>();
  const visit = (x: T) => {
    if (done.has(x.slug)) return;
    done.add(x.slug);
    const p = x.parent ? bySlug.get(x.parent) : undefined;
    if (p) visit(p);
    out.push(x);
  };
  for (const x of items) visit(x);
  return out;
}

/** Builds every row from the facts of a seed that passed all checks. */
export function assemble(articles: ArticleFacts[], entities: Entities, conflictRows: ConflictRows): Plan {
  const ids = Object.fromEntries(SEED_REFS.map((r) => [r, new Map<string, number>()])) as Record<
    SeedRef,
    Map<string, number>
  >;
  // Ids follow slug order, so the same seed always yields the same ids.
  const byType = (t: SeedRef) =>
    [...entities.values()].filter((e) => e.type === t).sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  for (const t of SEED_REFS) {
    byType(t).forEach((e, i) => {
      ids[t].set(e.slug, i + 1);
    });
  }
  const id = (t: SeedRef, slug: unknown) => (typeof slug === 'string' ? (ids[t].get(slug) ?? null) : null);
  const json = (xs: string[] | undefined) => JSON.stringify(xs ?? []);
  const names = (...parts: Array<unknown>) =>
    parts
      .flat()
      .filter((x): x is string => typeof x === 'string' && x !== '')
      .map(fold)
      .join(' | ');
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  const articleId = new Map(articles.map((a, i) => [a.slug, i + 1]));

  const t: Record<string, Row[]> = {};
  const push = (table: string, row: Row) => {
    const rows = t[table] ?? [];
    rows.push(row);
    t[table] = rows;
  };
  let mentionId = 0;
  const bodyOf = new Map(articles.map((a, i) => [i + 1, a.text.body]));
  /** Records a span as a mention row and returns its id: entity occurrences and the evidence of every fact. */
  const mention = (articleId: number, span: Span, kind: string, subject?: { type: SeedRef; slug: string }) => {
    const row: Row = {
      id: ++mentionId,
      article_id: articleId,
      start: span.start,
      end: span.end,
      text: (bodyOf.get(articleId) ?? '').slice(span.start, span.end),
      kind,
      ...NO_SUBJECT,
    };
    if (subject) row[SUBJECT_COLUMN[subject.type]] = id(subject.type, subject.slug);
    push('mentions', row);
    return mentionId;
  };
  const optionalMention = (articleId: number, start: unknown, end: unknown, kind: string) =>
    typeof start === 'number' && typeof end === 'number' ? mention(articleId, { start, end }, kind) : null;

  for (const e of parentsFirst(byType('org').map((e) => ({ ...e, parent: str(e.fields.parent) ?? undefined })))) {
    push('organizations', {
      id: id('org', e.slug),
      slug: e.slug,
      name: str(e.fields.name),
      name_en: str(e.fields.name_en),
      name_folded: fold(String(e.fields.name)),
      names_folded: names(e.fields.name, e.fields.name_en, e.sets.acronyms, e.sets.aliases),
      acronyms: json(e.sets.acronyms),
      aliases: json(e.sets.aliases),
      kind: str(e.fields.kind),
      country: str(e.fields.country),
      parent_id: id('org', e.fields.parent),
    });
  }
  for (const e of parentsFirst(byType('place').map((e) => ({ ...e, parent: str(e.fields.parent) ?? undefined })))) {
    push('places', {
      id: id('place', e.slug),
      slug: e.slug,
      name: str(e.fields.name),
      name_en: str(e.fields.name_en),
      name_folded: fold(String(e.fields.name)),
      names_folded: names(e.fields.name, e.fields.name_en, e.sets.aliases),
      aliases: json(e.sets.aliases),
      kind: str(e.fields.kind),
      country: str(e.fields.country),
      parent_id: id('place', e.fields.parent),
    });
  }
  for (const e of byType('person')) {
    push('people', {
      id: id('person', e.slug),
      slug: e.slug,
      name: str(e.fields.name),
      name_folded: fold(String(e.fields.name)),
      names_folded: names(e.fields.name, e.sets.aliases),
      honorifics: json(e.sets.honorifics),
      aliases: json(e.sets.aliases),
      country: str(e.fields.country),
    });
  }
  for (const e of byType('document')) {
    const d = e.fields.date as { iso: string; precision: string } | undefined;
    push('documents', {
      id: id('document', e.slug),
      slug: e.slug,
      kind: str(e.fields.kind),
      code: str(e.fields.code),
      title: str(e.fields.title),
      title_en: str(e.fields.title_en),
      aliases: json(e.sets.aliases),
      names_folded: names(e.fields.code, e.fields.title, e.fields.title_en, e.sets.aliases),
      issuer_id: id('org', e.fields.issuer),
      date: d?.iso ?? null,
      date_precision: d?.precision ?? null,
    });
  }
  for (const e of byType('project')) {
    const period = e.fields.period as { start: string | null; end: string | null } | undefined;
    push('projects', {
      id: id('project', e.slug),
      slug: e.slug,
      name: str(e.fields.name),
      name_en: str(e.fields.name_en),
      name_folded: fold(String(e.fields.name)),
      names_folded: names(e.fields.name, e.fields.name_en, e.sets.acronyms, e.sets.aliases),
      acronyms: json(e.sets.acronyms),
      aliases: json(e.sets.aliases),
      funding: str(e.fields.funding),
      period_start: period?.start ?? null,
      period_end: period?.end ?? null,
    });
    for (const c of (e.fields.components as Array<{ number: number; title: string; title_en: string | null }>) ?? []) {
      push('project_components', {
        project_id: id('project', e.slug),
        number: c.number,
        title: c.title,
        title_en: c.title_en,
      });
    }
    for (const p of (e.fields.partners as Array<{ org: string; role: string | null }>) ?? []) {
      push('project_partners', { project_id: id('project', e.slug), organization_id: id('org', p.org), role: p.role });
    }
  }

  articles.forEach((a, i) => {
    const aid = i + 1;
    push('articles', {
      id: aid,
      slug: a.slug,
      ...a.row,
      title_mention_id: mention(aid, { start: a.row.title_start as number, end: a.row.title_end as number }, 'TITLE'),
      title_en_mention_id: optionalMention(aid, a.row.title_en_start, a.row.title_en_end, 'TITLE'),
      published_mention_id: optionalMention(aid, a.row.published_start, a.row.published_end, 'PUBLISHED'),
      publisher_id: a.publisher ? id('org', a.publisher.org) : null,
      publisher_mention_id: optionalMention(aid, a.row.publisher_start, a.row.publisher_end, 'PUBLISHER'),
    });
    a.text.content.forEach((r, j) => {
      push('article_content', { article_id: aid, ordinal: j + 1, lang: r.lang, start: r.start, end: r.end });
    });
    a.authors.forEach((au, j) => {
      push('article_authors', {
        article_id: aid,
        person_id: id('person', au.person),
        ordinal: j + 1,
        start: au.start,
        end: au.end,
        text: a.text.body.slice(au.start, au.end),
        mention_id: mention(aid, au, 'BYLINE'),
      });
    });
  });

  for (const e of parentsFirst(byType('event').map((e) => ({ ...e, parent: str(e.fields.parent) ?? undefined })))) {
    const d = e.fields.date as
      | { iso: string; precision: string; inferred: boolean; span: Span; article: string }
      | undefined;
    push('events', {
      id: id('event', e.slug),
      slug: e.slug,
      kind: str(e.fields.kind) ?? 'OTHER',
      title: str(e.fields.title) ?? e.slug,
      title_en: str(e.fields.title_en),
      date: d?.iso ?? null,
      date_precision: d?.precision ?? null,
      sort_date: d?.iso ?? '',
      date_inferred: d?.inferred ? 1 : 0,
      date_article_id: d ? (articleId.get(d.article) ?? null) : null,
      date_start: d?.span.start ?? null,
      date_end: d?.span.end ?? null,
      date_text: d ? (bodyOf.get(articleId.get(d.article) ?? 0)?.slice(d.span.start, d.span.end) ?? null) : null,
      date_mention_id: d ? mention(articleId.get(d.article) ?? 0, d.span, 'DATE') : null,
      part_of_day: str(e.fields.part_of_day),
      online: e.fields.online ? 1 : 0,
      place_id: id('place', e.fields.place),
      parent_id: id('event', e.fields.parent),
      project_id: id('project', e.fields.project),
    });
    for (const doc of e.sets.documents ?? [])
      push('event_documents', { event_id: id('event', e.slug), document_id: id('document', doc) });
  }

  let roleId = 0;
  let quoteId = 0;
  let participantId = 0;
  articles.forEach((a, i) => {
    const aid = i + 1;
    for (const r of a.eventReports)
      push('event_reports', {
        event_id: id('event', r.event),
        article_id: aid,
        start: r.start,
        end: r.end,
        text: a.text.body.slice(r.start, r.end),
        mention_id: mention(aid, r, 'REPORT'),
      });
    for (const p of a.participants) {
      push('event_participants', {
        id: ++participantId,
        event_id: id('event', p.event),
        person_id: p.type === 'person' ? id('person', p.slug) : null,
        organization_id: p.type === 'org' ? id('org', p.slug) : null,
        role: p.role,
        article_id: aid,
        start: p.start,
        end: p.end,
        text: a.text.body.slice(p.start, p.end),
        mention_id: mention(aid, p, 'PARTICIPATION'),
      });
    }
    const roleIds = new Map<string, number>();
    const rolesOf = new Map<string, number[]>();
    for (const r of a.roles) {
      const rid = ++roleId;
      if (r.key) roleIds.set(r.key, rid);
      rolesOf.set(r.person, [...(rolesOf.get(r.person) ?? []), rid]);
      push('roles', {
        id: rid,
        person_id: id('person', r.person),
        title: r.title,
        title_en: r.titleEn ?? null,
        organization_id: id('org', r.org),
        article_id: aid,
        start: r.start,
        end: r.end,
        text: a.text.body.slice(r.start, r.end),
        mention_id: mention(aid, r, 'ROLE'),
      });
    }
    const perSpeaker = new Map<string, number>();
    for (const q of [...a.quotes].sort((x, y) => x.start - y.start)) {
      let rid: number | null = null;
      if (q.roleKey) {
        rid = roleIds.get(q.roleKey) ?? null;
      } else {
        const own = rolesOf.get(q.speaker) ?? [];
        if (own.length === 1) rid = own[0] as number;
      }
      const n = (perSpeaker.get(q.speaker) ?? 0) + 1;
      perSpeaker.set(q.speaker, n);
      const qid = ++quoteId;
      push('quotes', {
        id: qid,
        slug: `${a.slug}--${q.speaker}--${n}`,
        kind: q.kind,
        text: a.text.body.slice(q.start, q.end),
        speaker_id: id('person', q.speaker),
        role_id: rid,
        event_id: id('event', q.event),
        article_id: aid,
        start: q.start,
        end: q.end,
        mention_id: mention(aid, q, 'QUOTE'),
      });
      for (const d of q.documents) push('quote_documents', { quote_id: qid, document_id: id('document', d) });
    }
    for (const m of a.mentions) mention(aid, m, 'ENTITY', m);
  });

  conflictRows.conflicts.forEach((c, i) => {
    const row: Row = { id: i + 1, slug: c.slug, field: c.field, description: c.description, ...NO_SUBJECT };
    row[SUBJECT_COLUMN[c.subject.type]] = id(c.subject.type, c.subject.slug);
    push('conflicts', row);
  });
  conflictRows.claims.forEach((cl, i) => {
    const conflictIndex = conflictRows.conflicts.findIndex((c) => c.slug === cl.conflict);
    push('conflict_claims', {
      id: i + 1,
      conflict_id: conflictIndex + 1,
      article_id: articleId.get(cl.article) ?? null,
      value: cl.value,
      start: cl.start,
      end: cl.end,
      text: bodyOf.get(articleId.get(cl.article) ?? 0)?.slice(cl.start, cl.end) ?? '',
      mention_id: mention(articleId.get(cl.article) ?? 0, { start: cl.start, end: cl.end }, 'CLAIM'),
    });
  });
  return { tables: t };
}
