// Leave-one-out evaluation: for each curated article, the knowledge base is built from the others
// (in a temporary seed directory, loaded by the real loader), the article is drafted and compared
// with its curated file.

import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SECTION_OF_SEED_REF, type SeedRef } from '../domain/entities';
import { ingest } from './index';
import { openKnowledgeBase } from './kb-build';
import { fold, inRanges, isWordAt, occurrences, type Range, resolveRef, type SpanRef } from './text';

type Doc = Record<string, unknown>;
type Item = Record<string, unknown>;
export interface Score {
  gold: number;
  pred: number;
  hit: number;
}
export type Scores = Record<string, Score>;
export const KINDS = [
  'people',
  'speakers',
  'roles',
  'direct quotes',
  'indirect quotes',
  'events',
  'documents',
  'organizations',
  'links',
] as const;

/** Every entity kind's seed reference prefix and YAML section, in registry order. */
const SEED_SECTIONS = Object.entries(SECTION_OF_SEED_REF) as Array<[SeedRef, string]>;

const overlap = (a: Range, b: Range) => a.start < b.end && b.start < a.end;
const list = (d: Doc, k: string) => (Array.isArray(d[k]) ? (d[k] as Item[]) : []);

function contentOf(body: string, doc: Doc): Array<Range & { lang: string }> {
  const whole = [{ start: 0, end: body.length }];
  return list(doc.article as Doc, 'content').map((c) => {
    const f = resolveRef(body, c.from as SpanRef, whole) as Range;
    const t = resolveRef(body, c.to as SpanRef, whole) as Range;
    return { start: f?.start ?? 0, end: t?.end ?? 0, lang: String(c.lang) };
  });
}

/** Every mention range of every entity (`type:slug`), as the loader resolves them. */
function mentionsOf(body: string, doc: Doc, ranges: Range[]): Map<string, Range[]> {
  const out = new Map<string, Range[]>();
  const push = (ref: string, r: Range | undefined) => {
    if (!r) return;
    out.set(ref, [...(out.get(ref) ?? []), r]);
  };
  for (const m of list(doc, 'mentions')) {
    const ref = String(m.ref);
    if (m.span !== undefined) push(ref, resolveRef(body, m.span as SpanRef, ranges));
    for (const f of (m.forms as string[] | undefined) ?? [])
      for (const o of occurrences(body, f))
        if (inRanges(ranges, o.start, o.end) && !isWordAt(body, o.start - 1) && !isWordAt(body, o.end)) push(ref, o);
  }
  return out;
}

interface Side {
  body: string;
  doc: Doc;
  ranges: Range[];
  mentions: Map<string, Range[]>;
}

/** Pred slug → gold slug of the same type, by overlapping mentions (or equal slugs). */
function align(type: string, pred: Side, gold: Side): Map<string, string> {
  const map = new Map<string, string>();
  const prefix = `${type}:`;
  for (const [pref, pr] of pred.mentions) {
    if (!pref.startsWith(prefix)) continue;
    let best: [string, number] | undefined;
    for (const [gref, gr] of gold.mentions) {
      if (!gref.startsWith(prefix)) continue;
      const n = pr.filter((a) => gr.some((b) => overlap(a, b))).length + (gref === pref ? 100 : 0);
      if (n > 0 && (!best || n > best[1])) best = [gref, n];
    }
    if (best) map.set(pref.slice(prefix.length), best[0].slice(prefix.length));
  }
  return map;
}

function count(predN: number, goldN: number, hit: number): Score {
  return { pred: predN, gold: goldN, hit };
}

