import { sql } from 'drizzle-orm';
import { builder } from '../builder';
import type { documents } from '../db/schema';
import { Connections } from './connections';
import { DatePrecisionEnum, DocumentKindEnum, LanguageEnum } from './enums';
import { allOf, namesContain, slugFilter } from './filters';
import { rootFields } from './roots';

export const DocumentRef = builder.drizzleNode('documents', {
  name: 'Document',
  description: 'A decision, resolution, scheme, party document, memorandum or guideline the articles refer to.',
  id: { column: (d) => d.slug },
  // Only the columns the query asks for (plus the slug the global ID is made from).
  select: { columns: { slug: true } },
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable human-readable identifier.' }),
    kind: t.field({
      type: DocumentKindEnum,
      description: 'What kind of document.',
      select: { columns: { kind: true } },
      resolve: (d) => d.kind as typeof DocumentKindEnum.$inferType,
    }),
    code: t.exposeString('code', {
      nullable: true,
      description:
        'The code as written (e.g. "950/QĐ-TTg"). Null when unknown or when sources disagree: see `conflicts`.',
    }),
    title: t.string({
      nullable: true,
      description: 'Title in Vietnamese, or in English with `lang: EN` where an article gives one.',
      args: { lang: t.arg({ type: LanguageEnum, defaultValue: 'vi' }) },
      select: { columns: { title: true, titleEn: true } },
      resolve: (d, args) => (args.lang === 'en' && d.titleEn) || d.title,
    }),
    aliases: t.exposeStringList('aliases', {
      description: 'Other ways the articles refer to it (codes, short names).',
    }),
    issuer: t.relation('issuer', { nullable: true, description: 'The organization that issued it.' }),
    date: t.expose('date', {
      type: 'Date',
      nullable: true,
      description: 'Date of issue (first day of the period when partial).',
    }),
    datePrecision: t.field({
      type: DatePrecisionEnum,
      nullable: true,
      description: 'How much of `date` is known.',
      select: { columns: { datePrecision: true } },
      resolve: (d) => d.datePrecision as typeof DatePrecisionEnum.$inferType | null,
    }),
    events: t.relatedConnection(
      'events',
      {
        description: 'Events that produced or acted on the document, oldest first.',
        query: { orderBy: { sortDate: 'asc', id: 'asc' } },
        totalCount: true,
      },
      Connections.Event,
    ),
    quotes: t.relatedConnection(
      'quotes',
      { description: 'Quotes that cite the document, in the order they were recorded.', totalCount: true },
      Connections.Quote,
    ),
    articles: t.relatedConnection(
      'articles',
      {
        description: 'Articles that mention the document, newest first.',
        query: { orderBy: { sortDate: 'desc', id: 'desc' } },
        totalCount: true,
      },
      Connections.Article,
    ),
    mentions: t.relatedConnection(
      'mentions',
      {
        description: 'Every place the document is mentioned, in article order.',
        query: { orderBy: { articleId: 'asc', start: 'asc' } },
        totalCount: true,
      },
      Connections.Mention,
    ),
    conflicts: t.relatedConnection(
      'conflicts',
      {
        description: 'Disagreements between sources about this document, in the order they were recorded.',
        totalCount: true,
      },
      Connections.Conflict,
    ),
  }),
});

const DocumentsFilter = builder.inputType('DocumentsFilter', {
  description: 'Filters for `documents`; all given conditions must hold.',
  fields: (t) => ({
    text: t.string({
      description: 'Part of the code, title or an alias, diacritic-insensitive ("38/QD-BXD", "de an 950").',
    }),
    kind: t.field({ type: DocumentKindEnum }),
    issuer: t.id({ description: 'The issuing organization (global ID or slug).' }),
  }),
});

rootFields('Document', 'A document by slug; null when there is none.', {
  description: 'Documents in the knowledge base, by slug.',
  filter: DocumentsFilter,
  where: documentsWhere,
  orderBy: { slug: 'asc' },
});

function documentsWhere(t: typeof documents, filter: typeof DocumentsFilter.$inferInput | null | undefined) {
  if (!filter) return undefined;
  const issuer = slugFilter(filter.issuer, ['Organization'], 'filter.issuer');
  return allOf([
    filter.text ? namesContain(t.namesFolded, filter.text, 'filter.text') : undefined,
    filter.kind ? sql`${t.kind} = ${filter.kind}` : undefined,
    issuer ? sql`${t.issuerId} = (SELECT id FROM organizations o WHERE o.slug = ${issuer.slug})` : undefined,
  ]);
}
