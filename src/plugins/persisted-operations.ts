// Persisted operations (Yoga's plugin) over the committed manifest (src/lib/persisted.ts): a client sends
// `extensions.persistedQuery.sha256Hash` instead of the document, which makes short, cacheable GET URLs.
// With PERSISTED_OPERATIONS_ONLY, nothing else runs. Its refusals get our stable codes.
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { Plugin } from 'graphql-yoga';
import { ErrorCode } from '../lib/errors';

const refusal = (message: string, code: string) => ({
  message,
  extensions: { code, http: { status: 400, spec: false } },
});

export function usePersisted(manifest: Readonly<Record<string, string>>, only: boolean): Plugin {
  return usePersistedOperations({
    getPersistedOperation: (key) => manifest[key] ?? null,
    allowArbitraryOperations: !only,
    customErrors: {
      notFound: refusal('PersistedQueryNotFound', ErrorCode.PERSISTED_QUERY_NOT_FOUND),
      persistedQueryOnly: refusal(
        'Only persisted operations are accepted here: send extensions.persistedQuery.sha256Hash.',
        ErrorCode.PERSISTED_QUERY_NOT_FOUND,
      ),
      keyNotFound: refusal('Must provide query string.', ErrorCode.BAD_REQUEST),
    },
  }) as Plugin;
}
