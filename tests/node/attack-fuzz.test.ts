// Verifies with property-based fuzzing (fast-check, ≥ 2,000 generated operations per run, seed logged, FUZZ_SEED to replay) that valid operations built from the schema and malformed HTTP requests always get a well-formed 2xx/4xx GraphQL answer in time, and that the database is unchanged.
import fc from 'fast-check';
import { parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold } from '../../src/lib/text';
import { schema } from '../../src/schema';
import {
  createAttackHarness,
  describe as describeRequest,
  ENDPOINT,
  fullDatabaseDigest,
  NO_RATE_LIMIT,
  seedSlugs,
  sendRaw,
} from '../helpers/attack';
import { type Body, HTTP_REFUSAL_CODES, jsonOf, problemsOf, RAW_ATTACKS } from '../helpers/attack-payloads';
import type { Harness } from '../helpers/harness';
import { type GenContext, generateMalformed, generateOperation } from '../helpers/operation-gen';
import { databaseDigest } from '../helpers/seed-copy';

const SEED = Number(process.env.FUZZ_SEED ?? 20_251_129);
const VALID_RUNS = Number(process.env.FUZZ_VALID_RUNS ?? 1200);
const MALFORMED_RUNS = Number(process.env.FUZZ_MALFORMED_RUNS ?? 1000);
/** No request may take longer than this to answer completely. */
const REQUEST_TIMEOUT_MS = 10_000;
/** Codes a valid operation may still get: bad values, limits, throttling. Never parse/validation/internal. */
const VALID_OPERATION_CODES = new Set([
  'BAD_USER_INPUT',
  'DEPTH_LIMIT_EXCEEDED',
  'ALIAS_LIMIT_EXCEEDED',
  'TOKEN_LIMIT_EXCEEDED',
  'DIRECTIVE_LIMIT_EXCEEDED',
  'COST_LIMIT_EXCEEDED',
  'RATE_LIMITED',
  'TIMEOUT',
]);

let h: Harness;
let ctx: GenContext;
let before: { kb: string; full: string };

beforeAll(async () => {
  // The per-client budget is lifted (one fuzzing client sends thousands of requests); every other limit
  // is the default.
  h = await createAttackHarness(NO_RATE_LIMIT);
  const slugs = await seedSlugs(h.client);
  const names = (await h.client.execute('SELECT name FROM people UNION ALL SELECT name FROM organizations')).rows.map(
    (r) => String(r.name),
  );
  const words = [...new Set(names.flatMap((n) => fold(n).split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length > 1))];
  ctx = { schema, slugs, names, words };
  before = { kb: await databaseDigest(h.client), full: await fullDatabaseDigest(h.client) };
  console.log(
    `fuzz: seed ${SEED} (replay with FUZZ_SEED=${SEED}), ${VALID_RUNS} valid + ${MALFORMED_RUNS} malformed operations`,
  );
});
afterAll(() => h?.close());

const fetchOf = (harness: Harness) => (req: Request) => harness.yoga.fetch(req);
const fetchFn = (req: Request) => h.yoga.fetch(req);

