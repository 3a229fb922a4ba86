import { sql } from 'drizzle-orm';
import { builder } from '../builder';
import { events } from '../db/schema';
import { Connections } from './connections';
import {
  DatePrecisionEnum,
  EventKindEnum,
  LanguageEnum,
  OrderDirectionEnum,
  ParticipantRoleEnum,
  PartOfDayEnum,
} from './enums';
import { allOf, slugFilter } from './filters';
import { MentionRef } from './mention';
import { rootFields } from './roots';

export const EventRef = builder.drizzleNode('events', {
  name: 'Event',
  description:
    'Something an article reports or refers to as having happened: a signing, conference, workshop, forum, or a dated act such as a minister signing a decision. One real event is one node, with every article that reports it.',
  id: { column: (e) => e.slug },
  // Only the columns the query asks for (plus the slug the global ID is made from).
  select: { columns: { slug: true } },
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable human-readable identifier.' }),
    kind: t.field({
      type: EventKindEnum,
      description: 'What kind of event.',
      select: { columns: { kind: true } },
      resolve: (e) => e.kind as typeof EventKindEnum.$inferType,
    }),
    title: t.string({
      description: 'Title in Vietnamese, or English with `lang: EN` where an article gives one.',
      args: { lang: t.arg({ type: LanguageEnum, defaultValue: 'vi' }) },
      select: { columns: { title: true, titleEn: true } },
      resolve: (e, args) => (args.lang === 'en' && e.titleEn) || e.title,
    }),
    titleEn: t.exposeString('titleEn', { nullable: true, description: 'English title as an article gives it.' }),
    date: t.expose('date', {
      type: 'Date',
      nullable: true,
      description: 'When it happened (first day of the period when partial).',
    }),
    datePrecision: t.field({
      type: DatePrecisionEnum,
      nullable: true,
      description: 'How much of `date` the text states.',
      select: { columns: { datePrecision: true } },
      resolve: (e) => e.datePrecision as typeof DatePrecisionEnum.$inferType | null,
    }),
    dateInferred: t.exposeBoolean('dateInferred', {
      description:
        'True when part of the date (usually the year) came from the article’s publication date, not from the text.',
    }),
    dateMention: t.relation('dateMention', { nullable: true, description: 'The text the date was read from.' }),
    partOfDay: t.field({
      type: PartOfDayEnum,
      nullable: true,
      description: 'Part of the day, when stated.',
      select: { columns: { partOfDay: true } },
      resolve: (e) => e.partOfDay as typeof PartOfDayEnum.$inferType | null,
    }),
    online: t.exposeBoolean('online', { description: 'True when the event was held online.' }),
    place: t.relation('place', { nullable: true, description: 'Where it was held.' }),
    parent: t.relation('parent', { nullable: true, description: 'The event this one was part of or followed.' }),
    children: t.relatedConnection(
      'children',
      {
        description: 'Events held as part of, or right after, this one, oldest first.',
        query: { orderBy: { sortDate: 'asc', id: 'asc' } },
        totalCount: true,
      },
      Connections.Event,
    ),
    project: t.relation('project', { nullable: true, description: 'The project the event belongs to.' }),
    documents: t.relatedConnection(
      'documents',
      {
        description: 'Documents the event produced or acted on, in the order they were recorded.',
        totalCount: true,
      },
      Connections.Document,
    ),
    participants: t.relatedConnection(
      'participations',
      {
        description: 'People and organizations that took part, each with their role (one entry per role), by role.',
        args: { role: t.arg({ type: ParticipantRoleEnum, required: false, description: 'Only this role.' }) },
        query: (args) => ({ where: args.role ? { role: args.role } : {}, orderBy: { role: 'asc', id: 'asc' } }),
        totalCount: true,
      },
      Connections.EventParticipant,
    ),
    organizers: t.relatedConnection(
      'participations',
      {
        description: 'Who organized the event (participants with the ORGANIZER role), in the order they were recorded.',
        query: { where: { role: 'ORGANIZER' }, orderBy: { id: 'asc' } },
        totalCount: true,
      },
      Connections.EventParticipant,
    ),
    people: t.relatedConnection(
      'people',
      {
        description: 'Distinct people who took part, in any role, by name.',
        query: { orderBy: { nameFolded: 'asc', name: 'asc' } },
        totalCount: true,
      },
      Connections.Person,
    ),
    organizations: t.relatedConnection(
      'organizations',
      {
        description: 'Distinct organizations that took part, in any role, by name.',
        query: { orderBy: { nameFolded: 'asc', name: 'asc' } },
        totalCount: true,
      },
      Connections.Organization,
    ),
    quotes: t.relatedConnection(
      'quotes',
      {
        description: 'What was said at the event, in article order.',
        query: { orderBy: { articleId: 'asc', start: 'asc' } },
        totalCount: true,
      },
      Connections.Quote,
    ),
    reportedIn: t.relatedConnection(
      'reports',
      {
        description:
          'Every article that reports or refers to the event, with the span where it does, in article order.',
        query: { orderBy: { articleId: 'asc' } },
        totalCount: true,
      },
      Connections.EventReport,
    ),
    mentions: t.relatedConnection(
      'mentions',
      {
        description: 'Every place the event is named, in article order.',
        query: { orderBy: { articleId: 'asc', start: 'asc' } },
        totalCount: true,
      },
      Connections.Mention,
    ),
    conflicts: t.relatedConnection(
      'conflicts',
      {
        description: 'Disagreements between sources about this event, in the order they were recorded.',
        totalCount: true,
      },
      Connections.Conflict,
    ),
  }),
});

