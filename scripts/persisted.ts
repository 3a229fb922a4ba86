// Writes persisted-operations.json (SHA-256 of each document → document) from operations/*.graphql: the
// canonical operations of the frontend pages. Each document must validate against the schema and stay
// within the default limits; a test fails when the committed manifest is stale.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse, validate } from 'graphql';
import { operationCost } from '../src/lib/cost';
import { DEFAULT_LIMITS } from '../src/lib/limits';
import { manifestOf } from '../src/lib/persisted';
import { schema } from '../src/schema';

export const OPERATIONS_DIR = fileURLToPath(new URL('../operations/', import.meta.url));
export const MANIFEST_FILE = fileURLToPath(new URL('../persisted-operations.json', import.meta.url));

/** The operation documents, exactly as stored (the hash is over these bytes), in file-name order. */
export function readOperations(dir = OPERATIONS_DIR): Array<{ file: string; document: string }> {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((file) => ({ file, document: readFileSync(join(dir, file), 'utf8') }));
}

/** Checks every operation (valid, within the default cost) and returns the manifest's JSON text. */
export async function buildManifest(dir = OPERATIONS_DIR): Promise<string> {
  const ops = readOperations(dir);
  for (const { file, document } of ops) {
    const doc = parse(document);
    const errors = validate(schema, doc);
    if (errors.length) throw new Error(`${file}: ${errors.map((e) => e.message).join('; ')}`);
    const cost = operationCost(schema, { document: doc });
    if (cost > DEFAULT_LIMITS.maxQueryCost) {
      throw new Error(`${file}: cost ${cost} is above MAX_QUERY_COST ${DEFAULT_LIMITS.maxQueryCost}`);
    }
  }
  return `${JSON.stringify(await manifestOf(ops.map((o) => o.document)), null, 2)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(MANIFEST_FILE, await buildManifest());
  console.log(`wrote ${MANIFEST_FILE} (${readOperations().length} operations)`);
}
