import { sql } from 'drizzle-orm';
import { builder } from '../builder';
import type { quotes } from '../db/schema';
import { Connections } from './connections';
import { QuoteKindEnum } from './enums';
import { allOf, slugFilter } from './filters';
import { rootFields } from './roots';

export const QuoteRef = builder.drizzleNode('quotes', {
  name: 'Quote',
  description:
    'Something a person said: verbatim words in quotation marks (DIRECT) or reported speech (INDIRECT), with the speaker’s role at that moment and the event it was said at.',
  id: { column: (q) => q.slug },
  // Only the columns the query asks for (plus the slug the global ID is made from).
  select: { columns: { slug: true } },
  fields: (t) => ({
    slug: t.exposeString('slug', {
      description: 'Stable identifier: article, speaker and the quote’s number for that speaker.',
    }),
    kind: t.field({
      type: QuoteKindEnum,
      description: 'DIRECT or INDIRECT.',
      select: { columns: { kind: true } },
      resolve: (q) => q.kind as typeof QuoteKindEnum.$inferType,
    }),
    text: t.exposeString('text', {
      description: 'The words: inside the quotation marks for DIRECT, the reported clause for INDIRECT.',
    }),
    speaker: t.relation('speaker', { description: 'Who said it.' }),
    role: t.relation('role', {
      nullable: true,
      description: 'The speaker’s role at that moment, as the article states it.',
    }),
    event: t.relation('event', { nullable: true, description: 'The event it was said at.' }),
    article: t.relation('article', { description: 'The article that reports it.' }),
    mention: t.relation('mention', { description: 'The span of the quote in the article.' }),
    documents: t.relatedConnection(
      'documents',
      { description: 'Documents the quote cites, in the order they were recorded.', totalCount: true },
      Connections.Document,
    ),
  }),
});

const QuotesFilter = builder.inputType('QuotesFilter', {
  description: 'Filters for `quotes`; all given conditions must hold.',
  fields: (t) => ({
    speaker: t.id({ description: 'The speaker (global ID or slug).' }),
    event: t.id({ description: 'The event (global ID or slug).' }),
    article: t.id({ description: 'The article (global ID or slug).' }),
    kind: t.field({ type: QuoteKindEnum }),
  }),
});

function quotesWhere(t: typeof quotes, filter: typeof QuotesFilter.$inferInput | null | undefined) {
  if (!filter) return undefined;
  const speaker = slugFilter(filter.speaker, ['Person'], 'filter.speaker');
  const event = slugFilter(filter.event, ['Event'], 'filter.event');
  const article = slugFilter(filter.article, ['Article'], 'filter.article');
  return allOf([
    speaker ? sql`${t.speakerId} = (SELECT id FROM people WHERE slug = ${speaker.slug})` : undefined,
    event ? sql`${t.eventId} = (SELECT id FROM events WHERE slug = ${event.slug})` : undefined,
    article ? sql`${t.articleId} = (SELECT id FROM articles WHERE slug = ${article.slug})` : undefined,
    filter.kind ? sql`${t.kind} = ${filter.kind}` : undefined,
  ]);
}

rootFields('Quote', 'A quote by slug; null when there is none.', {
  description: 'Quotes in article order.',
  filter: QuotesFilter,
  where: quotesWhere,
  orderBy: { articleId: 'asc', start: 'asc', id: 'asc' },
});
