// Loads rows of several GraphQL types for a list field (search results, timeline, paths) with one SQL
// statement per type present, each planned from what the client selected under that type, so nested
// relations are folded into it rather than fetched row by row.
import { brandWithType } from '@pothos/core';
import { getSchemaConfig, queryFromInfo } from '@pothos/plugin-drizzle';
import type { GraphQLResolveInfo } from 'graphql';
import { builder } from '../builder';
import type { Context } from '../context';
import { NODE_TABLES } from '../lib/node-lookup';
import { tableRef } from './connections';

// Mentions are not nodes (no global ID) but are loaded the same way.
const TABLES = { ...NODE_TABLES, Mention: 'mentions' } as Readonly<Record<string, keyof Context['db']['query']>>;

export interface NodeKey {
  typename: string;
  id: number;
}

/**
 * `path` leads from the field being resolved to the field holding the node (e.g. ['edges', 'node']);
 * several paths merge what is selected under each. Returns a map keyed `${typename}:${id}`.
 */
export async function loadNodes<T extends object = object>(
  ctx: Context,
  info: GraphQLResolveInfo,
  path: string[] | string[][],
  keys: NodeKey[],
): Promise<Map<string, T>> {
  const paths = (Array.isArray(path[0]) ? path : [path]) as string[][];
  const byType = new Map<string, number[]>();
  for (const k of keys) byType.set(k.typename, [...(byType.get(k.typename) ?? []), k.id]);
  const config = getSchemaConfig(builder);
  const out = new Map<string, T>();
  await Promise.all(
    [...byType].map(async ([typename, ids]) => {
      const table = TABLES[typename];
      if (!table) throw new Error(`No table for ${typename}`);
      const query = queryFromInfo({
        config,
        context: ctx,
        info,
        typeName: typename,
        paths,
        where: { id: { in: ids } },
      });
      // One table at a time, whichever it is: its rows are what the selection under `typename` asks for.
      const finder = ctx.db.query[table] as unknown as { findMany: (q: unknown) => Promise<Array<T & { id: number }>> };
      for (const row of await finder.findMany(query)) {
        brandWithType(row, tableRef(table));
        out.set(`${typename}:${row.id}`, row);
      }
    }),
  );
  return out;
}
