import { builder } from '../builder';
import { EntityRef, entitySelection, toEntity } from './entity';

export const MentionKindEnum = builder.enumType('MentionKind', {
  description: 'What a span of article text is evidence of.',
  values: {
    ENTITY: { description: 'An occurrence of an entity (person, organization, place, document, project or event).' },
    QUOTE: { description: 'The words of a quote.' },
    ROLE: { description: 'A sentence stating a person’s role.' },
    REPORT: { description: 'Where an article reports or refers to an event.' },
    PARTICIPATION: { description: 'Where an article states that someone took part in an event.' },
    CLAIM: { description: 'A value in a disagreement between sources.' },
    TITLE: { description: 'An article’s headline.' },
    DATE: { description: 'The text an event’s date was read from.' },
    BYLINE: { description: 'An author’s byline.' },
    PUBLISHER: { description: 'The text naming the outlet.' },
    PUBLISHED: { description: 'The printed publication date and time.' },
  } as const,
});

export const MentionRef = builder.drizzleObject('mentions', {
  name: 'Mention',
  description:
    'Provenance: a span of an article’s stored text. `start` and `end` are offsets in UTF-16 code units into `Article.text` (the texts are NFC with no characters outside the Basic Multilingual Plane, so they equal code-point offsets), and `text` is `Article.text` sliced at those offsets.',
  // Only the columns the query asks for.
  select: {},
  fields: (t) => ({
    article: t.relation('article', { description: 'The article the span is in.' }),
    start: t.exposeInt('start', { description: 'Offset of the first character (inclusive).' }),
    end: t.exposeInt('end', { description: 'Offset after the last character (exclusive).' }),
    text: t.exposeString('text', { description: 'The exact text of the span.' }),
    kind: t.field({
      type: MentionKindEnum,
      description: 'What the span is evidence of.',
      select: { columns: { kind: true } },
      resolve: (m) => m.kind as typeof MentionKindEnum.$inferType,
    }),
    subject: t.field({
      type: EntityRef,
      nullable: true,
      description: 'For an ENTITY mention, the entity named; null for other kinds.',
      select: (_args, _ctx, nested) => ({
        ...entitySelection(nested),
      }),
      resolve: (m) => toEntity(m),
    }),
  }),
});
