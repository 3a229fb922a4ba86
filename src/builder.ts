// The one SchemaBuilder. Types live in src/schema/<type>.ts; this file only configures plugins.
import SchemaBuilder from '@pothos/core';
import DrizzlePlugin from '@pothos/plugin-drizzle';
import RelayPlugin from '@pothos/plugin-relay';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import type { Context } from './context';
import type { Relations } from './db/relations';
import { relations } from './db/relations';
import { DEFAULT_PAGE_SIZE, isKind } from './domain/entities';
import { existingNodes } from './lib/node-lookup';
import { MAX_PAGE_SIZE } from './lib/page-size-plugin';

export interface SchemaTypes {
  Context: Context;
  DrizzleRelations: Relations;
  Scalars: {
    Date: { Input: string; Output: string };
    DateTime: { Input: string; Output: string };
  };
  DefaultFieldNullability: false;
}

/** The drizzle plugin rejects a node lookup whose row does not exist with "Model …(…) not found". */
async function missingAsNull<T>(node: Promise<T> | T): Promise<T | null> {
  try {
    return await node;
  } catch (err) {
    if (err instanceof Error && /^Model \w+\(.*\) not found$/.test(err.message)) return null;
    throw err;
  }
}

export const builder = new SchemaBuilder<SchemaTypes>({
  plugins: [RelayPlugin, DrizzlePlugin, 'pageSize'],
  defaultFieldNullability: false,
  relay: {
    cursorType: 'String',
    // An ID that decodes but names nothing is a miss (null), as in GitHub's API, not an error.
    nodeQueryOptions: {
      description: 'Fetches any object by its global ID; null when nothing has that ID.',
      // A well-formed ID of a type that has no nodes names nothing too (as in `nodes`), instead of
      // leaking Pothos's "… has not been implemented" without an error code.
      resolve: (_root, args, _ctx, _info, resolveNode) =>
        isKind(args.id.typename) ? missingAsNull(resolveNode(args.id)) : null,
    },
    nodesQueryOptions: {
      description: 'Fetches objects by global ID, in order; null for each ID that names nothing.',
      resolve: async (_root, args, ctx, _info, resolveNodes) => {
        // The loader rejects the whole list when one ID names nothing, so load only the ones that exist.
        const all = args.ids;
        const found = await existingNodes(ctx.db, all);
        const key = (g: { typename: string; id: string }) => `${g.typename}:${g.id}`;
        const present = all.filter((g) => found.has(key(g)));
        if (present.length === 0) return all.map(() => null);
        args.ids = present; // the callback reads `args.ids`
        const loaded = (await resolveNodes(present)) as unknown[];
        args.ids = all;
        return all.map((g) => (found.has(key(g)) ? loaded[present.indexOf(g)] : null)) as never;
      },
    },
  },
  drizzle: {
    client: (ctx) => ctx.db,
    getTableConfig,
    relations,
    defaultConnectionSize: DEFAULT_PAGE_SIZE,
    maxConnectionSize: MAX_PAGE_SIZE,
  },
});
