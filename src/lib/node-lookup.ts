// Which global IDs name an existing row, in one statement, so `nodes(ids)` can answer null for the
// others instead of failing the whole list.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { isKind, KINDS, NODE_KINDS, type NodeKind } from '../domain/entities';

/** The table of each node type. */
export const NODE_TABLES = Object.fromEntries(NODE_KINDS.map((k) => [k, KINDS[k].table])) as Readonly<
  Record<NodeKind, string>
>;

export async function existingNodes(db: Db, ids: Array<{ typename: string; id: string }>): Promise<Set<string>> {
  const parts = ids.flatMap(({ typename, id }) =>
    isKind(typename)
      ? [sql`SELECT ${typename} || ':' || slug AS k FROM ${sql.identifier(KINDS[typename].table)} WHERE slug = ${id}`]
      : [],
  );
  if (parts.length === 0) return new Set();
  const rows = await db.all<{ k: string }>(sql.join(parts, sql` UNION ALL `));
  return new Set(rows.map((r) => r.k));
}
