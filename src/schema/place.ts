import { sql } from 'drizzle-orm';
import { builder } from '../builder';
import type { places } from '../db/schema';
import { Connections } from './connections';
import { LanguageEnum, PlaceKindEnum } from './enums';
import { allOf, entityConditions, slugFilter } from './filters';
import { rootFields } from './roots';

export const PlaceRef = builder.drizzleNode('places', {
  name: 'Place',
  description:
    'A country, province, city, venue, economic zone, urban area or river, with containment where the text shows it.',
  id: { column: (p) => p.slug },
  // Only the columns the query asks for (plus the slug the global ID is made from).
  select: { columns: { slug: true } },
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable human-readable identifier.' }),
    name: t.string({
      description: 'Name in Vietnamese, or in English with `lang: EN` where an article gives one.',
      args: { lang: t.arg({ type: LanguageEnum, defaultValue: 'vi' }) },
      select: { columns: { name: true, nameEn: true } },
      resolve: (p, args) => (args.lang === 'en' && p.nameEn) || p.name,
    }),
    nameEn: t.exposeString('nameEn', { nullable: true, description: 'English name as an article gives it.' }),
    aliases: t.exposeStringList('aliases', { description: 'Other forms of the name found in the articles.' }),
    kind: t.field({
      type: PlaceKindEnum,
      description: 'What kind of place.',
      select: { columns: { kind: true } },
      resolve: (p) => p.kind as typeof PlaceKindEnum.$inferType,
    }),
    country: t.exposeString('country', { nullable: true, description: 'ISO 3166-1 alpha-2 country code.' }),
    parent: t.relation('parent', { nullable: true, description: 'The place that contains this one.' }),
    children: t.relatedConnection(
      'children',
      {
        description: 'Places this one contains, by name.',
        query: { orderBy: { nameFolded: 'asc', name: 'asc' } },
        totalCount: true,
      },
      Connections.Place,
    ),
    events: t.relatedConnection(
      'events',
      {
        description: 'Events held here, oldest first.',
        query: { orderBy: { sortDate: 'asc', id: 'asc' } },
        totalCount: true,
      },
      Connections.Event,
    ),
    articles: t.relatedConnection(
      'articles',
      {
        description: 'Articles that mention the place, newest first.',
        query: { orderBy: { sortDate: 'desc', id: 'desc' } },
        totalCount: true,
      },
      Connections.Article,
    ),
    mentions: t.relatedConnection(
      'mentions',
      {
        description: 'Every occurrence of the place in article content, in article order.',
        query: { orderBy: { articleId: 'asc', start: 'asc' } },
        totalCount: true,
      },
      Connections.Mention,
    ),
  }),
});

const PlacesFilter = builder.inputType('PlacesFilter', {
  description: 'Filters for `places`; all given conditions must hold.',
  fields: (t) => ({
    name: t.string({ description: 'Part of a name or alias, diacritic-insensitive.' }),
    kind: t.field({ type: PlaceKindEnum }),
    country: t.string({ description: 'ISO 3166-1 alpha-2 country code.' }),
    within: t.id({ description: 'Only places directly inside this one (global ID or slug).' }),
  }),
});

rootFields('Place', 'A place by slug; null when there is none.', {
  description: 'Places in the knowledge base, by name.',
  filter: PlacesFilter,
  where: placesWhere,
  orderBy: { nameFolded: 'asc', name: 'asc' },
});

function placesWhere(t: typeof places, filter: typeof PlacesFilter.$inferInput | null | undefined) {
  if (!filter) return undefined;
  const within = slugFilter(filter.within, ['Place'], 'filter.within');
  return allOf([
    ...entityConditions(t, filter),
    within ? sql`${t.parentId} = (SELECT id FROM places p WHERE p.slug = ${within.slug})` : undefined,
  ]);
}
