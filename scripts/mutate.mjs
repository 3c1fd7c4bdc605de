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
  'scope-policy-audit': {
    mutate: [
      'src/server/core/scope.ts',
      'src/server/core/audit.ts',
      'src/server/core/guard.ts',
      'src/server/core/context.ts',
      'src/server/modules/*/policy.ts',
    ],
    testFiles: [
      'src/server/core/*.test.ts',
      'src/server/modules/org/scope.test.ts',
      'src/server/modules/org/audit.test.ts',
      'src/server/modules/audit/*.test.ts',
      'src/server/audit-atomic.test.ts',
      'src/server/modules/campaigns/campaigns.test.ts',
      'src/server/modules/planning/planning.test.ts',
      'src/server/modules/tips/*.test.ts',
      'src/server/modules/entities/entities.test.ts',
    ],
  },
  'credit-code': { mutate: ['src/contracts/credit-code.ts'], testFiles: ['src/contracts/credit-code.test.ts'] },
  'deadline-rules': { mutate: ['src/contracts/deadline-rules.ts'], testFiles: ['src/contracts/deadline-rules.test.ts'] },
  'import-write': {
    mutate: [
      'src/server/modules/entities/bulk-write.ts',
      'src/server/modules/entities/use-cases/confirm-import.ts',
      'src/server/modules/org/use-cases/import-people.ts',
    ],
    testFiles: [
      'src/server/modules/entities/import-file.test.ts',
      'src/server/modules/entities/entities.test.ts',
      'src/server/modules/org/use-cases/import-people.test.ts',
    ],
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
