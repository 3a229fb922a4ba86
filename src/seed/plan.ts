// Turns the curated seed files into rows. Pure: no database, no file system. Every problem is collected
// with its file, entry and reason, so a curator sees all of them at once and nothing is written.
import { fold, isWordChar } from '../lib/text';

export const VOCAB = {
  orgKind: [
    'MINISTRY',
    'DEPARTMENT',
    'GOVERNMENT',
    'CITY_GOVERNMENT',
    'PROVINCIAL_GOVERNMENT',
    'EMBASSY',
    'PARTY_BODY',
    'ASSOCIATION',
    'UNIVERSITY',
    'ACADEMY',
    'RESEARCH_INSTITUTE',
    'STATE_CORPORATION',
    'AGENCY',
    'PROJECT_OFFICE',
    'MEDIA',
    'COMPANY',
    'OTHER',
  ],
  placeKind: [
    'COUNTRY',
    'PROVINCE',
    'CITY',
    'DISTRICT',
    'URBAN_AREA',
    'ECONOMIC_ZONE',
    'INDUSTRIAL_ZONE',
    'VENUE',
    'RIVER',
    'REGION',
  ],
  documentKind: [
    'DECISION',
    'RESOLUTION',
    'SCHEME',
    'PARTY_DOCUMENT',
    'MEMORANDUM',
    'PROGRAMME',
    'STRATEGY',
    'GUIDELINE',
    'PLAN',
    'LAW',
    'OTHER',
  ],
  eventKind: [
    'SIGNING',
    'CONFERENCE',
    'WORKSHOP',
    'FORUM',
    'MEETING',
    'CEREMONY',
    'DECISION',
    'STUDY_TOUR',
    'TRAINING',
    'EXHIBITION',
    'OTHER',
  ],
  participantRole: ['ORGANIZER', 'HOST', 'CHAIR', 'SIGNATORY', 'PARTY', 'SPEAKER', 'ATTENDEE', 'PARTNER', 'SUBJECT'],
  precision: ['DAY', 'MONTH', 'YEAR'],
  partOfDay: ['MORNING', 'AFTERNOON', 'EVENING'],
  quoteKind: ['DIRECT', 'INDIRECT'],
  lang: ['vi', 'en'],
} as const;

export type EntityType = 'person' | 'org' | 'place' | 'document' | 'project' | 'event';
const ENTITY_TYPES: readonly EntityType[] = ['person', 'org', 'place', 'document', 'project', 'event'];
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface SeedFile {
  /** Path shown in messages, e.g. `articles/001_bf81e270833bc859.yaml`. */
  name: string;
  text: string;
}
export interface SeedArticleSource {
  /** Source identifier: the .txt file name without extension. */
  id: string;
  body: string;
  yaml: SeedFile;
}
export interface SeedSource {
  articles: SeedArticleSource[];
  conflicts?: SeedFile;
}

export class SeedProblem {
  constructor(
    readonly file: string,
    readonly entry: string,
    readonly reason: string,
  ) {}
  toString(): string {
    return `${this.file}: ${this.entry}: ${this.reason}`;
  }
}

export class SeedValidationError extends Error {
  constructor(readonly problems: SeedProblem[]) {
    super(
      `seed refused (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems
        .map((p) => `  ${p}`)
        .join('\n')}`,
    );
    this.name = 'SeedValidationError';
  }
}

export interface Span {
  start: number;
  end: number;
}

// ---------- rows (snake_case column names, ready for INSERT) ----------
export type Row = Record<string, string | number | null>;
export interface Plan {
  tables: Record<string, Row[]>;
}

// ---------- small typed readers over untyped YAML ----------
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

class Ctx {
  constructor(
    readonly problems: SeedProblem[],
    readonly file: string,
    readonly entry: string,
  ) {}
  at(entry: string): Ctx {
    return new Ctx(this.problems, this.file, this.entry ? `${this.entry}.${entry}` : entry);
  }
  fail(reason: string): void {
    this.problems.push(new SeedProblem(this.file, this.entry || '(file)', reason));
  }
  /** Reports keys of `o` outside `allowed` (a typo in a field name must not be silently ignored). */
  only(o: Obj, allowed: readonly string[]): void {
    for (const k of Object.keys(o)) if (!allowed.includes(k)) this.at(k).fail(`unknown field '${k}'`);
  }
  str(o: Obj, key: string, required = false): string | undefined {
    const v = o[key];
    if (v === undefined || v === null) {
      if (required) this.at(key).fail('is required');
      return undefined;
    }
    if (typeof v === 'number') return String(v);
    if (typeof v !== 'string' || v.trim() === '') {
      this.at(key).fail('must be a non-empty string');
      return undefined;
    }
    return v.normalize('NFC');
  }
  strList(o: Obj, key: string): string[] {
    const v = o[key];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x.trim() === '')) {
      this.at(key).fail('must be a list of non-empty strings');
      return [];
    }
    return v.map((x: string) => x.normalize('NFC'));
  }
  list(o: Obj, key: string): unknown[] {
    const v = o[key];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      this.at(key).fail('must be a list');
      return [];
    }
    return v;
  }
  oneOf<T extends string>(o: Obj, key: string, values: readonly T[], required = false): T | undefined {
    const v = this.str(o, key, required);
    if (v === undefined) return undefined;
    if (!(values as readonly string[]).includes(v)) {
      this.at(key).fail(`unknown ${key} '${v}' (expected one of ${values.join(', ')})`);
      return undefined;
    }
    return v as T;
  }
  bool(o: Obj, key: string): boolean | undefined {
    const v = o[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'boolean') {
      this.at(key).fail('must be true or false');
      return undefined;
    }
    return v;
  }
  slug(o: Obj, key = 'slug'): string | undefined {
    const s = this.str(o, key, true);
    if (s !== undefined && !SLUG.test(s)) {
      this.at(key).fail(`'${s}' is not a slug (lower-case ASCII letters, digits and single hyphens)`);
      return undefined;
    }
    return s;
  }
}

