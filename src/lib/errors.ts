// Errors a client may see, each with a stable `extensions.code` (docs/limits-and-caching.md, "Error codes"). Everything
// else is masked ("Unexpected error.", INTERNAL_SERVER_ERROR) and logged with the request id.
import { GraphQLError } from 'graphql';

export const ErrorCode = {
  /** A wrong argument: out-of-range page size, unreadable ID or cursor, invalid variable value. */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  DEPTH_LIMIT_EXCEEDED: 'DEPTH_LIMIT_EXCEEDED',
  ALIAS_LIMIT_EXCEEDED: 'ALIAS_LIMIT_EXCEEDED',
  TOKEN_LIMIT_EXCEEDED: 'TOKEN_LIMIT_EXCEEDED',
  DIRECTIVE_LIMIT_EXCEEDED: 'DIRECTIVE_LIMIT_EXCEEDED',
  COST_LIMIT_EXCEEDED: 'COST_LIMIT_EXCEEDED',
  RATE_LIMITED: 'RATE_LIMITED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  TIMEOUT: 'TIMEOUT',
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /** The database cannot be reached right now (503 with Retry-After); never cached. */
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  /** An HTTP-level refusal before GraphQL runs (invalid JSON body, wrong method, missing CSRF header). */
  BAD_REQUEST: 'BAD_REQUEST',
} as const;

export type ErrorCodeName = (typeof ErrorCode)[keyof typeof ErrorCode];

export function badInput(message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...extra } });
}

/** An error with a code and an HTTP status that holds whatever the client's Accept header. */
export function httpError(
  message: string,
  code: ErrorCodeName,
  status: number,
  headers?: Record<string, string>,
  extra: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code, ...extra, http: { status, spec: false, ...(headers ? { headers } : {}) } },
  });
}

/** Document limits (depth, aliases, tokens, directives, cost) answer 400 (also to `application/json` clients). */
export const LIMIT_CODES: ReadonlySet<string> = new Set([
  ErrorCode.DEPTH_LIMIT_EXCEEDED,
  ErrorCode.ALIAS_LIMIT_EXCEEDED,
  ErrorCode.TOKEN_LIMIT_EXCEEDED,
  ErrorCode.DIRECTIVE_LIMIT_EXCEEDED,
  ErrorCode.COST_LIMIT_EXCEEDED,
]);
