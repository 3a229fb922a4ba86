// The page around the article: which lines are the article (content ranges), its title, date, byline,
// publisher, and which lines are photo captions or headline repeats.
import { franc } from 'franc';
import { CHROME_LINE, CHROME_STOP, COUNTRIES, HONORIFICS, VI_PROVINCES } from './lexicon';
import { lines, type Range } from './text';
import type { Meta } from './types';

const VI_LETTERS = /[àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ]/giu;
const DATE_RE = /\b\d{1,2}\/\d{1,2}\/\d{4}\b/u;

/** vi when the line carries Vietnamese letters, en otherwise (short lines have too little for n-grams). */
export function lineLang(text: string): 'vi' | 'en' {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const vi = text.match(VI_LETTERS)?.length ?? 0;
  return letters > 0 && vi / letters < 0.02 ? 'en' : 'vi';
}

/** ISO 639-3 code of the text's language (franc), or 'und'. */
export function detectLanguage(text: string): string {
  return franc(text, { minLength: 20 });
}

const wordCount = (s: string) => s.split(/\s+/u).filter((w) => /\p{L}/u.test(w)).length;
const isChrome = (s: string) => CHROME_LINE.test(s);
const isDateLine = (s: string) => DATE_RE.test(s) && wordCount(s.replace(DATE_RE, '')) <= 6;

export class PageError extends Error {}

/** Name-like token run: every word capitalized, 2–4 words, no digits. */
function nameGroup(s: string): { name: string; honorifics: string[] } | undefined {
  let rest = s.trim().replace(/\s*\*+$/u, '');
  const hons: string[] = [];
  for (let again = true; again; ) {
    again = false;
    for (const h of HONORIFICS) {
      if (rest.startsWith(`${h} `) && /[A-Z.]/u.test(h)) {
        hons.push(h);
        rest = rest.slice(h.length).trim();
        again = true;
      }
    }
  }
  const words = rest.split(/\s+/u);
  if (words.length < 2 || words.length > 4) return undefined;
  if (!words.every((w) => /^\p{Lu}[\p{Ll}\p{M}]*$/u.test(w))) return undefined;
  if (VI_PROVINCES.has(rest) || rest in COUNTRIES) return undefined;
  return { name: rest, honorifics: hons };
}

