// The one GraphQL application. Both entries (Node server, Worker) build it once at module level and
// differ only in how they get a database for a request.
import { createYoga, type YogaServerOptions } from 'graphql-yoga';
import type { Context } from './context';
import type { Db } from './db/client';
import { schema } from './schema';

export interface AppOptions<TServerContext extends Record<string, unknown>> {
  /** The database for a request, from the server context (Node: fixed; Worker: from `env`). */
  getDb: (serverContext: TServerContext) => Db;
  /** GraphiQL renderer; the Node server passes one with inlined assets so it works offline. */
  renderGraphiQL?: YogaServerOptions<TServerContext, Context>['renderGraphiQL'];
}

export function createApp<TServerContext extends Record<string, unknown> = Record<string, unknown>>(
  opts: AppOptions<TServerContext>,
) {
  return createYoga<TServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: { title: 'Vietnam–Korea smart-city news: GraphQL', defaultQuery: DEFAULT_QUERY },
    renderGraphiQL: opts.renderGraphiQL,
    context: (initial) => ({ db: opts.getDb(initial) }),
  });
}

const DEFAULT_QUERY = `# Articles in the knowledge base, newest first.
{
  articles(first: 5) {
    totalCount
    edges {
      node {
        slug
        title
      }
    }
  }
}
`;
