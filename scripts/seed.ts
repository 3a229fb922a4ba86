// Migrates and loads seed/ into LIBSQL_URL in one transaction, writing only what changed since the last
// load. `--force` writes every unit again; `--prune` removes articles that seed/ no longer has;
// `--seed DIR` loads another seed folder (same layout as seed/).
import { parseArgs } from 'node:util';
import { createClient } from '@libsql/client';
import { nodeConfig } from '../src/config';
import { loadSeed } from '../src/seed/load';
import { SeedValidationError } from '../src/seed/plan';

const { values } = parseArgs({
  options: {
    force: { type: 'boolean', default: false },
    prune: { type: 'boolean', default: false },
    seed: { type: 'string' },
  },
});
const { url, authToken } = nodeConfig();
const client = createClient({ url, authToken });
try {
  const t = performance.now();
  const r = await loadSeed(client, { dir: values.seed, force: values.force, prune: values.prune });
  const s = ((performance.now() - t) / 1000).toFixed(1);
  console.log(
    r.skipped
      ? `dataset ${r.version} already loaded`
      : `loaded dataset ${r.version} (${r.mode}: ${r.written} unit(s) written, ${r.removed} removed) in ${s} s`,
  );
  if (r.kept.length > 0)
    console.log(
      `kept ${r.kept.length} article(s) absent from seed/ (npm run db:seed -- --prune removes them): ${r.kept.join(', ')}`,
    );
  for (const [table, n] of Object.entries(r.counts)) console.log(`  ${table.padEnd(20)} ${n}`);
} catch (err) {
  if (!(err instanceof SeedValidationError)) throw err;
  console.error(err.message);
  process.exitCode = 1;
} finally {
  client.close();
}