builder.drizzleObject('participations', {
  name: 'EventParticipant',
  description: 'A person or organization in one role at an event, with the spans that state it.',
  // Only the columns the query asks for.
  select: {},
  fields: (t) => ({
    role: t.field({
      type: ParticipantRoleEnum,
      description: 'The part they played.',
      select: { columns: { role: true } },
      resolve: (p) => p.role as typeof ParticipantRoleEnum.$inferType,
    }),
    person: t.relation('person', { nullable: true, description: 'The person, when the participant is a person.' }),
    organization: t.relation('organization', {
      nullable: true,
      description: 'The organization, when the participant is one.',
    }),
    event: t.relation('event', { description: 'The event.' }),
    evidence: t.field({
      type: [MentionRef],
      description: 'The spans (in one or more articles) that state this participation.',
      select: (_args, _ctx, nested) => ({ with: { evidence: { columns: {}, with: { mention: nested(true) } } } }),
      resolve: (p) => p.evidence.map((e) => e.mention),
    }),
  }),
});

builder.drizzleObject('eventReports', {
  name: 'EventReport',
  description: 'An article reporting or referring to an event.',
  // Only the columns the query asks for.
  select: {},
  fields: (t) => ({
    article: t.relation('article', { description: 'The article.' }),
    event: t.relation('event', { description: 'The event.' }),
    mention: t.relation('mention', { description: 'Where in the article the event is reported.' }),
  }),
});

const EventsFilter = builder.inputType('EventsFilter', {
  description: 'Filters for `events`; all given conditions must hold.',
  fields: (t) => ({
    from: t.field({ type: 'Date', description: 'On or after this date.' }),
    to: t.field({ type: 'Date', description: 'On or before this date.' }),
    kinds: t.field({ type: [EventKindEnum], description: 'Any of these kinds.' }),
    participant: t.id({ description: 'A person or organization (global ID or slug) that took part.' }),
    place: t.id({ description: 'Held at this place or a place inside it (global ID or slug).' }),
    project: t.id({ description: 'Belonging to this project (global ID or slug).' }),
    document: t.id({ description: 'Producing or acting on this document (global ID or slug).' }),
  }),
});

function eventsWhere(t: typeof events, filter: typeof EventsFilter.$inferInput | null | undefined) {
  if (!filter) return undefined;
  const participant = slugFilter(filter.participant, ['Person', 'Organization'], 'filter.participant');
  const place = slugFilter(filter.place, ['Place'], 'filter.place');
  const project = slugFilter(filter.project, ['Project'], 'filter.project');
  const document = slugFilter(filter.document, ['Document'], 'filter.document');
  const asPerson = sql`SELECT ep.event_id FROM event_people ep JOIN people x ON x.id = ep.person_id WHERE x.slug = ${participant?.slug}`;
  const asOrg = sql`SELECT eo.event_id FROM event_organizations eo JOIN organizations x ON x.id = eo.organization_id WHERE x.slug = ${participant?.slug}`;
  return allOf([
    filter.from ? sql`${t.date} >= ${filter.from}` : undefined,
    filter.to ? sql`${t.date} <= ${filter.to}` : undefined,
    filter.kinds?.length
      ? sql`${t.kind} IN (${sql.join(
          filter.kinds.map((k) => sql`${k}`),
          sql`, `,
        )})`
      : undefined,
    participant
      ? participant.type === 'Person'
        ? sql`${t.id} IN (${asPerson})`
        : participant.type === 'Organization'
          ? sql`${t.id} IN (${asOrg})`
          : sql`(${t.id} IN (${asPerson}) OR ${t.id} IN (${asOrg}))`
      : undefined,
    place
      ? sql`${t.placeId} IN (WITH RECURSIVE inside(id) AS (SELECT id FROM places WHERE slug = ${place.slug} UNION SELECT p.id FROM places p JOIN inside ON p.parent_id = inside.id) SELECT id FROM inside)`
      : undefined,
    project ? sql`${t.projectId} = (SELECT id FROM projects WHERE slug = ${project.slug})` : undefined,
    document
      ? sql`${t.id} IN (SELECT ed.event_id FROM event_documents ed JOIN documents d ON d.id = ed.document_id WHERE d.slug = ${document.slug})`
      : undefined,
  ]);
}

rootFields('Event', 'An event by slug; null when there is none.');

builder.queryFields((t) => ({
  events: t.drizzleConnection(
    {
      type: 'events',
      description:
        'Events in date order, oldest first by default (undated events first when ascending, last when descending).',
      args: {
        filter: t.arg({ type: EventsFilter, required: false }),
        order: t.arg({
          type: OrderDirectionEnum,
          defaultValue: 'asc',
          description: 'Date order; ASC (oldest first) when omitted.',
        }),
      },
      totalCount: (_parent, args, ctx) => ctx.db.$count(events, eventsWhere(events, args.filter)),
      resolve: (query, _parent, args, ctx) =>
        ctx.db.query.events.findMany(
          query({
            where: { RAW: (t) => eventsWhere(t, args.filter) ?? sql`1` },
            orderBy: { sortDate: args.order ?? 'asc', id: args.order ?? 'asc' },
          }),
        ),
    },
    Connections.Event,
  ),
}));
