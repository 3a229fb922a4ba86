-- The knowledge base. Every fact row carries the article and [start, end) span that supports it.
-- Offsets are UTF-16 code units into articles.body.

CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  source_file TEXT NOT NULL UNIQUE,
  body TEXT NOT NULL,
  languages TEXT NOT NULL, -- comma-separated ISO 639-1 codes, e.g. 'vi,en'
  title TEXT NOT NULL,
  title_start INTEGER NOT NULL,
  title_end INTEGER NOT NULL,
  title_mention_id INTEGER NOT NULL REFERENCES mentions (id),
  title_en TEXT,
  title_en_start INTEGER,
  title_en_end INTEGER,
  title_en_mention_id INTEGER REFERENCES mentions (id),
  published_local TEXT, -- 'YYYY-MM-DDTHH:MM' as printed
  published_offset TEXT, -- '+07:00' only when the text states it
  published_date TEXT, -- 'YYYY-MM-DD'
  sort_date TEXT NOT NULL, -- published_date, or '' when unknown: a non-null key for ordering and cursors
  published_start INTEGER,
  published_end INTEGER,
  published_mention_id INTEGER REFERENCES mentions (id),
  publisher_id INTEGER REFERENCES organizations (id),
  publisher_start INTEGER,
  publisher_end INTEGER,
  publisher_mention_id INTEGER REFERENCES mentions (id)
);
CREATE INDEX articles_sort_date_idx ON articles (sort_date, id);
CREATE INDEX articles_publisher_idx ON articles (publisher_id);

CREATE TABLE article_content (
  article_id INTEGER NOT NULL REFERENCES articles (id),
  ordinal INTEGER NOT NULL,
  lang TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  PRIMARY KEY (article_id, ordinal)
);

CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  name_folded TEXT NOT NULL,
  names_folded TEXT NOT NULL, -- folded name, English name, acronyms and aliases, ' | '-separated -- lower case, no diacritics, đ -> d
  honorifics TEXT NOT NULL DEFAULT '[]', -- JSON array
  aliases TEXT NOT NULL DEFAULT '[]', -- JSON array
  country TEXT
);
CREATE INDEX people_name_folded_idx ON people (name_folded);
CREATE INDEX people_country_idx ON people (country);

CREATE TABLE organizations (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  name_en TEXT,
  name_folded TEXT NOT NULL,
  names_folded TEXT NOT NULL, -- folded name, English name, acronyms and aliases, ' | '-separated
  acronyms TEXT NOT NULL DEFAULT '[]',
  aliases TEXT NOT NULL DEFAULT '[]',
  kind TEXT NOT NULL,
  country TEXT,
  parent_id INTEGER REFERENCES organizations (id)
);
CREATE INDEX organizations_parent_idx ON organizations (parent_id);
CREATE INDEX organizations_name_folded_idx ON organizations (name_folded);

CREATE TABLE places (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  name_en TEXT,
  name_folded TEXT NOT NULL,
  names_folded TEXT NOT NULL, -- folded name, English name, acronyms and aliases, ' | '-separated
  aliases TEXT NOT NULL DEFAULT '[]',
  kind TEXT NOT NULL,
  country TEXT,
  parent_id INTEGER REFERENCES places (id)
);
CREATE INDEX places_parent_idx ON places (parent_id);

CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  code TEXT,
  title TEXT,
  title_en TEXT,
  aliases TEXT NOT NULL DEFAULT '[]',
  names_folded TEXT NOT NULL, -- folded code, titles and aliases
  issuer_id INTEGER REFERENCES organizations (id),
  date TEXT,
  date_precision TEXT
);
CREATE INDEX documents_issuer_idx ON documents (issuer_id);

CREATE TABLE projects (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  name_en TEXT,
  name_folded TEXT NOT NULL,
  names_folded TEXT NOT NULL, -- folded name, English name, acronyms and aliases, ' | '-separated
  acronyms TEXT NOT NULL DEFAULT '[]',
  aliases TEXT NOT NULL DEFAULT '[]',
  funding TEXT,
  period_start TEXT,
  period_end TEXT
);

CREATE TABLE project_components (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects (id),
  number INTEGER NOT NULL,
  title TEXT NOT NULL,
  title_en TEXT,
  UNIQUE (project_id, number)
);

CREATE TABLE project_partners (
  project_id INTEGER NOT NULL REFERENCES projects (id),
  organization_id INTEGER NOT NULL REFERENCES organizations (id),
  role TEXT,
  PRIMARY KEY (project_id, organization_id)
);
CREATE INDEX project_partners_org_idx ON project_partners (organization_id);

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  title_en TEXT,
  date TEXT, -- 'YYYY-MM-DD'; first day of the month/year when the precision is coarser
  date_precision TEXT,
  sort_date TEXT NOT NULL, -- date, or '' when unknown
  date_inferred INTEGER NOT NULL DEFAULT 0,
  date_article_id INTEGER REFERENCES articles (id),
  date_start INTEGER,
  date_end INTEGER,
  date_text TEXT,
  date_mention_id INTEGER REFERENCES mentions (id),
  part_of_day TEXT,
  online INTEGER NOT NULL DEFAULT 0,
  place_id INTEGER REFERENCES places (id),
  parent_id INTEGER REFERENCES events (id),
  project_id INTEGER REFERENCES projects (id)
);
CREATE INDEX events_sort_date_idx ON events (sort_date, id);
CREATE INDEX events_kind_date_idx ON events (kind, sort_date);
CREATE INDEX events_place_idx ON events (place_id);
CREATE INDEX events_parent_idx ON events (parent_id);
CREATE INDEX events_project_idx ON events (project_id);