export function compare(
  body: string,
  predDoc: Doc,
  goldDoc: Doc,
  knownSlugs: Set<string>,
): { scores: Scores; chrome: number; wrongLinks: string[] } {
  const gr = contentOf(body, goldDoc);
  const pr = contentOf(body, predDoc);
  const gold: Side = { body, doc: goldDoc, ranges: gr, mentions: mentionsOf(body, goldDoc, gr) };
  const pred: Side = { body, doc: predDoc, ranges: pr, mentions: mentionsOf(body, predDoc, pr) };
  const people = align('person', pred, gold);
  const scores: Scores = {};
  const entityScore = (section: string, type: string) => {
    const m = align(type, pred, gold);
    const goldSlugs = new Set(list(goldDoc, section).map((x) => String(x.slug)));
    const predSlugs = list(predDoc, section).map((x) => String(x.slug));
    const hits = new Set(
      predSlugs.map((s) => m.get(s)).filter((g): g is string => g !== undefined && goldSlugs.has(g)),
    );
    return count(predSlugs.length, goldSlugs.size, hits.size);
  };
  scores.people = entityScore('people', 'person');
  scores.organizations = entityScore('organizations', 'org');
  scores.documents = entityScore('documents', 'document');
  const spk = (d: Doc, map?: Map<string, string>) =>
    new Set(list(d, 'quotes').map((q) => (map ? (map.get(String(q.speaker)) ?? `?${q.speaker}`) : String(q.speaker))));
  const gs = spk(goldDoc);
  const ps = spk(predDoc, people);
  scores.speakers = count(ps.size, gs.size, [...ps].filter((s) => gs.has(s)).length);
  const roleKey = (r: Item, map?: Map<string, string>) =>
    `${map ? map.get(String(r.person)) : r.person}|${fold(String(r.title))}`;
  const groles = new Set(list(goldDoc, 'roles').map((r) => roleKey(r)));
  const proles = new Set(list(predDoc, 'roles').map((r) => roleKey(r, people)));
  scores.roles = count(proles.size, groles.size, [...proles].filter((r) => groles.has(r)).length);
  for (const kind of ['DIRECT', 'INDIRECT']) {
    const g = list(goldDoc, 'quotes')
      .filter((q) => q.kind === kind)
      .map((q) => ({ s: String(q.speaker), r: resolveRef(body, q.span as SpanRef, gr) }));
    const p = list(predDoc, 'quotes')
      .filter((q) => q.kind === kind)
      .map((q) => ({ s: people.get(String(q.speaker)), r: resolveRef(body, q.span as SpanRef, pr) }));
    const used = new Set<number>();
    let hit = 0;
    for (const q of p) {
      const i = g.findIndex((x, j) => !used.has(j) && x.s === q.s && x.r && q.r && overlap(x.r, q.r));
      if (i >= 0) {
        used.add(i);
        hit++;
      }
    }
    scores[`${kind.toLowerCase()} quotes`] = count(p.length, g.length, hit);
  }
  const evKey = (e: Item) => `${e.kind}|${(e.date as Item | undefined)?.value ?? ''}`;
  const gev = list(goldDoc, 'events').map(evKey);
  const pev = list(predDoc, 'events').map(evKey);
  const left = [...gev];
  let evHit = 0;
  for (const k of pev) {
    const i = left.indexOf(k);
    if (i >= 0) {
      left.splice(i, 1);
      evHit++;
    }
  }
  scores.events = count(pev.length, gev.length, evHit);
  // Links: gold entities the other articles know; pred entities carrying a known slug.
  const wrongLinks: string[] = [];
  let goldKnown = 0;
  let predLinked = 0;
  let linkHit = 0;
  for (const [type, section] of SEED_SECTIONS) {
    const m = type === 'person' ? people : align(type, pred, gold);
    const gslugs = new Set(list(goldDoc, section).map((x) => String(x.slug)));
    goldKnown += [...gslugs].filter((s) => knownSlugs.has(`${type}:${s}`)).length;
    const hits = new Set<string>();
    for (const x of list(predDoc, section)) {
      const s = String(x.slug);
      if (!knownSlugs.has(`${type}:${s}`)) continue;
      predLinked++;
      const g = m.get(s);
      if (g === s || (gslugs.has(s) && g === undefined)) hits.add(s);
      else wrongLinks.push(`${type}:${s} (curated: ${g ?? 'none'})`);
    }
    linkHit += hits.size;
  }
  scores.links = count(predLinked, goldKnown, linkHit);
  // Facts from chrome: any evidence of ours outside the curated content.
  let chrome = 0;
  const spans: Array<Range | undefined> = [];
  for (const rs of pred.mentions.values()) spans.push(...rs);
  for (const k of ['roles', 'quotes'])
    for (const x of list(predDoc, k)) spans.push(resolveRef(body, x.span as SpanRef, pr));
  for (const s of spans) if (s && !inRanges(gr, s.start, s.end)) chrome++;
  return { scores, chrome, wrongLinks };
}

export interface Evaluation {
  articles: Array<{ id: string; scores: Scores; chrome: number; wrongLinks: string[]; dropped: string[] }>;
  total: Scores;
  chrome: number;
  wrongLinks: number;
}

/** Leave-one-out over the curated articles of `seedDir` (articles/*.txt + *.yaml). */
export async function evaluate(seedDir: string): Promise<Evaluation> {
  const dir = join(seedDir, 'articles');
  const ids = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -5))
    .sort();
  const out: Evaluation = { articles: [], total: {}, chrome: 0, wrongLinks: 0 };
  for (const id of ids) {
    const tmp = mkdtempSync(join(tmpdir(), 'ingest-eval-'));
    try {
      mkdirSync(join(tmp, 'articles'));
      for (const o of ids)
        if (o !== id)
          for (const ext of ['txt', 'yaml']) cpSync(join(dir, `${o}.${ext}`), join(tmp, 'articles', `${o}.${ext}`));
      const { db, others } = await openKnowledgeBase(tmp);
      const raw = readFileSync(join(dir, `${id}.txt`));
      const res = await ingest({ raw, existing: others.map((o) => ({ id: o.id, body: o.body })), others, db });
      db.close();
      const known = new Set<string>();
      for (const o of others) {
        const d = parse(o.yaml.text) as Doc;
        for (const [type, section] of SEED_SECTIONS) for (const x of list(d, section)) known.add(`${type}:${x.slug}`);
      }
      const gold = parse(readFileSync(join(dir, `${id}.yaml`), 'utf8')) as Doc;
      const body = raw.toString('utf8').normalize('NFC');
      const r = compare(body, res.draft, gold, known);
      out.articles.push({ id, ...r, dropped: res.summary.dropped });
      for (const [k, s] of Object.entries(r.scores)) {
        const t = out.total[k] ?? { gold: 0, pred: 0, hit: 0 };
        out.total[k] = t;
        t.gold += s.gold;
        t.pred += s.pred;
        t.hit += s.hit;
      }
      out.chrome += r.chrome;
      out.wrongLinks += r.wrongLinks.length;
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  return out;
}

export const precision = (s: Score) => (s.pred === 0 ? 1 : s.hit / s.pred);
export const recall = (s: Score) => (s.gold === 0 ? 1 : s.hit / s.gold);
