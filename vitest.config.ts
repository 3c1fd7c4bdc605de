import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * The suite always runs on the embedded PGlite; when DATABASE_URL is set it runs again on
 * PostgreSQL (each test file gets its own fresh database there). Browser tests run once.
 */
const onPostgres = !!process.env.DATABASE_URL;

/**
 * The three cross-cutting suites that call every route (role × route × area matrix, bad-input
 * corpus, audit-in-the-same-transaction) test the app's own checks, not the database's dialect, and
 * take minutes each: with a PostgreSQL server they run there (the production database, and the
 * faster of the two here) and not again on PGlite; without one they run on PGlite.
 */
const ONE_DATABASE = [
  'src/server/security/matrix.test.ts',
  'src/server/security/bad-input-corpus.test.ts',
  'src/server/audit-atomic.test.ts',
];

/**
 * Test files that open no database (pure functions: contracts, the planning engine and its property
 * tests, workflows' role tables, seed templates, the file store, architecture rules) run once, in the
 * pglite project: on PostgreSQL they would test nothing more. A file counts as using a database when
 * it reaches the test harness (`src/test/app|db|browser`) or opens one itself.
 */
const USES_DATABASE = /test\/(app|db|browser)\.js|openDatabase|createTestApp|createTestDatabase/;
const DATABASE_FREE = readdirSync('src', { recursive: true, encoding: 'utf8' })
  .map((f) => path.join('src', f).split(path.sep).join('/'))
  .filter((f) => f.endsWith('.test.ts') && !f.endsWith('.browser.test.ts') && !USES_DATABASE.test(readFileSync(f, 'utf8')));

/**
 * Test files in parallel: vitest's default (cores − 1) is one at a time on a 2-core machine, where
 * much of a file's time is spent waiting for the database; two at a time measured 1.35× faster there.
 */
const maxWorkers = Math.max(2, availableParallelism() - 1);

const common = {
  testTimeout: 60_000,
  hookTimeout: 120_000,
  pool: 'forks' as const,
};

/**
 * Test files share their worker's loaded modules (no isolation between files): loading the
 * app's whole module graph again for every file cost about a third of the server suite's time
 * (both projects: 24 → 10 minutes of wall time on 2 cores). Each file still builds its own app on its
 * own database, so state lives in those, not in modules; a module-level cache that kept one file's
 * database rows would show here as a failure that depends on file order.
 */
const shared = { isolate: false };

export default defineConfig({
  test: {
    ...common,
    maxWorkers,
    projects: [
      {
        test: {
          ...common,
          ...shared,
          name: 'pglite',
          include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['src/**/*.browser.test.ts', 'node_modules/**', ...(onPostgres ? ONE_DATABASE : [])],
          env: { YJ_TEST_DB: 'pglite' },
        },
      },
      ...(onPostgres
        ? [
            {
              test: {
                ...common,
                ...shared,
                name: 'postgres',
                include: ['src/**/*.test.ts'],
                exclude: ['src/**/*.browser.test.ts', 'src/**/*.pglite.test.ts', 'node_modules/**', ...DATABASE_FREE],
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
          // Starting the app may first build the web app (whichever file comes first), slow on a busy machine.
          hookTimeout: 600_000,
          // One file at a time: two at once measured only 15% faster on 2 cores and every page 1.5× slower.
          fileParallelism: false,
          ...shared,
          // After the server projects, alone: a page's timing should not compete with database tests.
          sequence: { groupOrder: 1 },
          // expect.poll waits for a condition in the page; its 1 s default is too short on a busy machine.
          expect: { poll: { timeout: 20_000, interval: 100 } },
          env: { YJ_TEST_DB: 'pglite' },
        },
      },
    ],
  },
});
