// The API's own database handle, opened read-only where the driver allows: for a local `file:` database,
// a separate single-connection client with `PRAGMA query_only = ON` (migrate and seed run on another
// client before it opens). Remote libSQL (Turso, sqld) has no such switch per connection: use a
// read-only auth token there (docs/limits-and-caching.md).
import { type Client, createClient } from '@libsql/client';
import { localFilePath, withStatementCache } from '../db/statement-cache';

export interface ApiHandle {
  client: Client;
  /** True when writes through this client are refused by SQLite itself. */
  readOnly: boolean;
}

function isLocalFile(url: string): boolean {
  return url.startsWith('file:') && !/^file::memory:|^file:.*[?&]mode=memory/.test(url);
}

export async function openApiClient(url: string, authToken?: string): Promise<ApiHandle> {
  if (!isLocalFile(url)) return { client: createClient({ url, authToken }), readOnly: false };
  // One connection: `query_only` is a per-connection setting, so a pool could hand out one without it.
  const client = createClient({ url, concurrency: 1 });
  try {
    await client.execute('PRAGMA query_only = ON');
    const check = await client.execute('PRAGMA query_only');
    if (Number(check.rows[0]?.[0]) !== 1) throw new Error('PRAGMA query_only did not take effect');
  } catch (err) {
    client.close();
    throw err;
  }
  // Reads keep their prepared statements (src/db/statement-cache.ts says why).
  const path = localFilePath(url);
  return { client: path ? withStatementCache(client, path) : client, readOnly: true };
}
