// Configuration from the environment, with the defaults documented in README.md.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const DEFAULT_DB_FILE = fileURLToPath(new URL('../.data/knowledge.db', import.meta.url));

export interface NodeConfig {
  url: string;
  authToken: string | undefined;
  port: number;
}

export function nodeConfig(env: NodeJS.ProcessEnv = process.env): NodeConfig {
  let url = env.LIBSQL_URL?.trim();
  if (!url) {
    // The embedded database lives in the repo's ignored .data/ folder; create the folder on first use.
    mkdirSync(new URL('../.data/', import.meta.url), { recursive: true });
    url = `file:${DEFAULT_DB_FILE}`;
  }
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a TCP port, got '${env.PORT}'`);
  return { url, authToken: env.LIBSQL_AUTH_TOKEN || undefined, port };
}
