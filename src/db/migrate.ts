// Applies migrations/*.sql in name order, each in its own write transaction, recording what ran.
// Safe to run again: applied files are skipped, so a re-run is a no-op.
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Client } from '@libsql/client';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

export interface Migration {
  name: string;
  sql: string;
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const names = (await readdir(dir)).filter((n) => /^\d{4}_[\w-]+\.sql$/.test(n)).sort();
  return Promise.all(names.map(async (name) => ({ name, sql: await readFile(`${dir}/${name}`, 'utf8') })));
}

/** Returns the names of the migrations applied by this call (empty when the database was current). */
export async function migrate(client: Client, migrations?: Migration[]): Promise<string[]> {
  const all = migrations ?? (await readMigrations());
  await client.execute('CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const done = new Set((await client.execute('SELECT name FROM _migrations')).rows.map((r) => String(r.name)));
  const applied: string[] = [];
  for (const m of all) {
    if (done.has(m.name)) continue;
    const tx = await client.transaction('write');
    try {
      await tx.executeMultiple(m.sql);
      await tx.execute({
        sql: 'INSERT INTO _migrations (name, applied_at) VALUES (?, ?)',
        args: [m.name, new Date().toISOString()],
      });
      await tx.commit();
    } catch (err) {
      await tx.rollback();
      throw new Error(`migration ${m.name} failed: ${(err as Error).message}`);
    } finally {
      tx.close();
    }
    applied.push(m.name);
  }
  return applied;
}
