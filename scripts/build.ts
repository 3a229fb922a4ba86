// `npm run build`: bundles the Worker exactly as `wrangler deploy` would (offline, nothing uploaded) into
// dist/, then prints the bundle's raw and gzip size, and fails above the project's budget of 256 KiB
// gzip (Workers limit the compressed size of a script; the free plan's limit is larger, the budget keeps
// cold starts short).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT, wranglerCommand, wranglerEnv } from './wrangler';

const OUT = join(ROOT, 'dist');
rmSync(OUT, { recursive: true, force: true });

const [cmd, argv] = wranglerCommand(['deploy', '--dry-run', '--outdir', 'dist', '--minify']);
const run = spawnSync(cmd, argv, { cwd: ROOT, stdio: 'inherit', env: wranglerEnv() });
if (run.status !== 0) {
  console.error(`wrangler deploy --dry-run failed (${run.status ?? run.signal})`);
  process.exit(1);
}

const modules = readdirSync(OUT).filter((f) => /\.(m?js|wasm)$/.test(f));
if (modules.length === 0) {
  console.error(`no bundle in ${OUT}`);
  process.exit(1);
}
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
let raw = 0;
let gz = 0;
for (const f of modules) {
  const bytes = readFileSync(join(OUT, f));
  const zipped = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gz += zipped;
  console.log(`dist/${f}: ${kib(bytes.length)} raw, ${kib(zipped)} gzip`);
}
if (modules.length > 1) console.log(`total: ${kib(raw)} raw, ${kib(gz)} gzip`);

const GZIP_BUDGET_BYTES = 256 * 1024;
if (gz > GZIP_BUDGET_BYTES) {
  console.error(`The Worker bundle is ${kib(gz)} gzip, over the budget of ${kib(GZIP_BUDGET_BYTES)}.`);
  process.exit(1);
}
console.log(`within the budget of ${kib(GZIP_BUDGET_BYTES)} gzip (${kib(GZIP_BUDGET_BYTES - gz)} left)`);
