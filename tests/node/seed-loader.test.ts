// Verifies the seed loader: idempotent loads, precise refusals of bad seed data (and of `review:` notes) that leave the database untouched.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Client, createClient } from '@libsql/client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadSeed } from '../../src/seed/load';
import { SeedValidationError } from '../../src/seed/plan';
import { copySeed, databaseDigest, type SeedCopy } from '../helpers/seed-copy';

const FILE = 'articles/002_4d44dfa6042bb869.yaml';

let client: Client;
let before: string;
let seed: SeedCopy;

beforeAll(async () => {
  client = createClient({ url: ':memory:' });
  await loadSeed(client);
  before = await databaseDigest(client);
});
afterAll(() => client.close());
beforeEach(() => {
  seed?.remove();
  seed = copySeed();
});

/** Loads the broken copy, expects a refusal naming file, entry and reason, and an unchanged database. */
async function expectRefusal(entry: string, reason: RegExp, file = FILE) {
  const err = await loadSeed(client, { dir: seed.dir, force: true }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SeedValidationError);
  const problems = (err as SeedValidationError).problems;
  const hit = problems.find((p) => p.file === file && p.entry.includes(entry) && reason.test(p.reason));
  expect(hit, `problems were:\n${problems.join('\n')}`).toBeDefined();
  expect(await databaseDigest(client)).toBe(before);
}

describe('loading', () => {
  it('is idempotent: loading the same seed again changes nothing', async () => {
    const again = await loadSeed(client);
    expect(again.skipped).toBe(true);
    // A forced reload rewrites every row; apart from the load time the result is identical.
    const withoutLoadTime = async () => {
      await client.execute("UPDATE dataset SET loaded_at = 'normalized'");
      return databaseDigest(client);
    };
    const first = await withoutLoadTime();
    const forced = await loadSeed(client, { force: true });
    expect(forced).toMatchObject({ skipped: false, version: again.version });
    expect(forced.counts.mentions).toBeGreaterThan(0);
    expect(await withoutLoadTime()).toBe(first);
    before = await databaseDigest(client);
  });

  it('keeps the database exactly as it was when the write itself fails midway', async () => {
    // A trigger makes the database reject the batch after the deletes and most inserts have run.
    await client.execute(
      "CREATE TRIGGER reject_mentions BEFORE INSERT ON mentions BEGIN SELECT RAISE(ABORT, 'boom'); END",
    );
    try {
      await expect(loadSeed(client, { force: true })).rejects.toThrow(/boom/);
      expect(await databaseDigest(client)).toBe(before);
    } finally {
      await client.execute('DROP TRIGGER reject_mentions');
    }
  });
});

