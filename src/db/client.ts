// Builds the drizzle handle the GraphQL context carries. The libSQL client is injected so the Node
// server (embedded file), the Worker (HTTP) and the tests (their own databases) share this one seam.
import type { Client } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { relations } from './relations';

export function createDb(client: Client) {
  return drizzle({ client, relations });
}

export type Db = ReturnType<typeof createDb>;
