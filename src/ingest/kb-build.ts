// Builds the knowledge base the extractor links against: a libSQL database in memory, made by the real
// migrations and the real seed loader from a seed directory.
import { type Client, createClient } from '@libsql/client';
import { loadSeed, readSeedSource } from '../seed/load';
import type { SeedArticleSource } from '../seed/plan';

export async function openKnowledgeBase(dir: string): Promise<{ db: Client; others: SeedArticleSource[] }> {
  const db = createClient({ url: ':memory:' });
  await loadSeed(db, { dir, force: true });
  const source = await readSeedSource(dir);
  return { db, others: source.articles };
}
