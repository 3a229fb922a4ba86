// Baseline A, the limit: the same answers as the GraphQL API, produced by hand-written SQL with the JSON
// built inside SQLite, one statement per page where one suffices. Search reuses the API's query parser,
// ranking and snippet cutter (pure functions: an engineer would not write those twice); path keeps the
// API's two-ended breadth-first walk (one statement per step is inherent to it) and builds the answer in one more
// statement.
import type { Client, InValue } from '@libsql/client';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { createDb } from '../src/db/client';
import {
  ENTITY_KINDS,
  type EntityKind,
  KIND_OF_LINK_KEY,
  KINDS,
  type LinkKey,
  SEARCH_KINDS,
  type SearchType,
} from '../src/domain/entities';
import { hopEvidence, shortestPath } from '../src/graph/path';
import { parseSearchQuery, roundScore, SEARCH_WINDOW } from '../src/search/query';
import { fieldScorer, rankCandidates } from '../src/search/rank';
import { makeSnippet } from '../src/search/snippet';
import type { OperationName, Variables } from './workload';

// Nested values are JSONB blobs: json_object() embeds a JSONB argument as JSON (no re-parse), and unlike
// text they keep being JSON across subquery boundaries. One-to-one lookups are LEFT JOINs (which also keep
// the page's row order), so the statements stay within SQLite's parser depth.
const obj = (alias: string, fields: string) => `CASE WHEN ${alias}.id IS NOT NULL THEN jsonb_object(${fields}) END`;
const NAME = (a: string) => `'slug', ${a}.slug, 'name', ${a}.name`;
/** A connection field: its totalCount (rows of `table` where `where`) and the edges built in the CTE `edges`. */
const page = (field: string, table: string, where: string, edges: string) =>
  `'${field}', jsonb_object('totalCount', (SELECT count(*) FROM ${table} WHERE ${where}),
    'edges', (SELECT coalesce(jsonb_group_array(j), jsonb_array()) FROM ${edges}))`;
const bool = (cond: string) => `jsonb(CASE WHEN ${cond} THEN 'true' ELSE 'false' END)`;

/** What the workload selects of each entity besides its slug. */
const LABEL: Record<EntityKind, string> = {
  Person: "'name', name",
  Organization: "'name', name",
  Place: "'name', name",
  Document: "'docTitle', title",
  Project: "'name', name",
  Event: "'title', title",
};
/** An entity of the kind with id `id` (SQL), as the workload selects it. */
const entityNode = (kind: EntityKind, id: string) =>
  `(SELECT jsonb_object('__typename', '${kind}', 'slug', slug, ${LABEL[kind]}) FROM ${KINDS[kind].table} WHERE id = ${id})`;
/** The column naming an entity of the kind in a polymorphic row (`person_id` …). */
const idColumn = (kind: EntityKind) => `${kind.toLowerCase()}_id`;

/** The Entity union as the workload selects it, from a row with one non-null id column per entity type. */
function entity(prefix: string): string {
  return `CASE
    ${ENTITY_KINDS.map((k) => `WHEN ${prefix}${idColumn(k)} IS NOT NULL THEN ${entityNode(k, prefix + idColumn(k))}`).join('\n    ')}
  END`;
}

const PARTICIPANT_EDGE = (x: string, pp: string, oo: string) =>
  `jsonb_object('node', jsonb_object('role', ${x}.role, 'person', ${obj(pp, NAME(pp))}, 'organization', ${obj(oo, NAME(oo))}))`;

