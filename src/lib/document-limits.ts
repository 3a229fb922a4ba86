// Document limits: lexical tokens (while parsing), then directives, aliases and depth per operation (while
// validating), and no field suggestions in validation errors. Each count runs over an operation with its
// fragments expanded where they are spread, so a fragment cannot hide what it holds (nor can a fragment
// or an operation named `__schema`: only a *field* of that name is introspection). A limit refuses by
// throwing its coded error, so validation stops there and the client sees that one error.
import {
  type ASTVisitor,
  type FragmentDefinitionNode,
  type FragmentSpreadNode,
  GraphQLError,
  type InlineFragmentNode,
  Kind,
  type OperationDefinitionNode,
  parse,
  type SelectionNode,
  type ValidationContext,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ErrorCode, type ErrorCodeName, httpError } from './errors';

export interface DocumentLimits {
  maxTokens: number;
  maxDirectives: number;
  maxAliases: number;
  /** Field nesting, not counting what is below a `__schema` field. */
  maxDepth: number;
  /** Field nesting with introspection counted too (GraphiQL's introspection query is 14-15 deep). */
  maxIntrospectionDepth: number;
}

type Counted = OperationDefinitionNode | FragmentDefinitionNode | InlineFragmentNode | SelectionNode;

/** A fragment's count, computed once per validation however often it is spread. */
function fragmentCount(
  ctx: ValidationContext,
  memo: Map<string, number>,
  spread: FragmentSpreadNode,
  count: (fragment: FragmentDefinitionNode) => number,
): number {
  const name = spread.name.value;
  const known = memo.get(name);
  if (known !== undefined) return known;
  memo.set(name, 0); // a fragment cycle adds nothing (validation refuses cycles anyway)
  const fragment = ctx.getFragment(name);
  const n = fragment ? count(fragment) : 0;
  memo.set(name, n);
  return n;
}

function limitRule(
  limit: number,
  measure: (ctx: ValidationContext, memo: Map<string, number>, operation: OperationDefinitionNode) => number,
  refuse: (found: number) => GraphQLError,
): (ctx: ValidationContext) => ASTVisitor {
  return (ctx) => {
    const memo = new Map<string, number>();
    return {
      OperationDefinition(operation) {
        const found = measure(ctx, memo, operation);
        if (found > limit) throw refuse(found);
      },
    };
  };
}

function directivesIn(ctx: ValidationContext, memo: Map<string, number>, node: Counted): number {
  let n = node.directives?.length ?? 0;
  if (node.kind === Kind.FRAGMENT_SPREAD) {
    n += fragmentCount(ctx, memo, node, (f) => directivesIn(ctx, memo, f));
  } else if (node.selectionSet) {
    for (const child of node.selectionSet.selections) n += directivesIn(ctx, memo, child);
  }
  return n;
}

function aliasesIn(ctx: ValidationContext, memo: Map<string, number>, node: Counted): number {
  let n = node.kind === Kind.FIELD && node.alias ? 1 : 0;
  if (node.kind === Kind.FRAGMENT_SPREAD) {
    n += fragmentCount(ctx, memo, node, (f) => aliasesIn(ctx, memo, f));
  } else if (node.selectionSet) {
    for (const child of node.selectionSet.selections) n += aliasesIn(ctx, memo, child);
  }
  return n;
}

/** Depth of the fields below `node`, which sits at `depth`; fragments add no level of their own. */
function depthOf(
  ctx: ValidationContext,
  memo: Map<string, number>,
  node: Counted,
  depth: number,
  ignoreIntrospection: boolean,
): number {
  if (ignoreIntrospection && node.kind === Kind.FIELD && node.name.value === '__schema') return 0;
  if (node.kind === Kind.FRAGMENT_SPREAD) {
    return depth + fragmentCount(ctx, memo, node, (f) => depthOf(ctx, memo, f, 0, ignoreIntrospection));
  }
  let max = depth;
  for (const child of node.selectionSet?.selections ?? []) {
    const level = child.kind === Kind.FIELD ? depth + 1 : depth;
    max = Math.max(max, depthOf(ctx, memo, child, level, ignoreIntrospection));
  }
  return max;
}

/** graphql-js's own messages name close matches ("Did you mean …?"): they would map the schema out. */
const SUGGESTION = /Did you mean ".+"\?/g;

/** The limits as Yoga plugins, in the order they apply (tokens, directives, aliases, depth). */
export function documentLimitPlugins(limits: DocumentLimits): Plugin[] {
  const refuse = (code: ErrorCodeName, message: string) => httpError(message, code, 400);
  const depthRule = (n: number, ignoreIntrospection: boolean) =>
    limitRule(
      n,
      (ctx, memo, op) => depthOf(ctx, memo, op, 0, ignoreIntrospection),
      (found) => refuse(ErrorCode.DEPTH_LIMIT_EXCEEDED, `Query depth limit of ${n} exceeded, found ${found}.`),
    );
  const rules = [
    limitRule(limits.maxDirectives, directivesIn, (found) =>
      refuse(
        ErrorCode.DIRECTIVE_LIMIT_EXCEEDED,
        `Directives limit of ${limits.maxDirectives} exceeded, found ${found}.`,
      ),
    ),
    limitRule(limits.maxAliases, aliasesIn, (found) =>
      refuse(ErrorCode.ALIAS_LIMIT_EXCEEDED, `Aliases limit of ${limits.maxAliases} exceeded, found ${found}.`),
    ),
    depthRule(limits.maxDepth, true),
    depthRule(Math.max(limits.maxDepth, limits.maxIntrospectionDepth), false),
  ];
  const tokenLimit = `Token limit of ${limits.maxTokens} exceeded.`;
  return [
    {
      onValidate() {
        // In place: the errors Yoga's validation cache keeps are the ones rewritten here.
        return ({ valid, result }) => {
          if (valid) return;
          for (const error of result) {
            if (error instanceof GraphQLError) {
              error.message = error.message.replace(SUGGESTION, '[Suggestion hidden]').trim();
            }
          }
        };
      },
    },
    {
      onParse({ setParseFn }) {
        // graphql-js counts the tokens while parsing and stops at the first one over the limit.
        setParseFn((source, options) => {
          try {
            return parse(source, { ...options, maxTokens: limits.maxTokens });
          } catch (err) {
            // graphql-js's wording ("more that N tokens") is matched loosely in case it is corrected.
            if (err instanceof Error && /^Syntax Error: Document contains more tha[nt] \d+ tokens/.test(err.message)) {
              throw refuse(ErrorCode.TOKEN_LIMIT_EXCEEDED, tokenLimit);
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
