// conflicts.yaml: recorded disagreements between (or within) articles, each claim tied to the text of
// the article that makes it.
import type { Entities } from './entities';
import { type Ctx, pathCtx, type SeedProblem } from './problems';
import type { ArticleFacts } from './read';
import { takeReviewNotes } from './review';
import { conflictsFile, parseRef, type Ref, validate } from './schema';
import { resolveSpan, type Span } from './spans';

export interface ConflictRows {
  conflicts: Array<{ slug: string; subject: Ref; field: string; description: string }>;
  claims: Array<{ article: string; conflict: string; value: string } & Span>;
}

export function readConflicts(
  raw: unknown,
  root: Ctx,
  articles: ArticleFacts[],
  entities: Entities,
  reviewNotes: SeedProblem[],
): ConflictRows {
  const out: ConflictRows = { conflicts: [], claims: [] };
  const at = pathCtx(root, raw);
  const taken = takeReviewNotes(raw, at);
  reviewNotes.push(...taken.notes);
  const doc = validate(conflictsFile, taken.doc, at);
  if (!doc) return out;
  const seen = new Set<string>();
  (doc.conflicts ?? []).forEach((c, i) => {
    if (!c) return;
    const cc = root.at('conflicts').at(i);
    const slug = c.slug;
    if (slug && seen.has(slug)) cc.at('slug').fail(`duplicate identifier: conflict '${slug}'`);
    if (slug) seen.add(slug);
    const subject = c.subject ? parseRef(c.subject) : null;
    if (subject && !entities.has(`${subject.type}:${subject.slug}`))
      cc.at('subject').fail(`dangling reference: no file declares ${c.subject}`);
    const claims = c.claims ?? [];
    if (claims.length < 2) cc.at('claims').fail('a conflict needs at least two claims');
    const values = new Set<string>();
    claims.forEach((cl, j) => {
      if (!cl) return;
      const lc = cc.at('claims').at(j);
      const art = articles.find((a) => a.slug === cl.article);
      if (cl.article && !art) {
        lc.at('article').fail(`dangling reference: no article '${cl.article}'`);
        return;
      }
      if (!art || !cl.value) return;
      values.add(cl.value);
      const span = resolveSpan(cl.span, art.text, lc.at('span'));
      if (span && slug) out.claims.push({ article: art.slug, conflict: slug, value: cl.value, ...span });
    });
    if (claims.length >= 2 && values.size < 2)
      cc.at('claims').fail('all claims give the same value: that is agreement, not a conflict');
    if (slug && subject && c.field && c.description)
      out.conflicts.push({ slug, subject, field: c.field, description: c.description });
  });
  return out;
}
