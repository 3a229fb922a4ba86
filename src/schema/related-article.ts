import { builder } from '../builder';
import { EntityRef, entitySelection, toEntity } from './entity';

builder.drizzleObject('relatedArticles', {
  name: 'RelatedArticle',
  description: 'An article that shares entities with another, ranked by how much and how distinctively they share.',
  // Only the columns the query asks for.
  select: {},
  fields: (t) => ({
    article: t.relation('other', { description: 'The related article.' }),
    score: t.exposeFloat('score', {
      description:
        'Sum over shared entities of 1 / (number of articles mentioning the entity): rare shared entities weigh more.',
    }),
    rank: t.exposeInt('rank', { description: '1 for the most related article.' }),
    sharedCount: t.exposeInt('sharedCount', { description: 'How many entities the two articles share.' }),
    shared: t.field({
      type: [EntityRef],
      description: 'The entities both articles mention or report.',
      select: (_args, _ctx, nested) => ({ with: { shared: entitySelection(nested) } }),
      resolve: (r) => r.shared.map(toEntity).filter((e) => e !== null),
    }),
  }),
});
