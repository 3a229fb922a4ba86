// The statements of an incremental load: the rows of the units that changed replace their old rows, the
// derived tables and the search index are recomputed for what that touched (src/db/derived-touched.ts),
// and units the seed no longer has are removed. One batch, so one transaction.
import type { Client, InStatement } from '@libsql/client';
import { TOUCHED_DERIVED_STATEMENTS, TOUCHED_REACH_STATEMENTS } from '../db/derived-touched';
import { buildSearchDocuments, SEARCH_DOCUMENTS_TABLE } from '../search/indexer';
import { REFERENCES } from './ids';
import { ARTICLE_TABLES, CHILDREN, SEARCH_TYPE_OF, type Unit } from './incremental';
import type { Row } from './plan';

/** Tables whose rows get fresh ids when their unit is written again (the rest keep theirs, found by slug). */
const FRESH_ID_TABLES = ['mentions', 'roles', 'quotes', 'event_participants', 'conflict_claims'];

const chunk = <T>(xs: T[], n: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
};

/** The id each unit's row has in the database (found by slug), by unit key; absent when it has none. */
export async function existingIds(client: Client, units: Iterable<Unit>): Promise<Map<string, number>> {
  const byTable = new Map<string, string[]>();
  for (const u of units) byTable.set(u.table, [...(byTable.get(u.table) ?? []), u.slug]);
  const out = new Map<string, number>();
  for (const [table, slugs] of byTable) {
    for (const part of chunk(slugs, 500)) {
      const rs = await client.execute({
        sql: `SELECT id, slug FROM ${table} WHERE slug IN (${part.map(() => '?').join(', ')})`,
        args: part,
      });
      for (const r of rs.rows) out.set(`${table}:${r.slug}`, Number(r.id));
    }
  }
  return out;
}

async function maxIds(client: Client, tables: string[]): Promise<Map<string, number>> {
  const rs = await client.execute(
    `SELECT ${tables.map((t) => `(SELECT coalesce(max(id), 0) FROM ${t}) AS "${t}"`).join(', ')}`,
  );
  const row = rs.rows[0] as Record<string, unknown>;
  return new Map(tables.map((t) => [t, Number(row[t])]));
}

const ids = (xs: number[]) => (xs.length ? xs.join(', ') : 'NULL');

/**
 * The batch that writes `write`, removes `remove` (a unit that other rows still name stays), and brings
 * the derived tables and the search index up to date for both. `insert` turns plan rows into INSERTs.
 */
