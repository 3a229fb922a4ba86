// Length-preserving text folding and the word tokenizer shared by the search indexer and the query side.
//
// Every function here maps each UTF-16 code unit of its (NFC) input to exactly one code unit, so an offset
// found in a folded copy is the same offset in the original text. That is what lets the search report
// match positions and snippet highlights in the original text although FTS5 only ever sees folded text.

/** Search fold of one code unit: lower case, combining marks stripped, đ/Đ → d. Cached per unit. */
const foldCache = new Map<number, string>();
const lowerCache = new Map<number, string>();

const COMBINING_MARK = /\p{M}/u;
const MARKS = /\p{M}+/gu;

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}

function foldUnit(ch: string): string {
  const code = ch.charCodeAt(0);
  let out = foldCache.get(code);
  if (out !== undefined) return out;
  if (COMBINING_MARK.test(ch)) {
    // A mark left standing alone in NFC text (no precomposed letter exists): it cannot vanish without
    // shifting offsets, so it becomes a separator, on the indexed text and on the query alike.
    out = ' ';
  } else if (ch === 'đ' || ch === 'Đ') {
    out = 'd';
  } else {
    const base = ch.normalize('NFD').replace(MARKS, '');
    const lower = base.toLowerCase();
    if (lower.length === 1) out = lower;
    else {
      // e.g. Hangul syllables decompose into several jamo: keep the letter itself (lower-cased when that
      // stays one unit).
      const own = ch.toLowerCase();
      out = own.length === 1 ? own : ch;
    }
  }
  foldCache.set(code, out);
  return out;
}

function lowerUnit(ch: string): string {
  const code = ch.charCodeAt(0);
  let out = lowerCache.get(code);
  if (out === undefined) {
    const lower = ch.toLowerCase();
    out = lower.length === 1 ? lower : ch;
    lowerCache.set(code, out);
  }
  return out;
}

function mapUnits(text: string, f: (ch: string) => string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += isSurrogate(code) ? text[i] : f(text[i] as string);
  }
  return out;
}

/**
 * Folds NFC text for diacritic-insensitive search: lower case, combining marks removed, đ/Đ → d, one
 * UTF-16 unit out for each unit in (`result.length === text.length`). For ordinary Vietnamese this equals
 * `fold` from src/lib/text.ts; unlike it, it never changes the length (a standalone combining mark
 * becomes a space, a letter whose folding would take two units is kept as it is).
 */
export function foldPreserving(text: string): string {
  return mapUnits(text, foldUnit);
}

/** Lower-cases NFC text unit by unit, keeping the diacritics (`result.length === text.length`). */
export function lowerPreserving(text: string): string {
  return mapUnits(text, lowerUnit);
}

export interface WordSpan {
  start: number;
  end: number;
  /** The word as it stands in the text it was taken from. */
  text: string;
}

/**
 * The words of a (folded) text: maximal runs of letters, digits and private-use characters, which is
 * what SQLite's unicode61 tokenizer treats as token characters by default (categories `L* N* Co`).
 */
export function words(text: string): WordSpan[] {
  const out: WordSpan[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}\p{Co}]+/gu)) {
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

/**
 * Lower-cased copy with diacritics where every non-word character (as `words` sees the folded text)
 * is a space: `' ' + result + ' '` contains `' ' + word + ' '` exactly when the text has that word with
 * exactly those diacritics. Same length as the input.
 */
export function lowerWords(text: string): string {
  const lower = lowerPreserving(text);
  const chars = Array.from({ length: lower.length }, () => ' ');
  for (const w of words(foldPreserving(text))) {
    for (let i = w.start; i < w.end; i++) chars[i] = lower[i] as string;
  }
  return chars.join('');
}

/** Replaces lone surrogates and control/format characters by spaces, so the text is well-formed and printable. */
export function sanitize(text: string): string {
  // With the u flag a well-formed pair is one code point, so the surrogate class matches lone halves only.
  return text.replace(/[\uD800-\uDFFF\p{Cc}\p{Cf}]/gu, ' ');
}
