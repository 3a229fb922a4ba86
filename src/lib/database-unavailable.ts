// Tells "the database cannot be reached" apart from every other failure, so such a request answers 503
// DATABASE_UNAVAILABLE with Retry-After (the client should simply retry) while a real bug stays a masked
// INTERNAL_SERVER_ERROR. Only connection failures count, recognized by what @libsql/client and the
// runtime's fetch actually throw (anywhere in the `cause` chain, e.g. under drizzle's DrizzleQueryError):
//   - Node: `TypeError: fetch failed` caused by a socket error with an errno or undici code (ECONNREFUSED…);
//   - workerd: its fetch's network errors ("Network connection lost.", "… connect to … failed");
//   - LibsqlError HRANA_CLOSED_ERROR / HRANA_WEBSOCKET_ERROR (the stream or socket went away), or
//     SERVER_ERROR from an HTTP 502/503/504 (a gateway in front of the server, or the server restarting).
// An error the server returns about a statement (LibsqlError SQLITE_*) is not an outage.

/** Seconds a client is asked to wait before retrying (Retry-After). */
export const DATABASE_RETRY_AFTER_S = 5;

const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);
const LIBSQL_CODES = new Set(['HRANA_CLOSED_ERROR', 'HRANA_WEBSOCKET_ERROR']);
const GATEWAY_STATUSES = new Set([502, 503, 504]);
/** workerd's fetch rejects with these when the TCP connection cannot be made or breaks. */
const WORKERD_NETWORK = /^Network connection lost\.$|^(?:TCP )?connect(?:ion)? .*(?:refused|failed)/i;

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  status?: unknown;
  message?: unknown;
  cause?: unknown;
  originalError?: unknown;
  errors?: unknown;
}

function isConnectionFailure(e: ErrorLike): boolean {
  if (typeof e.code === 'string') {
    if (SOCKET_CODES.has(e.code)) return true;
    if (e.name === 'LibsqlError' && LIBSQL_CODES.has(e.code)) return true;
  }
  if (e.name === 'HttpServerError' && typeof e.status === 'number') return GATEWAY_STATUSES.has(e.status);
  return typeof e.message === 'string' && WORKERD_NETWORK.test(e.message);
}

/** True when `error` (or anything it wraps) says the database server could not be reached. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<object>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const e = queue.pop();
    if (typeof e !== 'object' || e === null || seen.has(e)) continue;
    seen.add(e);
    const err = e as ErrorLike;
    if (isConnectionFailure(err)) return true;
    queue.push(err.cause, err.originalError);
    // Node's happy-eyeballs connect reports each address's failure in an AggregateError.
    if (Array.isArray(err.errors)) queue.push(...err.errors);
  }
  return false;
}
