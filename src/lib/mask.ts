// Error masking: what a client may read of a failure. Client mistakes keep their message and get a code;
// a database that cannot be reached is 503 DATABASE_UNAVAILABLE with Retry-After (src/lib/database-unavailable.ts);
// anything else unexpected becomes "Unexpected error." (INTERNAL_SERVER_ERROR) with no stack, SQL or path.
// The original of both is remembered so src/plugins/error-codes.ts can log it once, with the request id.
import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { DATABASE_RETRY_AFTER_S, isDatabaseUnavailable } from './database-unavailable';
import { ErrorCode } from './errors';

export const UNEXPECTED_MESSAGE = 'Unexpected error.';

/** Masked error → what it hides (logged by src/plugins/error-codes.ts, never sent). */
const originals = new WeakMap<object, unknown>();
/**
 * Everything masking handled: masked failures (logged once, with the request id, by src/plugins/error-codes.ts)
 * and client mistakes given a code (not server errors). Yoga's own logger skips these.
 */
const maskedOriginals = new WeakSet<object>();

export function originalOf(masked: object): unknown {
  return originals.get(masked);
}

export function wasMasked(error: unknown): boolean {
  return typeof error === 'object' && error !== null && maskedOriginals.has(error);
}

function isClientGraphQLError(error: unknown): error is GraphQLError {
  if (!(error instanceof GraphQLError)) return false;
  // A GraphQLError that wraps a thrown non-GraphQL error is a resolver failure, not a client mistake.
  return error.originalError == null || isClientGraphQLError(error.originalError);
}

/** The `maskError` Yoga calls for every error a response would carry (execution and request phases). */
export function maskClientErrors(error: unknown, message: string = UNEXPECTED_MESSAGE): Error {
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  // Pothos reports a client's mistakes (unreadable global ID or cursor, contradictory paging arguments)
  // as PothosValidationError: those keep their message and get BAD_USER_INPUT.
  if (error instanceof PothosValidationError || original instanceof PothosValidationError) {
    if (typeof error === 'object' && error !== null) maskedOriginals.add(error); // a client error: not logged
    const e = error as GraphQLError;
    return new GraphQLError(e.message.replace(/^Invalid cursor.*/s, 'Invalid cursor.'), {
      nodes: e.nodes,
      path: e.path,
      extensions: { ...(e instanceof GraphQLError ? e.extensions : {}), code: ErrorCode.BAD_USER_INPUT },
    });
  }
  if (isClientGraphQLError(error)) return error;
  const gql = error instanceof GraphQLError ? error : undefined;
  const location = { nodes: gql?.nodes, source: gql?.source, positions: gql?.positions, path: gql?.path };
  const masked = isDatabaseUnavailable(error)
    ? new GraphQLError(`The database is unavailable right now. Retry in ${DATABASE_RETRY_AFTER_S} s.`, {
        ...location,
        extensions: {
          code: ErrorCode.DATABASE_UNAVAILABLE,
          http: { status: 503, spec: false, headers: { 'Retry-After': String(DATABASE_RETRY_AFTER_S) } },
        },
      })
    : new GraphQLError(message || UNEXPECTED_MESSAGE, {
        ...location,
        extensions: {
          code: ErrorCode.INTERNAL_SERVER_ERROR,
          unexpected: true,
          ...(gql?.extensions?.http ? { http: gql.extensions.http } : {}),
        },
      });
  const hidden = gql?.originalError ?? error;
  originals.set(masked, hidden);
  if (typeof error === 'object' && error !== null) maskedOriginals.add(error);
  if (typeof hidden === 'object' && hidden !== null) maskedOriginals.add(hidden);
  return masked;
}
