// Writes a synthetic knowledge base of N articles into its own SQLite file, through the production code
// paths: the real migrations, the loader's multi-row INSERTs (insertStatements), the derived-link SQL
// (DERIVED_STATEMENTS) and the search indexer (buildSearchDocuments + SEARCH_REBUILD_STATEMENT).
// Deterministic: the same size and seed give the same rows.
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createClient, type InStatement } from '@libsql/client';
import { DERIVED_STATEMENTS } from '../../src/db/derived';
import { migrate, readMigrations } from '../../src/db/migrate';
import { fold } from '../../src/lib/text';
import { buildSearchDocuments, SEARCH_DOCUMENTS_TABLE, SEARCH_REBUILD_STATEMENT } from '../../src/search/indexer';
import { insertStatements, planFromSource, readSeedSource, TABLE_ORDER } from '../../src/seed/load';
import type { Row } from '../../src/seed/plan';
import { Rng, Zipf } from './random';
import {
  COMPANY_NAMES,
  COMPANY_WORDS,
  EVENT_KINDS,
  HONORIFICS_F,
  HONORIFICS_M,
  KR_CITIES,
  KR_COMPANIES,
  KR_FAMILY,
  KR_SYLLABLE,
  ORG_FIELDS,
  PARTICIPANT_ORG_ROLES,
  PARTICIPANT_PERSON_ROLES,
  SAY_DIRECT,
  SAY_INDIRECT,
  type SeedVocabulary,
  seedVocabulary,
  TITLES,
  TOPICS,
  VN_FAMILY,
  VN_GIVEN,
  VN_MIDDLE,
  VN_PROVINCES,
} from './vocab';

/** Bump when the generated data changes: a corpus written by another version is regenerated. */
export const GENERATOR_VERSION = 1;
export const DEFAULT_SEED = 'vn-kr-bench-1';
/** Zipf exponent of entity reuse: with s = 1 the top ministry is named in about a third of the articles. */
const ZIPF_S = 1.0;
const CHUNK = 2000;

export interface CorpusInfo {
  generatorVersion: number;
  seed: string;
  articles: number;
  seconds: number;
  bytes: number;
  /** Seconds per phase: base rows, each derived statement, search rows, FTS rebuild. */
  phases: Record<string, number>;
  counts: Record<string, number>;
  createdAt: string;
}

export interface GenerateOptions {
  articles: number;
  path: string;
  seed?: string;
  /** Run PRAGMA foreign_key_check at the end (default: for corpora up to 10k articles). */
  checkForeignKeys?: boolean;
  log?: (line: string) => void;
  progress?: (line: string) => void;
}

export function corpusInfoPath(dbPath: string): string {
  return `${dbPath}.json`;
}

/** The corpus at `path` if it exists and was written by this generator with this seed, else null. */
export function readCorpusInfo(path: string, seed = DEFAULT_SEED): CorpusInfo | null {
  try {
    if (!existsSync(path)) return null;
    const info = JSON.parse(readFileSync(corpusInfoPath(path), 'utf8')) as CorpusInfo;
    return info.generatorVersion === GENERATOR_VERSION && info.seed === seed ? info : null;
  } catch {
    return null;
  }
}

/** Where the corpora live: bench/.corpus, or $BENCH_CORPUS_DIR (e.g. a directory of upgraded copies). */
export const CORPUS_DIR = process.env.BENCH_CORPUS_DIR ?? fileURLToPath(new URL('../.corpus/', import.meta.url));

/** Migrations added since the corpus at `path` was generated. */
export async function pendingMigrations(path: string): Promise<string[]> {
  const client = createClient({ url: `file:${path}` });
  try {
    const done = new Set((await client.execute('SELECT name FROM _migrations')).rows.map((r) => String(r.name)));
    return (await readMigrations()).map((m) => m.name).filter((n) => !done.has(n));
  } finally {
    client.close();
  }
}

/**
 * Brings an existing corpus up to the current schema: a migration fills its own derived data for the rows
 * already there (as it does for a loaded production database), which takes seconds to minutes where
 * regenerating 100k articles takes over ten. Returns the migrations applied.
 */
export async function upgradeCorpus(path: string): Promise<string[]> {
  const client = createClient({ url: `file:${path}` });
  try {
    return await migrate(client);
  } finally {
    client.close();
  }
}

/** A slug of at most `max` characters, never ending in a hyphen. */
const slugify = (s: string, max = 80) =>
  fold(s)
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, max)
    .replace(/^-+|-+$/g, '');
const names = (...parts: Array<string | null | undefined | string[]>) =>
  parts
    .flat()
    .filter((x): x is string => typeof x === 'string' && x !== '')
    .map(fold)
    .join(' | ');
const pad2 = (n: number) => String(n).padStart(2, '0');

interface Person {
  id: number;
  slug: string;
  name: string;
  honorific: string;
  title: string;
  orgId: number;
}
interface Org {
  id: number;
  slug: string;
  name: string;
}
interface Place {
  id: number;
  name: string;
}
interface Doc {
  id: number;
  alias: string;
}
interface Project {
  id: number;
  name: string;
}
interface EventInfo {
  id: number;
  title: string;
  kind: string;
}

