import { brandWithType } from '@pothos/core';
import { builder } from '../builder';
import { DocumentRef } from './document';
import { EventRef } from './event';
import { OrganizationRef } from './organization';
import { PersonRef } from './person';
import { PlaceRef } from './place';
import { ProjectRef } from './project';

/**
 * The relation names that point from a polymorphic row (mention, conflict, shared entity) to its entity,
 * with the GraphQL type each one loads. Thunks, because the refs are defined in modules that may load later.
 */
export const ENTITY_RELATIONS = [
  ['person', 'Person', () => PersonRef],
  ['organization', 'Organization', () => OrganizationRef],
  ['place', 'Place', () => PlaceRef],
  ['document', 'Document', () => DocumentRef],
  ['project', 'Project', () => ProjectRef],
  ['event', 'Event', () => EventRef],
] as const;

/** Anything the knowledge base knows about, as opposed to the articles and quotes that speak of it. */
export const EntityRef = builder.unionType('Entity', {
  description: 'A person, organization, place, document, project or event.',
  types: () => ENTITY_RELATIONS.map(([, , ref]) => ref()),
});

/** Picks the loaded entity off a polymorphic row and tags it with its GraphQL type for the union. */
export function toEntity(row: Record<string, unknown>): never {
  for (const [rel, , ref] of ENTITY_RELATIONS) {
    const entity = row[rel];
    if (entity && typeof entity === 'object') {
      brandWithType(entity, ref());
      return entity as never;
    }
  }
  return null as never;
}
