import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, appOver, codes, get, post, type Seeded, seeded, URL_BASE } from './hardening-helpers';

let s: Seeded;
let app: App;
beforeAll(async () => {
  s = await seeded();
  app = appOver(s.db);
});
afterAll(() => s.client.close());

describe('request size', () => {
  it('refuses a body over MAX_BODY_BYTES with 413 PAYLOAD_TOO_LARGE', async () => {
    const r = await post(app, '{ __typename }', { pad: 'x'.repeat(70_000) });
    expect(r.status).toBe(413);
    expect(codes(r)).toEqual(['PAYLOAD_TOO_LARGE']);
  });

  it('refuses a query document over MAX_QUERY_LENGTH with 400 PAYLOAD_TOO_LARGE, on POST and GET', async () => {
    const long = `{ search(query: "${'x'.repeat(20_000)}") { totalCount } }`;
    const r = await post(app, long);
    expect(r.status).toBe(400);
    expect(codes(r)).toEqual(['PAYLOAD_TOO_LARGE']);
    expect(r.body.errors[0].message).toMatch(/limit is 20000/);
    const small = appOver(s.db, { env: { MAX_QUERY_LENGTH: '30' } });
    const g = await get(small, { query: '{ articles(first: 1) { totalCount } }' });
    expect(g.status).toBe(400);
    expect(codes(g)).toEqual(['PAYLOAD_TOO_LARGE']);
  });
});

describe('HTTP refusals have codes too', () => {
  it('unreadable GET parameters are BAD_REQUEST (400), not a masked 500', async () => {
    const res = await app.fetch(`${URL_BASE}?query=%7B__typename%7D&variables=%7Bbad`, {
      headers: { accept: 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code).toBe(
      'BAD_REQUEST',
    );
  });

  it('invalid JSON, wrong methods and missing query are BAD_REQUEST', async () => {
    const bodies = ['{', '{"query": 1}', '{"notquery": "{ __typename }"}'];
    for (const body of bodies) {
      const res = await app.fetch(URL_BASE, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(res.status, body).toBe(400);
      const json = (await res.json()) as { errors: Array<{ extensions: { code: string } }> };
      expect(
        json.errors.map((e) => e.extensions.code),
        body,
      ).toEqual(['BAD_REQUEST']);
    }
    const put = await app.fetch(URL_BASE, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(put.status).toBe(405);
  });
});
