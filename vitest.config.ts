import { defineConfig } from 'vitest/config';

/**
 * The suite always runs on the embedded PGlite; when DATABASE_URL is set it runs again on
 * PostgreSQL (each test file gets its own fresh database there). Browser tests run once.
 */
const onPostgres = !!process.env.DATABASE_URL;

const common = {
  testTimeout: 60_000,
  hookTimeout: 120_000,
  pool: 'forks' as const,
};

export default defineConfig({
  test: {
    ...common,
    projects: [
      {
        test: {
          ...common,
          name: 'pglite',
          include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['src/**/*.browser.test.ts', 'node_modules/**'],
          env: { YJ_TEST_DB: 'pglite' },
        },
      },
      ...(onPostgres
        ? [
            {
              test: {
                ...common,
                name: 'postgres',
                include: ['src/**/*.test.ts'],
                exclude: ['src/**/*.browser.test.ts', 'src/**/*.pglite.test.ts', 'node_modules/**'],
                env: { YJ_TEST_DB: 'postgres' },
              },
            },
          ]
        : []),
      {
        test: {
          ...common,
          name: 'browser',
          include: ['src/**/*.browser.test.ts'],
          fileParallelism: false,
          // expect.poll waits for a condition in the page; its 1 s default is too short on a busy machine.
          expect: { poll: { timeout: 20_000, interval: 100 } },
          env: { YJ_TEST_DB: 'pglite' },
        },
      },
    ],
  },
});
