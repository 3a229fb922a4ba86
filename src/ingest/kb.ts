// The knowledge base as the extractor's gazetteer: every look-up is a query on the database built by
// the real migrations and loader, never a scan of the seed files.

import type { Client } from '@libsql/client';
import { type SeedRef, TABLE_OF_SEED_REF } from '../domain/entities';
import { compact, fold } from './text';

export interface KnownEntity {
  type: 'person' | 'org' | 'place' | 'document' | 'project' | 'event';
  slug: string;
  name: string;
  fields: Record<string, unknown>;
}
export interface Match {
  known: KnownEntity;
  evidence: string;
}
export interface Near {
  known: KnownEntity;
  why: string;
}

// Events are looked up by their own rules (kind, date, participants), not by name.
type NamedRef = Exclude<SeedRef, 'event'>;
const TABLE: Readonly<Record<NamedRef, string>> = TABLE_OF_SEED_REF;
const json = (v: unknown): string[] => (typeof v === 'string' ? (JSON.parse(v) as string[]) : []);
const hasMarks = (s: string) =>
  s.normalize('NFD') !== s.normalize('NFD').replace(/[\u0300-\u036f]/gu, '') || /[đĐ]/u.test(s);

function lev(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0] as number;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j] as number;
      d[j] = Math.min((d[j] as number) + 1, (d[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length] as number;
}

export class KnowledgeBase {
  constructor(readonly db: Client) {}

  private async rows(sql: string, args: Array<string | number | null> = []) {
    return (await this.db.execute({ sql, args })).rows as unknown as Array<Record<string, unknown>>;
  }

  private async entity(type: NamedRef, where: string, args: Array<string | number>): Promise<KnownEntity[]> {
    const t = TABLE[type];
    const parent =
      type === 'org'
        ? ', (SELECT slug FROM organizations p WHERE p.id = x.parent_id) AS parent'
        : type === 'place'
          ? ', (SELECT slug FROM places p WHERE p.id = x.parent_id) AS parent'
          : type === 'document'
            ? ', (SELECT slug FROM organizations o WHERE o.id = x.issuer_id) AS issuer'
            : '';
    const rows = await this.rows(`SELECT x.*${parent} FROM ${t} x WHERE ${where}`, args);
    return rows.map((r) => ({
      type,
      slug: String(r.slug),
      name: String(r.name ?? r.title ?? r.code ?? r.slug),
      fields: r,
    }));
  }

  /** People whose name or alias is the same once folded and stripped of spaces and hyphens. */
  async person(name: string): Promise<{ match?: Match; near: Near[] }> {
    const key = `|${compact(name)}|`;
    const cands = await this.entity(
      'person',
      "instr('|' || replace(replace(replace(names_folded, ' | ', '|'), '-', ''), ' ', '') || '|', ?) > 0",
      [key],
    );
    const near: Near[] = [];
    for (const k of cands) {
      const written = [k.name, ...json(k.fields.aliases)];
      if (written.some((w) => w.toLowerCase() === name.toLowerCase()))
        return { match: { known: k, evidence: `same name as known person "${k.name}"` }, near };
      if (written.some((w) => compact(w) === compact(name) && (!hasMarks(name) || !hasMarks(w))))
        return {
          match: {
            known: k,
            evidence: `"${name}" is "${k.name}" written without diacritics or in another romanization`,
          },
          near,
        };
      near.push({
        known: k,
        why: `folds to the same letters as known person "${k.name}" (${k.slug}) but the diacritics differ: a different name, not merged`,
      });
    }
    const parts = fold(name).split(/[\s-]+/u);
    if (parts.length >= 2) {
      const prefix = parts.slice(0, -1).join(' ');
      for (const k of await this.entity('person', 'name_folded LIKE ?', [`${prefix} %`])) {
        const last =
          fold(k.name)
            .split(/[\s-]+/u)
            .pop() ?? '';
        const d = lev(last, parts[parts.length - 1] as string);
        if (d > 0 && d <= 2 && !near.some((x) => x.known.slug === k.slug))
          near.push({ known: k, why: `resembles known person "${k.name}" (${k.slug}): not merged` });
      }
    }
    return { near };
  }

  async byName(type: 'org' | 'place' | 'project', name: string, acronyms: string[] = []): Promise<Match | undefined> {
    for (const a of acronyms) {
      const hit = (
        await this.entity(type as 'org', 'EXISTS (SELECT 1 FROM json_each(x.acronyms) WHERE value = ?)', [a])
      )[0];
      if (hit) return { known: hit, evidence: `acronym ${a} of known ${type} "${hit.name}"` };
    }
    const hit = (await this.entity(type, "instr(' | ' || names_folded || ' | ', ?) > 0", [` | ${fold(name)} | `]))[0];
    if (hit) return { known: hit, evidence: `name "${name}" is a known name of ${type} "${hit.name}"` };
    return undefined;
  }

  async document(code: string | undefined, forms: string[]): Promise<Match | undefined> {
    if (code) {
      const hit = (await this.entity('document', 'x.code = ? OR lower(x.code) = lower(?)', [code, code]))[0];
      if (hit) return { known: hit, evidence: `same code ${code}` };
    }
    for (const f of forms) {
      const hit = (
        await this.entity('document', "instr(' | ' || names_folded || ' | ', ?) > 0", [` | ${fold(f)} | `])
      )[0];
      if (hit) return { known: hit, evidence: `"${f}" is a known name of document "${hit.name}"` };
    }
    return undefined;
  }

  /** Known events of that kind and date, with what they share with this one. */
  async event(
    kind: string,
    date: string | undefined,
    place: string | undefined,
    related: string[],
  ): Promise<Match | undefined> {
    if (!date) return undefined;
    const evs = await this.rows(
      `SELECT e.id, e.slug, e.kind, e.title, e.date, e.date_precision, e.part_of_day, e.online,
        (SELECT slug FROM places p WHERE p.id = e.place_id) AS place,
        (SELECT slug FROM events p WHERE p.id = e.parent_id) AS parent,
        (SELECT slug FROM projects p WHERE p.id = e.project_id) AS project
       FROM events e WHERE e.kind = ? AND e.date = ?`,
      [kind, date],
    );
    for (const e of evs) {
      const linked = await this.rows(
        `SELECT coalesce(pp.slug, o.slug) AS slug FROM event_participants ep LEFT JOIN people pp ON pp.id = ep.person_id
           LEFT JOIN organizations o ON o.id = ep.organization_id WHERE ep.event_id = ?
         UNION SELECT d.slug FROM event_documents ed JOIN documents d ON d.id = ed.document_id WHERE ed.event_id = ?`,
        [e.id as number, e.id as number],
      );
      const shared = linked.map((r) => String(r.slug)).filter((s) => related.includes(s));
      const samePlace = place !== undefined && e.place === place;
      if (shared.length > 0 || samePlace) {
        const known: KnownEntity = { type: 'event', slug: String(e.slug), name: String(e.title), fields: e };
        const why = [
          samePlace ? `place ${place}` : '',
          shared.length ? `participants/documents ${shared.join(', ')}` : '',
        ]
          .filter(Boolean)
          .join(' and ');
        return { known, evidence: `known event "${e.title}": same kind ${kind}, same date ${date}, same ${why}` };
      }
    }
    return undefined;
  }

  async documentsOfEvent(eventSlug: string): Promise<KnownEntity[]> {
    return this.entity(
      'document',
      'x.id IN (SELECT document_id FROM event_documents ed JOIN events e ON e.id = ed.event_id WHERE e.slug = ?)',
      [eventSlug],
    );
  }

  /** The texts in which known articles name a document, with the article slug. */
  async documentMentions(slug: string): Promise<Array<{ article: string; text: string }>> {
    const rows = await this.rows(
      `SELECT a.slug AS article, m.text FROM mentions m JOIN articles a ON a.id = m.article_id
       JOIN documents d ON d.id = m.document_id WHERE d.slug = ? AND m.kind = 'ENTITY' ORDER BY m.id`,
      [slug],
    );
    return rows.map((r) => ({ article: String(r.article), text: String(r.text) }));
  }

  async titlesOf(personSlug: string): Promise<string[]> {
    const rows = await this.rows(
      'SELECT DISTINCT r.title FROM roles r JOIN people p ON p.id = r.person_id WHERE p.slug = ?',
      [personSlug],
    );
    return rows.map((r) => String(r.title));
  }

  async slugTaken(type: SeedRef, slug: string): Promise<boolean> {
    const t = TABLE_OF_SEED_REF[type];
    return (await this.rows(`SELECT 1 FROM ${t} WHERE slug = ?`, [slug])).length > 0;
  }

  async articleSlugTaken(slug: string): Promise<boolean> {
    return (await this.rows('SELECT 1 FROM articles WHERE slug = ?', [slug])).length > 0;
  }

  /** Names, aliases and acronyms of known organizations, places, projects and documents (the gazetteer). */
  async gazetteer(): Promise<Array<{ type: KnownEntity['type']; slug: string; field: string; text: string }>> {
    const map: Record<string, KnownEntity['type']> = {
      ORGANIZATION: 'org',
      PLACE: 'place',
      PROJECT: 'project',
      DOCUMENT: 'document',
    };
    const rows = await this.rows(
      `SELECT entity_type, entity_slug, field, text FROM search_documents
       WHERE entity_type IN ('ORGANIZATION', 'PLACE', 'PROJECT', 'DOCUMENT') AND field IN ('NAME', 'ALIAS', 'ACRONYM', 'CODE', 'TITLE')`,
    );
    return rows.map((r) => ({
      type: map[String(r.entity_type)] as KnownEntity['type'],
      slug: String(r.entity_slug),
      field: String(r.field),
      text: String(r.text),
    }));
  }
}
