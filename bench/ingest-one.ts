// `npm run bench:ingest -- [articles]`: the cost of adding one article to a large knowledge base. Copies
// the bench corpus (bench/.corpus/<size>.db, 100k articles by default; `npm run bench:corpus -- 100000`
// writes it), applies the pending migrations, loads seed/ into it (the corpus holds none of the seed's
// articles), then adds one new article to a copy of seed/ and times `loadSeed` on it: validation, the
// diff against `seed_units`, and the one write batch with its derived-table and search updates.
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { migrate } from '../src/db/migrate';
import { loadSeed, SEED_DIR } from '../src/seed/load';
import { CORPUS_DIR, label } from './corpus/generate';

const size = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 100_000);
const corpus = join(CORPUS_DIR, `${label(size)}.db`);
if (!existsSync(corpus)) {
  console.error(`${corpus} is missing: run \`npm run bench:corpus -- ${size}\` first.`);
  process.exit(1);
}
const work = join(CORPUS_DIR, `${label(size)}.ingest.db`);
const seconds = (t: number) => `${((performance.now() - t) / 1000).toFixed(2)} s`;

let t = performance.now();
rmSync(`${work}-journal`, { force: true });
copyFileSync(corpus, work);
console.log(`copied ${corpus} in ${seconds(t)}`);

const seed = mkdtempSync(join(tmpdir(), 'ingest-seed-'));
const client = createClient({ url: `file:${work}` });
try {
  cpSync(SEED_DIR, seed, { recursive: true });
  t = performance.now();
  const applied = await migrate(client);
  console.log(`migrations ${applied.join(', ') || '(none pending)'} in ${seconds(t)}`);
  t = performance.now();
  const first = await loadSeed(client, { dir: seed });
  console.log(`seed/ into the corpus: ${first.mode}, ${first.written} units, ${seconds(t)}`);

  // One new article: the text of a seed article under a new file name, with its own slug and day.
  const dir = join(seed, 'articles');
  const base = '002_4d44dfa6042bb869';
  const file = '005_0000000000bench1';
  cpSync(join(dir, `${base}.txt`), join(dir, `${file}.txt`));
  writeFileSync(
    join(dir, `${file}.yaml`),
    readFileSync(join(dir, `${base}.yaml`), 'utf8')
      .replace(/^ {2}slug: \S+/m, '  slug: bench-ingest-one')
      .replace(/^ {2}added: "[^"]+"/m, `  added: "${new Date().toISOString().slice(0, 10)}"`),
  );
  t = performance.now();
  const one = await loadSeed(client, { dir: seed });
  const took = (performance.now() - t) / 1000;
  console.log(`ADD ONE ARTICLE: ${one.mode}, ${one.written} unit(s) written, ${took.toFixed(2)} s (target < 5 s)`);

  t = performance.now();
  const again = await loadSeed(client, { dir: seed });
  console.log(`unchanged seed again: ${again.skipped ? 'skipped' : 'written'} in ${seconds(t)}`);
  const n = (await client.execute('SELECT count(*) AS n FROM articles')).rows[0]?.n;
  const found = (await client.execute("SELECT count(*) AS n FROM articles WHERE slug = 'bench-ingest-one'")).rows[0]?.n;
  console.log(`articles now: ${n} (the new one ${Number(found) === 1 ? 'present' : 'MISSING'})`);
  if (Number(found) !== 1) process.exitCode = 1;
} finally {
  client.close();
  rmSync(seed, { recursive: true, force: true });
  rmSync(work, { force: true });
}
