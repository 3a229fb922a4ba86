// `dataset`: which load of the knowledge base the API serves, so a client without webhooks can poll for
// change with one tiny request (its ETag, or `version`, changes exactly when the data does).
import { sql } from 'drizzle-orm';
import { builder } from '../builder';
import { readDataset } from '../lib/dataset-version';

const COUNTED = [
  ['articles', 'articles', 'Articles (captured pages).'],
  ['events', 'events', 'Events.'],
  ['people', 'people', 'People.'],
  ['organizations', 'organizations', 'Organizations.'],
  ['places', 'places', 'Places.'],
  ['documents', 'documents', 'Documents (agreements, decisions, plans, reports).'],
  ['projects', 'projects', 'Projects.'],
  ['quotes', 'quotes', 'Quotes.'],
  ['mentions', 'mentions', 'Mentions: spans of article text that support a fact.'],
  ['conflicts', 'conflicts', 'Conflicts: facts on which the sources disagree.'],
] as const;

type CountName = (typeof COUNTED)[number][0];
type Counts = Record<CountName, number>;

interface DatasetShape {
  version: string;
  loadedAt: string;
}

const DatasetCountsRef = builder.objectRef<Counts>('DatasetCounts').implement({
  description: 'How many records of each kind the loaded dataset holds.',
  fields: (t) =>
    Object.fromEntries(
      COUNTED.map(([name, , description]) => [name, t.field({ type: 'Int', description, resolve: (c) => c[name] })]),
    ) as never,
});

const DatasetRef = builder.objectRef<DatasetShape>('Dataset').implement({
  description:
    'The loaded knowledge base. `version` changes exactly when the data does: poll it (over GET, with `If-None-Match`) to learn when to refetch.',
  fields: (t) => ({
    version: t.string({
      description: 'Hash of the seed files this dataset was loaded from.',
      resolve: (d) => d.version,
    }),
    loadedAt: t.field({
      type: 'DateTime',
      description: 'When this version was loaded into the database.',
      resolve: (d) => d.loadedAt,
    }),
    counts: t.field({
      type: DatasetCountsRef,
      description: 'Records of each kind (one statement).',
      resolve: async (_d, _args, ctx) => {
        const rows = await ctx.db.all<Counts>(
          sql.raw(`SELECT ${COUNTED.map(([name, table]) => `(SELECT count(*) FROM ${table}) AS ${name}`).join(', ')}`),
        );
        return rows[0] as Counts;
      },
    }),
  }),
});

builder.queryField('dataset', (t) =>
  t.field({
    type: DatasetRef,
    description: 'Which version of the knowledge base this API serves, when it was loaded, and how big it is.',
    resolve: async (_root, _args, ctx) => {
      const row = await readDataset(ctx.db);
      // The API only starts on a loaded database; an empty one is a server fault, masked as such.
      if (!row) throw new Error('The dataset table is empty: the seed was never loaded.');
      return row;
    },
  }),
);
