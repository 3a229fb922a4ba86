// Scores the values a search matched and collapses them into one ranked hit per entity. Pure, so the
// score is computed in JavaScript from the matched text instead of by FTS5's bm25(): bm25() first counts,
// for every query word, the rows that contain it, a pass over the word's whole doclist that alone takes
// hundreds of milliseconds for common words at 100k articles, however few rows are then ranked.
import { SEARCH_TYPES, type SearchType } from '../domain/entities';
import type { QueryTerm } from './snippet';

const K1 = 1.2;
const B = 0.75;
/**
 * The length a field is normalized against, in words: about the mean over the whole index (article
 * paragraphs, ~37 words, make most of it; names and codes have 1–5), as bm25 would measure it.
 */
export const AVERAGE_FIELD_WORDS = 30;

/** A word as `words` (src/search/text.ts) and SQLite's unicode61 tokenizer see it. */
const WORD = /[\p{L}\p{N}\p{Co}]+/gu;

/**
 * The relevance of a matched value, for one query: BM25's term-frequency saturation and length
 * normalization (k1 = 1.2, b = 0.75) summed over the query's words, times the field's weight. Every word
 * of the query is required, so every matched value has them all; a word's rarity (bm25's IDF) would
 * only weigh an extra occurrence of one word against another, and is left out. What separates values is
 * how often the words occur and how short the value is. Occurrences are counted as highlights are
 * (`findMatches`): a whole word, or the start of a word for the last one typed.
 */
export function fieldScorer(terms: readonly QueryTerm[]): (folded: string, weight: number) => number {
  const whole = new Map<string, number>();
  for (const [i, t] of terms.entries()) if (!whole.has(t.folded)) whole.set(t.folded, i);
  const prefixes = [...terms.entries()].filter(([, t]) => t.prefix);
  return (folded, weight) => {
    const tf = terms.map(() => 0);
    // Only counts are needed here, not offsets: plain string matches are the cheap form of `words`.
    const ws = folded.match(WORD) ?? [];
    for (const w of ws) {
      let term = whole.get(w);
      if (term === undefined) term = prefixes.find(([, t]) => w.startsWith(t.folded))?.[0];
      if (term !== undefined) tf[term] = (tf[term] as number) + 1;
    }
    const norm = K1 * (1 - B + (B * ws.length) / AVERAGE_FIELD_WORDS);
    let sum = 0;
    for (const f of tf) sum += (f * (K1 + 1)) / (f + norm);
    return weight * sum;
  };
}

export interface Candidate {
  /** The search_documents row; the tie-break between two values of one entity. */
  id: number;
  type: SearchType;
  entityId: number;
  /** How many of the query's accented words the value has with exactly those accents. */
  exact: number;
  score: number;
}

const TYPE_RANK = new Map<string, number>(SEARCH_TYPES.map((t, i) => [t, i]));

/**
 * One candidate per entity (its best value: most exact accents, then best score, then lowest row id),
 * best first: by exact accents, score, entity type (the order of SEARCH_TYPES), entity id.
 */
export function rankCandidates<T extends Candidate>(candidates: readonly T[]): T[] {
  const best = new Map<string, T>();
  for (const c of candidates) {
    const key = `${c.type}:${c.entityId}`;
    const held = best.get(key);
    if (
      !held ||
      c.exact > held.exact ||
      (c.exact === held.exact && (c.score > held.score || (c.score === held.score && c.id < held.id)))
    )
      best.set(key, c);
  }
  return [...best.values()].sort(
    (a, b) =>
      b.exact - a.exact ||
      b.score - a.score ||
      (TYPE_RANK.get(a.type) as number) - (TYPE_RANK.get(b.type) as number) ||
      a.entityId - b.entityId,
  );
}
