// Shortest chain between two entities through shared events or articles: breadth-first over
// `entity_links` from both ends, one SQL statement per step, stopping where the two searches meet or after
// `maxHops`. Hubs (PATH_MAX_LINKS) and countries are never stepped through.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { KIND_OF_LINK_KEY, KINDS, LINK_KINDS, type LinkKind } from '../domain/entities';

/** Entity keys as stored in entity_links: 'p:12' (person), 'o:' organization, 'l:' place, 'd:' document, 'j:' project, 'e:' event. */
export type EntityKey = string;

/** The key prefix of each entity type (src/db/derived.ts writes the keys). */
export const ENTITY_KEY_PREFIX = Object.fromEntries(LINK_KINDS.map((k) => [k, KINDS[k].linkKey])) as Readonly<
  Record<string, string | undefined>
>;
/** The GraphQL type of a key prefix ('p' → Person). */
export const ENTITY_KEY_TYPENAME: Readonly<Record<string, LinkKind | undefined>> = KIND_OF_LINK_KEY;

export interface Hop {
  from: EntityKey;
  to: EntityKey;
  via: 'EVENT' | 'ARTICLE';
  connector: number;
}

/**
 * An entity linked to more events and articles than this is a hub (a ministry, a capital): a path may start
 * or end at it but never steps through it, as with countries. Through a hub everything is two steps from
 * everything, and expanding one reads tens of thousands of links.
 */
export const PATH_MAX_LINKS = 200;
export const MAX_HOPS = 6;
/**
 * Most links one step of the search may expand (the frontier's link counts summed). A frontier above it is
 * cut, keeping its entities in key order until the budget is spent, so a search stays bounded (and still
 * deterministic) where the graph around both ends is dense; it can then miss a path that exists.
 */
export const MAX_STEP_LINKS = 20_000;

/** How an entity was reached: from `prev`, one step closer to the end its side of the search started at. */
interface Reached {
  prev: EntityKey;
  via: 'EVENT' | 'ARTICLE';
  connector: number;
}

interface Side {
  seen: Map<EntityKey, Reached | null>;
  frontier: EntityKey[];
  /** Links of the frontier's entities: what expanding it costs. */
  links: number;
  depth: number;
}

interface Row {
  dst: EntityKey;
  src: EntityKey;
  via: 'EVENT' | 'ARTICLE';
  connector: number;
  links: number;
  rank: string;
}

/**
 * One step from `frontier`: every entity sharing an event or article with it and not yet seen from this
 * side, each once, with its preferred link back (events before articles, then the lowest connector id,
 * then the lowest entity key). Hubs and countries are not stepped on unless they are one of the two ends.
 */
async function expand(db: Db, frontier: EntityKey[], seen: Iterable<EntityKey>, ends: EntityKey[]): Promise<Row[]> {
  return db.all<Row>(sql`
    SELECT b.entity AS dst, a.entity AS src, a.via AS via, a.connector AS connector, g.links AS links,
      min(printf('%d%012d', a.via = 'ARTICLE', a.connector) || a.entity) AS rank
    FROM json_each(${JSON.stringify(frontier)}) f
    JOIN entity_links a ON a.entity = f.value
    JOIN entity_links b ON b.via = a.via AND b.connector = a.connector
    JOIN entity_link_counts g ON g.entity = b.entity
    WHERE b.entity NOT IN (SELECT value FROM json_each(${JSON.stringify([...seen])}))
      AND (b.entity IN (${ends[0]}, ${ends[1]}) OR (g.links <= ${PATH_MAX_LINKS}
        -- A country is named in nearly every article: as a stepping stone it would link everything to everything.
        AND b.entity NOT IN (SELECT ${KINDS.Place.linkKey} || ':' || id FROM places WHERE kind = 'COUNTRY')))
    GROUP BY b.entity
    ORDER BY b.entity`);
}

/** The frontier's first entities in key order, as many as fit in MAX_STEP_LINKS (at least one). */
function withinBudget(side: Side, linksOf: Map<EntityKey, number>): EntityKey[] {
  if (side.links <= MAX_STEP_LINKS) return side.frontier;
  const kept: EntityKey[] = [];
  let sum = 0;
  for (const k of side.frontier) {
    const n = linksOf.get(k) ?? 0;
    if (kept.length > 0 && sum + n > MAX_STEP_LINKS) break;
    kept.push(k);
    sum += n;
  }
  return kept;
}

/**
 * Shortest chain from `from` to `to` through shared events or articles, or null if there is none within
 * `maxHops`. Breadth-first from both ends at once, one SQL statement per step, always stepping from the
 * side whose frontier has fewer links. Ties between equally short chains are broken the same way every time:
 * the two halves meet at the preferred link of the last step (events before articles, lowest connector,
 * lowest keys), and each half follows its entities' preferred links back to its end.
 */
export async function shortestPath(db: Db, from: EntityKey, to: EntityKey, maxHops: number): Promise<Hop[] | null> {
  if (from === to) return [];
  const ends = [from, to];
  const linksOf = new Map<EntityKey, number>();
  for (const r of await db.all<{ entity: string; links: number }>(
    sql`SELECT entity, links FROM entity_link_counts WHERE entity IN (${from}, ${to})`,
  ))
    linksOf.set(r.entity, r.links);
  // An end without links (or not in the graph at all) reaches nothing.
  if (!linksOf.has(from) || !linksOf.has(to)) return null;
  const start = (k: EntityKey): Side => ({
    seen: new Map([[k, null]]),
    frontier: [k],
    links: linksOf.get(k) as number,
    depth: 0,
  });
  const fwd = start(from);
  const bwd = start(to);
  while (fwd.frontier.length > 0 && bwd.frontier.length > 0 && fwd.depth + bwd.depth < maxHops) {
    const [side, other] = fwd.links <= bwd.links ? [fwd, bwd] : [bwd, fwd];
    const rows = await expand(db, withinBudget(side, linksOf), side.seen.keys(), ends);
    side.depth++;
    let meet: Row | null = null;
    const next: EntityKey[] = [];
    let links = 0;
    for (const r of rows) {
      side.seen.set(r.dst, { prev: r.src, via: r.via, connector: r.connector });
      if (other.seen.has(r.dst)) {
        if (!meet || r.rank < meet.rank || (r.rank === meet.rank && r.dst < meet.dst)) meet = r;
        continue;
      }
      next.push(r.dst);
      linksOf.set(r.dst, r.links);
      links += r.links;
    }
    if (meet) return [...chain(fwd, meet.dst, true), ...chain(bwd, meet.dst, false)];
    side.frontier = next;
    side.links = links;
  }
  return null;
}

/**
 * The hops between `meet` and the end a side started from, in path order (`from` towards `to`): the forward
 * side's entities were reached from the `from` end, the backward side's from the `to` end.
 */
function chain(side: Side, meet: EntityKey, forward: boolean): Hop[] {
  const hops: Hop[] = [];
  let at = meet;
  for (let r = side.seen.get(at); r; r = side.seen.get(at)) {
    hops.push(
      forward
        ? { from: r.prev, to: at, via: r.via, connector: r.connector }
        : { from: at, to: r.prev, via: r.via, connector: r.connector },
    );
    at = r.prev;
  }
  return forward ? hops.reverse() : hops;
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
