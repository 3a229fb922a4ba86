// Verifies the Worker exactly as wrangler bundles it for deploy: one copy of graphql (syntax errors stay 400 GRAPHQL_PARSE_FAILED, not masked 500s) and the limits and cost working in that bundle.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, wranglerCommand, wranglerEnv } from '../../scripts/wrangler';

const out = mkdtempSync(join(tmpdir(), 'hardening-bundle-'));
type WorkerModule = { default: { fetch: (r: Request, env: unknown, ctx: unknown) => Promise<Response> } };
let worker: WorkerModule;

beforeAll(async () => {
  const [cmd, argv] = wranglerCommand(['deploy', '--dry-run', '--outdir', out, '--minify']);
  const run = spawnSync(cmd, argv, { cwd: ROOT, env: wranglerEnv(), encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  const file = readdirSync(out).find((f) => /\.m?js$/.test(f)) as string;
  worker = (await import(pathToFileURL(join(out, file)).href)) as WorkerModule;
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

// No database is reachable: these requests never get as far as SQL.
const env = { LIBSQL_URL: 'http://127.0.0.1:9' };
const ctx = { waitUntil() {}, passThroughOnException() {} };

async function post(query: string) {
  const res = await worker.default.fetch(
    new Request('http://worker.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query }),
    }),
    env,
    ctx,
  );
  // biome-ignore lint/suspicious/noExplicitAny: checked field by field
  return { status: res.status, body: (await res.json()) as any };
}

describe('the deployable Worker bundle', () => {
  it('answers a syntax error with 400 GRAPHQL_PARSE_FAILED', async () => {
    const r = await post('{ articles(first: ');
    expect(r.status).toBe(400);
    expect(r.body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(r.body.errors[0].message).toMatch(/^Syntax Error/);
  });

  it('applies the token, depth and cost limits and reports the cost', async () => {
    expect((await post(`{ ${'a '.repeat(3001)}}`)).body.errors[0].extensions.code).toBe('TOKEN_LIMIT_EXCEEDED');
    const deep = await post(
      '{ person(slug: "x") { quotes { edges { node { speaker { quotes { edges { node { speaker { quotes { edges { node { slug } } } } } } } } } } } } }',
    );
    expect(deep.body.errors[0].extensions.code).toBe('DEPTH_LIMIT_EXCEEDED');
    const ok = await post('{ __typename }');
    expect(ok.status).toBe(200);
    expect(ok.body.extensions.cost).toMatchObject({ requestedQueryCost: 0, maximumAvailable: 20000 });
  });
});
