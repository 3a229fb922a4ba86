import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, appOver, post, type Seeded, seeded, URL_BASE } from './hardening-helpers';

let s: Seeded;
let app: App;
beforeAll(async () => {
  s = await seeded();
  app = appOver(s.db);
});
afterAll(() => s.client.close());

describe('request id', () => {
  it('is on every response, and on every error entry', async () => {
    const ok = await post(app, '{ __typename }');
    expect(ok.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const bad = await post(app, '{ nope }');
    expect(bad.body.errors[0].extensions.requestId).toBe(bad.headers.get('x-request-id'));
    const html = await app.fetch(URL_BASE, { headers: { accept: 'text/html' } });
    expect(html.headers.get('x-request-id')).toBeTruthy();
    const preflight = await app.fetch(URL_BASE, { method: 'OPTIONS', headers: { origin: 'https://a.example' } });
    expect(preflight.headers.get('x-request-id')).toBeTruthy();
  });

  it('keeps a sane incoming x-request-id and replaces an unsafe one', async () => {
    const kept = await post(app, '{ nope }', undefined, { 'x-request-id': 'trace-42.abc' });
    expect(kept.headers.get('x-request-id')).toBe('trace-42.abc');
    expect(kept.body.errors[0].extensions.requestId).toBe('trace-42.abc');
    const replaced = await post(app, '{ __typename }', undefined, { 'x-request-id': 'x'.repeat(200) });
    expect(replaced.headers.get('x-request-id')).not.toBe('x'.repeat(200));
  });
});
