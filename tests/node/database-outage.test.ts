// Verifies a database outage under a running app (over HTTP to a local sqld, as the Worker and a remote Node deployment read): 503 DATABASE_UNAVAILABLE with Retry-After, never cached, logged once per error; recovery once the server is back; and that an SQL failure the server reports stays a masked INTERNAL_SERVER_ERROR.
import { createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/client';
import { migrate } from '../../src/db/migrate';
import { isDatabaseUnavailable } from '../../src/lib/database-unavailable';
import { loadSeed } from '../../src/seed/load';
import { type RestartableSqld, restartableSqld } from '../helpers/restartable-sqld';
import { type App, appOver, codes, get, PERSON_QUERY, post } from './hardening-helpers';

let sqld: RestartableSqld;
let client: ReturnType<typeof createClient>;
let app: App;
const logs: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  sqld = await restartableSqld();
  client = createClient({ url: sqld.url });
  app = appOver(createDb(client), { env: { DATASET_VERSION_TTL_MS: '0' }, log: (e) => logs.push(e) });
}, 60_000);
afterAll(async () => {
  client.close();
  await sqld.close();
});

describe('database outage (sqld over HTTP)', () => {
  it('an SQL error the server reports is a bug: masked INTERNAL_SERVER_ERROR, not an outage', async () => {
    // Nothing migrated yet: every statement fails with "no such table" from a reachable server.
    const r = await post(app, '{ person(slug: "luu-duc-minh") { name } }');
    expect(r.status).toBe(200);
    expect(codes(r)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(r.body.errors[0].message).toBe('Unexpected error.');
    expect(r.headers.get('retry-after')).toBeNull();
    const seeder = createClient({ url: sqld.url });
    await migrate(seeder);
    await loadSeed(seeder);
    seeder.close();
  }, 60_000);

  it('answers 503 DATABASE_UNAVAILABLE with Retry-After while the server is stopped, then recovers', async () => {
    const before = await get(app, { query: PERSON_QUERY });
    expect(before.status).toBe(200);
    expect(before.body.data.person.name).toBe('Lưu Đức Minh');
    await sqld.stop();
    try {
      logs.length = 0;
      for (const r of [
        await post(app, PERSON_QUERY),
        await get(app, { query: '{ articles(first: 1) { totalCount } }' }),
      ]) {
        expect(r.status).toBe(503);
        expect(r.headers.get('retry-after')).toBe('5');
        expect(r.headers.get('cache-control')).toBe('no-store');
        expect(r.headers.get('etag')).toBeNull();
        expect(Object.values(r.body.data ?? {}).every((v) => v === null)).toBe(true);
        expect(new Set(codes(r))).toEqual(new Set(['DATABASE_UNAVAILABLE']));
        expect(r.body.errors[0].message).toBe('The database is unavailable right now. Retry in 5 s.');
        expect(r.body.errors[0].extensions.requestId).toBe(r.headers.get('x-request-id'));
        expect(r.text).not.toMatch(/ECONNREFUSED|fetch failed|127\.0\.0\.1/);
      }
      // A GET answer the response cache held before the outage needs the dataset version, which
      // cannot be read: it is not served (nor stored) either.
      const cachedQuery = await get(app, { query: PERSON_QUERY });
      expect(cachedQuery.status).toBe(503);
      expect(cachedQuery.headers.get('x-response-cache')).toBe('MISS');
      // Logged server-side with the cause, once per error, as a warning.
      const outages = logs.filter((l) => l.msg === 'database unavailable');
      expect(outages.length).toBeGreaterThan(0);
      expect(
        outages.every((l) => l.level === 'warn' && /ECONNREFUSED|fetch failed/.test(`${l.message} ${l.cause}`)),
      ).toBe(true);
      expect(logs.filter((l) => l.msg === 'masked error')).toEqual([]);
    } finally {
      await sqld.start();
    }
    const after = await post(app, PERSON_QUERY);
    expect(after.status).toBe(200);
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data).toEqual(before.body.data);
    const again = await get(app, { query: PERSON_QUERY });
    expect(again.status).toBe(200);
    expect(again.headers.get('etag')).toBe(before.headers.get('etag'));
  }, 60_000);
});

describe('isDatabaseUnavailable', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
  const libsql = (code: string, cause?: unknown) =>
    Object.assign(new Error(`${code}: x`, { cause }), { name: 'LibsqlError', code });

  it('recognizes connection failures wherever they are in the cause chain', () => {
    expect(isDatabaseUnavailable(new TypeError('fetch failed', { cause: refused }))).toBe(true);
    expect(
      isDatabaseUnavailable(new Error('Failed query', { cause: new TypeError('fetch failed', { cause: refused }) })),
    ).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([refused], 'connect failed'))).toBe(true);
    expect(isDatabaseUnavailable(libsql('HRANA_CLOSED_ERROR'))).toBe(true);
    const gateway = Object.assign(new Error('Server returned HTTP status 503'), {
      name: 'HttpServerError',
      status: 503,
    });
    expect(isDatabaseUnavailable(libsql('SERVER_ERROR', gateway))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Network connection lost.'))).toBe(true);
  });

  it('leaves every other failure alone', () => {
    expect(isDatabaseUnavailable(libsql('SQLITE_ERROR'))).toBe(false);
    const unauthorized = Object.assign(new Error('HTTP 401'), { name: 'HttpServerError', status: 401 });
    expect(isDatabaseUnavailable(libsql('SERVER_ERROR', unauthorized))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('fetch failed', { cause: new Error('bad port') }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
    const cyclic: { cause?: unknown } = new Error('loop');
    cyclic.cause = cyclic;
    expect(isDatabaseUnavailable(cyclic)).toBe(false);
  });
});