const PERSON_PAGE = `WITH p AS (SELECT * FROM people WHERE slug = ?),
role_edges AS (
  SELECT jsonb_object('node', jsonb_object('title', r.title, 'organization', ${obj('o', NAME('o'))},
    'article', ${obj('a', "'slug', a.slug, 'title', a.title")},
    'mention', ${obj('m', `'start', m.start, 'end', m."end", 'text', m.text`)})) AS j
  FROM (SELECT * FROM roles WHERE person_id = (SELECT id FROM p) ORDER BY article_id, start, id LIMIT 20) r
  LEFT JOIN organizations o ON o.id = r.organization_id
  LEFT JOIN articles a ON a.id = r.article_id
  LEFT JOIN mentions m ON m.id = r.mention_id
),
quote_page AS (SELECT * FROM quotes WHERE speaker_id = (SELECT id FROM p) ORDER BY article_id, start, id LIMIT 21),
quote_edges AS (
  SELECT jsonb_object('node', jsonb_object('slug', q.slug, 'kind', q.kind, 'text', q.text,
    'article', ${obj('a', "'slug', a.slug, 'title', a.title")},
    'event', ${obj(
      'e',
      `'slug', e.slug, 'title', e.title, 'date', e.date,
      'participants', jsonb_object(
        'totalCount', (SELECT count(*) FROM participations WHERE event_id = e.id),
        'edges', (SELECT jsonb_group_array(${PARTICIPANT_EDGE('x', 'pp', 'oo')})
          FROM (SELECT * FROM participations WHERE event_id = e.id ORDER BY role, id LIMIT 10) x
          LEFT JOIN people pp ON pp.id = x.person_id LEFT JOIN organizations oo ON oo.id = x.organization_id))`,
    )})) AS j
  FROM (SELECT * FROM quote_page LIMIT 20) q
  LEFT JOIN articles a ON a.id = q.article_id
  LEFT JOIN events e ON e.id = q.event_id
)
SELECT json_object('person', ${obj(
  'p',
  `'slug', p.slug, 'name', p.name, 'honorifics', jsonb(p.honorifics), 'country', p.country,
  ${page('roles', 'roles', 'person_id = p.id', 'role_edges')},
  'quotes', jsonb_object('totalCount', (SELECT count(*) FROM quotes WHERE speaker_id = p.id),
    'pageInfo', jsonb_object('hasNextPage', ${bool('(SELECT count(*) FROM quote_page) > 20')}),
    'edges', (SELECT coalesce(jsonb_group_array(j), jsonb_array()) FROM quote_edges))`,
)}) AS data
FROM (SELECT 1) LEFT JOIN p ON 1`;

const EVENT_PAGE = `WITH e AS (SELECT * FROM events WHERE slug = ?),
participant_edges AS (
  SELECT ${PARTICIPANT_EDGE('x', 'pp', 'oo')} AS j
  FROM (SELECT * FROM participations WHERE event_id = (SELECT id FROM e) ORDER BY role, id LIMIT 50) x
  LEFT JOIN people pp ON pp.id = x.person_id LEFT JOIN organizations oo ON oo.id = x.organization_id
),
quote_edges AS (
  SELECT jsonb_object('node', jsonb_object('slug', q.slug, 'kind', q.kind, 'text', q.text, 'speaker', ${obj('s', NAME('s'))})) AS j
  FROM (SELECT * FROM quotes WHERE event_id = (SELECT id FROM e) ORDER BY article_id, start, id LIMIT 20) q
  LEFT JOIN people s ON s.id = q.speaker_id
),
report_edges AS (
  SELECT jsonb_object('node', jsonb_object(
    'article', ${obj('a', "'slug', a.slug, 'title', a.title, 'publishedDate', a.published_date")},
    'mention', ${obj('m', `'start', m.start, 'end', m."end", 'text', m.text`)})) AS j
  FROM (SELECT * FROM event_reports WHERE event_id = (SELECT id FROM e) ORDER BY article_id LIMIT 20) r
  LEFT JOIN articles a ON a.id = r.article_id LEFT JOIN mentions m ON m.id = r.mention_id
)
SELECT json_object('event', ${obj(
  'e',
  `'slug', e.slug, 'kind', e.kind, 'title', e.title, 'date', e.date, 'datePrecision', e.date_precision,
  'place', (SELECT jsonb_object('slug', slug, 'name', name) FROM places WHERE id = e.place_id),
  ${page('participants', 'participations', 'event_id = e.id', 'participant_edges')},
  ${page('quotes', 'quotes', 'event_id = e.id', 'quote_edges')},
  ${page('reportedIn', 'event_reports', 'event_id = e.id', 'report_edges')}`,
)}) AS data
FROM (SELECT 1) LEFT JOIN e ON 1`;

