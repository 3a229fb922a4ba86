import { builder } from '../builder';
import { badInput } from '../lib/errors';
import { SEARCH_ENTITY_TYPES, type SearchEntityType, SEARCH_TYPENAMES as TYPENAME } from '../search/indexer';
import { MAX_QUERY_LENGTH, SEARCH_WINDOW, type SearchHit, searchKnowledgeBase } from '../search/query';
import { loadNodes } from './load-nodes';

export const SearchTypeEnum = builder.enumType('SearchType', {
  description: 'What `search` can return.',
  values: Object.fromEntries(SEARCH_ENTITY_TYPES.map((t) => [t, { description: `${TYPENAME[t]} results.` }])) as Record<
    SearchEntityType,
    { description: string }
  >,
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
  types: ['Person', 'Organization', 'Place', 'Document', 'Project', 'Event', 'Quote', 'Article'] as never,
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
  node: object;
  hit: SearchHit;
}

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
        const nodes = await loadNodes(
          ctx,
          info,
          ['edges', 'node'],
          result.hits.map((h) => ({ typename: TYPENAME[h.type], id: h.entityId })),
        );
        const edges: SearchEdgeShape[] = [];
        for (const hit of result.hits) {
          const node = nodes.get(`${TYPENAME[hit.type]}:${hit.entityId}`);
          if (node) edges.push({ cursor: hit.cursor, node, hit });
        }
        return { edges, pageInfo: result.pageInfo, totalCount: result.totalCount };
      },
    },
    {
      name: 'SearchConnection',
      description: 'Search results, best first.',
      fields: (c) => ({
        totalCount: c.int({
          description: `How many results match, counted among the first ${SEARCH_WINDOW} matching values (see \`search\`): exact for a narrower search, a lower bound for a broader one.`,
          resolve: (conn) => (conn as unknown as { totalCount: number }).totalCount,
        }),
      }),
    },
    {
      name: 'SearchEdge',
      description: 'One result with why it matched.',
      fields: (e) => ({
        type: e.field({
          type: SearchTypeEnum,
          description: 'What kind of result.',
          resolve: (edge) => (edge as unknown as SearchEdgeShape).hit.type,
        }),
        score: e.float({
          description: 'Relevance; higher is better.',
          resolve: (edge) => (edge as unknown as SearchEdgeShape).hit.score,
        }),
        field: e.field({
          type: SearchFieldEnum,
          description: 'Which value matched best.',
          resolve: (edge) => (edge as unknown as SearchEdgeShape).hit.field,
        }),
        snippet: e.string({
          description: 'A short excerpt of the matched value.',
          resolve: (edge) => (edge as unknown as SearchEdgeShape).hit.snippet,
        }),
        highlights: e.field({
          type: [TextRangeRef],
          description: 'Where the query words are in `snippet`.',
          resolve: (edge) => (edge as unknown as SearchEdgeShape).hit.highlights,
        }),
        matches: e.field({
          type: [TextRangeRef],
          description:
            'Where the query words are in the matched value (for article bodies: offsets into `Article.text`).',
          resolve: (edge) => (edge as unknown as SearchEdgeShape).hit.matches,
        }),
      }),
    },
  ),
);
