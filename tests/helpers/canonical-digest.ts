// A digest of a whole database that does not depend on row ids: every id and every column naming a row
// (declared foreign keys and the few implicit ones) is replaced by the row's natural key (its slug, or
// its content with its own references resolved the same way). Two databases holding the same knowledge
// base, loaded in different ways, digest alike; any other difference shows.
import { createHash } from 'node:crypto';
import type { Client } from '@libsql/client';
import { KINDS } from '../../src/domain/entities';

type Row = Record<string, unknown>;

/** Columns naming a row that the schema does not declare as foreign keys. */
const IMPLICIT: Record<string, Record<string, string>> = {
  co_participant_events: { person_id: 'people', other_id: 'people' },
  related_article_entities: { article_id: 'articles', other_id: 'articles' },
};
const TABLE_OF_LINK_KEY = Object.fromEntries(
  Object.values(KINDS)
    .filter((k) => k.linkKey)
    .map((k) => [k.linkKey, k.table]),
) as Record<string, string>;
const TABLE_OF_SEARCH_TYPE = Object.fromEntries(
  Object.values(KINDS)
    .filter((k) => k.searchType)
    .map((k) => [k.searchType, k.table]),
) as Record<string, string>;

/** Per table: one line per row, sorted; and the FTS index as (term, document, column, offset) rows. */
export async function canonicalTables(client: Client): Promise<Record<string, string[]>> {
  const names = (
    await client.execute(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_fts%' AND name NOT IN ('_migrations', 'seed_touched') ORDER BY name",
    )
  ).rows.map((r) => String(r.name));
  const rows = new Map<string, Row[]>();
  const fks = new Map<string, Record<string, string>>();
  for (const t of names) {
    rows.set(
      t,
      (await client.execute(`SELECT * FROM ${t}`)).rows.map((r) => ({ ...r })),
    );
    const declared = (await client.execute(`SELECT "from", "table" FROM pragma_foreign_key_list('${t}')`)).rows;
    fks.set(t, {
      ...Object.fromEntries(declared.map((r) => [String(r.from), String(r.table)])),
      ...(IMPLICIT[t] ?? {}),
    });
  }
  const byId = new Map<string, Map<number, Row>>();
  for (const [t, rs] of rows) {
    if (rs[0] && 'id' in rs[0]) byId.set(t, new Map(rs.map((r) => [Number(r.id), r])));
  }
  const memo = new Map<string, string>();
  const key = (table: string, id: unknown): string => {
    if (id === null || id === undefined) return 'null';
    const m = `${table}:${id}`;
    const hit = memo.get(m);
    if (hit !== undefined) return hit;
    const row = byId.get(table)?.get(Number(id));
    if (!row) return `missing ${m}`;
    const k = 'slug' in row ? `${table}:${row.slug}` : `${table}:${JSON.stringify(content(table, row))}`;
    memo.set(m, k);
    return k;
  };
  const linkKey = (entity: unknown) => {
    const [t, id] = String(entity).split(':');
    return key(TABLE_OF_LINK_KEY[t as string] as string, id);
  };
  function content(table: string, row: Row): Row {
    const out: Row = {};
    const refs = fks.get(table) ?? {};
    for (const [col, v] of Object.entries(row)) {
      if (col === 'id') continue;
      if (refs[col]) out[col] = key(refs[col] as string, v);
      else if (table === 'search_documents' && col === 'entity_id')
        out[col] = key(TABLE_OF_SEARCH_TYPE[String(row.entity_type)] as string, v);
      else if ((table === 'entity_links' || table === 'entity_link_counts') && col === 'entity') out[col] = linkKey(v);
      else if (table === 'entity_links' && col === 'connector')
        out[col] = key(row.via === 'EVENT' ? 'events' : 'articles', v);
      else if (table === 'seed_units' && col === 'row_id') out[col] = key(String(row.unit).split(':')[0] as string, v);
      else if (table === 'dataset' && col === 'loaded_at') continue;
      else out[col] = v;
    }
    return out;
  }
  const out: Record<string, string[]> = {};
  for (const [t, rs] of rows) {
    out[t] = rs.map((r) => JSON.stringify([byId.has(t) ? key(t, r.id) : '', content(t, r)])).sort();
  }
  // The index itself, term by term, where the server lets a client create the fts5vocab view of it (a
  // remote sqld refuses virtual tables; there the FTS integrity check against search_documents stands in).
  try {
    await client.execute(
      'CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab USING fts5vocab(main, search_fts, instance)',
    );
  } catch {
    return out;
  }
  const fts = (await client.execute('SELECT term, doc, col, offset FROM temp.search_vocab')).rows;
  out['search_fts (index)'] = fts.map((r) => `${r.term} ${key('search_documents', r.doc)} ${r.col} ${r.offset}`).sort();
  return out;
}

export async function canonicalDigest(client: Client): Promise<Record<string, string>> {
  const tables = await canonicalTables(client);
  return Object.fromEntries(
    Object.entries(tables).map(([t, lines]) => [
      t,
      `${lines.length} rows ${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16)}`,
    ]),
  );
}
