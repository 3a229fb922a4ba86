// Pothos plugin: connection arguments are checked, not silently clamped. `first`/`last` above the
// maximum or negative become BAD_USER_INPUT errors instead of a quietly shorter page. A connection type
// whose `extensions.readableCursor` says a cursor is unreadable refuses it here, before anything is
// loaded: the drizzle plugin reads a cursor only when it loads a page, so a connection asked for its
// `totalCount` alone would otherwise accept any `after`. (Cursors it does read and cannot are
// PothosValidationErrors, turned into BAD_USER_INPUT by the app's error masking.)
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';
import { badInput } from './errors';

export const MAX_PAGE_SIZE = 100;

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      pageSize: PageSizePlugin<Types>;
    }
  }
}

/** `extensions.readableCursor` of a connection type: whether `cursor` is one of its cursors. */
export type ReadableCursor = (cursor: string) => boolean;

function check(args: Record<string, unknown>): void {
  for (const name of ['first', 'last'] as const) {
    const v = args[name];
    if (v === null || v === undefined) continue;
    if (typeof v !== 'number' || v < 0 || v > MAX_PAGE_SIZE) {
      throw badInput(`\`${name}\` must be between 0 and ${MAX_PAGE_SIZE}; got ${String(v)}.`, { argument: name });
    }
  }
  if (args.first != null && args.last != null) throw badInput('Pass either `first` or `last`, not both.');
}

function checkCursors(args: Record<string, unknown>, readable: ReadableCursor): void {
  for (const name of ['after', 'before'] as const) {
    const v = args[name];
    if (typeof v === 'string' && !readable(v)) throw badInput('Invalid cursor.', { argument: name });
  }
}

export class PageSizePlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (!('first' in fieldConfig.args) && !('last' in fieldConfig.args)) return resolver;
    const type = fieldConfig.type.kind === 'List' ? null : this.buildCache.getTypeConfig(fieldConfig.type.ref);
    const readable = type?.extensions?.readableCursor as ReadableCursor | undefined;
    return (parent, args, ctx, info) => {
      check(args as Record<string, unknown>);
      if (readable) checkCursors(args as Record<string, unknown>, readable);
      return resolver(parent, args, ctx, info);
    };
  }
}

SchemaBuilder.registerPlugin('pageSize', PageSizePlugin);
