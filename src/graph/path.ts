// Shortest chain between two entities through shared events or articles: breadth-first over
// `entity_links`, one SQL statement per hop, stopping at the target or after `maxHops`.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';

/** Entity keys as stored in entity_links: 'p:12' (person), 'o:' organization, 'l:' place, 'd:' document, 'j:' project, 'e:' event. */
export type EntityKey = string;

export interface Hop {
  from: EntityKey;
  to: EntityKey;
  via: 'EVENT' | 'ARTICLE';
  connector: number;
}

/** A frontier larger than this is cut (deterministically): a hub like a country links to everything. */
export const MAX_FRONTIER = 2000;
export const MAX_HOPS = 6;

export async function shortestPath(db: Db, from: EntityKey, to: EntityKey, maxHops: number): Promise<Hop[] | null> {
  if (from === to) return [];
  const parent = new Map<EntityKey, Hop>();
  const visited = new Set<EntityKey>([from]);
  let frontier: EntityKey[] = [from];
  for (let depth = 0; depth < maxHops && frontier.length > 0; depth++) {
    // Events before articles, then lowest ids: the same data always gives the same path.
    const rows = await db.all<{ src: string; dst: string; via: 'EVENT' | 'ARTICLE'; connector: number }>(sql`
      SELECT a.entity AS src, b.entity AS dst, a.via AS via, a.connector AS connector
      FROM entity_links a
      JOIN entity_links b ON b.via = a.via AND b.connector = a.connector AND b.entity <> a.entity
      WHERE a.entity IN (SELECT value FROM json_each(${JSON.stringify(frontier)}))
        -- A country is named in nearly every article: as a stepping stone it would link everything to everything.
        AND (b.entity = ${to} OR b.entity NOT IN (SELECT 'l:' || id FROM places WHERE kind = 'COUNTRY'))
      ORDER BY a.via DESC, a.connector, a.entity, b.entity`);
    const next: EntityKey[] = [];
    for (const r of rows) {
      if (visited.has(r.dst)) continue;
      visited.add(r.dst);
      parent.set(r.dst, { from: r.src, to: r.dst, via: r.via, connector: r.connector });
      if (r.dst === to) return unwind(parent, from, to);
      next.push(r.dst);
    }
    frontier = next.slice(0, MAX_FRONTIER);
  }
  return null;
}

function unwind(parent: Map<EntityKey, Hop>, from: EntityKey, to: EntityKey): Hop[] {
  const hops: Hop[] = [];
  for (let at = to; at !== from; ) {
    const hop = parent.get(at) as Hop;
    hops.unshift(hop);
    at = hop.from;
  }
  return hops;
}

/**
 * The evidence of each hop: the spans that put each end on the connector. For an article, the first
 * mention of each entity in it; for an event, how each entity takes part (participation, report of
 * the event, or the event's place/project/document mention in a reporting article).
 */
export async function hopEvidence(db: Db, hops: Hop[]): Promise<Map<string, number[]>> {
  if (hops.length === 0) return new Map();
  const wanted = hops.flatMap((h) => [
    { k: h.from, via: h.via, c: h.connector },
    { k: h.to, via: h.via, c: h.connector },
  ]);
  const rows = await db.all<{ k: string; via: string; c: number; mention_id: number }>(sql`
    WITH w AS (
      SELECT json_extract(value, '$.k') AS k, json_extract(value, '$.via') AS via, json_extract(value, '$.c') AS c
      FROM json_each(${JSON.stringify(wanted)})
    ),
    ends AS (
      SELECT w.k, w.via, w.c, substr(w.k, 1, 1) AS t, CAST(substr(w.k, 3) AS INTEGER) AS id FROM w
    )
    SELECT k, via, c, mention_id FROM (
      -- ARTICLE: the entity's first mention in that article
      SELECT ends.k, ends.via, ends.c, (
        SELECT m.id FROM mentions m WHERE m.article_id = ends.c AND m.kind = 'ENTITY' AND (
          (ends.t = 'p' AND m.person_id = ends.id) OR (ends.t = 'o' AND m.organization_id = ends.id)
          OR (ends.t = 'l' AND m.place_id = ends.id) OR (ends.t = 'd' AND m.document_id = ends.id)
          OR (ends.t = 'j' AND m.project_id = ends.id) OR (ends.t = 'e' AND m.event_id = ends.id))
        ORDER BY m.start LIMIT 1) AS mention_id
      FROM ends WHERE ends.via = 'ARTICLE'
      UNION ALL
      -- EVENT: participation evidence of a person or organization
      SELECT ends.k, ends.via, ends.c, ep.mention_id
      FROM ends JOIN event_participants ep ON ep.event_id = ends.c
        AND ((ends.t = 'p' AND ep.person_id = ends.id) OR (ends.t = 'o' AND ep.organization_id = ends.id))
      WHERE ends.via = 'EVENT'
      UNION ALL
      -- EVENT: the event itself, or its place/project/document: where an article reports the event
      SELECT ends.k, ends.via, ends.c, (SELECT r.mention_id FROM event_reports r WHERE r.event_id = ends.c ORDER BY r.article_id LIMIT 1)
      FROM ends WHERE ends.via = 'EVENT' AND ends.t IN ('e', 'l', 'j', 'd')
    ) WHERE mention_id IS NOT NULL
    ORDER BY k, via, c, mention_id`);
  const out = new Map<string, number[]>();
  for (const r of rows) {
    const key = `${r.k}|${r.via}|${r.c}`;
    const list = out.get(key) ?? [];
    if (!list.includes(r.mention_id)) list.push(r.mention_id);
    out.set(key, list);
  }
  return out;
}
