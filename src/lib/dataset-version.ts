// The loaded dataset's version (seed hash) and load time: what `dataset` answers, what every ETag and
// response-cache key includes. Reading it is one small statement; an app instance keeps the answer for a
// short TTL so a burst of GET requests costs one read, and POST requests never read it.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';

export interface DatasetRow {
  version: string;
  loadedAt: string;
}

/** The single `dataset` row (null before the seed was ever loaded). One statement. */
export async function readDataset(db: Db): Promise<DatasetRow | null> {
  const rows = await db.all<{ version: string; loaded_at: string }>(
    sql`SELECT version, loaded_at FROM dataset WHERE id = 1`,
  );
  const row = rows[0];
  return row ? { version: row.version, loadedAt: row.loaded_at } : null;
}

interface Entry {
  at: number;
  value: Promise<string | null>;
}

/** The dataset version per database handle, trusted for `ttlMs` (0: read every time). */
export class DatasetVersionCache {
  private readonly entries = new WeakMap<Db, Entry>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The version, or null when it cannot be read (no dataset row, database unreachable). */
  get(db: Db): Promise<string | null> {
    const now = this.now();
    const hit = this.entries.get(db);
    if (hit && this.ttlMs > 0 && now - hit.at < this.ttlMs) return hit.value;
    const entry: Entry = { at: now, value: Promise.resolve(null) };
    entry.value = readDataset(db).then(
      (row) => row?.version ?? null,
      () => {
        // A failed read is not remembered: the next request tries again.
        if (this.entries.get(db) === entry) this.entries.delete(db);
        return null;
      },
    );
    this.entries.set(db, entry);
    return entry.value;
  }
}
