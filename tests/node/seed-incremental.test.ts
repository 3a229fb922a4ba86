// Verifies incremental seed loads: adding, editing and removing an article yields the database a full load of the same seed yields (every table, derived and search included), a failed load changes nothing, articles absent from seed/ stay unless pruned, and `added` polling and the dataset version work through the real app; also against a local sqld.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Client, createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sqld, startSqld } from '../../scripts/sqld';
import { createApp } from '../../src/app';
import { createDb } from '../../src/db/client';
import { type LoadResult, loadSeed } from '../../src/seed/load';
import { canonicalDigest } from '../helpers/canonical-digest';
import { copySeed, databaseDigest, type SeedCopy } from '../helpers/seed-copy';

const BASE = '002_4d44dfa6042bb869';
const NEW = '005_00000000000000aa';
const NEW_SLUG = 'hue-lh-mou-do-thi-thong-minh-2021-ban-sao';

/** A new article: the text of 002 under another file name, curated with its own slug and `added` day. */
function addArticle(seed: SeedCopy, added = '2026-12-07') {
  const dir = join(seed.dir, 'articles');
  cpSync(join(dir, `${BASE}.txt`), join(dir, `${NEW}.txt`));
  const yaml = readFileSync(join(dir, `${BASE}.yaml`), 'utf8')
    .replace(/^ {2}slug: \S+/m, `  slug: ${NEW_SLUG}`)
    .replace(/^ {2}added: "[^"]+"/m, `  added: "${added}"`);
  writeFileSync(join(dir, `${NEW}.yaml`), yaml);
}
function removeArticle(seed: SeedCopy) {
  for (const ext of ['txt', 'yaml']) rmSync(join(seed.dir, 'articles', `${NEW}.${ext}`));
}

/** The canonical digest of a database freshly loaded (in full) from `dir`. */
async function fullLoadDigest(dir: string): Promise<Record<string, string>> {
  const fresh = createClient({ url: ':memory:' });
  try {
    const r = await loadSeed(fresh, { dir });
    expect(r.mode).toBe('full');
    return await canonicalDigest(fresh);
  } finally {
    fresh.close();
  }
}

async function expectSameAsFullLoad(client: Client, dir: string) {
  // With rank 1 the check also compares the index with its content table (search_documents).
  const ftsCheck = "INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)";
  await client.execute(ftsCheck);
  const actual = await canonicalDigest(client);
  const expected = await fullLoadDigest(dir);
  // A remote server cannot show the index term by term; there the integrity check above compares it.
  if (!('search_fts (index)' in actual)) delete expected['search_fts (index)'];
  expect(actual).toEqual(expected);
}

/** The add / edit / remove sequence, against any libSQL client. */
function incrementalSuite(name: string, connect: () => Promise<Client>) {
  describe(name, () => {
    let client: Client;
    let seed: SeedCopy;
    let first: LoadResult;
    beforeAll(async () => {
      client = await connect();
      seed = copySeed();
      first = await loadSeed(client, { dir: seed.dir });
    });
    afterAll(() => {
      client.close();
      seed.remove();
    });

    it('loads a new database in full, and an unchanged seed not at all', async () => {
      expect(first).toMatchObject({ mode: 'full', skipped: false });
      expect(await loadSeed(client, { dir: seed.dir })).toMatchObject({ mode: 'none', skipped: true, written: 0 });
    });

    it('adds an article: only its units are written, and the result equals a full load', async () => {
      addArticle(seed);
      const r = await loadSeed(client, { dir: seed.dir });
      expect(r.mode).toBe('incremental');
      expect(r.version).not.toBe(first.version);
      // The new article, plus the conflict-free entities and events it declares that 002 declares too:
      // those are unchanged, so the article alone is written.
      expect(r.written).toBe(1);
      await expectSameAsFullLoad(client, seed.dir);
    });

    it('edits articles (an entity, an article field, a quote removed): the result equals a full load', async () => {
      seed.edit(`articles/${NEW}.yaml`, /^ {2}added: "[^"]+"/m, '  added: "2026-12-08"');
      for (const f of [`articles/${NEW}.yaml`, `articles/${BASE}.yaml`])
        seed.edit(
          f,
          '  - slug: tran-hoe\n    name: Trần Hòe\n',
          '  - slug: tran-hoe\n    name: Trần Hòe\n    country: VN\n',
        );
      const before = await client.execute('SELECT count(*) AS n FROM quotes');
      const yaml = readFileSync(join(seed.dir, 'articles', `${NEW}.yaml`), 'utf8');
      const quotes = yaml.indexOf('\nquotes:\n');
      expect(quotes).toBeGreaterThan(0);
      // Drop the first quote entry (up to the next list item of the section).
      const start = yaml.indexOf('\n  - ', quotes) + 1;
      const end = yaml.indexOf('\n  - ', start + 1) + 1;
      writeFileSync(join(seed.dir, 'articles', `${NEW}.yaml`), yaml.slice(0, start) + yaml.slice(end));
      const r = await loadSeed(client, { dir: seed.dir });
      expect(r.mode).toBe('incremental');
      // The new article (its own fields and quotes) and the person; 002's rows name the person by id only,
      // so 002 is not written again.
      expect(r.written).toBe(2);
      expect(Number((await client.execute('SELECT count(*) AS n FROM quotes')).rows[0]?.n)).toBe(
        Number(before.rows[0]?.n) - 1,
      );
      await expectSameAsFullLoad(client, seed.dir);
    });

    it('keeps an article removed from seed/ unless asked to prune it; pruned, the result equals a full load', async () => {
      removeArticle(seed);
      const kept = await loadSeed(client, { dir: seed.dir });
      expect(kept.kept).toEqual([NEW_SLUG]);
      const still = await client.execute({
        sql: 'SELECT count(*) AS n FROM articles WHERE slug = ?',
        args: [NEW_SLUG],
      });
      expect(Number(still.rows[0]?.n)).toBe(1);
      expect(await loadSeed(client, { dir: seed.dir })).toMatchObject({ skipped: true, kept: [NEW_SLUG] });

      const pruned = await loadSeed(client, { dir: seed.dir, prune: true });
      expect(pruned).toMatchObject({ mode: 'incremental', removed: 1, kept: [] });
      expect(pruned.version).not.toBe(kept.version);
      await expectSameAsFullLoad(client, seed.dir);
    });

    it('changes nothing when the write fails midway', async () => {
      addArticle(seed);
      const raw = await databaseDigest(client);
      const canonical = await canonicalDigest(client);
      await client.execute(
        "CREATE TRIGGER reject_mentions BEFORE INSERT ON mentions BEGIN SELECT RAISE(ABORT, 'boom'); END",
      );
      try {
        await expect(loadSeed(client, { dir: seed.dir })).rejects.toThrow(/boom/);
      } finally {
        await client.execute('DROP TRIGGER reject_mentions');
      }
      expect(await databaseDigest(client)).toBe(raw);
      expect(await canonicalDigest(client)).toEqual(canonical);
      expect((await client.execute('SELECT count(*) AS n FROM seed_touched')).rows[0]?.n).toBe(0);
    });
  });
}

