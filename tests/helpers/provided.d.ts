// What the worker project's globalSetup (tests/helpers/sqld-global-setup.ts) hands to its tests.
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** HTTP URL of the local sqld the Worker under test reads from. */
    libsqlUrl: string;
    /** Number of article .txt files in seed/articles: what the Worker must report as totalCount. */
    seedArticleCount: number;
    /** A second seeded sqld, for the outage test only (tests/helpers/outage-global-setup.ts). */
    outageLibsqlUrl: string;
    /** Loopback server that stops (POST /stop) and starts (POST /start) that sqld. */
    outageControlUrl: string;
  }
}
