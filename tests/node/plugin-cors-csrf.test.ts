import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, appOver, codes, get, post, type Seeded, seeded, URL_BASE } from './hardening-helpers';

let s: Seeded;
let app: App;
beforeAll(async () => {
  s = await seeded();
  app = appOver(s.db);
});
afterAll(() => s.client.close());

describe('CORS and CSRF', () => {
  it('by default allows any origin, read-only methods, no credentials', async () => {
    const res = await app.fetch(URL_BASE, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://any.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/content-type/);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('access-control-max-age')).toBe('86400');
    const answer = await get(app, { query: '{ __typename }' }, { origin: 'https://any.example' });
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.headers.get('access-control-expose-headers')).toMatch(/x-request-id/);
    expect(answer.headers.get('access-control-expose-headers')).toMatch(/etag/);
  });

  it('allows only the configured origins when CORS_ORIGINS lists them', async () => {
    const strict = appOver(s.db, { env: { CORS_ORIGINS: 'https://a.example, https://b.example' } });
    const allowed = await post(strict, '{ __typename }', undefined, { origin: 'https://b.example' });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://b.example');
    expect(allowed.headers.get('vary')).toMatch(/Origin/);
    const other = await post(strict, '{ __typename }', undefined, { origin: 'https://evil.example' });
    expect(other.headers.get('access-control-allow-origin')).toBe('null');
  });

  it('asks requests that carry cookies for a CSRF header (Yoga plugin); others pass', async () => {
    const cookie = { cookie: 'session=1' };
    const refused = await get(app, { query: '{ __typename }' }, cookie);
    expect(refused.status).toBe(403);
    expect(codes(refused)).toEqual(['BAD_REQUEST']);
    expect((await get(app, { query: '{ __typename }' }, { ...cookie, 'x-graphql-yoga-csrf': '1' })).status).toBe(200);
    // application/json POSTs are preflighted by browsers: no header needed.
    expect((await post(app, '{ __typename }', undefined, cookie)).status).toBe(200);
    expect((await get(app, { query: '{ __typename }' })).status).toBe(200);
  });
});
