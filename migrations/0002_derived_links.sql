-- Link tables derived from the curated facts (rebuilt by every load, see src/db/derived.ts).
-- They turn "distinct X of Y" questions into plain relations, so a nested GraphQL selection still
-- compiles to a single SQL statement.

-- Which entities an article mentions (distinct), with how often and where first.
CREATE TABLE article_people (
  article_id INTEGER NOT NULL REFERENCES articles (id),
  person_id INTEGER NOT NULL REFERENCES people (id),
  mention_count INTEGER NOT NULL,
  first_start INTEGER NOT NULL,
  PRIMARY KEY (article_id, person_id)
);
CREATE INDEX article_people_person_idx ON article_people (person_id, article_id);

CREATE TABLE article_organizations (
  article_id INTEGER NOT NULL REFERENCES articles (id),
  organization_id INTEGER NOT NULL REFERENCES organizations (id),
  mention_count INTEGER NOT NULL,
  first_start INTEGER NOT NULL,
  PRIMARY KEY (article_id, organization_id)
);
CREATE INDEX article_organizations_org_idx ON article_organizations (organization_id, article_id);

CREATE TABLE article_places (
  article_id INTEGER NOT NULL REFERENCES articles (id),
  place_id INTEGER NOT NULL REFERENCES places (id),
  mention_count INTEGER NOT NULL,
  first_start INTEGER NOT NULL,
  PRIMARY KEY (article_id, place_id)
);
CREATE INDEX article_places_place_idx ON article_places (place_id, article_id);

CREATE TABLE article_documents (
  article_id INTEGER NOT NULL REFERENCES articles (id),
  document_id INTEGER NOT NULL REFERENCES documents (id),
  mention_count INTEGER NOT NULL,
  first_start INTEGER NOT NULL,
  PRIMARY KEY (article_id, document_id)
);
CREATE INDEX article_documents_document_idx ON article_documents (document_id, article_id);

CREATE TABLE article_projects (
  article_id INTEGER NOT NULL REFERENCES articles (id),
  project_id INTEGER NOT NULL REFERENCES projects (id),
  mention_count INTEGER NOT NULL,
  first_start INTEGER NOT NULL,
  PRIMARY KEY (article_id, project_id)
);
CREATE INDEX article_projects_project_idx ON article_projects (project_id, article_id);

-- One row per (event, participant, role); the evidence rows in event_participants point back to it.
CREATE TABLE participations (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events (id),
  person_id INTEGER REFERENCES people (id),
  organization_id INTEGER REFERENCES organizations (id),
  role TEXT NOT NULL,
  CHECK ((person_id IS NULL) <> (organization_id IS NULL))
);
CREATE INDEX participations_event_idx ON participations (event_id, role);
CREATE INDEX participations_person_idx ON participations (person_id, event_id);
CREATE INDEX participations_org_idx ON participations (organization_id, event_id);
ALTER TABLE event_participants ADD COLUMN participation_id INTEGER REFERENCES participations (id);
CREATE INDEX event_participants_participation_idx ON event_participants (participation_id);

-- Distinct events per participant (a person who both attends and speaks is in the event once).
CREATE TABLE event_people (
  event_id INTEGER NOT NULL REFERENCES events (id),
  person_id INTEGER NOT NULL REFERENCES people (id),
  PRIMARY KEY (event_id, person_id)
);
CREATE INDEX event_people_person_idx ON event_people (person_id, event_id);

CREATE TABLE event_organizations (
  event_id INTEGER NOT NULL REFERENCES events (id),
  organization_id INTEGER NOT NULL REFERENCES organizations (id),
  PRIMARY KEY (event_id, organization_id)
);
CREATE INDEX event_organizations_org_idx ON event_organizations (organization_id, event_id);

-- Organizations a person holds a role in (distinct), for Person.organizations / Organization.people.
CREATE TABLE person_organizations (
  person_id INTEGER NOT NULL REFERENCES people (id),
  organization_id INTEGER NOT NULL REFERENCES organizations (id),
  PRIMARY KEY (person_id, organization_id)
);
CREATE INDEX person_organizations_org_idx ON person_organizations (organization_id, person_id);

-- People who share events, ranked per person by how many.
CREATE TABLE co_participants (
  person_id INTEGER NOT NULL REFERENCES people (id),
  other_id INTEGER NOT NULL REFERENCES people (id),
  shared_count INTEGER NOT NULL,
  PRIMARY KEY (person_id, other_id)
);
CREATE INDEX co_participants_rank_idx ON co_participants (person_id, shared_count DESC, other_id);

CREATE TABLE co_participant_events (
  person_id INTEGER NOT NULL,
  other_id INTEGER NOT NULL,
  event_id INTEGER NOT NULL REFERENCES events (id),
  PRIMARY KEY (person_id, other_id, event_id)
);

-- Articles that share entities, ranked per article (rarer shared entities weigh more).
CREATE TABLE related_articles (
  article_id INTEGER NOT NULL REFERENCES articles (id),
  other_id INTEGER NOT NULL REFERENCES articles (id),
  score REAL NOT NULL,
  shared_count INTEGER NOT NULL,
  rank INTEGER NOT NULL,
  PRIMARY KEY (article_id, other_id)
);
CREATE INDEX related_articles_rank_idx ON related_articles (article_id, rank);

CREATE TABLE related_article_entities (
  article_id INTEGER NOT NULL,
  other_id INTEGER NOT NULL,
  person_id INTEGER REFERENCES people (id),
  organization_id INTEGER REFERENCES organizations (id),
  place_id INTEGER REFERENCES places (id),
  document_id INTEGER REFERENCES documents (id),
  project_id INTEGER REFERENCES projects (id),
  event_id INTEGER REFERENCES events (id)
);
CREATE INDEX related_article_entities_pair_idx ON related_article_entities (article_id, other_id);

-- The graph `path` walks: an entity (key 'p:12', 'o:3', 'l:4', 'd:2', 'j:1', 'e:5') linked to a connector
-- (an EVENT it took part in or an ARTICLE that names it). Two entities sharing a connector are one hop apart.
CREATE TABLE entity_links (
  entity TEXT NOT NULL,
  via TEXT NOT NULL CHECK (via IN ('EVENT', 'ARTICLE')),
  connector INTEGER NOT NULL,
  PRIMARY KEY (entity, via, connector)
) WITHOUT ROWID;
CREATE INDEX entity_links_connector_idx ON entity_links (via, connector, entity);

-- Every (article, entity) pair, typed: p person, o organization, l place, d document, j project, e event.
CREATE VIEW article_entity_links AS
  SELECT article_id, 'p' AS t, person_id AS eid FROM article_people
  UNION ALL SELECT article_id, 'o', organization_id FROM article_organizations
  UNION ALL SELECT article_id, 'l', place_id FROM article_places
  UNION ALL SELECT article_id, 'd', document_id FROM article_documents
  UNION ALL SELECT article_id, 'j', project_id FROM article_projects
  UNION ALL SELECT DISTINCT article_id, 'e', event_id FROM (
    SELECT article_id, event_id FROM event_reports
    UNION SELECT article_id, event_id FROM mentions WHERE event_id IS NOT NULL
  );
