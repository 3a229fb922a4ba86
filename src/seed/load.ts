// Node side of the seed: reads seed/ from disk and loads it into a database in a single atomic batch.
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
import { existingIds, incrementalStatements } from './apply';
import { closeOverLinks, planUnits, unitsVersion } from './incremental';
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

/** The dataset version a database holding exactly this seed has (see unitsVersion). */
export function seedVersion(source: SeedSource): string {
  return unitsVersion([...planUnits(planFromSource(source)).values()].map((u): [string, string] => [u.key, u.digest]));
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

export interface LoadOptions {
  dir?: string;
  /** Write every unit of the seed again, changed or not. */
  force?: boolean;
  /** Remove the articles an earlier load wrote that seed/ no longer has (kept otherwise). */
  prune?: boolean;
}

export interface LoadResult {
  version: string;
  skipped: boolean;
  counts: Record<string, number>;
  /** How the load went: `full` rewrote the database, `incremental` wrote only the changed units. */
  mode: 'full' | 'incremental' | 'none';
  /** Units written (articles, entities, events, conflicts) and units removed. */
  written: number;
  removed: number;
  /** Slugs of articles loaded earlier and absent from seed/, kept because `prune` was not set. */
  kept: string[];
}

const count = async (client: Client, sql: string) => Number((await client.execute(sql)).rows[0]?.n ?? 0);

/**
 * Migrates, validates and loads the seed. Validation happens before anything is written, and the write
 * itself is one batch (a single transaction): a failed load leaves the database as it was, and readers
 * never see part of one. Only units whose rows changed are written (./incremental), with the derived
 * tables and the search index brought up to date for what they touch; when every article of the database
 * is written anyway (a first load, `force`), it is rebuilt whole. Rows no earlier load of the seed wrote
 * (another corpus in the same database) are left alone; articles gone from seed/ are removed only with
 * `prune`. The dataset version is a digest of the loaded units: it changes exactly when a load does.
 */
export async function loadSeed(client: Client, opts: LoadOptions = {}): Promise<LoadResult> {
  await migrate(client);
  const source = await readSeedSource(opts.dir);
  const plan = planFromSource(source);
  const counts = Object.fromEntries(TABLE_ORDER.map((t) => [t, plan.tables[t]?.length ?? 0]));
  const units = planUnits(plan);

  const stored = new Map(
    (await client.execute('SELECT unit, row_id, digest FROM seed_units')).rows.map((r) => [
      String(r.unit),
      { rowId: Number(r.row_id), digest: String(r.digest) },
    ]),
  );
  const existing = await existingIds(client, units.values());
  // No dataset row: never loaded, or a migration asked for everything to be written again (0003, 0006).
  const current = await client.execute('SELECT version FROM dataset WHERE id = 1');
  const force = opts.force || current.rows.length === 0;
  const write = new Set<string>();
  for (const u of units.values())
    if (force || stored.get(u.key)?.digest !== u.digest || !existing.has(u.key)) write.add(u.key);
  closeOverLinks(units, write);
  const gone = [...stored].filter(([k]) => !units.has(k));
  const goneArticles = gone.filter(([k]) => k.startsWith('articles:'));
  const remove = gone
    .filter(([k]) => opts.prune || !k.startsWith('articles:'))
    .map(([key, v]) => ({ key, table: key.slice(0, key.indexOf(':')), rowId: v.rowId }));
  const kept = opts.prune ? [] : goneArticles.map(([k]) => k.slice('articles:'.length));
  const version = unitsVersion([
    ...[...units.values()].map((u): [string, string] => [u.key, u.digest]),
    ...goneArticles.filter(() => !opts.prune).map(([k, v]): [string, string] => [k, v.digest]),
  ]);
  const base = { version, counts, removed: remove.length, kept };
  if (write.size === 0 && remove.length === 0 && current.rows[0]?.version === version)
    return { ...base, skipped: true, mode: 'none', written: 0 };

  // Rebuild whole when the database holds nothing but the articles this load writes (and their entities).
  const writeArticles = [...write].filter((k) => k.startsWith('articles:') && existing.has(k)).length;
  const removeArticles = remove.filter((r) => r.table === 'articles').length;
  const entityTables = [...new Set([...units.values()].map((u) => u.table))].filter((t) => t !== 'articles');
  const inPlan = (t: string) => [...units.values()].filter((u) => u.table === t && existing.has(u.key)).length;
  let full = (await count(client, 'SELECT count(*) AS n FROM articles')) === writeArticles + removeArticles;
  for (const t of entityTables) {
    if (!full) break;
    const removing = remove.filter((r) => r.table === t).length;
    full = (await count(client, `SELECT count(*) AS n FROM ${t}`)) === inPlan(t) + removing;
  }
  const datasetRow: InStatement = {
    sql: 'INSERT INTO dataset (id, version, loaded_at) VALUES (1, ?, ?)',
    args: [version, new Date().toISOString()],
  };
  const statements: InStatement[] = full
    ? [
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
        'DELETE FROM seed_units',
        ...insertStatements(
          'seed_units',
          [...units.values()].map((u) => ({ unit: u.key, row_id: u.planId, digest: u.digest })),
        ),
        datasetRow,
      ]
    : [
        ...(await incrementalStatements(
          client,
          units,
          [...units.values()].filter((u) => write.has(u.key)),
          remove,
          existing,
          TABLE_ORDER,
          insertStatements,
        )),
        'DELETE FROM dataset',
        datasetRow,
      ];
  await client.batch(statements, 'write');
  return { ...base, skipped: false, mode: full ? 'full' : 'incremental', written: full ? units.size : write.size };
}
