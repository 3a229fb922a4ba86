// SQL that rebuilds the derived link tables (migrations/0002) from the curated facts. It runs in the same
// batch as the load, so readers never see facts without their links.
import { KINDS, LINK_KINDS, type LinkKind } from '../domain/entities';

/** An entity-link key prefix ('p' for people …), as a SQL string literal. */
const key = (kind: LinkKind) => `'${KINDS[kind].linkKey}'`;
/** The column naming an entity of the kind in a polymorphic row (`person_id` …). */
const idColumn = (kind: LinkKind) => `${kind.replace(/[A-Z]/g, (c, i: number) => (i ? '_' : '') + c.toLowerCase())}_id`;

/**
 * An entity in more articles than this is a hub (a ministry named everywhere): it does not make two articles
 * related. The pairs it would add grow with the square of its article count (an entity in 1,000 articles
 * alone gives a million pairs, each worth 1/1000 of a score), so the cap bounds the rebuild: at 100 the
 * pair count grows linearly with the corpus (bench/: 1.3M pairs at 10k articles instead of 15.6M).
 */
export const RELATED_MAX_DOCUMENT_FREQUENCY = 100;
/** How many related articles are kept per article. */
export const RELATED_PER_ARTICLE = 50;

const perArticle = (table: string, col: string) => [
  `DELETE FROM ${table}`,
  `INSERT INTO ${table} (article_id, ${col}, mention_count, first_start)
   SELECT article_id, ${col}, count(*), min(start) FROM mentions WHERE ${col} IS NOT NULL GROUP BY article_id, ${col}`,
];

export const DERIVED_STATEMENTS: string[] = [
  // Children of the rebuilt tables first.
  'DELETE FROM related_article_entities',
  'DELETE FROM related_articles',
  'DELETE FROM co_participant_events',
  'DELETE FROM co_participants',
  'UPDATE event_participants SET participation_id = NULL',
  'DELETE FROM participations',
  'DELETE FROM event_people',
  'DELETE FROM event_organizations',
  'DELETE FROM person_organizations',
  'DELETE FROM entity_link_counts',
  'DELETE FROM entity_links',
  ...perArticle('article_people', 'person_id'),
  ...perArticle('article_organizations', 'organization_id'),
  ...perArticle('article_places', 'place_id'),
  ...perArticle('article_documents', 'document_id'),
  ...perArticle('article_projects', 'project_id'),
  `INSERT INTO participations (event_id, person_id, organization_id, role)
   SELECT DISTINCT event_id, person_id, organization_id, role FROM event_participants
   ORDER BY event_id, role, person_id, organization_id`,
  `UPDATE event_participants SET participation_id = (
     SELECT p.id FROM participations p
     WHERE p.event_id = event_participants.event_id AND p.role = event_participants.role
       AND p.person_id IS event_participants.person_id AND p.organization_id IS event_participants.organization_id)`,
  // A quoted speaker was at the event even when no sentence lists them as a participant.
  `INSERT INTO event_people (event_id, person_id)
   SELECT event_id, person_id FROM participations WHERE person_id IS NOT NULL
   UNION SELECT event_id, speaker_id FROM quotes WHERE event_id IS NOT NULL`,
  `INSERT INTO event_organizations (event_id, organization_id)
   SELECT DISTINCT event_id, organization_id FROM participations WHERE organization_id IS NOT NULL`,
  `INSERT INTO person_organizations (person_id, organization_id)
   SELECT DISTINCT person_id, organization_id FROM roles WHERE organization_id IS NOT NULL`,
  `INSERT INTO co_participant_events (person_id, other_id, event_id)
   SELECT a.person_id, b.person_id, a.event_id FROM event_people a
   JOIN event_people b ON b.event_id = a.event_id AND b.person_id <> a.person_id`,
  `INSERT INTO co_participants (person_id, other_id, shared_count)
   SELECT person_id, other_id, count(*) FROM co_participant_events GROUP BY person_id, other_id`,
  `INSERT OR IGNORE INTO entity_links (entity, via, connector)
   SELECT ${key('Person')} || ':' || person_id, 'EVENT', event_id FROM event_people
   UNION ALL SELECT ${key('Organization')} || ':' || organization_id, 'EVENT', event_id FROM event_organizations
   UNION ALL SELECT ${key('Place')} || ':' || place_id, 'EVENT', id FROM events WHERE place_id IS NOT NULL
   UNION ALL SELECT ${key('Project')} || ':' || project_id, 'EVENT', id FROM events WHERE project_id IS NOT NULL
   UNION ALL SELECT ${key('Document')} || ':' || document_id, 'EVENT', event_id FROM event_documents
   UNION ALL SELECT ${key('Event')} || ':' || id, 'EVENT', id FROM events
   UNION ALL SELECT t || ':' || eid, 'ARTICLE', article_id FROM article_entity_links`,
  // Each link's date, for the timeline's index (migrations/0005). MATERIALIZED: given the choice, the
  // planner scans the article index once per link.
  `WITH d AS MATERIALIZED (SELECT id, sort_date FROM articles INDEXED BY articles_sort_date_idx)
   UPDATE entity_links SET sort_date = d.sort_date FROM d
   WHERE entity_links.via = 'ARTICLE' AND entity_links.connector = d.id`,
  `WITH d AS MATERIALIZED (SELECT id, sort_date FROM events)
   UPDATE entity_links SET sort_date = d.sort_date FROM d
   WHERE entity_links.via = 'EVENT' AND entity_links.connector = d.id`,
  `INSERT INTO entity_link_counts (entity, links, dated_events, dated_articles)
   SELECT entity, count(*), sum(via = 'EVENT' AND sort_date > ''), sum(via = 'ARTICLE' AND sort_date > '')
   FROM entity_links GROUP BY entity`,
  `WITH df AS (
     SELECT t, eid, count(*) AS n FROM article_entity_links GROUP BY t, eid
     HAVING count(*) > 1 AND count(*) <= ${RELATED_MAX_DOCUMENT_FREQUENCY}
   ),
   pairs AS (
     SELECT a.article_id, b.article_id AS other_id, sum(1.0 / df.n) AS score, count(*) AS shared
     FROM article_entity_links a
     JOIN df ON df.t = a.t AND df.eid = a.eid
     JOIN article_entity_links b ON b.t = a.t AND b.eid = a.eid AND b.article_id <> a.article_id
     GROUP BY a.article_id, b.article_id
   ),
   ranked AS (
     SELECT *, row_number() OVER (PARTITION BY article_id ORDER BY score DESC, shared DESC, other_id) AS rank FROM pairs
   )
   INSERT INTO related_articles (article_id, other_id, score, shared_count, rank)
   SELECT article_id, other_id, round(score, 6), shared, rank FROM ranked WHERE rank <= ${RELATED_PER_ARTICLE}`,
  `INSERT INTO related_article_entities (article_id, other_id, ${LINK_KINDS.map(idColumn).join(', ')})
   SELECT r.article_id, r.other_id, ${LINK_KINDS.map((k) => `CASE a.t WHEN ${key(k)} THEN a.eid END`).join(', ')}
   FROM related_articles r
   JOIN article_entity_links a ON a.article_id = r.article_id
   JOIN article_entity_links b ON b.article_id = r.other_id AND b.t = a.t AND b.eid = a.eid
   ORDER BY r.article_id, r.other_id, a.t, a.eid`,
];
