// Verifies persisted operations: the committed manifest is current, operations run by hash over short cacheable GET URLs, unknown hashes are refused, and PERSISTED_OPERATIONS_ONLY refuses any other document.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildManifest, MANIFEST_FILE, readOperations } from '../../scripts/persisted';
import { sha256Hex } from '../../src/lib/persisted';
import { type App, appOver, codes, get, post, type Seeded, seeded } from './hardening-helpers';

let s: Seeded;
let app: App;
beforeAll(async () => {
  s = await seeded();
  app = appOver(s.db, { env: { DATASET_VERSION_TTL_MS: '0' } });
});
afterAll(() => s.client.close());

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