export async function incrementalStatements(
  client: Client,
  all: Map<string, Unit>,
  write: Unit[],
  remove: Array<{ key: string; table: string; rowId: number }>,
  existing: Map<string, number>,
  tableOrder: readonly string[],
  insert: (table: string, rows: Row[]) => InStatement[],
): Promise<InStatement[]> {
  // Ids: a unit row keeps the id its slug has in the database, a new one takes the next free id; the
  // rows an article states are all written again, under fresh ids.
  const unitTables = [...new Set([...all.values()].map((u) => u.table))];
  const max = await maxIds(client, [...unitTables, ...FRESH_ID_TABLES, SEARCH_DOCUMENTS_TABLE]);
  const idMap = new Map<string, Map<number, number>>();
  const mapOf = (t: string) => {
    const m = idMap.get(t) ?? new Map<number, number>();
    idMap.set(t, m);
    return m;
  };
  const fresh = (t: string) => {
    const n = (max.get(t) ?? 0) + 1;
    max.set(t, n);
    return n;
  };
  for (const u of all.values()) {
    const id = existing.get(u.key);
    if (id !== undefined) mapOf(u.table).set(u.planId, id);
  }
  const writing = [...write].sort((a, b) => a.planId - b.planId);
  for (const u of writing) if (!existing.has(u.key)) mapOf(u.table).set(u.planId, fresh(u.table));
  for (const t of FRESH_ID_TABLES) {
    const rows = writing.flatMap((u) => u.rows[t] ?? []).sort((a, b) => Number(a.id) - Number(b.id));
    for (const r of rows) mapOf(t).set(Number(r.id), fresh(t));
  }
  const mapRow = (table: string, r: Row): Row => {
    const out: Row = { ...r };
    if ('id' in r) {
      const own = idMap.get(table)?.get(Number(r.id));
      if (own === undefined) throw new Error(`incremental load: no id for ${table} ${r.id}`);
      out.id = own;
    }
    for (const [col, target] of Object.entries(REFERENCES[table] ?? {})) {
      if (!(col in r) || r[col] === null) continue;
      const v = idMap.get(target)?.get(Number(r[col]));
      if (v === undefined) throw new Error(`incremental load: ${table}.${col} names ${target} ${r[col]}, not written`);
      out[col] = v;
    }
    return out;
  };
  const rowsOf = (units: Unit[], table: string) =>
    units.flatMap((u) => u.rows[table] ?? []).map((r) => mapRow(table, r));

  const writtenArticles = writing.filter((u) => u.table === 'articles');
  const writtenUnits = writing.filter((u) => u.table !== 'articles');
  const dbId = (u: Unit) => idMap.get(u.table)?.get(u.planId) as number;
  const touchedArticles = [
    ...writtenArticles.map(dbId),
    ...remove.filter((r) => r.table === 'articles').map((r) => r.rowId),
  ];
  const touchedEvents = [
    ...writtenUnits.filter((u) => u.table === 'events').map(dbId),
    ...remove.filter((r) => r.table === 'events').map((r) => r.rowId),
  ];
  const A = `(SELECT id FROM seed_touched WHERE kind = 'a' AND key = '')`;
  const s: InStatement[] = [
    'PRAGMA defer_foreign_keys = ON',
    'DELETE FROM seed_touched',
    ...chunk(touchedArticles, 500).map(
      (c) => `INSERT OR IGNORE INTO seed_touched (kind, id) VALUES ${c.map((id) => `('a', ${id})`).join(', ')}`,
    ),
    ...chunk(touchedEvents, 500).map(
      (c) => `INSERT OR IGNORE INTO seed_touched (kind, id) VALUES ${c.map((id) => `('e', ${id})`).join(', ')}`,
    ),
    ...TOUCHED_REACH_STATEMENTS,
  ];

  // Search rows of what is rewritten go first (the FTS index needs the old text to forget it).
  const searchUnits = writtenUnits.filter((u) => SEARCH_TYPE_OF[u.table] && existing.has(u.key));
  for (const c of chunk(searchUnits, 500))
    s.push(
      `INSERT OR IGNORE INTO seed_touched (kind, key, id) VALUES ${c.map((u) => `('sd', '${SEARCH_TYPE_OF[u.table]}', ${dbId(u)})`).join(', ')}`,
    );
  for (const where of [
    `entity_type = 'ARTICLE' AND entity_id IN ${A}`,
    `entity_type = 'QUOTE' AND entity_id IN (SELECT id FROM quotes WHERE article_id IN ${A})`,
    `(entity_type, entity_id) IN (SELECT key, id FROM seed_touched WHERE kind = 'sd')`,
  ]) {
    s.push(
      `INSERT INTO search_fts (search_fts, rowid, text_folded) SELECT 'delete', id, text_folded FROM ${SEARCH_DOCUMENTS_TABLE} WHERE ${where}`,
      `DELETE FROM ${SEARCH_DOCUMENTS_TABLE} WHERE ${where}`,
    );
  }

  // The old rows of everything written again (foreign keys are checked at commit, when all is in place).
  s.push(`DELETE FROM quote_documents WHERE quote_id IN (SELECT id FROM quotes WHERE article_id IN ${A})`);
  s.push(`DELETE FROM conflict_claims WHERE article_id IN ${A}`);
  for (const t of ARTICLE_TABLES) s.push(`DELETE FROM ${t} WHERE article_id IN ${A}`);
  const pruned = remove.filter((r) => r.table === 'articles').map((r) => r.rowId);
  for (const c of chunk(pruned, 500)) s.push(`DELETE FROM articles WHERE id IN (${ids(c)})`);
  for (const table of [...new Set(writtenUnits.map((u) => u.table))]) {
    const existingIds = writtenUnits.filter((u) => u.table === table && existing.has(u.key)).map(dbId);
    for (const c of chunk(existingIds, 500))
      for (const kid of CHILDREN[table] ?? []) s.push(`DELETE FROM ${kid.table} WHERE ${kid.col} IN (${ids(c)})`);
  }
  // Unit rows are updated in place, never deleted and inserted: deleting a row that many tables name
  // makes SQLite look for children in each of them (foreign keys are on).
  const unitRowTables = new Set([...all.values()].map((u) => u.table));
  for (const t of tableOrder) {
    const rows = rowsOf(writing, t);
    if (!unitRowTables.has(t)) {
      s.push(...insert(t, rows));
      continue;
    }
    const cols = Object.keys(rows[0] ?? {}).filter((c) => c !== 'id');
    for (const st of insert(t, rows)) {
      const { sql, args } = st as { sql: string; args: Row[keyof Row][] };
      s.push({
        sql: `${sql} ON CONFLICT (id) DO UPDATE SET ${cols.map((c) => `"${c}" = excluded."${c}"`).join(', ')}`,
        args,
      });
    }
  }

  // Units the seed no longer has: gone, unless a row outside the seed (or an article kept without
  // --prune) still names them.
  const referencing = new Map<string, Array<[string, string]>>();
  for (const [table, refs] of Object.entries(REFERENCES))
    for (const [col, target] of Object.entries(refs))
      referencing.set(target, [...(referencing.get(target) ?? []), [table, col]]);
  for (const r of remove) {
    if (r.table === 'articles') {
      s.push({ sql: 'DELETE FROM seed_units WHERE unit = ?', args: [r.key] });
      continue;
    }
    const unused = (referencing.get(r.table) ?? [])
      .filter(([t]) => !(CHILDREN[r.table] ?? []).some((k) => k.table === t))
      .map(([t, c]) => `NOT EXISTS (SELECT 1 FROM ${t} WHERE ${c} = ${r.rowId})`);
    const gone = `NOT EXISTS (SELECT 1 FROM ${r.table} WHERE id = ${r.rowId})`;
    const type = SEARCH_TYPE_OF[r.table];
    if (type) {
      const where = `entity_type = '${type}' AND entity_id = ${r.rowId} AND ${unused.join(' AND ') || '1'}`;
      s.push(
        `INSERT INTO search_fts (search_fts, rowid, text_folded) SELECT 'delete', id, text_folded FROM ${SEARCH_DOCUMENTS_TABLE} WHERE ${where}`,
        `DELETE FROM ${SEARCH_DOCUMENTS_TABLE} WHERE ${where}`,
      );
    }
    s.push(`DELETE FROM ${r.table} WHERE id = ${r.rowId} AND ${unused.join(' AND ') || '1'}`);
    for (const kid of CHILDREN[r.table] ?? [])
      s.push(`DELETE FROM ${kid.table} WHERE ${kid.col} = ${r.rowId} AND ${gone}`);
    s.push({ sql: `DELETE FROM seed_units WHERE unit = ? AND ${gone}`, args: [r.key] });
  }

  s.push(...TOUCHED_DERIVED_STATEMENTS);

  // Search rows of what was written, under fresh ids (so after every row already indexed).
  const firstSearchId = (max.get(SEARCH_DOCUMENTS_TABLE) ?? 0) + 1;
  const subset: Record<string, Row[]> = {};
  for (const t of ['articles', 'article_content', 'quotes', ...Object.keys(SEARCH_TYPE_OF)])
    subset[t] = rowsOf(writing, t);
  const docs = buildSearchDocuments(subset).map((d, i) => ({ ...d, id: firstSearchId + i }));
  s.push(...insert(SEARCH_DOCUMENTS_TABLE, docs));
  s.push({
    sql: `INSERT INTO search_fts (rowid, text_folded) SELECT id, text_folded FROM ${SEARCH_DOCUMENTS_TABLE} WHERE id >= ?`,
    args: [firstSearchId],
  });

  for (const c of chunk(writing, 300)) {
    s.push({
      sql: `INSERT INTO seed_units (unit, row_id, digest) VALUES ${c.map(() => '(?, ?, ?)').join(', ')}
            ON CONFLICT (unit) DO UPDATE SET row_id = excluded.row_id, digest = excluded.digest`,
      args: c.flatMap((u) => [u.key, dbId(u), u.digest]),
    });
  }
  s.push('DELETE FROM seed_touched');
  return s;
}
