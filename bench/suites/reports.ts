import { sql } from 'drizzle-orm';
import { systemActor, type Ctx } from '../../src/server/core/context.js';
import { pointOf } from '../../src/server/core/extensions.js';
import { markDay, rebuildSummaries } from '../../src/server/core/measure-summaries.js';
import { createCampaign } from '../../src/server/modules/campaigns/use-cases/create-campaign.js';
import { getTemplate } from '../../src/server/modules/campaigns/templates.js';
import { registry } from '../../src/server/modules/index.js';
import { loadTable, measureMaps } from '../../src/server/modules/reports/table-values.js';
import { computeTable } from '../../src/server/modules/reports/use-cases/compute-table.js';
import { rollupTable } from '../../src/server/modules/reports/use-cases/rollup-table.js';
import { generateCasework } from '../generate/province.js';
import { time, type BenchSuite } from '../lib.js';

/**
 * Seed 004's 附件1 for a whole province, the template's table in a campaign of the province: rows
 * 零售药店 / 药品使用单位 / 药品网络销售单位 (by unit kinds), columns 检查单位数量, 发现违规单位数量,
 * 完成整改单位数量, 已立案查处数量, 罚没款金额, 吊销许可证数量, 移送公安机关案件数量, cumulative from
 * 2023-07-01 to a month end. Timed through the product's code: every station's values
 * (`measureMaps`, the table's cells asked of the maintained summaries in one batch) folded into every
 * county, city and the province; the province's table and its roll-up grid as the routes give them;
 * and beside them the plain SQL over the raw rows for every cell in the same run. The two must be
 * equal (asserted); timings are printed, never asserted. Target (issue 15): < 200 ms on
 * PostgreSQL and < 500 ms embedded at 200,000 units, 2,000,000 inspections, 300,000 findings and
 * rectifications and 100,000 cases.
 */
const FROM = '2023-07-01';
const TO = '2026-10-31';
/** A day of the month reported: the monthly table covers 2023-07-01 … 2026-10-31. */
const DAY = '2026-10-15';

