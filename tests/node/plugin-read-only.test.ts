import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../src/schema';
import { type App, appOver, codes, post, type Seeded, seeded } from './hardening-helpers';

let s: Seeded;
let app: App;
beforeAll(async () => {
  s = await seeded();
  app = appOver(s.db);
});
afterAll(() => s.client.close());

describe('no writes', () => {
  it('has no Mutation type; a mutation (or subscription) is a validation error', async () => {
    expect(schema.getMutationType()).toBeUndefined();
    expect(schema.getSubscriptionType()).toBeUndefined();
    for (const op of ['mutation', 'subscription']) {
      const r = await post(app, `${op} { __typename }`);
      expect(r.status).toBe(400);
      expect(codes(r)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(r.body.errors[0].message).toBe(`This API is read-only: it has no ${op} operations.`);
    }
  });
});
