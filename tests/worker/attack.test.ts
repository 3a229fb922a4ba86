// Verifies a subset of the attack suites through the real Worker in workerd (over the seeded sqld): malformed bodies, wrong content types, invalid UTF-8, deep nesting, alias/directive/token floods, GET with garbage, and injection strings on search and filters all get a well-formed 2xx/4xx answer, correct results, and leave the database unchanged.

import { exports } from 'cloudflare:workers';
import { createClient } from '@libsql/client/web';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type Answer,
  type Body,
  HTTP_REFUSAL_CODES,
  INJECTION_PAYLOADS,
  jsonOf,
  problemsOf,
  RAW_ATTACKS,
  type RawRequest,
} from '../helpers/attack-payloads';

const ENDPOINT = 'http://worker.test/graphql';
/** No answer may take longer than this (workerd in tests is slower than production). */
const REQUEST_TIMEOUT_MS = 15_000;

async function send(req: RawRequest): Promise<Answer> {
  const request = new Request(ENDPOINT + (req.search ?? ''), {
    method: req.method,
    headers: req.headers,
    body: req.method === 'GET' || req.method === 'HEAD' ? undefined : req.body,
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms: ${req.name}`)),
      REQUEST_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([
      (async () => {
        const res = await exports.default.fetch(request);
        return { status: res.status, contentType: res.headers.get('content-type'), text: await res.text() };
      })(),
      deadline,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

async function gql(query: string, variables?: Record<string, unknown>): Promise<Answer & { body: Body }> {
  const a = await send({
    name: 'query',
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  return { ...a, body: jsonOf(a.text) };
}

/** SHA-256 over every table of the sqld database the Worker reads (FTS5 shadow tables included). */
async function digest(): Promise<string> {
  const client = createClient({ url: inject('libsqlUrl') });
  try {
    const tables = await client.execute(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE TABLE%' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    );
    let text = '';
    for (const t of tables.rows) {
      const name = String(t.name);
      const rs = await client.execute(`SELECT * FROM "${name.replaceAll('"', '""')}"`);
      const rows = rs.rows.map((r) => JSON.stringify(Object.values(r))).sort();
      text += `${name}:${rows.length}:${rows.join('\n')}\n`;
    }
    const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
    return [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join('');
  } finally {
    client.close();
  }
}

let before: string;
beforeAll(async () => {
  // The first request loads the whole bundle into workerd: seconds, more on a busy machine, so it is made
  // outside the per-request deadline (the hook's own timeout bounds it); every attack request keeps it.
  const warm = await exports.default.fetch(
    new Request(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    }),
  );
  expect(warm.status).toBe(200);
  before = await digest();
}, 60_000);

describe('Worker: malformed requests', () => {
  for (const req of RAW_ATTACKS) {
    it(req.name, async () => {
      const a = await send(req);
      const context = `${req.name} → ${a.status} ${a.contentType} ${a.text.slice(0, 400)}`;
      expect(problemsOf(a, { extraCodes: HTTP_REFUSAL_CODES }), context).toEqual([]);
      if (req.expect?.status) expect(req.expect.status, context).toContain(a.status);
      if (req.expect?.codes) {
        const codes: string[] = (jsonOf(a.text)?.errors ?? []).map((e: Body) => e.extensions?.code);
        const expected = req.expect.codes;
        expect(
          codes.some((c) => expected.includes(c)),
          `expected one of ${expected}: ${context}`,
        ).toBe(true);
      }
    });
  }
});

/** Metacharacters no seed name contains: a name filter with them must match nothing. */
const NEVER_IN_A_NAME = new Set([
  'sql-tautology',
  'sql-drop',
  'like-percent',
  'like-underscore',
  'like-mixed',
  'backslash',
]);

describe('Worker: injection strings', () => {
  for (const p of INJECTION_PAYLOADS) {
    it(`search and filters with ${p.name}`, async () => {
      const r = await gql('query($p: String!) { search(query: $p, first: 5) { totalCount edges { type } } }', {
        p: p.value,
      });
      const context = `${p.name}: ${r.status} ${r.text.slice(0, 400)}`;
      expect(problemsOf(r), context).toEqual([]);
      // Search answers, or refuses with BAD_USER_INPUT (nothing to search for, too long): never FTS5 syntax errors.
      for (const e of r.body.errors ?? []) expect(e.extensions?.code, context).toBe('BAD_USER_INPUT');
      if (!r.body.errors) expect(r.body.data.search.totalCount, context).toBeTypeOf('number');

      const f = await gql(
        `query($p: String!, $id: ID!) {
          people(filter: { name: $p }) { totalCount }
          organizations(filter: { name: $p, country: $p }) { totalCount }
          projects(filter: { name: $p }) { totalCount }
          person(slug: $p) { slug }
          node(id: $id) { id }
        }`,
        { p: p.value, id: p.value },
      );
      const fErrors = (f.body?.errors ?? []).map((e: Body) => `${e.path?.join('.')}: ${e.extensions?.code}`);
      const fContext = `${p.name}: ${f.status} [${fErrors.join(', ')}] ${f.text.slice(0, 400)}`;
      expect(problemsOf(f), fContext).toEqual([]);
      for (const e of f.body.errors ?? []) expect(e.extensions?.code, fContext).toBe('BAD_USER_INPUT');
      if (NEVER_IN_A_NAME.has(p.name) && f.body.data?.people) {
        expect(f.body.data.people.totalCount, `${fContext}: wildcards are literal`).toBe(0);
        expect(f.body.data.projects.totalCount, fContext).toBe(0);
      }
      if (f.body.data?.person !== undefined) expect(f.body.data.person, fContext).toBeNull();
    });
  }
});

// Last in the file (tests run in order): after every attack above.
describe('Worker: afterwards', () => {
  it('leaves every table of the database unchanged', async () => {
    expect(await digest()).toBe(before);
  });
});
