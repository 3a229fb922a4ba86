// Finds where the query's words occur in a field's text and cuts a short snippet around the best of them.
// Pure: works on the original text, using the length-preserving fold so offsets carry over unchanged.
import { foldPreserving, words } from './text';

export interface Span {
  start: number;
  end: number;
}

/** A query word, folded; `prefix` when it may be the start of a longer word (the last word typed). */
export interface QueryTerm {
  folded: string;
  prefix: boolean;
}

/** A snippet is the whole text when the text is at most this long, else a window of about this length. */
export const SNIPPET_LENGTH = 160;
/** How much text a window keeps before its first match. */
const LEAD = 40;
const ELLIPSIS = '…';

/**
 * The occurrences of the query's words in `text`, in order: a whole word equal to a term, or for a prefix
 * term the part of a word that the term covers (`man` in `Mạnh` highlights `Mạn`).
 */
export function findMatches(text: string, terms: readonly QueryTerm[]): Array<Span & { term: number }> {
  const out: Array<Span & { term: number }> = [];
  for (const w of words(foldPreserving(text))) {
    // A whole-word match wins over a prefix match of the same word.
    const whole = terms.findIndex((t) => w.text === t.folded);
    if (whole >= 0) {
      out.push({ start: w.start, end: w.end, term: whole });
      continue;
    }
    const prefix = terms.findIndex((t) => t.prefix && w.text.startsWith(t.folded));
    if (prefix >= 0)
      out.push({ start: w.start, end: w.start + (terms[prefix] as QueryTerm).folded.length, term: prefix });
  }
  return out;
}

const isLow = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
};

export interface Snippet {
  snippet: string;
  /** Offsets into `snippet`. */
  highlights: Span[];
  /** Offsets into the text the snippet was cut from. */
  matches: Span[];
}

/**
 * Cuts the snippet: the whole text when short, otherwise the window of about SNIPPET_LENGTH units that
 * holds the most distinct query words (the earliest such window), cut at spaces and marked with `…`.
 */
export function makeSnippet(text: string, terms: readonly QueryTerm[]): Snippet {
  const found = findMatches(text, terms);
  const matches = found.map(({ start, end }) => ({ start, end }));
  if (text.length <= SNIPPET_LENGTH) return { snippet: text, highlights: matches, matches };

  let from = 0;
  let bestCount = -1;
  for (const anchor of found) {
    const start = Math.max(0, anchor.start - LEAD);
    const distinct = new Set(
      found.filter((m) => m.start >= start && m.end <= start + SNIPPET_LENGTH).map((m) => m.term),
    );
    if (distinct.size > bestCount) {
      bestCount = distinct.size;
      from = start;
    }
  }
  let to = Math.min(text.length, from + SNIPPET_LENGTH);
  // Cut at spaces when one is near, never inside a match or between the halves of a surrogate pair.
  const firstInside = found.find((m) => m.start >= from);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space >= 0 && space < from + 20 && (!firstInside || space < firstInside.start)) from = space + 1;
    if (isLow(text, from)) from++;
  }
  if (to < text.length) {
    const lastInside = found.filter((m) => m.end <= to && m.start >= from).at(-1);
    const space = text.lastIndexOf(' ', to);
    if (space > from && space > to - 20 && (!lastInside || space >= lastInside.end)) to = space;
    if (isLow(text, to)) to--;
  }
  while (from < to && /\s/.test(text[from] as string)) from++;
  while (to > from && /\s/.test(text[to - 1] as string)) to--;

  const head = from > 0 ? ELLIPSIS : '';
  const tail = to < text.length ? ELLIPSIS : '';
  const highlights = matches
    .filter((m) => m.start >= from && m.end <= to)
    .map((m) => ({ start: m.start - from + head.length, end: m.end - from + head.length }));
  return { snippet: head + text.slice(from, to) + tail, highlights, matches };
}
