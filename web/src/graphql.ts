// The typed `graphql` tag: every operation is checked against schema.graphql (via the introspection types
// gql.tada generates into graphql-env.d.ts) and its result and variables are typed from it.
import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { Date: string; DateTime: string };
}>();

export type { ResultOf, VariablesOf } from 'gql.tada';
