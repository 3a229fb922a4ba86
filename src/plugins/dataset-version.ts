// GET operations learn the loaded dataset's version first (src/lib/dataset-version.ts: one small read,
// trusted for DATASET_VERSION_TTL_MS): every response-cache key and ETag includes it, so a new load never
// serves an old answer. POST requests never read it; a version that cannot be read (database down)
// leaves the request uncacheable.
import type { Plugin } from 'graphql-yoga';
import type { Db } from '../db/client';
import { DatasetVersionCache } from '../lib/dataset-version';
import type { RequestStates } from '../lib/request-state';

export interface DatasetVersionOptions<TServerContext> {
  getDb: (serverContext: TServerContext) => Db;
  states: RequestStates<TServerContext>;
  ttlMs: number;
  now: () => number;
}

/** A GraphQL request over GET (GraphiQL's HTML page has neither parameter). */
export function isGraphQLGet(request: Request, url: URL): boolean {
  return request.method === 'GET' && (url.searchParams.has('query') || url.searchParams.has('extensions'));
}

export function useDatasetVersion<TServerContext extends Record<string, unknown>>(
  opts: DatasetVersionOptions<TServerContext>,
): Plugin<Record<string, unknown>, TServerContext> {
  const versions = new DatasetVersionCache(opts.ttlMs, opts.now);
  return {
    async onRequest({ request, serverContext, url }) {
      if (!isGraphQLGet(request, url as URL)) return;
      opts.states.of(request, serverContext).version = await versions.get(opts.getDb(serverContext));
    },
  };
}
