// Verifies the README against the real thing: every example query returns exactly the output printed under it, the scripts table lists every npm script (and names no other), "The data" describes each seed article with its real slug, outlet and publication time, and docs/persisted-operations.md's hashing rule holds for every operation file.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse, print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_FILE, readOperations } from '../../scripts/persisted';
import { type Json, SEED_FILES, type SeedId, seedYaml } from '../helpers/api';
import { createHarness, type Harness } from '../helpers/harness';
import { README, readExamples } from '../helpers/readme';

const readme = readFileSync(README, 'utf8');
const scripts = Object.keys(
  (
    JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      scripts: Record<string, string>;
    }
  ).scripts,
);

/** The body of a `## heading` section. */
function section(heading: string): string {
  const start = readme.indexOf(`\n## ${heading}\n`);
  expect(start, `README has a "## ${heading}" section`).toBeGreaterThan(-1);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end === -1 ? undefined : end);
}

/** `npm start`, `npm test`, `npm run x` → the script name. */
function scriptsNamed(text: string): string[] {
  return [...text.matchAll(/`npm (?:run ([\w:-]+)|(start|test))\b/g)].map((m) => (m[1] ?? m[2]) as string);
}

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe('README examples', () => {
  const examples = readExamples();
  it('has examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(6);
  });
  examples.forEach((ex, i) => {
    it(`example ${i + 1} prints its real output (npm run docs:examples rewrites them)`, async () => {
      // `extensions` (the cost budget) varies from request to request; the README shows the answer.
      const { status, data, errors } = await h.gql(ex.query);
      expect(status).toBe(200);
      expect(errors).toBeUndefined();
      expect({ data }).toEqual(JSON.parse(ex.output));
    });
  });
});

describe('README scripts', () => {
  it('the Scripts table has a row for every npm script', () => {
    const rows = section('Scripts')
      .split('\n')
      .filter((l) => l.startsWith('| `npm'))
      .map((l) => l.split(' | ')[0] as string);
    const listed = new Set(rows.flatMap(scriptsNamed));
    expect(scripts.filter((s) => !listed.has(s))).toEqual([]);
  });

  it('every `npm …` command in the README and docs/ names a real script', () => {
    const docs = ['persisted-operations.md', 'limits-and-caching.md', 'attack-tests.md'].map((f) =>
      readFileSync(new URL(`../../docs/${f}`, import.meta.url), 'utf8'),
    );
    const named = [readme, ...docs].flatMap(scriptsNamed);
    expect(named.length).toBeGreaterThan(20);
    expect([...new Set(named)].filter((s) => !scripts.includes(s))).toEqual([]);
  });

  it('the quickstart is `npm install`, `npm start`, then `npm test`', () => {
    const blocks = [...section('Quickstart').matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(blocks.slice(0, 2)).toEqual(['npm install\nnpm start\n', 'npm test\n']);
  });
});

describe('README "The data"', () => {
  const rows = section('The data')
    .split('\n')
    .filter((l) => /^\| `\d{3}` \|/.test(l))
    .map((l) => l.split(' | ').map((c) => c.replace(/^\| |`/g, '').trim()));

  it('has one row per seed article, in file order', () => {
    expect(rows.map((r) => r[0])).toEqual(Object.keys(SEED_FILES));
  });

  for (const id of Object.keys(SEED_FILES) as SeedId[]) {
    it(`${id}: slug, outlet and publication time are the seed's`, () => {
      const row = rows.find((r) => r[0] === id) as string[];
      const yaml = seedYaml(id);
      const [, slug, outlet, published] = row;
      expect(slug).toBe(yaml.article.slug);
      const publisher = yaml.article.publisher?.org as string | undefined;
      if (publisher) {
        const org = (yaml.organizations as Json[]).find((o) => o.slug === publisher);
        const names: string[] = [org.name, ...(org.acronyms ?? [])];
        expect(
          names.some((n) => outlet?.includes(n)),
          `${outlet} names ${names.join(' or ')}`,
        ).toBe(true);
      } else {
        expect(outlet).toMatch(/^not named/);
      }
      const local = yaml.article.published?.local as string | undefined;
      if (local) {
        const [, y, m, d, time] = /^(\d{4})-(\d\d)-(\d\d)T(\d\d:\d\d)$/.exec(local) as string[];
        expect(published?.startsWith(`${d}/${m}/${y} ${time}`), `${published} vs ${local}`).toBe(true);
      } else {
        expect(published).toBe('not printed');
      }
    });
  }
});

describe('docs/persisted-operations.md', () => {
  const manifest = JSON.parse(readFileSync(MANIFEST_FILE, 'utf8')) as Record<string, string>;
  const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

  it("the manifest knows each operation by its file's exact text, and not by a reprint of it", () => {
    const ops = readOperations();
    expect(ops.length).toBeGreaterThanOrEqual(6);
    for (const { file, document } of ops) {
      expect(manifest[sha256(document)], file).toBe(document);
      const reprint = print(parse(document));
      // A file already in graphql-js's printed form would be found either way.
      if (reprint !== document) expect(manifest[sha256(reprint)], file).toBeUndefined();
    }
  });

  it('quotes the real hash prefix of Dataset.graphql', () => {
    const dataset = readOperations().find((o) => o.file === 'Dataset.graphql');
    const doc = readFileSync(new URL('../../docs/persisted-operations.md', import.meta.url), 'utf8');
    expect(doc).toContain(`\`${sha256(dataset?.document ?? '').slice(0, 12)}…\``);
  });
});
