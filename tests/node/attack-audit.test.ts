// Verifies GraphQL-over-HTTP conformance with graphql-http's server audits, against the Yoga app in process and against the real Node server over 127.0.0.1: every MUST passes, and every failing SHOULD is explained (by audit id) in docs/attack-tests.md.
import { readFileSync } from 'node:fs';
import { type AuditResult, serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../scripts/server-process';
import { createAttackHarness, ENDPOINT } from '../helpers/attack';
import type { Harness } from '../helpers/harness';

/** The document that explains each SHOULD the server does not follow. */
function readmeSection(): string {
  return readFileSync(new URL('../../docs/attack-tests.md', import.meta.url), 'utf8');
}

async function runAudits(url: string, fetchFn: typeof fetch): Promise<AuditResult[]> {
  const results: AuditResult[] = [];
  for (const audit of serverAudits({ url, fetchFn })) results.push(await audit.fn());
  return results;
}

function summary(results: AuditResult[], level: 'MUST' | 'SHOULD' | 'MAY') {
  const of = results.filter((r) => r.name.startsWith(level));
  const failed = of.filter((r) => r.status !== 'ok');
  return {
    total: of.length,
    failed: failed.map((r) => `${r.id} ${r.name}: ${'reason' in r ? r.reason : ''}`),
    failedIds: failed.map((r) => r.id),
  };
}

function checkResults(results: AuditResult[]) {
  return { must: summary(results, 'MUST'), should: summary(results, 'SHOULD') };
}

/** One line per run: how many audits of each level passed, and which SHOULD/MAY did not. */
function report(where: string, results: AuditResult[]): void {
  const must = summary(results, 'MUST');
  const should = summary(results, 'SHOULD');
  const may = summary(results, 'MAY');
  console.log(
    `audit (${where}): MUST ${must.total - must.failed.length}/${must.total}, SHOULD ${should.total - should.failed.length}/${should.total}, MAY ${may.total - may.failed.length}/${may.total}` +
      (should.failed.length ? `\n  SHOULD failing: ${should.failed.join('\n    ')}` : '') +
      (may.failed.length ? `\n  MAY not followed: ${may.failedIds.join(', ')}` : ''),
  );
}

describe('graphql-http server audits, in process (yoga.fetch over an in-memory database)', () => {
  let h: Harness;
  let results: AuditResult[];
  beforeAll(async () => {
    h = await createAttackHarness();
    results = await runAudits(ENDPOINT, (async (input: RequestInfo | URL, init?: RequestInit) =>
      h.yoga.fetch(new Request(input, init))) as typeof fetch);
    report('in process', results);
  }, 60_000);
  afterAll(() => h?.close());

  it('runs the whole audit list', () => {
    expect(results.length).toBeGreaterThan(40);
  });

  it('passes every MUST', () => {
    const { must } = checkResults(results);
    expect(must.total).toBeGreaterThan(10);
    expect(must.failed, must.failed.join('\n')).toEqual([]);
  });

  it('explains every failing SHOULD in docs/attack-tests.md', () => {
    const { should } = checkResults(results);
    const section = readmeSection();
    expect(section, 'docs/attack-tests.md does not describe the audit').toContain('GraphQL-over-HTTP audit');
    const unexplained = should.failedIds.filter((id) => !section.includes(`\`${id}\``));
    expect(
      unexplained,
      `SHOULD audits failing without an explanation in docs/attack-tests.md: ${should.failed.join('\n')}`,
    ).toEqual([]);
  });
});

describe('graphql-http server audits, over HTTP (src/server.ts on 127.0.0.1)', () => {
  let server: RunningServer;
  let results: AuditResult[];
  beforeAll(async () => {
    server = await startServer();
    results = await runAudits(server.url, fetch);
    report(`HTTP, ${server.url}`, results);
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('passes every MUST', () => {
    const { must } = checkResults(results);
    expect(must.failed, must.failed.join('\n')).toEqual([]);
  });

  it('explains every failing SHOULD in docs/attack-tests.md', () => {
    const { should } = checkResults(results);
    const section = readmeSection();
    const unexplained = should.failedIds.filter((id) => !section.includes(`\`${id}\``));
    expect(unexplained, should.failed.join('\n')).toEqual([]);
  });
});
