// The derived tables of src/db/derived.ts, recomputed only for what one load touched: the articles and
// events listed in `seed_touched` (migrations/0006), and everything their change can reach (the people of
// those events, the entities those articles name, the articles sharing those entities). The result is
// the one DERIVED_STATEMENTS would give; each statement reads an index range, not a whole table.
import { RELATED_MAX_DOCUMENT_FREQUENCY, RELATED_PER_ARTICLE } from './derived';

const set = (kind: string) => `(SELECT id FROM seed_touched WHERE kind = '${kind}' AND key = '')`;
const A = set('a');
const E = set('e');

/** The per-article link tables and the column naming their entity (t is the entity-key prefix). */
const PER_ARTICLE = [
  { table: 'article_people', col: 'person_id', t: 'p' },
  { table: 'article_organizations', col: 'organization_id', t: 'o' },
  { table: 'article_places', col: 'place_id', t: 'l' },
  { table: 'article_documents', col: 'document_id', t: 'd' },
  { table: 'article_projects', col: 'project_id', t: 'j' },
] as const;

/**
 * The (article, entity) pairs of `article_entity_links` for the entities listed under `kind` (key = the
 * type letter, id = the entity id), one index range per entity.
 */
function linksOfEntities(kind: string): string {
  return [
    ...PER_ARTICLE.map(
      (p) => `SELECT x.article_id, '${p.t}' AS t, x.${p.col} AS eid
       FROM seed_touched k JOIN ${p.table} x ON x.${p.col} = k.id WHERE k.kind = '${kind}' AND k.key = '${p.t}'`,
    ),
    `SELECT r.article_id, 'e', r.event_id FROM seed_touched k JOIN event_reports r ON r.event_id = k.id
       WHERE k.kind = '${kind}' AND k.key = 'e'
     UNION SELECT m.article_id, 'e', m.event_id FROM seed_touched k JOIN mentions m ON m.event_id = k.id
       WHERE k.kind = '${kind}' AND k.key = 'e'`,
  ].join('\n UNION ALL ');
}

/** The rows of `article_entity_links` of the articles in `articles` (a subquery), one index range each. */
function linksOfArticles(articles: string): string {
  return [
    ...PER_ARTICLE.map(
      (p) => `SELECT article_id, '${p.t}' AS t, ${p.col} AS eid FROM ${p.table} WHERE article_id IN ${articles}`,
    ),
    `SELECT article_id, 'e', event_id FROM event_reports WHERE article_id IN ${articles}
     UNION SELECT article_id, 'e', event_id FROM mentions WHERE article_id IN ${articles} AND event_id IS NOT NULL`,
  ].join('\n UNION ALL ');
}

/** How many articles name entity (t, eid): the document frequency of the full rebuild. */
const documentFrequency = (t: string, eid: string) => `CASE ${t}
  ${PER_ARTICLE.map((p) => `WHEN '${p.t}' THEN (SELECT count(*) FROM ${p.table} WHERE ${p.col} = ${eid})`).join('\n  ')}
  ELSE (SELECT count(*) FROM (SELECT article_id FROM event_reports WHERE event_id = ${eid}
        UNION SELECT article_id FROM mentions WHERE event_id = ${eid})) END`;

/** What the touched articles' facts reach: run once before their rows change and once after. */
export const TOUCHED_REACH_STATEMENTS: string[] = [
  `INSERT OR IGNORE INTO seed_touched (kind, id)
   SELECT 'e', event_id FROM event_reports WHERE article_id IN ${A}
   UNION SELECT 'e', event_id FROM event_participants WHERE article_id IN ${A}
   UNION SELECT 'e', event_id FROM quotes WHERE article_id IN ${A} AND event_id IS NOT NULL
   UNION SELECT 'e', event_id FROM mentions WHERE article_id IN ${A} AND event_id IS NOT NULL`,
  `INSERT OR IGNORE INTO seed_touched (kind, id)
   SELECT 'po', person_id FROM roles WHERE article_id IN ${A}`,
  `INSERT OR IGNORE INTO seed_touched (kind, key, id)
   SELECT 'ent', t, eid FROM (${linksOfArticles(A)})`,
];

