// What the plugins of one request share (src/app.ts lists them): its id, the client it counts against,
// the dataset version (GET), its cost and budget, and whether the response cache answered it. One
// WeakMap per app, keyed by the Request, so nothing outlives the request.
import type { BucketStatus } from './bucket';

export const REQUEST_ID_HEADER = 'x-request-id';
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export interface RequestState {
  /** The incoming x-request-id when it is sane, otherwise a new UUID. */
  id: string;
  /** Who is asking: the key of the client's cost bucket and rate limit. */
  client: string;
  /** Dataset version, read for GET operations only (null: unknown, nothing cacheable). */
  version?: string | null;
  cost?: number;
  budget?: BucketStatus;
  /** The response cache answered (and the cost of that answer was charged). */
  cacheHit?: boolean;
}

export class RequestStates<TServerContext> {
  readonly #states = new WeakMap<Request, RequestState>();

  constructor(private readonly clientKey: (request: Request, serverContext: TServerContext) => string) {}

  /** The request's state, made on first use (a request refused before any plugin ran has one too). */
  of(request: Request, serverContext?: TServerContext): RequestState {
    let state = this.#states.get(request);
    if (!state) {
      const incoming = request.headers.get(REQUEST_ID_HEADER);
      state = {
        id: incoming && SANE_REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID(),
        client: serverContext ? this.clientKey(request, serverContext) : 'anonymous',
      };
      this.#states.set(request, state);
    }
    return state;
  }
}
