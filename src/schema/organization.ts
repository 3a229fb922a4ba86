import { sql } from 'drizzle-orm';
import { builder } from '../builder';
import type { organizations } from '../db/schema';
import { Connections } from './connections';
import { LanguageEnum, OrganizationKindEnum } from './enums';
import { allOf, entityConditions, slugFilter } from './filters';
import { rootFields } from './roots';

export const OrganizationRef = builder.drizzleNode('organizations', {
  name: 'Organization',
  description: 'A ministry, department, association, university, city government, embassy, company or outlet.',
  id: { column: (o) => o.slug },
  // Only the columns the query asks for (plus the slug the global ID is made from).
  select: { columns: { slug: true } },
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable human-readable identifier.' }),
    name: t.string({
      description: 'Name in Vietnamese, or in English with `lang: EN` where an article gives one.',
      args: { lang: t.arg({ type: LanguageEnum, defaultValue: 'vi' }) },
      select: { columns: { name: true, nameEn: true } },
      resolve: (o, args) => (args.lang === 'en' && o.nameEn) || o.name,
    }),
    nameEn: t.exposeString('nameEn', { nullable: true, description: 'English name as an article gives it.' }),
    acronyms: t.exposeStringList('acronyms', {
      description: 'Acronyms as given in the articles (VKC, KICT, MOLIT …).',
    }),
    aliases: t.exposeStringList('aliases', { description: 'Other forms of the name found in the articles.' }),
    kind: t.field({
      type: OrganizationKindEnum,
      description: 'What kind of organization.',
      select: { columns: { kind: true } },
      resolve: (o) => o.kind as typeof OrganizationKindEnum.$inferType,
    }),
    country: t.exposeString('country', { nullable: true, description: 'ISO 3166-1 alpha-2 country code.' }),
    parent: t.relation('parent', { nullable: true, description: 'The organization this one belongs to, when stated.' }),
    children: t.relatedConnection(
      'children',
      {
        description: 'Organizations stated to belong to this one, by name.',
        query: { orderBy: { nameFolded: 'asc', name: 'asc' } },
        totalCount: true,
      },
      Connections.Organization,
    ),
    people: t.relatedConnection(
      'people',
      {
        description: 'People who hold a role in this organization, according to any article, by name.',
        query: { orderBy: { nameFolded: 'asc', name: 'asc' } },
        totalCount: true,
      },
      Connections.Person,
    ),
    events: t.relatedConnection(
      'events',
      {
        description: 'Events the organization took part in (in any role), oldest first.',
        query: { orderBy: { sortDate: 'asc', id: 'asc' } },
        totalCount: true,
      },
      Connections.Event,
    ),
    projects: t.relatedConnection(
      'projects',
      {
        description: 'Projects the organization is a partner in, by name.',
        query: { orderBy: { nameFolded: 'asc', name: 'asc' } },
        totalCount: true,
      },
      Connections.Project,
    ),
    documents: t.relatedConnection(
      'issuedDocuments',
      {
        description: 'Documents the organization issued, by slug.',
        query: { orderBy: { slug: 'asc' } },
        totalCount: true,
      },
      Connections.Document,
    ),
    articles: t.relatedConnection(
      'articles',
      {
        description: 'Articles that mention the organization, newest first.',
        query: { orderBy: { sortDate: 'desc', id: 'desc' } },
        totalCount: true,
      },
      Connections.Article,
    ),
    published: t.relatedConnection(
      'published',
      {
        description: 'Articles this organization published (as their outlet), newest first.',
        query: { orderBy: { sortDate: 'desc', id: 'desc' } },
        totalCount: true,
      },
      Connections.Article,
    ),
    mentions: t.relatedConnection(
      'mentions',
      {
        description: 'Every occurrence of the organization in article content, in article order.',
        query: { orderBy: { articleId: 'asc', start: 'asc' } },
        totalCount: true,
      },
      Connections.Mention,
    ),
    conflicts: t.relatedConnection(
      'conflicts',
      {
        description: 'Disagreements between sources about it, in the order they were recorded.',
        totalCount: true,
      },
      Connections.Conflict,
    ),
  }),
});

const OrganizationsFilter = builder.inputType('OrganizationsFilter', {
  description: 'Filters for `organizations`; all given conditions must hold.',
  fields: (t) => ({
    name: t.string({ description: 'Part of a name, English name, acronym or alias, diacritic-insensitive.' }),
    kind: t.field({ type: OrganizationKindEnum }),
    country: t.string({ description: 'ISO 3166-1 alpha-2 country code.' }),
    parent: t.id({ description: 'Only organizations belonging to this one (global ID or slug).' }),
  }),
});

rootFields('Organization', 'An organization by slug; null when there is none.', {
  description: 'Organizations in the knowledge base, by name.',
  filter: OrganizationsFilter,
  where: organizationsWhere,
  orderBy: { nameFolded: 'asc', name: 'asc' },
});

function organizationsWhere(
  t: typeof organizations,
  filter: typeof OrganizationsFilter.$inferInput | null | undefined,
) {
  if (!filter) return undefined;
  const parent = slugFilter(filter.parent, ['Organization'], 'filter.parent');
  return allOf([
    ...entityConditions(t, filter),
    parent ? sql`${t.parentId} = (SELECT id FROM organizations p WHERE p.slug = ${parent.slug})` : undefined,
  ]);
}