// ---------- dates ----------
export interface DateValue {
  date: string;
  precision: 'DAY' | 'MONTH' | 'YEAR';
}
function validDay(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}
/** Parses YYYY, YYYY-MM or YYYY-MM-DD against a precision; returns the first day it covers. */
export function parseDate(value: string, precision: DateValue['precision']): string | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = m[2] === undefined ? undefined : Number(m[2]);
  const d = m[3] === undefined ? undefined : Number(m[3]);
  const expected = { YEAR: 1, MONTH: 2, DAY: 3 }[precision];
  const given = 1 + (mo === undefined ? 0 : 1) + (d === undefined ? 0 : 1);
  if (given !== expected) return null;
  if (!validDay(y, mo ?? 1, d ?? 1)) return null;
  return `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`;
}

// ---------- the article text and its spans ----------
class ArticleText {
  constructor(
    readonly body: string,
    readonly content: Array<Span & { lang: string }>,
  ) {}
  inContent(start: number, end: number): boolean {
    return this.content.some((r) => start >= r.start && end <= r.end);
  }
  /**
   * All occurrences of `text` in the whole body (chrome included), in reading order. A run of white
   * space in `text` matches any run of white space (pages mix spaces, no-break spaces and newlines).
   */
  occurrencesAnywhere(text: string): Span[] {
    const pattern = text
      .trim()
      .split(/\s+/u)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('\\s+');
    const out: Span[] = [];
    const re = new RegExp(pattern, 'gu');
    for (let m = re.exec(this.body); m !== null; m = re.exec(this.body)) {
      out.push({ start: m.index, end: m.index + m[0].length });
      re.lastIndex = m.index + 1; // overlapping occurrences count too
    }
    return out;
  }
  occurrences(text: string): Span[] {
    return this.occurrencesAnywhere(text).filter((o) => this.inContent(o.start, o.end));
  }
}

/** Reads `{ text, occurrence }` or a bare string. */
function spanSpec(v: unknown, ctx: Ctx): { text: string; occurrence?: number } | undefined {
  if (typeof v === 'string' && v !== '') return { text: v.normalize('NFC') };
  if (isObj(v)) {
    ctx.only(v, ['text', 'occurrence']);
    const text = ctx.str(v, 'text', true);
    const occ = v.occurrence;
    if (occ !== undefined && (typeof occ !== 'number' || !Number.isInteger(occ) || occ < 1)) {
      ctx.at('occurrence').fail('must be a whole number from 1');
      return undefined;
    }
    return text === undefined ? undefined : { text, occurrence: occ as number | undefined };
  }
  ctx.fail('span must be a string or { text, occurrence }');
  return undefined;
}

function resolveSpan(v: unknown, art: ArticleText, ctx: Ctx): Span | undefined {
  if (v === undefined || v === null) {
    ctx.fail('span is required');
    return undefined;
  }
  const spec = spanSpec(v, ctx);
  if (!spec) return undefined;
  const hits = art.occurrences(spec.text);
  const short = spec.text.length > 60 ? `${spec.text.slice(0, 57)}...` : spec.text;
  if (hits.length === 0) {
    ctx.fail(
      art.occurrencesAnywhere(spec.text).length > 0
        ? `span text "${short}" occurs only outside the article content (page chrome)`
        : `span text "${short}" not found in the article`,
    );
    return undefined;
  }
  if (spec.occurrence === undefined) {
    if (hits.length > 1) {
      ctx.fail(`span text "${short}" is ambiguous: it occurs ${hits.length} times; add an occurrence`);
      return undefined;
    }
    return hits[0];
  }
  const at = hits[spec.occurrence - 1];
  if (at === undefined) {
    ctx.fail(`span text "${short}" occurs ${hits.length} time(s); occurrence ${spec.occurrence} does not exist`);
    return undefined;
  }
  return at;
}

// ---------- merged entities ----------
interface Declared {
  file: string;
  entry: string;
}
interface Entity {
  type: EntityType;
  slug: string;
  fields: Record<string, unknown>;
  sets: Record<string, string[]>;
  declaredIn: Declared[];
}

type RefUse = { ref: string; ctx: Ctx };

interface ArticleFacts {
  id: string;
  slug: string;
  file: string;
  text: ArticleText;
  row: Row;
  authors: Array<{ person: string } & Span>;
  publisher?: { org: string } & Span;
  roles: Array<{ key?: string; person: string; title: string; titleEn?: string; org?: string } & Span>;
  quotes: Array<
    {
      kind: string;
      speaker: string;
      roleKey?: string;
      event?: string;
      documents: string[];
      ctx: Ctx;
    } & Span
  >;
  mentions: Array<{ type: EntityType; slug: string } & Span>;
  declared: Array<{ type: EntityType; slug: string; ctx: Ctx }>;
  eventReports: Array<{ event: string } & Span>;
  participants: Array<
    {
      event: string;
      type: 'person' | 'org';
      slug: string;
      role: string;
    } & Span
  >;
}

const ENTITY_SECTIONS: Record<string, EntityType> = {
  people: 'person',
  organizations: 'org',
  places: 'place',
  documents: 'document',
  projects: 'project',
  events: 'event',
};

export function parseRef(ref: string): { type: EntityType; slug: string } | null {
  const m = /^([a-z]+):([a-z0-9-]+)$/.exec(ref);
  if (!m || !ENTITY_TYPES.includes(m[1] as EntityType)) return null;
  return { type: m[1] as EntityType, slug: m[2] as string };
}

/**
 * Builds every row of the knowledge base from the seed. Throws SeedValidationError listing all problems.
 * `parseYaml` is injected so this module stays free of Node-only imports.
 */
