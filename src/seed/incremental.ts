// Which parts of a seed plan a load writes. The plan is cut into units (an article with every row it
// states, an entity with its child rows, a conflict with its claims); each unit's digest is taken over
// its rows keyed by content (./ids), so it changes exactly when what the unit would write changes, and
// the digests of what was loaded are kept in `seed_units` (migrations/0006).
import { createHash } from 'node:crypto';
import { ENTITY_KINDS, KINDS } from '../domain/entities';
import { withStableIds } from './ids';
import type { Plan, Row } from './plan';

/** Tables whose rows are units of their own, keyed by slug (the entities, then conflicts). */
export const UNIT_TABLES: readonly string[] = [...ENTITY_KINDS.map((k) => KINDS[k].table), 'conflicts'];
/** Child rows that belong to a unit row, by the column naming their parent. */
export const CHILDREN: Readonly<Record<string, ReadonlyArray<{ table: string; col: string }>>> = {
  projects: [
    { table: 'project_components', col: 'project_id' },
    { table: 'project_partners', col: 'project_id' },
  ],
  events: [{ table: 'event_documents', col: 'event_id' }],
  conflicts: [{ table: 'conflict_claims', col: 'conflict_id' }],
};
/** Rows an article states, by their `article_id` (quote_documents go with their quote). */
export const ARTICLE_TABLES = [
  'article_content',
  'article_authors',
  'event_reports',
  'event_participants',
  'roles',
  'quotes',
  'mentions',
] as const;
/** Search result type of each unit table with its own search rows. */
export const SEARCH_TYPE_OF: Readonly<Record<string, string>> = Object.fromEntries(
  ENTITY_KINDS.map((k) => [KINDS[k].table, KINDS[k].searchType]),
);

export interface Unit {
  /** `<table>:<slug>`, the key in `seed_units`. */
  key: string;
  table: string;
  slug: string;
  /** The row's id in the plan (dense, seed order). */
  planId: number;
  digest: string;
  /** The unit's rows, as in the plan. */
  rows: Record<string, Row[]>;
  /** Units that must be written with this one: they point at each other's rows by id. */
  linked: string[];
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);

/** Cuts a plan into units, in plan order (entities by table, then articles). */
export function planUnits(plan: Plan): Map<string, Unit> {
  const keyed = withStableIds(plan).tables;
  const t = plan.tables;
  const units = new Map<string, Unit>();
  const members = new Map<string, Record<string, Row[]>>(); // unit -> keyed rows, for the digest
  const add = (key: string, table: string, row: Row, keyedRow: Row) => {
    units.set(key, { key, table, slug: String(row.slug), planId: Number(row.id), digest: '', rows: {}, linked: [] });
    members.set(key, {});
    push(key, table, row, keyedRow);
  };
  const push = (key: string, table: string, row: Row, keyedRow: Row) => {
    const u = units.get(key) as Unit;
    const m = members.get(key) as Record<string, Row[]>;
    u.rows[table] = [...(u.rows[table] ?? []), row];
    m[table] = [...(m[table] ?? []), keyedRow];
  };
  const each = (table: string, f: (row: Row, keyedRow: Row) => void) =>
    (t[table] ?? []).forEach((r, i) => {
      f(r, keyed[table]?.[i] as Row);
    });

  const unitOf = new Map<string, string>(); // `${table}:${planId}` -> unit key
  for (const table of [...UNIT_TABLES, 'articles']) {
    each(table, (r, k) => {
      const key = `${table}:${r.slug}`;
      unitOf.set(`${table}:${r.id}`, key);
      add(key, table, r, k);
    });
  }
  for (const [parent, kids] of Object.entries(CHILDREN)) {
    for (const { table, col } of kids) {
      each(table, (r, k) => {
        push(unitOf.get(`${parent}:${r[col]}`) as string, table, r, k);
      });
    }
  }
  for (const table of ARTICLE_TABLES) {
    each(table, (r, k) => {
      push(unitOf.get(`articles:${r.article_id}`) as string, table, r, k);
    });
  }
  const quoteArticle = new Map((t.quotes ?? []).map((q) => [Number(q.id), Number(q.article_id)]));
  each('quote_documents', (r, k) => {
    push(unitOf.get(`articles:${quoteArticle.get(Number(r.quote_id))}`) as string, 'quote_documents', r, k);
  });

  // An event's date and a conflict's claims are mentions in an article: written together or not at all.
  const link = (a: string | undefined, b: string | undefined) => {
    if (!a || !b || a === b) return;
    units.get(a)?.linked.push(b);
    units.get(b)?.linked.push(a);
  };
  for (const e of t.events ?? [])
    if (e.date_article_id !== null) link(unitOf.get(`events:${e.id}`), unitOf.get(`articles:${e.date_article_id}`));
  for (const c of t.conflict_claims ?? [])
    link(unitOf.get(`conflicts:${c.conflict_id}`), unitOf.get(`articles:${c.article_id}`));

  for (const u of units.values()) u.digest = sha(JSON.stringify(members.get(u.key)));
  return units;
}

/** Adds to `chosen` every unit linked to one in it, until nothing more is added. */
export function closeOverLinks(units: Map<string, Unit>, chosen: Set<string>): void {
  const todo = [...chosen];
  for (let k = todo.pop(); k !== undefined; k = todo.pop()) {
    for (const other of units.get(k)?.linked ?? []) {
      if (!chosen.has(other)) {
        chosen.add(other);
        todo.push(other);
      }
    }
  }
}

/** The dataset version: a digest of every unit the database holds from the seed. */
export function unitsVersion(digests: Iterable<[string, string]>): string {
  const h = createHash('sha256');
  for (const [k, d] of [...digests].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) h.update(`${k}\0${d}\0`);
  return h.digest('hex').slice(0, 16);
}
