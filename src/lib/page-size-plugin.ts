// Pothos plugin: connection arguments are checked, not silently clamped. `first`/`last` above the
// maximum or negative become BAD_USER_INPUT errors instead of a quietly shorter page. (Unreadable
// cursors are PothosValidationErrors, turned into BAD_USER_INPUT by the app's error masking.)
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

export class PageSizePlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (!('first' in fieldConfig.args) && !('last' in fieldConfig.args)) return resolver;
    return (parent, args, ctx, info) => {
      check(args as Record<string, unknown>);
      return resolver(parent, args, ctx, info);
    };
  }
}

SchemaBuilder.registerPlugin('pageSize', PageSizePlugin);