export function buildPlan(source: SeedSource, parseYaml: (text: string) => unknown): Plan {
  const problems: SeedProblem[] = [];
  const entities = new Map<string, Entity>(); // key `${type}:${slug}`
  const refUses: RefUse[] = [];
  const articles: ArticleFacts[] = [];
  const articleSlugs = new Map<string, string>(); // slug -> file

  const useRef = (type: EntityType, slug: string | undefined, ctx: Ctx) => {
    if (slug !== undefined) refUses.push({ ref: `${type}:${slug}`, ctx });
  };

  const parse = (f: SeedFile): unknown => {
    try {
      return parseYaml(f.text);
    } catch (err) {
      problems.push(new SeedProblem(f.name, '(file)', `YAML does not parse: ${(err as Error).message.split('\n')[0]}`));
      return undefined;
    }
  };

  const sortedArticles = [...source.articles].sort((a, b) => a.id.localeCompare(b.id));
  for (const src of sortedArticles) {
    const file = src.yaml.name;
    if (src.yaml.text.trim() === '') {
      problems.push(new SeedProblem(file, '(file)', `article ${src.id} has no curated file (or it is empty)`));
      continue;
    }
    if (src.body === '') {
      problems.push(new SeedProblem(file, '(file)', `no article text articles/${src.id}.txt for this file`));
      continue;
    }
    const doc = parse(src.yaml);
    if (doc === undefined) continue;
    const root = new Ctx(problems, file, '');
    if (!isObj(doc)) {
      root.fail('the file must be a mapping with an `article` entry');
      continue;
    }
    root.only(doc, [
      'article',
      'people',
      'organizations',
      'places',
      'documents',
      'projects',
      'events',
      'roles',
      'quotes',
      'mentions',
    ]);
    const facts = readArticle(src, doc, root, useRef);
    if (!facts) continue;
    const prev = articleSlugs.get(facts.slug);
    if (prev) root.at('article.slug').fail(`duplicate article slug '${facts.slug}' (also in ${prev})`);
    articleSlugs.set(facts.slug, file);
    articles.push(facts);

    for (const [section, type] of Object.entries(ENTITY_SECTIONS)) {
      const seen = new Set<string>();
      root.list(doc, section).forEach((item, i) => {
        const ctx = root.at(`${section}[${i}]`);
        if (!isObj(item)) {
          ctx.fail('must be a mapping');
          return;
        }
        const slug = ctx.slug(item);
        if (slug === undefined) return;
        if (seen.has(slug)) {
          ctx.fail(`duplicate identifier: ${type} '${slug}' is declared twice in this file`);
          return;
        }
        seen.add(slug);
        declareEntity(type, slug, item, ctx.at(slug), facts, entities, useRef);
      });
    }
    readFacts(doc, root, facts, useRef);
  }

  // References must name an entity that some file declares.
  for (const u of refUses) {
    if (!entities.has(u.ref)) u.ctx.fail(`dangling reference: no file declares ${u.ref}`);
  }
  // A quote's role key names a role of the same speaker in the same file.
  for (const a of articles) {
    for (const q of a.quotes) {
      if (!q.roleKey) continue;
      const role = a.roles.find((r) => r.key === q.roleKey);
      if (!role) q.ctx.at('role').fail(`no role with key '${q.roleKey}' in this file`);
      else if (role.person !== q.speaker)
        q.ctx.at('role').fail(`role '${q.roleKey}' belongs to ${role.person}, not ${q.speaker}`);
    }
  }
  // Every declared entity is mentioned in the file that declares it.
  for (const a of articles) {
    const mentioned = new Set(a.mentions.map((m) => `${m.type}:${m.slug}`));
    for (const d of a.declared) {
      if (!mentioned.has(`${d.type}:${d.slug}`))
        d.ctx.fail(`${d.type} '${d.slug}' is declared but never mentioned in this article`);
    }
  }
  const parentCycles = (type: EntityType, field: string) => {
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
  };
  parentCycles('org', 'parent');
  parentCycles('place', 'parent');
  parentCycles('event', 'parent');

  const conflictRows = source.conflicts
    ? readConflicts(source.conflicts, parse, problems, articles, entities)
    : { conflicts: [], claims: [] };

  if (problems.length > 0) throw new SeedValidationError(problems);
  return assemble(articles, entities, conflictRows);
}

