// HTTP caching of GET answers: a successful GET answer with a known dataset version gets
// `Cache-Control: public, max-age=CACHE_MAX_AGE, stale-while-revalidate=…`, `Vary: Accept` and a weak
// ETag of the dataset version and the answer's `data` (never `extensions`: the budget changes), so the
// same answer keeps its tag whatever document produced it and with the response cache off; a matching
// If-None-Match (lists, `*`, weak comparison) answers 304 with no body. Everything else (errors, POST,
// outages) is `no-store`. The response cache's own ETag is its cache key, per document and only while
// the entry is held, so it could not give these guarantees.
import type { Plugin } from 'graphql-yoga';
import type { Limits } from '../lib/limits';
import { sha256Hex } from '../lib/persisted';
import type { RequestStates } from '../lib/request-state';

/** `If-None-Match` holds `tag` (weak comparison, lists and `*` allowed). */
export function matchesEtag(header: string | null, tag: string): boolean {
  if (!header) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || bare(t) === bare(tag));
}

export function useHttpCaching<TServerContext>(
  limits: Pick<Limits, 'cacheMaxAge' | 'cacheStaleWhileRevalidate'>,
  states: RequestStates<TServerContext>,
): Plugin {
  /** Requests that got a GraphQL answer (GraphiQL's page and early refusals did not), with their ETag. */
  const etags = new WeakMap<Request, string | null>();
  return {
    async onResultProcess({ request, result }) {
      etags.set(request, null);
      const r = result as { data?: unknown; errors?: readonly unknown[] };
      const version = states.of(request).version;
      if (request.method !== 'GET' || !version || typeof r !== 'object' || r === null || !('data' in r)) return;
      if (r.errors?.length) return;
      const hash = await sha256Hex(JSON.stringify({ data: r.data }));
      etags.set(request, `W/"${version}-${hash.slice(0, 32)}"`);
    },
    onResponse({ request, response, setResponse, fetchAPI }) {
      const etag = etags.get(request);
      if (etag === undefined) return;
      const headers = response.headers;
      headers.delete('last-modified'); // our validator is the ETag
      if (!etag || response.status !== 200) {
        headers.set('cache-control', 'no-store');
        headers.delete('etag');
        return;
      }
      headers.set('etag', etag);
      headers.set(
        'cache-control',
        `public, max-age=${limits.cacheMaxAge}, stale-while-revalidate=${limits.cacheStaleWhileRevalidate}`,
      );
      headers.set('vary', [headers.get('vary'), 'Accept'].filter(Boolean).join(', '));
      if (matchesEtag(request.headers.get('if-none-match'), etag)) {
        const notModified = new fetchAPI.Headers(headers);
        notModified.delete('content-type');
        notModified.delete('content-length');
        setResponse(new fetchAPI.Response(null, { status: 304, headers: notModified }));
      }
    },
  };
}
