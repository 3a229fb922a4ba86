// Verifies errors and the HTTP surface: request ids, masked internal errors (no stack, SQL or path; logged once as JSON with the request id), stable codes for HTTP refusals, CORS and CSRF policy, the GraphQL-over-HTTP audit, configuration validation and the read-only database handle.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/client';
import { ConfigError, DEFAULT_LIMITS, readLimits } from '../../src/lib/limits';
import { openApiClient } from '../../src/lib/readonly';
import { loadSeed } from '../../src/seed/load';
import { type App, appOver, codes, get, post, type Seeded, seeded, URL_BASE } from './hardening-helpers';

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

describe('configuration', () => {
  it('has the documented defaults', () => {
    expect(readLimits({})).toEqual({
      ...DEFAULT_LIMITS,
      maxDepth: 12,
      maxAliases: 15,
      maxTokens: 3000,
      maxDirectives: 10,
      maxQueryCost: 5000,
      costBudget: 20000,
      costRestoreRate: 1000,
      maxBodyBytes: 65536,
      maxQueryLength: 20000,
      executionTimeoutMs: 5000,
      cacheMaxAge: 60,
      cacheStaleWhileRevalidate: 600,
      corsOrigins: ['*'],
      persistedOperationsOnly: false,
    });
  });

  it('reads the documented variables and refuses bad values with an error naming the variable', () => {
    expect(
      readLimits({
        MAX_DEPTH: '8',
        CORS_ORIGINS: 'https://a.example,https://b.example',
        PERSISTED_OPERATIONS_ONLY: 'true',
      }),
    ).toMatchObject({
      maxDepth: 8,
      corsOrigins: ['https://a.example', 'https://b.example'],
      persistedOperationsOnly: true,
    });
    for (const [name, value] of [
      ['MAX_DEPTH', 'ten'],
      ['MAX_DEPTH', '0'],
      ['COST_BUDGET', '-5'],
      ['EXECUTION_TIMEOUT_MS', '1.5'],
      ['PERSISTED_OPERATIONS_ONLY', 'maybe'],
      ['CORS_ORIGINS', 'https://a.example/path'],
      ['CORS_ORIGINS', ' , '],
    ] as const) {
      expect(() => readLimits({ [name]: value }), `${name}=${value}`).toThrow(ConfigError);
      expect(() => readLimits({ [name]: value })).toThrow(name);
    }
    expect(() => appOver(s.db, { env: { MAX_TOKENS: 'lots' } })).toThrow(/MAX_TOKENS/);
  });
});

describe('read-only database handle', () => {
  it('on a local file, the API client refuses writes; migrate and seed run on another client first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hardening-ro-'));
    const url = `file:${join(dir, 'kb.db')}`;
    try {
      const writer = createClient({ url });
      await loadSeed(writer);
      writer.close();
      const api = await openApiClient(url);
      try {
        expect(api.readOnly).toBe(true);
        await expect(api.client.execute('DELETE FROM people')).rejects.toThrow(/readonly|read-only/i);
        await expect(api.client.execute("UPDATE dataset SET version = 'x'")).rejects.toThrow(/readonly|read-only/i);
        await expect(api.client.batch(['DELETE FROM articles'], 'write')).rejects.toThrow();
        const served = await post(appOver(createDb(api.client)), '{ person(slug: "luu-duc-minh") { name } }');
        expect(served.body.data.person.name).toBe('Lưu Đức Minh');
        const people = await api.client.execute('SELECT count(*) AS n FROM people');
        expect(Number(people.rows[0]?.n)).toBeGreaterThan(0);
      } finally {
        api.client.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('remote URLs cannot be made read-only by the driver (use a read-only token)', async () => {
    const api = await openApiClient('http://127.0.0.1:9');
    expect(api.readOnly).toBe(false);
    api.client.close();
  });
});
