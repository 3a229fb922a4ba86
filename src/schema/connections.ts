// One connection type per node type (PersonConnection, MentionConnection …), shared by every field that
// lists that type, as in GitHub's and Shopify's APIs: a frontend writes one fragment per node type, not
// one per field. Edges carry nothing but the cursor and the node; a list whose items carry data of their
// own (a co-participant's shared events, a related article's score) has an object type for the item.
import { decodeBase64, decodeCursorChunk } from '@pothos/core';
import { drizzleConnectionHelpers } from '@pothos/plugin-drizzle';
import { builder } from '../builder';
import type { Relations } from '../db/relations';
import { KINDS, type Kind, NODE_KINDS } from '../domain/entities';
import type { ReadableCursor } from '../lib/page-size-plugin';

type Table = keyof Relations & string;

/**
 * The plugin's ref of a table's object type. It exists before the module implementing the type runs, so
 * types that refer to each other (a person's events, an event's people) need not import each other.
 */
export function tableRef<T extends Table>(table: T) {
  const { ref } = drizzleConnectionHelpers(builder, table);
  if (ref.kind !== 'Object') throw new Error(`${table} is not an object type`);
  return ref;
}

type ConnectionOptions = Parameters<typeof builder.connectionObject>[0];

/**
 * `<typename>Connection` (and `<typename>Edge`) listing `type`, with `totalCount`. `options` may describe
 * them; an edge that carries data of its own is given as `edge`.
 */
export function connectionOf<Type extends ConnectionOptions['type']>(
  type: Type,
  typename: string,
  options: { description?: string; totalCount?: string; readableCursor?: ReadableCursor } = {},
  edge?: Parameters<typeof builder.connectionObject>[1],
) {
  return builder.connectionObject(
    {
      type,
      name: `${typename}Connection`,
      description: options.description,
      extensions: { readableCursor: options.readableCursor },
      fields: (t) => ({
        totalCount: t.int({
          description: options.totalCount,
          // The drizzle plugin's mark for its count: a page that asks for nothing else loads no rows.
          extensions: { pothosDrizzleTotalCount: true },
          // A number, or (from `drizzleConnection`) a thunk that counts only when the field is asked for.
          resolve: (c) => {
            const n: unknown = 'totalCount' in c ? c.totalCount : undefined;
            return typeof n === 'function' ? n() : Number(n ?? 0);
          },
        }),
      }),
    },
    edge,
  );
}

/**
 * Whether a cursor reads as the drizzle plugin's (`DC:` and a serialized value, base64): what the plugin
 * parses when it loads a page, checked up front for a page that loads nothing but its count.
 */
function readableDrizzleCursor(cursor: string): boolean {
  try {
    const text = decodeBase64(cursor);
    if (!text.startsWith('DC:')) return false;
    decodeCursorChunk(text.slice(3));
    return true;
  } catch {
    return false;
  }
}

/** Tables of the object types that are listed in connections besides the kinds (which are all listed). */
const LISTED = {
  Mention: 'mentions',
  Role: 'roles',
  EventParticipant: 'participations',
  EventReport: 'eventReports',
  ProjectComponent: 'projectComponents',
  ProjectPartner: 'projectPartners',
  CoParticipant: 'coParticipants',
  RelatedArticle: 'relatedArticles',
  Claim: 'conflictClaims',
} as const satisfies Record<string, Table>;

type Tables = { [K in Kind]: (typeof KINDS)[K]['table'] } & typeof LISTED;

/** The connection type of each listed object type, by type name: `Connections.Person` is PersonConnection. */
export const Connections = Object.fromEntries(
  [...NODE_KINDS.map((k) => [k, KINDS[k].table] as const), ...Object.entries(LISTED)].map(([name, table]) => [
    name,
    connectionOf(tableRef(table as Table), name, { readableCursor: readableDrizzleCursor }),
  ]),
) as { [N in keyof Tables]: ReturnType<typeof connectionOf<ReturnType<typeof tableRef<Tables[N]>>>> };
