// Error masking: what a client may read of a failure. Client mistakes keep their message and get a code;
// anything unexpected becomes "Unexpected error." (INTERNAL_SERVER_ERROR) with no stack, SQL or path,
// and its original is remembered so the hardening plugin can log it once, with the request id.
import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { ErrorCode } from './errors';

export const UNEXPECTED_MESSAGE = 'Unexpected error.';

/** Masked error → what it hides (logged by the hardening plugin, never sent). */
const originals = new WeakMap<object, unknown>();
/**
 * Everything masking handled: masked failures (logged once, with the request id, by the hardening plugin)
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
  const masked = new GraphQLError(message || UNEXPECTED_MESSAGE, {
    nodes: gql?.nodes,
    source: gql?.source,
    positions: gql?.positions,
    path: gql?.path,
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
