import { sql } from 'drizzle-orm';
import { pointOf, type Measure, type MeasureFilter } from '../../src/server/core/extensions.js';
import { rebuildSummaries } from '../../src/server/core/measure-summaries.js';
import { registry } from '../../src/server/modules/index.js';
import { generateCasework } from '../generate/province.js';
import { time, type BenchSuite } from '../lib.js';

/**
 * Seed 004's 附件1 for a whole province: rows 零售药店 / 药品使用单位 / 药品网络销售单位 (by unit
 * kinds), columns 检查单位数量, 发现违规单位数量, 完成整改单位数量, 已立案查处数量, 罚没款金额,
 * 吊销许可证数量, 移送公安机关案件数量, cumulative from 2023-07-01 to a month end, every station's
 * value and the roll-up to every county, city and the province. Timed from the maintained
 * summaries (`compute`) and by the plain SQL over the raw rows (`plain`) in the same run; the two
 * must be equal (asserted); timings are printed, never asserted. Target (issue 15): < 200 ms on
 * PostgreSQL and < 500 ms embedded at 200,000 units, 2,000,000 inspections, 300,000 findings and
 * rectifications and 100,000 cases.
 */
const ROWS = {
  retail: ['pharmacy_chain', 'pharmacy_single'],
  users: ['medical_institution', 'clinic', 'cdc', 'vaccination_site', 'medical_aesthetics'],
  online: ['online_seller'],
};
const COLUMNS = [
  'inspections.units',
  'inspections.violationUnits',
  'inspections.rectifiedUnits',
  'cases.filed',
  'cases.fines',
  'cases.revokedUnits',
  'cases.referred',
] as const;
const FROM = '2023-07-01';
const TO = '2026-10-31';

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

    const reg = registry();
    await db.execute(sql`insert into measure_starts (since) values (${FROM}::date) on conflict do nothing`);
    const build = await time(() => rebuildSummaries(db, pointOf(reg, 'measureSummaries')));
    const [s] = await rows(sql`select (select count(*)::int from measure_unit_rows) as l, (select count(*)::int from measure_totals) as t`);
    env.figure('build summaries from the raw rows', build.ms, 'ms', `${s.l} ledger rows, ${s.t} total rows`);

    const [root] = await rows(sql`select path from jurisdictions where parent_id is null and name = '北川省'`);
    const tree = await rows(
      sql`select id, parent_id from jurisdictions where path like ${root.path + '%'} and level in ('province','city','county','station')`,
    );
    const parent = new Map<number, number | null>(tree.map((j) => [j.id, j.parent_id]));
    const measures = pointOf(reg, 'measures');
    const byKey = (k: string) => measures.find((m) => m.key === k)!;

    // One table: every cell per station, then each station's value added to its county, city and province.
    const table = async (run: (m: Measure, f: MeasureFilter) => Promise<Map<number, number>>) => {
      const out: Record<string, Record<string, Map<number, number>>> = {};
      for (const [row, kinds] of Object.entries(ROWS)) {
        out[row] = {};
        for (const col of COLUMNS) {
          const stations = await run(byKey(col), { path: root.path, from: FROM, to: TO, entityKinds: kinds });
          const rolled = new Map<number, number>();
          for (const [j, n] of stations)
            for (let at: number | null | undefined = j; at; at = parent.get(at)) rolled.set(at, (rolled.get(at) ?? 0) + n);
          out[row][col] = rolled;
        }
      }
      return out;
    };
    const fast = await table((m, f) => m.compute(db, f));
    const fastTimed = await time(() => table((m, f) => m.compute(db, f)));
    const plainTimed = await time(() => table((m, f) => m.plain!(db, f)));
    const a = JSON.stringify(
      Object.entries(fastTimed.value).map(([r, cols]) => [r, Object.entries(cols).map(([k, v]) => [k, [...v].sort()])]),
    );
    const b = JSON.stringify(
      Object.entries(plainTimed.value).map(([r, cols]) => [r, Object.entries(cols).map(([k, v]) => [k, [...v].sort()])]),
    );
    if (
      a !== b ||
      JSON.stringify([...fast.retail['inspections.units']]) !== JSON.stringify([...fastTimed.value.retail['inspections.units']])
    )
      throw new Error('reports bench: 附件1 from the summaries differs from the plain SQL');
    const cells = Object.values(fastTimed.value).reduce((n, cols) => n + Object.values(cols).reduce((m, v) => m + v.size, 0), 0);
    const total = (row: string, col: string) => fastTimed.value[row][col].get(tree.find((j) => !j.parent_id)?.id ?? 0) ?? 0;
    env.figure('附件1, province with roll-up, from summaries', fastTimed.ms, 'ms', `${cells} cells; equal to the plain SQL`);
    env.figure('附件1, province with roll-up, plain SQL', plainTimed.ms, 'ms');
    env.figure('附件1 province totals (零售药店)', 0, '', COLUMNS.map((k) => `${k}=${total('retail', k)}`).join(' '));
  },
};
export default suite;
