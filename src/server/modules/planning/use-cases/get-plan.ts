import { sql } from 'drizzle-orm';
import type { PlanDetail } from '../../../../contracts/plans.js';
import type { Ctx } from '../../../core/context.js';
import { assertReadsPlan, seesStation, seesWholeArea } from '../policy.js';
import { presentPlan } from '../presenter.js';
import { getPlan, planFindings, rows, withAreaNames } from '../queries.js';
import { loadStations } from '../loader.js';

/** A plan with its findings (shortfalls, last check) and the stations the actor sees. */
export async function getPlanDetail(ctx: Ctx, id: number): Promise<PlanDetail> {
  const p = await getPlan(ctx.db, id);
  assertReadsPlan(ctx.actor, p.path);
  const whole = seesWholeArea(ctx.actor, p.path);
  const stations = (await loadStations(ctx.db, p.path)).filter((s) => whole || seesStation(ctx.actor, s.path));
  const counts = new Map(
    (
      await rows(ctx.db, sql`select jurisdiction_id, count(*)::int as n from plan_tasks where plan_id = ${id} group by jurisdiction_id`)
    ).map((r) => [r.jurisdiction_id, r.n]),
  );
  const f = await planFindings(ctx.db, id);
  const visible = new Set(stations.map((s) => String(s.id)));
  const mine = <T extends { stationId: string | null }>(xs: T[]) => xs.filter((x) => (x.stationId ? visible.has(x.stationId) : whole));
  const check = f.check ?? { ok: true, tasks: 0, surplus: null, violations: [], excess: [], outsideRules: [], inspectorProblems: [] };
  return {
    ...presentPlan(p),
    counted: Number(f.counted ?? 0),
    shortfalls: await withAreaNames(ctx.db, mine(f.shortfalls ?? [])),
    warnings: whole ? (f.warnings ?? []) : [],
    check: { ...check, violations: mine(check.violations), excess: check.excess.filter((e: any) => visible.has(e.stationId)) },
    stations: stations.map((s) => ({
      id: s.id,
      name: s.name,
      shortName: s.shortName,
      tasks: counts.get(s.id) ?? 0,
      inspectors: s.inspectors,
    })),
  };
}
