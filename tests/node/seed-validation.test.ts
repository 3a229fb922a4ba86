// Verifies the whole loaded seed (spans match the stored text inside article content, every quote, event and
// entity is anchored), and that the API shares the vocabularies without importing the seed reader.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Client, createClient } from '@libsql/client';
import { type GraphQLEnumType, isEnumType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VOCAB } from '../../src/domain/vocab';
import { schema } from '../../src/schema';
import { loadSeed } from '../../src/seed/load';

let client: Client;
const bodies = new Map<number, string>();
const content = new Map<number, Array<{ start: number; end: number }>>();

beforeAll(async () => {
  client = createClient({ url: ':memory:' });
  await loadSeed(client);
  for (const r of (await client.execute('SELECT id, body FROM articles')).rows)
    bodies.set(Number(r.id), String(r.body));
  for (const r of (await client.execute('SELECT article_id, start, "end" FROM article_content')).rows) {
    const list = content.get(Number(r.article_id)) ?? [];
    list.push({ start: Number(r.start), end: Number(r.end) });
    content.set(Number(r.article_id), list);
  }
});
afterAll(() => client.close());

const rows = async (sql: string) => (await client.execute(sql)).rows;

// Every table holding a span, with the SQL that lists (article, start, end[, expected text]).
const SPANS: Record<string, string> = {
  mentions: 'SELECT article_id AS a, start AS s, "end" AS e, text AS t FROM mentions',
  quotes: 'SELECT article_id AS a, start AS s, "end" AS e, text AS t FROM quotes',
  roles: 'SELECT article_id AS a, start AS s, "end" AS e, text AS t FROM roles',
  event_participants: 'SELECT article_id AS a, start AS s, "end" AS e, text AS t FROM event_participants',
  event_reports: 'SELECT article_id AS a, start AS s, "end" AS e, text AS t FROM event_reports',
  event_dates:
    'SELECT date_article_id AS a, date_start AS s, date_end AS e, date_text AS t FROM events WHERE date_start IS NOT NULL',
  article_authors: 'SELECT article_id AS a, start AS s, "end" AS e, text AS t FROM article_authors',
  conflict_claims: 'SELECT article_id AS a, start AS s, "end" AS e, text AS t FROM conflict_claims',
  titles: 'SELECT id AS a, title_start AS s, title_end AS e, title AS t FROM articles',
  titles_en:
    'SELECT id AS a, title_en_start AS s, title_en_end AS e, title_en AS t FROM articles WHERE title_en IS NOT NULL',
  published: 'SELECT id AS a, published_start AS s, published_end AS e FROM articles WHERE published_start IS NOT NULL',
  publishers: 'SELECT id AS a, publisher_start AS s, publisher_end AS e FROM articles WHERE publisher_id IS NOT NULL',
};

describe('spans', () => {
  for (const [name, sql] of Object.entries(SPANS)) {
    it(`${name}: stored text equals the article text at the offsets, inside the article content`, async () => {
      const list = await rows(sql);
      expect(list.length, `${name} has rows`).toBeGreaterThan(0);
      for (const r of list) {
        const body = bodies.get(Number(r.a));
        expect(body, `${name}: article ${r.a} exists`).toBeDefined();
        const s = Number(r.s);
        const e = Number(r.e);
        expect(s).toBeLessThan(e);
        if (r.t !== undefined) expect((body as string).slice(s, e)).toBe(r.t);
        const inside = (content.get(Number(r.a)) ?? []).some((c) => s >= c.start && e <= c.end);
        expect(inside, `${name} span ${s}-${e} of article ${r.a} lies in content, not chrome`).toBe(true);
      }
    });
  }
});

describe('anchoring', () => {
  it('every quote has a speaker, an article and non-empty text', async () => {
    const bad = await rows(
      `SELECT q.slug FROM quotes q LEFT JOIN people p ON p.id = q.speaker_id LEFT JOIN articles a ON a.id = q.article_id
       WHERE p.id IS NULL OR a.id IS NULL OR length(trim(q.text)) = 0`,
    );
    expect(bad).toEqual([]);
    expect((await rows('SELECT count(*) AS n FROM quotes'))[0]?.n).toBeGreaterThan(0);
  });

  it('every event is reported by at least one article', async () => {
    expect(await rows('SELECT slug FROM events WHERE id NOT IN (SELECT event_id FROM event_reports)')).toEqual([]);
  });

  it('every entity is mentioned at least once', async () => {
    for (const [table, col] of [
      ['people', 'person_id'],
      ['organizations', 'organization_id'],
      ['places', 'place_id'],
      ['documents', 'document_id'],
      ['projects', 'project_id'],
      ['events', 'event_id'],
    ]) {
      const unmentioned = await rows(
        `SELECT slug FROM ${table} WHERE id NOT IN (SELECT ${col} FROM mentions WHERE ${col} IS NOT NULL)`,
      );
      expect(unmentioned, `${table} without mentions`).toEqual([]);
    }
  });

  it('every foreign key resolves', async () => {
    expect(await rows('PRAGMA foreign_key_check')).toEqual([]);
  });

  it('quote roles belong to the quote speaker', async () => {
    expect(
      await rows('SELECT q.slug FROM quotes q JOIN roles r ON r.id = q.role_id WHERE r.person_id <> q.speaker_id'),
    ).toEqual([]);
  });
});

