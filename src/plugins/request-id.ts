// Every request has an id (src/lib/request-state.ts: a sane incoming x-request-id is kept, anything else
// replaced by a UUID) and every response says it in x-request-id; error entries carry it too
// (src/plugins/error-codes.ts) and so does the server log. This plugin runs first: it also records which
// client the request counts against, for the rate limit and the cost budget.
import type { Plugin } from 'graphql-yoga';
import { REQUEST_ID_HEADER, type RequestStates } from '../lib/request-state';

export function useRequestId<TServerContext extends Record<string, unknown>>(
  states: RequestStates<TServerContext>,
): Plugin<Record<string, unknown>, TServerContext> {
  return {
    onRequest({ request, serverContext }) {
      states.of(request, serverContext);
    },
    onResponse({ request, response }) {
      response.headers.set(REQUEST_ID_HEADER, states.of(request).id);
    },
  };
}
