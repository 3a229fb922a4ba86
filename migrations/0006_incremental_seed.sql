-- Incremental loading (src/seed/incremental.ts) and polling for new articles.

-- The date an article entered the knowledge base (ISO day, from its YAML), for `articles(filter: {addedAfter})`
-- and `orderBy: ADDED`. A database loaded before this migration gets it on its next load.
ALTER TABLE articles ADD COLUMN added TEXT;
CREATE INDEX articles_added_idx ON articles (added, id);
-- Where the page was captured from (the YAML's optional `url`), null when unknown.
ALTER TABLE articles ADD COLUMN url TEXT;

-- What the seed has loaded: one row per unit (an article with everything it states, an entity, an event,
-- a conflict) with a digest of its rows, so a load writes only the units that changed. Rows of the
-- database that no unit names (another corpus in the same database) are never touched.
CREATE TABLE seed_units (
  unit TEXT PRIMARY KEY, -- 'articles:<slug>', 'people:<slug>', 'events:<slug>', 'conflicts:<slug>', ...
  row_id INTEGER NOT NULL, -- the unit's row id in its table
  digest TEXT NOT NULL
) WITHOUT ROWID;

-- Scratch space of one load's batch: the ids and entity keys whose derived rows it recomputes. Emptied
-- at the start and the end of the batch, so it is always empty between loads.
CREATE TABLE seed_touched (
  kind TEXT NOT NULL,
  key TEXT NOT NULL DEFAULT '',
  id INTEGER NOT NULL,
  n INTEGER NOT NULL DEFAULT 0, -- a count that goes with the key (how many articles name an entity)
  PRIMARY KEY (kind, key, id)
) WITHOUT ROWID;

-- An incremental load deletes and re-reads an article's participant rows by article.
CREATE INDEX event_participants_article_idx ON event_participants (article_id);

-- It also deletes the mentions, roles and quotes of an article it writes again. Foreign keys are on, so
-- each deleted row is looked up in every table that names it: without these indexes, a scan of each
-- (100k articles, 300k roles ...) per deleted row.
CREATE INDEX articles_title_mention_idx ON articles (title_mention_id);
CREATE INDEX articles_title_en_mention_idx ON articles (title_en_mention_id);
CREATE INDEX articles_published_mention_idx ON articles (published_mention_id);
CREATE INDEX articles_publisher_mention_idx ON articles (publisher_mention_id);
CREATE INDEX article_authors_mention_idx ON article_authors (mention_id);
CREATE INDEX event_reports_mention_idx ON event_reports (mention_id);
CREATE INDEX event_participants_mention_idx ON event_participants (mention_id);
CREATE INDEX roles_mention_idx ON roles (mention_id);
CREATE INDEX quotes_mention_idx ON quotes (mention_id);
CREATE INDEX quotes_role_idx ON quotes (role_id);
CREATE INDEX conflict_claims_mention_idx ON conflict_claims (mention_id);
CREATE INDEX conflict_claims_article_idx ON conflict_claims (article_id);
CREATE INDEX events_date_mention_idx ON events (date_mention_id);
CREATE INDEX events_date_article_idx ON events (date_article_id);

-- The dataset version is now a digest of the loaded units: forget the old one so the next load writes it.
DELETE FROM dataset;
