// npm run ingest:eval [-- --seed DIR]: leave-one-out evaluation of the extractor; writes EVALUATION.md.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { evaluate, KINDS, precision, recall } from '../src/ingest/eval';
import { SEED_DIR } from '../src/seed/load';

const { values } = parseArgs({ options: { seed: { type: 'string' }, out: { type: 'string' } } });
const seed = values.seed ?? SEED_DIR;
const ev = await evaluate(seed);
const f = (x: number) => x.toFixed(2);
const rows = KINDS.map((k) => {
  const s = ev.total[k] ?? { gold: 0, pred: 0, hit: 0 };
  return `| ${k} | ${s.gold} | ${s.pred} | ${s.hit} | ${f(precision(s))} | ${f(recall(s))} |`;
});
const perArticle = ev.articles.map(
  (a) =>
    `| ${a.id} | ${KINDS.map((k) => `${a.scores[k]?.hit ?? 0}/${a.scores[k]?.pred ?? 0}/${a.scores[k]?.gold ?? 0}`).join(' | ')} | ${a.chrome} | ${a.wrongLinks.join(', ') || 0} |`,
);
const md = `# Ingestion: leave-one-out evaluation

Date: ${new Date().toISOString().slice(0, 10)}. Command: \`npm run ingest:eval${values.seed ? ` -- --seed ${values.seed}` : ''}\`.

For each curated article, the knowledge base is built from the other articles (real migrations and
loader, in memory), the article's text is drafted by \`src/ingest/\` and compared with its curated file.
A drafted entity matches a curated one when their mentions overlap; roles match on person and title;
quotes on kind, speaker and overlapping span; events on kind and date; a link is right when the drafted
slug equals the curated slug of an entity the other articles know.

| kind | curated | drafted | matched | precision | recall |
| --- | --- | --- | --- | --- | --- |
${rows.join('\n')}
| facts from page chrome | | ${ev.chrome} | | | |
| wrong links | | ${ev.wrongLinks} | | | |

Per article (matched/drafted/curated):

| article | ${KINDS.join(' | ')} | chrome | wrong links |
| --- | ${KINDS.map(() => '---').join(' | ')} | --- | --- |
${perArticle.join('\n')}
`;
writeFileSync(values.out ?? 'EVALUATION.md', md);
console.log(md);
