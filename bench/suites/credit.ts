import { sql } from 'drizzle-orm';
import { shanghaiToday } from '../../src/contracts/calendar.js';
import type { CreditRuleDefinition } from '../../src/contracts/credit.js';
import { ENTITY_KIND_CODES } from '../../src/contracts/entity-kinds.js';
import { systemActor, type Ctx } from '../../src/server/core/context.js';
import { DEFAULT_CREDIT_RULE } from '../../src/server/modules/credit/rules.js';
import { executeRun } from '../../src/server/modules/credit/run.js';
import { listCreditUnits } from '../../src/server/modules/credit/use-cases/list-credit-units.js';
import { registry } from '../../src/server/modules/index.js';
import { sample, time, type BenchSuite } from '../lib.js';

/**
 * Credit grading at province scale: every generated unit (200,000 at province scale) graded by the
 * default weights over all its kinds, with ~2 done inspections and ~1.5 findings per inspection over
 * the last 30 months. Timed: a full province run (one INSERT … SELECT of scores and breakdowns, the
 * history, one UPDATE … FROM of grades) when most grades change and again when few do (target < 5 s
 * on PostgreSQL); one unit on demand; a list page by grade for the province.
 */
const suite: BenchSuite = {
  name: 'credit',
  after: ['entities'],
  async run(env) {
    const db = env.database.db;
    const rows = async (q: ReturnType<typeof sql>) => ((await db.execute(q)) as unknown as { rows: any[] }).rows;
    const [{ n: units }] = await rows(sql`select count(*)::int as n from entities`);
    if (!units) {
      env.figure('skipped (needs the entities suite)', 0, '');
      return;
    }
    const today = shanghaiToday();
    const gen = await time(async () => {
      await db.execute(sql`insert into inspections (entity_id, jurisdiction_id, date, status, kind)
        select e.id, e.jurisdiction_id, ${today}::date - ((e.id * 7 + g * 131) % 900), 'done', 'special'
        from entities e, generate_series(1, 3) g where (e.id + g) % 3 <> 0`);
      await db.execute(sql`insert into inspection_findings (inspection_id, jurisdiction_id, severity, description)
        select i.id, i.jurisdiction_id,
          case when (i.id + f) % 13 = 0 then 'severe' when (i.id + f) % 4 = 0 then 'serious' else 'general' end, '进货查验记录不全'
        from inspections i, generate_series(1, 3) f where f <= i.id % 4`);
      await db.execute(sql`analyze inspections`);
      await db.execute(sql`analyze inspection_findings`);
    });
    const [counts] = await rows(
      sql`select (select count(*)::int from inspections where status = 'done') as i, (select count(*)::int from inspection_findings) as f`,
    );
    env.figure('generate inspections and findings', gen.ms, 'ms', `${counts.i} done inspections, ${counts.f} findings, ${units} units`);

    // The default weights over every kind, so every unit of the province is graded.
    const rule: CreditRuleDefinition = { ...DEFAULT_CREDIT_RULE, name: '基准规则', entityKinds: [...ENTITY_KIND_CODES] };
    const [root] = await rows(sql`select id from jurisdictions where parent_id is null order by id limit 1`);
    await db.execute(
      sql`insert into credit_rules (version, definition, reason, jurisdiction_id) values (1, ${JSON.stringify(rule)}::jsonb, '基准', ${root.id})`,
    );
    const ext = registry();
    const actor = systemActor();
    const run = async (label: string) => {
      const [r] = await rows(sql`insert into credit_runs (scope, jurisdiction_id, path, rule_version, as_of, window_from)
        values ('area', ${root.id}, '/', 1, ${today}::date, ${today}::date) returning id`);
      const t = await time(() => db.transaction((tx) => executeRun(tx, ext, r.id, { actor })));
      env.figure(
        `province run (${label})`,
        t.ms,
        'ms',
        `${t.value?.units} units graded, ${t.value?.changed} grades changed (target < 5,000 ms on PostgreSQL)`,
      );
    };
    await run('first: most grades change');
    await run('again: no grade changes');
    // A few units get new findings, then the province is graded again.
    await db.execute(sql`insert into inspection_findings (inspection_id, jurisdiction_id, severity, description)
      select i.id, i.jurisdiction_id, 'severe', '新发现严重问题' from inspections i where i.id % 97 = 0`);
    await run('again: ~1% of units with new findings');
    const [grades] = await rows(sql`select json_object_agg(coalesce(credit_grade, '-'), n) as g from
      (select credit_grade, count(*)::int as n from entities group by credit_grade) x`);
    env.figure('units by grade', 0, '', JSON.stringify(grades.g));

    const ids = (await rows(sql`select id from entities order by id limit 40`)).map((r) => r.id as number);
    const one = await sample(20, async (i) => {
      const [r] = await rows(sql`insert into credit_runs (scope, jurisdiction_id, path, entity_id, rule_version, as_of, window_from)
        select 'unit', jurisdiction_id, '', id, 1, ${today}::date, ${today}::date from entities where id = ${ids[i]} returning id`);
      await db.transaction((tx) => executeRun(tx, ext, r.id, { actor }));
    });
    env.figure('one unit on demand: p50', one.p50, 'ms', `p95 ${one.p95.toFixed(1)} ms`);

    const ctx = { db, actor, ext } as unknown as Ctx;
    const list = await sample(10, async (i) =>
      listCreditUnits(ctx, { grades: i % 2 ? ['D'] : ['C', 'D'], page: 1 + (i % 3), pageSize: 20 }),
    );
    env.figure('province list page by grade: p95', list.p95, 'ms', `p50 ${list.p50.toFixed(1)} ms`);
  },
};
export default suite;
