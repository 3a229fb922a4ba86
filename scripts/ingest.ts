// npm run ingest -- FILE [--url URL] [--json]: drafts a seed article from a captured page (text or HTML).
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { toYaml } from '../src/ingest/draft';
import { IngestError } from '../src/ingest/errors';
import { ingest } from '../src/ingest/index';
import { openKnowledgeBase } from '../src/ingest/kb-build';
import { formatSummary } from '../src/ingest/report';
import { SEED_DIR } from '../src/seed/load';
import { SeedValidationError } from '../src/seed/problems';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { url: { type: 'string' }, json: { type: 'boolean', default: false }, seed: { type: 'string' } },
});
const file = positionals[0];
if (!file) {
  console.error('usage: npm run ingest -- FILE [--url URL] [--json]');
  process.exit(2);
}
const seedDir = values.seed ?? SEED_DIR;
try {
  let raw: Buffer;
  try {
    raw = readFileSync(file);
  } catch (err) {
    throw new IngestError(`cannot read ${file}: ${(err as Error).message}`);
  }
  const { db, others } = await openKnowledgeBase(seedDir);
  const result = await ingest({
    raw,
    fileName: file,
    url: values.url,
    existing: others.map((o) => ({ id: o.id, body: o.body })),
    others,
    db,
  });
  if (values.json) {
    process.stdout.write(
      `${JSON.stringify({ id: result.id, draft: result.draft, summary: result.summary }, null, 2)}\n`,
    );
  } else {
    const dir = join(seedDir, 'articles');
    writeFileSync(join(dir, `${result.id}.txt`), result.body);
    // No marker of its own: once its review notes are settled, a draft reads like a hand-curated file.
    writeFileSync(join(dir, `${result.id}.yaml`), toYaml(result.draft));
    if (result.summary.conflicts.length > 0)
      appendFileSync(
        join(seedDir, 'conflicts.yaml'),
        `\n${stringify(result.summary.conflicts, { lineWidth: 0 }).replace(/^/gmu, '  ')}`,
      );
    console.log(`wrote articles/${result.id}.txt and articles/${result.id}.yaml`);
    console.log(formatSummary(result.summary));
  }
} catch (err) {
  if (err instanceof IngestError) {
    console.error(`ingest: ${err.message}`);
    if (err.metadata && values.json)
      process.stdout.write(`${JSON.stringify({ error: err.message, metadata: err.metadata }, null, 2)}\n`);
    process.exit(1);
  }
  // The knowledge base the draft is linked against must itself load (a draft still under review refuses it).
  if (err instanceof SeedValidationError) {
    console.error(`ingest: the seed in ${seedDir} does not load, so nothing was drafted or written.\n${err.message}`);
    process.exit(1);
  }
  throw err;
}
