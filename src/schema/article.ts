import { drizzleConnectionHelpers } from '@pothos/plugin-drizzle';
import { sql } from 'drizzle-orm';
import { builder } from '../builder';
import { articles } from '../db/schema';
import { Connections, tableRef } from './connections';
import { LanguageEnum, OrderDirectionEnum } from './enums';
import { allOf, slugFilter } from './filters';
import { MentionKindEnum } from './mention';
import { rootFields } from './roots';

// Byline order lives on the join row, which a many-to-many relation cannot order by: the connection pages
// over the join rows (`article_authors`) and hands out their people.
const bylines = drizzleConnectionHelpers(builder, 'articleAuthors', {
  query: { orderBy: { ordinal: 'asc', personId: 'asc' } },
  select: (person) => ({ columns: {}, with: { person: person(true) } }),
  resolveNode: (link) => link.person,
});

export const ArticleRef = builder.drizzleNode('articles', {
  name: 'Article',
  description:
    'A news article, stored in full. Every fact in the knowledge base points at a span of an article’s `text`; only the `content` ranges are the article itself (the rest is page chrome: menus, counters, related-news lists).',
  id: { column: (a) => a.slug },
  // Load only what a query asks for: the stored page text is tens of kilobytes. The slug is always
  // loaded because the global ID is made from it (`id` alone would otherwise have nothing to encode).
  select: { columns: { slug: true } },
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable human-readable identifier.' }),
    sourceFile: t.exposeString('sourceFile', { description: 'The captured page file this article was read from.' }),
    title: t.string({
      description: 'The headline; `lang: EN` gives the English headline of a bilingual article.',
      args: { lang: t.arg({ type: LanguageEnum, defaultValue: 'vi' }) },
      select: { columns: { title: true, titleEn: true } },
      resolve: (a, args) => (args.lang === 'en' && a.titleEn) || a.title,
    }),
    titleEn: t.exposeString('titleEn', {
      nullable: true,
      description: 'The English headline, when the article has one.',
    }),
    titleMention: t.relation('titleMention', { description: 'The span of the headline.' }),
    languages: t.field({
      type: [LanguageEnum],
      description: 'Languages the article is written in.',
      select: { columns: { languages: true } },
      resolve: (a) => a.languages.split(',') as Array<typeof LanguageEnum.$inferType>,
    }),
    text: t.exposeString('body', {
      description: 'The full stored text of the captured page. Offsets of every `Mention` refer to this string.',
    }),
    content: t.field({
      type: [ContentRangeRef],
      description: 'The ranges of `text` that are the article itself, in order, with their language.',
      select: { with: { content: { orderBy: { ordinal: 'asc' } } }, columns: { body: true } },
      resolve: (a) => a.content.map((c) => ({ ...c, text: a.body.slice(c.start, c.end) })),
    }),
    publishedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description:
        'Publication date-time with its UTC offset; null unless the text states the offset (see `publishedLocal`).',
      select: { columns: { publishedLocal: true, publishedOffset: true } },
      resolve: (a) => (a.publishedLocal && a.publishedOffset ? `${a.publishedLocal}:00${a.publishedOffset}` : null),
    }),
    publishedLocal: t.exposeString('publishedLocal', {
      nullable: true,
      description: 'Publication date-time as printed (local time, "YYYY-MM-DDTHH:MM"), when the text gives one.',
    }),
    publishedDate: t.expose('publishedDate', {
      type: 'Date',
      nullable: true,
      description: 'Publication date, when the text gives one.',
    }),
    added: t.expose('added', {
      type: 'Date',
      nullable: true,
      description:
        'The day the article entered the knowledge base (null for articles loaded from elsewhere). Poll with `articles(filter: { addedAfter }, orderBy: ADDED)`.',
    }),
    url: t.exposeString('url', {
      nullable: true,
      description: 'Where the page was captured from; null when unknown.',
    }),
    publishedMention: t.relation('publishedMention', { nullable: true, description: 'The printed publication date.' }),
    publisher: t.relation('publisher', { nullable: true, description: 'The outlet, when the text identifies it.' }),
    publisherMention: t.relation('publisherMention', {
      nullable: true,
      description: 'The text that identifies the outlet.',
    }),
    authors: t.connection(
      {
        type: tableRef('people'),
        description: 'The authors, in byline order.',
        select: (args, ctx, nested) => ({
          with: { authorLinks: bylines.getQuery(args, ctx, nested) },
          extras: {
            authorCount: (a) => sql<number>`(SELECT count(*) FROM article_authors x WHERE x.article_id = ${a.id})`,
          },
        }),
        resolve: async (a, args, ctx) => ({
          ...(await bylines.resolve(a.authorLinks, args, ctx)),
          totalCount: a.authorCount,
        }),
      },
      Connections.Person,
    ),
    events: t.relatedConnection(
      'events',
      {
        description: 'Events the article reports or refers to, oldest first.',
        query: { orderBy: { sortDate: 'asc', id: 'asc' } },
        totalCount: true,
      },
      Connections.Event,
    ),
    people: t.relatedConnection(
      'people',
      {
        description: 'People the article names, by name.',
        query: { orderBy: { nameFolded: 'asc', name: 'asc' } },
        totalCount: true,
      },
      Connections.Person,
    ),
    organizations: t.relatedConnection(
      'organizations',
      {
        description: 'Organizations the article names, by name.',
        query: { orderBy: { nameFolded: 'asc', name: 'asc' } },
        totalCount: true,
      },
      Connections.Organization,
    ),
    places: t.relatedConnection(
      'places',
      {
        description: 'Places the article names, by name.',
        query: { orderBy: { nameFolded: 'asc', name: 'asc' } },
        totalCount: true,
      },
      Connections.Place,
    ),
    documents: t.relatedConnection(
      'documents',
      { description: 'Documents the article names, in the order they were recorded.', totalCount: true },
      Connections.Document,
    ),
    projects: t.relatedConnection(
      'projects',
      { description: 'Projects the article names, in the order they were recorded.', totalCount: true },
      Connections.Project,
    ),
    quotes: t.relatedConnection(
      'quotes',
      {
        description: 'Quotes in the article, in reading order.',
        query: { orderBy: { start: 'asc' } },
        totalCount: true,
      },
      Connections.Quote,
    ),
    mentions: t.relatedConnection(
      'mentions',
      {
        description:
          'Spans of the article, in reading order. By default the entity occurrences; `kinds` selects others.',
        args: {
          kinds: t.arg({
            type: [MentionKindEnum],
            required: false,
            description: 'Kinds to include (default: ENTITY).',
          }),
        },
        query: (args) => ({ where: { kind: { in: args.kinds ?? ['ENTITY'] } }, orderBy: { start: 'asc', id: 'asc' } }),
        totalCount: true,
      },
      Connections.Mention,
    ),
    relatedArticles: t.relatedConnection(
      'related',
      {
        description: 'Other articles ranked by the entities they share with this one, each with the shared entities.',
        query: { orderBy: { rank: 'asc' } },
        totalCount: true,
      },
      Connections.RelatedArticle,
    ),
  }),
});

