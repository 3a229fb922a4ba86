// Turns the curated seed files into rows. Pure: no database, no file system. Every problem is collected
// with its file, entry and reason, so a curator sees all of them at once and nothing is written.
// The steps live apart: schema.ts validates each document, spans.ts finds quoted text in the article,
// read.ts / entities.ts / conflicts.ts read the facts and cross-file rules, assemble.ts builds the rows.
import { KINDS } from '../domain/entities';
import { assemble, type Plan } from './assemble';
import { readConflicts } from './conflicts';
import { declareEntity, type Entities, reportCycles } from './entities';
import { Ctx, pathCtx, SeedProblem, SeedValidationError } from './problems';
import { type ArticleFacts, rawItem, readArticle, readFacts, type UseRef } from './read';
import { takeReviewNotes } from './review';
import { articleFile, ENTITY_SECTIONS, type EntityEntry, type Salvaged, validate } from './schema';

export type { Plan } from './assemble';
export { SeedProblem, SeedValidationError } from './problems';
export type { Row } from './read';
export { parseDate, parseRef } from './schema';
export type { Span } from './spans';

export interface SeedFile {
  /** Path shown in messages, e.g. `articles/001_bf81e270833bc859.yaml`. */
  name: string;
  text: string;
}
export interface SeedArticleSource {
  /** Source identifier: the .txt file name without extension. */
  id: string;
  body: string;
  yaml: SeedFile;
}
export interface SeedSource {
  articles: SeedArticleSource[];
  conflicts?: SeedFile;
}

/**
 * Builds every row of the knowledge base from the seed. Throws SeedValidationError listing all problems
 * (and every `review:` note still in the seed). `parseYaml` is injected so this module stays free of
 * Node-only imports.
 */
export function buildPlan(source: SeedSource, parseYaml: (text: string) => unknown): Plan {
  const problems: SeedProblem[] = [];
  const reviewNotes: SeedProblem[] = [];
  const entities: Entities = new Map();
  const refUses: Array<{ ref: string; ctx: Ctx }> = [];
  const articles: ArticleFacts[] = [];
  const articleSlugs = new Map<string, string>(); // slug -> file

  const useRef: UseRef = (type, slug, ctx) => {
    if (slug !== undefined) refUses.push({ ref: `${type}:${slug}`, ctx });
  };
  const parse = (f: SeedFile): unknown => {
    try {
      return parseYaml(f.text);
    } catch (err) {
      problems.push(new SeedProblem(f.name, '(file)', `YAML does not parse: ${(err as Error).message.split('\n')[0]}`));
      return undefined;
    }
  };

  const sortedArticles = [...source.articles].sort((a, b) => a.id.localeCompare(b.id));
  for (const src of sortedArticles) {
    const file = src.yaml.name;
    if (src.yaml.text.trim() === '') {
      problems.push(new SeedProblem(file, '(file)', `article ${src.id} has no curated file (or it is empty)`));
      continue;
    }
    if (src.body === '') {
      problems.push(new SeedProblem(file, '(file)', `no article text articles/${src.id}.txt for this file`));
      continue;
    }
    const parsed = parse(src.yaml);
    if (parsed === undefined) continue;
    const root = new Ctx(problems, file, '');
    const at = pathCtx(root, parsed);
    const { doc: raw, notes } = takeReviewNotes(parsed, at);
    reviewNotes.push(...notes);
    const doc = validate(articleFile, raw, at);
    if (!doc?.article) continue;

    const facts = readArticle(src, doc.article, root.at('article'), useRef);
    const prev = articleSlugs.get(facts.slug);
    if (prev) root.at('article.slug').fail(`duplicate article slug '${facts.slug}' (also in ${prev})`);
    articleSlugs.set(facts.slug, file);
    articles.push(facts);

    for (const { section, ref } of ENTITY_SECTIONS) {
      const seen = new Set<string>();
      (
        ((doc as Record<string, unknown>)[section] as Array<Salvaged<EntityEntry> | undefined> | undefined) ?? []
      ).forEach((item, i) => {
        const ctx = root.at(section).at(i);
        if (!item?.slug) return;
        if (seen.has(item.slug)) {
          ctx.fail(`duplicate identifier: ${ref} '${item.slug}' is declared twice in this file`);
          return;
        }
        seen.add(item.slug);
        const given = rawItem(raw, section, i);
        declareEntity(ref, item.slug, item, given, ctx.at(item.slug), facts, entities, useRef);
      });
    }
    readFacts(doc, raw, root, facts, useRef);
  }

  // References must name an entity that some file declares.
  for (const u of refUses) {
    if (!entities.has(u.ref)) u.ctx.fail(`dangling reference: no file declares ${u.ref}`);
  }
  // A quote's role key names a role of the same speaker in the same file.
  for (const a of articles) {
    for (const q of a.quotes) {
      if (!q.roleKey) continue;
      const role = a.roles.find((r) => r.key === q.roleKey);
      if (!role) q.ctx.at('role').fail(`no role with key '${q.roleKey}' in this file`);
      else if (role.person !== q.speaker)
        q.ctx.at('role').fail(`role '${q.roleKey}' belongs to ${role.person}, not ${q.speaker}`);
    }
  }
  // Every declared entity is mentioned in the file that declares it.
  for (const a of articles) {
    const mentioned = new Set(a.mentions.map((m) => `${m.type}:${m.slug}`));
    for (const d of a.declared) {
      if (!mentioned.has(`${d.type}:${d.slug}`))
        d.ctx.fail(`${d.type} '${d.slug}' is declared but never mentioned in this article`);
    }
  }
  // Containment (organizations, places) and sub-events must not loop.
  for (const k of [KINDS.Organization, KINDS.Place, KINDS.Event])
    reportCycles(entities, k.seed.ref, 'parent', problems);

  const conflictsDoc = source.conflicts ? parse(source.conflicts) : undefined;
  const conflictRows =
    source.conflicts && conflictsDoc !== undefined
      ? readConflicts(conflictsDoc, new Ctx(problems, source.conflicts.name, ''), articles, entities, reviewNotes)
      : { conflicts: [], claims: [] };

  if (problems.length > 0 || reviewNotes.length > 0) throw new SeedValidationError(problems, reviewNotes);
  return assemble(articles, entities, conflictRows);
}
