// Verifies the embedded read handle that keeps prepared statements: the API answers exactly as over a
// plain @libsql/client handle (first and repeated requests), rows have the same shape, arguments and
// errors behave the same, evicted statements still answer, and writes are still refused.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Client, createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/client';
import { localFilePath, withStatementCache } from '../../src/db/statement-cache';
import { openApiClient } from '../../src/lib/readonly';
import { loadSeed } from '../../src/seed/load';
import { appOver, post } from './hardening-helpers';

const PAGES = [
  `{ person(slug: "luu-duc-minh") { name roles(first: 20) { totalCount edges { node { title organization { slug name } mention { start end text } } } }
     quotes(first: 5) { totalCount edges { node { kind text event { slug title participants(first: 10) { totalCount edges { node { role person { slug } } } } } } } } } }`,
  `{ event(slug: "ky-quyet-dinh-phe-duyet-vkc") { title date place { slug name } reportedIn(first: 5) { totalCount edges { node { article { slug title } mention { text } } } } } }`,
  `{ articles(first: 3) { totalCount edges { node { slug title relatedArticles(first: 3) { edges { node { score article { slug } } } } } } } }`,
  `{ search(query: "luu duc minh", first: 5) { totalCount edges { node { __typename } snippet } } }`,
  `{ timeline(subject: "du-an-vkc", first: 10) { totalCount edges { node { date kind } } } }`,
];

let dir: string;
let url: string;
let plain: Client;
let cached: Client;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'statement-cache-'));
  url = `file:${join(dir, 'kb.db')}`;
  const writer = createClient({ url });
  await loadSeed(writer);
  writer.close();
  plain = createClient({ url });
  cached = (await openApiClient(url)).client;
});

afterAll(() => {
  plain.close();
  cached.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What a caller can see of a result set: values by index and by column, and the column metadata. */
const shape = (r: Awaited<ReturnType<Client['execute']>>) => ({
  columns: r.columns,
  columnTypes: r.columnTypes,
  byIndex: r.rows.map((row) => Array.from(row)),
  byName: r.rows.map((row) => ({ ...row })),
  keys: r.rows.map((row) => Object.keys(row)),
});

describe('statement cache', () => {
  it('applies to plain local files only', () => {
    expect(localFilePath('file:.data/knowledge.db')).toBe('.data/knowledge.db');
    expect(localFilePath('file:///tmp/a%20b.db')).toBe('/tmp/a b.db');
    expect(localFilePath('file::memory:')).toBeNull();
    expect(localFilePath('file:kb.db?mode=ro')).toBeNull();
    expect(localFilePath('libsql://example.turso.io')).toBeNull();
  });

  it('the API answers exactly as over a plain client, first time and from kept statements', async () => {
    const reference = appOver(createDb(plain));
    const app = appOver(createDb(cached));
    for (const query of PAGES) {
      const expected = await post(reference, query);
      expect(expected.body.errors, query).toBeUndefined();
      for (let round = 0; round < 3; round++) {
        // `data` and `errors`: `extensions` reports the client's remaining cost budget, which each request spends.
        const { data, errors } = (await post(app, query)).body;
        expect({ data, errors }, `${query} (round ${round})`).toEqual({ data: expected.body.data, errors: undefined });
      }
    }
  });

  it('rows, positional and named arguments, integers and nulls as @libsql/client gives them', async () => {
    const statements = [
      { sql: 'SELECT * FROM people ORDER BY id', args: [] },
      { sql: 'SELECT slug, name FROM people WHERE id > ? ORDER BY id LIMIT ?', args: [2, 3] },
      { sql: 'SELECT :a AS a, $b AS b, @c AS c, NULL AS n, 1 AS a', args: { a: 7, $b: 'x', '@c': true } },
      { sql: 'SELECT count(*) AS n, max(id) AS m FROM mentions', args: [] },
    ];
    for (const s of statements) {
      const expected = shape(await plain.execute(s));
      expect(shape(await cached.execute(s)), s.sql).toEqual(expected);
      expect(shape(await cached.execute(s)), `${s.sql} (kept)`).toEqual(expected);
    }
    expect(shape(await cached.execute('SELECT 1 AS one'))).toEqual(shape(await plain.execute('SELECT 1 AS one')));
  });

  it('errors are the wrapped client’s: bad SQL, unsafe integers, undefined arguments', async () => {
    for (const [sql, args] of [
      ['SELECT * FROM no_such_table', []],
      ['SELEC 1', []],
      ['SELECT 9007199254740993', []],
      ['SELECT ?', [undefined]],
    ] as const) {
      const expected = await plain.execute({ sql, args: args as never }).then(
        () => null,
        (e: Error) => e.message,
      );
      expect(expected, sql).not.toBeNull();
      await expect(cached.execute({ sql, args: args as never }), sql).rejects.toThrow(expected as string);
    }
  });

  it('reads are served by the kept statements, not the wrapped client', async () => {
    const inner = createClient({ url });
    const wrapped = withStatementCache(inner, localFilePath(url) as string);
    try {
      inner.close(); // only the wrapper's own connection is left to answer
      expect(Number((await wrapped.execute('SELECT count(*) AS n FROM people')).rows[0]?.n)).toBeGreaterThan(0);
      await expect(wrapped.execute('PRAGMA user_version = 1')).rejects.toThrow();
    } finally {
      wrapped.close();
    }
  });

  it('a small cache evicts and still answers; writes stay refused', async () => {
    const path = localFilePath(url) as string;
    const tiny = withStatementCache((await openApiClient(url)).client, path, 2);
    try {
      for (let round = 0; round < 3; round++) {
        for (const id of [1, 2, 3, 4]) {
          const sql = `SELECT slug FROM people WHERE id = ${id}`;
          expect(shape(await tiny.execute(sql))).toEqual(shape(await plain.execute(sql)));
        }
      }
      await expect(tiny.execute('DELETE FROM people')).rejects.toThrow(/readonly|read-only/i);
      await expect(tiny.execute("INSERT INTO dataset (version) VALUES ('x') RETURNING version")).rejects.toThrow();
      expect(Number((await plain.execute('SELECT count(*) AS n FROM people')).rows[0]?.n)).toBeGreaterThan(0);
    } finally {
      tiny.close();
    }
  });
});
