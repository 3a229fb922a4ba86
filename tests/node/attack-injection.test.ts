// Verifies that every string/ID argument and input field of the live schema (found by walking it, so new ones are covered) withstands SQL and FTS5 metacharacters and odd text: no 5xx or masked error, correct results, only bound parameters in SQL, and an unchanged database.
import type { Client } from '@libsql/client';
import { getNamedType, isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold } from '../../src/lib/text';
import { schema } from '../../src/schema';
import {
  type ArgumentSite,
  argList,
  argumentSites,
  createAttackHarness,
  fullDatabaseDigest,
  goodArgument,
  type Known,
  NO_RATE_LIMIT,
  probeSelection,
  reach,
  richestSlugs,
  valuesAt,
} from '../helpers/attack';
import { type Body, INJECTION_PAYLOADS, jsonOf, problemsOf } from '../helpers/attack-payloads';
import type { Harness } from '../helpers/harness';
import { databaseDigest } from '../helpers/seed-copy';

/** A payload that must never appear in the text of an SQL statement (only as a bound argument). */
const CANARY = { name: 'canary', value: "zq9canary' OR 'a'='a" };
const PAYLOADS = [...INJECTION_PAYLOADS, CANARY];
/** Aliases per request: well under MAX_ALIASES (15). */
const BATCH = 10;

/** Name filters: a diacritic-insensitive substring of `names_folded`, wildcards taken literally. */
const NAME_FILTERS: Record<string, string> = {
  'Query.people(filter.name)': 'people',
  'Query.organizations(filter.name)': 'organizations',
  'Query.places(filter.name)': 'places',
  'Query.documents(filter.text)': 'documents',
  'Query.projects(filter.name)': 'projects',
};
/** Country filters: an exact ISO code, case-insensitive. */
const COUNTRY_FILTERS: Record<string, string> = {
  'Query.people(filter.country)': 'people',
  'Query.organizations(filter.country)': 'organizations',
  'Query.places(filter.country)': 'places',
};
const SEARCH = 'Query.search(query)';
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
/** Filter text up to this length must be answered (no name or code is longer); longer may be refused. */
const LONGEST_FILTER_TEXT = 200;

let h: Harness;
let known: Known;
const sites: ArgumentSite[] = argumentSites(schema);
let digests: { kb: string; full: string };
const folded: Record<string, string[]> = {};
const countries: Record<string, Array<string | null>> = {};

beforeAll(async () => {
  h = await createAttackHarness(NO_RATE_LIMIT);
  known = { slug: await richestSlugs(h.client) };
  digests = { kb: await databaseDigest(h.client), full: await fullDatabaseDigest(h.client) };
  for (const table of new Set(Object.values(NAME_FILTERS)))
    folded[table] = await column(h.client, table, 'names_folded');
  for (const table of new Set(Object.values(COUNTRY_FILTERS)))
    countries[table] = await column(h.client, table, 'country');
});
afterAll(() => h?.close());

async function column(client: Client, table: string, col: string): Promise<Array<string>> {
  return (await client.execute(`SELECT ${col} AS v FROM ${table}`)).rows.map((r) => r.v as string);
}

interface Probe {
  alias: string;
  payload: { name: string; value: string };
  value: unknown;
  errors: Body[];
}

/**
 * Runs one site with a batch of payloads in one request, each under its own root alias (a nullable root
 * field stops an error from nulling the others); checks the answer is well-formed. When a non-null root
 * field's error nulls the whole `data`, the payloads are re-run one per request.
 */
