// Runs every README example against the real seed and writes its actual output under it.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHarness } from '../tests/helpers/harness';
import { README, readExamples } from '../tests/helpers/readme';

const h = await createHarness();
let text = readFileSync(README, 'utf8');
// Replace from the end so earlier offsets stay valid.
for (const ex of readExamples(text).reverse()) {
  const { data, errors } = await h.gql(ex.query);
  if (errors) throw new Error(`README example failed: ${JSON.stringify(errors)}\n${ex.query}`);
  text = `${text.slice(0, ex.outputStart)}${JSON.stringify({ data }, null, 2)}\n${text.slice(ex.outputEnd)}`;
}
writeFileSync(README, text);
h.close();
console.log(`wrote ${readExamples(text).length} example outputs into README.md`);