/** The text of one article, assembled piece by piece so every fact knows its exact offsets. */
class Body {
  private parts: string[] = [];
  length = 0;
  add(s: string): { start: number; end: number } {
    const t = s.normalize('NFC');
    const start = this.length;
    this.parts.push(t);
    this.length += t.length;
    return { start, end: this.length };
  }
  toString(): string {
    return this.parts.join('');
  }
}

export async function generateCorpus(opts: GenerateOptions): Promise<CorpusInfo> {
  const n = opts.articles;
  const seed = opts.seed ?? DEFAULT_SEED;
  const log = opts.log ?? ((l: string) => console.error(l));
  const progress = opts.progress ?? log;
  const started = performance.now();
  const phases: Record<string, number> = {};
  const partial = `${opts.path}.partial`;
  for (const f of [partial, `${partial}-journal`, opts.path, corpusInfoPath(opts.path)]) rmSync(f, { force: true });

  // The real migrations first, on their own connection (migrate() uses a transaction).
  const migrator = createClient({ url: `file:${partial}` });
  await migrate(migrator);
  migrator.close();

  const client = createClient({ url: `file:${partial}` });
  // Bench DB only: no journal, no fsync, a big page cache. Foreign keys are checked once at the end instead.
  for (const p of [
    'PRAGMA journal_mode = OFF',
    'PRAGMA synchronous = OFF',
    'PRAGMA cache_size = -1000000',
    'PRAGMA temp_store = MEMORY',
    'PRAGMA foreign_keys = OFF',
  ])
    await client.execute(p);

  const vocab = seedVocabulary(planFromSource(await readSeedSource()));
  const rng = new Rng(`${seed}:${n}`);
  const gen = new Generator(n, rng, vocab);
  const counts: Record<string, number> = {};
  const tally = (tables: Record<string, Row[]>) => {
    for (const [t, rows] of Object.entries(tables)) counts[t] = (counts[t] ?? 0) + rows.length;
  };
  let searchId = 0;
  let insertSeconds = 0;
  const write = async (tables: Record<string, Row[]>) => {
    const search = buildSearchDocuments(tables).map((r) => ({ ...r, id: ++searchId }));
    const stmts: InStatement[] = [
      ...TABLE_ORDER.flatMap((t) => insertStatements(t, tables[t] ?? [])),
      ...insertStatements(SEARCH_DOCUMENTS_TABLE, search),
    ];
    const t = performance.now();
    await client.batch(stmts, 'write');
    insertSeconds += (performance.now() - t) / 1000;
    tally(tables);
    counts[SEARCH_DOCUMENTS_TABLE] = searchId;
  };

  let t0 = performance.now();
  await write(gen.entityTables());
  for (let from = 1; from <= n; from += CHUNK) {
    const to = Math.min(n, from + CHUNK - 1);
    await write(gen.articles(from, to));
    const s = (performance.now() - started) / 1000;
    progress(`corpus ${label(n)}: ${to}/${n} articles (${Math.round((to / n) * 100)}%), ${s.toFixed(1)} s`);
  }
  phases.baseRows = (performance.now() - t0) / 1000;
  phases.baseRowsInsert = insertSeconds;

  // The derived link tables, statement by statement, so a slow one shows up by name.
  for (const [i, sql] of DERIVED_STATEMENTS.entries()) {
    t0 = performance.now();
    await client.execute(sql);
    const s = (performance.now() - t0) / 1000;
    const name = `derived[${i}] ${sql.replace(/\s+/g, ' ').slice(0, 60)}`;
    phases[name] = s;
    if (s > 1) log(`corpus ${label(n)}: ${name}: ${s.toFixed(1)} s`);
  }
  t0 = performance.now();
  await client.execute(SEARCH_REBUILD_STATEMENT);
  phases.ftsRebuild = (performance.now() - t0) / 1000;
  log(`corpus ${label(n)}: search index rebuilt in ${phases.ftsRebuild.toFixed(1)} s`);
  await client.execute({
    sql: 'INSERT INTO dataset (id, version, loaded_at) VALUES (1, ?, ?)',
    args: [`bench-${seed}-${n}`, new Date().toISOString()],
  });
  for (const t of [
    'related_articles',
    'related_article_entities',
    'entity_links',
    'co_participants',
    'participations',
  ]) {
    counts[t] = Number((await client.execute(`SELECT count(*) AS c FROM ${t}`)).rows[0]?.c ?? 0);
  }
  if (opts.checkForeignKeys ?? n <= 10_000) {
    t0 = performance.now();
    const bad = await client.execute('PRAGMA foreign_key_check');
    phases.foreignKeyCheck = (performance.now() - t0) / 1000;
    if (bad.rows.length > 0) throw new Error(`generated corpus breaks foreign keys: ${JSON.stringify(bad.rows[0])}`);
  }
  await client.execute('PRAGMA journal_mode = DELETE');
  client.close();
  renameSync(partial, opts.path);

  const info: CorpusInfo = {
    generatorVersion: GENERATOR_VERSION,
    seed,
    articles: n,
    seconds: (performance.now() - started) / 1000,
    bytes: statSync(opts.path).size,
    phases,
    counts,
    createdAt: new Date().toISOString(),
  };
  writeFileSync(corpusInfoPath(opts.path), `${JSON.stringify(info, null, 2)}\n`);
  return info;
}

