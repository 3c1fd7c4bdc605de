/**
 * Prints the seed audit's counts re-run on the templates: exact / inferred (marked, reason shown) /
 * missing, per seed. Usage: npx tsx scripts/seed-fidelity.ts [path/to/seed-audit.md]
 * Without the audit file, the ✓ rows listed in the fidelity table are taken from its own marks.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fidelityCounts } from '../src/server/modules/campaigns/fidelity.js';

const file = process.argv[2] ?? '../shared/fidelity/seed-audit.md';
const exactIds = new Set<string>();
if (existsSync(file)) for (const m of readFileSync(file, 'utf8').matchAll(/^\| (\d{3}-\d{2,3}) \|.*\| ✓ \|/gm)) exactIds.add(m[1]);
else console.warn(`(audit ${file} not found: listed rows counted without their audit marks)`);
const rows = fidelityCounts(exactIds);
const sum = rows.reduce(
  (a, r) => ({
    facts: a.facts + r.facts,
    exact: a.exact + r.exact,
    inferred: a.inferred + r.inferred,
    unset: a.unset + r.unset,
    missing: a.missing + r.missing,
  }),
  { facts: 0, exact: 0, inferred: 0, unset: 0, missing: 0 },
);
for (const r of [...rows, { code: 'all', ...sum }])
  console.log(
    `${r.code.padEnd(9)} facts ${String(r.facts).padStart(3)}  exact ${String(r.exact).padStart(3)} (${((100 * r.exact) / r.facts).toFixed(1)}%)  inferred ${String(r.inferred).padStart(3)}  unset ${String(r.unset).padStart(2)}  missing ${r.missing}`,
  );
