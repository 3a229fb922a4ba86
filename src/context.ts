import type { Db } from './db/client';

/** What every resolver sees. Built per request from the server context (Node) or `env` (Worker). */
export interface Context {
  db: Db;
}
