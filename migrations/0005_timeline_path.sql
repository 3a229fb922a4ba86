-- Timeline and path read entity_links (migrations/0002) as indexes rather than as lists to sort or walk
-- in full. Both columns/tables below are derived (src/db/derived.ts rebuilds them on every load); this
-- migration also fills them for a database loaded before it, so no reload is needed.

-- The date of each link's event or article ('' when unknown), so a subject's timeline page is one ordered
-- range of an index instead of a sort of every dated row it links to (43,721 articles for the busiest
-- organization at 100k articles), each read from its `articles` row.
ALTER TABLE entity_links ADD COLUMN sort_date TEXT NOT NULL DEFAULT '';

-- MATERIALIZED keeps the planner from scanning the article index once per link (it did, given the choice).
WITH d AS MATERIALIZED (SELECT id, sort_date FROM articles INDEXED BY articles_sort_date_idx)
UPDATE entity_links SET sort_date = d.sort_date FROM d
WHERE entity_links.via = 'ARTICLE' AND entity_links.connector = d.id;

WITH d AS MATERIALIZED (SELECT id, sort_date FROM events)
UPDATE entity_links SET sort_date = d.sort_date FROM d
WHERE entity_links.via = 'EVENT' AND entity_links.connector = d.id;

-- Timeline order: date, events before articles on the same day, then id.
CREATE INDEX entity_links_timeline_idx ON entity_links (entity, sort_date, via DESC, connector);

-- How many events and articles each entity is linked to: `path` never steps through an entity above a
-- threshold (a hub), and expands the cheaper side of its search first. The dated counts are a subject's
-- timeline total when no date window applies, without counting the index range (71,465 links at 100k).
CREATE TABLE entity_link_counts (
  entity TEXT PRIMARY KEY,
  links INTEGER NOT NULL,
  dated_events INTEGER NOT NULL,
  dated_articles INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO entity_link_counts (entity, links, dated_events, dated_articles)
SELECT entity, count(*), sum(via = 'EVENT' AND sort_date > ''), sum(via = 'ARTICLE' AND sort_date > '')
FROM entity_links GROUP BY entity;