function readArticle(
  src: SeedArticleSource,
  doc: Obj,
  root: Ctx,
  useRef: (t: EntityType, s: string | undefined, c: Ctx) => void,
): ArticleFacts | undefined {
  const ctx = root.at('article');
  const a = doc.article;
  if (!isObj(a)) {
    ctx.fail('is required and must be a mapping');
    return undefined;
  }
  ctx.only(a, ['slug', 'languages', 'content', 'title', 'title_en', 'published', 'publisher', 'authors', 'added']);
  // When the article entered the knowledge base (written by the ingest tool): what polling clients filter on.
  const added = ctx.str(a, 'added', true);
  if (added !== undefined && !parseDate(added, 'DAY'))
    ctx.at('added').fail(`invalid date '${added}' (expected YYYY-MM-DD)`);
  const slug = ctx.slug(a);
  const body = src.body;
  const languages = ctx.strList(a, 'languages');
  if (languages.length === 0) ctx.at('languages').fail('must list at least one language');
  for (const l of languages)
    if (!(VOCAB.lang as readonly string[]).includes(l)) ctx.at('languages').fail(`unknown language '${l}'`);

  // Content ranges are located in the whole file (they define what content is).
  const whole = new ArticleText(body, [{ start: 0, end: body.length, lang: 'vi' }]);
  const content: Array<Span & { lang: string }> = [];
  ctx.list(a, 'content').forEach((r, i) => {
    const rc = ctx.at(`content[${i}]`);
    if (!isObj(r)) {
      rc.fail('must be { lang, from, to }');
      return;
    }
    rc.only(r, ['lang', 'from', 'to']);
    const lang = rc.oneOf(r, 'lang', VOCAB.lang, true);
    const from = resolveSpan(r.from, whole, rc.at('from'));
    const to = resolveSpan(r.to, whole, rc.at('to'));
    if (!lang || !from || !to) return;
    if (to.end <= from.start) {
      rc.fail('`to` ends before `from` starts');
      return;
    }
    content.push({ lang, start: from.start, end: to.end });
  });
  if (content.length === 0) ctx.at('content').fail('at least one content range is required');
  content.sort((x, y) => x.start - y.start);
  for (let i = 1; i < content.length; i++) {
    if ((content[i] as Span).start < (content[i - 1] as Span).end) ctx.at('content').fail('content ranges overlap');
  }
  const text = new ArticleText(body, content);

  const spanField = (key: string): (Span & { text: string }) | undefined => {
    const v = a[key];
    if (v === undefined) return undefined;
    const c = ctx.at(key);
    if (!isObj(v)) {
      c.fail('must be { span }');
      return undefined;
    }
    c.only(v, ['span']);
    const s = resolveSpan(v.span, text, c.at('span'));
    return s ? { ...s, text: body.slice(s.start, s.end) } : undefined;
  };
  const title = spanField('title');
  if (a.title === undefined) ctx.at('title').fail('is required');
  const titleEn = spanField('title_en');

  let published: { local: string; offset: string | null; date: string; span: Span } | undefined;
  if (a.published !== undefined) {
    const pc = ctx.at('published');
    const p = a.published;
    if (!isObj(p)) pc.fail('must be { local, offset?, span }');
    else {
      pc.only(p, ['local', 'offset', 'span']);
      const local = pc.str(p, 'local', true);
      const offset = pc.str(p, 'offset');
      const span = resolveSpan(p.span, text, pc.at('span'));
      const m = local ? /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d$/.exec(local) : null;
      if (local && (!m || !parseDate(m[1] as string, 'DAY')))
        pc.at('local').fail(`invalid local date-time '${local}' (expected YYYY-MM-DDTHH:MM)`);
      if (offset !== undefined && !/^[+-](0\d|1[0-4]):[0-5]\d$/.test(offset))
        pc.at('offset').fail(`invalid UTC offset '${offset}' (expected ±HH:MM)`);
      if (local && m && span) published = { local, offset: offset ?? null, date: m[1] as string, span };
    }
  }

  const facts: ArticleFacts = {
    id: src.id,
    slug: slug ?? src.id,
    file: src.yaml.name,
    text,
    row: {},
    authors: [],
    roles: [],
    quotes: [],
    mentions: [],
    declared: [],
    eventReports: [],
    participants: [],
  };

  if (a.publisher !== undefined) {
    const pc = ctx.at('publisher');
    const p = a.publisher;
    if (!isObj(p)) pc.fail('must be { org, span }');
    else {
      pc.only(p, ['org', 'span']);
      const org = pc.slug(p, 'org');
      const span = resolveSpan(p.span, text, pc.at('span'));
      useRef('org', org, pc.at('org'));
      if (org && span) facts.publisher = { org, ...span };
    }
  }
  ctx.list(a, 'authors').forEach((au, i) => {
    const c = ctx.at(`authors[${i}]`);
    if (!isObj(au)) {
      c.fail('must be { person, span }');
      return;
    }
    c.only(au, ['person', 'span']);
    const person = c.slug(au, 'person');
    const span = resolveSpan(au.span, text, c.at('span'));
    useRef('person', person, c.at('person'));
    if (person && span) facts.authors.push({ person, ...span });
  });

  facts.row = {
    source_file: `${src.id}.txt`,
    body,
    languages: languages.join(','),
    title: title?.text ?? '',
    title_start: title?.start ?? 0,
    title_end: title?.end ?? 0,
    title_en: titleEn?.text ?? null,
    title_en_start: titleEn?.start ?? null,
    title_en_end: titleEn?.end ?? null,
    published_local: published?.local ?? null,
    published_offset: published?.offset ?? null,
    published_date: published?.date ?? null,
    sort_date: published?.date ?? '',
    published_start: published?.span.start ?? null,
    published_end: published?.span.end ?? null,
    publisher_start: facts.publisher?.start ?? null,
    publisher_end: facts.publisher?.end ?? null,
    added: added ?? null,
  };
  return facts;
}

const ENTITY_FIELDS: Record<EntityType, { scalars: string[]; sets: string[]; extra: string[] }> = {
  person: { scalars: ['name', 'country'], sets: ['honorifics', 'aliases'], extra: [] },
  org: { scalars: ['name', 'name_en', 'kind', 'country', 'parent'], sets: ['acronyms', 'aliases'], extra: [] },
  place: { scalars: ['name', 'name_en', 'kind', 'country', 'parent'], sets: ['aliases'], extra: [] },
  document: { scalars: ['kind', 'code', 'title', 'title_en', 'issuer', 'date'], sets: ['aliases'], extra: [] },
  project: {
    scalars: ['name', 'name_en', 'funding', 'period'],
    sets: ['acronyms', 'aliases'],
    extra: ['components', 'partners'],
  },
  event: {
    scalars: ['kind', 'title', 'title_en', 'date', 'part_of_day', 'place', 'online', 'parent', 'project'],
    sets: ['documents'],
    extra: ['span', 'participants'],
  },
};

