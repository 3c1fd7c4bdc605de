#!/usr/bin/env node
// npm run mutate -- <preset>      one core folder with the tests that cover it (see PRESETS)
// npm run mutate -- --mutate '<glob>' [--testFiles '<glob>'] [other Stryker options]
// Runs Stryker (mutation testing) with concurrency 1 unless told otherwise. Slow: not run in CI.
import { spawnSync } from 'node:child_process';

const PRESETS = {
  engine: {
    mutate: [
      'src/server/modules/planning/engine/**/*.ts',
      '!src/server/modules/planning/engine/**/*.test.ts',
      '!src/server/modules/planning/engine/fixtures/**',
    ],
    testFiles: ['src/server/modules/planning/engine/*.test.ts'],
  },
  // The scope rule, the systemActor and every module's permission rules (policy.ts), with their own direct tests.
  'scope-policy': {
    mutate: ['src/server/core/scope.ts', 'src/server/core/context.ts', 'src/server/modules/*/policy.ts'],
    testFiles: ['src/server/core/scope.test.ts', 'src/server/modules/org/scope.test.ts', 'src/server/modules/*/policy.test.ts'],
  },
  // One core file each: a test file that builds the app runs whole for every mutant of code that runs while
  // it starts (Stryker's "static" mutants), so each file gets only its own test.
  audit: { mutate: ['src/server/core/audit.ts'], testFiles: ['src/server/core/audit.test.ts'] },
  guard: { mutate: ['src/server/core/guard.ts'], testFiles: ['src/server/core/guard.test.ts'] },
  'credit-code': { mutate: ['src/contracts/credit-code.ts'], testFiles: ['src/contracts/credit-code.test.ts'] },
  'deadline-rules': { mutate: ['src/contracts/deadline-rules.ts'], testFiles: ['src/contracts/deadline-rules.test.ts'] },
  // The import writer against its direct test; the route-level import tests (entities.test.ts,
  // import-people.test.ts) take over a minute a run, too slow to re-run per mutant.
  'import-write': {
    mutate: ['src/server/modules/entities/bulk-write.ts'],
    testFiles: ['src/server/modules/entities/bulk-write.test.ts'],
  },
};

const args = process.argv.slice(2);
const out = [];
for (const a of args) {
  if (a in PRESETS) {
    const p = PRESETS[a];
    out.push('--mutate', p.mutate.join(','), '--testFiles', p.testFiles.join(','));
  } else out.push(a);
}
if (!out.length) {
  console.error(`usage: npm run mutate -- <${Object.keys(PRESETS).join('|')}> | --mutate '<glob>' [--testFiles '<glob>']`);
  process.exit(2);
}
const r = spawnSync('npx', ['stryker', 'run', ...out], { stdio: 'inherit' });
process.exit(r.status ?? 1);
