// Writes the extracted facts as a seed document (exactly the seed format), checks it with the seed's
// own validator, and drops (and reports) any entry the validator refuses.

import { parse as parseYaml, stringify } from 'yaml';
import { SECTION_OF_SEED_REF } from '../domain/entities';
import { buildPlan, type SeedArticleSource, SeedValidationError } from '../seed/plan';
import type { Facts } from './facts';
import { dateValue, type Summary } from './link';
import type { Names } from './names';
import { inRanges, isWordAt, occurrences, type Range, spanRef } from './text';
import type { EventX, Meta } from './types';

type Doc = Record<string, unknown>;
// Events are written by their own rules (below), after the named entities.
const SECTION = Object.fromEntries(Object.entries(SECTION_OF_SEED_REF).filter(([ref]) => ref !== 'event'));

export function buildDraft(meta: Meta, body: string, n: Names, facts: Facts, events: EventX[]): Doc {
  const ranges: Range[] = meta.content;
  const sp = (r: Range) => spanRef(body, r.start, r.end, ranges);
  const whole = (r: Range) => spanRef(body, r.start, r.end);
  const article: Doc = {
    slug: meta.slug,
    added: meta.added,
    languages: meta.languages,
    content: meta.content.map((c) => {
      const text = body.slice(c.start, c.end);
      const fromLen = Math.min(
        text.length,
        Math.max(12, text.indexOf(' ', 24) > 0 ? text.indexOf(' ', 24) : text.length),
      );
      const toStart = c.end - Math.min(text.length, 30);
      const to = body.slice(toStart, c.end).search(/\s\S/u);
      return {
        lang: c.lang,
        from: whole({ start: c.start, end: c.start + fromLen }),
        to: whole({ start: to >= 0 ? toStart + to + 1 : toStart, end: c.end }),
      };
    }),
    title: { span: sp(meta.title) },
  };
  if (meta.url) article.url = meta.url;
  if (meta.published) {
    article.published = {
      local: meta.published.local,
      ...(meta.published.offset ? { offset: meta.published.offset } : {}),
      span: sp(meta.published.span),
    };
  }
  const pub = meta.publisher && n.entities.find((e) => e.type === 'org' && e.fields.publisher);
  if (meta.publisher && pub) article.publisher = { org: pub.slug, span: sp(meta.publisher.span) };
  const authors = n.entities.filter((e) => e.type === 'person' && e.fields.author);
  if (authors.length) article.authors = authors.map((a) => ({ person: a.slug, span: sp(a.fields.author as Range) }));

  const doc: Doc = { article };
  const slugs = new Set(n.entities.map((e) => `${e.type}:${e.slug}`));
  for (const [type, section] of Object.entries(SECTION)) {
    const list = n.entities
      .filter((e) => e.type === type && e.forms.length > 0)
      .map((e) => {
        const f = e.fields;
        const out: Doc = { slug: e.slug };
        if (type === 'document') {
          for (const k of ['kind', 'code', 'title', 'title_en']) if (f[k] != null) out[k] = f[k];
          if (!out.kind) out.kind = 'OTHER';
          const issuer = (f.issuer as string | undefined) ?? (f.issuerKey as string | undefined);
          if (issuer) out.issuer = issuer;
          if (f.date) out.date = f.date;
        } else {
          out.name = e.name;
          for (const k of ['name_en', 'kind', 'country', 'parent']) if (f[k] != null) out[k] = f[k];
          if ((type === 'org' || type === 'place') && !out.kind) out.kind = 'OTHER';
          if (!out.parent && f.parentName) {
            const t = type === 'place' ? 'place' : 'org';
            const par = n.entities.find(
              (o) => o.type === t && (o.name === f.parentName || o.forms.includes(f.parentName as string)),
            );
            if (par && par.slug !== e.slug) out.parent = par.slug;
          }
          if (type === 'person' && e.honorifics.length) out.honorifics = e.honorifics;
        }
        if (e.acronyms.length && (type === 'org' || type === 'project')) out.acronyms = e.acronyms;
        if (e.aliases.length) out.aliases = e.aliases;
        if (e.review) out.review = e.review;
        return out;
      });
    if (list.length) doc[section] = list;
  }
  if (events.length) {
    doc.events = events.map((ev) => {
      const k = ev.fields.known as Record<string, unknown> | undefined;
      const out: Doc = { slug: ev.slug, kind: k?.kind ?? ev.kind, title: k?.title ?? ev.name };
      const date = k?.date
        ? { value: dateValue(String(k.date), String(k.precision)), precision: k.precision }
        : ev.date
          ? { value: ev.date.value, precision: ev.date.precision }
          : undefined;
      if (date && ev.date)
        out.date = { ...date, ...(ev.date.inferred ? { inferred: true } : {}), span: sp(ev.date.span) };
      const pod = k ? k.part_of_day : ev.partOfDay;
      if (pod) out.part_of_day = pod;
      const place = k ? k.place : ev.place;
      if (place) out.place = place;
      if (k ? k.online : ev.online) out.online = true;
      const parent = k ? k.parent : ev.parent;
      if (parent) out.parent = parent;
      if (k?.project) out.project = k.project;
      const docs = ev.documents.filter((d) => slugs.has(`document:${d}`));
      if (docs.length) out.documents = docs;
      out.span = sp(ev.report);
      const parts = ev.participants.filter((p) => slugs.has(`${p.type}:${p.slug}`));
      if (parts.length) out.participants = parts.map((p) => ({ [p.type]: p.slug, role: p.role, span: sp(p.span) }));
      if (ev.date?.inferred) out.review = 'the year of the date comes from the publication date';
      return out;
    });
  }
  const roleKeys = new Map<string, string>();
  if (facts.roles.length) {
    doc.roles = facts.roles.map((r, i) => {
      const key = `${r.person}-r${i + 1}`;
      roleKeys.set(`${r.person}#${i}`, key);
      const out: Doc = { key, person: r.person, title: r.title };
      if (r.org) out.org = r.org;
      out.span = sp(r.span);
      if (!r.org) out.review = 'no organization stated with this title';
      return out;
    });
  }
  doc.quotes = facts.quotes
    .sort((a, b) => a.span.start - b.span.start)
    .map((q) => {
      const roleIdx = facts.roles.findIndex((r) => r.person === q.speaker);
      const out: Doc = { kind: q.kind, speaker: q.speaker };
      if (roleIdx >= 0) out.role = roleKeys.get(`${q.speaker}#${roleIdx}`);
      if (q.event && events.some((e) => e.slug === q.event)) out.event = q.event;
      const docs = n.entities.filter(
        (e) => e.type === 'document' && e.forms.some((f) => body.slice(q.span.start, q.span.end).includes(f)),
      );
      if (docs.length) out.documents = docs.map((d) => d.slug);
      out.span = sp(q.span);
      if (q.review) out.review = q.review;
      return out;
    });
  const mentions: Doc[] = [];
  const okForm = (f: string) =>
    occurrences(body, f).some(
      (o) => inRanges(ranges, o.start, o.end) && !isWordAt(body, o.start - 1) && !isWordAt(body, o.end),
    );
  for (const e of [...n.entities, ...events]) {
    const forms = [...new Set([...e.forms, ...(e.type !== 'event' ? e.acronyms : [])])].filter(okForm);
    if (forms.length) mentions.push({ ref: `${e.type}:${e.slug}`, forms });
  }
  doc.mentions = mentions;
  return doc;
}

