// Verifies that every example query in README.md returns exactly the output printed under it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness';
import { readExamples } from '../helpers/readme';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe('README examples', () => {
  const examples = readExamples();
  it('has examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(6);
  });
  examples.forEach((ex, i) => {
    it(`example ${i + 1} prints its real output (npm run docs:examples rewrites them)`, async () => {
      // `extensions` (the cost budget) varies from request to request; the README shows the answer.
      const { status, data, errors } = await h.gql(ex.query);
      expect(status).toBe(200);
      expect(errors).toBeUndefined();
      expect({ data }).toEqual(JSON.parse(ex.output));
    });
  });
});
