// Text helpers of the extractor: folding, slugs, sentence and paragraph boundaries, and span anchors
// that resolve exactly the way the seed loader resolves them (white space runs match any white space).
import { createHash } from 'node:crypto';
import { fold } from '../lib/text';

export { fold };

export interface Range {
  start: number;
  end: number;
}

export const WORD = /[\p{L}\p{N}\p{M}]/u;
export const isWordAt = (s: string, i: number) => i >= 0 && i < s.length && WORD.test(s[i] as string);

/** Lower-case ASCII slug of a name, at most `max` characters, cut at a hyphen. */
export function slugify(text: string, max = 60): string {
  const s = fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (s.length <= max) return s || 'x';
  const cut = s.slice(0, max);
  return cut.slice(0, cut.lastIndexOf('-') > 10 ? cut.lastIndexOf('-') : max).replace(/-+$/, '');
}

/** Folded, without spaces, hyphens or punctuation: "Kim Hyun-jun" and "Kim Hyun Jun" agree. */
export function compact(text: string): string {
  return fold(text).replace(/[^a-z0-9]+/g, '');
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text.normalize('NFC')).digest('hex').slice(0, 16);
}

const escapeRe = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every occurrence of `text` in `body` (white space flexible, overlapping allowed), in reading order. */
export function occurrences(body: string, text: string): Range[] {
  const t = text.trim();
  if (t === '') return [];
  const re = new RegExp(t.split(/\s+/u).map(escapeRe).join('\\s+'), 'gu');
  const out: Range[] = [];
  for (let m = re.exec(body); m !== null; m = re.exec(body)) {
    out.push({ start: m.index, end: m.index + m[0].length });
    re.lastIndex = m.index + 1;
  }
  return out;
}

export const inRanges = (ranges: Range[], start: number, end: number) =>
  ranges.some((r) => start >= r.start && end <= r.end);

export type SpanRef = string | { text: string; occurrence: number };

/**
 * The seed's way of writing the span [start, end): its text, with the 1-based occurrence when the text
 * occurs more than once (counted among occurrences inside `ranges`, or in the whole body when none).
 */
export function spanRef(body: string, start: number, end: number, ranges?: Range[]): SpanRef {
  const text = body.slice(start, end).replace(/\s+/gu, ' ').trim();
  let hits = occurrences(body, text);
  if (ranges) hits = hits.filter((h) => inRanges(ranges, h.start, h.end));
  if (hits.length <= 1) return text;
  const i = hits.findIndex((h) => h.start === start);
  return { text, occurrence: i < 0 ? 1 : i + 1 };
}

/** Resolves a span reference inside `ranges`; undefined when absent or ambiguous. */
export function resolveRef(body: string, ref: SpanRef, ranges: Range[]): Range | undefined {
  const text = typeof ref === 'string' ? ref : ref.text;
  const hits = occurrences(body, text).filter((h) => inRanges(ranges, h.start, h.end));
  if (typeof ref === 'string') return hits.length === 1 ? hits[0] : undefined;
  return hits[ref.occurrence - 1];
}

/** Trims white space and the given punctuation from both ends of [start, end). */
export function trimRange(body: string, start: number, end: number, punct = /[\s.,;:…!?"“”'‘’()\-–—*]/u): Range {
  let s = start;
  let e = end;
  while (s < e && punct.test(body[s] as string)) s++;
  while (e > s && punct.test(body[e - 1] as string)) e--;
  return { start: s, end: e };
}

/** Paragraphs: maximal runs of non-blank lines... here each non-blank line is a paragraph (pages put one per line). */
export function lines(body: string): Range[] {
  const out: Range[] = [];
  let i = 0;
  for (const line of body.split('\n')) {
    const r = trimRange(body, i, i + line.length, /\s/u);
    if (r.end > r.start) out.push(r);
    i += line.length + 1;
  }
  return out;
}

/** Sentence ranges inside [start, end): split after . ! ? … (not inside numbers like 7/9/2023 or 2.5). */
export function sentences(body: string, start: number, end: number): Range[] {
  const out: Range[] = [];
  let s = start;
  let depth = 0;
  for (let i = start; i < end; i++) {
    const c = body[i] as string;
    if (c === '“') depth++;
    else if (c === '”') depth = Math.max(0, depth - 1);
    if (depth > 0) continue;
    if (/[.!?…]/u.test(c)) {
      const next = body[i + 1];
      if (next !== undefined && i + 1 < end && !/\s|”|"/u.test(next)) continue;
      let j = i + 1;
      while (j < end && /[.!?…”"]/u.test(body[j] as string)) j++;
      const r = trimRange(body, s, j, /\s/u);
      if (r.end > r.start) out.push(r);
      s = j;
      i = j - 1;
    }
  }
  const r = trimRange(body, s, end, /\s/u);
  if (r.end > r.start) out.push(r);
  return out;
}
