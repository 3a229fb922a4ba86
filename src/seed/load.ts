// Node side of the seed: reads seed/ from disk and loads it into a database in a single atomic batch.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Client, InStatement } from '@libsql/client';
import { parse as parseYaml } from 'yaml';
import { DERIVED_STATEMENTS } from '../db/derived';
import { migrate } from '../db/migrate';
import {
  buildSearchDocuments,
  SEARCH_CLEAR_STATEMENTS,
  SEARCH_DOCUMENTS_TABLE,
  SEARCH_REBUILD_STATEMENT,
} from '../search/indexer';
import { buildPlan, type Plan, type Row, type SeedSource } from './plan';

export const SEED_DIR = fileURLToPath(new URL('../../seed/', import.meta.url));

// Parents before children; deletes run in the reverse order.
export const TABLE_ORDER = [
  'organizations',
  'places',
  'people',
  'documents',
  'projects',
  'project_components',
  'project_partners',
  'articles',
  'article_content',
  'article_authors',
  'events',
  'event_documents',
  'event_reports',
  'event_participants',
  'roles',
  'quotes',
  'quote_documents',
  'mentions',
  'conflicts',
  'conflict_claims',
] as const;

export async function readSeedSource(dir = SEED_DIR): Promise<SeedSource> {
  const articleDir = join(dir, 'articles');
  const names = (await readdir(articleDir)).sort();
  const texts = names.filter((n) => n.endsWith('.txt'));
  const yamls = new Set(names.filter((n) => n.endsWith('.yaml')));
  const articles = await Promise.all(
    texts.map(async (n) => {
      const id = basename(n, '.txt');
      const yamlName = `${id}.yaml`;
      const body = (await readFile(join(articleDir, n), 'utf8')).normalize('NFC');
      const yamlText = yamls.has(yamlName) ? await readFile(join(articleDir, yamlName), 'utf8') : '';
      return { id, body, yaml: { name: `articles/${yamlName}`, text: yamlText } };
    }),
  );
  for (const y of yamls) {
    if (!texts.includes(y.replace(/\.yaml$/, '.txt'))) {
      articles.push({
        id: basename(y, '.yaml'),
        body: '',
        yaml: { name: `articles/${y}`, text: await readFile(join(articleDir, y), 'utf8') },
      });
    }
  }
  let conflicts: SeedSource['conflicts'];
  try {
    conflicts = { name: 'conflicts.yaml', text: await readFile(join(dir, 'conflicts.yaml'), 'utf8') };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  return { articles, conflicts };
}

/** A hash of every seed file: the dataset version changes exactly when the seed does. */
export function seedVersion(source: SeedSource): string {
  const h = createHash('sha256');
  for (const a of [...source.articles].sort((x, y) => x.id.localeCompare(y.id))) {
    h.update(`${a.id}\0${a.body}\0${a.yaml.text}\0`);
  }
  h.update(`conflicts\0${source.conflicts?.text ?? ''}`);
  return h.digest('hex').slice(0, 16);
}

export function planFromSource(source: SeedSource): Plan {
  return buildPlan(source, (text) => parseYaml(text, { uniqueKeys: true }));
}

const MAX_VARS = 30_000;

export function insertStatements(table: string, rows: Row[]): InStatement[] {
  if (rows.length === 0) return [];
  const cols = Object.keys(rows[0] as Row);
  const perStmt = Math.max(1, Math.floor(MAX_VARS / cols.length));
  const out: InStatement[] = [];
  for (let i = 0; i < rows.length; i += perStmt) {
    const chunk = rows.slice(i, i + perStmt);
    const tuple = `(${cols.map(() => '?').join(', ')})`;
    out.push({
      sql: `INSERT INTO ${table} (${cols.map((c) => `"${c}"`).join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')}`,
      args: chunk.flatMap((r) => cols.map((c) => r[c] ?? null)),
    });
  }
  return out;
}

export interface LoadResult {
  version: string;
  skipped: boolean;
  counts: Record<string, number>;
}

/**
 * Migrates, validates and loads the seed. Validation happens before anything is written, and the
 * write itself is one batch (a single transaction): a failed load leaves the database as it was.
 * Loading the same seed again is a no-op unless `force` is set.
 */
export async function loadSeed(client: Client, opts: { dir?: string; force?: boolean } = {}): Promise<LoadResult> {
  await migrate(client);
  const source = await readSeedSource(opts.dir);
  const plan = planFromSource(source);
  const version = seedVersion(source);
  const counts = Object.fromEntries(TABLE_ORDER.map((t) => [t, plan.tables[t]?.length ?? 0]));
  const current = await client.execute('SELECT version FROM dataset WHERE id = 1');
  if (!opts.force && current.rows[0]?.version === version) return { version, skipped: true, counts };

  const statements: InStatement[] = [
    // Facts and their evidence mentions point at each other; check foreign keys at commit, not per row.
    'PRAGMA defer_foreign_keys = ON',
    'DELETE FROM dataset',
    // Derived tables reference the facts, so they are emptied first (the rebuild starts with deletes).
    ...DERIVED_STATEMENTS.filter((s) => /^(DELETE|UPDATE)/.test(s)),
    ...SEARCH_CLEAR_STATEMENTS,
    ...[...TABLE_ORDER].reverse().map((t) => `DELETE FROM ${t}`),
    ...TABLE_ORDER.flatMap((t) => insertStatements(t, plan.tables[t] ?? [])),
    ...DERIVED_STATEMENTS,
    // The search index (src/search/indexer.ts), built from the same plan, in the same transaction.
    ...insertStatements(SEARCH_DOCUMENTS_TABLE, buildSearchDocuments(plan.tables)),
    SEARCH_REBUILD_STATEMENT,
    { sql: 'INSERT INTO dataset (id, version, loaded_at) VALUES (1, ?, ?)', args: [version, new Date().toISOString()] },
  ];
  await client.batch(statements, 'write');
  return { version, skipped: false, counts };
}
