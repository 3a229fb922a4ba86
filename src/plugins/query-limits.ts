// Query limits: tokens while parsing (graphql-js's own `maxTokens`), then directives, aliases and depth per
// operation while validating (graphql-armor), fragments counted where they are spread. Two depth rules: MAX_DEPTH not
// counting what is below a `__schema` field (armor's ignoreIntrospection; only a *field* of that name,
// not a fragment or an operation called so), and MAX_INTROSPECTION_DEPTH counting everything, so
// GraphiQL's introspection query (14-15 deep) passes while introspection stays bounded. A refusal is
// thrown from armor's onReject as our coded error (400), so validation stops at it and the client sees
// that one error, with armor's message minus its "Syntax Error: " prefix.
// Not armor's max-tokens: it imports `graphql/language/parser`, which in graphql 16 (no exports map) is the
// CommonJS file, so the Worker bundle would get a second GraphQLError class and mask every syntax error.
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { type GraphQLError, parse } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ErrorCode, type ErrorCodeName, httpError } from '../lib/errors';
import type { Limits } from '../lib/limits';

type QueryLimits = Pick<Limits, 'maxTokens' | 'maxDirectives' | 'maxAliases' | 'maxDepth' | 'maxIntrospectionDepth'>;

/** armor's onReject handler that refuses with `code` instead of armor's own error. */
const refuseWith = (code: ErrorCodeName) => (_ctx: unknown, error: GraphQLError) => {
  throw httpError(error.message.replace(/^Syntax Error: /, ''), code, 400);
};

const options = (n: number, code: ErrorCodeName) => ({
  n,
  exposeLimits: true,
  propagateOnRejection: false,
  onReject: [refuseWith(code)],
});

export function useQueryLimits(limits: QueryLimits): Plugin[] {
  const rules = [
    maxDirectivesRule(options(limits.maxDirectives, ErrorCode.DIRECTIVE_LIMIT_EXCEEDED)),
    // `__typename` aliases count too (armor allows them by default).
    maxAliasesRule({ ...options(limits.maxAliases, ErrorCode.ALIAS_LIMIT_EXCEEDED), allowList: [] }),
    maxDepthRule({
      ...options(limits.maxDepth, ErrorCode.DEPTH_LIMIT_EXCEEDED),
      ignoreIntrospection: true,
      flattenFragments: true,
    }),
    maxDepthRule({
      ...options(Math.max(limits.maxDepth, limits.maxIntrospectionDepth), ErrorCode.DEPTH_LIMIT_EXCEEDED),
      ignoreIntrospection: false,
      flattenFragments: true,
    }),
  ];
  const tokenLimit = `Token limit of ${limits.maxTokens} exceeded.`;
  return [
    {
      onParse({ setParseFn }) {
        // graphql-js counts the tokens while parsing and stops at the first one over the limit.
        setParseFn((source, parseOptions) => {
          try {
            return parse(source, { ...parseOptions, maxTokens: limits.maxTokens });
          } catch (err) {
            // graphql-js's wording ("more that N tokens") is matched loosely in case it is corrected.
            if (err instanceof Error && /^Syntax Error: Document contains more tha[nt] \d+ tokens/.test(err.message)) {
              throw httpError(tokenLimit, ErrorCode.TOKEN_LIMIT_EXCEEDED, 400);
            }
            throw err;
          }
        });
      },
    },
    {
      onValidate({ addValidationRule }) {
        for (const rule of rules) addValidationRule(rule);
      },
    },
  ];
}
