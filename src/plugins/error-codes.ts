// Every error a client reads has a stable `extensions.code` (docs/limits-and-caching.md, "Error codes")
// and the request id; the query limits and the cost limit answer 400 whatever the client's Accept
// header. Masking itself is Yoga's (src/lib/mask.ts decides what is masked); this plugin logs each masked
// failure and each database outage once, as one JSON line with the request id, and never sends them.
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ErrorCode, LIMIT_CODES } from '../lib/errors';
import { originalOf } from '../lib/mask';
import type { RequestState, RequestStates } from '../lib/request-state';

export type Log = (entry: Record<string, unknown>) => void;

export function useErrorCodes<TServerContext>(states: RequestStates<TServerContext>, log: Log): Plugin {
  return {
    onResultProcess({ request, result, setResult }) {
      const r = result as { errors?: readonly unknown[] };
      if (typeof r !== 'object' || r === null || Array.isArray(r) || !r.errors) return;
      const state = states.of(request);
      setResult({ ...r, errors: r.errors.map((e) => withCode(e, state, log)) } as never);
    },
  };
}

/** The stable code of an error: ours as set, Yoga's and graphql-js's mapped, anything else by its kind. */
function codeOf(e: GraphQLError): string {
  const ext = e.extensions as Record<string, unknown>;
  const http = ext.http as { status?: number } | undefined;
  const code = typeof ext.code === 'string' ? ext.code : undefined;
  if (code === 'REQUEST_ENTITY_TOO_LARGE') return ErrorCode.PAYLOAD_TOO_LARGE;
  if (code === 'OPERATION_RESOLUTION_FAILURE') return ErrorCode.GRAPHQL_VALIDATION_FAILED;
  // graphql-js's own introspection cycle guard (MaxIntrospectionDepthRule) is a depth limit too.
  if (code === ErrorCode.GRAPHQL_VALIDATION_FAILED && /^Maximum introspection depth exceeded/.test(e.message)) {
    return ErrorCode.DEPTH_LIMIT_EXCEEDED;
  }
  if (code === undefined) {
    if (ext.unexpected) return ErrorCode.INTERNAL_SERVER_ERROR;
    // An HTTP-level refusal (no place in the document): CSRF, unreadable request.
    if (http?.status && !e.locations?.length) return ErrorCode.BAD_REQUEST;
    // Otherwise it is about the operation's values: variable coercion, an unknown operation name.
    return ErrorCode.BAD_USER_INPUT;
  }
  if ((Object.values(ErrorCode) as string[]).includes(code)) return code;
  return http?.status && http.status >= 500 ? ErrorCode.INTERNAL_SERVER_ERROR : ErrorCode.BAD_REQUEST;
}

/** A copy of an error with its stable code, HTTP status and the request id; logs masked ones. */
function withCode(raw: unknown, state: RequestState, log: Log): GraphQLError {
  const e =
    raw instanceof GraphQLError
      ? raw
      : new GraphQLError(String((raw as { message?: unknown })?.message ?? raw), {
          extensions: (raw as { extensions?: Record<string, unknown> })?.extensions,
        });
  const ext = { ...(e.extensions as Record<string, unknown>) };
  const code = codeOf(e);
  ext.code = code;
  if (LIMIT_CODES.has(code)) ext.http = { ...(ext.http as object), status: 400, spec: false };
  ext.requestId = state.id;
  if (code === ErrorCode.INTERNAL_SERVER_ERROR || code === ErrorCode.DATABASE_UNAVAILABLE) {
    const original = originalOf(e);
    const err = original instanceof Error ? original : undefined;
    log({
      level: code === ErrorCode.DATABASE_UNAVAILABLE ? 'warn' : 'error',
      msg: code === ErrorCode.DATABASE_UNAVAILABLE ? 'database unavailable' : 'masked error',
      requestId: state.id,
      message: (err?.message ?? String(original ?? e.message)).slice(0, 2000),
      ...(err?.cause instanceof Error ? { cause: err.cause.message.slice(0, 2000) } : {}),
      stack: err?.stack?.slice(0, 4000),
      path: e.path,
    });
  }
  return new GraphQLError(e.message, {
    nodes: e.nodes,
    source: e.source,
    positions: e.positions,
    path: e.path,
    extensions: ext,
  });
}
