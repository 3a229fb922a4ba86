import { builder } from '../builder';
import { KIND_OF_SEARCH_TYPE as KIND, KINDS, SEARCH_KINDS, SEARCH_TYPES, type SearchType } from '../domain/entities';
import { badInput } from '../lib/errors';
import { MAX_QUERY_LENGTH, SEARCH_WINDOW, type SearchHit, searchKnowledgeBase } from '../search/query';
import { connectionOf, tableRef } from './connections';
import { loadNodes } from './load-nodes';

export const SearchTypeEnum = builder.enumType('SearchType', {
  description: 'What `search` can return.',
  values: Object.fromEntries(SEARCH_TYPES.map((t) => [t, { value: t, description: `${KIND[t]} results.` }])) as {
    [T in SearchType]: { value: T; description: string };
  },
});

const SearchFieldEnum = builder.enumType('SearchField', {
  description: 'Which value of the result matched best.',
  values: {
    NAME: { description: 'The name.' },
    NAME_EN: { description: 'The English name.' },
    ACRONYM: { description: 'An acronym.' },
    ALIAS: { description: 'Another name or form.' },
    CODE: { description: 'A document code.' },
    TITLE: { description: 'A title or headline.' },
    TITLE_EN: { description: 'An English title.' },
    TEXT: { description: 'The words of a quote.' },
    BODY: { description: 'A paragraph of an article’s content.' },
  } as const,
});

const SearchNodeRef = builder.unionType('SearchNode', {
  description: 'Anything `search` can find.',
  types: SEARCH_KINDS.map((k) => tableRef(KINDS[k].table)),
});

interface TextRange {
  start: number;
  end: number;
}
const TextRangeRef = builder.objectRef<TextRange>('TextRange').implement({
  description: 'A range of a string: `start` inclusive, `end` exclusive, in UTF-16 code units.',
  fields: (t) => ({
    start: t.exposeInt('start', { description: 'First character (inclusive).' }),
    end: t.exposeInt('end', { description: 'After the last character (exclusive).' }),
  }),
});

interface SearchEdgeShape {
  cursor: string;
  node: typeof SearchNodeRef.$inferType;
  hit: SearchHit;
}
/** The hit an edge was made from: the resolver below puts it there, beside the cursor and node. */
const hitOf = (edge: object) => (edge as SearchEdgeShape).hit;

const SearchConnection = connectionOf(
  SearchNodeRef,
  'Search',
  {
    description: 'Search results, best first.',
    totalCount: `How many results match, counted among the first ${SEARCH_WINDOW} matching values (see \`search\`): exact for a narrower search, a lower bound for a broader one.`,
  },
  {
    description: 'One result with why it matched.',
    fields: (e) => ({
      type: e.field({
        type: SearchTypeEnum,
        description: 'What kind of result.',
        resolve: (edge) => hitOf(edge).type,
      }),
      score: e.float({
        description: 'Relevance; higher is better.',
        resolve: (edge) => hitOf(edge).score,
      }),
      field: e.field({
        type: SearchFieldEnum,
        description: 'Which value matched best.',
        resolve: (edge) => hitOf(edge).field,
      }),
      snippet: e.string({
        description: 'A short excerpt of the matched value.',
        resolve: (edge) => hitOf(edge).snippet,
      }),
      highlights: e.field({
        type: [TextRangeRef],
        description: 'Where the query words are in `snippet`.',
        resolve: (edge) => hitOf(edge).highlights,
      }),
      matches: e.field({
        type: [TextRangeRef],
        description:
          'Where the query words are in the matched value (for article bodies: offsets into `Article.text`).',
        resolve: (edge) => hitOf(edge).matches,
      }),
    }),
  },
);

builder.queryField('search', (t) =>
  t.connection(
    {
      type: SearchNodeRef,
      description: `Full-text search over people, organizations, places, documents, projects, events, quotes and articles. Diacritic-insensitive, including đ ("luu duc minh" finds Lưu Đức Minh); a query typed with diacritics ranks exact matches first; acronyms and aliases match; the last word also matches as a prefix (type-ahead). At most ${MAX_QUERY_LENGTH} characters. Only article content is searched, never page chrome. A broad search ranks its first ${SEARCH_WINDOW} matching values (names, titles, quotes, paragraphs) in index order: every entity's own names, acronyms, codes and aliases first, then events, quotes and articles in the order they were loaded.`,
      args: {
        query: t.arg.string({
          required: true,
          description: 'What to look for. Operators and quotes are treated as plain text.',
        }),
        types: t.arg({
          type: [SearchTypeEnum],
          required: false,
          description: 'Only these kinds of result (default: all).',
        }),
      },
      resolve: async (_root, args, ctx, info) => {
        if (args.last != null || args.before != null) {
          throw badInput('`search` pages forward only: use `first` and `after`.');
        }
        const result = await searchKnowledgeBase(ctx.db, {
          query: args.query,
          types: args.types ?? null,
          first: args.first ?? undefined,
          after: args.after ?? null,
        });
        const nodes = await loadNodes<typeof SearchNodeRef.$inferType>(
          ctx,
          info,
          ['edges', 'node'],
          result.hits.map((h) => ({ typename: KIND[h.type], id: h.entityId })),
        );
        const edges: SearchEdgeShape[] = [];
        for (const hit of result.hits) {
          const node = nodes.get(`${KIND[hit.type]}:${hit.entityId}`);
          if (node) edges.push({ cursor: hit.cursor, node, hit });
        }
        return { edges, pageInfo: result.pageInfo, totalCount: result.totalCount };
      },
    },
    SearchConnection,
  ),
);
