// Entity declarations: each article file declares the entities it names; declarations with the same slug
// are merged across files (sets united, every other field equal wherever it is given).
import type { SeedRef } from '../domain/entities';
import { type Ctx, SeedProblem } from './problems';
import { type ArticleFacts, rawItem, type UseRef } from './read';
import { type EntityEntry, entitySchema, type Salvaged, strList } from './schema';
import { resolveSpan } from './spans';

interface Declared {
  file: string;
  entry: string;
}
export interface Entity {
  type: SeedRef;
  slug: string;
  fields: Record<string, unknown>;
  sets: Record<string, string[]>;
  declaredIn: Declared[];
}
/** Every declared entity, keyed `${type}:${slug}`. */
export type Entities = Map<string, Entity>;

// Fields of a declaration that belong to the article reporting it, not to the entity.
const PER_ARTICLE = new Set(['slug', 'span', 'participants']);
// The entity a reference field names, where it is not of the declaring entity's own kind.
const REF_FIELDS: Record<string, SeedRef> = { issuer: 'org', place: 'place', project: 'project' };

type AnyEntry = Salvaged<EntityEntry> & Record<string, unknown>;

/** Declares (or merges into) the entity `type:slug` from one article's entry `e`. */
export function declareEntity(
  type: SeedRef,
  slug: string,
  e: AnyEntry,
  raw: Record<string, unknown>,
  ctx: Ctx,
  facts: ArticleFacts,
  entities: Entities,
  useRef: UseRef,
): void {
  facts.declared.push({ type, slug, ctx });
  const f: Record<string, unknown> = {};
  const sets: Record<string, string[]> = {};
  for (const [k, schema] of Object.entries(entitySchema(type).shape)) {
    if (PER_ARTICLE.has(k)) continue;
    if (schema === strList) sets[k] = (e[k] as string[] | undefined) ?? [];
    else f[k] = e[k];
  }
  for (const k of ['issuer', 'place', 'parent', 'project'])
    if (k in f) useRef(REF_FIELDS[k] ?? type, f[k] as string | undefined, ctx.at(k));
  for (const d of sets.documents ?? []) useRef('document', d, ctx.at('documents'));

  if (isDate(f.date)) {
    const span =
      f.date.span === undefined ? undefined : resolveSpan(f.date.span, facts.text, ctx.at('date').at('span'));
    f.date = f.date.span !== undefined && !span ? undefined : { ...f.date, span, article: facts.slug };
  }
  if (type === 'project') {
    const comps = ((e.components as AnyEntry[] | undefined) ?? []).filter((c) => c?.number && c.title);
    f.components = comps.length > 0 ? comps.map((c) => ({ ...c, title_en: c.title_en ?? null })) : undefined;
    const partners: Array<{ org: string; role: string | null }> = [];
    ((e.partners as AnyEntry[] | undefined) ?? []).forEach((p, i) => {
      if (!p) return;
      useRef('org', p.org as string | undefined, ctx.at('partners').at(i).at('org'));
      if (p.org) partners.push({ org: p.org as string, role: (p.role as string | undefined) ?? null });
    });
    f.partners = partners;
  }
  if (type === 'event') {
    const span = resolveSpan(e.span as Salvaged<EntityEntry<'event'>>['span'], facts.text, ctx.at('span'));
    if (span) facts.eventReports.push({ event: slug, ...span });
    ((e.participants as Salvaged<EntityEntry<'event'>>['participants']) ?? []).forEach((p, i) => {
      if (!p) return;
      const pc = ctx.at('participants').at(i);
      const given = rawItem(raw, 'participants', i);
      const hasPerson = given.person !== undefined;
      if (hasPerson === (given.org !== undefined)) {
        pc.fail('needs exactly one of person or org');
        return;
      }
      const ptype = hasPerson ? 'person' : 'org';
      const pslug = p[ptype];
      const pspan = resolveSpan(p.span, facts.text, pc.at('span'));
      useRef(ptype, pslug, pc.at(ptype));
      if (pslug && p.role && pspan)
        facts.participants.push({ event: slug, type: ptype, slug: pslug, role: p.role, ...pspan });
    });
  }
  merge(type, slug, f, sets, ctx, entities);
}

const isDate = (v: unknown): v is { iso: string; precision: string; span?: { text: string } } =>
  typeof v === 'object' && v !== null && 'iso' in v;

function merge(
  type: SeedRef,
  slug: string,
  f: Record<string, unknown>,
  sets: Record<string, string[]>,
  ctx: Ctx,
  entities: Entities,
): void {
  const key = `${type}:${slug}`;
  const existing = entities.get(key);
  if (!existing) {
    entities.set(key, { type, slug, fields: f, sets, declaredIn: [{ file: ctx.file, entry: ctx.entry }] });
    return;
  }
  existing.declaredIn.push({ file: ctx.file, entry: ctx.entry });
  for (const [k, v] of Object.entries(sets)) {
    const into = existing.sets[k] ?? [];
    for (const x of v) if (!into.includes(x)) into.push(x);
    existing.sets[k] = into;
  }
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined) continue;
    const old = existing.fields[k];
    if (old === undefined) {
      existing.fields[k] = v;
      continue;
    }
    if (k === 'partners') {
      const into = old as Array<{ org: string; role: string | null }>;
      for (const p of v as typeof into) {
        const same = into.find((q) => q.org === p.org);
        if (!same) into.push(p);
        else if (p.role && same.role && p.role !== same.role)
          ctx
            .at('partners')
            .fail(`partner '${p.org}' has role '${p.role}' here but '${same.role}' in ${existing.declaredIn[0]?.file}`);
        else same.role ??= p.role;
      }
      continue;
    }
    const comparable = (x: unknown) =>
      k === 'date' && isDate(x) ? JSON.stringify([x.iso, x.precision]) : JSON.stringify(x);
    if (comparable(old) !== comparable(v)) {
      ctx
        .at(k)
        .fail(
          `conflicting definitions of ${type} '${slug}': ${k} is ${comparable(v)} here but ${comparable(old)} in ${existing.declaredIn[0]?.file} (record a real disagreement in conflicts.yaml instead)`,
        );
    }
  }
}

/** Reports every chain of `field` (an entity's parent) that loops back on itself. */
export function reportCycles(entities: Entities, type: SeedRef, field: string, problems: SeedProblem[]): void {
  for (const e of entities.values()) {
    if (e.type !== type) continue;
    const seen = new Set([e.slug]);
    for (
      let p = e.fields[field] as string | undefined;
      p;
      p = entities.get(`${type}:${p}`)?.fields[field] as string | undefined
    ) {
      if (seen.has(p)) {
        const d = e.declaredIn[0] as Declared;
        problems.push(new SeedProblem(d.file, d.entry, `${field} chain of ${type} '${e.slug}' forms a cycle`));
        break;
      }
      seen.add(p);
    }
  }
}
