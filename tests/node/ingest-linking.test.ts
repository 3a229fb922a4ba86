// Verifies the ingestion draft against the knowledge base built from the real seed: linking across diacritics and romanization, near-names kept apart, event merge, conflicts, new roles, bad input and --json purity.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/index';
import { openKnowledgeBase } from '../../src/ingest/kb-build';
import type { SeedArticleSource } from '../../src/seed/plan';
import { copySeed, type SeedCopy } from '../helpers/seed-copy';

let seed: SeedCopy;
let db: Client;
let others: SeedArticleSource[];
beforeAll(async () => {
  seed = copySeed();
  ({ db, others } = await openKnowledgeBase(seed.dir));
});
afterAll(() => {
  db.close();
  seed.remove();
});

const draft = (text: string) =>
  ingest({ raw: Buffer.from(text), existing: others.map((o) => ({ id: o.id, body: o.body })), others, db });
type Item = Record<string, unknown>;
const section = (d: Record<string, unknown>, k: string) => (d[k] as Item[] | undefined) ?? [];

// Short articles written for these tests (not taken from real pages).
const SIGNING = `Trang chủ / Tin tức
Huế và đối tác Hàn Quốc gặp lại nhau tại lễ ký kết hợp tác đô thị thông minh
Thứ sáu, ngày 10/09/2021 21:00 PM (GMT+7)
Chiều ngày 10/9, UBND tỉnh Thừa Thiên Huế đã tổ chức lễ ký kết trực tuyến với Tập đoàn Đất đai và nhà ở Hàn Quốc (LH) về hợp tác xây dựng đô thị thông minh trên địa bàn tỉnh.
Tại lễ ký kết, ông Kim Hyun-jun, Chủ tịch Tập đoàn Đất đai và nhà ở Hàn Quốc cho biết Tập đoàn sẵn sàng chia sẻ kinh nghiệm phát triển thành phố thông minh với các địa phương của Việt Nam trong những năm tới.
Ông Nguyễn Văn Phóng, Giám đốc Sở Xây dựng tỉnh Thừa Thiên Huế khẳng định: “Tỉnh sẽ tạo mọi điều kiện thuận lợi để các dự án hợp tác được triển khai đúng tiến độ và hiệu quả”.
Nhân dịp này, hai bên cũng trao đổi về kế hoạch tổ chức các đoàn công tác trong năm tới nhằm cụ thể hóa các nội dung đã thống nhất.
Lan Hương
Tin liên quan
Một bài viết khác về giao thông đô thị`;

const DECISION = `Ngày 12/5/2022, Bộ trưởng Bộ Xây dựng đã ký Quyết định số 83/QĐ-BXD phê duyệt văn kiện hỗ trợ kỹ thuật cho một dự án hợp tác về đô thị thông minh.
Theo đó, dự án được thực hiện bằng nguồn vốn viện trợ không hoàn lại và tập trung vào đào tạo cán bộ quản lý đô thị tại các địa phương trên cả nước trong giai đoạn tới.
Ông Lê Hoàng Trung, Phó Cục trưởng Cục Phát triển đô thị cho biết dự án sẽ góp phần nâng cao năng lực quản lý đô thị thông minh cho các địa phương.
Minh Anh`;

