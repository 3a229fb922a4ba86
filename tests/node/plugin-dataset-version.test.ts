import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, appOver, get, PERSON_QUERY, type Seeded, seeded, URL_BASE } from './hardening-helpers';

let s: Seeded;
let app: App;
beforeAll(async () => {
  s = await seeded();
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
