// The cost of an operation, Shopify-style and aware of page sizes, computed over the validated document
// with the request's variables (so `first: $n` counts what it will fetch):
//   - a scalar or enum field costs 0 (it comes with its object);
//   - an object field costs 1 plus its selection;
//   - a connection (a type with `edges` and `pageInfo`) costs 2, plus its page size (`first`/`last`,
//     default 20, at most 100) times the cost of one edge (`node` 1 + its selection), plus the rest of
//     its selection once (`pageInfo` 1, `totalCount` 0);
//   - any other list of objects costs 10 times (1 + its selection);
//   - introspection (`__schema`, `__type` and below) costs 1 per object field with lists not multiplied:
//     it reads no data, and graphql-js's MaxIntrospectionDepthRule already bounds its nesting;
//   - fields dropped by `@skip`/`@include` cost nothing; fragments count where they are spread.
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  getOperationAST,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  SchemaMetaFieldDef,
  type SelectionSetNode,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  typeFromAST,
  type ValueNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from '../domain/entities';
import { MAX_PAGE_SIZE } from './page-size-plugin';

/** What a list that is not a connection is assumed to hold. */
export const LIST_FACTOR = 10;
export const CONNECTION_BASE_COST = 2;

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  /** Fragments being expanded on the current path (a cycle costs nothing more; validation rejects it anyway). */
  expanding: Set<string>;
}

export interface CostInput {
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/** The requested cost of the operation `operationName` of `document` (0 when there is no such operation). */
export function operationCost(schema: GraphQLSchema, input: CostInput): number {
  const operation = getOperationAST(input.document, input.operationName ?? undefined);
  if (!operation) return 0;
  const root = rootType(schema, operation);
  if (!root) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of input.document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  }
  const walk: Walk = {
    schema,
    fragments,
    variables: withDefaults(operation, input.variables ?? {}),
    expanding: new Set(),
  };
  return selectionCost(walk, operation.selectionSet, root, false);
}

function rootType(schema: GraphQLSchema, op: OperationDefinitionNode): GraphQLNamedType | null | undefined {
  if (op.operation === 'query') return schema.getQueryType();
  if (op.operation === 'mutation') return schema.getMutationType();
  return schema.getSubscriptionType();
}

/** Variable values, with the operation's declared defaults for the ones not sent. */
function withDefaults(op: OperationDefinitionNode, sent: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...sent };
  for (const def of op.variableDefinitions ?? []) {
    const name = def.variable.name.value;
    if (out[name] === undefined && def.defaultValue) out[name] = literal(def.defaultValue, {});
  }
  return out;
}

function literal(node: ValueNode, variables: Record<string, unknown>): unknown {
  switch (node.kind) {
    case Kind.INT:
      return Number.parseInt(node.value, 10);
    case Kind.FLOAT:
      return Number.parseFloat(node.value);
    case Kind.BOOLEAN:
      return node.value;
    case Kind.STRING:
    case Kind.ENUM:
      return node.value;
    case Kind.NULL:
      return null;
    case Kind.VARIABLE:
      return variables[node.name.value];
    case Kind.LIST:
      return node.values.map((v) => literal(v, variables));
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, literal(f.value, variables)]));
  }
}

function argument(walk: Walk, field: FieldNode, name: string): unknown {
  const arg = field.arguments?.find((a) => a.name.value === name);
  return arg ? literal(arg.value, walk.variables) : undefined;
}

/** `@skip(if: true)` or `@include(if: false)` drop a selection from execution. */
function included(
  walk: Walk,
  node: {
    directives?: readonly {
      name: { value: string };
      arguments?: readonly { name: { value: string }; value: ValueNode }[];
    }[];
  },
): boolean {
  for (const d of node.directives ?? []) {
    if (d.name.value !== 'skip' && d.name.value !== 'include') continue;
    const arg = d.arguments?.find((a) => a.name.value === 'if');
    const value = arg ? literal(arg.value, walk.variables) : undefined;
    if (d.name.value === 'skip' && value === true) return false;
    if (d.name.value === 'include' && value === false) return false;
  }
  return true;
}

