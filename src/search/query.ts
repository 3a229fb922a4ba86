// Searches the knowledge base: parses any user string into a safe FTS5 expression, fetches a bounded window
// of the matches in one SQL statement, ranks and collapses them per entity (rank.ts), and cuts snippets
// with highlights in the original text.
import { sql } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import type { Db } from '../db/client';
import { SEARCH_TYPES, type SearchType } from '../domain/entities';
import type { SearchField } from './indexer';
import { fieldScorer, rankCandidates } from './rank';
import { makeSnippet, type QueryTerm, type Span } from './snippet';
import { foldPreserving, lowerPreserving, sanitize, words } from './text';

export type { SearchField } from './indexer';
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
  types?: readonly SearchType[] | null;
  /** Page size, 1..MAX_FIRST (default DEFAULT_FIRST). */
  first?: number | null;
  /** The cursor of the last hit of the previous page. */
  after?: string | null;
}

export interface SearchHit {
  type: SearchType;
  entityId: number;
  slug: string;
  /**
   * Relevance (`fieldScorer`: term frequency and length, times the field's weight); higher is better.
   * Secondary to `exactDiacritics`.
   */
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
  /**
   * Matching entities (after collapsing several fields of one entity into one hit) among the first
   * SEARCH_WINDOW matching values: exact for a search that matches fewer values, a floor otherwise.
   */
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
  const match = groups.map((g, i) => (i === last ? typeAhead(g, phrase) : phrase(g))).join(' AND ');

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

const PREFIX_FOLLOWERS = [...'abcdefghijklmnopqrstuvwxyz0123456789'];

/**
 * The last group with its last word as a prefix, which covers the whole word too (`"x"*` matches `x`;
 * an extra `"x" OR` would only add an iterator). The index keeps prefixes of 2 to 4 characters
 * (migrations/0003_search.sql); FTS5 answers any other prefix by merging the doclists of every word that
 * starts with it before it returns a single row, which for one letter (`luu duc m`, the moment the next
 * word is begun) is most of the index: 0.1–1 s at 100k articles. One ASCII letter or digit is therefore
 * asked as itself or its 2-character prefixes, which FTS5 reads lazily: the same words, since folded
 * text has no other letter after an ASCII one in practice (a Hangul or other letter right after it
 * would be missed).
 */
function typeAhead(g: Array<{ folded: string }>, phrase: (g: Array<{ folded: string }>) => string): string {
  const word = (g.at(-1) as { folded: string }).folded;
  if (!/^[a-z0-9]$/.test(word)) return `${phrase(g)}*`;
  const head = g.slice(0, -1);
  const longer = PREFIX_FOLLOWERS.map((c) => `${phrase([...head, { folded: word + c }])}*`);
  return `(${[phrase(g), ...longer].join(' OR ')})`;
}

function tooLong(length: number): SearchQueryError {
  return new SearchQueryError(
    'QUERY_TOO_LONG',
    `The search is too long (${length} characters); use at most ${MAX_QUERY_LENGTH}.`,
  );
}

const CURSOR_PREFIX = 'search:';

/** Scores as reported: six decimals, so they print the same wherever they are computed. */
export function roundScore(score: number): number {
  return Math.round(score * 1e6) / 1e6;
}

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
  id: number;
  entity_type: SearchType;
  entity_id: number;
  entity_slug: string;
  field: SearchField;
  weight: number;
  text: string;
  text_folded: string;
  text_start: number;
  exact: number;
}

/**
 * How many matching values (names, aliases, titles, quotes, paragraphs) of the requested types one search
 * ranks: the first ones in index order. Every entity's own names, acronyms, codes and aliases come first
 * in the index, then events, quotes and articles in the order they were loaded. A narrow search (a name,
 * a rare word) matches fewer values than this and is ranked in full; a broad one ranks these, so its cost
 * does not grow with the knowledge base. At least MAX_FIRST, so one page can be full.
 */
export const SEARCH_WINDOW = 100;

/**
 * Searches names, aliases, acronyms, codes, titles, quotes and article content. One SQL statement.
 *
 * Ranking: first by how many of the query's accented words the field has with exactly those accents
 * (`Lưu Đức Minh` puts him above other Minh/Luu), then by `fieldScorer` (term frequency and length, times
 * the field's weight: names, acronyms and codes above aliases, titles, quotes, article paragraphs), then
 * by entity type (the order of SEARCH_TYPES) and id. An entity that matches in several fields is
 * one hit, from its best field. Only the first SEARCH_WINDOW matching values are ranked and counted.
 */
export async function searchKnowledgeBase(db: Db, args: SearchArgs): Promise<SearchResult> {
  const parsed = parseSearchQuery(args.query);
  const first = args.first ?? DEFAULT_FIRST;
  if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST)
    throw new SearchQueryError('INVALID_FIRST', `\`first\` must be a whole number from 1 to ${MAX_FIRST}.`);
  const offset = args.after == null ? 0 : decodeCursor(args.after) + 1;
  const types = [...new Set(args.types ?? [])];
  for (const t of types) {
    if (!(SEARCH_TYPES as readonly string[]).includes(t))
      throw new SearchQueryError('INVALID_TYPE', `Unknown type '${String(t)}' (one of ${SEARCH_TYPES.join(', ')}).`);
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
  // FTS5 hands the matches over in rowid order (no sort), so the scan stops at the window's end.
  const rows = await db.all<RawRow>(sql`
    SELECT d.id, d.entity_type, d.entity_id, d.entity_slug, d.field, d.weight, d.text, d.text_folded,
           d.text_start, ${exact} AS exact
    FROM search_fts JOIN search_documents d ON d.id = search_fts.rowid
    WHERE search_fts MATCH ${parsed.match} ${typeFilter}
    ORDER BY search_fts.rowid LIMIT ${SEARCH_WINDOW}
  `);
  const score = fieldScorer(parsed.terms);
  const ranked = rankCandidates(
    rows.map((r) => ({
      row: r,
      id: Number(r.id),
      type: r.entity_type,
      entityId: Number(r.entity_id),
      exact: Number(r.exact),
      score: score(String(r.text_folded), Number(r.weight)),
    })),
  );
  const total = ranked.length;
  const hits: SearchHit[] = [];
  for (const { row: r, score, exact } of ranked.slice(offset, offset + first)) {
    const text = String(r.text);
    const base = Number(r.text_start ?? 0);
    const s = makeSnippet(text, parsed.terms);
    hits.push({
      type: r.entity_type,
      entityId: Number(r.entity_id),
      slug: String(r.entity_slug),
      score: roundScore(score),
      exactDiacritics: exact,
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
