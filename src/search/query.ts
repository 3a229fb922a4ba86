// Searches the knowledge base: parses any user string into a safe FTS5 expression, ranks and collapses the
// hits per entity in one SQL statement, and cuts snippets with highlights in the original text.
import { sql } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import type { Db } from '../db/client';
import { SEARCH_ENTITY_TYPES, type SearchEntityType, type SearchField } from './indexer';
import { makeSnippet, type QueryTerm, type Span } from './snippet';
import { foldPreserving, lowerPreserving, sanitize, words } from './text';

export type { SearchEntityType, SearchField } from './indexer';
export type { Span } from './snippet';

/** Longest accepted query, in characters (Unicode code points, after NFC and trimming). */
export const MAX_QUERY_LENGTH = 200;
export const DEFAULT_FIRST = 10;
export const MAX_FIRST = 100;

export type SearchErrorCode =
  | 'EMPTY_QUERY'
  | 'QUERY_TOO_LONG'
  | 'NO_SEARCH_TERMS'
  | 'INVALID_FIRST'
  | 'INVALID_CURSOR'
  | 'INVALID_TYPE';

/**
 * A search request the user has to change. A GraphQLError, so its message (written for the user) reaches
 * the client unmasked when a resolver throws it, with `extensions: { code: 'BAD_USER_INPUT', reason }`.
 */
export class SearchQueryError extends GraphQLError {
  constructor(
    readonly code: SearchErrorCode,
    message: string,
  ) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', reason: code } });
    this.name = 'SearchQueryError';
  }
}

export interface SearchArgs {
  query: string;
  /** Only these entity types; absent, null or empty means all. */
  types?: readonly SearchEntityType[] | null;
  /** Page size, 1..MAX_FIRST (default DEFAULT_FIRST). */
  first?: number | null;
  /** The cursor of the last hit of the previous page. */
  after?: string | null;
}

export interface SearchHit {
  type: SearchEntityType;
  entityId: number;
  slug: string;
  /** bm25 relevance times the field's weight; higher is better. Secondary to `exactDiacritics`. */
  score: number;
  /** How many of the query's accented words the field contains with exactly those accents. */
  exactDiacritics: number;
  /** The best-ranked field of the entity that matched. */
  field: SearchField;
  /** The field's text, or a window of it around the matches (`…` marks a cut). */
  snippet: string;
  /** The matched words, as offsets into `snippet`. */
  highlights: Span[];
  /**
   * The matched words as offsets into the field's original text: the value itself (name, alias, title,
   * quote), except for BODY, where they are offsets into the article's body (`articles.body`).
   */
  matches: Span[];
  /** Opaque; pass as `after` to continue after this hit. */
  cursor: string;
}