describe('refusals', () => {
  it('span text that is not in the article', async () => {
    seed.edit(FILE, 'span: "Trần Hòe"', 'span: "Trần Hòe Hòe"');
    await expectRefusal('authors[0].span', /not found in the article/);
  });

  it('span text that occurs more than once without an occurrence', async () => {
    seed.edit(FILE, 'span: "Trần Hòe"', 'span: "Thừa Thiên Huế"');
    await expectRefusal('authors[0].span', /ambiguous: it occurs \d+ times/);
  });

  it('span text found only in page chrome', async () => {
    seed.edit(FILE, 'span: "Trần Hòe"', 'span: "Vui lòng nhập nội dung bình luận."');
    await expectRefusal('authors[0].span', /only outside the article content/);
  });

  it('an occurrence that does not exist', async () => {
    seed.edit(FILE, 'span: "Trần Hòe"', 'span: { text: "Trần Hòe", occurrence: 7 }');
    await expectRefusal('authors[0].span', /occurrence 7 does not exist/);
  });

  it('a dangling reference', async () => {
    seed.edit(FILE, '{ person: tran-hoe,', '{ person: nobody-at-all,');
    await expectRefusal('authors[0].person', /dangling reference: no file declares person:nobody-at-all/);
  });

  it('a duplicate identifier', async () => {
    seed.edit(
      FILE,
      '  - slug: tran-hoe\n    name: Trần Hòe\n',
      '  - slug: tran-hoe\n    name: Trần Hòe\n  - slug: tran-hoe\n    name: Trần Hòe\n',
    );
    await expectRefusal('people[1]', /duplicate identifier: person 'tran-hoe'/);
  });

  it('an invalid date', async () => {
    seed.edit(FILE, 'value: "2021-09-10"', 'value: "2021-02-30"');
    await expectRefusal('date.value', /invalid date '2021-02-30' for precision DAY/);
  });

  it('an invalid publication date-time', async () => {
    seed.edit(FILE, 'local: "2021-09-10T19:30"', 'local: "10/09/2021 19:30"');
    await expectRefusal('article.published.local', /invalid local date-time/);
  });

  it('an unknown kind', async () => {
    seed.edit(FILE, 'kind: PROVINCIAL_GOVERNMENT', 'kind: PROVINCE_GOVT');
    await expectRefusal('kind', /unknown kind 'PROVINCE_GOVT'/);
  });

  it('an unknown field (a typo must not be ignored)', async () => {
    seed.edit(FILE, '    name: Trần Hòe\n', '    name: Trần Hòe\n    contry: VN\n');
    await expectRefusal('contry', /unknown field 'contry'/);
  });

  it('two articles that define the same entity differently', async () => {
    seed.edit(FILE, '    name: Tập đoàn Đất đai và nhà ở Hàn Quốc\n', '    name: Tập đoàn LH\n');
    await expectRefusal('lh.name', /conflicting definitions of org 'lh'/);
  });

  it('YAML that does not parse', async () => {
    seed.edit(FILE, 'languages: [vi]', 'languages: [vi');
    await expectRefusal('(file)', /YAML does not parse/);
  });

  it('an entity declared but never mentioned', async () => {
    seed.edit(FILE, 'people:\n', 'people:\n  - slug: ghost-person\n    name: Ghost Person\n');
    await expectRefusal('ghost-person', /declared but never mentioned/);
  });

  it('a conflict whose claims agree', async () => {
    seed.edit('conflicts.yaml', /value: "?388\/QĐ-BXD"?/, 'value: "38/QĐ-BXD"');
    await expectRefusal('claims', /same value/, 'conflicts.yaml');
  });

  it('an entry that is not a mapping', async () => {
    seed.edit(FILE, 'people:\n', 'people:\n  - just-a-name\n');
    await expectRefusal('people[0]', /^must be a mapping$/);
  });

  it('a list written as a single value', async () => {
    seed.edit(FILE, 'languages: [vi]', 'languages: vi');
    await expectRefusal('article.languages', /^must be a list of non-empty strings$/);
  });

  it('a reference with a prefix that names no kind', async () => {
    seed.edit(FILE, /^mentions:\n/m, 'mentions:\n  - { ref: human:tran-hoe, forms: ["Trần Hòe"] }\n');
    await expectRefusal(
      'mentions[0].ref',
      /^'human:tran-hoe' is not a reference \(person:\|org:\|place:\|document:\|project:\|event: \+ slug\)$/,
    );
  });

  it('a mention with both forms and a span', async () => {
    seed.edit(
      FILE,
      /^mentions:\n/m,
      'mentions:\n  - { ref: person:tran-hoe, forms: ["Trần Hòe"], span: "Trần Hòe" }\n',
    );
    await expectRefusal('mentions[0]', /^needs exactly one of forms or span$/);
  });

  it('an article text without its curated file', async () => {
    seed.write('articles/005_missing.txt', 'Một bài báo chưa được biên tập.');
    await expectRefusal('(file)', /has no curated file/, 'articles/005_missing.yaml');
  });
});

// A one-article seed written here (not a copy of a real article): page chrome around a short text.
const TINY_TEXT = `Trang chủ | Tin tức
Hà Nội hợp tác phát triển đô thị thông minh
Ông Nguyễn Văn An cho biết Hà Nội sẽ triển khai dự án trong năm nay.
Bình luận của bạn`;
const tinyYaml = (notes: { person?: string; mention?: string; title?: string; file?: string } = {}) => {
  const note = (n: string | undefined, indent: string) =>
    n === undefined ? '' : `\n${indent}review: ${JSON.stringify(n)}`;
  return `${notes.file === undefined ? '' : `review: ${JSON.stringify(notes.file)}\n`}article:
  slug: bai-thu
  added: "2026-12-01"
  languages: [vi]
  content:
    - { lang: vi, from: "Hà Nội hợp tác", to: "trong năm nay." }
  title:
    span: "Hà Nội hợp tác phát triển đô thị thông minh"${note(notes.title, '    ')}
people:
  - slug: nguyen-van-an
    name: Nguyễn Văn An${note(notes.person, '    ')}
places:
  - slug: ha-noi
    name: Hà Nội
    kind: CITY
mentions:
  - { ref: person:nguyen-van-an, forms: ["Nguyễn Văn An"] }
  - ref: place:ha-noi
    forms: ["Hà Nội"]${note(notes.mention, '    ')}
`;
};

