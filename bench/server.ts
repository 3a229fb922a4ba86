// The bench's HTTP server: one Node process over one corpus file, serving our API (/graphql), baseline A
// (/a, hand-written SQL) and baseline B (/b, naive resolvers) on the same node:http stack. A request
// with `x-bench-count: 1` goes through a statement-counting client; GET /__statements reads and resets
// the count (used only for single, un-timed requests). Usage: tsx bench/server.ts <db file> [port]
import { createServer, type IncomingMessage } from 'node:http';
import { createYoga } from 'graphql-yoga';
import { createApp } from '../src/app';
import { createDb } from '../src/db/client';
import { openApiClient } from '../src/lib/readonly';
import { countingClient } from '../tests/helpers/harness';
import { baselineA } from './baseline-a';
import { baselineBSchema } from './baseline-b';
import type { OperationName, Variables } from './workload';

const [file, portArg] = process.argv.slice(2);
if (!file) throw new Error('usage: tsx bench/server.ts <db file> [port]');
// The Node server's read handle (query-only, statements kept), for ours and both baselines alike.
const { client } = await openApiClient(`file:${file}`);
const log: string[] = [];
const counted = countingClient(client, log);

const counting = (req: IncomingMessage) => req.headers['x-bench-count'] === '1';
const plainDb = createDb(client);
const countedDb = createDb(counted);
// Production defaults except two limits: the per-client cost budget (one load generator on 127.0.0.1 is one
// client, and the budget would throttle it to its restore rate) and the execution timeout (slow operations
// are measured rather than cut at 5 s; the runner bounds them itself).
const ours = createApp<{ req: IncomingMessage }>({
  getDb: ({ req }) => (counting(req) ? countedDb : plainDb),
  limits: { costBudget: 1_000_000_000, costRestoreRate: 1_000_000_000, executionTimeoutMs: 600_000 },
});
const yogaB = (c: typeof client) =>
  createYoga({ schema: baselineBSchema(c), graphqlEndpoint: '/b', landingPage: false, graphiql: false });
const bPlain = yogaB(client);
const bCounted = yogaB(counted);
const aPlain = baselineA(client);
const aCounted = baselineA(counted);

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const server = createServer((req, res) => {
  const url = req.url ?? '/';
  if (url.startsWith('/graphql')) return void ours(req, res);
  if (url.startsWith('/b')) return void (counting(req) ? bCounted : bPlain)(req, res);
  if (url === '/a' && req.method === 'POST') {
    void (async () => {
      try {
        const { op, variables } = JSON.parse(await body(req)) as { op: OperationName; variables: Variables };
        const text = await (counting(req) ? aCounted : aPlain)[op](variables);
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(text);
      } catch (err) {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(String((err as Error).stack ?? err));
      }
    })();
    return;
  }
  if (url === '/__statements') {
    const n = log.length;
    log.length = 0;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ statements: n }));
    return;
  }
  if (url === '/__ping') return void res.writeHead(200).end('ok');
  res.writeHead(404).end();
});

server.listen(Number(portArg ?? 0), '127.0.0.1', () => {
  const addr = server.address();
  // The runner waits for this line.
  console.log(`READY ${typeof addr === 'object' && addr ? addr.port : portArg}`);
});
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    server.close();
    client.close();
    process.exit(0);
  });
}