export function label(n: number): string {
  return n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n);
}

/** Draws entities and articles; holds the entity pools and the running ids. */
class Generator {
  private readonly tables: Record<string, Row[]>;
  private readonly people: Person[] = []; // in Zipf rank order
  private readonly journalists: Person[] = [];
  private readonly orgs: Org[] = [];
  private readonly media: Org[] = [];
  private readonly orgById = new Map<number, Org>();
  private readonly places: Place[] = []; // rank order, countries and big cities first
  private readonly docs: Doc[] = [];
  private readonly projects: Project[] = [];
  private readonly recentEvents: EventInfo[] = [];
  private readonly zPeople: Zipf;
  private readonly zOrgs: Zipf;
  private readonly zPlaces: Zipf;
  private readonly zDocs: Zipf;
  private readonly zProjects: Zipf;
  private readonly zJournalists: Zipf;
  private readonly zMedia: Zipf;
  private mentionId = 0;
  private roleId = 0;
  private quoteId = 0;
  private participantId = 0;
  private eventId = 0;
  private readonly days = 3653; // 2016-01-01 .. 2025-12-31

  constructor(
    private readonly n: number,
    private readonly rng: Rng,
    private readonly vocab: SeedVocabulary,
  ) {
    this.tables = this.buildEntities();
    for (const o of [...this.orgs, ...this.media]) this.orgById.set(o.id, o);
    this.zPeople = new Zipf(this.people.length, ZIPF_S, rng);
    this.zOrgs = new Zipf(this.orgs.length, ZIPF_S, rng);
    this.zPlaces = new Zipf(this.places.length, ZIPF_S, rng);
    this.zDocs = new Zipf(this.docs.length, ZIPF_S, rng);
    this.zProjects = new Zipf(this.projects.length, ZIPF_S, rng);
    this.zJournalists = new Zipf(this.journalists.length, 0.8, rng);
    this.zMedia = new Zipf(this.media.length, 1.0, rng);
  }

  entityTables(): Record<string, Row[]> {
    return this.tables;
  }

