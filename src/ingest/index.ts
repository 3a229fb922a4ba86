// The ingestion pipeline: captured page (text or HTML) → article text + a reviewable seed draft, its
// entities linked to the knowledge base (a database built by the real migrations and loader).
import type { Client } from '@libsql/client';
import type { SeedArticleSource } from '../seed/plan';
import { buildDraft, validate } from './draft';
import { IngestError } from './errors';
import { attachQuotes, findEvents } from './events';
import { Facts } from './facts';
import { htmlToPage } from './html';
import { KnowledgeBase } from './kb';
import { linkAll, type Summary } from './link';
import { Names } from './names';
import { documents, englishOrgs, places, projects } from './names-more';
import { detectLanguage, PageError, readPage } from './page';
import { contentHash, slugify } from './text';
import type { Meta } from './types';

export { IngestError };

export interface IngestInput {
  /** Raw file content. */
  raw: Buffer | string;
  fileName?: string;
  url?: string;
  /** The day the article enters the knowledge base (YYYY-MM-DD); today (UTC) when not given. */
  added?: string;
  /** Existing article ids (file names without .txt) and their texts, for numbering and duplicates. */
  existing: Array<{ id: string; body: string }>;
  /** The curated articles the draft is validated with (the knowledge base's own sources). */
  others: SeedArticleSource[];
  db: Client;
}

export interface IngestResult {
  id: string;
  body: string;
  draft: Record<string, unknown>;
  summary: Summary;
}

const LANGS: Record<string, 'vi' | 'en'> = { vie: 'vi', eng: 'en' };

export function decode(raw: Buffer | string): string {
  const buf = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
  if (buf.length === 0 || buf.toString('utf8').trim() === '') throw new IngestError('the file is empty');
  if (buf.includes(0)) throw new IngestError('the file is binary (it contains NUL bytes), not a captured page');
  const text = buf.toString('utf8');
  if (text.includes('\uFFFD')) throw new IngestError('the file is not UTF-8 text');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: counting control characters is the point
  const ctrl = text.match(/[\u0001-\u0008\u000e-\u001f]/gu)?.length ?? 0;
  if (ctrl > text.length / 100) throw new IngestError('the file is binary (control characters), not a captured page');
  return text;
}