interface ContentRange {
  lang: string;
  start: number;
  end: number;
  text: string;
}
const ContentRangeRef = builder.objectRef<ContentRange>('ContentRange').implement({
  description: 'A range of `Article.text` that is the article itself.',
  fields: (t) => ({
    lang: t.field({
      type: LanguageEnum,
      description: 'Language of the range.',
      resolve: (c) => c.lang as typeof LanguageEnum.$inferType,
    }),
    start: t.exposeInt('start', { description: 'Offset of the first character (inclusive).' }),
    end: t.exposeInt('end', { description: 'Offset after the last character (exclusive).' }),
    text: t.exposeString('text', { description: 'The text of the range.' }),
  }),
});

const ArticlesFilter = builder.inputType('ArticlesFilter', {
  description: 'Filters for `articles`; all given conditions must hold.',
  fields: (t) => ({
    from: t.field({ type: 'Date', description: 'Published on or after this date.' }),
    to: t.field({ type: 'Date', description: 'Published on or before this date.' }),
    publisher: t.id({ description: 'The outlet (global ID or slug).' }),
    language: t.field({ type: LanguageEnum, description: 'Written (at least partly) in this language.' }),
    addedAfter: t.field({
      type: 'Date',
      description:
        'Entered the knowledge base on or after this day (inclusive, so polling again with the day of the last poll misses nothing).',
    }),
  }),
});

const ArticleOrderEnum = builder.enumType('ArticleOrder', {
  description: 'What `articles` are sorted by.',
  values: {
    PUBLISHED: {
      value: 'published',
      description: 'Publication date (undated articles after dated ones when newest first).',
    },
    ADDED: { value: 'added', description: 'The day the article entered the knowledge base.' },
  } as const,
});

function articlesWhere(t: typeof articles, filter: typeof ArticlesFilter.$inferInput | null | undefined) {
  if (!filter) return undefined;
  const publisher = slugFilter(filter.publisher, ['Organization'], 'filter.publisher');
  return allOf([
    filter.from ? sql`${t.publishedDate} >= ${filter.from}` : undefined,
    filter.to ? sql`${t.publishedDate} <= ${filter.to}` : undefined,
    publisher ? sql`${t.publisherId} = (SELECT id FROM organizations WHERE slug = ${publisher.slug})` : undefined,
    filter.language ? sql`(',' || ${t.languages} || ',') LIKE ${`%,${filter.language},%`}` : undefined,
    filter.addedAfter ? sql`${t.added} >= ${filter.addedAfter}` : undefined,
  ]);
}

rootFields('Article', 'An article by slug; null when there is none.');

builder.queryFields((t) => ({
  articles: t.drizzleConnection(
    {
      type: 'articles',
      description:
        'Articles by publication date (or, with `orderBy: ADDED`, by the day they entered the knowledge base), newest first by default (undated articles last).',
      args: {
        filter: t.arg({ type: ArticlesFilter, required: false }),
        order: t.arg({
          type: OrderDirectionEnum,
          defaultValue: 'desc',
          description: 'Date order; DESC (newest first) when omitted.',
        }),
        orderBy: t.arg({
          type: ArticleOrderEnum,
          defaultValue: 'published',
          description: 'Which date `order` sorts by; PUBLISHED when omitted.',
        }),
      },
      totalCount: (_parent, args, ctx) => ctx.db.$count(articles, articlesWhere(articles, args.filter)),
      resolve: (query, _parent, args, ctx) =>
        ctx.db.query.articles.findMany(
          query({
            where: { RAW: (t) => articlesWhere(t, args.filter) ?? sql`1` },
            orderBy:
              args.orderBy === 'added'
                ? { added: args.order ?? 'desc', id: args.order ?? 'desc' }
                : { sortDate: args.order ?? 'desc', id: args.order ?? 'desc' },
          }),
        ),
    },
    Connections.Article,
  ),
}));