const ARTICLE_PAGE = `WITH a AS (SELECT * FROM articles WHERE slug = ?),
event_edges AS (
  SELECT jsonb_object('node', jsonb_object('slug', e.slug, 'kind', e.kind, 'title', e.title, 'date', e.date)) AS j
  FROM (SELECT e.* FROM event_reports r JOIN events e ON e.id = r.event_id WHERE r.article_id = (SELECT id FROM a)
    ORDER BY e.sort_date, e.id LIMIT 20) e
),
people_edges AS (
  SELECT jsonb_object('node', jsonb_object('slug', p.slug, 'name', p.name)) AS j
  FROM (SELECT p.* FROM article_people l JOIN people p ON p.id = l.person_id WHERE l.article_id = (SELECT id FROM a)
    ORDER BY p.name_folded, p.name, p.id LIMIT 50) p
),
related_edges AS (
  SELECT jsonb_object('node', jsonb_object('rank', x.rank, 'score', x.score, 'sharedCount', x.shared_count,
    'article', ${obj('o', "'slug', o.slug, 'title', o.title, 'publishedDate', o.published_date")},
    'shared', (SELECT coalesce(jsonb_group_array(${entity('s.')}), jsonb_array())
      FROM (SELECT * FROM related_article_entities WHERE article_id = x.article_id AND other_id = x.other_id ORDER BY rowid) s))) AS j
  FROM (SELECT * FROM related_articles WHERE article_id = (SELECT id FROM a) ORDER BY rank LIMIT 10) x
  LEFT JOIN articles o ON o.id = x.other_id
)
SELECT json_object('article', ${obj(
  'a',
  `'slug', a.slug, 'title', a.title, 'publishedDate', a.published_date, 'text', a.body,
  'publisher', (SELECT jsonb_object('slug', slug, 'name', name) FROM organizations WHERE id = a.publisher_id),
  ${page('events', 'event_reports', 'article_id = a.id', 'event_edges')},
  ${page('people', 'article_people', 'article_id = a.id', 'people_edges')},
  ${page('relatedArticles', 'related_articles', 'article_id = a.id', 'related_edges')}`,
)}) AS data
FROM (SELECT 1) LEFT JOIN a ON 1`;

const TIMELINE = `WITH subject AS (SELECT 'o:' || id AS k FROM organizations WHERE slug = ?),
page AS MATERIALIZED (
  SELECT sort_date AS d, via, connector FROM entity_links
  WHERE entity = (SELECT k FROM subject) AND sort_date > ''
  ORDER BY sort_date, via DESC, connector LIMIT 51
),
entry_edges AS (
  SELECT jsonb_object('node', jsonb_object('date', x.d,
    'datePrecision', CASE x.via WHEN 'EVENT' THEN coalesce(e.date_precision, 'DAY') ELSE 'DAY' END,
    'kind', CASE x.via WHEN 'EVENT' THEN 'EVENT' ELSE 'PUBLICATION' END,
    'event', ${obj('e', "'slug', e.slug, 'kind', e.kind, 'title', e.title")},
    'article', ${obj('a', "'slug', a.slug, 'title', a.title")})) AS j
  FROM (SELECT * FROM page ORDER BY d, via DESC, connector LIMIT 50) x
  LEFT JOIN events e ON x.via = 'EVENT' AND e.id = x.connector
  LEFT JOIN articles a ON x.via = 'ARTICLE' AND a.id = x.connector
)
SELECT json_object('timeline', jsonb_object(
  'totalCount', coalesce((SELECT dated_events + dated_articles FROM entity_link_counts WHERE entity = (SELECT k FROM subject)), 0),
  'pageInfo', jsonb_object('hasNextPage', ${bool('(SELECT count(*) FROM page) > 50')}),
  'edges', (SELECT coalesce(jsonb_group_array(j), jsonb_array()) FROM entry_edges))) AS data`;

/** Search results that are not entities, as the workload selects them. */
const OTHER_SEARCH_NODES: Record<Exclude<(typeof SEARCH_KINDS)[number], EntityKind>, string> = {
  Quote:
    "(SELECT jsonb_object('__typename', 'Quote', 'slug', q.slug, 'speaker', (SELECT jsonb_object('slug', slug, 'name', name) FROM people WHERE id = q.speaker_id)) FROM quotes q WHERE q.id = e.entity_id)",
  Article:
    "(SELECT jsonb_object('__typename', 'Article', 'slug', slug, 'title', title) FROM articles WHERE id = e.entity_id)",
};
const SEARCH_NODE = `json(CASE e.entity_type
  ${SEARCH_KINDS.map((k) => `WHEN '${KINDS[k].searchType}' THEN ${k in OTHER_SEARCH_NODES ? OTHER_SEARCH_NODES[k as keyof typeof OTHER_SEARCH_NODES] : entityNode(k as EntityKind, 'e.entity_id')}`).join('\n  ')}
END)`;

/**
 * The API's window of matches (the first SEARCH_WINDOW in index order), each with its entity's node:
 * ranking needs the matched text, so it happens in JavaScript, and the nodes come along in the same
 * statement, built once per entity.
 */
function searchSql(exactCount: number): string {
  const exact =
    exactCount === 0
      ? '0'
      : Array.from({ length: exactCount }, () => `(instr(' ' || d.text_lower || ' ', ?) > 0)`).join(' + ');
  return `WITH w AS MATERIALIZED (
    SELECT d.id, d.entity_type, d.entity_id, d.field, d.weight, d.text, d.text_folded, ${exact} AS exact
    FROM search_fts JOIN search_documents d ON d.id = search_fts.rowid
    WHERE search_fts MATCH ?
    ORDER BY search_fts.rowid LIMIT ${SEARCH_WINDOW}
  ),
  nodes AS (SELECT e.entity_type, e.entity_id, ${SEARCH_NODE} AS node FROM (SELECT DISTINCT entity_type, entity_id FROM w) e)
  SELECT w.*, nodes.node FROM w JOIN nodes USING (entity_type, entity_id)`;
}