function declareEntity(
  type: EntityType,
  slug: string,
  item: Obj,
  ctx: Ctx,
  facts: ArticleFacts,
  entities: Map<string, Entity>,
  useRef: (t: EntityType, s: string | undefined, c: Ctx) => void,
): void {
  const spec = ENTITY_FIELDS[type];
  ctx.only(item, ['slug', ...spec.scalars, ...spec.sets, ...spec.extra]);
  facts.declared.push({ type, slug, ctx });
  const f: Record<string, unknown> = {};
  const sets: Record<string, string[]> = {};
  for (const s of spec.sets) sets[s] = ctx.strList(item, s);

  const country = () => {
    const c = ctx.str(item, 'country');
    if (c !== undefined && !/^[A-Z]{2}$/.test(c)) ctx.at('country').fail(`'${c}' is not an ISO 3166-1 alpha-2 code`);
    return c;
  };
  const date = (key: string, withSpan: boolean) => {
    const v = item[key];
    if (v === undefined) return undefined;
    const c = ctx.at(key);
    if (!isObj(v)) {
      c.fail('must be { value, precision }');
      return undefined;
    }
    c.only(v, withSpan ? ['value', 'precision', 'inferred', 'span'] : ['value', 'precision']);
    const value = c.str(v, 'value', true);
    const precision = c.oneOf(v, 'precision', VOCAB.precision, true);
    const inferred = c.bool(v, 'inferred') ?? false;
    if (!value || !precision) return undefined;
    const iso = parseDate(value, precision);
    if (!iso) {
      c.at('value').fail(`invalid date '${value}' for precision ${precision}`);
      return undefined;
    }
    let span: Span | undefined;
    if (withSpan) {
      span = resolveSpan(v.span, facts.text, c.at('span'));
      if (!span) return undefined;
    }
    return { iso, precision, inferred, span, article: facts.slug };
  };

  switch (type) {
    case 'person':
      f.name = ctx.str(item, 'name', true);
      f.country = country();
      break;
    case 'org':
    case 'place':
      f.name = ctx.str(item, 'name', true);
      f.name_en = ctx.str(item, 'name_en');
      f.kind = ctx.oneOf(item, 'kind', type === 'org' ? VOCAB.orgKind : VOCAB.placeKind, true);
      f.country = country();
      f.parent = item.parent === undefined ? undefined : ctx.slug(item, 'parent');
      useRef(type, f.parent as string | undefined, ctx.at('parent'));
      break;
    case 'document':
      f.kind = ctx.oneOf(item, 'kind', VOCAB.documentKind, true);
      f.code = ctx.str(item, 'code');
      f.title = ctx.str(item, 'title');
      f.title_en = ctx.str(item, 'title_en');
      f.issuer = item.issuer === undefined ? undefined : ctx.slug(item, 'issuer');
      useRef('org', f.issuer as string | undefined, ctx.at('issuer'));
      f.date = date('date', false);
      break;
    case 'project': {
      f.name = ctx.str(item, 'name', true);
      f.name_en = ctx.str(item, 'name_en');
      f.funding = ctx.str(item, 'funding');
      if (item.period !== undefined) {
        const pc = ctx.at('period');
        if (!isObj(item.period)) pc.fail('must be { start, end }');
        else {
          pc.only(item.period, ['start', 'end']);
          const norm = (k: string) => {
            const v = pc.str(item.period as Obj, k);
            if (v === undefined) return null;
            const p = v.length === 4 ? 'YEAR' : v.length === 7 ? 'MONTH' : 'DAY';
            if (!parseDate(v, p)) pc.at(k).fail(`invalid date '${v}' (YYYY, YYYY-MM or YYYY-MM-DD)`);
            return v;
          };
          f.period = { start: norm('start'), end: norm('end') };
        }
      }
      const comps: Array<{ number: number; title: string; title_en: string | null }> = [];
      ctx.list(item, 'components').forEach((c, i) => {
        const cc = ctx.at(`components[${i}]`);
        if (!isObj(c)) {
          cc.fail('must be { number, title, title_en? }');
          return;
        }
        cc.only(c, ['number', 'title', 'title_en']);
        const n = c.number;
        if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
          cc.at('number').fail('must be a whole number from 1');
          return;
        }
        const title = cc.str(c, 'title', true);
        if (title) comps.push({ number: n, title, title_en: cc.str(c, 'title_en') ?? null });
      });
      if (comps.length > 0) f.components = comps;
      const partners: Array<{ org: string; role: string | null }> = [];
      ctx.list(item, 'partners').forEach((p, i) => {
        const pc = ctx.at(`partners[${i}]`);
        if (!isObj(p)) {
          pc.fail('must be { org, role? }');
          return;
        }
        pc.only(p, ['org', 'role']);
        const org = pc.slug(p, 'org');
        useRef('org', org, pc.at('org'));
        if (org) partners.push({ org, role: pc.str(p, 'role') ?? null });
      });
      f.partners = partners;
      break;
    }
    case 'event': {
      f.kind = ctx.oneOf(item, 'kind', VOCAB.eventKind);
      f.title = ctx.str(item, 'title');
      f.title_en = ctx.str(item, 'title_en');
      f.date = date('date', true);
      f.part_of_day = ctx.oneOf(item, 'part_of_day', VOCAB.partOfDay);
      f.online = ctx.bool(item, 'online');
      for (const [k, t] of [
        ['place', 'place'],
        ['parent', 'event'],
        ['project', 'project'],
      ] as const) {
        f[k] = item[k] === undefined ? undefined : ctx.slug(item, k);
        useRef(t, f[k] as string | undefined, ctx.at(k));
      }
      for (const d of sets.documents ?? []) useRef('document', d, ctx.at('documents'));
      const span = resolveSpan(item.span, facts.text, ctx.at('span'));
      if (span) facts.eventReports.push({ event: slug, ...span });
      ctx.list(item, 'participants').forEach((p, i) => {
        const pc = ctx.at(`participants[${i}]`);
        if (!isObj(p)) {
          pc.fail('must be { person|org, role, span }');
          return;
        }
        pc.only(p, ['person', 'org', 'role', 'span']);
        const hasPerson = p.person !== undefined;
        if (hasPerson === (p.org !== undefined)) {
          pc.fail('needs exactly one of person or org');
          return;
        }
        const ptype = hasPerson ? 'person' : 'org';
        const pslug = pc.slug(p, ptype);
        const role = pc.oneOf(p, 'role', VOCAB.participantRole, true);
        const pspan = resolveSpan(p.span, facts.text, pc.at('span'));
        useRef(ptype, pslug, pc.at(ptype));
        if (pslug && role && pspan) facts.participants.push({ event: slug, type: ptype, slug: pslug, role, ...pspan });
      });
      break;
    }
  }

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
      k === 'date' && isObj(x) ? JSON.stringify([x.iso, x.precision]) : JSON.stringify(x);
    if (comparable(old) !== comparable(v)) {
      ctx
        .at(k)
        .fail(
          `conflicting definitions of ${type} '${slug}': ${k} is ${comparable(v)} here but ${comparable(old)} in ${existing.declaredIn[0]?.file} (record a real disagreement in conflicts.yaml instead)`,
        );
    }
  }
}

