// Links what the article names to what the knowledge base knows, and finds where they disagree.
import type { Facts } from './facts';
import type { KnowledgeBase, KnownEntity } from './kb';
import type { Names } from './names';
import type { Conflict, Entity, EventX } from './types';

export interface Summary {
  newEntities: Array<{ type: string; slug: string; name: string }>;
  linked: Array<{ type: string; slug: string; name: string; evidence: string }>;
  uncertain: Array<{ what: string; why: string }>;
  conflicts: Conflict[];
  newRoles: Array<{ person: string; title: string; known: string[] }>;
  dropped: string[];
}

/** Copies the known entity's attributes so the draft can never disagree with the knowledge base. */
function adopt(e: Entity, k: KnownEntity, evidence: string) {
  const f = k.fields;
  const from = e.slug;
  e.link = { slug: k.slug, evidence };
  if (k.name && k.name !== e.name && e.type !== 'document' && !e.aliases.includes(e.name)) e.aliases.push(e.name);
  e.name = k.name;
  const keep: Record<string, unknown> = {};
  const pick = (key: string, col = key) => {
    if (f[col] !== null && f[col] !== undefined) keep[key] = f[col];
  };
  if (e.type === 'person') pick('country');
  if (e.type === 'org' || e.type === 'place') for (const x of ['name_en', 'kind', 'country', 'parent']) pick(x);
  if (e.type === 'document') {
    for (const x of ['kind', 'code', 'title', 'title_en', 'issuer']) pick(x);
    if (f.date) keep.date = { value: dateValue(String(f.date), String(f.date_precision)), precision: f.date_precision };
  }
  if (e.type === 'project') for (const x of ['name_en', 'funding']) pick(x);
  e.fields = { ...keep, known: true, from };
}

export function dateValue(iso: string, precision: string): string {
  return precision === 'YEAR' ? iso.slice(0, 4) : precision === 'MONTH' ? iso.slice(0, 7) : iso;
}

function rename(n: Names, facts: Facts, events: EventX[], type: string, from: string, to: string) {
  for (const c of n.claimed) if (c.key === `${type}:${from}`) c.key = `${type}:${to}`;
  if (type === 'person') {
    for (const r of facts.roles) if (r.person === from) r.person = to;
    for (const q of facts.quotes) if (q.speaker === from) q.speaker = to;
  }
  if (type === 'org') for (const r of facts.roles) if (r.org === from) r.org = to;
  for (const ev of events) {
    for (const p of ev.participants) if (p.type === type && p.slug === from) p.slug = to;
    if (type === 'document') ev.documents = ev.documents.map((d) => (d === from ? to : d));
  }
  for (const e of n.entities) {
    if (e.fields.issuerKey === from && type === 'org') e.fields.issuerKey = to;
  }
}