async function runBatch(site: ArgumentSite, batch: typeof PAYLOADS, mode: 'variables' | 'literals'): Promise<Probe[]> {
  const where = reach(schema, site.parent, known);
  if (!where) throw new Error(`no way to reach ${site.parent.name} from Query`);
  const variables: Record<string, string> = {};
  const defs: string[] = [];
  const calls = batch.map((payload, i) => {
    let leaf: string;
    if (mode === 'variables') {
      defs.push(`$p${i}: ${site.leaf}!`);
      variables[`p${i}`] = payload.value;
      leaf = `$p${i}`;
    } else leaf = JSON.stringify(payload.value);
    if (site.inList) leaf = `[${leaf}]`;
    let value = leaf;
    for (const name of [...site.inputPath].reverse()) value = `{ ${name}: ${value} }`;
    const args = [`${site.arg.name}: ${value}`];
    for (const other of site.field.args) {
      if (other === site.arg) continue;
      const good = goodArgument(site.field, other, known);
      if (good !== undefined) args.push(`${other.name}: ${good}`);
      else if (other.name === 'first' && site.arg.name !== 'before') args.push('first: 2');
    }
    return `a${i}: ${where.prefix}${site.field.name}${argList(args)} ${probeSelection(site.field)}${where.suffix}`;
  });
  const query = `query Injection${defs.length ? `(${defs.join(', ')})` : ''} { ${calls.join(' ')} }`;
  h.resetStatements();
  const res = await h.yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  const context = `${site.coordinate} [${mode}] ${query.slice(0, 300)}\n→ ${res.status} ${text.slice(0, 600)}`;
  expect(problemsOf({ status: res.status, contentType: res.headers.get('content-type'), text }), context).toEqual([]);
  const body = jsonOf(text);
  // The document is valid whatever the payloads: nothing may fail before execution.
  expect(body.data, context).toBeDefined();
  for (const sql of h.statements) {
    expect(sql, 'every statement the API sends is a read').toMatch(/^\s*(select|with|pragma|explain)\b/i);
    expect(sql.includes('zq9canary'), `user text inside SQL: ${sql}`).toBe(false);
  }
  if (body.data === null && batch.length > 1) {
    const one: Probe[] = [];
    for (const payload of batch) one.push(...(await runBatch(site, [payload], mode)));
    return one;
  }
  return batch.map((payload, i) => {
    const alias = `a${i}`;
    const errors = (body.errors ?? []).filter((e: Body) => Array.isArray(e.path) && e.path[0] === alias);
    // The target's value: the alias itself at the root, else the field under the alias's subtree.
    const values =
      where.prefix === '' ? (body.data ? [body.data[alias]] : []) : valuesAt(body.data?.[alias], site.field.name);
    expect(values.length > 0 || errors.length > 0, `${context}\n${alias} (${payload.name}) was never reached`).toBe(
      true,
    );
    for (const e of errors) {
      expect(e.extensions?.code, `${site.coordinate} with ${payload.name}: ${e.message}`).toBe('BAD_USER_INPUT');
    }
    return { alias, payload, value: values[0], errors };
  });
}

/** Chunks of the text with leading/trailing punctuation removed, empty chunks dropped (search's own rule). */
function searchWordsOnly(text: string): string {
  return text
    .replace(/[\uD800-\uDFFF\p{Cc}\p{Cf}]/gu, ' ')
    .split(/\s+/u)
    .map((c) => c.replace(/^[^\p{L}\p{N}\p{Co}]+|[^\p{L}\p{N}\p{Co}]+$/gu, ''))
    .filter((c) => c !== '')
    .join(' ');
}

async function search(q: string): Promise<{ totalCount: number; hits: string[] } | undefined> {
  const r = await h.gql<Body>(
    'query($q: String!) { search(query: $q, first: 20) { totalCount edges { type node { ... on Node { id } } } } }',
    { q },
  );
  if (r.errors) return undefined;
  return {
    totalCount: r.data.search.totalCount,
    hits: r.data.search.edges.map((e: Body) => `${e.type}:${e.node?.id}`),
  };
}