CREATE TABLE event_documents (
  event_id INTEGER NOT NULL REFERENCES events (id),
  document_id INTEGER NOT NULL REFERENCES documents (id),
  PRIMARY KEY (event_id, document_id)
);
CREATE INDEX event_documents_document_idx ON event_documents (document_id);

CREATE TABLE event_reports (
  event_id INTEGER NOT NULL REFERENCES events (id),
  article_id INTEGER NOT NULL REFERENCES articles (id),
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  mention_id INTEGER NOT NULL REFERENCES mentions (id),
  PRIMARY KEY (event_id, article_id)
);
CREATE INDEX event_reports_article_idx ON event_reports (article_id);

CREATE TABLE event_participants (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events (id),
  person_id INTEGER REFERENCES people (id),
  organization_id INTEGER REFERENCES organizations (id),
  role TEXT NOT NULL,
  article_id INTEGER NOT NULL REFERENCES articles (id),
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  mention_id INTEGER NOT NULL REFERENCES mentions (id),
  CHECK ((person_id IS NULL) <> (organization_id IS NULL))
);
CREATE INDEX event_participants_event_idx ON event_participants (event_id);
CREATE INDEX event_participants_person_idx ON event_participants (person_id);
CREATE INDEX event_participants_org_idx ON event_participants (organization_id);

CREATE TABLE article_authors (
  article_id INTEGER NOT NULL REFERENCES articles (id),
  person_id INTEGER NOT NULL REFERENCES people (id),
  ordinal INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  mention_id INTEGER NOT NULL REFERENCES mentions (id),
  PRIMARY KEY (article_id, person_id)
);
CREATE INDEX article_authors_person_idx ON article_authors (person_id);

CREATE TABLE roles (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people (id),
  title TEXT NOT NULL,
  title_en TEXT,
  organization_id INTEGER REFERENCES organizations (id),
  article_id INTEGER NOT NULL REFERENCES articles (id),
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  mention_id INTEGER NOT NULL REFERENCES mentions (id)
);
CREATE INDEX roles_person_idx ON roles (person_id, article_id);
CREATE INDEX roles_org_idx ON roles (organization_id);
CREATE INDEX roles_article_idx ON roles (article_id);

CREATE TABLE quotes (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('DIRECT', 'INDIRECT')),
  text TEXT NOT NULL,
  speaker_id INTEGER NOT NULL REFERENCES people (id),
  role_id INTEGER REFERENCES roles (id),
  event_id INTEGER REFERENCES events (id),
  article_id INTEGER NOT NULL REFERENCES articles (id),
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  mention_id INTEGER NOT NULL REFERENCES mentions (id)
);
CREATE INDEX quotes_speaker_idx ON quotes (speaker_id, article_id, start);
CREATE INDEX quotes_event_idx ON quotes (event_id);
CREATE INDEX quotes_article_idx ON quotes (article_id, start);

CREATE TABLE quote_documents (
  quote_id INTEGER NOT NULL REFERENCES quotes (id),
  document_id INTEGER NOT NULL REFERENCES documents (id),
  PRIMARY KEY (quote_id, document_id)
);
CREATE INDEX quote_documents_document_idx ON quote_documents (document_id);

CREATE TABLE mentions (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id),
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  -- ENTITY: an occurrence of the one entity named below. Every other kind is the evidence span of a
  -- fact (QUOTE, ROLE, REPORT, PARTICIPATION, CLAIM, TITLE, DATE, BYLINE, PUBLISHER, PUBLISHED).
  kind TEXT NOT NULL,
  person_id INTEGER REFERENCES people (id),
  organization_id INTEGER REFERENCES organizations (id),
  place_id INTEGER REFERENCES places (id),
  document_id INTEGER REFERENCES documents (id),
  project_id INTEGER REFERENCES projects (id),
  event_id INTEGER REFERENCES events (id),
  CHECK (
    ((person_id IS NOT NULL) + (organization_id IS NOT NULL) + (place_id IS NOT NULL)
      + (document_id IS NOT NULL) + (project_id IS NOT NULL) + (event_id IS NOT NULL))
    = (kind = 'ENTITY')
  )
);
CREATE INDEX mentions_article_idx ON mentions (article_id, kind, start);
CREATE INDEX mentions_person_idx ON mentions (person_id, article_id);
CREATE INDEX mentions_org_idx ON mentions (organization_id, article_id);
CREATE INDEX mentions_place_idx ON mentions (place_id, article_id);
CREATE INDEX mentions_document_idx ON mentions (document_id, article_id);
CREATE INDEX mentions_project_idx ON mentions (project_id, article_id);
CREATE INDEX mentions_event_idx ON mentions (event_id, article_id);

CREATE TABLE conflicts (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  field TEXT NOT NULL,
  description TEXT NOT NULL,
  person_id INTEGER REFERENCES people (id),
  organization_id INTEGER REFERENCES organizations (id),
  place_id INTEGER REFERENCES places (id),
  document_id INTEGER REFERENCES documents (id),
  project_id INTEGER REFERENCES projects (id),
  event_id INTEGER REFERENCES events (id)
);
CREATE INDEX conflicts_document_idx ON conflicts (document_id);
CREATE INDEX conflicts_project_idx ON conflicts (project_id);

CREATE TABLE conflict_claims (
  id INTEGER PRIMARY KEY,
  conflict_id INTEGER NOT NULL REFERENCES conflicts (id),
  article_id INTEGER NOT NULL REFERENCES articles (id),
  value TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  mention_id INTEGER NOT NULL REFERENCES mentions (id)
);
CREATE INDEX conflict_claims_conflict_idx ON conflict_claims (conflict_id);

-- One row: which seed is loaded. `version` is a hash of the seed files, so it changes exactly when the data does.
CREATE TABLE dataset (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version TEXT NOT NULL,
  loaded_at TEXT NOT NULL
);
