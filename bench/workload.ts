// The six canonical operations: each is a real frontend page, with its exact GraphQL document and the
// variables it is run with. Subjects are picked from the corpus by rank (a hub, a busy, a typical and a
// quiet one), so every run mixes the heavy-tailed reality of the data; a load run cycles through them.

import type { Client } from '@libsql/client';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { fold } from '../src/lib/text';

export type OperationName = 'person' | 'event' | 'article' | 'search' | 'timeline' | 'path';

export interface Operation {
  name: OperationName;
  title: string;
  query: string;
}

const ENTITY_NAMES = `__typename
  ... on Person { slug name }
  ... on Organization { slug name }
  ... on Place { slug name }
  ... on Document { slug docTitle: title }
  ... on Project { slug name }
  ... on Event { slug title }`;

export const OPERATIONS: Operation[] = [
  {
    name: 'person',
    title: '1. Person page',
    query: `query PersonPage($slug: String!) {
  person(slug: $slug) {
    slug name honorifics country
    roles(first: 20) {
      totalCount
      edges { node { title organization { slug name } article { slug title } mention { start end text } } }
    }
    quotes(first: 20) {
      totalCount
      pageInfo { hasNextPage }
      edges { node {
        slug kind text
        article { slug title }
        event {
          slug title date
          participants(first: 10) {
            totalCount
            edges { node { role person { slug name } organization { slug name } } }
          }
        }
      } }
    }
  }
}`,
  },
  {
    name: 'event',
    title: '2. Event page',
    query: `query EventPage($slug: String!) {
  event(slug: $slug) {
    slug kind title date datePrecision
    place { slug name }
    participants(first: 50) {
      totalCount
      edges { node { role person { slug name } organization { slug name } } }
    }
    quotes(first: 20) {
      totalCount
      edges { node { slug kind text speaker { slug name } } }
    }
    reportedIn(first: 20) {
      totalCount
      edges { node { article { slug title publishedDate } mention { start end text } } }
    }
  }
}`,
  },
  {
    name: 'article',
    title: '3. Article page',
    query: `query ArticlePage($slug: String!) {
  article(slug: $slug) {
    slug title publishedDate text
    publisher { slug name }
    events(first: 20) { totalCount edges { node { slug kind title date } } }
    people(first: 50) { totalCount edges { node { slug name } } }
    relatedArticles(first: 10) {
      totalCount
      edges { node {
        rank score sharedCount
        article { slug title publishedDate }
        shared { ${ENTITY_NAMES} }
      } }
    }
  }
}`,
  },
  {
    name: 'search',
    title: '4. Search (no diacritics)',
    query: `query Search($q: String!) {
  search(query: $q, first: 20) {
    totalCount
    edges {
      type field score snippet
      highlights { start end }
      node {
        ${ENTITY_NAMES}
        ... on Quote { slug speaker { slug name } }
        ... on Article { slug title }
      }
    }
  }
}`,
  },
  {
    name: 'timeline',
    title: '5. Organization timeline',
    query: `query OrgTimeline($org: ID!) {
  timeline(subject: $org, first: 50) {
    totalCount
    pageInfo { hasNextPage }
    edges { node { date datePrecision kind event { slug kind title } article { slug title } } }
  }
}`,
  },
  {
    name: 'path',
    title: '6. Path between two people',
    query: `query Path($from: ID!, $to: ID!) {
  path(from: $from, to: $to) {
    found length
    hops {
      via
      from { ${ENTITY_NAMES} }
      to { ${ENTITY_NAMES} }
      event { slug title }
      article { slug title }
      evidence { start end text }
    }
  }
}`,
  },
];

export type Variables = Record<string, string>;

/** POSTs one page's document to an app in process (no HTTP) and returns the answer's text. */
export function postInProcess(
  app: { fetch: (url: string, init: RequestInit) => Promise<Response> },
  query: string,
  variables: unknown,
): Promise<string> {
  return app
    .fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    })
    .then((r) => r.text());
}

