// Mutation testing (npm run mutate): not part of CI, it is slow. See scripts/mutate.mjs for the
// per-folder presets and README "Mutation testing" for the scores.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', related: false },
  plugins: ['@stryker-mutator/vitest-runner'],
  checkers: [],
  coverageAnalysis: 'perTest',
  concurrency: 1,
  timeoutMS: 60_000,
  timeoutFactor: 3,
  reporters: ['clear-text', 'progress-append-only', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  // Anchored to the root: an unanchored 'reports' also dropped src/server/modules/reports from the sandbox.
  ignorePatterns: ['/data', '/dist', '/.bench-data', '/reports', '/test-results'],
};