const suite: BenchSuite = {
  name: 'reports',
  after: ['entities'],
  async run(env) {
    const db = env.database.db;
    const rows = async (q: ReturnType<typeof sql>) => ((await db.execute(q)) as unknown as { rows: any[] }).rows;
    const [{ n: units }] = await rows(sql`select count(*)::int as n from entities`);
    if (!units) {
      env.figure('skipped (needs the entities suite)', 0, '');
      return;
    }
    const [root] = await rows(sql`select id, path from jurisdictions where parent_id is null and name = '北川省'`);
    const reg = registry();
    // Seed 004's 附件1 exactly as the template has it, in a campaign of the province.
    const ctx: Ctx = { db, actor: systemActor(), ext: reg };
    const stats = structuredClone(getTemplate('seed-004')!.definition.tables.find((x) => x.key === 'stats')!);
    const campaign = await createCampaign(ctx, {
      jurisdictionId: root.id,
      definition: {
        schemaVersion: 1,
        name: '附件1基准',
        issuer: '北川省药品监督管理局',
        organisation: { office: { unit: '本局' } },
        tables: [stats],
      },
      status: 'active',
    });
    const gen = await time(() => generateCasework(db, { seed: env.seed, visits: 10, caseShare: 0.5 }));
    const [c] = await rows(sql`select (select count(*)::int from inspections where status = 'done') as i,
      (select count(*)::int from inspection_findings) as f, (select count(*)::int from rectifications) as r,
      (select count(*)::int from cases) as c`);
    env.figure(
      'generate casework',
      gen.ms,
      'ms',
      `${units} units, ${c.i} inspections, ${c.f} findings, ${c.r} rectifications, ${c.c} cases`,
    );

    await db.execute(sql`insert into measure_starts (since) values (${FROM}::date) on conflict do nothing`);
    const build = await time(() => rebuildSummaries(db, pointOf(reg, 'measureSummaries')));
    const [s] = await rows(sql`select (select count(*)::int from measure_unit_rows) as l, (select count(*)::int from measure_totals) as t`);
    env.figure('build summaries from the raw rows', build.ms, 'ms', `${s.l} ledger rows, ${s.t} total rows`);

    const tree = await rows(
      sql`select id, parent_id from jurisdictions where path like ${root.path + '%'} and level in ('province','city','county','station')`,
    );
    const parent = new Map<number, number | null>(tree.map((j) => [j.id, j.parent_id]));
    const measures = pointOf(reg, 'measures');
    const byKey = (k: string) => measures.find((m) => m.key === k)!;

    const q = { jurisdictionId: root.id, date: DAY };
    const { table, area, period } = await loadTable(ctx, campaign.id, 'stats', q);
    if (period.from !== FROM || period.to !== TO) throw new Error(`reports bench: period ${period.from}..${period.to}`);

    // Every station's value of each cell, then added to its county, city and province (every roll-up line).
    const fold = (stations: Map<number, number>) => {
      const rolled = new Map<number, number>();
      for (const [j, n] of stations)
        for (let at: number | null | undefined = j; at; at = parent.get(at)) rolled.set(at, (rolled.get(at) ?? 0) + n);
      return [...rolled].sort((a, b) => a[0] - b[0]);
    };
    const viaProduct = async () => {
      const maps = await measureMaps(ctx, table, area, period);
      return Object.fromEntries([...maps].map(([cell, m]) => [cell, fold(m)]));
    };
    const viaPlain = async () => {
      const out: Record<string, [number, number][]> = {};
      for (const row of table.rows)
        for (const col of table.measures)
          out[`${row.key}|${col.key}`] = fold(
            await byKey(col.measure!).plain!(db, { path: root.path, from: FROM, to: TO, entityKinds: row.kinds }),
          );
      return out;
    };
    await db.execute(sql`analyze measure_totals`); // as autovacuum would after a rebuild
    await viaProduct(); // warm: plans, caches
    // Before the month reported is marked (the app marks each month end once it has passed).
    const unmarked = await time(viaProduct);
    const mark = await time(() => markDay(db, TO));
    await db.execute(sql`analyze measure_marks`);
    const [mk] = await rows(sql`select count(*)::int as n from measure_marks where at = ${TO}::date`);
    env.figure(`mark ${TO} (every measure, every station and kind)`, mark.ms, 'ms', `${mk.n} mark rows`);
    await viaProduct();
    const full = await time(viaProduct);
    if (JSON.stringify(full.value) !== JSON.stringify(unmarked.value)) throw new Error('reports bench: 附件1 through the mark differs');
    const live = await time(() => computeTable(ctx, campaign.id, 'stats', q));
    const rollup = await time(() => rollupTable(ctx, campaign.id, 'stats', q));
    const plainTimed = await time(viaPlain);
    if (JSON.stringify(full.value) !== JSON.stringify(plainTimed.value))
      throw new Error('reports bench: 附件1 from the summaries differs from the plain SQL');
    const provinceOf = (cell: string) => plainTimed.value[cell].find(([j]) => j === root.id)?.[1] ?? 0;
    for (const row of live.value.rows)
      for (const col of table.measures) {
        const want = provinceOf(`${row.key}|${col.key}`) / (col.divisor ?? 1);
        if (Math.abs(Number(row.cells[col.key].value ?? 0) - want) > 0.005)
          throw new Error(`reports bench: table cell ${row.key}.${col.key} ${row.cells[col.key].value} ≠ ${want}`);
      }
    const lines = Object.values(full.value).reduce((n, v) => n + v.length, 0);
    env.figure('附件1, province, every roll-up line, from summaries', full.ms, 'ms', `${lines} cells; equal to the plain SQL`);
    env.figure('  … the same before the month end is marked', unmarked.ms, 'ms', 'read from the spans since 2023-07-01');
    env.figure('附件1, province table (route use case)', live.ms, 'ms', `${live.value.rows.length} rows`);
    env.figure('附件1, province roll-up grid (route use case)', rollup.ms, 'ms', `${rollup.value.lines.length} lines`);
    env.figure('附件1, province, every roll-up line, plain SQL', plainTimed.ms, 'ms');
    env.figure(
      '附件1 province totals (零售药店)',
      0,
      '',
      table.measures.map((c) => `${c.key}=${live.value.rows[0].cells[c.key].value}`).join(' '),
    );
  },
};
export default suite;
