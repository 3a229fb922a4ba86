// Descriptions for what the Relay plugin generates (connection and edge types, ids, paging and `lang`
// arguments), so GraphiQL's docs read as a manual everywhere, not only on the hand-written types.
import { type GraphQLSchema, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';

const FIELD_TEXT: Record<string, string> = {
  edges: 'The items on this page, each with its cursor.',
  pageInfo: 'Where this page is in the whole list.',
  totalCount: 'How many items match, across all pages.',
  cursor: 'Opaque position of this item: pass it as `after` (or `before`) to continue from here.',
  node: 'The item.',
  id: 'Opaque global ID: pass it to `node(id:)` to fetch this object again.',
  startCursor: 'Cursor of the first item on this page.',
  endCursor: 'Cursor of the last item on this page.',
  hasNextPage: 'Whether more items follow this page.',
  hasPreviousPage: 'Whether items precede this page.',
};

const INPUT_TEXT: Record<string, string> = {
  kind: 'Only this kind.',
};

const ARG_TEXT: Record<string, string> = {
  lang: 'Language of the text: EN falls back to Vietnamese where no English form exists.',
  first: 'Page size, counting forward (0 to 100).',
  last: 'Page size, counting backward (0 to 100).',
  after: 'Cursor to continue after (from `pageInfo.endCursor`).',
  before: 'Cursor to continue before (from `pageInfo.startCursor`).',
  slug: 'The stable human-readable identifier.',
  filter: 'Conditions the items must meet; omit for all.',
  id: 'A global ID.',
  ids: 'Global IDs.',
};

export function describeGenerated(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) field.description ??= INPUT_TEXT[field.name] ?? null;
      continue;
    }
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    if (!type.description) {
      if (/Edge$/.test(type.name)) type.description = 'An item of a connection, with its cursor.';
      else if (/Connection$/.test(type.name)) type.description = 'A page of a list, with Relay cursor pagination.';
      else if (type.name === 'Node') type.description = 'An object with a global ID, fetchable with `node(id:)`.';
      else if (type.name === 'PageInfo') type.description = 'Relay pagination state of a connection page.';
    }
    for (const field of Object.values(type.getFields())) {
      field.description ??= FIELD_TEXT[field.name] ?? null;
      for (const arg of field.args) arg.description ??= ARG_TEXT[arg.name] ?? null;
    }
  }
  return schema;
}