/** Recomputes the derived rows of what `seed_touched` lists; runs after the facts are written. */
export const TOUCHED_DERIVED_STATEMENTS: string[] = [
  ...TOUCHED_REACH_STATEMENTS,
  // The old derived rows name who and what they reached, before they are replaced.
  `INSERT OR IGNORE INTO seed_touched (kind, id) SELECT 'cp', person_id FROM event_people WHERE event_id IN ${E}`,
  `INSERT OR IGNORE INTO seed_touched (kind, key, id)
   SELECT 'k', entity, 0 FROM entity_links WHERE via = 'ARTICLE' AND connector IN ${A}
   UNION SELECT 'k', entity, 0 FROM entity_links WHERE via = 'EVENT' AND connector IN ${E}`,
  ...PER_ARTICLE.flatMap((p) => [
    `DELETE FROM ${p.table} WHERE article_id IN ${A}`,
    `INSERT INTO ${p.table} (article_id, ${p.col}, mention_count, first_start)
     SELECT article_id, ${p.col}, count(*), min(start) FROM mentions
     WHERE article_id IN ${A} AND ${p.col} IS NOT NULL GROUP BY article_id, ${p.col}`,
  ]),
  // The entities the touched articles name now (the per-article tables were just recomputed).
  `INSERT OR IGNORE INTO seed_touched (kind, key, id)
   SELECT 'ent', t, eid FROM (${linksOfArticles(A)})`,
  `UPDATE event_participants SET participation_id = NULL WHERE event_id IN ${E}`,
  `DELETE FROM participations WHERE event_id IN ${E}`,
  `INSERT INTO participations (event_id, person_id, organization_id, role)
   SELECT DISTINCT event_id, person_id, organization_id, role FROM event_participants WHERE event_id IN ${E}
   ORDER BY event_id, role, person_id, organization_id`,
  `UPDATE event_participants SET participation_id = (
     SELECT p.id FROM participations p
     WHERE p.event_id = event_participants.event_id AND p.role = event_participants.role
       AND p.person_id IS event_participants.person_id AND p.organization_id IS event_participants.organization_id)
   WHERE event_id IN ${E}`,
  `DELETE FROM event_people WHERE event_id IN ${E}`,
  `INSERT INTO event_people (event_id, person_id)
   SELECT event_id, person_id FROM participations WHERE person_id IS NOT NULL AND event_id IN ${E}
   UNION SELECT event_id, speaker_id FROM quotes WHERE event_id IN ${E}`,
  `DELETE FROM event_organizations WHERE event_id IN ${E}`,
  `INSERT INTO event_organizations (event_id, organization_id)
   SELECT DISTINCT event_id, organization_id FROM participations WHERE organization_id IS NOT NULL AND event_id IN ${E}`,
  `DELETE FROM person_organizations WHERE person_id IN ${set('po')}`,
  `INSERT INTO person_organizations (person_id, organization_id)
   SELECT DISTINCT person_id, organization_id FROM roles WHERE organization_id IS NOT NULL AND person_id IN ${set('po')}`,
  // Co-participants: every pair with a person of a touched event (before or after) is counted again.
  `INSERT OR IGNORE INTO seed_touched (kind, id) SELECT 'cp', person_id FROM event_people WHERE event_id IN ${E}`,
  `DELETE FROM co_participant_events WHERE event_id IN ${E}`,
  `INSERT INTO co_participant_events (person_id, other_id, event_id)
   SELECT a.person_id, b.person_id, a.event_id FROM event_people a
   JOIN event_people b ON b.event_id = a.event_id AND b.person_id <> a.person_id WHERE a.event_id IN ${E}`,
  // The pairs are symmetric: (x, y) with y touched is the mirror of (y, x), found through the index on person.
  `DELETE FROM co_participants WHERE rowid IN (
     SELECT c.rowid FROM seed_touched s JOIN co_participants m ON m.person_id = s.id
     JOIN co_participants c ON c.person_id = m.other_id AND c.other_id = m.person_id WHERE s.kind = 'cp' AND s.key = '')`,
  `DELETE FROM co_participants WHERE person_id IN ${set('cp')}`,
  `INSERT INTO co_participants (person_id, other_id, shared_count)
   SELECT person_id, other_id, count(*) FROM co_participant_events WHERE person_id IN ${set('cp')}
   GROUP BY person_id, other_id
   UNION ALL
   SELECT other_id, person_id, count(*) FROM co_participant_events
   WHERE person_id IN ${set('cp')} AND other_id NOT IN ${set('cp')} GROUP BY other_id, person_id`,
  // The path graph: the links whose connector is a touched article or event.
  `DELETE FROM entity_links WHERE via = 'ARTICLE' AND connector IN ${A}`,
  `DELETE FROM entity_links WHERE via = 'EVENT' AND connector IN ${E}`,
  `INSERT OR IGNORE INTO entity_links (entity, via, connector)
   SELECT 'p:' || person_id, 'EVENT', event_id FROM event_people WHERE event_id IN ${E}
   UNION ALL SELECT 'o:' || organization_id, 'EVENT', event_id FROM event_organizations WHERE event_id IN ${E}
   UNION ALL SELECT 'l:' || place_id, 'EVENT', id FROM events WHERE place_id IS NOT NULL AND id IN ${E}
   UNION ALL SELECT 'j:' || project_id, 'EVENT', id FROM events WHERE project_id IS NOT NULL AND id IN ${E}
   UNION ALL SELECT 'd:' || document_id, 'EVENT', event_id FROM event_documents WHERE event_id IN ${E}
   UNION ALL SELECT 'e:' || id, 'EVENT', id FROM events WHERE id IN ${E}
   UNION ALL SELECT t || ':' || eid, 'ARTICLE', article_id FROM (${linksOfArticles(A)})`,
  `UPDATE entity_links SET sort_date = (SELECT sort_date FROM articles WHERE id = entity_links.connector)
   WHERE via = 'ARTICLE' AND connector IN ${A} AND EXISTS (SELECT 1 FROM articles WHERE id = entity_links.connector)`,
  `UPDATE entity_links SET sort_date = (SELECT sort_date FROM events WHERE id = entity_links.connector)
   WHERE via = 'EVENT' AND connector IN ${E} AND EXISTS (SELECT 1 FROM events WHERE id = entity_links.connector)`,
  `INSERT OR IGNORE INTO seed_touched (kind, key, id)
   SELECT 'k', entity, 0 FROM entity_links WHERE via = 'ARTICLE' AND connector IN ${A}
   UNION SELECT 'k', entity, 0 FROM entity_links WHERE via = 'EVENT' AND connector IN ${E}`,
  `DELETE FROM entity_link_counts WHERE entity IN (SELECT key FROM seed_touched WHERE kind = 'k')`,
  `INSERT INTO entity_link_counts (entity, links, dated_events, dated_articles)
   SELECT entity, count(*), sum(via = 'EVENT' AND sort_date > ''), sum(via = 'ARTICLE' AND sort_date > '')
   FROM entity_links WHERE entity IN (SELECT key FROM seed_touched WHERE kind = 'k') GROUP BY entity`,
  // Related articles. A touched article changes the document frequency of the entities it names (before
  // or after), hence the scores of every article naming one of them, unless that entity is a hub both
  // before and after (then it weighs nothing either way): those articles are ranked again.
  `INSERT OR IGNORE INTO seed_touched (kind, id) SELECT 'r', id FROM seed_touched WHERE kind = 'a' AND key = ''`,
  `WITH l AS MATERIALIZED (${linksOfEntities('ent')}),
   df AS (SELECT t, eid FROM l GROUP BY t, eid
          HAVING count(*) <= ${RELATED_MAX_DOCUMENT_FREQUENCY} + (SELECT count(*) FROM seed_touched WHERE kind = 'a'))
   INSERT OR IGNORE INTO seed_touched (kind, id) SELECT DISTINCT 'r', l.article_id FROM l JOIN df USING (t, eid)`,
  `DELETE FROM related_article_entities WHERE article_id IN ${set('r')}`,
  `DELETE FROM related_articles WHERE article_id IN ${set('r')}`,
  // The entities of the articles ranked again, with their document frequency, then every article naming
  // one that is neither unique nor a hub.
  `INSERT OR IGNORE INTO seed_touched (kind, key, id)
   SELECT DISTINCT 'rent', t, eid FROM (${linksOfArticles(set('r'))})`,
  `UPDATE seed_touched SET n = ${documentFrequency('seed_touched.key', 'seed_touched.id')} WHERE kind = 'rent'`,
  `DELETE FROM seed_touched WHERE kind = 'rent' AND (n <= 1 OR n > ${RELATED_MAX_DOCUMENT_FREQUENCY})`,
  `INSERT OR IGNORE INTO seed_touched (kind, key, id, n)
   SELECT 'rl', l.t || ':' || l.eid, l.article_id, k.n FROM (${linksOfEntities('rent')}) l
   JOIN seed_touched k ON k.kind = 'rent' AND k.key = l.t AND k.id = l.eid`,
  `WITH pairs AS (
     SELECT a.id AS article_id, b.id AS other_id, sum(1.0 / a.n) AS score, count(*) AS shared
     FROM seed_touched a JOIN seed_touched b ON b.kind = 'rl' AND b.key = a.key AND b.id <> a.id
     WHERE a.kind = 'rl' AND a.id IN ${set('r')}
     GROUP BY a.id, b.id
   ),
   ranked AS (
     SELECT *, row_number() OVER (PARTITION BY article_id ORDER BY score DESC, shared DESC, other_id) AS rank FROM pairs
   )
   INSERT INTO related_articles (article_id, other_id, score, shared_count, rank)
   SELECT article_id, other_id, round(score, 6), shared, rank FROM ranked WHERE rank <= ${RELATED_PER_ARTICLE}`,
  // The entities each ranked pair shares (hubs included), from the entity lists of the articles involved:
  // kind 'ae' || type letter, key the article id, id the entity id, so each pair is two index ranges.
  `INSERT OR IGNORE INTO seed_touched (kind, key, id)
   SELECT 'ae' || t, article_id, eid FROM (${linksOfArticles(`(SELECT id FROM seed_touched WHERE kind = 'r' AND key = '' UNION SELECT other_id FROM related_articles WHERE article_id IN ${set('r')})`)})`,
  `INSERT INTO related_article_entities (article_id, other_id, person_id, organization_id, place_id, document_id, project_id, event_id)
   SELECT r.article_id, r.other_id,
     CASE a.kind WHEN 'aep' THEN a.id END, CASE a.kind WHEN 'aeo' THEN a.id END, CASE a.kind WHEN 'ael' THEN a.id END,
     CASE a.kind WHEN 'aed' THEN a.id END, CASE a.kind WHEN 'aej' THEN a.id END, CASE a.kind WHEN 'aee' THEN a.id END
   FROM related_articles r
   JOIN seed_touched a ON a.kind IN ('aep', 'aeo', 'ael', 'aed', 'aej', 'aee') AND a.key = CAST(r.article_id AS TEXT)
   JOIN seed_touched b ON b.kind = a.kind AND b.key = CAST(r.other_id AS TEXT) AND b.id = a.id
   WHERE r.article_id IN ${set('r')}
   ORDER BY r.article_id, r.other_id, substr(a.kind, 3), a.id`,
];
