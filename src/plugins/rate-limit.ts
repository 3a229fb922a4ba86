// The per-request limiter (on the Worker: the Workers rate-limiting binding, keyed by the client), consulted
// before anything else runs. A refused request answers 429 RATE_LIMITED with Retry-After and the
// client's cost budget in `extensions.cost`, like every answer.
import type { Plugin } from 'graphql-yoga';
import type { CostBuckets } from '../lib/bucket';
import { ErrorCode } from '../lib/errors';
import type { RequestStates } from '../lib/request-state';

/** The outcome of a per-request limiter. */
export type RequestLimit = { ok: true } | { ok: false; retryAfter: number };

export interface RateLimitOptions<TServerContext> {
  limiter: (request: Request, serverContext: TServerContext, client: string) => Promise<RequestLimit>;
  states: RequestStates<TServerContext>;
  buckets: CostBuckets;
}

export function useRateLimit<TServerContext extends Record<string, unknown>>(
  opts: RateLimitOptions<TServerContext>,
): Plugin<Record<string, unknown>, TServerContext> {
  return {
    async onRequest({ request, serverContext, endResponse, fetchAPI }) {
      if (request.method === 'OPTIONS') return;
      const state = opts.states.of(request, serverContext);
      const limit = await opts.limiter(request, serverContext, state.client);
      if (limit.ok) return;
      const body = {
        errors: [
          {
            message: `Rate limited: too many requests. Retry in ${limit.retryAfter} s.`,
            extensions: { code: ErrorCode.RATE_LIMITED, requestId: state.id },
          },
        ],
        extensions: { cost: { requestedQueryCost: 0, ...opts.buckets.peek(state.client) } },
      };
      endResponse(
        new fetchAPI.Response(JSON.stringify(body), {
          status: 429,
          headers: { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(limit.retryAfter) },
        }),
      );
    },
  };
}
