// Review notes: a draft seed file (e.g. one a tool wrote from an article) may carry `review: "<why it is
// unsure>"` on any entry. The notes are taken out before validation, and a seed that still has any is refused.
import { type Ctx, SeedProblem } from './problems';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Returns `doc` without its `review:` keys, and every note with the entry that carries it. */
export function takeReviewNotes(
  doc: unknown,
  at: (path: readonly PropertyKey[]) => Ctx,
): { doc: unknown; notes: SeedProblem[] } {
  const notes: SeedProblem[] = [];
  const walk = (v: unknown, path: PropertyKey[]): unknown => {
    if (Array.isArray(v)) return v.map((x, i) => walk(x, [...path, i]));
    if (!isObj(v)) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (k !== 'review') out[k] = walk(x, [...path, k]);
      else {
        // Located through the key itself, so an entity's note is named by its slug like its other problems.
        const c = at([...path, k]);
        if (typeof x === 'string' && x.trim() !== '')
          notes.push(new SeedProblem(c.file, c.entry.replace(/\.?review$/, '') || '(file)', x.trim()));
        else c.fail('must be a non-empty string saying why the entry needs review');
      }
    }
    return out;
  };
  return { doc: walk(doc, []), notes };
}