describe('linking to the knowledge base', () => {
  it('links known people across romanization variants and keeps near-names apart with a review note', async () => {
    const r = await draft(SIGNING);
    const people = section(r.draft, 'people');
    const kim = people.find((p) => p.slug === 'kim-hyun-jun');
    expect(kim, 'Kim Hyun-jun is the known Kim Hyun Jun').toBeDefined();
    expect(r.summary.linked.find((l) => l.slug === 'kim-hyun-jun')?.evidence).toMatch(
      /romanization|diacritics|same name/,
    );
    const phong = people.find((p) => p.name === 'Nguyễn Văn Phóng');
    expect(phong?.slug).not.toBe('nguyen-van-phuong');
    expect(String(phong?.review)).toContain('nguyen-van-phuong');
    expect(r.summary.uncertain.some((u) => u.what.includes('Nguyễn Văn Phóng'))).toBe(true);
  });

  it('attaches a report of a known event to it, and gives a known person a new role', async () => {
    const r = await draft(SIGNING);
    const ev = section(r.draft, 'events').find((e) => e.kind === 'SIGNING');
    expect(ev?.slug).toBe('ky-ket-mou-hue-lh-2021');
    expect(r.summary.linked.find((l) => l.type === 'event')?.evidence).toMatch(
      /same kind SIGNING, same date 2021-09-10/,
    );
    expect(r.summary.newRoles).toContainEqual({ person: 'kim-hyun-jun', title: 'Chủ tịch', known: ['Tổng Giám đốc'] });
    const roles = section(r.draft, 'roles');
    expect(roles.find((x) => x.person === 'kim-hyun-jun')).toMatchObject({ title: 'Chủ tịch', org: 'lh' });
  });

  it('turns a different number for a known decision into a conflict with both claims', async () => {
    const r = await draft(DECISION);
    const c = r.summary.conflicts[0];
    expect(c?.subject).toBe('document:quyet-dinh-phe-duyet-vkc');
    const [known, ours] = c?.claims ?? [];
    expect(ours).toMatchObject({ value: '83/QĐ-BXD', span: 'Quyết định số 83/QĐ-BXD' });
    expect(['38/QĐ-BXD', '388/QĐ-BXD']).toContain(known?.value);
    const doc = section(r.draft, 'documents').find((d) => d.slug === 'quyet-dinh-phe-duyet-vkc');
    expect(doc?.code, 'a disputed code is left out').toBeUndefined();
    expect(String(doc?.review)).toContain('conflict');
    expect(section(r.draft, 'events')[0]?.slug).toBe('ky-quyet-dinh-phe-duyet-vkc');
  });

  it('puts every span inside the content it chose (the draft passes the seed validator)', async () => {
    const r = await draft(SIGNING);
    expect(r.summary.dropped).toEqual([]);
    const quote = section(r.draft, 'quotes').find((q) => q.kind === 'DIRECT');
    expect(quote?.span).toBe(
      'Tỉnh sẽ tạo mọi điều kiện thuận lợi để các dự án hợp tác được triển khai đúng tiến độ và hiệu quả',
    );
    expect(JSON.stringify(r.draft)).not.toContain('Một bài viết khác');
  });
});

describe('bad input', () => {
  const run = (args: string[]) =>
    spawnSync('npx', ['tsx', 'scripts/ingest.ts', ...args, '--seed', seed.dir], { encoding: 'utf8', timeout: 120_000 });
  const tmp = mkdtempSync(join(tmpdir(), 'ingest-in-'));
  const file = (name: string, data: string | Buffer) => {
    writeFileSync(join(tmp, name), data);
    return join(tmp, name);
  };

  it.each([
    ['empty', file('empty.txt', ''), /empty/],
    ['binary', file('bin.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2])), /binary/],
    ['no article', file('menu.txt', 'Trang chủ\nHotline: 0123\nTin đọc nhiều\nXem thêm'), /no article/],
    [
      'unsupported language',
      file(
        'ko.txt',
        `서울시 스마트시티 협력 소식\n${'서울시는 베트남 하노이와 스마트시티 협력을 위한 양해각서를 체결했다고 밝혔다. '.repeat(8)}`,
      ),
      /unsupported language 'kor'/,
    ],
  ])(
    '%s: a clear message and nothing written',
    async (_name, path, message) => {
      const before = readdirSync(join(seed.dir, 'articles')).length;
      const r = run([path]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(readdirSync(join(seed.dir, 'articles')).length).toBe(before);
    },
    180_000,
  );

  it('a text already ingested: says so and writes nothing', () => {
    const r = run([join(seed.dir, 'articles', '002_4d44dfa6042bb869.txt')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/already ingested as articles\/002_4d44dfa6042bb869\.txt/);
  }, 180_000);

  it('--json writes nothing and prints only the JSON draft on stdout', () => {
    const before = readdirSync(join(seed.dir, 'articles')).length;
    const out = execFileSync(
      'npx',
      [
        'tsx',
        'scripts/ingest.ts',
        file('a.txt', DECISION),
        '--json',
        '--url',
        'https://example.org/a',
        '--seed',
        seed.dir,
      ],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const parsed = JSON.parse(out);
    expect(parsed.draft.article.url).toBe('https://example.org/a');
    expect(readdirSync(join(seed.dir, 'articles')).length).toBe(before);
  }, 180_000);
});
