// Validates the seed without touching any database: prints every problem and every `review:` note still
// in it (file, entry, reason), or the counts.
import { planFromSource, readSeedSource, seedVersion, TABLE_ORDER } from '../src/seed/load';
import { SeedValidationError } from '../src/seed/plan';

const source = await readSeedSource(process.argv[2]);
try {
  const plan = planFromSource(source);
  console.log(`seed ok (version ${seedVersion(source)})`);
  for (const t of TABLE_ORDER) console.log(`  ${t.padEnd(20)} ${plan.tables[t]?.length ?? 0}`);
} catch (err) {
  if (!(err instanceof SeedValidationError)) throw err;
  console.error(err.message);
  process.exitCode = 1;
}