function readFacts(
  doc: Obj,
  root: Ctx,
  facts: ArticleFacts,
  useRef: (t: EntityType, s: string | undefined, c: Ctx) => void,
): void {
  const roleKeys = new Set<string>();
  root.list(doc, 'roles').forEach((r, i) => {
    const c = root.at(`roles[${i}]`);
    if (!isObj(r)) {
      c.fail('must be a mapping');
      return;
    }
    c.only(r, ['key', 'person', 'title', 'title_en', 'org', 'span']);
    const key = r.key === undefined ? undefined : c.slug(r, 'key');
    if (key !== undefined) {
      if (roleKeys.has(key)) c.at('key').fail(`duplicate identifier: role key '${key}'`);
      roleKeys.add(key);
    }
    const person = c.slug(r, 'person');
    const org = r.org === undefined ? undefined : c.slug(r, 'org');
    const title = c.str(r, 'title', true);
    const span = resolveSpan(r.span, facts.text, c.at('span'));
    useRef('person', person, c.at('person'));
    useRef('org', org, c.at('org'));
    if (person && title && span) facts.roles.push({ key, person, title, titleEn: c.str(r, 'title_en'), org, ...span });
  });

  root.list(doc, 'quotes').forEach((q, i) => {
    const c = root.at(`quotes[${i}]`);
    if (!isObj(q)) {
      c.fail('must be a mapping');
      return;
    }
    c.only(q, ['kind', 'speaker', 'role', 'event', 'documents', 'span']);
    const kind = c.oneOf(q, 'kind', VOCAB.quoteKind, true);
    const speaker = c.slug(q, 'speaker');
    const roleKey = q.role === undefined ? undefined : c.slug(q, 'role');
    const event = q.event === undefined ? undefined : c.slug(q, 'event');
    const documents = c.strList(q, 'documents');
    const span = resolveSpan(q.span, facts.text, c.at('span'));
    useRef('person', speaker, c.at('speaker'));
    useRef('event', event, c.at('event'));
    for (const d of documents) useRef('document', d, c.at('documents'));
    if (kind && speaker && span) facts.quotes.push({ kind, speaker, roleKey, event, documents, ctx: c, ...span });
  });

  const raw: Array<{ type: EntityType; slug: string } & Span> = [];
  root.list(doc, 'mentions').forEach((m, i) => {
    const c = root.at(`mentions[${i}]`);
    if (!isObj(m)) {
      c.fail('must be { ref, forms } or { ref, span }');
      return;
    }
    c.only(m, ['ref', 'forms', 'span']);
    const refText = c.str(m, 'ref', true);
    const ref = refText ? parseRef(refText) : null;
    if (refText && !ref) {
      c.at('ref').fail(`'${refText}' is not a reference (person:|org:|place:|document:|project:|event: + slug)`);
      return;
    }
    if (!ref) return;
    useRef(ref.type, ref.slug, c.at('ref'));
    if ((m.forms === undefined) === (m.span === undefined)) {
      c.fail('needs exactly one of forms or span');
      return;
    }
    if (m.span !== undefined) {
      const s = resolveSpan(m.span, facts.text, c.at('span'));
      if (s) raw.push({ ...ref, ...s });
      return;
    }
    for (const form of c.strList(m, 'forms')) {
      const hits = facts.text
        .occurrences(form)
        .filter((o) => !isWordChar(facts.text.body, o.start - 1) && !isWordChar(facts.text.body, o.end));
      if (hits.length === 0) {
        c.at('forms').fail(`form "${form}" does not occur (at word boundaries) in the article content`);
        continue;
      }
      for (const o of hits) raw.push({ ...ref, ...o });
    }
  });
  // One mention per occurrence: drop exact duplicates and occurrences inside a longer one of the same entity.
  raw.sort((x, y) => x.start - y.start || y.end - x.end);
  for (const m of raw) {
    const inside = facts.mentions.some(
      (o) => o.type === m.type && o.slug === m.slug && o.start <= m.start && o.end >= m.end,
    );
    if (!inside) facts.mentions.push(m);
  }
}

function readConflicts(
  f: SeedFile,
  parse: (f: SeedFile) => unknown,
  problems: SeedProblem[],
  articles: ArticleFacts[],
  entities: Map<string, Entity>,
): { conflicts: Row[]; claims: Array<Row & { article: string }> } {
  const out = { conflicts: [] as Row[], claims: [] as Array<Row & { article: string }> };
  const doc = parse(f);
  if (doc === undefined) return out;
  const root = new Ctx(problems, f.name, '');
  if (!isObj(doc)) {
    root.fail('must be a mapping with a `conflicts` list');
    return out;
  }
  root.only(doc, ['conflicts']);
  const seen = new Set<string>();
  root.list(doc, 'conflicts').forEach((c, i) => {
    const cc = root.at(`conflicts[${i}]`);
    if (!isObj(c)) {
      cc.fail('must be a mapping');
      return;
    }
    cc.only(c, ['slug', 'subject', 'field', 'description', 'claims']);
    const slug = cc.slug(c);
    if (slug && seen.has(slug)) cc.at('slug').fail(`duplicate identifier: conflict '${slug}'`);
    if (slug) seen.add(slug);
    const subjectText = cc.str(c, 'subject', true);
    const subject = subjectText ? parseRef(subjectText) : null;
    if (subjectText && !subject) cc.at('subject').fail(`'${subjectText}' is not a reference`);
    else if (subject && !entities.has(`${subject.type}:${subject.slug}`))
      cc.at('subject').fail(`dangling reference: no file declares ${subjectText}`);
    const field = cc.str(c, 'field', true);
    const description = cc.str(c, 'description', true);
    const claims = cc.list(c, 'claims');
    if (claims.length < 2) cc.at('claims').fail('a conflict needs at least two claims');
    const values = new Set<string>();
    claims.forEach((cl, j) => {
      const lc = cc.at(`claims[${j}]`);
      if (!isObj(cl)) {
        lc.fail('must be { article, value, span }');
        return;
      }
      lc.only(cl, ['article', 'value', 'span']);
      const articleSlug = lc.slug(cl, 'article');
      const value = lc.str(cl, 'value', true);
      const art = articles.find((a) => a.slug === articleSlug);
      if (articleSlug && !art) {
        lc.at('article').fail(`dangling reference: no article '${articleSlug}'`);
        return;
      }
      if (!art || !value) return;
      values.add(value);
      const span = resolveSpan(cl.span, art.text, lc.at('span'));
      if (span && slug)
        out.claims.push({ article: art.slug, conflict: slug, value, ...span } as Row & { article: string });
    });
    if (claims.length >= 2 && values.size < 2)
      cc.at('claims').fail('all claims give the same value: that is agreement, not a conflict');
    if (slug && subject && field && description) {
      out.conflicts.push({ slug, subject: `${subject.type}:${subject.slug}`, field, description });
    }
  });
  return out;
}

const SUBJECT_COLUMN: Record<EntityType, string> = {
  person: 'person_id',
  org: 'organization_id',
  place: 'place_id',
  document: 'document_id',
  project: 'project_id',
  event: 'event_id',
};

/** Orders rows so that a parent is inserted before its children (foreign keys are checked on insert). */
function parentsFirst<T extends { slug: string; parent?: string }>(items: T[]): T[] {
  const bySlug = new Map(items.map((x) => [x.slug, x]));
  const out: T[] = [];
  const done = new Set<string>();
  const visit = (x: T) => {
    if (done.has(x.slug)) return;
    done.add(x.slug);
    const p = x.parent ? bySlug.get(x.parent) : undefined;
    if (p) visit(p);
    out.push(x);
  };
  for (const x of items) visit(x);
  return out;
}

