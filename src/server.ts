// Local Node entry: embedded libSQL file by default, migrated and seeded on start (the only writes), then
// served through a read-only handle; GraphiQL offline. Limits come from the environment
// (docs/limits-and-caching.md): a bad value stops the server before it listens.
import { createServer } from 'node:http';
import { createClient } from '@libsql/client';
import { createApp } from './app';
import { nodeConfig } from './config';
import { createDb } from './db/client';
import { readLimits } from './lib/limits';
import { openApiClient } from './lib/readonly';
import { loadSeed } from './seed/load';
import { createStaticHandler } from './static';

const started = performance.now();
const config = nodeConfig();
const limits = readLimits(process.env);
// Writes happen here only: migrations and the seed, on a client that is closed before serving.
const writer = createClient({ url: config.url, authToken: config.authToken });
const seeded = await loadSeed(writer);
let api = { client: writer, readOnly: false };
if (config.url.startsWith('file:')) {
  writer.close();
  api = await openApiClient(config.url, config.authToken);
}
const client = api.client;
const db = createDb(client);
const yoga = createApp<{ req?: { socket?: { remoteAddress?: string } } }>({
  getDb: () => db,
  limits,
  // The cost budget is per client: its address as the socket sees it (behind a proxy, the proxy's).
  clientKey: (_request, ctx) => ctx.req?.socket?.remoteAddress ?? 'anonymous',
  // GraphiQL with its assets inlined (works offline), loaded on the first visit: it is a large module
  // and would otherwise delay the first answer to API requests.
  renderGraphiQL: async (options) => (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(options),
});

// The explorer (web/dist) at `/`; GraphiQL and the API stay at /graphql.
const serveStatic = createStaticHandler(new URL('../web/dist', import.meta.url).pathname);
const server = createServer((req, res) => {
  if (serveStatic(req, res)) return;
  yoga(req, res);
});

server.listen(config.port, () => {
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const ms = Math.round(performance.now() - started);
  console.log(
    `GraphQL ready at http://localhost:${port}/graphql, explorer at http://localhost:${port}/ (dataset ${seeded.version}${seeded.skipped ? '' : ', freshly loaded'}; ${api.readOnly ? 'read-only handle' : 'remote database: use a read-only token'}; ${ms} ms)`,
  );
});

const stop = () => {
  server.close();
  client.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
