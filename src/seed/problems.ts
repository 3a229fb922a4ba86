// How the seed reader reports what is wrong: every problem names its file, its entry and the reason, and
// all of them are collected so a curator sees everything at once before anything is written.
import { ENTITY_KINDS, KINDS, SLUG_PATTERN } from '../domain/entities';

export class SeedProblem {
  constructor(
    readonly file: string,
    readonly entry: string,
    readonly reason: string,
  ) {}
  toString(): string {
    return `${this.file}: ${this.entry}: ${this.reason}`;
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export class SeedValidationError extends Error {
  /**
   * `problems` are mistakes in the seed; `reviewNotes` are `review:` notes a draft still carries (the
   * reason is the note). Either refuses the seed.
   */
  constructor(
    readonly problems: SeedProblem[],
    readonly reviewNotes: SeedProblem[] = [],
  ) {
    const parts: string[] = [];
    if (problems.length > 0)
      parts.push(`seed refused (${plural(problems.length, 'problem')}):\n${problems.map((p) => `  ${p}`).join('\n')}`);
    if (reviewNotes.length > 0)
      parts.push(
        `seed refused: it still has ${plural(reviewNotes.length, 'review note')} (settle each, then delete its \`review:\` line):\n${reviewNotes
          .map((p) => `  ${p}`)
          .join('\n')}`,
      );
    super(parts.join('\n'));
    this.name = 'SeedValidationError';
  }
}

/** Where in the seed a check is looking: a file and a dotted entry path (`events[0].my-event.date`). */
export class Ctx {
  constructor(
    readonly problems: SeedProblem[],
    readonly file: string,
    readonly entry: string,
  ) {}
  at(entry: string | number): Ctx {
    if (typeof entry === 'number') return new Ctx(this.problems, this.file, `${this.entry}[${entry}]`);
    return new Ctx(this.problems, this.file, this.entry ? `${this.entry}.${entry}` : entry);
  }
  fail(reason: string): void {
    this.problems.push(new SeedProblem(this.file, this.entry || '(file)', reason));
  }
}

const ENTITY_SECTIONS = new Set<string>(ENTITY_KINDS.map((k) => KINDS[k].seed.section));
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Maps a path in an article file (`['people', 0, 'name']`) to its entry: inside an entity declaration
 * the slug follows the index (`people[0].tran-hoe.name`), so the entity is named even where the list is long.
 */
export function pathCtx(root: Ctx, doc: unknown): (path: readonly PropertyKey[]) => Ctx {
  return (path) => {
    let c = root;
    path.forEach((seg, i) => {
      c = c.at(typeof seg === 'number' ? seg : String(seg));
      if (i !== 1 || path.length < 3 || path[2] === 'slug' || !ENTITY_SECTIONS.has(String(path[0]))) return;
      const item =
        isObj(doc) && Array.isArray(doc[String(path[0])])
          ? (doc[String(path[0])] as unknown[])[seg as number]
          : undefined;
      const slug =
        isObj(item) && (typeof item.slug === 'string' || typeof item.slug === 'number') ? String(item.slug) : '';
      if (SLUG_PATTERN.test(slug)) c = c.at(slug);
    });
    return c;
  };
}
