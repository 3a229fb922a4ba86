// Content keys for plan rows. The plan numbers rows densely in seed order, so one new slug renumbers
// every row after it; to tell which parts of the seed changed between two loads, each row is keyed by
// what it is instead (an entity's slug; a fact by its evidence mention, itself keyed by article, kind and
// span). The keyed copy of the plan is only digested (./incremental), never written: database ids are
// given out by the loader (./apply).
import { createHash } from 'node:crypto';
import type { Plan, Row } from './plan';

const BASE = 2 ** 52;

/** A number in [2^52, 2^53) (a safe integer) for a natural key. */
export function stableId(...key: Array<string | number>): number {
  const hex = createHash('sha256').update(JSON.stringify(key)).digest('hex').slice(0, 13);
  return BASE + Number.parseInt(hex, 16);
}

/** Which table each id-bearing column of the plan points at (the plan's own ids are dense and renumbered). */
export const REFERENCES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  organizations: { parent_id: 'organizations' },
  places: { parent_id: 'places' },
  people: {},
  documents: { issuer_id: 'organizations' },
  projects: {},
  project_components: { project_id: 'projects' },
  project_partners: { project_id: 'projects', organization_id: 'organizations' },
  articles: {
    title_mention_id: 'mentions',
    title_en_mention_id: 'mentions',
    published_mention_id: 'mentions',
    publisher_id: 'organizations',
    publisher_mention_id: 'mentions',
  },
  article_content: { article_id: 'articles' },
  article_authors: { article_id: 'articles', person_id: 'people', mention_id: 'mentions' },
  events: {
    date_article_id: 'articles',
    date_mention_id: 'mentions',
    place_id: 'places',
    parent_id: 'events',
    project_id: 'projects',
  },
  event_documents: { event_id: 'events', document_id: 'documents' },
  event_reports: { event_id: 'events', article_id: 'articles', mention_id: 'mentions' },
  event_participants: {
    event_id: 'events',
    person_id: 'people',
    organization_id: 'organizations',
    article_id: 'articles',
    mention_id: 'mentions',
  },
  roles: { person_id: 'people', organization_id: 'organizations', article_id: 'articles', mention_id: 'mentions' },
  quotes: {
    speaker_id: 'people',
    role_id: 'roles',
    event_id: 'events',
    article_id: 'articles',
    mention_id: 'mentions',
  },
  quote_documents: { quote_id: 'quotes', document_id: 'documents' },
  mentions: {
    article_id: 'articles',
    person_id: 'people',
    organization_id: 'organizations',
    place_id: 'places',
    document_id: 'documents',
    project_id: 'projects',
    event_id: 'events',
  },
  conflicts: {
    person_id: 'people',
    organization_id: 'organizations',
    place_id: 'places',
    document_id: 'documents',
    project_id: 'projects',
    event_id: 'events',
  },
  conflict_claims: { conflict_id: 'conflicts', article_id: 'articles', mention_id: 'mentions' },
};

const SLUGGED = ['organizations', 'places', 'people', 'documents', 'projects', 'events', 'articles', 'quotes'];
/** Rows keyed by the mention that is their evidence (each has its own). */
const BY_MENTION = ['roles', 'event_participants', 'conflict_claims'];

/**
 * Rewrites every id and reference of a plan to content keys. Throws when two rows would share an id (a
 * hash collision, or a natural key the plan repeats), rather than loading one over the other.
 */
export function withStableIds(plan: Plan): Plan {
  const t = plan.tables;
  for (const [table, rows] of Object.entries(t)) {
    const refs = REFERENCES[table];
    if (!refs) throw new Error(`stable ids: table ${table} has no reference list`);
    for (const col of Object.keys(rows[0] ?? {}))
      if (col.endsWith('_id') && !(col in refs)) throw new Error(`stable ids: ${table}.${col} is not mapped`);
  }
  const maps = new Map<string, Map<number, number>>();
  const assign = (table: string, key: (r: Row) => Array<string | number>) => {
    const m = new Map<number, number>();
    const used = new Set<number>();
    for (const r of t[table] ?? []) {
      const k = key(r);
      const id = stableId(table, ...k);
      if (used.has(id)) throw new Error(`stable ids: two ${table} rows share the key ${JSON.stringify(k)}`);
      used.add(id);
      m.set(Number(r.id), id);
    }
    maps.set(table, m);
  };
  const ref = (table: string, v: unknown): number | null => {
    if (v === null || v === undefined) return null;
    const id = maps.get(table)?.get(Number(v));
    if (id === undefined) throw new Error(`stable ids: ${table} ${String(v)} is not in the plan`);
    return id;
  };
  for (const table of SLUGGED.filter((x) => x !== 'quotes')) assign(table, (r) => [String(r.slug)]);

  // Mentions: article, kind, span and subject, plus what points at them when that alone is not unique
  // (two events dated by the same words, a claim); a repeat within one article is numbered in plan order.
  const slugOf = (table: string) => new Map((t[table] ?? []).map((r) => [Number(r.id), String(r.slug)]));
  const articleSlug = slugOf('articles');
  const extra = new Map<number, string>();
  for (const e of t.events ?? [])
    if (e.date_mention_id !== null) extra.set(Number(e.date_mention_id), `event:${e.slug}`);
  const conflictSlug = slugOf('conflicts');
  for (const c of t.conflict_claims ?? [])
    extra.set(Number(c.mention_id), `claim:${conflictSlug.get(Number(c.conflict_id))}:${c.value}`);
  const seen = new Map<string, number>();
  const subjectCols = Object.entries(REFERENCES.mentions ?? {}).filter(([c]) => c !== 'article_id');
  assign('mentions', (r) => {
    const subject = subjectCols.map(([c, table]) => (r[c] === null ? '' : `${table}:${ref(table, r[c])}`)).join('');
    const base = JSON.stringify([
      articleSlug.get(Number(r.article_id)) ?? '',
      r.kind,
      r.start,
      r.end,
      subject,
      extra.get(Number(r.id)) ?? '',
    ]);
    // Called once per row in plan order, so the count is the row's occurrence of this key.
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return [base, n];
  });
  for (const table of BY_MENTION) assign(table, (r) => [String(ref('mentions', r.mention_id))]);
  assign('quotes', (r) => [String(r.slug)]);
  assign('conflicts', (r) => [String(r.slug)]);

  const tables: Record<string, Row[]> = {};
  for (const [table, rows] of Object.entries(t)) {
    const refs = REFERENCES[table] ?? {};
    const own = maps.get(table);
    tables[table] = rows.map((r) => {
      const out: Row = { ...r };
      if (own && r.id !== undefined) out.id = own.get(Number(r.id)) ?? null;
      for (const [col, target] of Object.entries(refs)) if (col in r) out[col] = ref(target, r[col]);
      return out;
    });
  }
  return { tables };
}
