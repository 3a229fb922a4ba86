// `npm run dev`: the Worker under `wrangler dev`, against a throwaway local sqld migrated and seeded from
// migrations/ and seed/. Extra arguments go to wrangler (`npm run dev -- --port 9000`). Ctrl-C stops all.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { createClient } from '@libsql/client';
import { migrate } from '../src/db/migrate';
import { loadSeed } from '../src/seed/load';
import { startSqld } from './sqld';
import { ROOT, wranglerCommand, wranglerEnv } from './wrangler';

const sqld = await startSqld();
try {
  // The Worker only reads; the schema and data go in over HTTP, exactly as against Turso.
  const client = createClient({ url: sqld.url });
  try {
    const applied = await migrate(client);
    const seeded = await loadSeed(client);
    const articles = seeded.counts.articles ?? 0;
    console.log(
      `sqld ${sqld.url}: ${applied.length} migration(s) applied, dataset ${seeded.version} (${articles} articles)`,
    );
  } finally {
    client.close();
  }
} catch (err) {
  await sqld.stop();
  throw err;
}

const extra = process.argv.slice(2);
const port = extra.some((a) => a === '--port' || a.startsWith('--port=')) ? [] : ['--port', '8787'];
const [cmd, argv] = wranglerCommand(['dev', ...port, '--var', `LIBSQL_URL:${sqld.url}`, ...extra]);
const wrangler = spawn(cmd, argv, { cwd: ROOT, stdio: 'inherit', env: wranglerEnv() });

// wrangler exits on its own (its `x` hotkey, a crash) or after we forward a signal: either way sqld goes too.
wrangler.on('exit', (code, signal) => {
  void sqld.stop().finally(() => {
    process.exit(code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1));
  });
});

let signalled = 0;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    signalled++;
    if (wrangler.exitCode !== null || wrangler.signalCode !== null) return;
    // First signal: let wrangler shut workerd down itself. A second one, or a hang, forces it.
    wrangler.kill(signalled > 1 ? 'SIGKILL' : sig);
    setTimeout(() => wrangler.kill('SIGKILL'), 10_000).unref();
  });
}