  // ---------- entities: the seed's own first (they lead the ranks), then synthetic ones ----------
  private buildEntities(): Record<string, Row[]> {
    const { rng, n } = this;
    const seed = this.vocab.plan.tables;
    const t: Record<string, Row[]> = {};
    const copy = (table: string) => {
      t[table] = (seed[table] ?? []).map((r) => ({ ...r }));
      return t[table] as Row[];
    };
    const orgRows = copy('organizations');
    const placeRows = copy('places');
    const peopleRows = copy('people');
    const docRows = copy('documents');
    const projectRows = copy('projects');
    copy('project_components');
    copy('project_partners');
    const usedSlugs = (rows: Row[]) => new Set(rows.map((r) => String(r.slug)));
    const unique = (used: Set<string>, base: string) => {
      let s = base;
      for (let i = 2; used.has(s); i++) s = `${base}-${i}`;
      used.add(s);
      return s;
    };

    // Organizations.
    const orgSlugs = usedSlugs(orgRows);
    const orgNames = new Set(orgRows.map((r) => String(r.name)));
    const bySlug = new Map(orgRows.map((r) => [String(r.slug), r]));
    for (const s of this.vocab.rank.organizations) {
      const r = bySlug.get(s) as Row;
      const o = { id: Number(r.id), slug: s, name: String(r.name) };
      if (r.kind === 'MEDIA') this.media.push(o);
      else this.orgs.push(o);
    }
    const addOrg = (name: string, kind: string, country: string, acronym?: string) => {
      if (orgNames.has(name)) return;
      orgNames.add(name);
      const id = orgRows.length + 1;
      const slug = unique(orgSlugs, slugify(acronym ?? name, 60));
      const acronyms = acronym ? [acronym] : [];
      orgRows.push({
        id,
        slug,
        name,
        name_en: null,
        name_folded: fold(name),
        names_folded: names(name, acronyms),
        acronyms: JSON.stringify(acronyms),
        aliases: '[]',
        kind,
        country,
        parent_id: null,
      });
      const o = { id, slug, name };
      if (kind === 'MEDIA') this.media.push(o);
      else this.orgs.push(o);
    };
    for (const m of ['Báo Đầu tư', 'Báo Tin tức', 'Tạp chí Kiến trúc', 'Báo Giao thông', 'Tạp chí Quy hoạch đô thị'])
      addOrg(m, 'MEDIA', 'VN');
    const orgTarget = Math.max(150, Math.floor(n / 25));
    for (let i = 0; this.orgs.length < orgTarget; i++) {
      const prov = rng.pick(VN_PROVINCES);
      switch (rng.int(8)) {
        case 0:
          addOrg(`Sở ${rng.pick(ORG_FIELDS)} ${prov}`, 'DEPARTMENT', 'VN');
          break;
        case 1:
          addOrg(`UBND tỉnh ${prov}`, 'PROVINCIAL_GOVERNMENT', 'VN');
          break;
        case 2:
          addOrg(
            `Công ty Cổ phần ${rng.pick(COMPANY_WORDS)} ${rng.pick(COMPANY_NAMES)}${i > 400 ? ` ${i}` : ''}`,
            'COMPANY',
            'VN',
          );
          break;
        case 3:
          addOrg(`${rng.pick(KR_COMPANIES)} ${rng.pick(KR_CITIES)}${i > 200 ? ` ${i}` : ''}`, 'COMPANY', 'KR');
          break;
        case 4:
          addOrg(`Trường Đại học ${rng.pick(COMPANY_WORDS)} ${prov}`, 'UNIVERSITY', 'VN');
          break;
        case 5:
          addOrg(`Viện Nghiên cứu ${rng.pick(TOPICS)} ${prov}`, 'RESEARCH_INSTITUTE', 'VN');
          break;
        case 6:
          addOrg(
            `Ban Quản lý dự án ${rng.pick(COMPANY_WORDS).toLowerCase()} ${prov}${i > 2000 ? ` số ${i}` : ''}`,
            'PROJECT_OFFICE',
            'VN',
          );
          break;
        default:
          addOrg(`Trung tâm ${rng.pick(TOPICS)} ${prov}`, 'AGENCY', 'VN');
      }
    }

    // Places: the seed's (countries and Hà Nội lead), provinces, Korean cities, then venues.
    const placeSlugs = usedSlugs(placeRows);
    const placeBySlug = new Map(placeRows.map((r) => [String(r.slug), r]));
    for (const s of this.vocab.rank.places) {
      const r = placeBySlug.get(s) as Row;
      this.places.push({ id: Number(r.id), name: String(r.name) });
    }
    const vn = Number(placeBySlug.get('viet-nam')?.id);
    const kr = Number(placeBySlug.get('han-quoc')?.id);
    const addPlace = (name: string, kind: string, country: string, parent: number) => {
      const id = placeRows.length + 1;
      placeRows.push({
        id,
        slug: unique(placeSlugs, slugify(name, 60)),
        name,
        name_en: null,
        name_folded: fold(name),
        names_folded: names(name),
        aliases: '[]',
        kind,
        country,
        parent_id: parent,
      });
      this.places.push({ id, name });
      return id;
    };
    const provinceIds = VN_PROVINCES.map((p) => addPlace(p, 'PROVINCE', 'VN', vn));
    for (const c of KR_CITIES) addPlace(c, 'CITY', 'KR', kr);
    const venues = Math.max(40, Math.floor(n / 100));
    const venueWords = ['Trung tâm Hội nghị', 'Khách sạn', 'Khu đô thị mới', 'Khu công nghiệp', 'Cung Văn hóa'];
    for (let i = 0; i < venues; i++) {
      const j = rng.int(VN_PROVINCES.length);
      addPlace(
        `${rng.pick(venueWords)} ${rng.pick(COMPANY_NAMES)} ${VN_PROVINCES[j]} ${i + 1}`,
        'VENUE',
        'VN',
        provinceIds[j] as number,
      );
    }

    // People: seed speakers lead; journalists are a pool of their own (bylines only).
    const personSlugs = usedSlugs(peopleRows);
    const personNames = new Set(peopleRows.map((r) => String(r.name)));
    const seedRoles = new Map<number, Row>();
    for (const r of seed.roles ?? []) if (!seedRoles.has(Number(r.person_id))) seedRoles.set(Number(r.person_id), r);
    const peopleBySlug = new Map(peopleRows.map((r) => [String(r.slug), r]));
    const orgIds = this.orgs.map((o) => o.id);
    for (const s of this.vocab.rank.people) {
      const r = peopleBySlug.get(s) as Row;
      const role = seedRoles.get(Number(r.id));
      this.people.push({
        id: Number(r.id),
        slug: s,
        name: String(r.name),
        honorific: (JSON.parse(String(r.honorifics)) as string[])[0] ?? 'ông',
        title: role ? String(role.title) : rng.pick(TITLES),
        orgId: role?.organization_id ? Number(role.organization_id) : rng.pick(orgIds),
      });
    }
    for (const s of this.vocab.authors) {
      const r = peopleBySlug.get(s) as Row;
      this.journalists.push({ id: Number(r.id), slug: s, name: String(r.name), honorific: '', title: '', orgId: 0 });
    }
    const orgZipf = new Zipf(this.orgs.length, ZIPF_S, rng);
    const newName = (korean: boolean): string => {
      for (let tries = 0; ; tries++) {
        // Two-part names run out (12 × 20 × 20 Korean ones): after a few clashes, add a part.
        const more = tries > 5;
        const name = korean
          ? `${rng.pick(KR_FAMILY)} ${rng.pick(KR_SYLLABLE)} ${rng.pick(KR_SYLLABLE).toLowerCase()}${more ? `-${rng.pick(KR_SYLLABLE).toLowerCase()}` : ''}`
          : `${rng.pick(VN_FAMILY)} ${rng.pick(VN_MIDDLE)}${more || rng.chance(0.4) ? ` ${rng.pick(VN_MIDDLE)}` : ''} ${rng.pick(VN_GIVEN)}`;
        if (!personNames.has(name)) {
          personNames.add(name);
          return name;
        }
      }
    };
    const addPerson = (journalist: boolean) => {
      const korean = !journalist && rng.chance(0.25);
      const name = newName(korean);
      const female = !korean && / Thị /.test(name);
      const honorific = female ? rng.pick(HONORIFICS_F) : rng.pick(HONORIFICS_M);
      const id = peopleRows.length + 1;
      const slug = unique(personSlugs, slugify(name));
      peopleRows.push({
        id,
        slug,
        name,
        name_folded: fold(name),
        names_folded: names(name),
        honorifics: JSON.stringify(journalist ? [] : [honorific]),
        aliases: '[]',
        country: korean ? 'KR' : 'VN',
      });
      const p = {
        id,
        slug,
        name,
        honorific,
        title: rng.pick(TITLES),
        orgId: this.orgs[orgZipf.sample()]?.id as number,
      };
      (journalist ? this.journalists : this.people).push(p);
    };
    const peopleTarget = Math.max(300, Math.floor(n / 5));
    while (this.people.length < peopleTarget) addPerson(false);
    const journalistTarget = Math.max(20, Math.floor(n / 200));
    while (this.journalists.length < journalistTarget) addPerson(true);

    // Documents: seed ones, then decisions and plans with codes.
    const docSlugs = usedSlugs(docRows);
    const docBySlug = new Map(docRows.map((r) => [String(r.slug), r]));
    for (const s of this.vocab.rank.documents) {
      const r = docBySlug.get(s) as Row;
      const aliases = JSON.parse(String(r.aliases)) as string[];
      this.docs.push({ id: Number(r.id), alias: aliases[0] ?? String(r.title ?? r.code) });
    }
    const docTarget = Math.max(50, Math.floor(n / 30));
    while (this.docs.length < docTarget) {
      const id = docRows.length + 1;
      const kindWord = rng.pick([
        ['DECISION', 'Quyết định', 'QĐ'],
        ['PLAN', 'Kế hoạch', 'KH'],
        ['RESOLUTION', 'Nghị quyết', 'NQ'],
      ] as const);
      const issuer = this.orgs[orgZipf.sample()] as Org;
      const acr = rng.pick(['BXD', 'UBND', 'TTg', 'BTTTT', 'HĐND']);
      const code = `${id}/${kindWord[2]}-${acr}`;
      const title = `Phê duyệt ${rng.pick(['Đề án', 'Chương trình', 'Kế hoạch'])} ${rng.pick(TOPICS)} ${rng.pick(VN_PROVINCES)}`;
      const alias = `${kindWord[1]} số ${code}`;
      docRows.push({
        id,
        slug: unique(docSlugs, slugify(`${kindWord[1]} ${code}`)),
        kind: kindWord[0],
        code,
        title,
        title_en: null,
        aliases: JSON.stringify([alias]),
        names_folded: names(code, title, alias),
        issuer_id: issuer.id,
        date: null,
        date_precision: null,
      });
      this.docs.push({ id, alias });
    }

    // Projects.
    const projectSlugs = usedSlugs(projectRows);
    const projectBySlug = new Map(projectRows.map((r) => [String(r.slug), r]));
    for (const s of this.vocab.rank.projects) {
      const r = projectBySlug.get(s) as Row;
      this.projects.push({ id: Number(r.id), name: String(r.name) });
    }
    const projectTarget = Math.max(10, Math.floor(n / 500));
    while (this.projects.length < projectTarget) {
      const id = projectRows.length + 1;
      const name = `Dự án ${rng.pick(TOPICS)} tại ${rng.pick(VN_PROVINCES)} giai đoạn ${2016 + (id % 8)}-${2020 + (id % 8)}`;
      projectRows.push({
        id,
        slug: unique(projectSlugs, slugify(name, 70)),
        name,
        name_en: null,
        name_folded: fold(name),
        names_folded: names(name),
        acronyms: '[]',
        aliases: '[]',
        funding: null,
        period_start: null,
        period_end: null,
      });
      this.projects.push({ id, name });
    }
    return t;
  }