/** A copy without `review` notes (for a validator that does not know them yet). */
export function stripReview(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripReview);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .filter(([k]) => k !== 'review')
        .map(([k, x]) => [k, stripReview(x)]),
    );
  return v;
}

/** Validates the draft with the seed's validator alongside `others`; drops refused entries until it passes. */
export function validate(doc: Doc, id: string, body: string, others: SeedArticleSource[], sum: Summary): Doc {
  for (let round = 0; round < 12; round++) {
    const yaml: SeedArticleSource = { id, body, yaml: { name: `articles/${id}.yaml`, text: 'x' } };
    try {
      buildPlan({ articles: [...others, yaml] }, (t) =>
        t === 'x' ? stripReview(doc) : parseYaml(t, { uniqueKeys: true }),
      );
      return doc;
    } catch (err) {
      if (!(err instanceof SeedValidationError)) throw err;
      const mine = err.problems.filter((p) => p.file === `articles/${id}.yaml`);
      if (mine.length === 0) return doc;
      let dropped = false;
      for (const p of mine) {
        const m = /^(\w+)\[(\d+)\]/u.exec(p.entry);
        if (m && Array.isArray(doc[m[1] as string])) {
          const list = doc[m[1] as string] as unknown[];
          const i = Number(m[2]);
          if (list[i] !== null) {
            list[i] = null;
            sum.dropped.push(`${p.entry}: ${p.reason}`);
            dropped = true;
          }
        }
      }
      for (const k of Object.keys(doc))
        if (Array.isArray(doc[k])) doc[k] = (doc[k] as unknown[]).filter((x) => x !== null);
      if (!dropped) throw new Error(`the draft does not validate: ${mine.map(String).join('; ')}`);
    }
  }
  return doc;
}

export function toYaml(doc: Doc): string {
  return stringify(doc, { lineWidth: 0, flowCollectionPadding: true });
}