export type Handler = (vars: Variables) => Promise<string>;

/** One handler per operation; each returns the whole response body, `{"data":…}`, as text. */
export function baselineA(client: Client): Record<OperationName, Handler> {
  const one = async (sql: string, args: InValue[]) => {
    const rs = await client.execute({ sql, args });
    return `{"data":${String(rs.rows[0]?.data)}}`;
  };
  // The path walk's SQL takes a drizzle handle; it is a thin wrapper over the same client.
  const db = createDb(client);
  return {
    person: (v) => one(PERSON_PAGE, [v.slug as string]),
    event: (v) => one(EVENT_PAGE, [v.slug as string]),
    article: (v) => one(ARTICLE_PAGE, [v.slug as string]),
    timeline: (v) => one(TIMELINE, [decodeGlobalID(v.org as string).id]),
    search: async (v) => {
      const parsed = parseSearchQuery(v.q);
      const rs = await client.execute({ sql: searchSql(parsed.exact.length), args: [...parsed.exact, parsed.match] });
      const score = fieldScorer(parsed.terms);
      const ranked = rankCandidates(
        rs.rows.map((r) => ({
          row: r,
          id: Number(r.id),
          type: String(r.entity_type) as SearchType,
          entityId: Number(r.entity_id),
          exact: Number(r.exact),
          score: score(String(r.text_folded), Number(r.weight)),
        })),
      );
      const edges = ranked.slice(0, 20).map(({ row: r, score }) => {
        const s = makeSnippet(String(r.text), parsed.terms);
        return `{"type":"${r.entity_type}","field":"${r.field}","score":${roundScore(score)},"snippet":${JSON.stringify(s.snippet)},"highlights":${JSON.stringify(s.highlights)},"node":${r.node}}`;
      });
      return `{"data":{"search":{"totalCount":${ranked.length},"edges":[${edges.join(',')}]}}}`;
    },
    path: async (v) => {
      const ends = [decodeGlobalID(v.from as string), decodeGlobalID(v.to as string)];
      const keys = await client.execute({
        sql: `SELECT ${ends
          .map((g, i) => {
            const kind = KINDS[g.typename as EntityKind];
            return `(SELECT '${kind.linkKey}:' || id FROM ${kind.table} WHERE slug = ?) AS k${i}`;
          })
          .join(', ')}`,
        args: ends.map((g) => g.id),
      });
      const from = keys.rows[0]?.k0;
      const to = keys.rows[0]?.k1;
      const none = '{"data":{"path":{"found":false,"length":0,"hops":[]}}}';
      if (typeof from !== 'string' || typeof to !== 'string') return none;
      const hops = await shortestPath(db, from, to, 4);
      if (!hops) return none;
      const evidence = await hopEvidence(db, hops);
      const node = (k: string) => {
        return entityNode(KIND_OF_LINK_KEY[k.slice(0, 1) as LinkKey], String(Number(k.slice(2))));
      };
      const hopJson = hops.map((h) => {
        const ids = [
          ...new Set([
            ...(evidence.get(`${h.from}|${h.via}|${h.connector}`) ?? []),
            ...(evidence.get(`${h.to}|${h.via}|${h.connector}`) ?? []),
          ]),
        ];
        const connector = (table: string) =>
          `(SELECT jsonb_object('slug', slug, 'title', title) FROM ${table} WHERE id = ${Number(h.connector)})`;
        return `jsonb_object('via', '${h.via}', 'from', ${node(h.from)}, 'to', ${node(h.to)},
          'event', ${h.via === 'EVENT' ? connector('events') : 'NULL'},
          'article', ${h.via === 'ARTICLE' ? connector('articles') : 'NULL'},
          'evidence', jsonb_array(${ids
            .map(
              (id) =>
                `(SELECT jsonb_object('start', start, 'end', "end", 'text', text) FROM mentions WHERE id = ${Number(id)})`,
            )
            .join(', ')}))`;
      });
      return one(
        `SELECT json_object('path', jsonb_object('found', jsonb('true'), 'length', ${hops.length}, 'hops', jsonb_array(${hopJson.join(', ')}))) AS data`,
        [],
      );
    },
  };
}
