// `npm run bench:corpus -- 10000 [--force | --upgrade]`: writes bench/.corpus/<size>.db (the runner does this
// itself when a corpus is missing), showing progress, then how long it took and the database size.
// `--upgrade` applies the migrations added since an existing corpus was generated, instead of regenerating it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR, generateCorpus, label, readCorpusInfo, upgradeCorpus } from './corpus/generate';

const dir = CORPUS_DIR;
mkdirSync(dir, { recursive: true });
const sizes = process.argv
  .slice(2)
  .filter((a) => /^\d+$/.test(a))
  .map(Number);
for (const n of sizes.length > 0 ? sizes : [1000]) {
  const path = join(dir, `${label(n)}.db`);
  const existing = process.argv.includes('--force') ? null : readCorpusInfo(path);
  if (existing && process.argv.includes('--upgrade')) {
    const t = performance.now();
    const applied = await upgradeCorpus(path);
    const s = ((performance.now() - t) / 1000).toFixed(1);
    console.log(`${path}: ${applied.length ? `applied ${applied.join(', ')} in ${s} s` : 'already up to date'}`);
    continue;
  }
  const info =
    existing ??
    (await generateCorpus({
      articles: n,
      path,
      progress: (l) => (process.stderr.isTTY ? process.stderr.write(`\r${l}   `) : console.error(l)),
      log: (l) => console.error(process.stderr.isTTY ? `\n${l}` : l),
    }));
  console.log(
    `${path}: ${n} articles, ${existing ? 'already there (generated' : 'generated'} in ${info.seconds.toFixed(1)} s${existing ? ')' : ''}, ${(info.bytes / 2 ** 20).toFixed(0)} MiB`,
  );
}
