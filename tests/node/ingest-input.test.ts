// Verifies ingestion input handling: an HTML page read through Readability, the default write mode (files written, draft loadable by the real loader once review notes are stripped), and a span that is not in the text.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { stripReview, validate } from '../../src/ingest/draft';
import { ingest } from '../../src/ingest/index';
import { openKnowledgeBase } from '../../src/ingest/kb-build';
import type { Summary } from '../../src/ingest/link';
import { loadSeed } from '../../src/seed/load';
import { copySeed } from '../helpers/seed-copy';

const seed = copySeed();
afterAll(() => seed.remove());

// Written for this test, not taken from a real page.
const PARAS = [
  'Sáng ngày 3/4/2025, tại Hà Nội, Bộ Xây dựng đã tổ chức hội thảo về quản lý đô thị thông minh với sự tham gia của nhiều chuyên gia trong nước và quốc tế.',
  'Phát biểu tại hội thảo, ông Trần Quốc Thái, Vụ trưởng Vụ Quy hoạch đô thị cho biết các địa phương cần chuẩn hóa dữ liệu đô thị trước khi triển khai các nền tảng số dùng chung.',
  'Các đại biểu cũng thảo luận về kinh nghiệm xây dựng cơ sở dữ liệu quy hoạch tại nhiều thành phố lớn trong khu vực và đề xuất lộ trình thí điểm phù hợp.',
];
const HTML = `<!doctype html><html><head><title>Hội thảo quản lý đô thị thông minh</title></head><body>
<nav><a href="/">Trang chủ</a> <a href="/a">Thời sự</a></nav>
<article><h1>Hội thảo về quản lý đô thị thông minh tại Hà Nội</h1>
<p class="byline">Thu Trang</p>${PARAS.map((p) => `<p>${p}</p>`).join('')}</article>
<aside><h3>Tin đọc nhiều</h3><ul><li>Giá vàng hôm nay tăng mạnh</li></ul></aside></body></html>`;

describe('input formats and write mode', () => {
  it('reads an HTML page: the page text is stored and the draft covers the article only', async () => {
    const { db, others } = await openKnowledgeBase(seed.dir);
    const r = await ingest({ raw: HTML, fileName: 'page.html', existing: [], others, db });
    db.close();
    expect(r.body).toContain('Trang chủ');
    expect(r.body).toContain('Giá vàng hôm nay');
    const json = JSON.stringify(r.draft);
    expect(json).not.toContain('Giá vàng');
    expect((r.draft.article as Record<string, unknown>).title).toEqual({
      span: 'Hội thảo về quản lý đô thị thông minh tại Hà Nội',
    });
    const q = (r.draft.quotes as Array<Record<string, unknown>>)[0];
    expect(q).toMatchObject({ kind: 'INDIRECT', speaker: 'tran-quoc-thai' });
    expect(r.summary.linked.some((l) => l.slug === 'bo-xay-dung')).toBe(true);
  }, 60_000);

  it('drafts an English article: roles, a straight-quoted direct quote, reported speech, an English name linked', async () => {
    const text = `Home | News
Hanoi and a Korean foundation open a joint urban data lab
10:15 | 05/03/2025
The Ministry of Construction and a Korean partner agreed to work together on data platforms for smart cities in several provinces.
Mr. Park Min-soo, Director of the Busan Urban Data Foundation, said the two sides would open a joint lab for urban data next year.
"We want our engineers to work side by side with their Vietnamese colleagues on real city problems," Mr. Park Min-soo said.
Thu Ha
Related news
Another story about traffic`;
    const { db, others } = await openKnowledgeBase(seed.dir);
    const r = await ingest({ raw: text, existing: [], others, db });
    db.close();
    expect((r.draft.article as Record<string, unknown>).languages).toEqual(['en']);
    expect(r.draft.roles).toEqual([
      expect.objectContaining({ person: 'park-min-soo', title: 'Director', org: 'busan-urban-data-foundation' }),
    ]);
    const quotes = r.draft.quotes as Array<Record<string, unknown>>;
    expect(quotes.map((q) => [q.kind, q.speaker])).toEqual([
      ['INDIRECT', 'park-min-soo'],
      ['DIRECT', 'park-min-soo'],
    ]);
    expect(quotes[1]?.span).toBe(
      'We want our engineers to work side by side with their Vietnamese colleagues on real city problems',
    );
    expect(r.summary.linked.find((l) => l.slug === 'bo-xay-dung')?.evidence).toContain('Ministry of Construction');
  });

  it('writes the text and the draft; the draft loads with the real loader once its review notes are stripped', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ingest-w-')), 'a.txt');
    writeFileSync(
      file,
      `Hội thảo về quản lý đô thị thông minh tại Hà Nội\n\n${PARAS.join('\n\n')}\n\nThu Trang\n\nTin đọc nhiều\nGiá vàng hôm nay tăng mạnh`,
    );
    const before = new Set(readdirSync(join(seed.dir, 'articles')));
    const run = spawnSync('npx', ['tsx', 'scripts/ingest.ts', file, '--seed', seed.dir], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/new entities/);
    expect(run.stdout).toMatch(/linked to known entities/);
    const added = readdirSync(join(seed.dir, 'articles')).filter((f) => !before.has(f));
    expect(added.sort()).toEqual([
      expect.stringMatching(/^005_[0-9a-f]{16}\.txt$/),
      expect.stringMatching(/^005_[0-9a-f]{16}\.yaml$/),
    ]);
    const yamlFile = join(seed.dir, 'articles', added.find((f) => f.endsWith('.yaml')) as string);
    writeFileSync(yamlFile, stringify(stripReview(parse(readFileSync(yamlFile, 'utf8')))));
    const db = createClient({ url: ':memory:' });
    const loaded = await loadSeed(db, { dir: seed.dir, force: true });
    expect(loaded.counts.articles).toBe(6);
    db.close();
  }, 180_000);

  it('a span that is not in the text is refused with its reason and the entry is left out', () => {
    const body = PARAS.join('\n\n');
    const doc = {
      article: {
        slug: 'x-test',
        added: '2026-12-01',
        languages: ['vi'],
        content: [{ lang: 'vi', from: 'Sáng ngày 3/4/2025', to: 'lộ trình thí điểm phù hợp.' }],
        title: { span: 'Sáng ngày 3/4/2025' },
      },
      people: [{ slug: 'tran-quoc-thai', name: 'Trần Quốc Thái' }],
      quotes: [{ kind: 'DIRECT', speaker: 'tran-quoc-thai', span: 'words nobody wrote' }],
      mentions: [{ ref: 'person:tran-quoc-thai', forms: ['Trần Quốc Thái'] }],
    };
    const sum: Summary = { newEntities: [], linked: [], uncertain: [], conflicts: [], newRoles: [], dropped: [] };
    const out = validate(doc, '900_0000000000000000', body, [], sum);
    expect(out.quotes).toEqual([]);
    expect(sum.dropped).toEqual(['quotes[0].span: span text "words nobody wrote" not found in the article']);
  });
});
