// The API has no mutations or subscriptions. graphql-js 16 only notices a missing root type while
// executing; this validation rule says so while validating (400 GRAPHQL_VALIDATION_FAILED).
import { type ASTVisitor, GraphQLError, type OperationTypeNode, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export function ReadOnlyOperationsRule(ctx: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (node.operation !== 'query' && !ctx.getSchema().getRootType(node.operation as OperationTypeNode)) {
        ctx.reportError(
          new GraphQLError(`This API is read-only: it has no ${node.operation} operations.`, { nodes: node }),
        );
      }
    },
  };
}

export function useReadOnlyOperations(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(ReadOnlyOperationsRule);
    },
  };
}
