import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, appOver, codes, post, type Seeded, seeded } from './hardening-helpers';

let s: Seeded;
let _app: App;
beforeAll(async () => {
  s = await seeded();
  _app = appOver(s.db);
});
afterAll(() => s.client.close());

describe('timeout', () => {
  it('stops an execution after EXECUTION_TIMEOUT_MS with TIMEOUT (503)', async () => {
    const { countingClient } = await import('../helpers/harness');
    const { createDb } = await import('../../src/db/client');
    const slowClient = new Proxy(s.client, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver);
        if (prop !== 'execute' && prop !== 'batch') return typeof v === 'function' ? v.bind(target) : v;
        return async (...args: unknown[]) => {
          await new Promise((r) => setTimeout(r, 300));
          return (v as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const slow = appOver(createDb(countingClient(slowClient, [])), { env: { EXECUTION_TIMEOUT_MS: '50' } });
    const started = performance.now();
    const r = await post(slow, '{ person(slug: "luu-duc-minh") { name } }');
    expect(performance.now() - started).toBeLessThan(280);
    expect(r.status).toBe(503);
    expect(codes(r)).toEqual(['TIMEOUT']);
    expect(r.body.extensions.cost.requestedQueryCost).toBe(1);
  });
});
