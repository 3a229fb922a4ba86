// Baseline B, what a user would build: the committed schema.graphql SDL with plain per-field resolvers,
// each running its own small SQL query (SELECT * by id, a COUNT for totalCount, a page per connection):
// no DataLoader, no folding of nested selections. Only the fields the workload uses have resolvers; the
// rest fall back to graphql-js's default (property of the same name). Search, timeline and path reuse the
// API's own list query and walk, as a user would, and then resolve every node on its own.
import { readFileSync } from 'node:fs';
import type { Client, InValue, Row } from '@libsql/client';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { buildSchema, type GraphQLField, GraphQLObjectType, type GraphQLSchema, GraphQLUnionType } from 'graphql';
import { createDb } from '../src/db/client';
import {
  ENTITY_KINDS,
  type EntityKind,
  KIND_OF_LINK_KEY,
  KIND_OF_SEARCH_TYPE,
  KINDS,
  type LinkKey,
  type NodeKind,
} from '../src/domain/entities';
import { hopEvidence, shortestPath } from '../src/graph/path';
import { searchKnowledgeBase } from '../src/search/query';

type Obj = Record<string, unknown>;
type Resolver = (parent: Obj, args: Obj) => unknown;

const SDL = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');

const camel = (row: Row): Obj => {
  const out: Obj = {};
  for (const [k, v] of Object.entries(row)) out[k.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())] = v;
  return out;
};

