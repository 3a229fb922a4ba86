// Verifies caching for webhook-free clients: GET with Cache-Control and an ETag that changes exactly when the answer or the dataset does, 304 on If-None-Match, the `dataset` poll, the server-side response cache, persisted operations by hash (also persisted-only mode), and that POST stays uncached and reads nothing extra.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildManifest, MANIFEST_FILE, readOperations } from '../../scripts/persisted';
import { sha256Hex } from '../../src/lib/persisted';
import { type App, appOver, codes, get, PERSON_QUERY, post, type Seeded, seeded, URL_BASE } from './hardening-helpers';

let s: Seeded;
let app: App;
beforeAll(async () => {
  s = await seeded();
  // The dataset version is read on every GET here, so a bump shows at once.
  app = appOver(s.db, { env: { DATASET_VERSION_TTL_MS: '0' } });
});
afterAll(() => s.client.close());

const DATASET_QUERY = '{ dataset { version loadedAt counts { articles people events mentions } } }';

async function bumpDataset(version: string) {
  await s.client.execute({
    sql: 'UPDATE dataset SET version = ?, loaded_at = ? WHERE id = 1',
    args: [version, new Date().toISOString()],
  });
}

describe('GET responses', () => {
  it('carry Cache-Control (max-age, stale-while-revalidate) and a weak ETag of dataset version and answer', async () => {
    const r = await get(app, { query: DATASET_QUERY });
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=600');
    const version = r.body.data.dataset.version;
    expect(r.headers.get('etag')).toMatch(new RegExp(`^W/"${version}-[0-9a-f]{32}"$`));
    expect(r.headers.get('vary')).toMatch(/Accept/);
    expect(r.body.data.dataset.counts.articles).toBeGreaterThan(0);
    expect(r.body.data.dataset.loadedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('answer 304 Not Modified, with no body, to If-None-Match with the current ETag', async () => {
    const first = await get(app, { query: PERSON_QUERY });
    const etag = first.headers.get('etag') as string;
    const again = await get(app, { query: PERSON_QUERY }, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('cache-control')).toMatch(/max-age=60/);
    expect(again.headers.get('x-request-id')).toBeTruthy();
    // A list of tags, the strong form of the same tag and `*` match too; another tag does not.
    expect((await get(app, { query: PERSON_QUERY }, { 'if-none-match': `"x", ${etag.slice(2)}` })).status).toBe(304);
    expect((await get(app, { query: PERSON_QUERY }, { 'if-none-match': '*' })).status).toBe(304);
    expect((await get(app, { query: PERSON_QUERY }, { 'if-none-match': 'W/"other"' })).status).toBe(200);
  });

  it('keep their ETag when only the budget changes (extensions are not part of it), also without the response cache', async () => {
    const noCache = appOver(s.db, { env: { RESPONSE_CACHE_TTL_MS: '0', DATASET_VERSION_TTL_MS: '0' } });
    for (const a of [app, noCache]) {
      const one = await get(a, { query: PERSON_QUERY });
      const two = await get(a, { query: PERSON_QUERY });
      expect(two.body.extensions.cost.currentlyAvailable).toBeLessThan(one.body.extensions.cost.currentlyAvailable);
      expect(two.headers.get('etag')).toBe(one.headers.get('etag'));
    }
    expect((await get(noCache, { query: PERSON_QUERY })).headers.get('x-response-cache')).toBe('MISS');
  });

  it('change their ETag when the answer changes', async () => {
    const a = await get(app, { query: '{ articles(first: 1) { edges { node { slug } } } }' });
    const b = await get(app, { query: '{ articles(first: 2) { edges { node { slug } } } }' });
    expect(a.headers.get('etag')).not.toBe(b.headers.get('etag'));
    const c = await get(app, {
      query: 'query($n: Int) { articles(first: $n) { edges { node { slug } } } }',
      variables: { n: 1 },
    });
    expect(c.headers.get('etag')).toBe(a.headers.get('etag')); // same answer, same tag
  });

  it('change their ETag, and miss the response cache, when the dataset version changes', async () => {
    const before = await get(app, { query: PERSON_QUERY });
    const hit = await get(app, { query: PERSON_QUERY });
    expect(hit.headers.get('x-response-cache')).toBe('HIT');
    const poll = await get(app, { query: DATASET_QUERY });
    const original = poll.body.data.dataset.version;
    try {
      await bumpDataset('bumped-version-1');
      const after = await get(app, { query: PERSON_QUERY }, { 'if-none-match': before.headers.get('etag') as string });
      expect(after.status).toBe(200);
      expect(after.headers.get('x-response-cache')).toBe('MISS');
      expect(after.headers.get('etag')).toMatch(/^W\/"bumped-version-1-/);
      expect(after.body.data).toEqual(before.body.data);
      const polled = await get(app, { query: DATASET_QUERY }, { 'if-none-match': poll.headers.get('etag') as string });
      expect(polled.status).toBe(200);
      expect(polled.body.data.dataset.version).toBe('bumped-version-1');
    } finally {
      await bumpDataset(original);
    }
  });

  it('trust the dataset version for DATASET_VERSION_TTL_MS', async () => {
    let t = 0;
    const cached = appOver(s.db, { env: { DATASET_VERSION_TTL_MS: '5000' }, now: () => t });
    const first = await get(cached, { query: '{ __typename }' });
    const original = first.headers.get('etag')?.slice(3, 19);
    s.statements.length = 0;
    await get(cached, { query: '{ articles(first: 1) { totalCount } }' });
    expect(s.statements.filter((q) => /FROM dataset/i.test(q))).toEqual([]);
    try {
      await bumpDataset('bumped-version-2');
      expect((await get(cached, { query: '{ __typename }' })).headers.get('etag')).toContain(original);
      t += 5000;
      expect((await get(cached, { query: '{ __typename }' })).headers.get('etag')).toMatch(/^W\/"bumped-version-2-/);
    } finally {
      await bumpDataset(original as string);
    }
  });

  it('are not cacheable when they carry errors', async () => {
    const r = await get(app, { query: '{ articles(first: 101) { totalCount } }' });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.headers.get('etag')).toBeNull();
    expect(r.headers.get('cache-control')).toBe('no-store');
  });
});

describe('POST responses', () => {
  it('are no-store, carry no ETag, never come from the response cache and read nothing but the query', async () => {
    const query = '{ person(slug: "luu-duc-minh") { name roles { totalCount } } }';
    s.statements.length = 0;
    const one = await post(app, query);
    const first = [...s.statements];
    s.statements.length = 0;
    const two = await post(app, query);
    expect(two.body.data).toEqual(one.body.data);
    expect(s.statements).toEqual(first); // executed again, same statements
    expect(first.some((q) => /FROM dataset/i.test(q))).toBe(false);
    expect(two.headers.get('cache-control')).toBe('no-store');
    expect(two.headers.get('etag')).toBeNull();
    expect(two.headers.get('x-response-cache')).toBeNull();
  });
});

describe('persisted operations', () => {
  it('the committed manifest is current (npm run persisted), one entry per operations/*.graphql', async () => {
    expect(readFileSync(MANIFEST_FILE, 'utf8')).toBe(await buildManifest());
    const manifest = JSON.parse(readFileSync(MANIFEST_FILE, 'utf8')) as Record<string, string>;
    const ops = readOperations();
    expect(Object.keys(manifest)).toHaveLength(ops.length);
    for (const op of ops) expect(manifest[await sha256Hex(op.document)]).toBe(op.document);
    expect(ops.map((o) => o.file)).toEqual(
      expect.arrayContaining([
        'PersonPage.graphql',
        'EventPage.graphql',
        'ArticlePage.graphql',
        'Search.graphql',
        'Timeline.graphql',
        'Path.graphql',
        'Dataset.graphql',
      ]),
    );
  });

  it('run by hash over a short GET URL, cacheable like any GET', async () => {
    const doc = readOperations().find((o) => o.file === 'PersonPage.graphql')?.document as string;
    const hash = await sha256Hex(doc);
    const params = {
      extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
      variables: { slug: 'luu-duc-minh', lang: 'EN' },
    };
    const r = await get(app, params);
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.person.name).toBe('Lưu Đức Minh');
    expect(r.headers.get('etag')).toBeTruthy();
    expect((await get(app, params)).headers.get('x-response-cache')).toBe('HIT');
    expect((await get(app, params, { 'if-none-match': r.headers.get('etag') as string })).status).toBe(304);
  });

  it('answer PERSISTED_QUERY_NOT_FOUND to an unknown hash', async () => {
    const r = await get(app, { extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } });
    expect(r.status).toBe(400);
    expect(codes(r)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });

  it('with PERSISTED_OPERATIONS_ONLY=true, refuse any other document', async () => {
    const only = appOver(s.db, { env: { PERSISTED_OPERATIONS_ONLY: 'true' } });
    const r = await post(only, '{ __typename }');
    expect(r.status).toBe(400);
    expect(codes(r)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    const doc = readOperations().find((o) => o.file === 'Dataset.graphql')?.document as string;
    const ok = await get(only, { extensions: { persistedQuery: { version: 1, sha256Hash: await sha256Hex(doc) } } });
    expect(ok.status).toBe(200);
    expect(ok.body.data.dataset.version).toBeTruthy();
  });
});

describe('GraphiQL', () => {
  it('is still served to browsers (GET text/html), without reading the dataset', async () => {
    s.statements.length = 0;
    const res = await app.fetch(URL_BASE, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/graphiql/i);
    expect(s.statements).toEqual([]);
  });
});
