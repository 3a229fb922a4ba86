// Builds the rows of the search index (migrations/0003_search.sql) from the loader's plan tables. Pure:
// the loader inserts the rows in the same batch as the facts, so the index is never out of step with them.
import { KINDS, type SearchKind, type SearchType } from '../domain/entities';
import { foldPreserving, lowerWords } from './text';

type Row = Record<string, string | number | null>;

/**
 * The fields a hit can come from, with their weight: bm25 is multiplied by it, so names, codes and
 * acronyms outrank the same words in a quote or in an article's body.
 */
export const SEARCH_FIELD_WEIGHTS = {
  NAME: 3,
  ACRONYM: 3,
  CODE: 3,
  ALIAS: 2.5,
  NAME_EN: 2.5,
  TITLE: 2,
  TITLE_EN: 2,
  TEXT: 1,
  BODY: 0.5,
} as const;
export type SearchField = keyof typeof SEARCH_FIELD_WEIGHTS;

/** An article body is indexed paragraph by paragraph; a paragraph longer than this is cut at a space. */
export const MAX_PASSAGE_LENGTH = 1000;

export const SEARCH_DOCUMENTS_TABLE = 'search_documents';

/** Empty the index (runs with the loader's other deletes). */
export const SEARCH_CLEAR_STATEMENTS = [
  "INSERT INTO search_fts (search_fts) VALUES ('delete-all')",
  `DELETE FROM ${SEARCH_DOCUMENTS_TABLE}`,
];
/** Rebuild the full-text index from search_documents (runs after the rows are inserted). */
export const SEARCH_REBUILD_STATEMENT = "INSERT INTO search_fts (search_fts) VALUES ('rebuild')";

interface Source {
  type: SearchType;
  id: number;
  slug: string;
  field: SearchField;
  ordinal: number;
  text: string;
  /** Offset of `text` in the text it was taken from (the article body for BODY), else 0. */
  start: number;
}

function list(v: unknown): string[] {
  if (typeof v !== 'string' || v === '') return [];
  try {
    const parsed: unknown = JSON.parse(v);
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/** Splits `[from, to)` of `body` into trimmed, non-blank paragraphs of at most MAX_PASSAGE_LENGTH units. */
export function passages(body: string, from: number, to: number): Array<{ start: number; text: string }> {
  const out: Array<{ start: number; text: string }> = [];
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(body[start] as string)) start++;
    while (end > start && /\s/.test(body[end - 1] as string)) end--;
    if (end > start) out.push({ start, text: body.slice(start, end) });
  };
  const range = body.slice(from, to);
  for (const m of range.matchAll(/[^\n]+/g)) {
    let start = from + m.index;
    const end = start + m[0].length;
    while (end - start > MAX_PASSAGE_LENGTH) {
      let cut = body.lastIndexOf(' ', start + MAX_PASSAGE_LENGTH);
      if (cut <= start) cut = start + MAX_PASSAGE_LENGTH;
      push(start, cut);
      start = cut;
    }
    push(start, end);
  }
  return out;
}

const many = (field: SearchField, v: unknown): Array<[SearchField, unknown]> => list(v).map((x) => [field, x]);

/** The values indexed for a row of each searchable kind; articles (titles and body paragraphs) are below. */
const VALUES: Record<Exclude<SearchKind, 'Article'>, (r: Row) => Array<[SearchField, unknown]>> = {
  Person: (r) => [['NAME', r.name], ...many('ALIAS', r.aliases)],
  Organization: (r) => [
    ['NAME', r.name],
    ['NAME_EN', r.name_en],
    ...many('ACRONYM', r.acronyms),
    ...many('ALIAS', r.aliases),
  ],
  Place: (r) => [['NAME', r.name], ['NAME_EN', r.name_en], ...many('ALIAS', r.aliases)],
  Document: (r) => [['CODE', r.code], ['TITLE', r.title], ['TITLE_EN', r.title_en], ...many('ALIAS', r.aliases)],
  Project: (r) => [
    ['NAME', r.name],
    ['NAME_EN', r.name_en],
    ...many('ACRONYM', r.acronyms),
    ...many('ALIAS', r.aliases),
  ],
  Event: (r) => [
    ['TITLE', r.title],
    ['TITLE_EN', r.title_en],
  ],
  Quote: (r) => [['TEXT', r.text]],
};

function sources(tables: Record<string, Row[]>): Source[] {
  const out: Source[] = [];
  const add = (type: SearchType, row: Row, fields: Array<[SearchField, unknown]>) => {
    const id = Number(row.id);
    const slug = String(row.slug);
    const seen = new Set<string>();
    const ordinals = new Map<SearchField, number>();
    for (const [field, value] of fields) {
      const text = str(value);
      if (text === null || seen.has(text)) continue; // an alias spelled exactly like the name adds nothing
      seen.add(text);
      const ordinal = (ordinals.get(field) ?? 0) + 1;
      ordinals.set(field, ordinal);
      out.push({ type, id, slug, field, ordinal, text, start: 0 });
    }
  };
  for (const kind of Object.keys(VALUES) as Array<keyof typeof VALUES>) {
    for (const r of tables[KINDS[kind].table] ?? []) add(KINDS[kind].searchType, r, VALUES[kind](r));
  }

  // Articles: titles, and the body only inside its content ranges (never the page chrome around it).
  const ranges = new Map<number, Row[]>();
  for (const c of tables.article_content ?? []) {
    const id = Number(c.article_id);
    ranges.set(id, [...(ranges.get(id) ?? []), c]);
  }
  for (const a of tables[KINDS.Article.table] ?? []) {
    add(KINDS.Article.searchType, a, [
      ['TITLE', a.title],
      ['TITLE_EN', a.title_en],
    ]);
    const body = String(a.body ?? '');
    const own = (ranges.get(Number(a.id)) ?? []).sort((x, y) => Number(x.ordinal) - Number(y.ordinal));
    let ordinal = 0;
    for (const c of own) {
      for (const p of passages(body, Number(c.start), Number(c.end))) {
        ordinal++;
        out.push({
          type: KINDS.Article.searchType,
          id: Number(a.id),
          slug: String(a.slug),
          field: 'BODY',
          ordinal,
          ...p,
        });
      }
    }
  }
  return out;
}

/**
 * The rows for `search_documents` (snake_case keys, ready for INSERT), one per searchable value: a
 * name, each alias and acronym, a title, a quote, each paragraph of an article's content. Each keeps the
 * original text, a lower-cased copy with diacritics (exact-diacritic ranking) and the folded copy that
 * the FTS5 index `search_fts` is built from. Ids are assigned in a fixed order, so a reload of the same
 * seed yields identical rows.
 */
export function buildSearchDocuments(tables: Record<string, Row[]>): Row[] {
  return sources(tables).map((s, i) => ({
    id: i + 1,
    entity_type: s.type,
    entity_id: s.id,
    entity_slug: s.slug,
    field: s.field,
    ordinal: s.ordinal,
    weight: SEARCH_FIELD_WEIGHTS[s.field],
    text: s.text,
    text_start: s.start,
    text_lower: lowerWords(s.text),
    text_folded: foldPreserving(s.text),
  }));
}
