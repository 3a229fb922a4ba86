// Migrates and loads seed/ into LIBSQL_URL in one transaction. `--force` reloads an unchanged seed.
import { createClient } from '@libsql/client';
import { nodeConfig } from '../src/config';
import { loadSeed } from '../src/seed/load';
import { SeedValidationError } from '../src/seed/plan';

const { url, authToken } = nodeConfig();
const client = createClient({ url, authToken });
try {
  const r = await loadSeed(client, { force: process.argv.includes('--force') });
  console.log(r.skipped ? `dataset ${r.version} already loaded` : `loaded dataset ${r.version}`);
  for (const [table, n] of Object.entries(r.counts)) console.log(`  ${table.padEnd(20)} ${n}`);
} catch (err) {
  if (!(err instanceof SeedValidationError)) throw err;
  console.error(err.message);
  process.exitCode = 1;
} finally {
  client.close();
}
