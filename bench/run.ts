/**
 * npm run bench [-- --db pglite|postgres|both] [--scale province|small] [--seed N] [--only a,b] [--keep]
 * Builds a reproducible data set in a fresh database and prints timing figures per suite.
 * PostgreSQL is used when DATABASE_URL is set (a fresh database is created beside it; `--keep` leaves
 * it there and prints its name, to look into a plan with EXPLAIN at the scale measured).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { createTestDatabase } from '../src/test/db.js';
import { machine, type BenchEnv, type BenchSuite } from './lib.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: process.env.DATABASE_URL ? 'both' : 'pglite' },
    scale: { type: 'string', default: 'province' },
    seed: { type: 'string', default: '20261125' },
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'suites');
const suites: BenchSuite[] = [];
for (const f of readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .sort()) {
  suites.push((await import(path.join(dir, f))).default as BenchSuite);
}
// Order by dependencies.
const ordered: BenchSuite[] = [];
const visit = (s: BenchSuite) => {
  if (ordered.includes(s)) return;
  for (const a of s.after ?? []) {
    const dep = suites.find((x) => x.name === a);
    if (dep) visit(dep);
  }
  ordered.push(s);
};
suites.forEach(visit);
const only = values.only?.split(',');
// A selected suite brings the suites it runs after (transitively): their data is what it measures.
const needed = new Set<string>();
const need = (name: string) => {
  if (needed.has(name)) return;
  needed.add(name);
  for (const a of suites.find((x) => x.name === name)?.after ?? []) need(a);
};
only?.forEach(need);
const selected = only ? ordered.filter((s) => needed.has(s.name)) : ordered;

const kinds = values.db === 'both' ? ['pglite', 'postgres'] : [values.db!];
console.log(`machine: ${machine()}`);
console.log(`scale: ${values.scale}, seed: ${values.seed}`);
for (const kind of kinds) {
  process.env.YJ_TEST_DB = kind;
  const database = await createTestDatabase();
  console.log(`\n== ${kind} ==`);
  const shared: Record<string, unknown> = {};
  for (const suite of selected) {
    const env: BenchEnv = {
      database,
      kind: database.kind,
      seed: Number(values.seed),
      scale: values.scale as BenchEnv['scale'],
      shared,
      figure(name, value, unit, note) {
        console.log(
          `  ${suite.name.padEnd(12)} ${name.padEnd(48)} ${value.toFixed(value < 10 ? 2 : 0).padStart(10)} ${unit}${note ? '  ' + note : ''}`,
        );
      },
    };
    await suite.run(env);
  }
  if (values.keep && database.kind === 'postgres') {
    const [{ name }] = ((await database.db.execute(sql`select current_database() as name`)) as unknown as { rows: { name: string }[] })
      .rows;
    console.log(`  kept database: ${name} (drop it with: dropdb -h 127.0.0.1 -U postgres ${name})`);
    await (database.raw as pg.Pool).end();
  } else await database.close();
}
