// Builds the drizzle handle the GraphQL context carries. The libSQL client is injected so the Node
// server (embedded file), the Worker (HTTP) and the tests (their own databases) share this one seam.
import type { Client } from '@libsql/client';
// Any driver entry wraps a given client the same way; `/http` is the one that does not import
// `@libsql/client` itself (whose Worker build carries the WebSocket client too).
import { drizzle } from 'drizzle-orm/libsql/http';
import { relations } from './relations';

export function createDb(client: Client) {
  return drizzle({ client, relations });
}

export type Db = ReturnType<typeof createDb>;