  // ---------- articles ----------
  articles(from: number, to: number): Record<string, Row[]> {
    const t: Record<string, Row[]> = {};
    for (const name of [
      'articles',
      'article_content',
      'article_authors',
      'events',
      'event_documents',
      'event_reports',
      'event_participants',
      'roles',
      'quotes',
      'mentions',
    ])
      t[name] = [];
    for (let id = from; id <= to; id++) this.article(id, t);
    return t;
  }

  private dateOf(id: number): Date {
    const day = Math.min(this.days - 1, Math.floor(((id - 1) * this.days) / this.n) + this.rng.int(3));
    return new Date(Date.UTC(2016, 0, 1 + day));
  }

  private article(aid: number, t: Record<string, Row[]>): void {
    const { rng } = this;
    const b = new Body();
    const mentions = t.mentions as Row[];
    const mention = (span: { start: number; end: number }, kind: string, subject?: [string, number]): number => {
      const row: Row = {
        id: ++this.mentionId,
        article_id: aid,
        start: span.start,
        end: span.end,
        text: '',
        kind,
        person_id: null,
        organization_id: null,
        place_id: null,
        document_id: null,
        project_id: null,
        event_id: null,
      };
      if (subject) row[subject[0]] = subject[1];
      mentions.push(row);
      return this.mentionId;
    };
    const ent = (s: string, col: string, id: number) => {
      const span = b.add(s);
      mention(span, 'ENTITY', [col, id]);
      return span;
    };

    // The cast: a few people and organizations by Zipf rank, one or two places, sometimes a document/project.
    const cast = this.zPeople.distinct(rng.range(2, 4)).map((r) => this.people[r] as Person);
    const orgs = this.zOrgs.distinct(rng.range(2, 4)).map((r) => this.orgs[r] as Org);
    const places = this.zPlaces.distinct(rng.range(1, 3)).map((r) => this.places[r] as Place);
    const doc = rng.chance(0.3) ? (this.docs[this.zDocs.sample()] as Doc) : null;
    const project = rng.chance(0.2) ? (this.projects[this.zProjects.sample()] as Project) : null;
    const author = this.journalists[this.zJournalists.sample()] as Person;
    const publisher = this.media[this.zMedia.sample()] as Org;
    const date = this.dateOf(aid);
    const iso = date.toISOString().slice(0, 10);
    const hh = pad2(rng.range(6, 22));
    const mi = pad2(rng.int(60));
    const topic = rng.pick(TOPICS);
    const lead = orgs[0] as Org;
    const place = places[0] as Place;

    b.add('Trang chủ › Tin tức › Đô thị thông minh\n\n');
    const contentStart = b.length;
    const titleStart = b.length;
    ent(lead.name, 'organization_id', lead.id);
    b.add(
      ` ${rng.pick(['đẩy mạnh', 'thúc đẩy hợp tác về', 'bàn giải pháp', 'triển khai', 'tổ chức hội thảo về'])} ${topic}`,
    );
    const titleSpan = { start: titleStart, end: b.length };
    b.add('\n');
    const pubSpan = b.add(`${hh}:${mi} | ${date.getUTCDate()}/${date.getUTCMonth() + 1}/${date.getUTCFullYear()}`);
    b.add(' (GMT+7)\n\n');

    // Lead: the main event, new or reported again.
    const reuse = this.recentEvents.length > 20 && rng.chance(0.3);
    const ev: EventInfo = reuse
      ? (this.recentEvents[
          this.recentEvents.length - 1 - rng.int(Math.min(300, this.recentEvents.length))
        ] as EventInfo)
      : this.newEvent(topic);
    const participants: Array<{ person?: Person; org?: Org; role: string; span: { start: number; end: number } }> = [];
    const reportStart = b.length;
    let dateSpan: { start: number; end: number } | null = null;
    let leadDate = date;
    if (reuse) {
      b.add('Tiếp nối ');
      b.add(ev.title);
      b.add(', ');
      participants.push({ org: lead, role: 'PARTNER', span: ent(lead.name, 'organization_id', lead.id) });
      b.add(` tiếp tục triển khai các nội dung hợp tác tại `);
      ent(place.name, 'place_id', place.id);
      b.add('.');
    } else {
      const ed = new Date(date.getTime() - rng.int(4) * 86_400_000);
      leadDate = ed;
      dateSpan = b.add(`Ngày ${ed.getUTCDate()}/${ed.getUTCMonth() + 1}/${ed.getUTCFullYear()}`);
      b.add(', tại ');
      ent(place.name, 'place_id', place.id);
      b.add(', ');
      participants.push({ org: lead, role: 'ORGANIZER', span: ent(lead.name, 'organization_id', lead.id) });
      b.add(' đã tổ chức ');
      b.add(ev.title);
      b.add('.');
    }
    const reportSpan = { start: reportStart, end: b.length };
    b.add(` ${this.vocab.markov.sentence(rng)}\n\n`);

    // Who took part, each with the role this article gives them.
    b.add('Tham dự có ');
    const roles: Array<{ person: Person; id: number }> = [];
    cast.forEach((p, i) => {
      if (i > 0) b.add(i === cast.length - 1 ? ' và ' : '; ');
      const org = this.orgById.get(p.orgId) ?? lead;
      const roleStart = b.length;
      b.add(`${p.honorific} `);
      const nameSpan = ent(p.name, 'person_id', p.id);
      b.add(`, ${p.title} `);
      ent(org.name, 'organization_id', org.id);
      const roleSpan = { start: roleStart, end: b.length };
      const rid = ++this.roleId;
      (t.roles as Row[]).push({
        id: rid,
        person_id: p.id,
        title: p.title,
        title_en: null,
        organization_id: org.id,
        article_id: aid,
        start: roleSpan.start,
        end: roleSpan.end,
        text: '',
        mention_id: mention(roleSpan, 'ROLE'),
      });
      roles.push({ person: p, id: rid });
      participants.push({ person: p, role: i === 0 ? 'CHAIR' : rng.pick(PARTICIPANT_PERSON_ROLES), span: nameSpan });
    });
    const others = orgs.slice(1);
    if (others.length > 0) {
      b.add(', cùng đại diện ');
      others.forEach((o, i) => {
        if (i > 0) b.add(', ');
        participants.push({
          org: o,
          role: rng.pick(PARTICIPANT_ORG_ROLES),
          span: ent(o.name, 'organization_id', o.id),
        });
      });
    }
    b.add('.\n\n');

    // Quotes: direct or reported, from one or two of the cast.
    const speakers = roles.slice(0, rng.range(1, 2));
    const quoteCount = new Map<number, number>();
    for (const s of speakers) {
      const p = s.person;
      let span: { start: number; end: number };
      const kind = rng.chance(0.6) ? 'DIRECT' : 'INDIRECT';
      if (kind === 'DIRECT') {
        b.add(`Phát biểu tại sự kiện, ${p.title} `);
        ent(p.name, 'person_id', p.id);
        b.add(` ${rng.pick(SAY_DIRECT)}: “`);
        span = b.add(this.vocab.markov.sentence(rng).slice(0, -1));
        b.add('”.');
      } else {
        b.add('Theo ');
        ent(p.name, 'person_id', p.id);
        b.add(`, ${rng.pick(SAY_INDIRECT)} `);
        span = b.add(this.vocab.markov.clause(rng));
        b.add('.');
      }
      b.add(` ${this.vocab.markov.sentence(rng)}\n\n`);
      const k = (quoteCount.get(p.id) ?? 0) + 1;
      quoteCount.set(p.id, k);
      (t.quotes as Row[]).push({
        id: ++this.quoteId,
        slug: `__SLUG__--${p.slug}--${k}`,
        kind,
        text: '',
        speaker_id: p.id,
        role_id: s.id,
        event_id: rng.chance(0.8) ? ev.id : null,
        article_id: aid,
        start: span.start,
        end: span.end,
        mention_id: mention(span, 'QUOTE'),
      });
    }

    // Body paragraphs: prose from the seed's bigrams, with the rest of the cast named along the way.
    const paragraphs = rng.range(2, 4);
    for (let i = 0; i < paragraphs; i++) {
      b.add(this.vocab.markov.sentence(rng));
      if (i === 0 && doc) {
        b.add(' Nội dung này được triển khai theo ');
        ent(doc.alias, 'document_id', doc.id);
        b.add('.');
      }
      if (i === 1 && project) {
        b.add(' Theo kế hoạch, ');
        ent(project.name, 'project_id', project.id);
        b.add(' sẽ được mở rộng.');
      }
      const extraPlace = places[1 + i];
      if (extraPlace) {
        b.add(' Mô hình này cũng được nghiên cứu áp dụng tại ');
        ent(extraPlace.name, 'place_id', extraPlace.id);
        b.add('.');
      }
      if (i === paragraphs - 1) {
        b.add(' Đại diện ');
        ent(lead.name, 'organization_id', lead.id);
        b.add(' cho biết sẽ tiếp tục phối hợp chặt chẽ với các đối tác.');
      }
      b.add(` ${this.vocab.markov.sentence(rng)}\n\n`);
    }

    // Sometimes an earlier event, reported in passing.
    let second: EventInfo | null = null;
    let secondReport: { start: number; end: number } | null = null;
    let secondDate: { start: number; end: number } | null = null;
    if (rng.chance(0.25)) {
      second = this.newEvent(rng.pick(TOPICS));
      const start = b.length;
      const ed = new Date(date.getTime() - rng.range(7, 60) * 86_400_000);
      b.add('Trước đó, ');
      secondDate = b.add(`ngày ${ed.getUTCDate()}/${ed.getUTCMonth() + 1}/${ed.getUTCFullYear()}`);
      b.add(`, ${second.title} đã diễn ra với sự tham gia của nhiều chuyên gia.`);
      secondReport = { start, end: b.length };
      b.add('\n\n');
      this.pushEvent(t, second, aid, ed, secondDate, mention(secondDate, 'DATE'), place, null);
    }

    const bylineSpan = b.add(author.name);
    b.add(' (Theo ');
    const publisherSpan = b.add(publisher.name);
    b.add(')');
    const contentEnd = b.length;
    b.add('\n\nTin liên quan\n');
    b.add(`- ${this.vocab.markov.sentence(rng, 6, 12)}\n- ${this.vocab.markov.sentence(rng, 6, 12)}\n`);

    // Rows that need the finished body (texts of spans) come last.
    const body = b.toString();
    const slug = `${slugify(`${lead.name} ${topic}`, 60)}-${aid}`;
    if (!reuse) {
      this.pushEvent(t, ev, aid, leadDate, dateSpan, dateSpan ? mention(dateSpan, 'DATE') : null, place, project, doc);
    }
    (t.event_reports as Row[]).push({
      event_id: ev.id,
      article_id: aid,
      start: reportSpan.start,
      end: reportSpan.end,
      text: body.slice(reportSpan.start, reportSpan.end),
      mention_id: mention(reportSpan, 'REPORT'),
    });
    if (second && secondReport) {
      (t.event_reports as Row[]).push({
        event_id: second.id,
        article_id: aid,
        start: secondReport.start,
        end: secondReport.end,
        text: body.slice(secondReport.start, secondReport.end),
        mention_id: mention(secondReport, 'REPORT'),
      });
    }
    for (const p of participants) {
      (t.event_participants as Row[]).push({
        id: ++this.participantId,
        event_id: ev.id,
        person_id: p.person?.id ?? null,
        organization_id: p.person ? null : (p.org?.id ?? null),
        role: p.role,
        article_id: aid,
        start: p.span.start,
        end: p.span.end,
        text: body.slice(p.span.start, p.span.end),
        mention_id: mention(p.span, 'PARTICIPATION'),
      });
    }
    const titleMention = mention(titleSpan, 'TITLE');
    const publishedMention = mention(pubSpan, 'PUBLISHED');
    const publisherMention = mention(publisherSpan, 'PUBLISHER');
    (t.article_authors as Row[]).push({
      article_id: aid,
      person_id: author.id,
      ordinal: 1,
      start: bylineSpan.start,
      end: bylineSpan.end,
      text: author.name,
      mention_id: mention(bylineSpan, 'BYLINE'),
    });
    (t.articles as Row[]).push({
      id: aid,
      slug,
      source_file: `bench-${aid}.txt`,
      body,
      languages: 'vi',
      title: body.slice(titleSpan.start, titleSpan.end),
      title_start: titleSpan.start,
      title_end: titleSpan.end,
      title_mention_id: titleMention,
      title_en: null,
      title_en_start: null,
      title_en_end: null,
      title_en_mention_id: null,
      published_local: `${iso}T${hh}:${mi}`,
      published_offset: '+07:00',
      published_date: iso,
      sort_date: iso,
      published_start: pubSpan.start,
      published_end: pubSpan.end,
      published_mention_id: publishedMention,
      publisher_id: publisher.id,
      publisher_start: publisherSpan.start,
      publisher_end: publisherSpan.end,
      publisher_mention_id: publisherMention,
    });
    (t.article_content as Row[]).push({
      article_id: aid,
      ordinal: 1,
      lang: 'vi',
      start: contentStart,
      end: contentEnd,
    });
    // Span texts, now that the body is final (rows of this article only: they are at the tails).
    for (const table of ['mentions', 'roles', 'quotes'] as const) {
      const rows = t[table] as Row[];
      for (let i = rows.length - 1; i >= 0 && (rows[i] as Row).article_id === aid; i--) {
        const r = rows[i] as Row;
        r.text = body.slice(Number(r.start), Number(r.end));
        if (table === 'quotes') r.slug = String(r.slug).replace('__SLUG__', slug);
      }
    }
    const events = t.events as Row[];
    for (let i = events.length - 1; i >= 0 && (events[i] as Row).date_article_id === aid; i--) {
      const r = events[i] as Row;
      r.date_text = body.slice(Number(r.date_start), Number(r.date_end));
    }
  }

