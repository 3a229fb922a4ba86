// The cost budget (Shopify's model, docs/limits-and-caching.md): each operation's cost (src/lib/cost.ts,
// over the validated document and the variables) is taken from the client's leaky bucket when it
// executes, or when the response cache answers it (a hit costs the same: the cache saves the server
// work, not the client's budget). Over MAX_QUERY_COST: 400 COST_LIMIT_EXCEEDED, before any SQL; bucket
// empty: 429 RATE_LIMITED with Retry-After. Every answer reports `extensions.cost` (requested cost and
// the client's bucket), errors and refusals included.
import { type DocumentNode, type GraphQLError, type GraphQLSchema, parse } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import type { CostBuckets } from '../lib/bucket';
import { operationCost } from '../lib/cost';
import { ErrorCode, httpError } from '../lib/errors';
import type { Limits } from '../lib/limits';
import type { RequestState, RequestStates } from '../lib/request-state';
import { SERVED_FROM_CACHE } from './response-cache';

export interface CostBudgetOptions<TServerContext> {
  schema: GraphQLSchema;
  limits: Pick<Limits, 'maxQueryCost' | 'costBudget'>;
  buckets: CostBuckets;
  states: RequestStates<TServerContext>;
}

interface Operation {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

export function useCostBudget<TServerContext extends Record<string, unknown>>(
  opts: CostBudgetOptions<TServerContext>,
): Plugin {
  const { limits, buckets, states } = opts;
  const effectiveMax = Math.min(limits.maxQueryCost, limits.costBudget);
  /** The operation of each request, as sent (after persisted operations resolved a hash). */
  const operations = new WeakMap<Request, Operation>();
  /** Documents of cached answers, parsed again for their cost (they were validated when stored). */
  const documents = new LRUCache<string, DocumentNode>({ max: 500 });

  const costMessage = (cost: number) =>
    cost > limits.maxQueryCost
      ? `Query cost ${cost} exceeds the maximum of ${limits.maxQueryCost}: ask for smaller pages or fewer nested lists.`
      : `Query cost ${cost} exceeds the client budget of ${limits.costBudget}.`;

  /** Takes `cost` from the client's bucket; the refusal when it cannot (cost limit, or budget spent). */
  const charge = (state: RequestState, cost: number): GraphQLError | null => {
    state.cost = cost;
    if (cost > effectiveMax) {
      state.budget = buckets.peek(state.client);
      return httpError(costMessage(cost), ErrorCode.COST_LIMIT_EXCEEDED, 400);
    }
    const taken = buckets.take(state.client, cost);
    state.budget = taken;
    if (taken.ok) return null;
    return httpError(
      `Rate limited: this query costs ${cost}, ${taken.currentlyAvailable} of ${taken.maximumAvailable} points are left (${taken.restoreRate} come back per second). Retry in ${taken.retryAfter} s.`,
      ErrorCode.RATE_LIMITED,
      429,
      { 'Retry-After': String(taken.retryAfter) },
    );
  };

  return {
    onParams({ params, request }) {
      if (typeof params.query === 'string') {
        operations.set(request, {
          query: params.query,
          variables: params.variables,
          operationName: params.operationName,
        });
      }
    },

    onExecute({ args, setResultAndStopExecution }) {
      const request = (args.contextValue as { request?: Request }).request;
      if (!request) return;
      const cost = operationCost(args.schema, {
        document: args.document,
        operationName: args.operationName,
        variables: args.variableValues as Record<string, unknown> | undefined,
      });
      const refused = charge(states.of(request), cost);
      if (refused) setResultAndStopExecution({ errors: [refused] });
    },

    onExecutionResult({ result, setResult, request }) {
      const state = states.of(request);
      const operation = operations.get(request);
      const hit = typeof result === 'object' && result !== null && SERVED_FROM_CACHE in result;
      if (!hit || state.cost !== undefined || !operation) return;
      let document = documents.get(operation.query);
      if (!document) {
        document = parse(operation.query);
        documents.set(operation.query, document);
      }
      const cost = operationCost(opts.schema, {
        document,
        operationName: operation.operationName,
        variables: operation.variables,
      });
      const refused = charge(state, cost);
      if (refused) setResult({ errors: [refused] });
      else state.cacheHit = true;
    },

    onResultProcess({ request, result, setResult }) {
      if (typeof result !== 'object' || result === null || Array.isArray(result) || Symbol.asyncIterator in result) {
        return;
      }
      const state = states.of(request);
      const budget = state.budget ?? buckets.peek(state.client);
      const r = result as { extensions?: Record<string, unknown> };
      setResult({
        ...r,
        extensions: {
          ...r.extensions,
          cost: {
            requestedQueryCost: state.cost ?? 0,
            maximumAvailable: budget.maximumAvailable,
            currentlyAvailable: budget.currentlyAvailable,
            restoreRate: budget.restoreRate,
          },
        },
      } as never);
    },
  };
}
