-- Indexes for root-list filters that scanned a whole large table (found by replaying the API's SQL under
-- EXPLAIN QUERY PLAN in tests/node/api-statements.test.ts). Each was a full `SCAN` in the filter's
-- totalCount statement; an article row carries its page text (tens of kilobytes), so a scan of `articles`
-- reads every body's overflow pages to reach the columns stored after it.

-- articles(filter: { from, to }) compares published_date.
CREATE INDEX articles_published_date_idx ON articles (published_date);

-- articles(filter: { language }) matches '%,en,%' against the comma-separated list: no index can seek that,
-- but a covering one keeps the scan off the article rows.
CREATE INDEX articles_languages_idx ON articles (languages);

-- quotes(filter: { kind }): the count, and the page in its order (article, position).
CREATE INDEX quotes_kind_idx ON quotes (kind, article_id, start);