export interface SearchResult {
  /** Matching entities (after collapsing several fields of one entity into one hit). */
  totalCount: number;
  hits: SearchHit[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

export interface ParsedQuery {
  /** Folded query words, the last one a prefix (for highlighting). */
  terms: QueryTerm[];
  /** The FTS5 MATCH expression: quoted words and phrases only, never user syntax. */
  match: string;
  /** Accented words as `instr` needles against `' ' || text_lower || ' '`. */
  exact: string[];
}

/**
 * Turns any user string into a search: control characters and lone surrogates become spaces, the text
 * is NFC-normalized and trimmed, then cut into words (runs of letters and digits, folded). Words typed
 * together without a space (`TT-Huế`, `950/QĐ-TTg`) form a phrase; phrases are ANDed; the last word is also
 * matched as a prefix. Everything else (quotes, operators, `*`, `^`, parentheses, colons, emoji) is
 * punctuation and only separates words, so the expression can never be an FTS5 syntax error.
 */
export function parseSearchQuery(input: unknown): ParsedQuery {
  if (typeof input !== 'string') throw new SearchQueryError('EMPTY_QUERY', 'Enter something to search for.');
  // A quick bound before any work: NFC shrinks text at most a few units per character.
  if (input.length > MAX_QUERY_LENGTH * 8) throw tooLong(input.length);
  const text = sanitize(input).normalize('NFC').trim();
  if (text === '') throw new SearchQueryError('EMPTY_QUERY', 'Enter something to search for.');
  const length = [...text].length;
  if (length > MAX_QUERY_LENGTH) throw tooLong(length);

  const folded = foldPreserving(text);
  const lowered = lowerPreserving(text);
  const groups: Array<Array<{ folded: string; lower: string }>> = [];
  for (const chunk of folded.matchAll(/\S+/gu)) {
    const ws = words(chunk[0]).map((w) => ({
      folded: w.text,
      lower: lowered.slice(chunk.index + w.start, chunk.index + w.end),
    }));
    if (ws.length > 0) groups.push(ws);
  }
  if (groups.length === 0)
    throw new SearchQueryError('NO_SEARCH_TERMS', 'The search needs at least one letter or digit.');

  const phrase = (g: Array<{ folded: string }>) => `"${g.map((w) => w.folded.replaceAll('"', '""')).join(' ')}"`;
  const last = groups.length - 1;
  const match = groups.map((g, i) => (i === last ? `(${phrase(g)} OR ${phrase(g)}*)` : phrase(g))).join(' AND ');

  const terms: QueryTerm[] = [];
  const exact = new Set<string>();
  for (const [gi, g] of groups.entries()) {
    for (const [wi, w] of g.entries()) {
      const prefix = gi === last && wi === g.length - 1;
      const same = terms.find((t) => t.folded === w.folded);
      if (same) same.prefix ||= prefix;
      else terms.push({ folded: w.folded, prefix });
      if (w.lower !== w.folded) exact.add(prefix ? ` ${w.lower}` : ` ${w.lower} `);
    }
  }
  return { terms, match, exact: [...exact] };
}

function tooLong(length: number): SearchQueryError {
  return new SearchQueryError(
    'QUERY_TOO_LONG',
    `The search is too long (${length} characters); use at most ${MAX_QUERY_LENGTH}.`,
  );
}

const CURSOR_PREFIX = 'search:';

function encodeCursor(position: number): string {
  return btoa(`${CURSOR_PREFIX}${position}`);
}

function decodeCursor(cursor: string): number {
  let decoded = '';
  try {
    decoded = atob(cursor);
  } catch {
    // falls through to the error below
  }
  const m = /^search:(\d{1,9})$/.exec(decoded);
  if (!m) throw new SearchQueryError('INVALID_CURSOR', 'The `after` cursor is not one this search returned.');
  return Number(m[1]);
}

interface RawRow {
  total: number;
  id: number | null;
  entity_type: SearchEntityType | null;
  entity_id: number | null;
  entity_slug: string | null;
  field: SearchField | null;
  text: string | null;
  text_start: number | null;
  bm: number | null;
  exact: number | null;
}

/**
 * Searches names, aliases, acronyms, codes, titles, quotes and article content. One SQL statement.
 *
 * Ranking: first by how many of the query's accented words the field has with exactly those accents
 * (`Lưu Đức Minh` puts him above other Minh/Luu), then by bm25 × the field's weight (names, acronyms and
 * codes above aliases, titles, quotes, article paragraphs), then by entity type (the order of
 * SEARCH_ENTITY_TYPES) and id. An entity that matches in several fields is one hit, from its best field.
 */
export async function searchKnowledgeBase(db: Db, args: SearchArgs): Promise<SearchResult> {
  const parsed = parseSearchQuery(args.query);
  const first = args.first ?? DEFAULT_FIRST;
  if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST)
    throw new SearchQueryError('INVALID_FIRST', `\`first\` must be a whole number from 1 to ${MAX_FIRST}.`);
  const offset = args.after == null ? 0 : decodeCursor(args.after) + 1;
  const types = [...new Set(args.types ?? [])];
  for (const t of types) {
    if (!(SEARCH_ENTITY_TYPES as readonly string[]).includes(t))
      throw new SearchQueryError(
        'INVALID_TYPE',
        `Unknown type '${String(t)}' (one of ${SEARCH_ENTITY_TYPES.join(', ')}).`,
      );
  }

  const typeFilter =
    types.length === 0
      ? sql``
      : sql`AND d.entity_type IN (${sql.join(
          types.map((t) => sql`${t}`),
          sql`, `,
        )})`;
  const exact =
    parsed.exact.length === 0
      ? sql`0`
      : sql.join(
          parsed.exact.map((needle) => sql`(instr(' ' || d.text_lower || ' ', ${needle}) > 0)`),
          sql` + `,
        );
  const typeRank = sql.raw(
    `CASE entity_type ${SEARCH_ENTITY_TYPES.map((t, i) => `WHEN '${t}' THEN ${i}`).join(' ')} END`,
  );

  const rows = await db.all<RawRow>(sql`
    WITH matched AS MATERIALIZED (
      SELECT d.id, d.entity_type, d.entity_id, d.entity_slug, d.field, d.text, d.text_start,
             bm25(search_fts) * d.weight AS bm, ${exact} AS exact
      FROM search_fts JOIN search_documents d ON d.id = search_fts.rowid
      WHERE search_fts MATCH ${parsed.match} ${typeFilter}
    ),
    best AS (
      SELECT *, ${typeRank} AS type_rank,
             row_number() OVER (PARTITION BY entity_type, entity_id ORDER BY exact DESC, bm ASC, id ASC) AS rn
      FROM matched
    ),
    ranked AS MATERIALIZED (SELECT * FROM best WHERE rn = 1),
    page AS (
      SELECT * FROM ranked ORDER BY exact DESC, bm ASC, type_rank ASC, entity_id ASC LIMIT ${first} OFFSET ${offset}
    )
    SELECT (SELECT count(*) FROM ranked) AS total, page.*
    FROM (SELECT 1) LEFT JOIN page ON 1
    ORDER BY page.exact DESC, page.bm ASC, page.type_rank ASC, page.entity_id ASC
  `);

  const total = Number(rows[0]?.total ?? 0);
  const hits: SearchHit[] = [];
  for (const r of rows) {
    if (r.id === null || r.entity_type === null || r.field === null) continue;
    const text = String(r.text ?? '');
    const base = Number(r.text_start ?? 0);
    const s = makeSnippet(text, parsed.terms);
    hits.push({
      type: r.entity_type,
      entityId: Number(r.entity_id),
      slug: String(r.entity_slug),
      score: Math.round(-Number(r.bm) * 1e6) / 1e6,
      exactDiacritics: Number(r.exact),
      field: r.field,
      snippet: s.snippet,
      highlights: s.highlights,
      matches: s.matches.map((m) => ({ start: m.start + base, end: m.end + base })),
      cursor: encodeCursor(offset + hits.length),
    });
  }
  return {
    totalCount: total,
    hits,
    pageInfo: {
      hasNextPage: offset + hits.length < total,
      hasPreviousPage: offset > 0,
      startCursor: hits[0]?.cursor ?? null,
      endCursor: hits.at(-1)?.cursor ?? null,
    },
  };
}