/** Indexes into a ranked list: the top, the 10th, the 100th and the median (deduplicated, in range). */
function spread<T>(ranked: T[]): T[] {
  const at = [0, 9, 99, Math.floor(ranked.length / 2)].filter((i) => i < ranked.length);
  return [...new Set(at)].map((i) => ranked[i] as T);
}

async function column(client: Client, sql: string): Promise<string[]> {
  return (await client.execute(sql)).rows.map((r) => String(Object.values(r)[0]));
}

/** The variables each operation is run with on this corpus, deterministic for a given database. */
export async function pickVariables(client: Client): Promise<Record<OperationName, Variables[]>> {
  const peopleByQuotes = await column(
    client,
    `SELECT p.slug FROM people p JOIN quotes q ON q.speaker_id = p.id GROUP BY p.id ORDER BY count(*) DESC, p.id`,
  );
  const eventsByParticipants = await column(
    client,
    `SELECT e.slug FROM events e JOIN participations x ON x.event_id = e.id GROUP BY e.id ORDER BY count(*) DESC, e.id`,
  );
  const n = Number((await client.execute('SELECT max(id) AS n FROM articles')).rows[0]?.n ?? 0);
  const articleIds = [0.2, 0.4, 0.6, 0.8].map((f) => Math.max(1, Math.round(n * f)));
  const articles = await column(client, `SELECT slug FROM articles WHERE id IN (${articleIds.join(',')}) ORDER BY id`);
  const orgsByArticles = await column(
    client,
    `SELECT o.slug FROM organizations o JOIN article_organizations x ON x.organization_id = o.id GROUP BY o.id ORDER BY count(*) DESC, o.id`,
  );
  const orgNames = await column(
    client,
    `SELECT o.name FROM organizations o JOIN article_organizations x ON x.organization_id = o.id GROUP BY o.id ORDER BY count(*) DESC, o.id LIMIT 1`,
  );
  const peopleByMentions = await column(
    client,
    `SELECT p.slug FROM people p JOIN article_people x ON x.person_id = p.id GROUP BY p.id ORDER BY count(*) DESC, p.id`,
  );
  const personNames = await column(
    client,
    `SELECT p.name FROM people p JOIN article_people x ON x.person_id = p.id GROUP BY p.id ORDER BY count(*) DESC, p.id`,
  );
  const mid = personNames[Math.min(99, personNames.length - 1)] as string;
  const quiet = personNames[Math.floor(personNames.length / 2)] as string;
  const quietWords = fold(quiet).split(' ');
  // Typed without diacritics: a ministry, a person's full name, a topic, and a name being typed (prefix).
  const queries = [
    fold(orgNames[0] as string),
    fold(mid),
    'chuyen doi so do thi',
    `${quietWords.slice(0, -1).join(' ')} ${(quietWords.at(-1) as string).slice(0, 2)}`,
  ];
  const pid = (slug: string) => encodeGlobalID('Person', slug);
  const at = (i: number) => peopleByMentions[Math.min(i, peopleByMentions.length - 1)] as string;
  const half = Math.floor(peopleByMentions.length / 2);
  return {
    person: spread(peopleByQuotes).map((slug) => ({ slug })),
    event: spread(eventsByParticipants).map((slug) => ({ slug })),
    article: articles.map((slug) => ({ slug })),
    search: queries.map((q) => ({ q })),
    timeline: spread(orgsByArticles).map((slug) => ({ org: encodeGlobalID('Organization', slug) })),
    // Busy to quiet, quiet to quiet: paths through the hubs and around them.
    path: [
      [at(10), at(100)],
      [at(100), at(half)],
      [at(half), at(half + 1)],
      [at(peopleByMentions.length - 1), at(20)],
    ].map(([from, to]) => ({ from: pid(from as string), to: pid(to as string) })),
  };
}
