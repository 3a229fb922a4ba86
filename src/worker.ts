// Cloudflare Worker entry: the same app, with the database from `env` over HTTP (Turso / libSQL server).
import { createClient } from '@libsql/client/web';
import { createApp } from './app';
import { createDb, type Db } from './db/client';

export interface Env {
  LIBSQL_URL: string;
  LIBSQL_AUTH_TOKEN?: string;
}

// One client per isolate and URL: creating it per request would throw away its HTTP connection.
const dbs = new Map<string, Db>();
function dbFor(env: Env): Db {
  if (!env.LIBSQL_URL) throw new Error('LIBSQL_URL is not configured');
  const key = `${env.LIBSQL_URL}\0${env.LIBSQL_AUTH_TOKEN ?? ''}`;
  let db = dbs.get(key);
  if (!db) {
    db = createDb(createClient({ url: env.LIBSQL_URL, authToken: env.LIBSQL_AUTH_TOKEN }));
    dbs.set(key, db);
  }
  return db;
}

const yoga = createApp<Env & Record<string, unknown>>({ getDb: dbFor });

export default { fetch: yoga.fetch };
