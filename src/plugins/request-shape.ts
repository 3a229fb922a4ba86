// Requests GraphQL cannot even read are the client's mistake, with a code: an unreadable request (a GET
// `variables=` that is not JSON, a malformed body) is 400 BAD_REQUEST, a `query` that is not a string
// too, and a query document longer than MAX_QUERY_LENGTH is 400 PAYLOAD_TOO_LARGE. Never a masked 500.
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ErrorCode, httpError } from '../lib/errors';

export function useRequestShape(limits: { maxQueryLength: number }): Plugin {
  return {
    onRequestParse({ requestParser, setRequestParser }) {
      if (!requestParser) return;
      setRequestParser(async (req) => {
        try {
          return await requestParser(req);
        } catch (err) {
          if (err instanceof GraphQLError) throw err;
          throw httpError(
            `The request could not be read: ${err instanceof SyntaxError ? 'a parameter is not valid JSON' : 'malformed request'}.`,
            ErrorCode.BAD_REQUEST,
            400,
          );
        }
      });
    },
    onParams({ params }) {
      const query = params.query as unknown;
      // Checked before the persisted-operations plugin, which treats a falsy `query` (0, false) as absent.
      if (query != null && typeof query !== 'string') {
        const kind = Array.isArray(query) ? 'array' : typeof query;
        throw httpError(`Expected "query" param to be a string, but given ${kind}.`, ErrorCode.BAD_REQUEST, 400);
      }
      if (typeof query === 'string' && query.length > limits.maxQueryLength) {
        throw httpError(
          `Query is ${query.length} characters long; the limit is ${limits.maxQueryLength}.`,
          ErrorCode.PAYLOAD_TOO_LARGE,
          400,
        );
      }
    },
  };
}