describe('names', () => {
  it('person names are NFC and carry no honorific', async () => {
    for (const r of await rows('SELECT slug, name FROM people')) {
      const name = String(r.name);
      expect(name.normalize('NFC')).toBe(name);
      expect(name, `${r.slug}`).not.toMatch(/^(ông|bà|ngài|đồng chí|TS\.?|KTS\.?|PGS\.?|GS\.?|Dr\.?)\s/iu);
    }
  });

  it('folded names are plain lower-case ASCII letters (đ folded to d)', async () => {
    for (const r of await rows('SELECT name_folded FROM people UNION ALL SELECT name_folded FROM organizations')) {
      expect(String(r.name_folded)).not.toMatch(/đ|Đ|\p{M}|[A-Z]/u);
    }
  });

  it('the same person across articles is one node (Lưu Đức Minh is in two articles)', async () => {
    const r = await rows(
      `SELECT count(DISTINCT m.article_id) AS n FROM mentions m JOIN people p ON p.id = m.person_id WHERE p.slug = 'luu-duc-minh'`,
    );
    expect(Number(r[0]?.n)).toBeGreaterThanOrEqual(2);
  });

  it('every article file in seed/ is loaded', async () => {
    const { readdirSync } = await import('node:fs');
    const { SEED_DIR } = await import('../../src/seed/load');
    const txt = readdirSync(`${SEED_DIR}/articles`).filter((n) => n.endsWith('.txt'));
    expect((await rows('SELECT source_file FROM articles ORDER BY source_file')).map((r) => r.source_file)).toEqual(
      txt.sort(),
    );
  });
});

describe('domain and parser', () => {
  const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');
  /** Every module under src/ that `entry` reaches through relative imports. */
  const reachable = (entry: string): Set<string> => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const code = readFileSync(file, 'utf8');
      for (const m of code.matchAll(/\b(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
        const base = resolve(dirname(file), m[1] as string);
        const found = [`${base}.ts`, `${base}/index.ts`, base].find((f) => {
          try {
            return readFileSync(f) !== undefined;
          } catch {
            return false;
          }
        });
        if (found?.endsWith('.ts')) visit(found);
      }
    };
    visit(resolve(SRC, entry));
    return seen;
  };

  it('the API (Worker and app) imports nothing from src/seed/', () => {
    for (const entry of ['worker.ts', 'app.ts']) {
      const modules = [...reachable(entry)];
      expect(modules.length, `${entry} reaches its schema`).toBeGreaterThan(10);
      expect(
        modules.filter((f) => f.startsWith(resolve(SRC, 'seed'))),
        entry,
      ).toEqual([]);
    }
  });

  it('the GraphQL enums expose exactly the vocabularies the seed is checked against', () => {
    // The printed schema sorts enum values, so compare as sets.
    const values = (name: string) => {
      const t = schema.getType(name);
      expect(isEnumType(t), name).toBe(true);
      return (t as GraphQLEnumType)
        .getValues()
        .map((v) => v.value)
        .sort();
    };
    expect(values('OrganizationKind')).toEqual([...VOCAB.orgKind].sort());
    expect(values('PlaceKind')).toEqual([...VOCAB.placeKind].sort());
    expect(values('DocumentKind')).toEqual([...VOCAB.documentKind].sort());
    expect(values('EventKind')).toEqual([...VOCAB.eventKind].sort());
    expect(values('ParticipantRole')).toEqual([...VOCAB.participantRole].sort());
    expect(values('DatePrecision')).toEqual([...VOCAB.precision].sort());
    expect(values('PartOfDay')).toEqual([...VOCAB.partOfDay].sort());
    expect(values('QuoteKind')).toEqual([...VOCAB.quoteKind].sort());
  });
});
