// The two root fields of a kind, `person(slug)` and `people(filter)`, built from the registry: one shape
// for every kind, so a slug lookup or a list cannot drift from the others.
import type { InputObjectRef } from '@pothos/core';
import { type SQL, sql } from 'drizzle-orm';
import { builder } from '../builder';
import { type Relations, relations } from '../db/relations';
import { KINDS, type Kind } from '../domain/entities';
import { isSlug } from '../lib/ids';
import { Connections } from './connections';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
type Name = (typeof KINDS)[Kind]['table'];
type TableOf<K extends Kind> = Relations[(typeof KINDS)[K]['table']]['table'];
type OrderBy<K extends Kind> = { [C in keyof TableOf<K>['_']['columns']]?: 'asc' | 'desc' };

/**
 * A table's relational queries, seen without their per-table types: those do not survive a table name
 * that is a type parameter. The result is the row the plugin's `query(…)` selected, which Pothos checks.
 */
interface Finder {
  findFirst(config: unknown): Promise<never>;
  findMany(config: unknown): Promise<never>;
}
const finder = (db: { query: object }, table: Name) => (db.query as Record<Name, Finder>)[table];

interface ListOptions<K extends Kind, Filter extends object> {
  /** Description of the list field. */
  description: string;
  /** The list's `filter` argument. */
  filter: InputObjectRef<Types, Filter>;
  /** The condition a filter makes, in the page query and in `totalCount` alike. */
  where: (t: TableOf<K>, filter: Filter | null | undefined) => SQL | undefined;
  /** Fixed order of the list. */
  orderBy: OrderBy<K>;
}

/**
 * Adds `thing(slug)` (described by `one`; null when there is none) to Query and, given `list`, the
 * `things(filter)` connection of `kind`; kinds whose lists take other arguments define those themselves.
 */
export function rootFields<K extends Kind, Filter extends object>(kind: K, one: string, list?: ListOptions<K, Filter>) {
  // Past the signature, which ties kind, filter, condition and order together for the caller, the fields
  // are built for any kind: Pothos' and drizzle's per-table types do not survive a kind type parameter.
  const node: Kind = kind;
  const { typename, table: name, plural } = KINDS[node];
  const table = relations[name].table;
  builder.queryField(typename.charAt(0).toLowerCase() + typename.slice(1), (t) =>
    t.drizzleField({
      type: name,
      nullable: true,
      description: one,
      args: { slug: t.arg.string({ required: true }) },
      resolve: (query, _root, args, ctx) =>
        isSlug(args.slug) ? finder(ctx.db, name).findFirst(query({ where: { slug: args.slug } })) : null,
    }),
  );
  if (!list) return;
  const where = list.where as (t: unknown, filter: unknown) => SQL | undefined;
  const filter: InputObjectRef<Types, object> = list.filter;
  builder.queryField(plural, (t) =>
    t.drizzleConnection(
      {
        type: name,
        description: list.description,
        args: { filter: t.arg({ type: filter, required: false }) },
        totalCount: (_parent, args, ctx) => ctx.db.$count(table, where(table, args.filter)),
        resolve: (query, _parent, args, ctx) =>
          finder(ctx.db, name).findMany(
            query({ where: { RAW: (t) => where(t, args.filter) ?? sql`1` }, orderBy: list.orderBy }),
          ),
      },
      // A union of the kinds' connection types, where Pothos wants the one of a single table.
      Connections[node] as never,
    ),
  );
}
