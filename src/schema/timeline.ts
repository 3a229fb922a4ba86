import { type SQL, sql } from 'drizzle-orm';
import { builder } from '../builder';
import { badInput } from '../lib/errors';
import { slugFromArg } from '../lib/ids';
import { MAX_PAGE_SIZE } from '../lib/page-size-plugin';
import { ArticleRef } from './article';
import { DatePrecisionEnum } from './enums';
import { EventRef } from './event';
import { loadNodes } from './load-nodes';

const TimelineEntryKindEnum = builder.enumType('TimelineEntryKind', {
  description: 'What a timeline entry is.',
  values: {
    EVENT: { description: 'An event, on the day it happened.' },
    PUBLICATION: { description: 'An article, on the day it was published.' },
  } as const,
});

interface Entry {
  date: string;
  precision: string;
  kind: 'EVENT' | 'PUBLICATION';
  event: object | null;
  article: object | null;
  cursor: string;
}

const TimelineEntryRef = builder.objectRef<Entry>('TimelineEntry').implement({
  description: 'An event or an article publication, placed in time.',
  fields: (t) => ({
    date: t.field({
      type: 'Date',
      description: 'The day (first day of the period when partial).',
      resolve: (e) => e.date,
    }),
    datePrecision: t.field({
      type: DatePrecisionEnum,
      description: 'How much of the date is known.',
      resolve: (e) => e.precision as typeof DatePrecisionEnum.$inferType,
    }),
    kind: t.field({ type: TimelineEntryKindEnum, description: 'Event or publication.', resolve: (e) => e.kind }),
    event: t.field({
      type: EventRef,
      nullable: true,
      description: 'The event, for EVENT entries.',
      resolve: (e) => e.event as never,
    }),
    article: t.field({
      type: ArticleRef,
      nullable: true,
      description: 'The article, for PUBLICATION entries.',
      resolve: (e) => e.article as never,
    }),
  }),
});

/** What a subject of each type contributes: its events and the articles that name it. */
function subjectFilters(type: string, slug: string): { events: SQL; articles: SQL } {
  switch (type) {
    case 'Person':
      return {
        events: sql`e.id IN (SELECT event_id FROM event_people WHERE person_id = (SELECT id FROM people WHERE slug = ${slug}))`,
        articles: sql`a.id IN (SELECT article_id FROM article_people WHERE person_id = (SELECT id FROM people WHERE slug = ${slug}))`,
      };
    case 'Organization':
      return {
        events: sql`e.id IN (SELECT event_id FROM event_organizations WHERE organization_id = (SELECT id FROM organizations WHERE slug = ${slug}))`,
        articles: sql`a.id IN (SELECT article_id FROM article_organizations WHERE organization_id = (SELECT id FROM organizations WHERE slug = ${slug}))`,
      };
    case 'Project':
      return {
        events: sql`e.project_id = (SELECT id FROM projects WHERE slug = ${slug})`,
        articles: sql`a.id IN (SELECT article_id FROM article_projects WHERE project_id = (SELECT id FROM projects WHERE slug = ${slug}))`,
      };
    case 'Document':
      return {
        events: sql`e.id IN (SELECT event_id FROM event_documents WHERE document_id = (SELECT id FROM documents WHERE slug = ${slug}))`,
        articles: sql`a.id IN (SELECT article_id FROM article_documents WHERE document_id = (SELECT id FROM documents WHERE slug = ${slug}))`,
      };
    case 'Place': {
      // A place's timeline includes what happened in the places inside it.
      const inside = sql`WITH RECURSIVE inside(id) AS (SELECT id FROM places WHERE slug = ${slug} UNION SELECT p.id FROM places p JOIN inside ON p.parent_id = inside.id) SELECT id FROM inside`;
      return {
        events: sql`e.place_id IN (${inside})`,
        articles: sql`a.id IN (SELECT article_id FROM article_places WHERE place_id IN (${inside}))`,
      };
    }
    default:
      throw badInput('`subject` must be a person, organization, project, place or document.', { argument: 'subject' });
  }
}

const encodeCursor = (d: string, k: number, id: number) => btoa(`timeline:${JSON.stringify([d, k, id])}`);
function decodeCursor(cursor: string, argument: string): [string, number, number] {
  try {
    const text = atob(cursor);
    if (!text.startsWith('timeline:')) throw new Error();
    const v = JSON.parse(text.slice('timeline:'.length));
    if (Array.isArray(v) && typeof v[0] === 'string' && Number.isInteger(v[1]) && Number.isInteger(v[2]))
      return v as [string, number, number];
  } catch {
    // fall through to the error below
  }
  throw badInput('Invalid cursor.', { argument });
}