/** Checks what a probe returned against what the data says it must be. */
async function checkResult(site: ArgumentSite, p: Probe): Promise<void> {
  const what = `${site.coordinate} with ${p.payload.name} (${JSON.stringify(p.payload.value.slice(0, 40))})`;
  const blank = p.payload.value.trim() === '';
  const nameTable = NAME_FILTERS[site.coordinate];
  const countryTable = COUNTRY_FILTERS[site.coordinate];
  if ((nameTable || countryTable) && p.errors.length > 0) {
    // Only text longer than any name or code may be refused, and only as the user's mistake.
    expect(p.payload.value.length, `${what} refused: ${p.errors[0]?.message}`).toBeGreaterThan(LONGEST_FILTER_TEXT);
    expect(
      p.errors.map((e) => e.extensions?.code),
      what,
    ).toEqual(['BAD_USER_INPUT']);
  } else if (nameTable) {
    // A literal, diacritic-insensitive substring of a name, surrounding whitespace ignored; no name contains
    // a control character.
    const text = p.payload.value.toWellFormed().normalize('NFC').trim();
    const needle = fold(text);
    const expected = /\p{Cc}/u.test(text) ? 0 : (folded[nameTable] ?? []).filter((n) => n.includes(needle)).length;
    expect((p.value as Body)?.totalCount, `${what}: a name filter matches the text literally`).toBe(expected);
  } else if (countryTable) {
    const all = countries[countryTable] ?? [];
    const expected =
      p.payload.value === '' ? all.length : all.filter((c) => c === p.payload.value.toUpperCase()).length;
    expect((p.value as Body)?.totalCount, `${what}: a country filter is an exact code`).toBe(expected);
  } else if (site.coordinate === SEARCH) {
    const words = searchWordsOnly(p.payload.value);
    if (words === '' || [...words].length > 200) {
      expect(
        p.errors.map((e) => e.extensions?.code),
        `${what}: nothing to search for`,
      ).toEqual(['BAD_USER_INPUT']);
    } else {
      expect(p.errors, `${what}: metacharacters are punctuation, never FTS5 syntax`).toEqual([]);
      if (words !== p.payload.value) {
        // Punctuation only separates words: the same search without it gives the same hits.
        const plain = await search(words);
        const got = await search(p.payload.value);
        expect(got, `${what} vs ${JSON.stringify(words)}`).toEqual(plain);
      }
    }
  } else if (site.arg.name === 'after' || site.arg.name === 'before') {
    if (!blank)
      expect(
        p.errors.map((e) => e.extensions?.code),
        `${what}: an unreadable cursor`,
      ).toEqual(['BAD_USER_INPUT']);
  } else if (site.leaf === 'ID' || site.arg.name === 'slug') {
    // Nothing in the seed is named by these strings: nothing is found, or the argument is refused.
    if (!blank && p.errors.length === 0) {
      const v = p.value as Body;
      const empty =
        v === null || (Array.isArray(v) && v.every((x) => x === null)) || v?.totalCount === 0 || v?.found === false;
      expect(empty, `${what} found something: ${JSON.stringify(v)}`).toBe(true);
    }
  }
}

describe('injection through every string and ID argument', () => {
  it('finds the arguments to attack in the schema', () => {
    const coordinates = sites.map((s) => s.coordinate);
    // The oracles below are keyed by coordinate: they must still name real arguments.
    for (const c of [...Object.keys(NAME_FILTERS), ...Object.keys(COUNTRY_FILTERS), SEARCH]) {
      expect(coordinates).toContain(c);
    }
    expect(sites.length).toBeGreaterThan(100);
    for (const s of sites) expect(isObjectType(s.parent) && getNamedType(s.arg.type)).toBeTruthy();
  });

  let requests = 0;
  let probes = 0;
  for (const site of sites) {
    it(`${site.coordinate}: every payload, as variables${site.parent.name === 'Query' ? ' and as literals' : ''}`, async () => {
      const modes: Array<'variables' | 'literals'> =
        site.parent.name === 'Query' ? ['variables', 'literals'] : ['variables'];
      for (const mode of modes) {
        // A lone surrogate cannot be written as a GraphQL string literal: it goes in variables only.
        const usable = mode === 'literals' ? PAYLOADS.filter((p) => !LONE_SURROGATE.test(p.value)) : PAYLOADS;
        for (let i = 0; i < usable.length; i += BATCH) {
          const results = await runBatch(site, usable.slice(i, i + BATCH), mode);
          requests++;
          for (const p of results) {
            await checkResult(site, p);
            probes++;
          }
        }
      }
    });
  }

  it('tried every argument with every payload', () => {
    console.log(`injection: ${sites.length} arguments, ${probes} probes in ${requests} requests`);
    expect(probes).toBeGreaterThanOrEqual(sites.length * PAYLOADS.length);
  });

  it('a lone surrogate in a string literal is a parse error, not a crash', async () => {
    const res = await h.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: '{ people(filter: { name: "\\ud800" }) { totalCount } }' }),
    });
    const text = await res.text();
    expect(problemsOf({ status: res.status, contentType: res.headers.get('content-type'), text }), text).toEqual([]);
    expect(jsonOf(text).errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('leaves every table unchanged', async () => {
    expect(await databaseDigest(h.client)).toBe(digests.kb);
    expect(await fullDatabaseDigest(h.client)).toBe(digests.full);
  });
});
