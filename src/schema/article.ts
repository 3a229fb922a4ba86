import { builder } from '../builder';
import { articles } from '../db/schema';

export const ArticleRef = builder.drizzleNode('articles', {
  name: 'Article',
  description: 'A news article, stored in full, from which every fact in the knowledge base is extracted.',
  id: { column: (a) => a.slug },
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable human-readable identifier.' }),
    title: t.exposeString('title', { description: 'The headline as printed.' }),
  }),
});

builder.queryFields((t) => ({
  articles: t.drizzleConnection({
    type: 'articles',
    description: 'All articles, newest first.',
    totalCount: (_parent, _args, ctx) => ctx.db.$count(articles),
    resolve: (query, _parent, _args, ctx) =>
      ctx.db.query.articles.findMany(query({ orderBy: { publishedDate: 'desc', id: 'desc' } })),
  }),
}));
