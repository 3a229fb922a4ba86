import { brandWithType } from '@pothos/core';
import { builder } from '../builder';
import { ENTITY_KINDS, type EntityKind, KINDS } from '../domain/entities';
import { tableRef } from './connections';

/** The relation from a polymorphic row (mention, conflict, shared entity) to an entity of the kind (`person` …). */
const relationOf = (kind: EntityKind) => `${kind[0]?.toLowerCase()}${kind.slice(1)}`;
const refOf = (kind: EntityKind) => tableRef(KINDS[kind].table);

/** Anything the knowledge base knows about, as opposed to the articles and quotes that speak of it. */
export const EntityRef = builder.unionType('Entity', {
  description: 'A person, organization, place, document, project or event.',
  types: ENTITY_KINDS.map(refOf),
});

/** The selection loading a polymorphic row's entity, whichever kind it is, as the union's selection asks. */
export const entitySelection = (nested: (selection: true, path: string[], type: string) => unknown) => ({
  with: Object.fromEntries(ENTITY_KINDS.map((kind) => [relationOf(kind), nested(true, [], kind)])),
});

/** Picks the loaded entity off a polymorphic row and tags it with its GraphQL type for the union. */
export function toEntity(row: Record<string, unknown>): typeof EntityRef.$inferType | null {
  for (const kind of ENTITY_KINDS) {
    const entity = row[relationOf(kind)];
    if (entity && typeof entity === 'object') {
      brandWithType(entity, refOf(kind));
      // Loaded by the selection the union's member type asked for (`entitySelection`).
      return entity as typeof EntityRef.$inferType;
    }
  }
  return null;
}