export async function linkAll(
  kb: KnowledgeBase,
  n: Names,
  facts: Facts,
  events: EventX[],
  articleSlug: string,
): Promise<Summary> {
  const sum: Summary = { newEntities: [], linked: [], uncertain: [], conflicts: [], newRoles: [], dropped: [] };
  for (const e of n.entities) {
    let m: { known: KnownEntity; evidence: string } | undefined;
    if (e.link) {
      const hit = await kb.byName(e.type as 'org', e.name);
      if (hit && hit.known.slug === e.link.slug) m = { known: hit.known, evidence: e.link.evidence };
    } else if (e.type === 'person') {
      const r = await kb.person(e.name);
      m = r.match;
      if (!m && r.near.length > 0) {
        e.review = r.near.map((x) => x.why).join('; ');
        sum.uncertain.push({ what: `person ${e.name}`, why: e.review });
      }
    } else if (e.type === 'document') m = await kb.document(e.fields.code as string | undefined, e.forms);
    else m = await kb.byName(e.type as 'org', e.name, e.acronyms);
    if (m) {
      const from = e.slug;
      adopt(e, m.known, m.evidence);
      e.slug = m.known.slug;
      rename(n, facts, events, e.type, from, e.slug);
      sum.linked.push({ type: e.type, slug: e.slug, name: e.name, evidence: m.evidence });
    } else {
      let slug = e.slug;
      for (let i = 2; await kb.slugTaken(e.type as 'org', slug); i++) slug = `${e.slug}-${i}`;
      if (slug !== e.slug) {
        rename(n, facts, events, e.type, e.slug, slug);
        e.slug = slug;
      }
    }
  }
  // Events: same kind and date, and a shared place, participant or document.
  for (const ev of events) {
    const related = [...ev.participants.map((p) => p.slug), ...ev.documents];
    const place = (ev.fields.placeSlug as string | undefined) ?? undefined;
    const m = await kb.event(ev.kind, ev.date?.value, place, related);
    if (m) {
      const f = m.known.fields;
      const from = ev.slug;
      ev.link = { slug: m.known.slug, evidence: m.evidence };
      ev.slug = m.known.slug;
      ev.name = m.known.name;
      ev.fields.known = {
        kind: f.kind,
        title: f.title,
        part_of_day: f.part_of_day,
        place: f.place,
        online: f.online,
        parent: f.parent,
        project: f.project,
        date: f.date,
        precision: f.date_precision,
      };
      for (const q of facts.quotes) if (q.event === from) q.event = ev.slug;
      for (const o of events) if (o.parent === from) o.parent = ev.slug;
      sum.linked.push({ type: 'event', slug: ev.slug, name: ev.name, evidence: m.evidence });
      // A document of ours that the known event also acted on, under another number: a conflict.
      for (const d of ev.documents) {
        const ours = n.get('document', d);
        if (!ours || ours.link || !ours.fields.code) continue;
        const theirs = (await kb.documentsOfEvent(ev.slug)).find((k) => k.fields.kind === ours.fields.kind);
        if (!theirs) continue;
        const code = String(ours.fields.code);
        const their = (await kb.documentMentions(theirs.slug)).find((x) => /\d+\/[\p{L}-]+/u.test(x.text));
        const theirCode = (theirs.fields.code as string | null) ?? /\d+[-/][\p{L}\d/.-]+/u.exec(their?.text ?? '')?.[0];
        if (!their || !theirCode || theirCode === code) continue;
        const oursForm = ours.forms[0] as string;
        const fromSlug = ours.slug;
        adopt(ours, theirs, `acted on by the same known event ${ev.slug}`);
        delete ours.fields.code;
        ours.slug = theirs.slug;
        ours.review = `number ${code} here, ${theirCode} in ${their.article}: recorded as a conflict, code left out`;
        rename(n, facts, events, 'document', fromSlug, ours.slug);
        sum.conflicts.push({
          slug: `${theirs.slug}-code`,
          subject: `document:${theirs.slug}`,
          field: 'code',
          description: `Two articles give different numbers for the same ${String(theirs.fields.kind).toLowerCase()} acted on by ${ev.slug}.`,
          claims: [
            { article: their.article, value: theirCode, span: their.text },
            { article: articleSlug, value: code, span: oursForm },
          ],
        });
        sum.linked.push({
          type: 'document',
          slug: ours.slug,
          name: ours.name,
          evidence: `acted on by the same known event ${ev.slug} (number differs: conflict)`,
        });
      }
    } else {
      let slug = ev.slug;
      for (let i = 2; await kb.slugTaken('event', slug); i++) slug = `${ev.slug}-${i}`;
      ev.slug = slug;
    }
  }
  // Two findings linked to one known entity are one entity.
  for (let i = n.entities.length - 1; i >= 0; i--) {
    const e = n.entities[i] as Entity;
    const first = n.entities.find((o) => o.type === e.type && o.slug === e.slug);
    if (!first || first === e) continue;
    for (const k of ['forms', 'aliases', 'acronyms', 'honorifics'] as const)
      for (const x of e[k]) if (!first[k].includes(x)) first[k].push(x);
    n.entities.splice(i, 1);
  }
  for (const e of n.entities) if (!e.link) sum.newEntities.push({ type: e.type, slug: e.slug, name: e.name });
  for (const ev of events) if (!ev.link) sum.newEntities.push({ type: 'event', slug: ev.slug, name: ev.name });
  // A known person with a title the knowledge base does not have yet: a new role.
  for (const r of facts.roles) {
    const p = n.get('person', r.person);
    if (!p?.link) continue;
    const known = await kb.titlesOf(r.person);
    if (!known.some((t) => t.toLowerCase() === r.title.toLowerCase()))
      sum.newRoles.push({ person: r.person, title: r.title, known });
  }
  return sum;
}
