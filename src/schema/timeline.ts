import { type SQL, sql } from 'drizzle-orm';
import { builder } from '../builder';
import { DEFAULT_PAGE_SIZE, KINDS, LINK_KINDS, type LinkKind } from '../domain/entities';
import { badInput } from '../lib/errors';
import { slugFromArg } from '../lib/ids';
import { MAX_PAGE_SIZE } from '../lib/page-size-plugin';
import { ArticleRef } from './article';
import { connectionOf } from './connections';
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
  event: typeof EventRef.$inferType | null;
  article: typeof ArticleRef.$inferType | null;
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
      resolve: (e) => e.event,
    }),
    article: t.field({
      type: ArticleRef,
      nullable: true,
      description: 'The article, for PUBLICATION entries.',
      resolve: (e) => e.article,
    }),
  }),
});

/** What a timeline can be of: whatever entity links connect, but events (which are entries themselves). */
const SUBJECT_KINDS = LINK_KINDS.filter((k): k is Exclude<LinkKind, 'Event'> => k !== 'Event');
type SubjectKind = (typeof SUBJECT_KINDS)[number];
const isSubjectKind = (type: string): type is SubjectKind => (SUBJECT_KINDS as readonly string[]).includes(type);
/** "a person, organization, place, document or project" */
const SUBJECTS_TEXT = `a ${SUBJECT_KINDS.slice(0, -1)
  .map((k) => k.toLowerCase())
  .join(', ')} or ${SUBJECT_KINDS.at(-1)?.toLowerCase()}`;

/**
 * The subject's links (migrations/0002, dated by 0005): its events, and the articles that name it. A place
 * also brings in what happened in the places inside it, so its links are deduplicated across those places;
 * any other subject is one entity, whose `key` finds its counts in entity_link_counts.
 */
function subjectLinks(type: string, slug: string): { links: SQL; key: SQL | null } {
  if (!isSubjectKind(type)) throw badInput(`\`subject\` must be ${SUBJECTS_TEXT}.`, { argument: 'subject' });
  const { linkKey, table } = KINDS[type];
  if (type === 'Place') {
    const inside = sql`WITH RECURSIVE inside(id) AS (SELECT id FROM places WHERE slug = ${slug} UNION SELECT p.id FROM places p JOIN inside ON p.parent_id = inside.id) SELECT ${linkKey} || ':' || id FROM inside`;
    return {
      links: sql`(SELECT DISTINCT sort_date, via, connector FROM entity_links WHERE entity IN (${inside}))`,
      key: null,
    };
  }
  // One entity: a range of entity_links_timeline_idx, already in timeline order.
  const key = sql`(SELECT ${linkKey} || ':' || id FROM ${sql.identifier(table)} WHERE slug = ${slug})`;
  return { links: sql`(SELECT sort_date, via, connector FROM entity_links WHERE entity = ${key})`, key };
}

const encodeCursor = (d: string, k: number, id: number) => btoa(`timeline:${JSON.stringify([d, k, id])}`);
function decodeCursor(cursor: string, argument: string): [string, number, number] {
  try {
    const text = atob(cursor);
    if (!text.startsWith('timeline:')) throw new Error();
    const v = JSON.parse(text.slice('timeline:'.length));
    if (Array.isArray(v) && typeof v[0] === 'string' && (v[1] === 0 || v[1] === 1) && Number.isInteger(v[2]))
      return v as [string, number, number];
  } catch {
    // fall through to the error below
  }
  throw badInput('Invalid cursor.', { argument });
}

const TimelineEntryConnection = connectionOf(
  TimelineEntryRef,
  'TimelineEntry',
  { description: 'Timeline entries in date order.', totalCount: 'How many entries match in all.' },
  { description: 'A timeline entry and its cursor.' },
);

