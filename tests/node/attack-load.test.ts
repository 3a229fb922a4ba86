// Verifies the short load run (bench/load-check.ts --quick): the canonical queries at concurrency 50 against the real Node server on 127.0.0.1, two identical rounds with zero errors, zero non-2xx, no GraphQL errors, and resident memory after round 2 within 10% of round 1.
import { describe, expect, it } from 'vitest';
import { QUICK, runLoad } from '../../bench/load-check';

describe('load (short run)', () => {
  it('serves the canonical queries at concurrency 50 without errors or memory growth', async () => {
    const report = await runLoad({ ...QUICK, connections: 50 });
    const [r1, r2] = report.rounds;
    expect(report.rounds).toHaveLength(2);
    expect(report.operations).toBeGreaterThanOrEqual(6);
    for (const r of report.rounds) {
      expect(r.requests, r.name).toBeGreaterThan(0);
      expect(
        { errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx, graphqlErrors: r.graphqlErrors },
        r.samples.join('\n'),
      ).toEqual({
        errors: 0,
        timeouts: 0,
        non2xx: 0,
        graphqlErrors: 0,
      });
    }
    expect(report.rssGrowth, `RSS ${r1?.rssKb} kB → ${r2?.rssKb} kB`).toBeLessThanOrEqual(0.1);
    expect(report.failures).toEqual([]);
  }, 120_000);
});
