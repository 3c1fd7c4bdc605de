import { defineConfig } from 'vitest/config';

/** Vitest for Stryker (npm run mutate): the embedded-database project only, one worker. */
export default defineConfig({
  test: {
    name: 'mutate',
    include: ['src/**/*.test.ts'],
    exclude: ['src/**/*.browser.test.ts', 'node_modules/**'],
    env: { YJ_TEST_DB: 'pglite' },
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});
