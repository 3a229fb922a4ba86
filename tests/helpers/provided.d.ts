// What the worker project's globalSetup (tests/helpers/sqld-global-setup.ts) hands to its tests.
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** HTTP URL of the local sqld the Worker under test reads from. */
    libsqlUrl: string;
    /** Number of article .txt files in seed/articles: what the Worker must report as totalCount. */
    seedArticleCount: number;
  }
}
