import { createClient } from '@libsql/client';
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/client';
import { type App, appOver, codes, post, type Seeded, seeded, URL_BASE } from './hardening-helpers';

let s: Seeded;
let app: App;
beforeAll(async () => {
  s = await seeded();
  app = appOver(s.db);
});
afterAll(() => s.client.close());

describe('masked internal errors', () => {
  it('leak no stack, SQL or path; carry INTERNAL_SERVER_ERROR and the request id; are logged once as JSON', async () => {
    // A database without the schema: every resolver fails with a real SQLite error.
    const broken = createClient({ url: ':memory:' });
    const logs: Array<Record<string, unknown>> = [];
    const brokenApp = appOver(createDb(broken), { log: (e) => logs.push(e) });
    const r = await post(brokenApp, '{ person(slug: "luu-duc-minh") { name } articles(first: 1) { totalCount } }');
    broken.close();
    expect(r.status).toBe(200);
    expect(r.body.data).toBeNull();
    const id = r.headers.get('x-request-id');
    expect(r.body.errors.length).toBeGreaterThan(0);
    for (const e of r.body.errors) {
      expect(e.message).toBe('Unexpected error.');
      expect(e.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: id });
    }
    expect(r.text).not.toMatch(/SQLITE|no such table|select |\/work\/|node_modules|"stack"|\bat .+:\d+:\d+/i);
    const masked = logs.filter((l) => l.msg === 'masked error');
    expect(masked).toHaveLength(r.body.errors.length);
    for (const l of masked) {
      expect(l).toMatchObject({ level: 'error', requestId: id });
      expect(`${l.message} ${l.cause}`).toMatch(/no such table/);
      expect(String(l.stack)).toMatch(/\n\s+at /);
      expect(() => JSON.stringify(l)).not.toThrow();
    }
    // Nothing else was logged for them (Yoga's own logger stays quiet about masked errors).
    expect(logs.filter((l) => l.msg !== 'masked error')).toEqual([]);
  });

  it('the default log writes one JSON line per masked error to stderr', async () => {
    const broken = createClient({ url: ':memory:' });
    const lines: string[] = [];
    const original = console.error;
    console.error = (line: unknown) => lines.push(String(line));
    try {
      const { createApp } = await import('../../src/app');
      const brokenApp = createApp({ getDb: () => createDb(broken), env: {} });
      const r = await post(brokenApp, '{ person(slug: "x") { name } }');
      const entry = JSON.parse(lines.find((l) => l.includes('masked error')) as string);
      expect(entry.requestId).toBe(r.headers.get('x-request-id'));
      expect(lines.every((l) => !l.includes('\n') || l.startsWith('{'))).toBe(true);
    } finally {
      console.error = original;
      broken.close();
    }
  });

  it('client mistakes keep their message and get a code, and are not logged as server errors', async () => {
    const logs: Array<Record<string, unknown>> = [];
    const quiet = appOver(s.db, { log: (e) => logs.push(e) });
    const r = await post(quiet, '{ articles(first: 2, after: "garbage") { edges { cursor } } }');
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.body.errors[0].message).toBe('Invalid cursor.');
    const v = await post(quiet, 'query($n: Int) { articles(first: $n) { totalCount } }', { n: 'ten' });
    expect(codes(v)).toEqual(['BAD_USER_INPUT']);
    expect(codes(await post(quiet, '{ node(id: "garbage!!") { id } }'))).toEqual(['BAD_USER_INPUT']);
    expect(logs).toEqual([]);
  });
});

describe('GraphQL over HTTP', () => {
  it('passes the GraphQL-over-HTTP server audit (graphql-http): every MUST and SHOULD', async () => {
    const failed: string[] = [];
    for (const audit of serverAudits({
      url: URL_BASE,
      fetchFn: (input: RequestInfo | URL, init?: RequestInit) => app.fetch(new Request(input, init)),
    })) {
      const result = await audit.fn();
      if (result.status !== 'ok') failed.push(`${audit.name}: ${result.status}`);
    }
    expect(failed).toEqual([]);
  });
});
