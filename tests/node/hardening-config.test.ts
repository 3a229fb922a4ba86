// Verifies the configuration of limits and caching (documented defaults, variables read, bad values refused naming the variable) and the read-only database handle.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/client';
import { ConfigError, DEFAULT_LIMITS, readLimits } from '../../src/lib/limits';
import { openApiClient } from '../../src/lib/readonly';
import { loadSeed } from '../../src/seed/load';
import { type App, appOver, post, type Seeded, seeded } from './hardening-helpers';

let s: Seeded;
let _app: App;
beforeAll(async () => {
  s = await seeded();
  _app = appOver(s.db);
});
afterAll(() => s.client.close());

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