function assemble(
  articles: ArticleFacts[],
  entities: Map<string, Entity>,
  conflictRows: { conflicts: Row[]; claims: Array<Row & { article: string }> },
): Plan {
  const ids: Record<EntityType, Map<string, number>> = {
    person: new Map(),
    org: new Map(),
    place: new Map(),
    document: new Map(),
    project: new Map(),
    event: new Map(),
  };
  // Ids follow slug order, so the same seed always yields the same ids.
  const byType = (t: EntityType) =>
    [...entities.values()].filter((e) => e.type === t).sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  for (const t of ENTITY_TYPES) {
    byType(t).forEach((e, i) => {
      ids[t].set(e.slug, i + 1);
    });
  }
  const id = (t: EntityType, slug: unknown) => (typeof slug === 'string' ? (ids[t].get(slug) ?? null) : null);
  const json = (xs: string[] | undefined) => JSON.stringify(xs ?? []);
  const names = (...parts: Array<unknown>) =>
    parts
      .flat()
      .filter((x): x is string => typeof x === 'string' && x !== '')
      .map(fold)
      .join(' | ');
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  const articleId = new Map(articles.map((a, i) => [a.slug, i + 1]));

  const t: Record<string, Row[]> = {};
  const push = (table: string, row: Row) => {
    const rows = t[table] ?? [];
    rows.push(row);
    t[table] = rows;
  };
  let mentionId = 0;
  const bodyOf = new Map(articles.map((a, i) => [i + 1, a.text.body]));
  /** Records a span as a mention row and returns its id: entity occurrences and the evidence of every fact. */
  const mention = (articleId: number, span: Span, kind: string, subject?: { type: EntityType; slug: string }) => {
    const row: Row = {
      id: ++mentionId,
      article_id: articleId,
      start: span.start,
      end: span.end,
      text: (bodyOf.get(articleId) ?? '').slice(span.start, span.end),
      kind,
      person_id: null,
      organization_id: null,
      place_id: null,
      document_id: null,
      project_id: null,
      event_id: null,
    };
    if (subject) row[SUBJECT_COLUMN[subject.type]] = id(subject.type, subject.slug);
    push('mentions', row);
    return mentionId;
  };
  const optionalMention = (articleId: number, start: unknown, end: unknown, kind: string) =>
    typeof start === 'number' && typeof end === 'number' ? mention(articleId, { start, end }, kind) : null;

  for (const e of parentsFirst(byType('org').map((e) => ({ ...e, parent: str(e.fields.parent) ?? undefined })))) {
    push('organizations', {
      id: id('org', e.slug),
      slug: e.slug,
      name: str(e.fields.name),
      name_en: str(e.fields.name_en),
      name_folded: fold(String(e.fields.name)),
      names_folded: names(e.fields.name, e.fields.name_en, e.sets.acronyms, e.sets.aliases),
      acronyms: json(e.sets.acronyms),
      aliases: json(e.sets.aliases),
      kind: str(e.fields.kind),
      country: str(e.fields.country),
      parent_id: id('org', e.fields.parent),
    });
  }
  for (const e of parentsFirst(byType('place').map((e) => ({ ...e, parent: str(e.fields.parent) ?? undefined })))) {
    push('places', {
      id: id('place', e.slug),
      slug: e.slug,
      name: str(e.fields.name),
      name_en: str(e.fields.name_en),
      name_folded: fold(String(e.fields.name)),
      names_folded: names(e.fields.name, e.fields.name_en, e.sets.aliases),
      aliases: json(e.sets.aliases),
      kind: str(e.fields.kind),
      country: str(e.fields.country),
      parent_id: id('place', e.fields.parent),
    });
  }
  for (const e of byType('person')) {
    push('people', {
      id: id('person', e.slug),
      slug: e.slug,
      name: str(e.fields.name),
      name_folded: fold(String(e.fields.name)),
      names_folded: names(e.fields.name, e.sets.aliases),
      honorifics: json(e.sets.honorifics),
      aliases: json(e.sets.aliases),
      country: str(e.fields.country),
    });
  }
  for (const e of byType('document')) {
    const d = e.fields.date as { iso: string; precision: string } | undefined;
    push('documents', {
      id: id('document', e.slug),
      slug: e.slug,
      kind: str(e.fields.kind),
      code: str(e.fields.code),
      title: str(e.fields.title),
      title_en: str(e.fields.title_en),
      aliases: json(e.sets.aliases),
      names_folded: names(e.fields.code, e.fields.title, e.fields.title_en, e.sets.aliases),
      issuer_id: id('org', e.fields.issuer),
      date: d?.iso ?? null,
      date_precision: d?.precision ?? null,
    });
  }
  for (const e of byType('project')) {
    const period = e.fields.period as { start: string | null; end: string | null } | undefined;
    push('projects', {
      id: id('project', e.slug),
      slug: e.slug,
      name: str(e.fields.name),
      name_en: str(e.fields.name_en),
      name_folded: fold(String(e.fields.name)),
      names_folded: names(e.fields.name, e.fields.name_en, e.sets.acronyms, e.sets.aliases),
      acronyms: json(e.sets.acronyms),
      aliases: json(e.sets.aliases),
      funding: str(e.fields.funding),
      period_start: period?.start ?? null,
      period_end: period?.end ?? null,
    });
    for (const c of (e.fields.components as Array<{ number: number; title: string; title_en: string | null }>) ?? []) {
      push('project_components', {
        project_id: id('project', e.slug),
        number: c.number,
        title: c.title,
        title_en: c.title_en,
      });
    }
    for (const p of (e.fields.partners as Array<{ org: string; role: string | null }>) ?? []) {
      push('project_partners', { project_id: id('project', e.slug), organization_id: id('org', p.org), role: p.role });
    }
  }

  articles.forEach((a, i) => {
    const aid = i + 1;
    push('articles', {
      id: aid,
      slug: a.slug,
      ...a.row,
      title_mention_id: mention(aid, { start: a.row.title_start as number, end: a.row.title_end as number }, 'TITLE'),
      title_en_mention_id: optionalMention(aid, a.row.title_en_start, a.row.title_en_end, 'TITLE'),
      published_mention_id: optionalMention(aid, a.row.published_start, a.row.published_end, 'PUBLISHED'),
      publisher_id: a.publisher ? id('org', a.publisher.org) : null,
      publisher_mention_id: optionalMention(aid, a.row.publisher_start, a.row.publisher_end, 'PUBLISHER'),
    });
    a.text.content.forEach((r, j) => {
      push('article_content', { article_id: aid, ordinal: j + 1, lang: r.lang, start: r.start, end: r.end });
    });
    a.authors.forEach((au, j) => {
      push('article_authors', {
        article_id: aid,
        person_id: id('person', au.person),
        ordinal: j + 1,
        start: au.start,
        end: au.end,
        text: a.text.body.slice(au.start, au.end),
        mention_id: mention(aid, au, 'BYLINE'),
      });
    });
  });

  for (const e of parentsFirst(byType('event').map((e) => ({ ...e, parent: str(e.fields.parent) ?? undefined })))) {
    const d = e.fields.date as
      | { iso: string; precision: string; inferred: boolean; span: Span; article: string }
      | undefined;
    push('events', {
      id: id('event', e.slug),
      slug: e.slug,
      kind: str(e.fields.kind) ?? 'OTHER',
      title: str(e.fields.title) ?? e.slug,
      title_en: str(e.fields.title_en),
      date: d?.iso ?? null,
      date_precision: d?.precision ?? null,
      sort_date: d?.iso ?? '',
      date_inferred: d?.inferred ? 1 : 0,
      date_article_id: d ? (articleId.get(d.article) ?? null) : null,
      date_start: d?.span.start ?? null,
      date_end: d?.span.end ?? null,
      date_text: d ? (bodyOf.get(articleId.get(d.article) ?? 0)?.slice(d.span.start, d.span.end) ?? null) : null,
      date_mention_id: d ? mention(articleId.get(d.article) ?? 0, d.span, 'DATE') : null,
      part_of_day: str(e.fields.part_of_day),
      online: e.fields.online ? 1 : 0,
      place_id: id('place', e.fields.place),
      parent_id: id('event', e.fields.parent),
      project_id: id('project', e.fields.project),
    });
    for (const doc of e.sets.documents ?? [])
      push('event_documents', { event_id: id('event', e.slug), document_id: id('document', doc) });
  }

  let roleId = 0;
  let quoteId = 0;
  let participantId = 0;
  articles.forEach((a, i) => {
    const aid = i + 1;
    for (const r of a.eventReports)
      push('event_reports', {
        event_id: id('event', r.event),
        article_id: aid,
        start: r.start,
        end: r.end,
        text: a.text.body.slice(r.start, r.end),
        mention_id: mention(aid, r, 'REPORT'),
      });
    for (const p of a.participants) {
      push('event_participants', {
        id: ++participantId,
        event_id: id('event', p.event),
        person_id: p.type === 'person' ? id('person', p.slug) : null,
        organization_id: p.type === 'org' ? id('org', p.slug) : null,
        role: p.role,
        article_id: aid,
        start: p.start,
        end: p.end,
        text: a.text.body.slice(p.start, p.end),
        mention_id: mention(aid, p, 'PARTICIPATION'),
      });
    }
    const roleIds = new Map<string, number>();
    const rolesOf = new Map<string, number[]>();
    for (const r of a.roles) {
      const rid = ++roleId;
      if (r.key) roleIds.set(r.key, rid);
      rolesOf.set(r.person, [...(rolesOf.get(r.person) ?? []), rid]);
      push('roles', {
        id: rid,
        person_id: id('person', r.person),
        title: r.title,
        title_en: r.titleEn ?? null,
        organization_id: id('org', r.org),
        article_id: aid,
        start: r.start,
        end: r.end,
        text: a.text.body.slice(r.start, r.end),
        mention_id: mention(aid, r, 'ROLE'),
      });
    }
    const perSpeaker = new Map<string, number>();
    for (const q of [...a.quotes].sort((x, y) => x.start - y.start)) {
      let rid: number | null = null;
      if (q.roleKey) {
        rid = roleIds.get(q.roleKey) ?? null;
      } else {
        const own = rolesOf.get(q.speaker) ?? [];
        if (own.length === 1) rid = own[0] as number;
      }
      const n = (perSpeaker.get(q.speaker) ?? 0) + 1;
      perSpeaker.set(q.speaker, n);
      const qid = ++quoteId;
      push('quotes', {
        id: qid,
        slug: `${a.slug}--${q.speaker}--${n}`,
        kind: q.kind,
        text: a.text.body.slice(q.start, q.end),
        speaker_id: id('person', q.speaker),
        role_id: rid,
        event_id: id('event', q.event),
        article_id: aid,
        start: q.start,
        end: q.end,
        mention_id: mention(aid, q, 'QUOTE'),
      });
      for (const d of q.documents) push('quote_documents', { quote_id: qid, document_id: id('document', d) });
    }
    for (const m of a.mentions) mention(aid, m, 'ENTITY', m);
  });

  conflictRows.conflicts.forEach((c, i) => {
    const subject = parseRef(String(c.subject)) as { type: EntityType; slug: string };
    const row: Row = {
      id: i + 1,
      slug: c.slug as string,
      field: c.field as string,
      description: c.description as string,
      person_id: null,
      organization_id: null,
      place_id: null,
      document_id: null,
      project_id: null,
      event_id: null,
    };
    row[SUBJECT_COLUMN[subject.type]] = id(subject.type, subject.slug);
    push('conflicts', row);
  });
  conflictRows.claims.forEach((cl, i) => {
    const conflictIndex = conflictRows.conflicts.findIndex((c) => c.slug === cl.conflict);
    push('conflict_claims', {
      id: i + 1,
      conflict_id: conflictIndex + 1,
      article_id: articleId.get(cl.article) ?? null,
      value: cl.value as string,
      start: cl.start as number,
      end: cl.end as number,
      text: bodyOf.get(articleId.get(cl.article) ?? 0)?.slice(cl.start as number, cl.end as number) ?? '',
      mention_id: mention(
        articleId.get(cl.article) ?? 0,
        { start: cl.start as number, end: cl.end as number },
        'CLAIM',
      ),
    });
  });
  return { tables: t };
}