function parsePublished(body: string, r: Range): Meta['published'] | undefined {
  const s = body.slice(r.start, r.end);
  const pats: Array<[RegExp, (m: RegExpExecArray) => [string, string, string, string, string, string?]]> = [
    [
      /(\d{1,2})\/(\d{1,2})\/(\d{4})\s*\|?\s*(\d{1,2}):(\d{2})(?:\s*(AM|PM|SA|CH))?/iu,
      (m) => [m[3], m[2], m[1], m[4], m[5], m[6]] as [string, string, string, string, string, string?],
    ],
    [
      /(\d{1,2}):(\d{2})(?:\s*(AM|PM))?\s*\|?\s*(?:ngày\s*)?(\d{1,2})\/(\d{1,2})\/(\d{4})/iu,
      (m) => [m[6], m[5], m[4], m[1], m[2], m[3]] as [string, string, string, string, string, string?],
    ],
  ];
  for (const [re, pick] of pats) {
    const m = re.exec(s);
    if (!m) continue;
    const [y, mo, d, hh, mm, ampm] = pick(m);
    let h = Number(hh);
    if (/PM|CH/iu.test(ampm ?? '') && h < 12) h += 12;
    if (/AM|SA/iu.test(ampm ?? '') && h === 12) h = 0;
    const local = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}T${String(h).padStart(2, '0')}:${mm}`;
    let start = r.start + m.index;
    let end = start + m[0].length;
    const before = /(?:Thứ \S+|Chủ nhật),?\s*(?:ngày\s*)?$/iu.exec(body.slice(r.start, start));
    if (before) start = r.start + before.index;
    const gmt = /^\s*\(?(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?\)?/iu.exec(body.slice(end, r.end));
    let offset: string | undefined;
    if (gmt) {
      offset = `${gmt[1]}${(gmt[2] as string).padStart(2, '0')}:${gmt[3] ?? '00'}`;
      end += gmt[0].length;
    }
    return { local, offset, span: { start, end } };
  }
  return undefined;
}

/** Finds the article in a captured page. Throws PageError when there is none. */
export function readPage(body: string): Omit<Meta, 'id' | 'slug' | 'url' | 'added'> {
  const ls = lines(body);
  const text = (r: Range) => body.slice(r.start, r.end);
  const ti = ls.findIndex((l) => !isChrome(text(l)) && !isDateLine(text(l)) && wordCount(text(l)) >= 4);
  if (ti < 0) throw new PageError('no article found: the page has no headline-like line');
  const title = ls[ti] as Range;
  let first = ti;
  const prev = ls[ti - 1];
  if (prev && isDateLine(text(prev)) && !isChrome(text(prev))) first = ti - 1;
  let stop = ls.findIndex((l, i) => i > ti && CHROME_STOP.test(text(l)));
  if (stop < 0) stop = ls.length;
  const kept = ls.slice(first, stop).map((l, i) => ({ ...l, i: first + i, chrome: isChrome(text(l)) }));
  while (kept.length > 0 && kept[kept.length - 1]?.chrome) kept.pop();
  const words = kept.filter((k) => !k.chrome).reduce((n, k) => n + wordCount(text(k)), 0);
  if (words < 40) throw new PageError(`no article found: only ${words} words of text outside page chrome`);

  // Content ranges: runs of non-chrome lines, split where the language changes.
  const content: Meta['content'] = [];
  let cur: (Range & { lang: string; last: number }) | undefined;
  for (const k of kept) {
    if (k.chrome) {
      cur = undefined;
      continue;
    }
    const letters = text(k).match(/\p{L}/gu)?.length ?? 0;
    const lang = letters < 3 && cur ? (cur.lang as 'vi' | 'en') : lineLang(text(k));
    if (cur && cur.lang === lang && cur.last === k.i - 1) {
      cur.end = k.end;
      cur.last = k.i;
      continue;
    }
    // A short line (a credit, a name) keeps the language of the run it continues.
    if (cur && cur.last === k.i - 1 && wordCount(text(k)) < 6 && lang === 'vi' && cur.lang === 'en') {
      cur = { start: k.start, end: k.end, lang, last: k.i };
      content.push(cur);
      continue;
    }
    cur = { start: k.start, end: k.end, lang, last: k.i };
    content.push(cur);
  }
  const ranges = content.map(({ start, end, lang }) => ({ start, end, lang }));
  const langs = [...new Set(ranges.map((r) => r.lang))].sort((a, b) => (a === 'vi' ? -1 : b === 'vi' ? 1 : 0));
  const body0 = kept.filter((k) => !k.chrome);

  // Date: in the lines around the headline.
  let published: Meta['published'];
  for (const k of body0.slice(0, 6)) {
    published = parsePublished(body, k);
    if (published) break;
  }

  // Byline: a short name-only line near the top or at the very end.
  const authors: Meta['authors'] = [];
  const near = [...body0.slice(0, 6).filter((k) => k.i !== ti), ...body0.slice(-2)];
  for (const k of near) {
    let line = text(k);
    const cut = /\s+\d{1,2}:\d{2}\b.*$|\s+\d{1,2}\/\d{1,2}\/\d{4}.*$/u.exec(line);
    if (cut) line = line.slice(0, cut.index);
    const groups = line.split(/\s*[;,]\s*|\s+[-–]\s+/u);
    const found = groups.map(nameGroup);
    if (found.length === 0 || found.some((g) => g === undefined)) continue;
    let at = k.start;
    for (const g of found as Array<{ name: string; honorifics: string[] }>) {
      const s = body.indexOf(g.name, at);
      const hs = g.honorifics.length > 0 ? body.lastIndexOf(g.honorifics[0] as string, s) : s;
      authors.push({ name: g.name, honorifics: g.honorifics, span: { start: hs, end: s + g.name.length } });
      at = s + g.name.length;
    }
    if (authors.length > 0) break;
  }

  // Publisher: "(Outlet) - " or "ACRONYM - " opening the lead.
  let publisher: Meta['publisher'];
  for (const k of body0.slice(0, 8)) {
    const m = /^\((\p{Lu}[^()]{1,30})\)\s*(?:[-–]\s*)?(?=\p{L})|^(\p{Lu}{2,6})\s+[-–]\s+/u.exec(text(k));
    if (m && wordCount(text(k)) > 8) {
      const name = (m[1] ?? m[2]) as string;
      const span = m[1]
        ? { start: k.start, end: k.start + name.length + 2 }
        : { start: k.start, end: k.start + name.length };
      publisher = { name, span };
      break;
    }
  }

  // Captions: headline repeats, the line under one, "- Ảnh N" lines and the line under them, and
  // short lines without final punctuation.
  const captions: Range[] = [];
  const titleText = text(title);
  body0.forEach((k, j) => {
    const t = text(k);
    const isRepeat = k.i !== ti && (t === titleText || t.startsWith(`${titleText}-`) || /-\s*Ảnh \d+\.?$/u.test(t));
    const prevK = body0[j - 1];
    const underRepeat =
      prevK !== undefined &&
      prevK.i === k.i - 1 &&
      prevK.i !== ti &&
      (text(prevK) === titleText || /-\s*Ảnh \d+\.?$/u.test(text(prevK)));
    const noFinal = !/[.!?…:;”"]$/u.test(t) && wordCount(t) < 40;
    if (isRepeat || underRepeat || (noFinal && k.i !== ti)) captions.push({ start: k.start, end: k.end });
  });
  return {
    lang: (langs[0] ?? 'vi') as 'vi' | 'en',
    languages: langs,
    content: ranges,
    title,
    published,
    publisher,
    authors,
    captions,
  };
}
