import { builder } from '../builder';
import { conflicts } from '../db/schema';
import { Connections } from './connections';
import { EntityRef, entitySelection, toEntity } from './entity';
import { rootFields } from './roots';

export const ConflictRef = builder.drizzleNode('conflicts', {
  name: 'Conflict',
  description:
    'A disagreement between sources about the same fact. Every claim is kept with its source span; none is silently preferred.',
  id: { column: (c) => c.slug },
  // Only the columns the query asks for (plus the slug the global ID is made from).
  select: { columns: { slug: true } },
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable human-readable identifier.' }),
    field: t.exposeString('field', { description: 'The fact in dispute, e.g. "code" or "duration".' }),
    description: t.exposeString('description', { description: 'What the disagreement is.' }),
    subject: t.field({
      type: EntityRef,
      nullable: true,
      description: 'The entity the disagreement is about.',
      select: (_args, _ctx, nested) => ({
        ...entitySelection(nested),
      }),
      resolve: (c) => toEntity(c),
    }),
    claims: t.relatedConnection(
      'claims',
      {
        description: 'What each source says, in the order they were recorded.',
        query: { orderBy: { id: 'asc' } },
        totalCount: true,
      },
      Connections.Claim,
    ),
  }),
});

builder.drizzleObject('conflictClaims', {
  name: 'Claim',
  description: 'One source’s value in a disagreement.',
  // Only the columns the query asks for.
  select: {},
  fields: (t) => ({
    value: t.exposeString('value', { description: 'The value this source gives.' }),
    article: t.relation('article', { description: 'The source article.' }),
    mention: t.relation('mention', { description: 'Where the article says it.' }),
    conflict: t.relation('conflict', { description: 'The disagreement.' }),
  }),
});

rootFields('Conflict', 'A disagreement by slug; null when there is none.');

builder.queryFields((t) => ({
  conflicts: t.drizzleConnection(
    {
      type: 'conflicts',
      description: 'Every recorded disagreement between sources, by slug.',
      totalCount: (_parent, _args, ctx) => ctx.db.$count(conflicts),
      resolve: (query, _parent, _args, ctx) => ctx.db.query.conflicts.findMany(query({ orderBy: { slug: 'asc' } })),
    },
    Connections.Conflict,
  ),
}));