export function baselineBSchema(client: Client): GraphQLSchema {
  const schema = buildSchema(SDL);
  const db = createDb(client);
  const all = async (sql: string, args: InValue[] = []) => (await client.execute({ sql, args })).rows.map(camel);
  const first = async (sql: string, args: InValue[] = []) => (await all(sql, args))[0] ?? null;
  /** One row by id, tagged with its GraphQL type (for the unions). */
  const byId = async (typename: NodeKind, id: unknown) => {
    if (id === null || id === undefined) return null;
    const row = await first(`SELECT * FROM ${KINDS[typename].table} WHERE id = ?`, [id as InValue]);
    return row ? { ...row, __typename: typename } : null;
  };
  /** A connection: totalCount, pageInfo and edges each resolved on demand with their own query. */
  const connection = (from: string, where: string, args: InValue[], orderBy: string, size: unknown, select = '*') => {
    const n = Number(size ?? 20);
    return {
      totalCount: async () => Number((await first(`SELECT count(*) AS n ${from} WHERE ${where}`, args))?.n ?? 0),
      pageInfo: async () => ({
        hasNextPage:
          Number(
            (await first(`SELECT count(*) AS n FROM (SELECT 1 ${from} WHERE ${where} LIMIT ${n + 1})`, args))?.n ?? 0,
          ) > n,
        hasPreviousPage: false,
        startCursor: null,
        endCursor: null,
      }),
      edges: async () =>
        (await all(`SELECT ${select} ${from} WHERE ${where} ORDER BY ${orderBy} LIMIT ${n}`, args)).map((node) => ({
          node,
        })),
    };
  };

  const resolvers: Record<string, Record<string, Resolver>> = {
    Query: {
      person: (_p, a) => first('SELECT * FROM people WHERE slug = ?', [a.slug as string]),
      event: (_p, a) => first('SELECT * FROM events WHERE slug = ?', [a.slug as string]),
      article: (_p, a) => first('SELECT * FROM articles WHERE slug = ?', [a.slug as string]),
      search: async (_p, a) => {
        const r = await searchKnowledgeBase(db, { query: a.query as string, first: a.first as number });
        return {
          totalCount: r.totalCount,
          edges: r.hits.map((h) => ({ ...h, node: () => byId(KIND_OF_SEARCH_TYPE[h.type], h.entityId) })),
        };
      },
      timeline: async (_p, a) => {
        const slug = decodeGlobalID(a.subject as string).id;
        const size = Number(a.first ?? 20);
        const rows = await all(
          `WITH o AS (SELECT 'o:' || id AS k FROM organizations WHERE slug = ?)
          SELECT sort_date AS d, CASE via WHEN 'EVENT' THEN 0 ELSE 1 END AS k, connector AS id,
            CASE via WHEN 'EVENT' THEN (SELECT date_precision FROM events WHERE id = connector) END AS p,
            (SELECT count(*) FROM entity_links WHERE entity = (SELECT k FROM o) AND sort_date > '') AS total
          FROM entity_links WHERE entity = (SELECT k FROM o) AND sort_date > ''
          ORDER BY sort_date, via DESC, connector LIMIT ${size + 1}`,
          [slug],
        );
        return {
          totalCount: Number(rows[0]?.total ?? 0),
          pageInfo: { hasNextPage: rows.length > size, hasPreviousPage: false },
          edges: rows.slice(0, size).map((r) => ({
            node: {
              date: r.d,
              datePrecision: r.p ?? 'DAY',
              kind: r.k === 0 ? 'EVENT' : 'PUBLICATION',
              event: () => (r.k === 0 ? byId('Event', r.id) : null),
              article: () => (r.k === 1 ? byId('Article', r.id) : null),
            },
          })),
        };
      },
      path: async (_p, a) => {
        const key = async (gid: unknown) => {
          const g = decodeGlobalID(gid as string);
          const kind = KINDS[g.typename as EntityKind];
          const row = await first(`SELECT id FROM ${kind.table} WHERE slug = ?`, [g.id]);
          return row ? `${kind.linkKey}:${row.id}` : null;
        };
        const from = await key(a.from);
        const to = await key(a.to);
        const none = { found: false, length: 0, hops: [] };
        if (!from || !to) return none;
        const hops = await shortestPath(db, from, to, Number(a.maxHops ?? 4));
        if (!hops) return none;
        const evidence = await hopEvidence(db, hops);
        const entity = (k: string) => byId(KIND_OF_LINK_KEY[k.slice(0, 1) as LinkKey], Number(k.slice(2)));
        return {
          found: true,
          length: hops.length,
          hops: hops.map((h) => ({
            via: h.via,
            from: () => entity(h.from),
            to: () => entity(h.to),
            event: () => (h.via === 'EVENT' ? byId('Event', h.connector) : null),
            article: () => (h.via === 'ARTICLE' ? byId('Article', h.connector) : null),
            evidence: () =>
              Promise.all(
                [
                  ...new Set([
                    ...(evidence.get(`${h.from}|${h.via}|${h.connector}`) ?? []),
                    ...(evidence.get(`${h.to}|${h.via}|${h.connector}`) ?? []),
                  ]),
                ].map((id) => first('SELECT * FROM mentions WHERE id = ?', [id])),
              ),
          })),
        };
      },
    },
    Person: {
      honorifics: (p) => JSON.parse(String(p.honorifics)),
      roles: (p, a) => connection('FROM roles', 'person_id = ?', [p.id as number], 'article_id, start, id', a.first),
      quotes: (p, a) => connection('FROM quotes', 'speaker_id = ?', [p.id as number], 'article_id, start, id', a.first),
    },
    Role: {
      organization: (r) => byId('Organization', r.organizationId),
      article: (r) => byId('Article', r.articleId),
      mention: (r) => first('SELECT * FROM mentions WHERE id = ?', [r.mentionId as number]),
    },
    Quote: {
      article: (q) => byId('Article', q.articleId),
      event: (q) => byId('Event', q.eventId),
      speaker: (q) => byId('Person', q.speakerId),
    },
    Event: {
      place: (e) => byId('Place', e.placeId),
      participants: (e, a) => connection('FROM participations', 'event_id = ?', [e.id as number], 'role, id', a.first),
      quotes: (e, a) => connection('FROM quotes', 'event_id = ?', [e.id as number], 'article_id, start, id', a.first),
      reportedIn: (e, a) => connection('FROM event_reports', 'event_id = ?', [e.id as number], 'article_id', a.first),
    },
    EventParticipant: {
      person: (x) => byId('Person', x.personId),
      organization: (x) => byId('Organization', x.organizationId),
    },
    EventReport: {
      article: (r) => byId('Article', r.articleId),
      mention: (r) => first('SELECT * FROM mentions WHERE id = ?', [r.mentionId as number]),
    },
    Article: {
      text: (a) => a.body,
      publisher: (a) => byId('Organization', a.publisherId),
      events: (a, x) =>
        connection(
          'FROM event_reports r JOIN events e ON e.id = r.event_id',
          'r.article_id = ?',
          [a.id as number],
          'e.sort_date, e.id',
          x.first,
          'e.*',
        ),
      people: (a, x) =>
        connection(
          'FROM article_people l JOIN people p ON p.id = l.person_id',
          'l.article_id = ?',
          [a.id as number],
          'p.name_folded, p.name, p.id',
          x.first,
          'p.*',
        ),
      relatedArticles: (a, x) =>
        connection('FROM related_articles', 'article_id = ?', [a.id as number], 'rank', x.first),
    },
    RelatedArticle: {
      article: (r) => byId('Article', r.otherId),
      shared: async (r) => {
        const rows = await all(
          'SELECT * FROM related_article_entities WHERE article_id = ? AND other_id = ? ORDER BY rowid',
          [r.articleId as number, r.otherId as number],
        );
        return Promise.all(
          rows.map((s) => {
            // One id column per entity kind (`personId` …), exactly one of them set.
            const kind = ENTITY_KINDS.find((k) => s[`${k.toLowerCase()}Id`] != null) as EntityKind;
            return byId(kind, s[`${kind.toLowerCase()}Id`]);
          }),
        );
      },
    },
  };

  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    if (!(type instanceof GraphQLObjectType)) throw new Error(`baseline B: no object type ${typeName}`);
    const defined = type.getFields() as Record<string, GraphQLField<Obj, unknown>>;
    for (const [field, resolve] of Object.entries(fields)) {
      const f = defined[field];
      if (!f) throw new Error(`baseline B: no field ${typeName}.${field}`);
      f.resolve = (parent, args) => resolve(parent, args);
    }
  }
  // The unions the workload selects through: every loaded row carries its type.
  for (const type of Object.values(schema.getTypeMap())) {
    if (type instanceof GraphQLUnionType) type.resolveType = (v) => (v as Obj).__typename as string;
  }
  return schema;
}