builder.queryField('timeline', (t) =>
  t.connection(
    {
      type: TimelineEntryRef,
      description: `Events and article publications in date order, for everything or for one subject (${SUBJECTS_TEXT.slice(2)}: its events, and the articles that name it). Undated events are left out.`,
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
        const subject = args.subject == null ? null : slugFromArg(String(args.subject), SUBJECT_KINDS, 'subject');
        if (subject && subject.type === null) {
          // A bare slug does not say its type; try each in a fixed order.
          subject.type = await typeOfSlug(ctx, subject.slug);
          if (!subject.type) return { edges: [], pageInfo: emptyPage(), totalCount: 0 };
        }
        const range = (col: SQL) =>
          sql`${args.from ? sql`${col} >= ${args.from}` : sql`1`} AND ${args.to ? sql`${col} <= ${args.to}` : sql`1`}`;
        const publications = args.includePublications !== false;
        const backward = args.last != null || args.before != null;
        const size = (backward ? args.last : args.first) ?? DEFAULT_PAGE_SIZE;
        if (size > MAX_PAGE_SIZE) throw badInput(`Page size must be at most ${MAX_PAGE_SIZE}.`);
        const cursor = backward ? args.before : args.after;
        const key = cursor ? decodeCursor(cursor, backward ? 'before' : 'after') : null;
        const query = subject
          ? subjectQuery(
              subjectLinks(subject.type as string, subject.slug),
              { from: args.from ?? null, to: args.to ?? null },
              publications,
              key,
              backward,
              size,
            )
          : allQuery(range, publications, key, backward, size);
        const rows = await ctx.db.all<{ d: string; k: number; id: number; p: string; total: number }>(query.page);
        const more = rows.length > size;
        const page = rows.slice(0, size);
        if (backward) page.reverse();
        const nodes = await Promise.all([
          loadNodes<typeof EventRef.$inferType>(
            ctx,
            info,
            ['edges', 'node', 'event'],
            page.filter((r) => r.k === 0).map((r) => ({ typename: 'Event', id: r.id })),
          ),
          loadNodes<typeof ArticleRef.$inferType>(
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
        // Only needed when a cursor points past the last entry: the page is empty and carries no total.
        const total =
          rows[0]?.total ?? (key ? ((await ctx.db.all<{ n: number }>(sql`SELECT ${query.count} AS n`))[0]?.n ?? 0) : 0);
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
    TimelineEntryConnection,
  ),
);

const emptyPage = () => ({ startCursor: null, endCursor: null, hasNextPage: false, hasPreviousPage: false });

/** The kind of the first subject (in registry order) with this slug. */
async function typeOfSlug(ctx: { db: import('../db/client').Db }, slug: string): Promise<string | null> {
  const rows = await ctx.db.all<{ t: string }>(
    sql`${sql.join(
      SUBJECT_KINDS.map((k) => sql`SELECT ${k} AS t FROM ${sql.identifier(KINDS[k].table)} WHERE slug = ${slug}`),
      sql` UNION ALL `,
    )} LIMIT 1`,
  );
  return rows[0]?.t ?? null;
}

type Range = (col: SQL) => SQL;
type Key = [string, number, number] | null;
interface TimelineQuery {
  /** Rows (d, k, id, p, total) of the page in the requested direction, one more than asked. */
  page: SQL;
  /** A scalar expression: how many entries match in all. */
  count: SQL;
}

/** One subject's entries: an ordered range of its links, so the page costs the same for 50 entries or 50,000. */
function subjectQuery(
  { links, key: entity }: { links: SQL; key: SQL | null },
  dates: { from: string | null; to: string | null },
  publications: boolean,
  key: Key,
  backward: boolean,
  size: number,
) {
  // Dated entries only (sort_date '' means unknown) within from/to; the page also within the cursor's date.
  // Each side gets one bound, so the index range starts where the page does however deep it is.
  const bounds = (lo: string | null | undefined, hi: string | null | undefined) =>
    sql`${lo ? sql`l.sort_date >= ${lo}` : sql`l.sort_date > ''`} AND ${hi ? sql`l.sort_date <= ${hi}` : sql`1`}`;
  const kinds = publications ? sql`1` : sql`l.via = 'EVENT'`;
  // Without a date window, one entity's total is stored; otherwise it is counted in the index range.
  const count =
    entity && !dates.from && !dates.to
      ? sql`coalesce((SELECT dated_events${publications ? sql` + dated_articles` : sql``} FROM entity_link_counts WHERE entity = ${entity}), 0)`
      : sql`(SELECT count(*) FROM ${links} l WHERE ${bounds(dates.from, dates.to)} AND ${kinds})`;
  let page = bounds(dates.from, dates.to);
  if (key) {
    // (d, k, id) past the cursor, with k (events first) as via descending.
    const [d, k, id] = key;
    const via = k === 0 ? 'EVENT' : 'ARTICLE';
    const max = (a: string | null, b: string) => (a !== null && a > b ? a : b);
    const min = (a: string | null, b: string) => (a !== null && a < b ? a : b);
    page = backward
      ? sql`${bounds(dates.from, min(dates.to, d))} AND (l.sort_date < ${d} OR l.via > ${via} OR (l.via = ${via} AND l.connector < ${id}))`
      : sql`${bounds(max(dates.from, d), dates.to)} AND (l.sort_date > ${d} OR l.via < ${via} OR (l.via = ${via} AND l.connector > ${id}))`;
  }
  const [asc, desc] = backward ? [sql`DESC`, sql`ASC`] : [sql`ASC`, sql`DESC`];
  return {
    page: sql`
      SELECT l.sort_date AS d, CASE l.via WHEN 'EVENT' THEN 0 ELSE 1 END AS k, l.connector AS id,
        CASE l.via WHEN 'EVENT' THEN (SELECT date_precision FROM events WHERE id = l.connector) ELSE 'DAY' END AS p,
        ${count} AS total
      FROM ${links} l
      WHERE ${page} AND ${kinds}
      ORDER BY l.sort_date ${asc}, l.via ${desc}, l.connector ${asc}
      LIMIT ${size + 1}`,
    count,
  } satisfies TimelineQuery;
}

/** Everything: events and articles from their own tables (each has a (sort_date, id) index). */
function allQuery(range: Range, publications: boolean, key: Key, backward: boolean, size: number) {
  const events = sql`e.date IS NOT NULL AND ${range(sql`e.sort_date`)}`;
  const articles = sql`${publications ? sql`a.published_date IS NOT NULL` : sql`0`} AND ${range(sql`a.sort_date`)}`;
  const count = sql`((SELECT count(*) FROM events e WHERE ${events}) + (SELECT count(*) FROM articles a WHERE ${articles}))`;
  const dir = backward ? sql`DESC` : sql`ASC`;
  const page = sql`
    WITH entries AS (
      SELECT e.sort_date AS d, 0 AS k, e.id AS id, e.date_precision AS p FROM events e WHERE ${events}
      UNION ALL
      SELECT a.sort_date, 1, a.id, 'DAY' FROM articles a WHERE ${articles}
    )
    SELECT d, k, id, p, (SELECT count(*) FROM entries) AS total FROM entries
    WHERE ${key ? (backward ? sql`(d, k, id) < (${key[0]}, ${key[1]}, ${key[2]})` : sql`(d, k, id) > (${key[0]}, ${key[1]}, ${key[2]})`) : sql`1`}
    ORDER BY d ${dir}, k ${dir}, id ${dir}
    LIMIT ${size + 1}`;
  return { page, count } satisfies TimelineQuery;
}
