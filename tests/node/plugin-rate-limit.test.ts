import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, appOver, codes, post, type Seeded, seeded } from './hardening-helpers';

let s: Seeded;
let _app: App;
beforeAll(async () => {
  s = await seeded();
  _app = appOver(s.db);
});
afterAll(() => s.client.close());

describe('per-request limiter', () => {
  it('consults the per-request limiter (the Worker binding) before anything runs, unless RATE_LIMIT_BINDING=false', async () => {
    const seen: string[] = [];
    const requestLimiter = async (_request: Request, _ctx: unknown, key: string) => {
      seen.push(key);
      return { ok: false as const, retryAfter: 60 };
    };
    const app = appOver(s.db, { requestLimiter, clientKey: () => '203.0.113.9' });
    s.statements.length = 0;
    const r = await post(app, '{ __typename }');
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('60');
    expect(codes(r)).toEqual(['RATE_LIMITED']);
    expect(r.body.errors[0].extensions.requestId).toBe(r.headers.get('x-request-id'));
    expect(r.body.extensions.cost).toMatchObject({ requestedQueryCost: 0 });
    expect(seen).toEqual(['203.0.113.9']);
    expect(s.statements).toEqual([]);

    const off = appOver(s.db, { requestLimiter, env: { RATE_LIMIT_BINDING: 'false' } });
    expect((await post(off, '{ __typename }')).status).toBe(200);
    expect(seen).toHaveLength(1);
  });
});