export async function ingest(input: IngestInput): Promise<IngestResult> {
  let text = decode(input.raw);
  const html = /^\s*(?:<!doctype html|<html|<head|<body)/iu.test(text) || /\.html?$/iu.test(input.fileName ?? '');
  let hint: { start: number } | undefined;
  if (html) {
    const page = htmlToPage(text);
    text = page.text;
    hint = page.articleStart === undefined ? undefined : { start: page.articleStart };
  }
  const body = text.normalize('NFC').replace(/\r\n?/gu, '\n');
  const hash = contentHash(body);
  const dup = input.existing.find((e) => e.id.endsWith(`_${hash}`) || contentHash(e.body) === hash);
  if (dup)
    throw new IngestError(
      `this text is already ingested as articles/${dup.id}.txt (same hash ${hash}); nothing written`,
    );
  let page: ReturnType<typeof readPage>;
  try {
    page = readPage(body);
    if (hint && page.title.start > hint.start + 2000)
      throw new PageError('the headline found is far from the article Readability found');
  } catch (err) {
    if (err instanceof PageError) throw new IngestError(err.message);
    throw err;
  }
  const contentText = page.content.map((c) => body.slice(c.start, c.end)).join('\n');
  const iso3 = detectLanguage(contentText);
  const lang = LANGS[iso3];
  const next = String(input.existing.reduce((m, e) => Math.max(m, Number(e.id.slice(0, 3)) + 1 || 0), 0)).padStart(
    3,
    '0',
  );
  const id = `${next}_${hash}`;
  const titleText = body.slice(page.title.start, page.title.end);
  if (!lang) {
    throw new IngestError(
      `unsupported language '${iso3}': only Vietnamese and English articles can be extracted; nothing written`,
      {
        id,
        language: iso3,
        title: titleText,
        published: page.published?.local,
        url: input.url,
      },
    );
  }
  const kb = new KnowledgeBase(input.db);
  let slug = slugify(`${titleText} ${page.published?.local.slice(0, 4) ?? ''}`, 60);
  for (let i = 2; await kb.articleSlugTaken(slug); i++) slug = `${slugify(titleText, 55)}-${i}`;
  const added = input.added ?? new Date().toISOString().slice(0, 10);
  const meta: Meta = { ...page, id, slug, url: input.url, added };

  const n = new Names(body, meta.content);
  n.people();
  for (const a of meta.authors) {
    const p = n.add('person', a.name, a.span.end - a.name.length, a.span.end);
    p.fields.author = a.span;
    for (const h of a.honorifics) if (!p.honorifics.includes(h)) p.honorifics.push(h);
  }
  await known(n, kb);
  n.orgs();
  if (meta.lang === 'en') englishOrgs(n);
  n.mergeCountryVariants();
  places(n);
  documents(n);
  projects(n);
  if (meta.publisher) {
    const name = meta.publisher.name;
    const e = n.add(
      'org',
      name,
      meta.publisher.span.start + (body[meta.publisher.span.start] === '(' ? 1 : 0),
      meta.publisher.span.start + (body[meta.publisher.span.start] === '(' ? 1 : 0) + name.length,
      { fields: { kind: 'MEDIA' } },
    );
    e.fields.publisher = true;
    if (/^\p{Lu}{2,}$/u.test(name) && !e.acronyms.includes(name) && e.name !== name) e.acronyms.push(name);
  }
  n.spreadForms();
  const facts = new Facts(n, meta.captions);
  facts.findRoles();
  facts.findQuotes(meta.content);
  const events = findEvents(n, meta.content, meta.published?.local.slice(0, 10));
  attachQuotes(events, facts.quotes, body);
  for (const ev of events) {
    const at = ev.fields.placeAt as { key: string } | undefined;
    if (at?.key.startsWith('place:')) ev.place = at.key.slice(6);
  }
  const summary = await linkAll(kb, n, facts, events, slug);
  for (const q of facts.quotes) {
    const attr = body.slice(q.attribution.start, q.attribution.end);
    const p = n.get('person', q.speaker);
    if (p && !p.forms.some((f) => attr.includes(f))) {
      q.review = 'speaker resolved from a pronoun, a title or a representative phrase, not a name';
      summary.uncertain.push({
        what: `${q.kind} quote "${body.slice(q.span.start, q.span.start + 50)}…"`,
        why: q.review,
      });
    }
  }
  for (const ev of events)
    if (ev.date?.inferred)
      summary.uncertain.push({ what: `event ${ev.slug}`, why: 'year of the date inferred from the publication date' });
  for (const e of n.entities)
    if (e.review && !summary.uncertain.some((u) => u.why === e.review))
      summary.uncertain.push({ what: `${e.type} ${e.name}`, why: e.review });
  const draft = validate(buildDraft(meta, body, n, facts, events), id, body, input.others, summary);
  return { id, body, draft, summary };
}

/** Known names (the gazetteer, from the database) found in the text claim their spans first. */
async function known(n: Names, kb: KnowledgeBase): Promise<void> {
  const gaz = (await kb.gazetteer()).filter(
    (g) => (g.type !== 'document' || g.text.split(/\s+/u).length >= 3) && g.text.length >= 2,
  );
  gaz.sort((a, b) => b.text.length - a.text.length);
  for (const g of gaz) {
    const acr = g.field === 'ACRONYM' || /^\p{Lu}{2,}$/u.test(g.text);
    if (!acr && g.text.split(/\s+/u).length < (g.field === 'ALIAS' ? 3 : 2) && g.type !== 'place') continue;
    const re = new RegExp(
      `(?<![\\p{L}\\p{N}])${g.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`,
      acr ? 'gu' : 'giu',
    );
    for (const m of n.body.matchAll(re)) {
      const s = m.index ?? 0;
      const e = s + m[0].length;
      if (!n.content.some((r) => s >= r.start && e <= r.end) || n.isClaimed(s, e)) continue;
      if (!acr && m[0][0] !== g.text[0] && m[0][0]?.toLowerCase() === m[0][0] && g.type !== 'place') continue;
      const ent = n.add(g.type, m[0], s, e, {}, g.slug);
      ent.link ??= { slug: g.slug, evidence: `${g.field === 'ACRONYM' ? 'acronym' : 'known name'} "${g.text}"` };
      if (acr && g.field === 'ACRONYM' && !ent.acronyms.includes(g.text)) ent.acronyms.push(g.text);
    }
  }
}
