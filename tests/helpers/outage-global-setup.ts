// globalSetup of the `worker` project, for tests/worker/database-outage.test.ts: a second seeded sqld that
// the test can stop and start again (workerd cannot run processes), through a small HTTP control server
// on loopback: POST /stop, POST /start. Both go away in the teardown.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from '@libsql/client';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../src/db/migrate';
import { loadSeed } from '../../src/seed/load';
import { restartableSqld } from './restartable-sqld';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const sqld = await restartableSqld();
  const client = createClient({ url: sqld.url });
  try {
    await migrate(client);
    await loadSeed(client);
  } catch (err) {
    await sqld.close();
    throw err;
  } finally {
    client.close();
  }
  const control = createServer((req, res) => {
    const action = req.method === 'POST' ? { '/stop': sqld.stop, '/start': sqld.start }[req.url ?? ''] : undefined;
    if (!action) {
      res.writeHead(404).end();
      return;
    }
    action().then(
      () => res.writeHead(204).end(),
      (err: Error) => res.writeHead(500).end(err.message),
    );
  });
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
  project.provide('outageLibsqlUrl', sqld.url);
  project.provide('outageControlUrl', `http://127.0.0.1:${(control.address() as AddressInfo).port}`);
  return async () => {
    await new Promise((resolve) => control.close(resolve));
    await sqld.close();
  };
}