function fieldDef(walk: Walk, parent: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === '__typename') return TypeNameMetaFieldDef;
  if (parent === walk.schema.getQueryType()) {
    if (name === '__schema') return SchemaMetaFieldDef;
    if (name === '__type') return TypeMetaFieldDef;
  }
  if (isObjectType(parent) || isInterfaceType(parent)) return parent.getFields()[name];
  return undefined;
}

function isIntrospectionType(type: GraphQLNamedType): boolean {
  return type.name.startsWith('__');
}

function isConnection(type: GraphQLNamedType): boolean {
  if (!isObjectType(type)) return false;
  const fields = type.getFields();
  return 'edges' in fields && 'pageInfo' in fields;
}

function pageSize(walk: Walk, field: FieldNode): number {
  const sizes = ['first', 'last']
    .map((name) => argument(walk, field, name))
    .filter((v): v is number => typeof v === 'number' && Number.isInteger(v));
  if (sizes.length === 0) return DEFAULT_PAGE_SIZE;
  return Math.min(MAX_PAGE_SIZE, Math.max(0, ...sizes));
}

/** Calls `visit` for each field of a selection set that will run, fragments expanded in place. */
function eachField(
  walk: Walk,
  selectionSet: SelectionSetNode,
  parent: GraphQLNamedType,
  visit: (field: FieldNode, parent: GraphQLNamedType) => void,
): void {
  for (const sel of selectionSet.selections) {
    if (!included(walk, sel)) continue;
    if (sel.kind === Kind.FIELD) {
      visit(sel, parent);
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      const cond = sel.typeCondition ? typeFromAST(walk.schema, sel.typeCondition) : parent;
      if (cond && isCompositeType(cond)) eachField(walk, sel.selectionSet, cond, visit);
    } else {
      const name = sel.name.value;
      const frag = walk.fragments.get(name);
      if (!frag || walk.expanding.has(name)) continue;
      const cond = typeFromAST(walk.schema, frag.typeCondition);
      if (!cond || !isCompositeType(cond)) continue;
      walk.expanding.add(name);
      eachField(walk, frag.selectionSet, cond, visit);
      walk.expanding.delete(name);
    }
  }
}

function selectionCost(
  walk: Walk,
  selectionSet: SelectionSetNode,
  parent: GraphQLNamedType,
  introspection: boolean,
): number {
  let total = 0;
  eachField(walk, selectionSet, parent, (field, fieldParent) => {
    total += fieldCost(walk, field, fieldParent, introspection);
  });
  return total;
}

function fieldCost(walk: Walk, field: FieldNode, parent: GraphQLNamedType, introspection: boolean): number {
  const def = fieldDef(walk, parent, field.name.value);
  if (!def || !field.selectionSet) return 0;
  const named = getNamedType(def.type as GraphQLOutputType);
  if (!isCompositeType(named)) return 0;
  const inIntrospection = introspection || isIntrospectionType(named);
  const inner = selectionCost(walk, field.selectionSet, named, inIntrospection);
  if (inIntrospection) return 1 + inner;
  if (isConnection(named)) return connectionCost(walk, field, named);
  if (isList(def.type as GraphQLOutputType)) return LIST_FACTOR * (1 + inner);
  return 1 + inner;
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(getNullableType(type));
}

function connectionCost(walk: Walk, field: FieldNode, connection: GraphQLNamedType): number {
  let perItem = 0;
  let once = 0;
  eachField(walk, field.selectionSet as SelectionSetNode, connection, (f, parent) => {
    const def = fieldDef(walk, parent, f.name.value);
    if (def && f.selectionSet && isList(def.type as GraphQLOutputType)) {
      const itemType = getNamedType(def.type as GraphQLOutputType);
      const inner = selectionCost(walk, f.selectionSet, itemType, false);
      // An edge is a wrapper the base cost covers; any other per-item list (e.g. `nodes`) is its objects.
      perItem += f.name.value === 'edges' ? inner : 1 + inner;
    } else {
      once += fieldCost(walk, f, parent, false);
    }
  });
  return CONNECTION_BASE_COST + pageSize(walk, field) * perItem + once;
}
