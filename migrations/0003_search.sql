-- Full-text search over the knowledge base (src/search/). Rebuilt by every load, in the same batch.
--
-- One row per searchable value: an entity's name, each alias or acronym, a document code, a title, a
-- quote's text, one paragraph of an article's content (never the page chrome around it).
CREATE TABLE search_documents (
  id INTEGER PRIMARY KEY,
  entity_type TEXT NOT NULL CHECK (
    entity_type IN ('PERSON', 'ORGANIZATION', 'PLACE', 'DOCUMENT', 'PROJECT', 'EVENT', 'QUOTE', 'ARTICLE')
  ),
  entity_id INTEGER NOT NULL,
  entity_slug TEXT NOT NULL,
  field TEXT NOT NULL CHECK (
    field IN ('NAME', 'NAME_EN', 'ACRONYM', 'ALIAS', 'CODE', 'TITLE', 'TITLE_EN', 'TEXT', 'BODY')
  ),
  ordinal INTEGER NOT NULL, -- 1-based among the entity's values of this field (aliases, paragraphs)
  weight REAL NOT NULL, -- bm25 multiplier: names and acronyms above quotes above article bodies
  text TEXT NOT NULL, -- the original value (NFC)
  text_start INTEGER NOT NULL DEFAULT 0, -- BODY: offset of `text` in articles.body (UTF-16 units); else 0
  -- The two copies below have exactly the length of `text` (one UTF-16 unit per unit), so offsets
  -- found in them are offsets in `text`.
  text_lower TEXT NOT NULL, -- lower case with diacritics, non-word characters as spaces: exact-diacritic ranking
  text_folded TEXT NOT NULL, -- lower case, no diacritics, đ -> d: what search_fts indexes
  UNIQUE (entity_type, entity_id, field, ordinal)
);

-- The folded text is already free of diacritics and đ (unicode61 alone folds neither đ nor, with its
-- default remove_diacritics 1, letters with two marks such as ễ); remove_diacritics 2 only makes the
-- tokenizer agree with that on any letter our fold leaves alone. Prefix indexes serve type-ahead (the
-- query's last word is a prefix). No trigram table: infix search is not a requirement, and trigram does
-- not fold đ either.
CREATE VIRTUAL TABLE search_fts USING fts5(
  text_folded,
  content = 'search_documents',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3 4'
);

-- A database loaded before this migration has facts but no index: forget which seed it holds, so the
-- next load (which always follows the migrations) rebuilds everything, the index included.
DELETE FROM dataset;
