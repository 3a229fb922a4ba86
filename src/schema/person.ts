import { sql } from 'drizzle-orm';
import { builder } from '../builder';
import type { people } from '../db/schema';
import { Connections } from './connections';
import { QuoteKindEnum } from './enums';
import { allOf, entityConditions, slugFilter } from './filters';
import { rootFields } from './roots';

export const PersonRef = builder.drizzleNode('people', {
  name: 'Person',
  description:
    'A named person who speaks, is quoted, signs, attends or writes in the articles. The same person across articles is one node.',
  id: { column: (p) => p.slug },
  // Only the columns the query asks for (plus the slug the global ID is made from).
  select: { columns: { slug: true } },
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable human-readable identifier.' }),
    name: t.exposeString('name', { description: 'Name as written in Vietnamese (NFC), without honorifics.' }),
    asciiName: t.exposeString('nameFolded', {
      description: 'The name folded to plain lower-case letters (diacritics removed, đ → d), e.g. "luu duc minh".',
    }),
    honorifics: t.exposeStringList('honorifics', {
      description: 'Honorifics and titles written before the name in the articles (ông, bà, ngài, TS., KTS …).',
    }),
    aliases: t.exposeStringList('aliases', { description: 'Other renderings of the name found in the articles.' }),
    country: t.exposeString('country', {
      nullable: true,
      description: 'ISO 3166-1 alpha-2 country code, when the text makes the country clear.',
    }),
    roles: t.relatedConnection(
      'roles',
      {
        description:
          'Roles as stated in each article (title, organization, and the span that states it), in article order.',
        query: { orderBy: { articleId: 'asc', start: 'asc' } },
        totalCount: true,
      },
      Connections.Role,
    ),
    quotes: t.relatedConnection(
      'quotes',
      {
        description: 'What the person said, directly or reported, in article order.',
        args: { kind: t.arg({ type: QuoteKindEnum, required: false, description: 'Only quotes of this kind.' }) },
        query: (args) => ({
          where: args.kind ? { kind: args.kind } : {},
          orderBy: { articleId: 'asc', start: 'asc' },
        }),
        totalCount: true,
      },
      Connections.Quote,
    ),
    events: t.relatedConnection(
      'events',
      {
        description: 'Events the person took part in (participant or quoted speaker), oldest first.',
        query: { orderBy: { sortDate: 'asc', id: 'asc' } },
        totalCount: true,
      },
      Connections.Event,
    ),
    articles: t.relatedConnection(
      'articles',
      {
        description: 'Articles that mention the person, newest first.',
        query: { orderBy: { sortDate: 'desc', id: 'desc' } },
        totalCount: true,
      },
      Connections.Article,
    ),
    organizations: t.relatedConnection(
      'organizations',
      {
        description: 'Organizations the person holds a role in, according to any article, by name.',
        query: { orderBy: { nameFolded: 'asc', name: 'asc' } },
        totalCount: true,
      },
      Connections.Organization,
    ),
    coParticipants: t.relatedConnection(
      'coParticipants',
      {
        description: 'People who took part in the same events, most shared events first, each with the shared events.',
        query: { orderBy: { sharedCount: 'desc', otherId: 'asc' } },
        totalCount: true,
      },
      Connections.CoParticipant,
    ),
    mentions: t.relatedConnection(
      'mentions',
      {
        description: 'Every occurrence of the person in article content, in article order.',
        query: { orderBy: { articleId: 'asc', start: 'asc' } },
        totalCount: true,
      },
      Connections.Mention,
    ),
    conflicts: t.relatedConnection(
      'conflicts',
      {
        description: 'Disagreements between sources about this person, in the order they were recorded.',
        totalCount: true,
      },
      Connections.Conflict,
    ),
  }),
});

const PeopleFilter = builder.inputType('PeopleFilter', {
  description: 'Filters for `people`; all given conditions must hold.',
  fields: (t) => ({
    name: t.string({
      description: 'Part of the name or an alias, diacritic-insensitive (đ = d): "luu duc" finds Lưu Đức Minh.',
    }),
    country: t.string({ description: 'ISO 3166-1 alpha-2 country code, e.g. "KR".' }),
    organization: t.id({ description: 'An organization (global ID or slug) the person holds a role in.' }),
  }),
});

rootFields('Person', 'A person by slug; null when there is none.', {
  description: 'People in the knowledge base, by name.',
  filter: PeopleFilter,
  where: peopleWhere,
  orderBy: { nameFolded: 'asc', name: 'asc' },
});

function peopleWhere(t: typeof people, filter: typeof PeopleFilter.$inferInput | null | undefined) {
  if (!filter) return undefined;
  const org = slugFilter(filter.organization, ['Organization'], 'filter.organization');
  return allOf([
    ...entityConditions(t, filter),
    org
      ? sql`${t.id} IN (SELECT po.person_id FROM person_organizations po JOIN organizations o ON o.id = po.organization_id WHERE o.slug = ${org.slug})`
      : undefined,
  ]);
}
