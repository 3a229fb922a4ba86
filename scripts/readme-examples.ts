// Runs every README example against the real seed and writes its actual output under it.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHarness } from '../tests/helpers/harness';
import { README, readExamples } from '../tests/helpers/readme';

const h = await createHarness();
let text = readFileSync(README, 'utf8');
// Replace from the end so earlier offsets stay valid.
for (const ex of readExamples(text).reverse()) {
  const { status: _status, ...body } = await h.gql(ex.query);
  text = `${text.slice(0, ex.outputStart)}${JSON.stringify(body, null, 2)}\n${text.slice(ex.outputEnd)}`;
}
writeFileSync(README, text);
h.close();
console.log(`wrote ${readExamples(text).length} example outputs into README.md`);
