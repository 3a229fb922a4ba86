// The one GraphQL application. Both entries (Node server, Worker) build it once at module level and
// differ only in how they get a database for a request.
import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { createYoga, maskError, type YogaServerOptions } from 'graphql-yoga';
import type { Context } from './context';
import type { Db } from './db/client';
import { ErrorCode } from './lib/errors';
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
    maskedErrors: { maskError: maskClientErrors },
  });
}

/**
 * Pothos reports a client's mistakes (unreadable global ID or cursor, contradictory paging arguments)
 * as PothosValidationError: those keep their message and get BAD_USER_INPUT. Anything else unexpected
 * is masked by Yoga's default.
 */
const maskClientErrors: typeof maskError = (error, message, isDev) => {
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  if (error instanceof PothosValidationError || original instanceof PothosValidationError) {
    const e = error as GraphQLError;
    return new GraphQLError(e.message.replace(/^Invalid cursor.*/s, 'Invalid cursor.'), {
      nodes: e.nodes,
      path: e.path,
      extensions: { ...e.extensions, code: ErrorCode.BAD_USER_INPUT },
    });
  }
  return maskError(error, message, isDev);
};

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