describe('fuzzing', () => {
  it(`valid operations generated from the schema (${VALID_RUNS} runs)`, async () => {
    const stats = { runs: 0, clean: 0, withErrors: 0, codes: {} as Record<string, number> };
    await fc.assert(
      fc.asyncProperty(fc.gen(), async (g) => {
        const op = generateOperation(g, ctx);
        stats.runs++;
        // The generator only builds valid documents: graphql-js agrees before the server is asked.
        const local = validate(schema, parse(op.query));
        expect(
          local.map((e) => e.message),
          op.query,
        ).toEqual([]);
        const a = await sendRaw(
          fetchFn,
          {
            name: 'valid operation',
            method: 'POST',
            headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
            body: JSON.stringify(op),
          },
          REQUEST_TIMEOUT_MS,
        );
        const context = `${JSON.stringify(op)}\n→ ${a.status} ${a.text.slice(0, 800)}`;
        expect(problemsOf(a), context).toEqual([]);
        const body = jsonOf(a.text) as Body;
        const codes: string[] = (body.errors ?? []).map((e: Body) => e.extensions?.code);
        for (const code of codes) {
          stats.codes[code] = (stats.codes[code] ?? 0) + 1;
          expect(VALID_OPERATION_CODES.has(code), `unexpected ${code} for a valid operation: ${context}`).toBe(true);
        }
        if (codes.length === 0) {
          stats.clean++;
          expect(a.status, context).toBe(200);
          expect(body.data, context).toBeTypeOf('object');
        } else stats.withErrors++;
      }),
      { seed: SEED, numRuns: VALID_RUNS, endOnFailure: true },
    );
    console.log(`fuzz valid: ${JSON.stringify(stats)}`);
    expect(stats.runs).toBeGreaterThanOrEqual(VALID_RUNS);
    // Not a degenerate run: most generated operations execute cleanly.
    expect(stats.clean / stats.runs).toBeGreaterThan(0.5);
  }, 120_000);

  it(`malformed requests (${MALFORMED_RUNS} runs)`, async () => {
    const stats = { runs: 0, statuses: {} as Record<string, number>, kinds: {} as Record<string, number> };
    await fc.assert(
      fc.asyncProperty(fc.gen(), async (g) => {
        const req = generateMalformed(g, ctx);
        stats.runs++;
        stats.kinds[req.name] = (stats.kinds[req.name] ?? 0) + 1;
        const a = await sendRaw(fetchFn, req, REQUEST_TIMEOUT_MS);
        stats.statuses[a.status] = (stats.statuses[a.status] ?? 0) + 1;
        const context = `${describeRequest(req)}\n→ ${a.status} ${a.contentType} ${a.text.slice(0, 600)}`;
        expect(problemsOf(a, { extraCodes: HTTP_REFUSAL_CODES }), context).toEqual([]);
        expect(a.status < 500, context).toBe(true);
      }),
      { seed: SEED + 1, numRuns: MALFORMED_RUNS, endOnFailure: true },
    );
    console.log(`fuzz malformed: ${JSON.stringify(stats)}`);
    expect(stats.runs).toBeGreaterThanOrEqual(MALFORMED_RUNS);
  }, 120_000);

  it('ran at least 2,000 generated operations', () => {
    expect(VALID_RUNS + MALFORMED_RUNS).toBeGreaterThanOrEqual(2000);
  });
});

describe('the catalogue of malformed requests, one by one', () => {
  for (const req of RAW_ATTACKS) {
    it(req.name, async () => {
      const a = await sendRaw(fetchFn, req, REQUEST_TIMEOUT_MS);
      const context = `${describeRequest(req)}\n→ ${a.status} ${a.contentType} ${a.text.slice(0, 600)}`;
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

describe('floods and header tricks, with the default budget', () => {
  let d: Harness;
  beforeAll(async () => {
    d = await createAttackHarness();
  });
  afterAll(() => d?.close());

  const expensive =
    '{ articles(first: 100) { edges { node { people(first: 40) { totalCount edges { node { slug } } } } } } }';
  const postTo = (harness: Harness, headers: Record<string, string> = {}) =>
    harness.yoga.fetch(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
      body: JSON.stringify({ query: expensive }),
    });

  it('a client flooding expensive queries is throttled with 429 + Retry-After, never a 5xx', async () => {
    const statuses: number[] = [];
    let throttled: Response | undefined;
    for (let i = 0; i < 50 && !throttled; i++) {
      const res = await postTo(d);
      statuses.push(res.status);
      if (res.status === 429) throttled = res;
      else {
        expect(res.status, await res.text()).toBe(200);
        await res.body?.cancel();
      }
    }
    expect(throttled, `statuses: ${statuses.join(' ')}`).toBeDefined();
    const res = throttled as Response;
    expect(res.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    const text = await res.text();
    expect(problemsOf({ status: res.status, contentType: res.headers.get('content-type'), text }), text).toEqual([]);
    expect(jsonOf(text).errors.map((e: Body) => e.extensions?.code)).toEqual(['RATE_LIMITED']);
    // Cheap requests of the same client are refused or answered, never failed.
    const cheap = await sendRaw(fetchOf(d), RAW_ATTACKS[0] as (typeof RAW_ATTACKS)[number]);
    expect(cheap.status).toBeLessThan(500);
  });

  it('a hostile x-request-id is never reflected (a sane one is kept)', async () => {
    for (const hostile of ['<script>alert(1)</script>', 'x'.repeat(5000), "' OR 1=1 --", '../../etc/passwd']) {
      const res = await h.yoga.fetch(ENDPOINT, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': hostile },
        body: '{"query":"{ __typename }"}',
      });
      const id = res.headers.get('x-request-id');
      expect(id, hostile.slice(0, 40)).toBeTruthy();
      expect(id).not.toBe(hostile);
      expect(await res.text()).not.toContain(hostile.slice(0, 40));
    }
    const sane = await h.yoga.fetch(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'attack-suite-1234' },
      body: '{"query":"{ __typename }"}',
    });
    expect(sane.headers.get('x-request-id')).toBe('attack-suite-1234');
  });
});

describe('afterwards', () => {
  it('leaves every table unchanged', async () => {
    expect(await databaseDigest(h.client)).toBe(before.kb);
    expect(await fullDatabaseDigest(h.client)).toBe(before.full);
  });
});