describe('review notes', () => {
  const YAML = 'articles/000_tiny.yaml';
  let dir: string;
  let tiny: Client;
  let empty: string;
  beforeAll(async () => {
    tiny = createClient({ url: ':memory:' });
    dir = mkdtempSync(join(tmpdir(), 'seed-review-'));
    mkdirSync(join(dir, 'articles'));
    writeFileSync(join(dir, 'articles/000_tiny.txt'), TINY_TEXT);
  });
  afterAll(() => {
    tiny.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const write = (yaml: string) => writeFileSync(join(dir, YAML), yaml);
  const refusal = async () => {
    const err = await loadSeed(tiny, { dir, force: true }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SeedValidationError);
    return err as SeedValidationError;
  };
  const seedCheck = () =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/seed-check.ts', dir], { encoding: 'utf8' });

  it('the fixture without notes is a valid seed', async () => {
    write(tinyYaml());
    const r = await loadSeed(tiny, { dir, force: true });
    expect(r.counts).toMatchObject({ articles: 1, people: 1, places: 1 });
    empty = await databaseDigest(tiny);
  });

  it('refuses a seed that still has notes, listing each with file, entry and note', async () => {
    write(tinyYaml({ person: 'only the byline gives the name', mention: 'city or province?', title: 'headline cut' }));
    const err = await refusal();
    expect(err.problems).toEqual([]);
    expect(err.reviewNotes.map((n) => [n.file, n.entry, n.reason])).toEqual([
      [YAML, 'article.title', 'headline cut'],
      [YAML, 'people[0].nguyen-van-an', 'only the byline gives the name'],
      [YAML, 'mentions[1]', 'city or province?'],
    ]);
    expect(err.message).toMatch(/still has 3 review notes/);
    expect(err.message).toContain(`${YAML}: people[0].nguyen-van-an: only the byline gives the name`);
    expect(await databaseDigest(tiny)).toBe(empty);
  });

  it('a note on the whole file is listed at (file)', async () => {
    write(tinyYaml({ file: 'drafted from a truncated page' }));
    const err = await refusal();
    expect(err.reviewNotes.map(String)).toEqual([`${YAML}: (file): drafted from a truncated page`]);
    expect(err.message).toMatch(/still has 1 review note \(/);
  });

  it('lists notes and ordinary problems together', async () => {
    write(tinyYaml({ person: 'unsure' }).replace('kind: CITY', 'kind: TOWN'));
    const err = await refusal();
    expect(err.problems.map(String)).toEqual([
      `${YAML}: places[0].ha-noi.kind: unknown kind 'TOWN' (expected one of COUNTRY, PROVINCE, CITY, DISTRICT, URBAN_AREA, ECONOMIC_ZONE, INDUSTRIAL_ZONE, VENUE, RIVER, REGION)`,
    ]);
    expect(err.reviewNotes.map(String)).toEqual([`${YAML}: people[0].nguyen-van-an: unsure`]);
    expect(err.message).toMatch(/seed refused \(1 problem\)[\s\S]*still has 1 review note/);
  });

  it('a note in conflicts.yaml is listed too', async () => {
    write(tinyYaml());
    writeFileSync(
      join(dir, 'conflicts.yaml'),
      `conflicts:
  - slug: ha-noi-role
    subject: place:ha-noi
    field: role
    description: Two readings of the same sentence.
    claims:
      - { article: bai-thu, value: "partner", span: "Hà Nội hợp tác" }
      - { article: bai-thu, value: "owner", span: "Hà Nội sẽ triển khai", review: "does this claim really disagree?" }
`,
    );
    try {
      const err = await refusal();
      expect(err.problems).toEqual([]);
      expect(err.reviewNotes.map(String)).toEqual([
        'conflicts.yaml: conflicts[0].claims[1]: does this claim really disagree?',
      ]);
    } finally {
      rmSync(join(dir, 'conflicts.yaml'));
    }
  });

  it('a blank note is a problem, not a silent pass', async () => {
    write(tinyYaml({ person: ' ' }));
    const err = await refusal();
    expect(err.problems.map(String)).toEqual([
      `${YAML}: people[0].nguyen-van-an.review: must be a non-empty string saying why the entry needs review`,
    ]);
  });

  it('seed:check prints every note and fails; without notes it passes', { timeout: 90_000 }, () => {
    write(tinyYaml({ person: 'only the byline gives the name', mention: 'city or province?' }));
    const refused = seedCheck();
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('still has 2 review notes');
    expect(refused.stderr).toContain(`  ${YAML}: people[0].nguyen-van-an: only the byline gives the name`);
    expect(refused.stderr).toContain(`  ${YAML}: mentions[1]: city or province?`);
    write(tinyYaml());
    const ok = seedCheck();
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^seed ok \(version [0-9a-f]{16}\)/);
  });
});
