// Which global IDs name an existing row, in one statement, so `nodes(ids)` can answer null for the
// others instead of failing the whole list.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';

export const NODE_TABLES: Record<string, string> = {
  Article: 'articles',
  Person: 'people',
  Organization: 'organizations',
  Place: 'places',
  Document: 'documents',
  Project: 'projects',
  Event: 'events',
  Quote: 'quotes',
  Conflict: 'conflicts',
};

export async function existingNodes(db: Db, ids: Array<{ typename: string; id: string }>): Promise<Set<string>> {
  const parts = ids
    .filter((g) => NODE_TABLES[g.typename])
    .map(
      (g) =>
        sql`SELECT ${g.typename} || ':' || slug AS k FROM ${sql.identifier(NODE_TABLES[g.typename] as string)} WHERE slug = ${g.id}`,
    );
  if (parts.length === 0) return new Set();
  const rows = await db.all<{ k: string }>(sql.join(parts, sql` UNION ALL `));
  return new Set(rows.map((r) => r.k));
}
