// Pins the leave-one-out figures of the extractor over the curated articles as a floor (src/ingest/eval.ts).
import { describe, expect, it } from 'vitest';
import { evaluate, precision, recall } from '../../src/ingest/eval';
import { SEED_DIR } from '../../src/seed/load';

// Reached on the curated seed (see EVALUATION.md); a change to the extractor may raise them, never lower them.
const FLOOR: Record<string, [number, number]> = {
  people: [1, 1],
  speakers: [1, 1],
  roles: [1, 0.84],
  'direct quotes': [1, 1],
  'indirect quotes': [1, 0.94],
  events: [1, 1],
  documents: [0.93, 0.93],
  organizations: [0.86, 0.82],
  links: [1, 0.88],
};

describe('leave-one-out evaluation', () => {
  it('keeps precision and recall per kind at or above the floor, with no chrome facts and no wrong links', async () => {
    const ev = await evaluate(SEED_DIR);
    expect(ev.articles.length).toBe(5);
    for (const [kind, [p, r]] of Object.entries(FLOOR)) {
      const s = ev.total[kind];
      expect(s, kind).toBeDefined();
      if (!s) continue;
      expect(precision(s), `${kind} precision`).toBeGreaterThanOrEqual(p);
      expect(recall(s), `${kind} recall`).toBeGreaterThanOrEqual(r);
    }
    expect(ev.chrome).toBe(0);
    expect(ev.wrongLinks).toBe(0);
  }, 600_000);
});