builder.queryField('timeline', (t) =>
  t.connection(
    {
      type: TimelineEntryRef,
      description:
        'Events and article publications in date order, for everything or for one subject (a person, organization, project, place or document: its events, and the articles that name it). Undated events are left out.',
      args: {
        subject: t.arg.id({
          required: false,
          description: 'Global ID or slug of the subject; all entries when omitted.',
        }),
        from: t.arg({ type: 'Date', required: false, description: 'On or after this date.' }),
        to: t.arg({ type: 'Date', required: false, description: 'On or before this date.' }),
        includePublications: t.arg.boolean({ defaultValue: true, description: 'Include article publications.' }),
      },
      resolve: async (_root, args, ctx, info) => {
        const subject =
          args.subject == null
            ? null
            : slugFromArg(String(args.subject), ['Person', 'Organization', 'Project', 'Place', 'Document'], 'subject');
        if (subject && subject.type === null) {
          // A bare slug does not say its type; try each in a fixed order.
          subject.type = await typeOfSlug(ctx, subject.slug);
          if (!subject.type) return { edges: [], pageInfo: emptyPage(), totalCount: 0 };
        }
        const filters = subject
          ? subjectFilters(subject.type as string, subject.slug)
          : { events: sql`1`, articles: sql`1` };
        const range = (col: SQL) =>
          sql`${args.from ? sql`${col} >= ${args.from}` : sql`1`} AND ${args.to ? sql`${col} <= ${args.to}` : sql`1`}`;
        const backward = args.last != null || args.before != null;
        const size = (backward ? args.last : args.first) ?? 20;
        if (size > MAX_PAGE_SIZE) throw badInput(`Page size must be at most ${MAX_PAGE_SIZE}.`);
        const cursor = backward ? args.before : args.after;
        const key = cursor ? decodeCursor(cursor, backward ? 'before' : 'after') : null;
        const rows = await ctx.db.all<{ d: string; k: number; id: number; p: string; total: number }>(sql`
          WITH entries AS (
            SELECT e.sort_date AS d, 0 AS k, e.id AS id, e.date_precision AS p FROM events e
            WHERE e.date IS NOT NULL AND ${filters.events} AND ${range(sql`e.sort_date`)}
            UNION ALL
            SELECT a.sort_date, 1, a.id, 'DAY' FROM articles a
            WHERE ${args.includePublications === false ? sql`0` : sql`a.published_date IS NOT NULL`} AND ${filters.articles} AND ${range(sql`a.sort_date`)}
          )
          SELECT d, k, id, p, (SELECT count(*) FROM entries) AS total FROM entries
          WHERE ${key ? (backward ? sql`(d, k, id) < (${key[0]}, ${key[1]}, ${key[2]})` : sql`(d, k, id) > (${key[0]}, ${key[1]}, ${key[2]})`) : sql`1`}
          ORDER BY d ${backward ? sql`DESC` : sql`ASC`}, k ${backward ? sql`DESC` : sql`ASC`}, id ${backward ? sql`DESC` : sql`ASC`}
          LIMIT ${size + 1}`);
        const more = rows.length > size;
        const page = rows.slice(0, size);
        if (backward) page.reverse();
        const nodes = await Promise.all([
          loadNodes(
            ctx,
            info,
            ['edges', 'node', 'event'],
            page.filter((r) => r.k === 0).map((r) => ({ typename: 'Event', id: r.id })),
          ),
          loadNodes(
            ctx,
            info,
            ['edges', 'node', 'article'],
            page.filter((r) => r.k === 1).map((r) => ({ typename: 'Article', id: r.id })),
          ),
        ]);
        const edges = page.map((r) => {
          const node: Entry = {
            date: r.d,
            precision: r.p ?? 'DAY',
            kind: r.k === 0 ? 'EVENT' : 'PUBLICATION',
            event: r.k === 0 ? (nodes[0].get(`Event:${r.id}`) ?? null) : null,
            article: r.k === 1 ? (nodes[1].get(`Article:${r.id}`) ?? null) : null,
            cursor: encodeCursor(r.d, r.k, r.id),
          };
          return { cursor: node.cursor, node };
        });
        const total =
          rows[0]?.total ?? (key ? await countEntries(ctx, filters, range, args.includePublications !== false) : 0);
        return {
          edges,
          totalCount: total,
          pageInfo: {
            startCursor: edges[0]?.cursor ?? null,
            endCursor: edges[edges.length - 1]?.cursor ?? null,
            hasNextPage: backward ? Boolean(key) : more,
            hasPreviousPage: backward ? more : Boolean(key),
          },
        };
      },
    },
    {
      name: 'TimelineConnection',
      description: 'Timeline entries in date order.',
      fields: (c) => ({
        totalCount: c.int({
          description: 'How many entries match in all.',
          resolve: (conn) => (conn as unknown as { totalCount: number }).totalCount,
        }),
      }),
    },
    { name: 'TimelineEdge', description: 'A timeline entry and its cursor.' },
  ),
);

const emptyPage = () => ({ startCursor: null, endCursor: null, hasNextPage: false, hasPreviousPage: false });

async function typeOfSlug(ctx: { db: import('../db/client').Db }, slug: string): Promise<string | null> {
  const rows = await ctx.db.all<{ t: string }>(sql`
    SELECT 'Person' AS t FROM people WHERE slug = ${slug}
    UNION ALL SELECT 'Organization' FROM organizations WHERE slug = ${slug}
    UNION ALL SELECT 'Project' FROM projects WHERE slug = ${slug}
    UNION ALL SELECT 'Place' FROM places WHERE slug = ${slug}
    UNION ALL SELECT 'Document' FROM documents WHERE slug = ${slug}
    LIMIT 1`);
  return rows[0]?.t ?? null;
}

// Only needed when a cursor points past the last entry: the page is empty and carries no total.
async function countEntries(
  ctx: { db: import('../db/client').Db },
  filters: { events: SQL; articles: SQL },
  range: (col: SQL) => SQL,
  publications: boolean,
): Promise<number> {
  const rows = await ctx.db.all<{ n: number }>(sql`
    SELECT (SELECT count(*) FROM events e WHERE e.date IS NOT NULL AND ${filters.events} AND ${range(sql`e.sort_date`)})
      + (SELECT count(*) FROM articles a WHERE ${publications ? sql`a.published_date IS NOT NULL` : sql`0`} AND ${filters.articles} AND ${range(sql`a.sort_date`)}) AS n`);
  return rows[0]?.n ?? 0;
}
