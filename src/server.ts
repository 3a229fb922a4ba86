// Local Node entry: embedded libSQL file by default, migrated and seeded on start, GraphiQL offline.
import { createServer } from 'node:http';
import { createClient } from '@libsql/client';
import { createApp } from './app';
import { nodeConfig } from './config';
import { createDb } from './db/client';
import { loadSeed } from './seed/load';

const started = performance.now();
const config = nodeConfig();
const client = createClient({ url: config.url, authToken: config.authToken });
const seeded = await loadSeed(client);
const db = createDb(client);
const yoga = createApp({
  getDb: () => db,
  // GraphiQL with its assets inlined (works offline), loaded on the first visit: it is a large module
  // and would otherwise delay the first answer to API requests.
  renderGraphiQL: async (options) => (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(options),
});

const server = createServer((req, res) => {
  if (req.url === '/' || req.url === '') {
    res.writeHead(302, { location: '/graphql' }).end();
    return;
  }
  yoga(req, res);
});

server.listen(config.port, () => {
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const ms = Math.round(performance.now() - started);
  console.log(
    `GraphQL ready at http://localhost:${port}/graphql (dataset ${seeded.version}${seeded.skipped ? '' : ', freshly loaded'}; ${ms} ms)`,
  );
});

const stop = () => {
  server.close();
  client.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
