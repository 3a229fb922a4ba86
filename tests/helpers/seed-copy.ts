// Copies the real seed to a temp dir so a test can break one file and see how the loader refuses it.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@libsql/client';
import { SEED_DIR, TABLE_ORDER } from '../../src/seed/load';

export interface SeedCopy {
  dir: string;
  /** Rewrites one seed file; fails loudly when `from` is absent, so a test never edits nothing. */
  edit(file: string, from: string | RegExp, to: string): void;
  write(file: string, text: string): void;
  remove(): void;
}

export function copySeed(): SeedCopy {
  const dir = mkdtempSync(join(tmpdir(), 'seed-'));
  cpSync(SEED_DIR, dir, { recursive: true });
  return {
    dir,
    edit(file, from, to) {
      const path = join(dir, file);
      const text = readFileSync(path, 'utf8');
      const found = typeof from === 'string' ? text.includes(from) : from.test(text);
      if (!found) throw new Error(`test setup: ${String(from)} not found in ${file}`);
      writeFileSync(path, text.replace(from, to));
    },
    write(file, text) {
      writeFileSync(join(dir, file), text);
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A digest of every row of every knowledge-base table (plus the dataset row). */
export async function databaseDigest(client: Client): Promise<string> {
  const h = createHash('sha256');
  for (const t of [...TABLE_ORDER, 'dataset']) {
    const rs = await client.execute(`SELECT * FROM ${t} ORDER BY rowid`);
    h.update(`${t}:${JSON.stringify(rs.rows)}\n`);
  }
  return h.digest('hex');
}
