// Span resolution: finds the text a seed entry quotes inside the article's content ranges and turns it
// into [start, end) offsets. Nobody types offsets; a span that is missing or ambiguous is refused.
import { isWordChar } from '../lib/text';
import type { Ctx } from './problems';

export interface Span {
  start: number;
  end: number;
}

/** A span as written (after validation): its text and, when the text repeats, which occurrence. */
export interface SpanSpec {
  text: string;
  occurrence?: number | undefined;
}

export class ArticleText {
  constructor(
    readonly body: string,
    readonly content: Array<Span & { lang: string }>,
  ) {}
  inContent(start: number, end: number): boolean {
    return this.content.some((r) => start >= r.start && end <= r.end);
  }
  /**
   * All occurrences of `text` in the whole body (chrome included), in reading order. A run of white
   * space in `text` matches any run of white space (pages mix spaces, no-break spaces and newlines).
   */
  occurrencesAnywhere(text: string): Span[] {
    const pattern = text
      .trim()
      .split(/\s+/u)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('\\s+');
    const out: Span[] = [];
    const re = new RegExp(pattern, 'gu');
    for (let m = re.exec(this.body); m !== null; m = re.exec(this.body)) {
      out.push({ start: m.index, end: m.index + m[0].length });
      re.lastIndex = m.index + 1; // overlapping occurrences count too
    }
    return out;
  }
  occurrences(text: string): Span[] {
    return this.occurrencesAnywhere(text).filter((o) => this.inContent(o.start, o.end));
  }
  /** Occurrences of a surface form in the content that start and end at word boundaries. */
  formOccurrences(form: string): Span[] {
    return this.occurrences(form).filter((o) => !isWordChar(this.body, o.start - 1) && !isWordChar(this.body, o.end));
  }
}

/** Resolves a validated span against the article; reports a missing, chrome-only or ambiguous text at `ctx`. */
export function resolveSpan(spec: SpanSpec | undefined, art: ArticleText, ctx: Ctx): Span | undefined {
  if (!spec) return undefined;
  const hits = art.occurrences(spec.text);
  const short = spec.text.length > 60 ? `${spec.text.slice(0, 57)}...` : spec.text;
  if (hits.length === 0) {
    ctx.fail(
      art.occurrencesAnywhere(spec.text).length > 0
        ? `span text "${short}" occurs only outside the article content (page chrome)`
        : `span text "${short}" not found in the article`,
    );
    return undefined;
  }
  if (spec.occurrence === undefined) {
    if (hits.length > 1) {
      ctx.fail(`span text "${short}" is ambiguous: it occurs ${hits.length} times; add an occurrence`);
      return undefined;
    }
    return hits[0];
  }
  const at = hits[spec.occurrence - 1];
  if (at === undefined) {
    ctx.fail(`span text "${short}" occurs ${hits.length} time(s); occurrence ${spec.occurrence} does not exist`);
    return undefined;
  }
  return at;
}