  private newEvent(topic: string): EventInfo {
    const k = this.rng.pick(EVENT_KINDS);
    const id = ++this.eventId;
    const title = `${k.word} “${topic.charAt(0).toUpperCase()}${topic.slice(1)}” lần thứ ${id}`;
    return { id, title, kind: k.kind };
  }

  private pushEvent(
    t: Record<string, Row[]>,
    ev: EventInfo,
    aid: number,
    date: Date,
    dateSpan: { start: number; end: number } | null,
    dateMention: number | null,
    place: Place,
    project: Project | null,
    doc?: Doc | null,
  ): void {
    const day = date.toISOString().slice(0, 10);
    (t.events as Row[]).push({
      id: ev.id,
      slug: `${slugify(ev.title, 50)}-${ev.id}`,
      kind: ev.kind,
      title: ev.title,
      title_en: null,
      date: day,
      date_precision: 'DAY',
      sort_date: day,
      date_inferred: 0,
      date_article_id: dateSpan ? aid : null,
      date_start: dateSpan?.start ?? null,
      date_end: dateSpan?.end ?? null,
      date_text: null,
      date_mention_id: dateMention,
      part_of_day: null,
      online: 0,
      place_id: place.id,
      parent_id: null,
      project_id: project?.id ?? null,
    });
    if (doc && ev.kind === 'SIGNING') (t.event_documents as Row[]).push({ event_id: ev.id, document_id: doc.id });
    this.recentEvents.push(ev);
    if (this.recentEvents.length > 600) this.recentEvents.splice(0, 300);
  }
}
