// Verifies that src/db/schema.ts mirrors migrations/*.sql: on a fresh libSQL database built by the real migrations, every drizzle table exists with the same columns, SQL types, nullability, primary key, unique constraints and foreign keys, and every migrated table has a drizzle definition or is listed below as SQL-only with its reason.
import { type Client, createClient } from '@libsql/client';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate';
import * as schema from '../../src/db/schema';

/** Tables the migrations create that drizzle does not model, and why. */
const SQL_ONLY: Record<string, string> = {
  _migrations: "the migration runner's own record of applied files (src/db/migrate.ts)",
  search_documents: 'the search index rows, written and read with raw SQL by src/search/',
  search_fts: 'an FTS5 virtual table over search_documents, queried with MATCH/bm25 by src/search/',
  entity_links: 'the path/timeline adjacency list, read with raw SQL by src/graph/path.ts and the timeline',
  entity_link_counts: 'per-entity link counts for the path hub cut-off, read with raw SQL by src/graph/path.ts',
};

const tables: SQLiteTable[] = Object.values(schema).filter((v) => v instanceof SQLiteTable);
const configs = tables.map((t) => getTableConfig(t));

interface SqlColumn {
  name: string;
  type: string;
  notnull: number;
  pk: number;
}

let client: Client;
const q = async <T>(sql: string) => (await client.execute(sql)).rows as unknown as T[];
const key = (cols: string[]) => [...cols].sort().join(',');

beforeAll(async () => {
  client = createClient({ url: ':memory:' });
  await migrate(client);
});
afterAll(() => client.close());

describe('drizzle tables against the migrated database', () => {
  it('finds drizzle tables to compare, each named once', () => {
    expect(configs.length).toBeGreaterThan(20);
    expect(new Set(configs.map((c) => c.name)).size).toBe(configs.length);
  });

  it('every migrated table has a drizzle definition or is SQL-only with a reason, and the reverse', async () => {
    const rows = await q<{ name: string; type: string }>('PRAGMA table_list');
    // FTS5 shadow tables (search_fts_data, _idx, …) and SQLite's own are storage details of another table.
    const migrated = rows
      .filter((r) => (r.type === 'table' || r.type === 'virtual') && !r.name.startsWith('sqlite_'))
      .map((r) => r.name)
      .sort();
    const modelled = new Set(configs.map((c) => c.name));
    expect(migrated.filter((n) => !modelled.has(n) && !(n in SQL_ONLY))).toEqual([]);
    expect([...modelled].filter((n) => !migrated.includes(n))).toEqual([]);
    // A stale SQL-only entry would hide a table that no longer exists or is now modelled.
    expect(Object.keys(SQL_ONLY).filter((n) => !migrated.includes(n) || modelled.has(n))).toEqual([]);
  });

  for (const config of configs) {
    describe(config.name, () => {
      it('has the same columns, SQL types, nullability and primary key', async () => {
        const sqlCols = await q<SqlColumn>(`PRAGMA table_info(${config.name})`);
        const drizzleCols = config.columns.filter((c) => c.name !== 'rowid');
        expect(drizzleCols.map((c) => c.name).sort()).toEqual(sqlCols.map((c) => c.name).sort());
        for (const col of drizzleCols) {
          const sql = sqlCols.find((c) => c.name === col.name) as SqlColumn;
          expect({
            column: col.name,
            type: col.getSQLType().toUpperCase(),
            notNull: col.notNull || col.primary,
          }).toEqual({
            column: col.name,
            type: sql.type.toUpperCase(),
            // A single-column INTEGER PRIMARY KEY is the rowid: never null though SQLite reports notnull 0.
            notNull: sql.notnull === 1 || (sql.pk > 0 && sql.type.toUpperCase() === 'INTEGER'),
          });
        }
        const sqlPk = sqlCols
          .filter((c) => c.pk > 0)
          .sort((a, b) => a.pk - b.pk)
          .map((c) => c.name);
        const drizzlePk = [
          ...config.columns.filter((c) => c.primary && c.name !== 'rowid').map((c) => c.name),
          ...config.primaryKeys.flatMap((pk) => pk.columns.map((c) => c.name)),
        ];
        expect(drizzlePk).toEqual(sqlPk);
        const rowid = config.columns.find((c) => c.name === 'rowid');
        if (rowid) {
          // drizzle's `rowid` key is SQLite's implicit rowid: the table must have one and no other key.
          expect(rowid.primary).toBe(true);
          expect(sqlPk).toEqual([]);
          const [info] = await q<{ wr: number }>(`SELECT wr FROM pragma_table_list WHERE name = '${config.name}'`);
          expect(info?.wr).toBe(0);
        }
      });

      it('has the same unique constraints', async () => {
        const indexes = await q<{ name: string; unique: number; origin: string }>(`PRAGMA index_list(${config.name})`);
        const sqlUnique: string[] = [];
        for (const ix of indexes.filter((i) => i.unique === 1 && i.origin !== 'pk')) {
          const cols = await q<{ name: string }>(`PRAGMA index_info(${ix.name})`);
          sqlUnique.push(key(cols.map((c) => c.name)));
        }
        const drizzleUnique = [
          ...config.columns.filter((c) => c.isUnique).map((c) => c.name),
          ...config.uniqueConstraints.map((u) => key(u.columns.map((c) => c.name))),
          ...config.indexes
            .filter((i) => i.config.unique)
            .map((i) => key(i.config.columns.map((c) => ('name' in c ? c.name : String(c))))),
        ];
        expect(drizzleUnique.sort()).toEqual(sqlUnique.sort());
      });

      it('has the same foreign keys', async () => {
        const fks = await q<{ id: number; seq: number; table: string; from: string; to: string | null }>(
          `PRAGMA foreign_key_list(${config.name})`,
        );
        const sqlFks = new Map<number, { table: string; from: string[]; to: string[] }>();
        for (const fk of fks) {
          const entry = sqlFks.get(fk.id) ?? { table: fk.table, from: [], to: [] };
          entry.from[fk.seq] = fk.from;
          // `REFERENCES t` without a column names t's primary key.
          entry.to[fk.seq] = fk.to ?? 'id';
          sqlFks.set(fk.id, entry);
        }
        const drizzleFks = config.foreignKeys.map((fk) => {
          const ref = fk.reference();
          return {
            table: getTableConfig(ref.foreignTable).name,
            from: ref.columns.map((c) => c.name),
            to: ref.foreignColumns.map((c) => c.name),
          };
        });
        const show = (f: { table: string; from: string[]; to: string[] }) => `${f.from} -> ${f.table}(${f.to})`;
        expect(drizzleFks.map(show).sort()).toEqual([...sqlFks.values()].map(show).sort());
      });
    });
  }
});