incrementalSuite('in-process libSQL', async () => createClient({ url: ':memory:' }));

let sqld: Sqld | undefined;
afterAll(async () => {
  await sqld?.stop();
});
incrementalSuite('remote libSQL (local sqld)', async () => {
  sqld = await startSqld();
  return createClient({ url: sqld.url });
});

describe('polling through the API', () => {
  let client: Client;
  let seed: SeedCopy;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    client = createClient({ url: ':memory:' });
    seed = copySeed();
    await loadSeed(client, { dir: seed.dir });
    const db = createDb(client);
    app = createApp({ getDb: () => db, limits: { datasetVersionTtlMs: 0 } });
  });
  afterAll(() => {
    client.close();
    seed.remove();
  });

  const POLL = `query Poll($since: Date!) {
    dataset { version }
    articles(filter: { addedAfter: $since }, orderBy: ADDED, order: ASC) {
      totalCount
      edges { node { slug added } }
    }
  }`;
  async function poll(since: string) {
    const url = `http://localhost/graphql?${new URLSearchParams({ query: POLL, variables: JSON.stringify({ since }) })}`;
    const res = await app.fetch(url, { headers: { accept: 'application/graphql-response+json' } });
    const body = (await res.json()) as {
      data?: {
        dataset: { version: string };
        articles: { totalCount: number; edges: Array<{ node: { slug: string; added: string } }> };
      };
      errors?: unknown[];
    };
    expect(body.errors).toBeUndefined();
    return { etag: res.headers.get('etag'), data: body.data as NonNullable<typeof body.data> };
  }

  it('gives every seed article the day its curated file was first committed', async () => {
    const before = await poll('2000-01-01');
    expect(before.data.articles.totalCount).toBe(5);
    expect(new Set(before.data.articles.edges.map((e) => e.node.added))).toEqual(new Set(['2026-11-29']));
    expect((await poll('2026-11-30')).data.articles.totalCount).toBe(0);
  });

  it('shows a newly added article to a client polling by day, with a new dataset version and ETag', async () => {
    const before = await poll('2026-11-29');
    addArticle(seed, '2026-12-07');
    const r = await loadSeed(client, { dir: seed.dir });
    expect(r.mode).toBe('incremental');
    const after = await poll('2026-11-29');
    expect(after.data.dataset.version).toBe(r.version);
    expect(after.data.dataset.version).not.toBe(before.data.dataset.version);
    expect(after.etag).not.toBe(before.etag);
    expect(after.data.articles.totalCount).toBe(6);
    // Inclusive: the day of the last poll still shows what arrived that day.
    const since = await poll('2026-12-07');
    expect(since.data.articles.edges.map((e) => e.node)).toEqual([{ slug: NEW_SLUG, added: '2026-12-07' }]);
    // Oldest first by `added`, newest last.
    expect(after.data.articles.edges.at(-1)?.node.slug).toBe(NEW_SLUG);
  });

  it('refuses an article without a valid `added` day, naming the file', async () => {
    seed.edit(`articles/${NEW}.yaml`, /^ {2}added: "[^"]+"/m, '  added: "2026-13-01"');
    await expect(loadSeed(client, { dir: seed.dir })).rejects.toThrow(/added: invalid date '2026-13-01'/);
    seed.edit(`articles/${NEW}.yaml`, /^ {2}added: .*\n/m, '');
    await expect(loadSeed(client, { dir: seed.dir })).rejects.toThrow(/article\.added: is required/);
  });
});
