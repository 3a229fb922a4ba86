import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        // One copy of graphql: Pothos (loaded by Node) gets the CommonJS entry, so test code must too,
        // or schema objects fail graphql's instanceof checks.
        resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
        test: {
          name: 'node',
          include: ['tests/node/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        // The real Worker module (wrangler.toml's main) inside workerd, reading a local sqld over HTTP.
        plugins: [
          cloudflareTest(({ inject }) => ({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: { bindings: { LIBSQL_URL: inject('libsqlUrl') } },
          })),
        ],
        test: {
          name: 'worker',
          include: ['tests/worker/**/*.test.ts'],
          globalSetup: ['tests/helpers/sqld-global-setup.ts', 'tests/helpers/outage-global-setup.ts'],
          // The first request loads the whole bundle into workerd: seconds, not milliseconds.
          testTimeout: 30_000,
        },
      },
    ],
  },
});
