import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the TypeScript sources; the CLI tests run the built bundle.
    alias: {
      '@freedom-ratings/core': src('core'),
      '@freedom-ratings/contract': src('contract'),
      '@freedom-ratings/sheets': src('sheets'),
      '@freedom-ratings/db': src('db'),
      '@freedom-ratings/server': src('server'),
    },
  },
  // The web app's components are Preact JSX.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['packages/*/src/**/*.test.{ts,tsx}', 'test/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One throwaway PostgreSQL cluster per run (skipped when FIW_TEST_PG_URL is set).
    globalSetup: ['test-support/postgres.ts'],
  },
});
