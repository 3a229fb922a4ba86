// `dataset`: which load of the knowledge base the API serves, so a client without webhooks can poll for
// change with one tiny request (its ETag, or `version`, changes exactly when the data does).
import { sql } from 'drizzle-orm';
import { builder } from '../builder';
import { KINDS, type Kind, NODE_KINDS } from '../domain/entities';
import { readDataset } from '../lib/dataset-version';

/** What each count is of, where the plural alone does not say it. */
const OF: Partial<Record<Kind, string>> = {
  Article: 'captured pages',
  Document: 'agreements, decisions, plans, reports',
  Conflict: 'facts on which the sources disagree',
};
/** [field, table, description]: every kind, and the mentions that support their facts. */
const COUNTED: ReadonlyArray<readonly [string, string, string]> = [
  ...NODE_KINDS.map((k) => {
    const { plural, table } = KINDS[k];
    const text = `${plural[0]?.toUpperCase()}${plural.slice(1)}`;
    return [plural, table, OF[k] ? `${text} (${OF[k]}).` : `${text}.`] as const;
  }),
  ['mentions', 'mentions', 'Mentions: spans of article text that support a fact.'],
];

type Counts = Record<string, number>;

interface DatasetShape {
  version: string;
  loadedAt: string;
}

const DatasetCountsRef = builder.objectRef<Counts>('DatasetCounts').implement({
  description: 'How many records of each kind the loaded dataset holds.',
  fields: (t) =>
    Object.fromEntries(
      COUNTED.map(([name, , description]) => [name, t.int({ description, resolve: (c) => c[name] ?? 0 })]),
    ),
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
